#include "tile_scenario.hpp"

#include <filesystem>

#include "errors.hpp"
#include "tile_if.hpp"
#include "yaml_reader.hpp"

namespace nd::tile {

std::pair<int, int> parse_tile_size(const std::string& size, const std::string& file, int line,
                                    const std::string& key) {
  int r = 0, c = 0;
  char x = 0, extra = 0;
  if (std::sscanf(size.c_str(), "%d%c%d%c", &r, &x, &c, &extra) != 3 || x != 'x' || r < 1 || c < 1)
    throw InputError(file, line, key,
                     "expected a tile size ROWSxCOLS (compiled: " + tile_sizes() + "), got '" + size + "'");
  return {r, c};
}

int parse_node(const std::string& text, int rows, int cols, const std::string& file, int line,
               const std::string& key) {
  int x = -1, y = -1, n = -1;
  char comma = 0, extra = 0;
  if (std::sscanf(text.c_str(), "%d%c%d%c", &x, &comma, &y, &extra) == 3 && comma == ',') {
    if (x < 0 || y < 0 || x >= cols || y >= rows)
      throw InputError(
          file, line, key,
          "node " + text + " outside the " + std::to_string(rows) + "x" + std::to_string(cols) + " tile");
    return y * cols + x;
  }
  if (std::sscanf(text.c_str(), "%d%c", &n, &extra) != 1)
    throw InputError(file, line, key, "expected a node index or \"x,y\", got '" + text + "'");
  if (n < 0 || n >= rows * cols)
    throw InputError(file, line, key,
                     "node " + text + " outside the " + std::to_string(rows) + "x" + std::to_string(cols) +
                         " tile (nodes 0 to " + std::to_string(rows * cols - 1) + ")");
  return n;
}

TileScenario load_tile_scenario_text(const std::string& text, const std::string& name) {
  TileScenario s;
  s.file = name;
  YamlReader y(name);
  const YAML::Node root =
      y.parse(text, "empty scenario (expected the keys tile, max_cycles, program, nodes)");
  const std::filesystem::path dir = std::filesystem::path(name).parent_path();
  auto path = [&](const std::string& p) {
    return std::filesystem::path(p).is_absolute() ? p : (dir / p).string();
  };
  YAML::Node nodes;
  bool have_nodes = false;
  y.each(root, "", {"tile", "max_cycles", "program", "nodes"},
         [&](const std::string& k, const YAML::Node& v) {
           if (k == "tile") s.tile = y.string(v, k);
           if (k == "max_cycles")
             s.max_cycles = static_cast<uint64_t>(y.integer(v, k, 1, 1'000'000'000'000LL));
           if (k == "program") s.program = path(y.string(v, k));
           if (k == "nodes") {
             nodes = v;
             have_nodes = true;
           }
         });
  const auto [rows, cols] = parse_tile_size(s.tile, name, y.line_of("tile"), "tile");
  if (!compiled_tile(s.tile))
    throw InputError(name, y.line_of("tile"), "tile",
                     "no compiled tile of size " + s.tile + " (compiled: " + tile_sizes() + ")");
  if (have_nodes) {
    y.each(nodes, "nodes", {}, [&](const std::string& k, const YAML::Node& v) {
      const int n = parse_node(k, rows, cols, name, y.line_of("nodes." + k), "nodes." + k);
      s.nodes[n] = path(y.string(v, "nodes." + k));
    });
  }
  if (s.program.empty() && s.nodes.empty())
    throw InputError(name, 0, "program", "no program: give `program` (every node) or `nodes`");
  s.lines = y.lines();
  return s;
}

TileScenario load_tile_scenario_file(const std::string& path) {
  return load_tile_scenario_text(YamlReader::read_file(path), path);
}

}  // namespace nd::tile
