// The host side of the tile GEMM kernel (sw/tile/gemm.c, docs/kernels.md): what a GEMM is (GemmSpec), how
// it is cut over a grid of nodes and laid out in each node's SRAM (GemmPlan), and the order in which each
// node computes its tiles (the order of its stochastic-rounding stream). No Verilator types.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "mxu_ref.hpp"
#include "tile_shape.hpp"

namespace nd::tile {

struct GemmSpec {
  int m = 64, n = 64, k = 64;
  mxu::OpFmt a_fmt = mxu::OpFmt::kBf16, b_fmt = mxu::OpFmt::kBf16;
  int a_bias = 0, b_bias = 0;
  mxu::OutFmt out_fmt = mxu::OutFmt::kFp32;
  int out_bias = 0;
  bool stochastic = false;
  uint32_t seed = 1;                 // operands (and stochastic rounding unless rounding_seed is set)
  uint32_t rounding_seed = 0;        // 0: seed
  int grid_rows = 0, grid_cols = 0;  // nodes used, from (0, 0); 0: the whole tile
  // Background traffic from the host ports while the GEMM runs (tb/tile/background.hpp); rate 0: none.
  double background_rate = 0;
  uint32_t background_bytes = 64;
  uint64_t background_seed = 1;
  // Where the spec came from, for error messages (a scenario file, its line and the key of the phase).
  std::string source = "gemm";
  int line = 0;
  std::string key = "gemm";
  std::map<std::string, int> lines;  // line of each given key (dotted, with the `key` prefix)
};

// A contiguous range of 8-wide strips.
struct StripRange {
  int first = 0, count = 0;
  int end() const { return first + count; }
};

struct GemmNodePlan {
  int node = 0, r = 0, c = 0;       // tile node index, grid row and column
  StripRange a_block, b_block;      // strips of A (rows / 8) and B (columns / 8) of the node's C block
  std::vector<StripRange> a_parts;  // a_block split over the grid columns (relative to a_block.first)
  std::vector<StripRange> b_parts;  // b_block split over the grid rows
  int a_rows = 0, b_cols = 0;       // valid rows / columns of the node's own parts
  uint32_t seed = 0;                // its stochastic-rounding seed
};

struct GemmLayout {  // node-local addresses, the same on every node of the grid
  uint32_t flags = 0, status = 0, a_panels = 0, b_panels = 0, c = 0, c_stride = 0, c_bytes = 0;
  uint32_t a_raw = 0, b_raw = 0;
  uint32_t scratch = 0;  // background traffic's slots (when it runs)
  uint32_t end = 0;
};

struct GemmPlan {
  GemmSpec spec;
  int grid_rows = 1, grid_cols = 1;
  GemmLayout layout;
  std::vector<GemmNodePlan> nodes;  // the grid's nodes, grid row-major
  uint64_t useful_macs() const {
    return static_cast<uint64_t>(spec.m) * static_cast<uint64_t>(spec.n) * static_cast<uint64_t>(spec.k);
  }
};

// Checks the spec against the tile and the program (sizes, formats, biases, the grid, SRAM room between
// `image_end` and the stack) and lays it out. Throws nd::InputError(spec.source, spec.line, spec.key...).
GemmPlan plan_gemm(const GemmSpec& spec, const TileShape& tile, uint32_t image_end);

// The job block words (sw/include/nd_gemm.h) of one node.
std::vector<uint32_t> job_words(const GemmPlan& plan, const GemmNodePlan& node);

// The tiles of a node in the order the kernel computes them: (A strip, B strip) pairs, strip indices
// within the node's A_r / B_c buffers.
std::vector<std::pair<int, int>> tile_order(const GemmPlan& plan, const GemmNodePlan& node);

// The MXU CFG word of the spec.
mxu::Cfg mxu_cfg(const GemmSpec& spec);

}  // namespace nd::tile
