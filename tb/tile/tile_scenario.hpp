// A tile run described in YAML (docs/node.md "Running programs on the tile", docs/kernels.md "Scenarios"):
// which compiled tile, then either programs per node or a list of phases. Every key is checked; errors name
// the file, line and key.
//
//   tile: 2x2                 # a compiled tile size (tile_sizes())
//   klanes: 4                 # optional, default 1: the KLanes of the compiled tile
//   max_cycles: 1000000       # optional, default 10000000 (per phase)
//   program: build/sw/x.elf   # the program of every node without an entry in `nodes`
//   nodes:                    # per-node programs, by index n = y * cols + x or by "x,y"
//     0: build/sw/y.elf
//     "1,1": build/sw/z.elf
// or
//   phases:                   # run one after the other
//     - gemm: {m: 128, n: 128, k: 128, a_format: bf16, b_format: bf16, out_format: fp32}
//     - traffic: {pattern: uniform, rate: 0.2}   # the keys of a traffic config's `run` section
// Relative program paths are relative to the scenario file's folder.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "gemm_plan.hpp"
#include "traffic_config.hpp"

namespace nd::tile {

struct ScenarioPhase {
  enum class Kind { kGemm, kTraffic };
  Kind kind = Kind::kGemm;
  std::string key;  // "phases[i]"
  int line = 0;
  GemmSpec gemm;
  traffic::NocConfig traffic;  // kTraffic: the `run` keys, on the tile's network (its mesh shape)
};

struct TileScenario {
  std::string file;
  std::string tile = "2x2";
  int klanes = 1;
  std::string kernel;                 // GEMM kernel ELF; empty: the build's sw/tile/gemm.c
  std::vector<ScenarioPhase> phases;  // empty: programs
  uint64_t max_cycles = 10'000'000;
  std::string program;               // every node not in `nodes`; empty: those nodes stay idle
  std::map<int, std::string> nodes;  // node index -> program
  std::map<std::string, int> lines;  // dotted key -> line
};

// Rows and columns of a size "RxC" (InputError naming `file`, `line` and `key` otherwise).
std::pair<int, int> parse_tile_size(const std::string& size, const std::string& file, int line,
                                    const std::string& key);
// A node given as an index or "x,y" on a rows x cols tile.
int parse_node(const std::string& text, int rows, int cols, const std::string& file, int line,
               const std::string& key);

TileScenario load_tile_scenario_file(const std::string& path);
TileScenario load_tile_scenario_text(const std::string& text, const std::string& name);

}  // namespace nd::tile
