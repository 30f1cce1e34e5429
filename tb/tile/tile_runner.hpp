// Runs programs on a tile the way the host does on Dojo: everything through the mesh (tb/tile/host.hpp).
//
// load(): writes a node's program image into its SRAM with WRITE packets (the image must fit the node's
// SRAM: checked by the ELF loader against the tile's SramBytes). run(): waits for every write to be
// acknowledged, writes CTRL = run to every loaded node (releasing compute reset), then polls each node over
// the mesh every poll_interval cycles: its CORE_STATUS register (exited: EXIT written by nd_exit; halted:
// trap without a handler) and its `tohost` word (programs that end the riscv-tests way). A node is done when
// it exited, halted or stored to tohost; the run ends when every loaded node is done or at max_cycles.
// Finally it reads each node's EXIT, TRAP_*, INSTRET and RUN_CYCLES registers over the mesh. Console bytes
// come from the tile's observation ports (they are not part of booting or running).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core_runner.hpp"
#include "host.hpp"
#include "program_image.hpp"

namespace nd::tile {

struct TileRunOptions {
  uint64_t max_cycles = 10'000'000;  // cycles after the start writes
  uint32_t poll_interval = 256;      // cycles between two status polls of a node
  std::function<void(int node, char c)> on_console;
  std::function<void(uint64_t cycles)> on_poll;  // after each poll round, cycles since the start
  std::function<void()> on_run_cycle;            // every cycle from the start until every node is done
};

struct NodeResult {
  bool loaded = false;
  core::RunStatus status = core::RunStatus::kCycleLimit;
  uint32_t code = 0;       // kFail: the program's fail code
  uint32_t exit_word = 0;  // EXIT register or tohost word, (code << 1) | 1
  uint64_t cycles = 0;     // RUN_CYCLES: cycles the core ran
  uint64_t instret = 0;    // INSTRET
  core::TrapReport trap;   // kTrap: cause and pc (insn and tval are not in the node registers)
  std::string console;
  std::string describe() const;
};

struct TileRunResult {
  std::vector<NodeResult> nodes;
  uint64_t load_cycles = 0;  // from the first WRITE until every program is acknowledged
  uint64_t cycles = 0;       // from the start writes until the last node is done
  double wall_seconds = 0;
  bool passed() const;  // every loaded node passed
  double cycles_per_second() const;
};

class TileRunner {
 public:
  TileRunner(TileIf& tile, const TileRunOptions& options = {});
  Host& host() { return host_; }
  // The loader options matching this tile (SRAM size) for core::load_elf().
  core::LoadOptions load_options() const;
  void load(int node, const core::ProgramImage& image);
  TileRunResult run();

 private:
  TileIf& tile_;
  TileRunOptions opt_;
  Host host_;
  struct Loaded {
    bool loaded = false;
    std::optional<uint32_t> tohost;  // polled when the program has one; EXIT ends the run either way
  };
  std::vector<Loaded> programs_;  // per node
  std::vector<std::string> console_;
  uint64_t load_start_ = 0;
  bool loading_ = false;
  bool running_ = false;  // between the start writes and the last node done
};

}  // namespace nd::tile
