// Tile scenarios for `nanodojo run` (sim/scenario_run.hpp): GEMM phases on the tile, each checked bit for
// bit against the golden model, with per-node cycles, MXU utilization and stalls, DMA bytes and stalls, and
// the tile's figures; PASS or FAIL. The report goes to stdout, --json writes it as JSON.
#include <unistd.h>

#include <yaml-cpp/yaml.h>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "errors.hpp"
#include "gemm_run.hpp"
#include "mesh_if.hpp"
#include "scenario_run.hpp"
#include "tile_scenario.hpp"
#include "traffic_driver.hpp"
#include "traffic_report.hpp"

namespace nd {

namespace {

using tile::BackgroundStats;
using tile::GemmResult;
using tile::GemmSpec;

std::string describe(const GemmSpec& g, const tile::TileShape& shape) {
  char buf[256];
  const bool cfp8_out = g.out_fmt == mxu::OutFmt::kE4M3 || g.out_fmt == mxu::OutFmt::kE5M2;
  std::snprintf(buf, sizeof buf, "gemm %dx%dx%d, %s", g.m, g.n, g.k, mxu::name(g.a_fmt));
  std::string s = buf;
  if (!mxu::is_bf16(g.a_fmt)) s += " bias " + std::to_string(g.a_bias);
  s += std::string(" x ") + mxu::name(g.b_fmt);
  if (!mxu::is_bf16(g.b_fmt)) s += " bias " + std::to_string(g.b_bias);
  s += std::string(" -> ") + mxu::name(g.out_fmt);
  if (cfp8_out) s += " bias " + std::to_string(g.out_bias);
  s += g.stochastic ? " (stochastic rounding)" : " (RNE)";
  s += ", seed " + std::to_string(g.seed) + ", grid " +
       std::to_string(g.grid_rows ? g.grid_rows : shape.rows) + "x" +
       std::to_string(g.grid_cols ? g.grid_cols : shape.cols);
  if (g.background_rate > 0) {
    char bg[96];
    std::snprintf(bg, sizeof bg, ", background traffic %.3f flits/port/cycle", g.background_rate);
    s += bg;
  }
  return s;
}

void print_gemm(const GemmResult& r, const tile::TileShape& shape) {
  std::printf("  %-4s %-5s %9s %9s %8s %8s %7s %21s %9s %9s %8s\n", "node", "(x,y)", "cycles", "pack",
              "compute", "DMA wait", "MXU %", "stall op/queue/store", "DMA out", "DMA in", "DMA stall");
  for (const auto& n : r.nodes) {
    char stalls[32];
    std::snprintf(stalls, sizeof stalls, "%u/%u/%u", n.mxu_status[5], n.mxu_status[6], n.mxu_status[7]);
    std::printf(
        "  %-4d (%d,%d) %9llu %9llu %8llu %8llu %6.1f%% %21s %9u %9u %8u  %s\n", n.node, n.c, n.r,
        static_cast<unsigned long long>(n.cycles_total), static_cast<unsigned long long>(n.cycles_pack),
        static_cast<unsigned long long>(n.cycles_compute), static_cast<unsigned long long>(n.cycles_wait),
        100 * n.mxu_utilization(shape.klanes), stalls, n.dma_bytes_out, n.dma_bytes_in, n.dma_stall,
        n.run.status == core::RunStatus::kPass ? "" : n.run.describe().c_str());
  }
  uint64_t bytes = 0;
  for (const auto& n : r.nodes) bytes += n.dma_bytes_out;
  const double flits = static_cast<double>(bytes) / 16.0;
  const uint64_t cc = r.compute_cycles();
  std::printf(
      "  tile: compute phase %llu cycles, MXU utilization %.1f%% of %zu nodes x %d MAC/cycle (whole kernel "
      "with packing: %llu cycles, %.1f%%)\n",
      static_cast<unsigned long long>(cc), 100 * r.utilization(), r.nodes.size(), 64 * shape.klanes,
      static_cast<unsigned long long>(r.total_cycles()), 100 * r.utilization_end_to_end());
  // The B parts travel while the A parts are packed (docs/kernels.md "Order"): load over the whole kernel.
  const uint64_t tc = r.total_cycles();
  std::printf("  NoC: %llu DMA bytes moved, offered load %.3f data flits/node/cycle over the whole kernel\n",
              static_cast<unsigned long long>(bytes),
              tc == 0 ? 0.0 : flits / (static_cast<double>(tc) * static_cast<double>(r.nodes.size())));
  const BackgroundStats& bg = r.background;
  if (r.plan.spec.background_rate > 0) {
    std::printf(
        "  background: %llu WRITE packets of %u bytes (%llu flits each) from the host ports, %llu "
        "acknowledged; "
        "offered %.3f, accepted %.3f flits/port/cycle; latency to the acknowledgement avg %.1f, p99 %llu, "
        "max "
        "%llu cycles%s\n",
        static_cast<unsigned long long>(bg.offered_packets), r.plan.spec.background_bytes,
        static_cast<unsigned long long>(bg.flits_per_packet), static_cast<unsigned long long>(bg.acked),
        bg.offered(shape.rows), bg.accepted(shape.rows), bg.mean_latency(),
        static_cast<unsigned long long>(bg.percentile(0.99)),
        static_cast<unsigned long long>(bg.max_latency()),
        bg.skipped ? (", " + std::to_string(bg.skipped) + " not offered (16 in flight to the node)").c_str()
                   : "");
  }
  const uint64_t elems = static_cast<uint64_t>(r.plan.spec.m) * static_cast<uint64_t>(r.plan.spec.n);
  if (r.mismatch_count == 0 && r.flags_ok) {
    std::printf("  check: %llu elements bit-exact against the golden model, MXU flags equal on every node\n",
                static_cast<unsigned long long>(elems));
  } else {
    std::printf("  check: %llu of %llu elements differ from the golden model%s\n",
                static_cast<unsigned long long>(r.mismatch_count), static_cast<unsigned long long>(elems),
                r.flags_ok ? "" : "; MXU flags differ");
    for (const auto& m : r.mismatches) std::printf("    %s\n", r.describe(m).c_str());
    for (const auto& n : r.nodes)
      if (n.flags != n.expect_flags)
        std::printf("    node %d: MXU flags 0x%02x, golden model 0x%02x\n", n.node, n.flags, n.expect_flags);
  }
  std::printf(
      "  simulated %llu cycles (load %llu, run %llu) in %.2f s: %.1f k cycles/s (golden model and "
      "check: %.2f s); %s\n",
      static_cast<unsigned long long>(r.load_cycles + r.run_cycles),
      static_cast<unsigned long long>(r.load_cycles), static_cast<unsigned long long>(r.run_cycles),
      r.sim_seconds, r.cycles_per_second() / 1e3, r.wall_seconds - r.sim_seconds,
      r.passed() ? "PASS" : "FAIL");
}

nlohmann::json gemm_json(const GemmResult& r, const tile::TileShape& shape) {
  const GemmSpec& g = r.plan.spec;
  nlohmann::json j = {{"kind", "gemm"},
                      {"m", g.m},
                      {"n", g.n},
                      {"k", g.k},
                      {"a_format", mxu::name(g.a_fmt)},
                      {"b_format", mxu::name(g.b_fmt)},
                      {"a_bias", g.a_bias},
                      {"b_bias", g.b_bias},
                      {"out_format", mxu::name(g.out_fmt)},
                      {"out_bias", g.out_bias},
                      {"rounding", g.stochastic ? "stochastic" : "rne"},
                      {"seed", g.seed},
                      {"grid", std::to_string(r.plan.grid_rows) + "x" + std::to_string(r.plan.grid_cols)},
                      {"passed", r.passed()},
                      {"mismatches", r.mismatch_count},
                      {"flags_equal", r.flags_ok},
                      {"compute_cycles", r.compute_cycles()},
                      {"total_cycles", r.total_cycles()},
                      {"mxu_utilization", r.utilization()},
                      {"mxu_utilization_end_to_end", r.utilization_end_to_end()},
                      {"load_cycles", r.load_cycles},
                      {"run_cycles", r.run_cycles},
                      {"wall_seconds", r.wall_seconds},
                      {"sim_seconds", r.sim_seconds},
                      {"cycles_per_second", r.cycles_per_second()}};
  for (const auto& m : r.mismatches) j["first_mismatches"].push_back(r.describe(m));
  if (g.background_rate > 0) {
    const BackgroundStats& bg = r.background;
    j["background"] = {{"rate", g.background_rate},           {"bytes", g.background_bytes},
                       {"packets", bg.offered_packets},       {"acknowledged", bg.acked},
                       {"not_offered", bg.skipped},           {"offered", bg.offered(shape.rows)},
                       {"accepted", bg.accepted(shape.rows)}, {"latency_avg", bg.mean_latency()},
                       {"latency_p99", bg.percentile(0.99)},  {"latency_max", bg.max_latency()}};
  }
  for (const auto& n : r.nodes) {
    j["nodes"].push_back({{"node", n.node},
                          {"x", n.c},
                          {"y", n.r},
                          {"result", n.run.describe()},
                          {"cycles_total", n.cycles_total},
                          {"cycles_pack", n.cycles_pack},
                          {"cycles_compute", n.cycles_compute},
                          {"cycles_wait", n.cycles_wait},
                          {"tiles", n.tiles},
                          {"useful_macs", n.useful_macs},
                          {"mxu_utilization", n.mxu_utilization(shape.klanes)},
                          {"mxu_busy", n.mxu_status[3]},
                          {"mxu_mac_cycles", n.mxu_status[4]},
                          {"mxu_stall_operand", n.mxu_status[5]},
                          {"mxu_stall_queue", n.mxu_status[6]},
                          {"mxu_stall_store", n.mxu_status[7]},
                          {"dma_bytes_out", n.dma_bytes_out},
                          {"dma_bytes_in", n.dma_bytes_in},
                          {"dma_stall", n.dma_stall},
                          {"flags", n.flags},
                          {"expect_flags", n.expect_flags}});
  }
  return j;
}

// The end of the GEMM kernel's image (where the plan may start), after checking it is the kernel.
uint32_t gemm_kernel_end(const tile::TileScenario& s, const std::string& kernel,
                         const tile::TileShape& shape) {
  core::LoadOptions lo;
  lo.sram_bytes = shape.sram_bytes;
  const core::ProgramImage image = core::load_elf(kernel, lo);
  const auto end = image.symbol("_end");
  if (!end || !image.symbol("gemm_job")) {
    const auto it = s.lines.find("kernel");
    throw InputError(s.file, it != s.lines.end() ? it->second : 0, "kernel",
                     kernel + " is not the GEMM kernel (no gemm_job or _end symbol)");
  }
  return end->value;
}

// A traffic phase: the traffic generator on the tile's network, the mesh of the same routers without the
// nodes (docs/kernels.md "Scenarios"). A failure (scoreboard, watchdog, RTL assertion) throws nd::SimError.
nlohmann::json run_traffic_phase(const traffic::NocConfig& c, const std::string& what) {
  std::printf(
      "%s: traffic on the tile's network (%s, routers without the nodes): %s, offered %.3f "
      "flits/node/cycle, packet length %s, seed %llu\n",
      what.c_str(), noc::to_string(c.build).c_str(), traffic::pattern_name(c.run.pattern.pattern), c.run.rate,
      c.run.lengths.describe().c_str(), static_cast<unsigned long long>(c.run.seed));
  std::fflush(stdout);
  auto mesh = noc::make_mesh(c.build, WaveOptions{}, c.file);
  noc::TrafficRunOptions ro;
  ro.rate = c.run.rate;
  ro.seed = c.run.seed;
  const traffic::RunResult r = noc::run_traffic(*mesh, c, ro);
  std::cout << traffic::format_report(c, r, ro.seed) << std::flush;
  nlohmann::json j = traffic::report_json(c, r, ro.seed);
  j["kind"] = "traffic";
  return j;
}

}  // namespace

bool is_tile_scenario(const std::string& text) {
  try {
    const YAML::Node root = YAML::Load(text);
    if (!root.IsMap()) return false;
    for (const char* k : {"tile", "klanes", "phases", "program", "nodes", "kernel"})
      if (root[k]) return true;
  } catch (const YAML::Exception&) {
  }
  return false;
}

int run_scenario(const ScenarioRunOptions& o) {
  tile::TileScenario s = o.file.empty() ? tile::load_tile_scenario_text(kDemoScenario, kDemoScenarioName)
                                        : tile::load_tile_scenario_file(o.file);
  if (s.phases.empty())
    throw InputError(
        s.file, 0, "phases",
        "this scenario runs programs, not phases: use `nanodojo tile --scenario " + s.file + "`");
  std::ofstream json_out;
  if (!o.json.empty()) {
    json_out.open(o.json);
    if (!json_out) throw InputError(o.json, 0, "--json", "cannot open the report file for writing");
  }
  const std::string kernel = s.kernel.empty() ? std::string(ND_SW_OUT) + "/gemm.elf" : s.kernel;
  auto t = tile::make_tile(s.tile, o.waves, s.file, s.klanes);
  const tile::TileShape shape = t->shape();

  // Check every phase before anything runs: bad input exits with status 2 and nothing simulated.
  uint32_t image_end = 0;
  for (auto& ph : s.phases) {
    if (ph.kind == tile::ScenarioPhase::Kind::kTraffic) {
      if (o.seed) ph.traffic.run.seed = *o.seed;
      traffic::check_compiled(ph.traffic, noc::compiled_meshes());
      continue;
    }
    if (image_end == 0) image_end = gemm_kernel_end(s, kernel, shape);
    if (o.seed) ph.gemm.seed = static_cast<uint32_t>(*o.seed);
    tile::plan_gemm(ph.gemm, shape, image_end);
  }

  std::printf("nanodojo run (%s): %s tile, %s\n", s.file.c_str(), s.tile.c_str(), shape.name().c_str());
  std::vector<std::string> line(static_cast<size_t>(shape.nodes()));
  bool all_pass = true;
  nlohmann::json report = {{"scenario", s.file}, {"tile", s.tile}, {"shape", shape.name()}};
  for (std::size_t i = 0; i < s.phases.size(); ++i) {
    const auto& ph = s.phases[i];
    const std::string what = "phase " + std::to_string(i + 1) + "/" + std::to_string(s.phases.size());
    if (ph.kind == tile::ScenarioPhase::Kind::kTraffic) {
      report["phases"].push_back(run_traffic_phase(ph.traffic, what));
      continue;
    }
    tile::GemmRunOptions ro;
    ro.elf = kernel;
    ro.max_cycles = s.max_cycles;
    ro.on_console = [&](int n, char c) {
      if (c != '\n') {
        line[static_cast<size_t>(n)].push_back(c);
        return;
      }
      std::printf("[%d,%d] %s\n", n % shape.cols, n / shape.cols, line[static_cast<size_t>(n)].c_str());
      line[static_cast<size_t>(n)].clear();
    };
    if (o.progress) {
      ro.on_progress = [&](uint64_t cycles, uint64_t tiles, uint64_t total) {
        std::printf("\r  %s gemm: %llu cycles, %llu of %llu tiles (%.0f%%)   ", what.c_str(),
                    static_cast<unsigned long long>(cycles), static_cast<unsigned long long>(tiles),
                    static_cast<unsigned long long>(total), total ? 100.0 * tiles / total : 0.0);
        std::fflush(stdout);
      };
    }
    std::printf("%s: %s\n", what.c_str(), describe(ph.gemm, shape).c_str());
    std::fflush(stdout);
    const GemmResult r = tile::run_gemm(*t, ph.gemm, ro);
    if (o.progress) std::printf("\r%80s\r", "");
    print_gemm(r, shape);
    all_pass = all_pass && r.passed();
    report["phases"].push_back(gemm_json(r, shape));
  }
  std::printf("%s: %zu phase%s on the %s tile\n", all_pass ? "PASS" : "FAIL", s.phases.size(),
              s.phases.size() == 1 ? "" : "s", s.tile.c_str());
  if (o.waves.enabled()) {
    t.reset();  // closes the wave file
    // A GTKWave session next to the waves, one group per node (scripts/gtkw.py).
    const std::string session = std::filesystem::path(o.waves.path).replace_extension(".gtkw").string();
    const std::string cmd = std::string("/usr/bin/python3 ") + ND_GTKW_SCRIPT + " '" + o.waves.path +
                            "' -o '" + session + "' >/dev/null";
    if (std::system(cmd.c_str()) == 0)
      std::printf("  waves %s, session %s: gtkwave %s %s\n", o.waves.path.c_str(), session.c_str(),
                  o.waves.path.c_str(), session.c_str());
    else
      std::printf("  waves %s (writing the GTKWave session with scripts/gtkw.py failed)\n",
                  o.waves.path.c_str());
  }
  report["passed"] = all_pass;
  if (json_out.is_open()) {
    json_out << report.dump(2) << "\n";
    if (!json_out) throw InputError(o.json, 0, "--json", "cannot write the report file");
  }
  return all_pass ? 0 : 1;
}

}  // namespace nd
