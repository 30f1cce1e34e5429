// make_tile(): the compiled nd_tile models behind TileIf (the packet format is checked against the
// Verilated nd_node_pkg in tb/node/node_xfer.test.cpp).
#include <sstream>

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

struct Compiled {
  const char* size;
  TileShape shape;
  std::unique_ptr<TileIf> (*make)(const TileShape&, const WaveOptions&);
};

template <class V>
std::unique_ptr<TileIf> make_dut(const TileShape& s, const WaveOptions& w) {
  return std::make_unique<TileDut<V>>(s, w);
}

// Keep in step with tb/tile/CMakeLists.txt.
const Compiled kCompiled[] = {
    {"2x2", {2, 2, 1, 256 * 1024, 2, 4, 256, false}, &make_dut<Vtile_2x2>},
    {"4x4", {4, 4, 1, 256 * 1024, 2, 4, 256, true}, &make_dut<Vtile_4x4>},
#if ND_TILE_K4
    {"2x2", {2, 2, 4, 256 * 1024, 2, 4, 256, false}, &make_dut<Vtile_2x2_k4>},
#endif
#if ND_TILE_K4_BENCH
    {"1x1", {1, 1, 4, 256 * 1024, 2, 4, 256, true}, &make_dut<Vtile_1x1_k4>},
    {"2x2", {2, 2, 4, 256 * 1024, 2, 4, 256, true}, &make_dut<Vtile_2x2_k4_lean>},
    {"4x4", {4, 4, 4, 256 * 1024, 2, 4, 256, true}, &make_dut<Vtile_4x4_k4>},
#endif
};

// The first model of this size and KLanes; with `lean`, a lean one if there is one.
const Compiled* find(const std::string& size, int klanes, bool lean = false) {
  const Compiled* first = nullptr;
  for (const auto& c : kCompiled) {
    if (size != c.size || klanes != c.shape.klanes) continue;
    if (!first) first = &c;
    if (lean && c.shape.lean) return &c;
  }
  return first;
}
}  // namespace

std::string TileShape::name() const {
  std::ostringstream os;
  os << rows << "x" << cols << ", KLanes " << klanes << ", " << sram_bytes / 1024 << " KiB SRAM per node"
     << (lean ? ", lean" : "");
  return os.str();
}

std::string tile_sizes() {
  std::string s;
  for (const auto& c : kCompiled)
    if (find(c.size, c.shape.klanes) == &c)  // each size and KLanes once
      s += (s.empty() ? "" : ", ") + std::string(c.size) + (c.shape.klanes == 1 ? "" : " (KLanes 4)");
  return s;
}

std::optional<TileShape> compiled_tile(const std::string& size, int klanes) {
  if (const Compiled* c = find(size, klanes)) return c->shape;
  return std::nullopt;
}

std::unique_ptr<TileIf> make_tile(const std::string& size, const WaveOptions& waves,
                                  const std::string& source, int klanes, bool lean) {
  if (const Compiled* c = find(size, klanes, lean)) return c->make(c->shape, waves);
  throw InputError(source, 0, "tile",
                   "no compiled tile of size '" + size + "' with KLanes " + std::to_string(klanes) +
                       " (compiled: " + tile_sizes() +
                       "; the KLanes 4 tiles are built by make demo and make bench)");
}

}  // namespace nd::tile
