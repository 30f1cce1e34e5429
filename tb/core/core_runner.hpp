// Runs a RISC-V program on the Verilated nd_core_system (rtl/core/nd_core_system.sv) and reports how it
// ended.
//
// CoreRunner::load() resets the system with fetch_en_i low and writes the program image (its words())
// into SRAM through the backdoor port; run() raises fetch_en_i and clocks until one of:
//   - a store to `tohost` with bit 0 set: the program ended, code = value >> 1 (0 = pass);
//   - halted_o: an exception with no handler installed (cause, pc, instruction, mtval reported);
//   - max_cycles: the program did not end in time.
// It captures the console bytes, counts cycles (from fetch_en_i) and retired instructions, and can
// measure one pc range separately (e.g. a benchmark kernel). The header is free of Verilator types.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "options.hpp"
#include "program_image.hpp"

namespace nd::core {

struct RunOptions {
  uint64_t max_cycles = 10'000'000;  // cycles after fetch_en_i rises
  uint32_t hart_x = 0;               // node coordinates, seen by the program as mhartid / node id
  uint32_t hart_y = 0;
  WaveOptions waves;  // window in run cycles (as `cycles`); from = 0 also dumps reset and loading
  uint64_t seed = 1;  // Verilator's random initial state
  std::function<void(char)> on_console;                 // called for each console byte as it is written
  std::optional<std::pair<uint32_t, uint32_t>> region;  // [lo, hi): pc range measured separately
};

enum class RunStatus { kPass, kFail, kTrap, kCycleLimit };

struct TrapReport {
  uint32_t cause = 0;
  uint32_t pc = 0;
  uint32_t insn = 0;
  uint32_t tval = 0;
};

struct RunResult {
  RunStatus status = RunStatus::kCycleLimit;
  uint32_t code = 0;            // kFail: the program's fail code (tohost >> 1)
  uint32_t tohost_value = 0;    // the value stored to tohost
  uint64_t cycles = 0;          // from fetch_en_i to the end (tohost store, halt or the limit)
  uint64_t instret = 0;         // instructions retired in that time
  std::string console;          // every byte written to the console register
  TrapReport trap;              // kTrap only
  uint32_t last_pc = 0;         // pc of the last retired instruction
  uint64_t region_instret = 0;  // instructions retired inside RunOptions::region
  uint64_t region_cycles = 0;   // cycles whose latest retired instruction lies inside the region
  uint64_t load_cycles = 0;     // backdoor cycles spent loading the program (not in `cycles`)
  double wall_seconds = 0;      // wall time of run()

  double ipc() const { return cycles ? static_cast<double>(instret) / static_cast<double>(cycles) : 0.0; }
  double region_ipc() const {
    return region_cycles ? static_cast<double>(region_instret) / static_cast<double>(region_cycles) : 0.0;
  }
  double cycles_per_second() const {
    return wall_seconds > 0 ? static_cast<double>(cycles) / wall_seconds : 0.0;
  }
  // One line: "PASS", "FAIL with code N", "unhandled trap: ..." or "cycle limit ...".
  std::string describe() const;
};

// Name of an mcause value ("illegal instruction", "load access fault", ...).
std::string trap_cause_name(uint32_t cause);
const char* status_name(RunStatus s);

class CoreRunner {
 public:
  explicit CoreRunner(const RunOptions& options = {});
  ~CoreRunner();
  CoreRunner(const CoreRunner&) = delete;
  CoreRunner& operator=(const CoreRunner&) = delete;

  // Resets the system and writes the program into SRAM (bytes between segments are left as they are).
  void load(const ProgramImage& image);
  // Starts the core and runs until the program ends, traps or reaches the cycle limit. Throws
  // nd::SimError on an RTL assertion failure or a store to tohost that is not an end-of-program value.
  RunResult run();
  // Reads one SRAM word through the backdoor port (one clock cycle).
  uint32_t read_word(uint32_t addr);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Loads the ELF at `path` (nd::InputError on a bad file) and runs it.
RunResult run_program(const std::string& path, const RunOptions& options = {});

}  // namespace nd::core
