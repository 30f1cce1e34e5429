#include "tile_scenario.hpp"

#include <filesystem>

#include "errors.hpp"
#include "tile_shape.hpp"
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

namespace {

template <class E>
E choice(const YamlReader& y, const YAML::Node& v, const std::string& key,
         const std::vector<std::pair<const char*, E>>& names) {
  const std::string t = y.string(v, key);
  std::string list;
  for (const auto& [n, e] : names) {
    if (t == n) return e;
    list += (list.empty() ? "" : ", ") + std::string(n);
  }
  y.fail(v, key, "unknown value '" + t + "' (expected one of: " + list + ")");
}

GemmSpec read_gemm(YamlReader& y, const YAML::Node& map, const std::string& key) {
  using mxu::OpFmt;
  using mxu::OutFmt;
  const std::vector<std::pair<const char*, OpFmt>> ops = {
      {"bf16", OpFmt::kBf16}, {"e4m3", OpFmt::kE4M3}, {"e5m2", OpFmt::kE5M2}};
  const std::vector<std::pair<const char*, OutFmt>> outs = {
      {"fp32", OutFmt::kFp32}, {"bf16", OutFmt::kBf16}, {"e4m3", OutFmt::kE4M3}, {"e5m2", OutFmt::kE5M2}};
  GemmSpec g;
  g.source = y.file();
  g.line = YamlReader::line(map);
  g.key = key;
  y.each(map, key,
         {"m", "n", "k", "a_format", "b_format", "a_bias", "b_bias", "out_format", "out_bias", "rounding",
          "seed", "rounding_seed", "grid", "background"},
         [&](const std::string& k, const YAML::Node& v) {
           const std::string kk = key + "." + k;
           g.lines[kk] = YamlReader::line(v);
           if (k == "m") g.m = static_cast<int>(y.integer(v, kk, 1, 65535));
           if (k == "n") g.n = static_cast<int>(y.integer(v, kk, 1, 65535));
           if (k == "k") g.k = static_cast<int>(y.integer(v, kk, 1, 65535));
           if (k == "a_format") g.a_fmt = choice(y, v, kk, ops);
           if (k == "b_format") g.b_fmt = choice(y, v, kk, ops);
           if (k == "out_format") g.out_fmt = choice(y, v, kk, outs);
           if (k == "a_bias") g.a_bias = static_cast<int>(y.integer(v, kk, 0, 63));
           if (k == "b_bias") g.b_bias = static_cast<int>(y.integer(v, kk, 0, 63));
           if (k == "out_bias") g.out_bias = static_cast<int>(y.integer(v, kk, 0, 63));
           if (k == "rounding") g.stochastic = choice<bool>(y, v, kk, {{"rne", false}, {"stochastic", true}});
           if (k == "seed") g.seed = static_cast<uint32_t>(y.integer(v, kk, 0, 0xFFFFFFFFLL));
           if (k == "rounding_seed")
             g.rounding_seed = static_cast<uint32_t>(y.integer(v, kk, 0, 0xFFFFFFFFLL));
           if (k == "background") {
             y.each(v, kk, {"rate", "bytes", "seed"}, [&](const std::string& bk, const YAML::Node& bv) {
               const std::string bkk = kk + "." + bk;
               g.lines[bkk] = YamlReader::line(bv);
               if (bk == "rate") g.background_rate = y.real(bv, bkk, 0.0, 1.0);
               if (bk == "bytes") g.background_bytes = static_cast<uint32_t>(y.integer(bv, bkk, 16, 65536));
               if (bk == "seed") g.background_seed = static_cast<uint64_t>(y.integer(bv, bkk, 0, 1LL << 62));
             });
           }
           if (k == "grid") {
             const auto [r, c] = parse_tile_size(y.string(v, kk), y.file(), g.lines[kk], kk);
             g.grid_rows = r;
             g.grid_cols = c;
           }
         });
  return g;
}

}  // namespace

TileScenario load_tile_scenario_text(const std::string& text, const std::string& name) {
  TileScenario s;
  s.file = name;
  YamlReader y(name);
  const YAML::Node root = y.parse(
      text, "empty scenario (expected the keys tile, klanes, max_cycles, program, nodes, phases, kernel)");
  const std::filesystem::path dir = std::filesystem::path(name).parent_path();
  auto path = [&](const std::string& p) {
    return std::filesystem::path(p).is_absolute() ? p : (dir / p).string();
  };
  YAML::Node nodes, phases;
  bool have_nodes = false, have_phases = false;
  y.each(root, "", {"tile", "klanes", "max_cycles", "program", "nodes", "phases", "kernel"},
         [&](const std::string& k, const YAML::Node& v) {
           if (k == "tile") s.tile = y.string(v, k);
           if (k == "klanes") s.klanes = static_cast<int>(y.integer(v, k, 1, 4));
           if (k == "kernel") s.kernel = path(y.string(v, k));
           if (k == "phases") {
             phases = v;
             have_phases = true;
           }
           if (k == "max_cycles")
             s.max_cycles = static_cast<uint64_t>(y.integer(v, k, 1, 1'000'000'000'000LL));
           if (k == "program") s.program = path(y.string(v, k));
           if (k == "nodes") {
             nodes = v;
             have_nodes = true;
           }
         });
  // Plain ints, not a structured binding: the `nodes` lambda below captures them (C++17).
  const std::pair<int, int> size = parse_tile_size(s.tile, name, y.line_of("tile"), "tile");
  const int rows = size.first, cols = size.second;
  if (!compiled_tile(s.tile, s.klanes))
    throw InputError(name, y.line_of(y.line_of("klanes") ? "klanes" : "tile"), "tile",
                     "no compiled tile of size " + s.tile + " with KLanes " + std::to_string(s.klanes) +
                         " (compiled: " + tile_sizes() +
                         "; the KLanes 4 tiles are built by make demo and make bench)");
  if (have_nodes) {
    y.each(nodes, "nodes", {}, [&](const std::string& k, const YAML::Node& v) {
      const int n = parse_node(k, rows, cols, name, y.line_of("nodes." + k), "nodes." + k);
      s.nodes[n] = path(y.string(v, "nodes." + k));
    });
  }
  if (have_phases) {
    if (!s.program.empty() || have_nodes)
      throw InputError(name, y.line_of("phases"), "phases",
                       "a scenario has either phases or programs (program, nodes), not both");
    if (!phases.IsSequence() || phases.size() == 0)
      y.fail(phases, "phases", "expected a list of phases (each a map with one key: gemm or traffic)");
    for (std::size_t i = 0; i < phases.size(); ++i) {
      const std::string key = "phases[" + std::to_string(i) + "]";
      ScenarioPhase ph;
      ph.key = key;
      ph.line = YamlReader::line(phases[i]);
      bool kind = false;
      y.each(phases[i], key, {"gemm", "traffic"}, [&](const std::string& k, const YAML::Node& v) {
        if (kind) y.fail(v, key, "a phase has exactly one kind (gemm or traffic)");
        kind = true;
        if (k == "gemm") ph.gemm = read_gemm(y, v, key + ".gemm");
        if (k == "traffic") {
          ph.kind = ScenarioPhase::Kind::kTraffic;
          ph.traffic =
              traffic::load_run_section(name, v, key + ".traffic", compiled_tile(s.tile, s.klanes)->mesh());
        }
      });
      if (!kind) y.fail(phases[i], key, "empty phase (expected one key: gemm or traffic)");
      s.phases.push_back(ph);
    }
  } else if (s.program.empty() && s.nodes.empty()) {
    throw InputError(name, 0, "program", "no program: give `program` (every node), `nodes` or `phases`");
  }
  s.lines = y.lines();
  return s;
}

TileScenario load_tile_scenario_file(const std::string& path) {
  return load_tile_scenario_text(YamlReader::read_file(path), path);
}

}  // namespace nd::tile
