// Soak of the tile (`nanodojo soak`, `make soak`; docs/kernels.md "Soak"): random scenarios, one after the
// other on one tile, for a wall-clock budget or a number of scenarios. Each scenario is either
// - a GEMM (sw/tile/gemm.c, tb/tile/gemm_run.hpp) of random size, operand and output formats, biases,
//   rounding, seed and grid, with random background traffic from the host ports, checked bit for bit (every
//   element and the MXU flags of every node) against the golden model; or
// - random DMA between all nodes (sw/tile/tile_dma_random.c with a random seed: every block, no stray write,
//   every flag exactly once, read-back), with random background traffic.
// Scenario i draws everything from scenario_seed(seed, i), so any scenario can be repeated alone.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "gemm_plan.hpp"
#include "tile_if.hpp"

namespace nd::tile {

struct TileSoakOptions {
  std::string gemm_elf;             // build/sw/gemm.elf
  std::string dma_elf;              // build/sw/tile_dma_random.elf
  double seconds = 0;               // wall-clock budget (a scenario started before it runs out is finished)
  uint64_t scenarios = 0;           // number of scenarios (0: until the budget runs out)
  uint64_t first = 0;               // index of the first scenario (to repeat one: first = i, scenarios = 1)
  uint64_t max_cycles = 5'000'000;  // per scenario
};

struct TileSoakScenario {
  uint64_t index = 0, seed = 0;
  std::string kind;  // "gemm" or "dma"
  std::string what;  // one line: sizes, formats, grid, background, seeds
  bool passed = false;
  std::string failure;              // first mismatch or failing node, when not passed
  uint64_t cycles = 0;              // simulated cycles (loading included)
  uint64_t elements = 0;            // GEMM: C elements checked
  uint64_t dma_bytes = 0;           // bytes the nodes' DMA engines sent
  uint64_t background_packets = 0;  // background WRITEs acknowledged
  double wall_seconds = 0;
};

struct TileSoakResult {
  std::vector<TileSoakScenario> scenarios;
  uint64_t gemms = 0, dmas = 0, passed = 0, failed = 0;
  uint64_t cycles = 0, elements = 0, dma_bytes = 0, background_packets = 0;
  double wall_seconds = 0;
};

uint64_t scenario_seed(uint64_t seed, uint64_t index);

// Runs scenarios on `tile` until the budget runs out or a scenario fails (the failing one is the last in the
// result). `on_scenario` is called before (started = true) and after every scenario.
TileSoakResult tile_soak(TileIf& tile, uint64_t seed, const TileSoakOptions& opt,
                         const std::function<void(const TileSoakScenario&, bool started)>& on_scenario = {});

}  // namespace nd::tile
