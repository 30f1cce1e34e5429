// make_tile(): the compiled nd_tile models behind TileIf (the packet format is checked against the
// Verilated nd_node_pkg in tb/node/node_xfer.test.cpp).
#include <stdexcept>

#include "Vtile_2x2.h"
#include "Vtile_4x4.h"
#if ND_TILE_K4
#include "Vtile_2x2_k4.h"
#endif
#if ND_TILE_K4_BENCH
#include "Vtile_1x1_k4.h"
#include "Vtile_2x2_k4_lean.h"
#include "Vtile_4x4_k4.h"
#endif
#include "errors.hpp"
#include "tile_dut.hpp"

namespace nd::tile {

namespace {

template <class V>
std::unique_ptr<TileIf> make_dut(const TileShape& s, const WaveOptions& w) {
  return std::make_unique<TileDut<V>>(s, w);
}

// The model of one compiled shape (tile_catalog.cpp lists the shapes; keep in step with
// tb/tile/CMakeLists.txt).
std::unique_ptr<TileIf> make_model(const TileShape& s, const WaveOptions& w) {
  const auto is = [&](int rows, int cols, int klanes, bool lean) {
    return s.rows == rows && s.cols == cols && s.klanes == klanes && s.lean == lean;
  };
  if (is(2, 2, 1, false)) return make_dut<Vtile_2x2>(s, w);
  if (is(4, 4, 1, true)) return make_dut<Vtile_4x4>(s, w);
#if ND_TILE_K4
  if (is(2, 2, 4, false)) return make_dut<Vtile_2x2_k4>(s, w);
#endif
#if ND_TILE_K4_BENCH
  if (is(1, 1, 4, true)) return make_dut<Vtile_1x1_k4>(s, w);
  if (is(2, 2, 4, true)) return make_dut<Vtile_2x2_k4_lean>(s, w);
  if (is(4, 4, 4, true)) return make_dut<Vtile_4x4_k4>(s, w);
#endif
  throw std::logic_error("tile_models.cpp: no model for the compiled tile " + s.name());
}

}  // namespace

std::unique_ptr<TileIf> make_tile(const std::string& size, const WaveOptions& waves,
                                  const std::string& source, int klanes, bool lean) {
  if (const CompiledTile* c = find_compiled_tile(size, klanes, lean)) return make_model(c->shape, waves);
  throw InputError(source, 0, "tile",
                   "no compiled tile of size '" + size + "' with KLanes " + std::to_string(klanes) +
                       " (compiled: " + tile_sizes() +
                       "; the KLanes 4 tiles are built by make demo and make bench)");
}

}  // namespace nd::tile
