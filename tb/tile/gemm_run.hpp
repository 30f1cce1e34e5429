// Runs one GEMM on a tile (docs/kernels.md): random operands from the spec's seed, the kernel
// (sw/tile/gemm.c) booted through the mesh on every node of the grid with its job block and its own part
// of A and B, the C blocks read back through the mesh and compared bit for bit with the golden model
// (mxu::MxuModel per node: the same commands in the same order, so stochastic rounding and the sticky
// flags are exact too), and the per-node figures: cycles, MXU utilization and stalls, DMA bytes and stalls.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "background.hpp"
#include "gemm_plan.hpp"
#include "tile_runner.hpp"

namespace nd::tile {

struct GemmNodeStats {
  int node = 0, r = 0, c = 0;
  NodeResult run;
  uint32_t result = 0;  // the kernel's ND_GJ_RESULT
  uint64_t cycles_pack = 0, cycles_compute = 0, cycles_wait = 0, cycles_total = 0, tiles = 0;
  uint32_t mxu_status[8] = {};  // the kernel's MXU status block (docs/mxu.md)
  uint32_t dma_status = 0, dma_bytes_out = 0, dma_bytes_in = 0, dma_stall = 0;
  uint64_t useful_macs = 0;  // valid rows x valid columns x K of the node's block
  uint32_t flags = 0, expect_flags = 0;
  // useful MACs / (compute cycles x 64 x KLanes)
  double mxu_utilization(int klanes) const;
};

struct GemmMismatch {
  int node = 0, row = 0, col = 0;  // global element (row, col); past m / n: padding of the C block
  uint32_t got = 0, expect = 0;    // codes in the output format
};

struct GemmResult {
  GemmPlan plan;
  int klanes = 1;
  std::vector<GemmNodeStats> nodes;
  std::vector<uint32_t> c;               // the m x n result codes read back (row-major)
  std::vector<GemmMismatch> mismatches;  // the first kMaxMismatches
  uint64_t mismatch_count = 0;
  bool flags_ok = true;
  uint64_t load_cycles = 0, run_cycles = 0;  // host: loading, and start to the last node done
  BackgroundStats background;                // when the spec asks for background traffic
  double wall_seconds = 0;                   // all of run_gemm, the golden model included
  double sim_seconds = 0;                    // loading and running the tile only
  double cycles_per_second() const;          // (load + run cycles) / sim_seconds
  static constexpr size_t kMaxMismatches = 16;
  bool passed() const;
  uint64_t compute_cycles() const;  // the slowest node's compute phase
  uint64_t total_cycles() const;    // the slowest node's whole kernel (packing included)
  // Tile MXU utilization: useful MACs / (cycles x 64 x KLanes x grid nodes) over the compute phase and
  // over the whole kernel.
  double utilization() const;
  double utilization_end_to_end() const;
  std::string describe(const GemmMismatch& m) const;
};

struct GemmRunOptions {
  std::string elf;  // the kernel (build/sw/gemm.elf)
  uint64_t max_cycles = 50'000'000;
  std::function<void(int node, char c)> on_console;
  // Every `progress_interval` poll rounds: cycles since the start, tiles issued so far, tiles in all.
  std::function<void(uint64_t cycles, uint64_t tiles, uint64_t total)> on_progress;
  int progress_interval = 16;
};

GemmResult run_gemm(TileIf& tile, const GemmSpec& spec, const GemmRunOptions& options);

// Random operand codes of a format (BF16: exponents near 1.0 so sums stay finite; CFP8: every code).
std::vector<uint16_t> random_codes(mxu::OpFmt fmt, size_t count, uint64_t seed);

}  // namespace nd::tile
