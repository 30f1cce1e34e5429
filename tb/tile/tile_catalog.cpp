// The compiled tile shapes (tile_shape.hpp). Keep in step with tb/tile/CMakeLists.txt and the models of
// tile_models.cpp.
#include <sstream>

#include "tile_shape.hpp"

namespace nd::tile {

const std::vector<CompiledTile>& compiled_tiles() {
  static const std::vector<CompiledTile> kCompiled = {
    {"2x2", {2, 2, 1, 256 * 1024, 2, 4, 256, false}},
    {"4x4", {4, 4, 1, 256 * 1024, 2, 4, 256, true}},
#if ND_TILE_K4
    {"2x2", {2, 2, 4, 256 * 1024, 2, 4, 256, false}},
#endif
#if ND_TILE_K4_BENCH
    {"1x1", {1, 1, 4, 256 * 1024, 2, 4, 256, true}},
    {"2x2", {2, 2, 4, 256 * 1024, 2, 4, 256, true}},
    {"4x4", {4, 4, 4, 256 * 1024, 2, 4, 256, true}},
#endif
  };
  return kCompiled;
}

const CompiledTile* find_compiled_tile(const std::string& size, int klanes, bool lean) {
  const CompiledTile* first = nullptr;
  for (const auto& c : compiled_tiles()) {
    if (size != c.size || klanes != c.shape.klanes) continue;
    if (!first) first = &c;
    if (lean && c.shape.lean) return &c;
  }
  return first;
}

std::string TileShape::name() const {
  std::ostringstream os;
  os << rows << "x" << cols << ", KLanes " << klanes << ", " << sram_bytes / 1024 << " KiB SRAM per node"
     << (lean ? ", lean" : "");
  return os.str();
}

std::string tile_sizes() {
  std::string s;
  for (const auto& c : compiled_tiles())
    if (find_compiled_tile(c.size, c.shape.klanes) == &c)  // each size and KLanes once
      s += (s.empty() ? "" : ", ") + std::string(c.size) + (c.shape.klanes == 1 ? "" : " (KLanes 4)");
  return s;
}

std::optional<TileShape> compiled_tile(const std::string& size, int klanes) {
  if (const CompiledTile* c = find_compiled_tile(size, klanes)) return c->shape;
  return std::nullopt;
}

}  // namespace nd::tile
