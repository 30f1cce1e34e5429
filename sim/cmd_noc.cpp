// `nanodojo run [CONFIG.yaml]`: one synthetic-traffic simulation of the mesh, with a report.
// `nanodojo sweep [CONFIG.yaml]`: latency versus offered load (CSV + PNG), zero-load latency and
// saturation throughput. Without a config both use the built-in default (sim/configs/default.yaml).
// See docs/noc-traffic.md.
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "command.hpp"
#include "errors.hpp"
#include "mesh_if.hpp"
#include "scenario_run.hpp"
#include "traffic_config.hpp"
#include "traffic_driver.hpp"
#include "traffic_plot.hpp"
#include "traffic_report.hpp"
#include "traffic_sweep.hpp"
#include "yaml_reader.hpp"

namespace nd::noc {
extern const char* const kDefaultTrafficConfig;  // generated from sim/configs/default.yaml
}

namespace {

using namespace nd::traffic;

constexpr const char* kDefaultName = "<built-in sim/configs/default.yaml>";

struct NocOptions {
  std::string config;
  uint64_t seed = 0;
  double rate = 0;
  std::string rates;
  std::string json;
  std::string csv = "noc_sweep.csv";
  std::string png;
  bool no_plot = false;
  bool quiet = false;
  bool checked = false;
  nd::WaveOptions waves;
  CLI::App* sub = nullptr;
};

NocConfig load(const NocOptions& o) {
  NocConfig c = o.config.empty() ? load_noc_config_text(nd::noc::kDefaultTrafficConfig, kDefaultName)
                                 : load_noc_config_file(o.config);
  check_compiled(c, nd::noc::compiled_meshes());
  if (o.sub->count("--seed")) c.run.seed = o.seed;
  if (o.sub->count("--rate")) c.run.rate = o.rate;
  return c;
}

void write_file(const std::string& path, const std::string& flag, const std::string& text) {
  std::ofstream out(path);
  if (!out || !(out << text)) throw nd::InputError(path, 0, flag, "cannot write the file");
}

int run_command(const NocOptions& o) {
  // No file: the built-in tile scenario (the main job); a file: a tile scenario or a traffic config.
  if (o.config.empty() || nd::is_tile_scenario(nd::YamlReader::read_file(o.config))) {
    if (o.sub->count("--rate"))
      throw nd::InputError("<command line>", 0, "--rate",
                           "--rate applies to traffic configs, not to tile scenarios");
    if (o.checked)
      throw nd::InputError("<command line>", 0, "--checked",
                           "--checked applies to traffic configs, not to tile scenarios");
    nd::ScenarioRunOptions so;
    so.file = o.config;
    if (o.sub->count("--seed")) so.seed = o.seed;
    so.json = o.json;
    so.waves = o.waves;
    so.progress = isatty(fileno(stdout)) != 0;
    return nd::run_scenario(so);
  }
  const NocConfig c = load(o);
  const auto model = nd::noc::mesh_model(
      c.build, o.checked || o.waves.enabled() ? nd::noc::MeshModel::Checked : nd::noc::MeshModel::Lean);
  auto mesh = nd::noc::make_mesh(c.build, o.waves, c.file, model);
  nd::noc::TrafficRunOptions ro;
  ro.rate = c.run.rate;
  ro.seed = c.run.seed;
  const RunResult r = nd::noc::run_traffic(*mesh, c, ro);
  std::cout << format_report(c, r, ro.seed) << "  model      " << nd::noc::model_name(model)
            << (model == nd::noc::MeshModel::Lean ? " (no RTL assertions, no waves; --checked for both)" : "")
            << "\n"
            << std::flush;
  if (!o.json.empty()) {
    nlohmann::json j = report_json(c, r, ro.seed);
    j["model"] = nd::noc::model_name(model);
    write_file(o.json, "--json", j.dump(2) + "\n");
  }
  if (o.waves.enabled()) std::cout << "  waves      " << o.waves.path << "\n";
  return 0;
}

std::vector<double> parse_rates(const std::string& s) {
  std::vector<double> v;
  std::stringstream ss(s);
  std::string item;
  while (std::getline(ss, item, ',')) {
    char* end = nullptr;
    const double r = std::strtod(item.c_str(), &end);
    if (item.empty() || *end != '\0' || !(r >= 0 && r <= 1))
      throw nd::InputError("<command line>", 0, "--rates", "'" + item + "' is not an offered load in [0, 1]");
    v.push_back(r);
  }
  return v;
}

nlohmann::json sweep_json(const NocConfig& c, const SweepResult& s) {
  nlohmann::json pts = nlohmann::json::array();
  for (const auto& p : s.points) {
    nlohmann::json j = report_json(c, p.r, c.run.seed);
    j.erase("links");
    j["stable"] = p.stable;
    pts.push_back(j);
  }
  nlohmann::json j = config_json(c);
  j.update(nlohmann::json{{"seed", c.run.seed},
                          {"warmup", c.run.warmup},
                          {"measure", c.run.measure},
                          {"zero_load_rate", c.sweep.zero_load_rate},
                          {"zero_load_latency", s.zero_load_latency},
                          {"saturation", s.saturation},
                          {"peak_accepted", s.peak_accepted},
                          {"cycles", s.cycles},
                          {"wall_seconds", s.wall_seconds},
                          {"cycles_per_second", s.cycles_per_second()},
                          {"cpu_seconds", s.cpu_seconds},
                          {"cycles_per_cpu_second", s.cycles_per_cpu_second()},
                          {"points", pts}});
  return j;
}

int sweep_command(const NocOptions& o) {
  NocConfig c = load(o);
  if (!o.rates.empty()) c.sweep.rates = parse_rates(o.rates);
  const auto model =
      nd::noc::mesh_model(c.build, o.checked ? nd::noc::MeshModel::Checked : nd::noc::MeshModel::Lean);
  std::cout << "nanodojo sweep (" << c.file << "): " << nd::noc::to_string(c.build) << ", "
            << nd::noc::model_name(model) << " model, " << pattern_name(c.run.pattern.pattern)
            << ", packet length " << c.run.lengths.describe() << ", warm-up " << c.run.warmup << ", window "
            << c.run.measure << " cycles, seed " << c.run.seed << "\n";
  auto run_at = [&](double rate) {
    auto mesh = nd::noc::make_mesh(c.build, {}, c.file, model);
    nd::noc::TrafficRunOptions ro;
    ro.rate = rate;
    ro.seed = c.run.seed;
    return nd::noc::run_traffic(*mesh, c, ro);
  };
  auto progress = [&](const SweepPoint& p) {
    if (o.quiet) return;
    char buf[256];
    std::snprintf(
        buf, sizeof buf, "  offered %.3f: accepted %.4f, latency avg %7.2f p99 %5llu, network %6.2f  %s\n",
        p.r.rate, p.r.accepted(), p.r.latency.mean(), (unsigned long long)p.r.latency.percentile(0.99),
        p.r.net_latency.mean(), p.stable ? "stable" : (p.r.drained ? "unstable" : "unstable (not drained)"));
    std::cout << buf << std::flush;
  };
  const SweepResult s = sweep(c.sweep, run_at, progress);
  char buf[256];
  std::snprintf(
      buf, sizeof buf,
      "zero-load latency %.2f cycles (offered %.2f), saturation throughput %.3f, peak accepted %.3f "
      "flits/node/cycle\nsimulated %llu cycles in %.1f s: %.0f cycles/s (%.0f per CPU second)\n",
      s.zero_load_latency, c.sweep.zero_load_rate, s.saturation, s.peak_accepted,
      (unsigned long long)s.cycles, s.wall_seconds, s.cycles_per_second(), s.cycles_per_cpu_second());
  std::cout << buf;
  write_file(o.csv, "--csv", sweep_csv(s));
  std::cout << "wrote " << o.csv << "\n";
  if (!o.json.empty()) {
    nlohmann::json j = sweep_json(c, s);
    j["model"] = nd::noc::model_name(model);
    write_file(o.json, "--json", j.dump(2) + "\n");
    std::cout << "wrote " << o.json << "\n";
  }
  if (o.no_plot) return 0;
  std::string png = o.png;
  if (png.empty())
    png = (o.csv.size() > 4 && o.csv.substr(o.csv.size() - 4) == ".csv" ? o.csv.substr(0, o.csv.size() - 4)
                                                                        : o.csv) +
          ".png";
  const std::string title = std::string(pattern_name(c.run.pattern.pattern)) + ", " +
                            nd::noc::to_string(c.build) + ", length " + c.run.lengths.describe();
  if (nd::noc::plot_sweep({o.csv}, png, title) != 0) {
    std::cerr << "nanodojo: error: plotting " << png << " failed (scripts/plot_sweep.py needs matplotlib)\n";
    return 1;
  }
  std::cout << "wrote " << png << "\n";
  return 0;
}

void common_options(CLI::App* sub, NocOptions& o) {
  sub->add_option("config", o.config, "run config (YAML); default: the built-in sim/configs/default.yaml");
  nd::add_seed_option(sub, o.seed, "stimulus seed (overrides run.seed)");
  sub->add_option("--rate", o.rate, "offered load in flits/node/cycle (overrides run.rate)")
      ->check(CLI::Range(0.0, 1.0));
  sub->add_option("--json", o.json, "also write the results as JSON to FILE");
  sub->add_flag("--checked", o.checked,
                "simulate the mesh model with RTL assertions and waves (default: the lean model where one is "
                "compiled, which is faster)");
}

const bool registered_run = nd::register_command([](CLI::App& app) {
  auto o = std::make_shared<NocOptions>();
  CLI::App* sub = app.add_subcommand(
      "run", "run a tile scenario (GEMM phases; default: the built-in demo) or a mesh traffic config");
  o->sub = sub;
  common_options(sub, *o);
  sub->get_option("config")->description(
      "tile scenario or traffic config (YAML); default: the built-in tile scenario sim/configs/demo.yaml");
  nd::add_wave_options(sub, o->waves);
  return nd::Command{sub, [o] { return run_command(*o); }};
});

const bool registered_sweep = nd::register_command([](CLI::App& app) {
  auto o = std::make_shared<NocOptions>();
  CLI::App* sub = app.add_subcommand("sweep", "latency versus offered load: CSV, PNG, saturation throughput");
  o->sub = sub;
  common_options(sub, *o);
  sub->add_option("--rates", o->rates,
                  "comma-separated offered loads (default: sweep section / automatic search)");
  sub->add_option("--csv", o->csv, "CSV output (default noc_sweep.csv)");
  sub->add_option("--png", o->png, "plot output (default: the CSV name with .png)");
  sub->add_flag("--no-plot", o->no_plot, "write no plot");
  sub->add_flag("--quiet", o->quiet, "print only the summary");
  return nd::Command{sub, [o] { return sweep_command(*o); }};
});

}  // namespace
