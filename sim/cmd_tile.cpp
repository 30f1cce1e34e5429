// `nanodojo tile`: boots programs on a tile of nodes through the mesh and reports every node.
//
//   nanodojo tile PROGRAM.elf                 every node runs PROGRAM
//   nanodojo tile --node 0=a.elf --node 1,1=b.elf [PROGRAM.elf]
//   nanodojo tile --scenario run.yaml         the same, described in YAML (tb/tile/tile_scenario.hpp)
// Console output goes to stdout, each line prefixed with its node "[x,y] "; the report (per node: result,
// cycles, retired instructions; load cycles, simulation speed) goes to stderr, and with --json FILE to a
// JSON file as well. Exit status: 0 every loaded node passed, 1 otherwise (a node failed, trapped or ran out
// of cycles, or an RTL assertion fired), 2 bad input (flags, scenario, ELF).
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "command.hpp"
#include "errors.hpp"
#include "tile_runner.hpp"
#include "tile_scenario.hpp"

namespace {

struct TileOptions {
  std::string program;
  std::vector<std::string> node_programs;  // "N=PATH" or "x,y=PATH"
  std::string scenario;
  std::string tile = "2x2";
  uint64_t max_cycles = 10'000'000;
  std::string json;
  nd::WaveOptions waves;
};

nd::tile::TileScenario scenario_from_flags(const TileOptions& o) {
  nd::tile::TileScenario s;
  s.file = "<command line>";
  s.tile = o.tile;
  s.max_cycles = o.max_cycles;
  s.program = o.program;
  const auto [rows, cols] = nd::tile::parse_tile_size(o.tile, s.file, 0, "--tile");
  if (!nd::tile::compiled_tile(o.tile))
    throw nd::InputError(
        s.file, 0, "--tile",
        "no compiled tile of size " + o.tile + " (compiled: " + nd::tile::tile_sizes() + ")");
  for (const auto& np : o.node_programs) {
    const auto eq = np.find('=');
    if (eq == std::string::npos || eq + 1 == np.size())
      throw nd::InputError(s.file, 0, "--node",
                           "expected NODE=PROGRAM (NODE an index or x,y), got '" + np + "'");
    s.nodes[nd::tile::parse_node(np.substr(0, eq), rows, cols, s.file, 0, "--node")] = np.substr(eq + 1);
  }
  if (s.program.empty() && s.nodes.empty())
    throw nd::InputError(s.file, 0, "program", "no program: give PROGRAM (every node), --node or --scenario");
  return s;
}

int run_tile(const TileOptions& o) {
  const nd::tile::TileScenario s =
      o.scenario.empty() ? scenario_from_flags(o) : nd::tile::load_tile_scenario_file(o.scenario);
  std::unique_ptr<std::ofstream> json_out;
  if (!o.json.empty()) {
    json_out = std::make_unique<std::ofstream>(o.json);
    if (!*json_out) throw nd::InputError(o.json, 0, "--json", "cannot open the report file for writing");
  }
  if (!s.phases.empty())
    throw nd::InputError(s.file, s.lines.count("phases") ? s.lines.at("phases") : 0, "phases",
                         "this scenario has phases: run it with `nanodojo run " + s.file + "`");
  auto tile = nd::tile::make_tile(s.tile, o.waves, s.file, s.klanes);
  const nd::tile::TileShape shape = tile->shape();
  nd::tile::TileRunOptions ro;
  ro.max_cycles = s.max_cycles;
  std::vector<std::string> line(shape.nodes());
  ro.on_console = [&](int n, char c) {
    if (c != '\n') {
      line[n].push_back(c);
      return;
    }
    std::cout << "[" << n % shape.cols << "," << n / shape.cols << "] " << line[n] << std::endl;
    line[n].clear();
  };
  nd::tile::TileRunner runner(*tile, ro);
  // Load every image first (bad input is reported before anything runs).
  std::vector<std::optional<nd::core::ProgramImage>> images(shape.nodes());
  for (int n = 0; n < shape.nodes(); ++n) {
    auto it = s.nodes.find(n);
    const std::string path = it != s.nodes.end() ? it->second : s.program;
    if (!path.empty()) images[n] = nd::core::load_elf(path, runner.load_options());
  }
  for (int n = 0; n < shape.nodes(); ++n)
    if (images[n]) runner.load(n, *images[n]);
  const nd::tile::TileRunResult r = runner.run();
  for (int n = 0; n < shape.nodes(); ++n)
    if (!line[n].empty())
      std::cout << "[" << n % shape.cols << "," << n / shape.cols << "] " << line[n] << std::endl;

  const int status = r.passed() ? 0 : 1;
  std::fprintf(stderr, "nanodojo tile: %s tile (%s): %s\n", s.tile.c_str(), shape.name().c_str(),
               r.passed() ? "PASS" : "FAIL");
  for (int n = 0; n < shape.nodes(); ++n) {
    const auto& nr = r.nodes[n];
    if (!nr.loaded) continue;
    std::fprintf(stderr, "  node %d (%d,%d): %s; cycles %llu, instructions retired %llu\n", n, n % shape.cols,
                 n / shape.cols, nr.describe().c_str(), static_cast<unsigned long long>(nr.cycles),
                 static_cast<unsigned long long>(nr.instret));
  }
  std::fprintf(
      stderr,
      "  load %llu cycles, run %llu cycles; simulated %.1f k cycles/s (%.3f s wall); exit status %d\n",
      static_cast<unsigned long long>(r.load_cycles), static_cast<unsigned long long>(r.cycles),
      r.cycles_per_second() / 1e3, r.wall_seconds, status);

  if (json_out) {
    nlohmann::json j;
    j["tile"] = s.tile;
    j["shape"] = shape.name();
    j["passed"] = r.passed();
    j["exit_status"] = status;
    j["load_cycles"] = r.load_cycles;
    j["cycles"] = r.cycles;
    j["wall_seconds"] = r.wall_seconds;
    j["cycles_per_second"] = r.cycles_per_second();
    for (int n = 0; n < shape.nodes(); ++n) {
      const auto& nr = r.nodes[n];
      if (!nr.loaded) continue;
      j["nodes"].push_back({{"node", n},
                            {"x", n % shape.cols},
                            {"y", n / shape.cols},
                            {"status", nd::core::status_name(nr.status)},
                            {"result", nr.describe()},
                            {"code", nr.code},
                            {"cycles", nr.cycles},
                            {"instret", nr.instret},
                            {"console", nr.console}});
    }
    *json_out << j.dump(2) << "\n";
    if (!*json_out) throw nd::InputError(o.json, 0, "--json", "cannot write the report file");
  }
  return status;
}

const bool registered = nd::register_command([](CLI::App& app) {
  auto o = std::make_shared<TileOptions>();
  CLI::App* sub =
      app.add_subcommand("tile", "boot programs on a tile of nodes through the mesh and run them");
  sub->add_option("program", o->program, "program for every node not named by --node (ELF32 RISC-V)");
  sub->add_option("--node", o->node_programs,
                  "NODE=PROGRAM: the program of one node (index or x,y); repeatable");
  CLI::Option* tile_opt =
      sub->add_option("--tile", o->tile, "compiled tile size (" + nd::tile::tile_sizes() + "; default 2x2)");
  CLI::Option* cycles_opt =
      sub->add_option("--max-cycles", o->max_cycles, "stop after this many cycles (default 10000000)")
          ->check(CLI::PositiveNumber);
  sub->add_option("--scenario", o->scenario, "run the tile, programs and limits a YAML scenario describes")
      ->excludes("program")
      ->excludes("--node")
      ->excludes(tile_opt)
      ->excludes(cycles_opt);
  sub->add_option("--json", o->json, "also write the report as JSON to FILE");
  nd::add_wave_options(sub, o->waves);
  return nd::Command{sub, [o] { return run_tile(*o); }};
});

}  // namespace
