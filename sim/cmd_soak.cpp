// `nanodojo soak`: the mesh at saturation until a flit budget has been delivered and checked (every pattern,
// 4x4 and 8x8, 1-flit and multi-flit packets), then random GEMM and DMA scenarios on the tile for a
// wall-clock budget or a number of scenarios, each checked bit for bit (docs/verification.md "Soak"; `make
// soak`). Every seed is printed, with the command that repeats the run or one part of it.
#include <chrono>
#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>

#include "command.hpp"
#include "errors.hpp"
#include "tile_soak.hpp"
#include "traffic_soak.hpp"

namespace {

struct SoakOptions {
  std::string flits = "1e8";
  std::string tile_seconds = "600";
  std::string tile_scenarios;
  uint64_t tile_first = 0;
  std::string tile = "2x2";
  int klanes = 1;
  std::string segments;  // comma-separated name prefixes; empty: all
  uint64_t seed = 0;
  int jobs = 1;
  std::string json;
  CLI::App* sub = nullptr;
};

// A count such as 100000000, 1e8 or 2.5e6: a whole number >= 0.
uint64_t parse_count(const std::string& text, const std::string& flag) {
  char* end = nullptr;
  const double v = std::strtod(text.c_str(), &end);
  if (text.empty() || end == text.c_str() || *end != '\0' || !std::isfinite(v) || v < 0 || v > 1e18 ||
      v != std::floor(v))
    throw nd::InputError("<command line>", 0, flag,
                         "'" + text + "' is not a whole number >= 0 (e.g. 100000000 or 1e8)");
  return static_cast<uint64_t>(v);
}

double parse_seconds(const std::string& text, const std::string& flag) {
  char* end = nullptr;
  const double v = std::strtod(text.c_str(), &end);
  if (text.empty() || end == text.c_str() || *end != '\0' || !std::isfinite(v) || v < 0)
    throw nd::InputError("<command line>", 0, flag, "'" + text + "' is not a number of seconds >= 0");
  return v;
}

std::string fmt(const char* f, ...) __attribute__((format(printf, 1, 2)));
std::string fmt(const char* f, ...) {
  char buf[512];
  va_list ap;
  va_start(ap, f);
  std::vsnprintf(buf, sizeof buf, f, ap);
  va_end(ap);
  return buf;
}

std::string thousands(uint64_t v) {
  std::string s = std::to_string(v);
  for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3) s.insert(static_cast<size_t>(i), " ");
  return s;
}

int soak_command(const SoakOptions& o) {
  const uint64_t flits = parse_count(o.flits, "--flits");
  const double tile_seconds = parse_seconds(o.tile_seconds, "--tile-seconds");
  const uint64_t tile_scenarios =
      o.tile_scenarios.empty() ? 0 : parse_count(o.tile_scenarios, "--tile-scenarios");
  const bool run_tile = tile_scenarios > 0 || (o.tile_scenarios.empty() && tile_seconds > 0);
  const uint64_t seed = o.sub->count("--seed") ? o.seed : (std::random_device{}() & 0x7fffffffu);

  // Segments: all, or those whose name starts with one of --segments.
  const auto all = nd::noc::soak_segments();
  std::vector<std::size_t> chosen;
  std::vector<std::string> prefixes;
  {
    std::stringstream ss(o.segments);
    std::string item;
    while (std::getline(ss, item, ',')) prefixes.push_back(item);
  }
  for (std::size_t i = 0; i < all.size(); ++i) {
    bool keep = prefixes.empty();
    for (const auto& p : prefixes) keep = keep || (!p.empty() && all[i].name.rfind(p, 0) == 0);
    if (keep) chosen.push_back(i);
  }
  if (chosen.empty()) {
    std::string names;
    for (const auto& s : all) names += (names.empty() ? "" : ", ") + s.name;
    throw nd::InputError("<command line>", 0, "--segments",
                         "'" + o.segments + "' matches no segment (names: " + names + ")");
  }
  std::unique_ptr<nd::tile::TileIf> tile;
  nd::tile::TileSoakOptions to;
  if (run_tile) {
    tile = nd::tile::make_tile(o.tile, nd::WaveOptions{}, "<command line>", o.klanes);
    to.gemm_elf = std::string(ND_SW_OUT) + "/gemm.elf";
    to.dma_elf = std::string(ND_SW_OUT) + "/tile_dma_random.elf";
    to.seconds = tile_seconds;
    to.scenarios = tile_scenarios;
    to.first = o.tile_first;
  }
  std::ofstream json_out;
  if (!o.json.empty()) {
    json_out.open(o.json);
    if (!json_out) throw nd::InputError(o.json, 0, "--json", "cannot open the report file for writing");
  }

  std::string repeat =
      fmt("nanodojo soak --seed %llu --flits %s", static_cast<unsigned long long>(seed), o.flits.c_str());
  if (!o.segments.empty()) repeat += " --segments " + o.segments;
  if (run_tile) {
    repeat += " --tile " + o.tile + (o.klanes != 1 ? " --klanes " + std::to_string(o.klanes) : "");
    repeat += tile_scenarios > 0 ? " --tile-scenarios " + std::to_string(tile_scenarios)
                                 : " --tile-seconds " + o.tile_seconds;
    if (o.tile_first) repeat += " --tile-first " + std::to_string(o.tile_first);
  } else {
    repeat += " --tile-seconds 0";
  }
  std::printf("nanodojo soak: seed %llu (repeat: %s)\n", static_cast<unsigned long long>(seed),
              repeat.c_str());
  nlohmann::json report = {{"block", "soak"}, {"seed", seed}, {"command", repeat}};

  // The mesh.
  const auto wall0 = std::chrono::steady_clock::now();
  nd::noc::SoakOptions so;
  const uint64_t per_segment = flits == 0 ? 0 : (flits + chosen.size() - 1) / chosen.size();
  uint64_t tot_flits = 0, tot_packets = 0, tot_cycles = 0, tot_chunks = 0;
  double tot_wall = 0, seg_seconds = 0;  // elapsed; summed over the segments (their threads)
  nlohmann::json segs = nlohmann::json::array();
  nlohmann::json rows = nlohmann::json::array();
  if (per_segment > 0) {
    std::printf(
        "mesh: %zu segments at offered load %.1f, %s flits each; each chunk creates packets for up to %llu "
        "cycles, then delivers everything; deadlock = %llu cycles without progress\n",
        chosen.size(), so.rate, thousands(per_segment).c_str(),
        static_cast<unsigned long long>(so.chunk_cycles), static_cast<unsigned long long>(so.watchdog));
    // Segments run in `--jobs` threads (each its own model and context); results are kept in segment order.
    std::vector<nd::noc::SoakSegmentResult> results(chosen.size());
    std::vector<std::exception_ptr> errors(chosen.size());
    std::atomic<std::size_t> next{0};
    std::atomic<bool> stop{false};
    std::mutex print_mutex;
    struct Stopped {};
    auto worker = [&] {
      for (;;) {
        const std::size_t k = next++;
        if (k >= chosen.size() || stop) return;
        const auto& seg = all[chosen[k]];
        const uint64_t sseed = nd::noc::segment_seed(seed, chosen[k]);
        try {
          const auto r = nd::noc::soak_segment(seg, per_segment, sseed, so, [&](const auto&) {
            if (stop) throw Stopped{};
          });
          results[k] = r;
          const std::string order = r.order_checked
                                        ? "order checked"
                                        : fmt("%llu overtook", static_cast<unsigned long long>(r.reordered));
          const std::lock_guard<std::mutex> lock(print_mutex);
          std::printf(
              "  %-18s seed %-20llu %13s flits %12s packets %11s cycles, accepted %.3f, %6.1f s, %5.0f "
              "cycles/s, %s\n",
              seg.name.c_str(), static_cast<unsigned long long>(sseed), thousands(r.flits).c_str(),
              thousands(r.packets).c_str(), thousands(r.cycles).c_str(), r.accepted(), r.wall_seconds,
              r.wall_seconds > 0 ? r.cycles / r.wall_seconds : 0.0, order.c_str());
          std::fflush(stdout);
        } catch (const Stopped&) {
          return;
        } catch (...) {
          errors[k] = std::current_exception();
          stop = true;
          const std::lock_guard<std::mutex> lock(print_mutex);
          std::printf(
              "  %-18s seed %-20llu FAIL; repeat this segment alone: nanodojo soak --seed %llu --segments "
              "%s --flits %llu --tile-seconds 0\n",
              seg.name.c_str(), static_cast<unsigned long long>(sseed), static_cast<unsigned long long>(seed),
              seg.name.c_str(), static_cast<unsigned long long>(per_segment));
          std::fflush(stdout);
          return;
        }
      }
    };
    const auto mesh0 = std::chrono::steady_clock::now();
    std::vector<std::thread> threads;
    for (int j = 1; j < o.jobs; ++j) threads.emplace_back(worker);
    worker();
    for (auto& t : threads) t.join();
    tot_wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - mesh0).count();
    for (const auto& e : errors)
      if (e) std::rethrow_exception(e);
    for (std::size_t k = 0; k < chosen.size(); ++k) {
      const auto& seg = all[chosen[k]];
      const uint64_t sseed = results[k].seed;
      const nd::noc::SoakSegmentResult& r = results[k];
      tot_flits += r.flits;
      tot_packets += r.packets;
      tot_cycles += r.cycles;
      tot_chunks += r.chunks;
      seg_seconds += r.wall_seconds;
      const auto& sh = seg.mesh;
      segs.push_back({{"segment", seg.name},
                      {"mesh", std::to_string(sh.rows) + "x" + std::to_string(sh.cols)},
                      {"checked_model", sh.rows <= 4},
                      {"pattern", nd::traffic::pattern_name(seg.pattern)},
                      {"lengths", seg.lengths.describe()},
                      {"seed", sseed},
                      {"rate", so.rate},
                      {"chunks", r.chunks},
                      {"flits", r.flits},
                      {"packets", r.packets},
                      {"flit_hops", r.flit_hops},
                      {"cycles", r.cycles},
                      {"accepted", r.accepted()},
                      {"wall_seconds", r.wall_seconds},
                      {"cpu_seconds", r.cpu_seconds},
                      {"cycles_per_second", r.wall_seconds > 0 ? r.cycles / r.wall_seconds : 0.0},
                      {"order_checked", r.order_checked},
                      {"overtook", r.reordered},
                      {"lost", 0},
                      {"duplicated", 0},
                      {"corrupted", 0},
                      {"misordered", 0},
                      {"deadlocks", 0}});
      rows.push_back({fmt("%dx%d%s", sh.rows, sh.cols, sh.rows <= 4 ? "" : " (lean)"),
                      nd::traffic::pattern_name(seg.pattern),
                      seg.lengths.lengths.size() == 1 ? "1" : "2, 4, 8", thousands(r.flits),
                      thousands(r.packets), thousands(r.cycles), fmt("%.3f", r.accepted()),
                      fmt("%.0f", r.wall_seconds),
                      fmt("%.0f", r.wall_seconds > 0 ? r.cycles / r.wall_seconds : 0), "0 / 0 / 0 / 0 / 0"});
    }
    std::printf(
        "mesh: %s flits in %s packets delivered and checked over %s cycles (%llu chunks) in %.0f s (%d "
        "jobs): 0 lost, 0 duplicated, 0 corrupted, 0 misordered, 0 deadlocked\n",
        thousands(tot_flits).c_str(), thousands(tot_packets).c_str(), thousands(tot_cycles).c_str(),
        static_cast<unsigned long long>(tot_chunks), tot_wall, o.jobs);
    rows.push_back({"all", "", "", thousands(tot_flits), thousands(tot_packets), thousands(tot_cycles), "",
                    fmt("%.0f", tot_wall), fmt("%.0f", tot_wall > 0 ? tot_cycles / tot_wall : 0),
                    "0 / 0 / 0 / 0 / 0"});
  }
  report["noc"] = {{"flits", tot_flits},       {"packets", tot_packets},
                   {"cycles", tot_cycles},     {"chunks", tot_chunks},
                   {"wall_seconds", tot_wall}, {"segment_seconds", seg_seconds},
                   {"jobs", o.jobs},           {"flit_budget", flits},
                   {"rate", so.rate},          {"chunk_cycles", so.chunk_cycles},
                   {"watchdog", so.watchdog},  {"lost", 0},
                   {"duplicated", 0},          {"corrupted", 0},
                   {"misordered", 0},          {"deadlocks", 0},
                   {"segments", segs}};
  nlohmann::json tables = nlohmann::json::array();
  if (!rows.empty())
    tables.push_back(
        {{"title", "Mesh at offered load 1.0 (2 VCs x 4 flits, 128-bit flits)"},
         {"columns",
          {"mesh", "pattern", "packet flits", "flits", "packets", "cycles", "accepted", "wall s", "cycles/s",
           "lost / dup / corrupt / misordered / deadlock"}},
         {"rows", rows},
         {"notes",
          "Every flit checked by the scoreboard; router counters match the scoreboard after every "
          "chunk; the 4x4 model runs with its RTL assertions. A segment's wall time is its own thread's; "
          "the `all` row is the elapsed time of the mesh part with " +
              std::to_string(o.jobs) + " segment(s) at once (`--jobs`)."}});

  // The tile.
  bool tile_ok = true;
  if (run_tile) {
    std::printf("tile: %s, random GEMM and DMA scenarios, %s\n", tile->shape().name().c_str(),
                tile_scenarios > 0 ? (std::to_string(tile_scenarios) + " scenarios").c_str()
                                   : (o.tile_seconds + " s").c_str());
    std::fflush(stdout);
    const auto tr =
        nd::tile::tile_soak(*tile, seed, to, [&](const nd::tile::TileSoakScenario& sc, bool started) {
          if (started) {
            std::printf("  %4llu %-4s seed %-20llu ", static_cast<unsigned long long>(sc.index),
                        sc.kind.c_str(), static_cast<unsigned long long>(sc.seed));
          } else {
            std::printf("%s: %s cycles, %.1f s, %s\n", sc.what.c_str(), thousands(sc.cycles).c_str(),
                        sc.wall_seconds, sc.passed ? "PASS" : ("FAIL: " + sc.failure).c_str());
            if (!sc.passed)
              std::printf(
                  "repeat this scenario alone: nanodojo soak --seed %llu --flits 0 --tile %s --tile-first "
                  "%llu --tile-scenarios 1\n",
                  static_cast<unsigned long long>(seed), o.tile.c_str(),
                  static_cast<unsigned long long>(sc.index));
          }
          std::fflush(stdout);
        });
    tile_ok = tr.failed == 0;
    std::printf(
        "tile: %llu scenarios (%llu GEMM, %llu DMA), %llu passed, %llu failed; %s C elements checked, %s DMA "
        "bytes, %s background packets; %s cycles in %.0f s\n",
        static_cast<unsigned long long>(tr.scenarios.size()), static_cast<unsigned long long>(tr.gemms),
        static_cast<unsigned long long>(tr.dmas), static_cast<unsigned long long>(tr.passed),
        static_cast<unsigned long long>(tr.failed), thousands(tr.elements).c_str(),
        thousands(tr.dma_bytes).c_str(), thousands(tr.background_packets).c_str(),
        thousands(tr.cycles).c_str(), tr.wall_seconds);
    nlohmann::json sc = nlohmann::json::array();
    for (const auto& s : tr.scenarios)
      sc.push_back({{"index", s.index},
                    {"seed", s.seed},
                    {"kind", s.kind},
                    {"what", s.what},
                    {"passed", s.passed},
                    {"failure", s.failure},
                    {"cycles", s.cycles},
                    {"elements", s.elements},
                    {"dma_bytes", s.dma_bytes},
                    {"background_packets", s.background_packets},
                    {"wall_seconds", s.wall_seconds}});
    report["tile"] = {{"tile", tile->shape().name()},
                      {"scenarios_run", tr.scenarios.size()},
                      {"gemm", tr.gemms},
                      {"dma", tr.dmas},
                      {"passed", tr.passed},
                      {"failed", tr.failed},
                      {"elements_checked", tr.elements},
                      {"dma_bytes", tr.dma_bytes},
                      {"background_packets", tr.background_packets},
                      {"cycles", tr.cycles},
                      {"wall_seconds", tr.wall_seconds},
                      {"cycles_per_second", tr.wall_seconds > 0 ? tr.cycles / tr.wall_seconds : 0.0},
                      {"scenarios", sc}};
    tables.push_back(
        {{"title", "Tile: random GEMM and DMA scenarios with background traffic"},
         {"columns",
          {"tile", "scenarios", "GEMM", "DMA", "C elements checked", "DMA bytes", "background packets",
           "cycles", "wall s", "cycles/s", "failed"}},
         {"rows",
          {{tile->shape().name(), tr.scenarios.size(), tr.gemms, tr.dmas, thousands(tr.elements),
            thousands(tr.dma_bytes), thousands(tr.background_packets), thousands(tr.cycles),
            fmt("%.0f", tr.wall_seconds), fmt("%.0f", tr.wall_seconds > 0 ? tr.cycles / tr.wall_seconds : 0),
            tr.failed}}},
         {"notes",
          "GEMMs of random size (m, n 1..64, k 1..128; one in ten up to 128 x 128 x 256), operand formats, "
          "biases, "
          "output format, rounding, seed and grid, each checked bit for bit (every element, the MXU flags of "
          "every node) against the golden model; random all-to-all DMA checked by the nodes themselves. "
          "Background "
          "WRITEs from the host ports in 60 % of the scenarios."}});
  }
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall0).count();
  std::string summary = fmt("Seed %llu. ", static_cast<unsigned long long>(seed));
  if (tot_flits > 0)
    summary += fmt(
        "Mesh: %s flits in %s packets delivered and checked at offered load %.1f over %s cycles in %.0f s "
        "(%.0f cycles/s): 0 lost, 0 duplicated, 0 corrupted, 0 misordered, 0 deadlocked. ",
        thousands(tot_flits).c_str(), thousands(tot_packets).c_str(), so.rate, thousands(tot_cycles).c_str(),
        tot_wall, tot_wall > 0 ? tot_cycles / tot_wall : 0.0);
  if (report.contains("tile")) {
    const auto& t = report["tile"];
    summary += fmt("Tile: %llu scenarios (%llu GEMM, %llu DMA), %llu failed. ",
                   t["scenarios_run"].get<unsigned long long>(), t["gemm"].get<unsigned long long>(),
                   t["dma"].get<unsigned long long>(), t["failed"].get<unsigned long long>());
  }
  summary += "Reproduce: `" + repeat + "`.";
  report["summary"] = summary;
  report["wall_seconds"] = wall;
  report["passed"] = tile_ok;
  report["tables"] = tables;
  if (json_out.is_open()) {
    json_out << report.dump(2) << "\n";
    if (!json_out) throw nd::InputError(o.json, 0, "--json", "cannot write the report file");
    std::printf("wrote %s\n", o.json.c_str());
  }
  std::printf("%s (repeat: %s)\n", tile_ok ? "PASS" : "FAIL", repeat.c_str());
  return tile_ok ? 0 : 1;
}

const bool registered = nd::register_command([](CLI::App& app) {
  auto o = std::make_shared<SoakOptions>();
  CLI::App* sub = app.add_subcommand(
      "soak", "mesh at saturation until N flits are checked, then random GEMM / DMA scenarios on the tile");
  o->sub = sub;
  sub->add_option("--flits", o->flits,
                  "flits to deliver and check over every mesh segment (default 1e8; 0: none)");
  sub->add_option("--segments", o->segments,
                  "only the mesh segments whose name starts with one of these (comma-separated, e.g. "
                  "4x4/uniform,8x8)");
  sub->add_option("--tile-seconds", o->tile_seconds,
                  "wall-clock budget of the tile scenarios (default 600; 0: none)");
  sub->add_option("--tile-scenarios", o->tile_scenarios,
                  "run this many tile scenarios instead of a time budget");
  sub->add_option("--tile-first", o->tile_first, "index of the first tile scenario (to repeat one)");
  sub->add_option("--tile", o->tile, "tile size (default 2x2)");
  sub->add_option("--klanes", o->klanes, "KLanes of the tile (default 1)");
  sub->add_option("--jobs", o->jobs, "mesh segments simulated at once, one thread each (default 1)")
      ->check(CLI::Range(1, 64));
  nd::add_seed_option(sub, o->seed, "soak seed (default: a random one, printed)");
  sub->add_option("--json", o->json,
                  "write the figures as JSON to FILE (build/bench/soak.json for make soak)");
  return nd::Command{sub, [o] { return soak_command(*o); }};
});

}  // namespace
