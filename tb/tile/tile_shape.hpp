// The shapes of the compiled nd_tile models (docs/node.md "Tile models"), free of Verilator: what a scenario
// file or a GEMM plan is checked against. The models themselves are behind make_tile() (tile_if.hpp).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "noc_flit.hpp"

namespace nd::tile {

// The parameters one nd_tile model was built with.
struct TileShape {
  int rows = 2, cols = 2;
  int klanes = 4;
  uint32_t sram_bytes = 256 * 1024;
  int num_vcs = 2, buf_depth = 4;
  uint32_t max_packet_bytes = 256;
  bool lean = false;   // built without assertions and waves
  int in_speedup = 1;  // the routers' input speedup (nd_tile InSpeedup)
  int nodes() const { return rows * cols; }
  noc::MeshShape mesh() const {
    return {rows, cols, num_vcs, buf_depth, 128, 2, noc::VcPolicy::Separate, in_speedup};
  }
  std::string name() const;  // e.g. "2x2, KLanes 4, 256 KiB SRAM per node" (", lean")
};

// One compiled model: its size ("2x2") and shape.
struct CompiledTile {
  const char* size;
  TileShape shape;
};

// Every compiled model, in the order make_tile() searches them: "2x2" and "4x4" with KLanes 1 always; "1x1",
// "2x2" and "4x4" with KLanes 4 when the build has ND_TILE_K4 / ND_TILE_K4_BENCH (make demo, make bench).
const std::vector<CompiledTile>& compiled_tiles();
// The first model of this size and KLanes; with `lean`, a lean one if there is one. Null when none is built.
const CompiledTile* find_compiled_tile(const std::string& size, int klanes, bool lean = false);
// The sizes make_tile() knows, e.g. "2x2, 4x4, 2x2 (KLanes 4)", and the shape of one of them.
std::string tile_sizes();
std::optional<TileShape> compiled_tile(const std::string& size, int klanes = 1);

}  // namespace nd::tile
