// `nanodojo run SCENARIO.yaml` for tile scenarios (tb/tile/tile_scenario.hpp, docs/kernels.md "Scenarios"):
// the phases one after the other on one tile, a report per phase and PASS / FAIL. Traffic-only configs
// (docs/noc-traffic.md) keep their own path in sim/cmd_noc.cpp.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "options.hpp"

namespace nd {

struct ScenarioRunOptions {
  std::string file;              // scenario file; empty: the built-in sim/configs/demo.yaml
  std::optional<uint64_t> seed;  // --seed: replaces every phase's seed
  std::string json;              // --json FILE
  WaveOptions waves;
  bool progress = false;  // a progress line (when stdout is a terminal)
};

// The built-in scenario (sim/configs/demo.yaml, compiled into the program).
extern const char* const kDemoScenario;
constexpr const char* kDemoScenarioName = "<built-in sim/configs/demo.yaml>";

// True when the YAML text is a tile scenario (a map with `tile`, `phases` or programs), not a traffic config.
bool is_tile_scenario(const std::string& text);

// Runs the scenario; exit status 0 (every phase passed) or 1. Bad input throws nd::InputError.
int run_scenario(const ScenarioRunOptions& options);

}  // namespace nd
