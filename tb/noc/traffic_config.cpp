#include "traffic_config.hpp"

#include <yaml-cpp/yaml.h>

#include <cmath>

#include "errors.hpp"
#include "yaml_reader.hpp"

namespace nd::traffic {

int NocConfig::line_of(const std::string& key) const {
  auto it = lines.find(key);
  return it == lines.end() ? 0 : it->second;
}

SourceParams NocConfig::source_params(double rate) const {
  SourceParams p;
  p.mesh = build;
  p.rate = rate;
  p.lengths = run.lengths;
  p.response_fraction = run.response_fraction;
  p.pattern = run.pattern;
  return p;
}

namespace {

class Loader : private YamlReader {
 public:
  Loader(NocConfig& cfg, std::string run_key = "run")
      : YamlReader(cfg.file), c_(cfg), run_(std::move(run_key)) {}

  // A `run` section alone, under the dotted key run_ (a tile scenario's traffic phase).
  void load_run(const YAML::Node& m) {
    run(m);
    c_.lines = lines();
    check_shape();
  }

  void load(const YAML::Node& root) {
    if (!root.IsMap()) fail(root, "", "expected a map with the keys build, run, sweep");
    each(root, "", {"build", "run", "sweep"}, [&](const std::string& k, const YAML::Node& v) {
      if (k == "build") build(v);
      if (k == "run") run(v);
      if (k == "sweep") sweep(v);
    });
    c_.lines = lines();
    check_shape();
  }

 private:
  void build(const YAML::Node& m) {
    MeshShape& b = c_.build;
    each(m, "build",
         {"rows", "cols", "vcs", "buf_depth", "flit_width", "alloc_iters", "vc_policy", "in_speedup"},
         [&](const std::string& k, const YAML::Node& v) {
           const std::string key = "build." + k;
           // The ranges nd_noc_router accepts at elaboration (docs/noc.md).
           if (k == "rows") b.rows = integer(v, key, 1, noc::kMaxMeshSide);
           if (k == "cols") b.cols = integer(v, key, 1, noc::kMaxMeshSide);
           if (k == "buf_depth") b.buf_depth = integer(v, key, 2, 16);
           if (k == "alloc_iters") b.alloc_iters = integer(v, key, 1, 4);
           if (k == "in_speedup") b.in_speedup = integer(v, key, 1, 2);
           if (k == "vc_policy" && !(v.IsScalar() && noc::parse_vc_policy(v.Scalar(), b.vc_policy)))
             fail(v, key, "unknown VC policy '" + text(v) + "' (expected separate, borrow or shared)");
           if (k == "vcs") {
             b.num_vcs = integer(v, key, 2, 4);
             if (b.num_vcs == 3)
               fail(v, key, "must be 2 or 4 (request and response classes own half of the VCs each)");
           }
           if (k == "flit_width") {
             b.flit_width = integer(v, key, kMinFlitWidth, 4096);
             if (b.flit_width % 32) fail(v, key, "must be a multiple of 32");
           }
         });
  }

  void lengths(const YAML::Node& v) {
    LengthMix mix;
    mix.lengths.clear();
    mix.weights.clear();
    if (v.IsScalar()) {
      mix.lengths.push_back(integer(v, run_ + ".lengths", 1, 1024));
      mix.weights.push_back(1.0);
    } else if (v.IsSequence() && v.size() > 0) {
      for (const auto& e : v) {
        if (e.IsMap()) {
          int len = 0;
          double w = 1.0;
          each(e, run_ + ".lengths", {"length", "weight"}, [&](const std::string& k, const YAML::Node& x) {
            if (k == "length") len = integer(x, run_ + ".lengths.length", 1, 1024);
            if (k == "weight") w = real(x, run_ + ".lengths.weight", 1e-9, 1e9);
          });
          if (len == 0) fail(e, run_ + ".lengths.length", "missing: each entry needs a length");
          mix.lengths.push_back(len);
          mix.weights.push_back(w);
        } else {
          mix.lengths.push_back(integer(e, run_ + ".lengths", 1, 1024));
          mix.weights.push_back(1.0);
        }
      }
    } else {
      fail(v, run_ + ".lengths", "expected a length, a list of lengths or a list of {length, weight}");
    }
    c_.run.lengths = mix;
  }

  void run(const YAML::Node& m) {
    RunSpec& r = c_.run;
    const long long kMaxCycles = 1LL << 40;
    each(m, run_,
         {"pattern", "rate", "lengths", "response_fraction", "hotspot", "warmup", "measure", "drain",
          "watchdog", "seed"},
         [&](const std::string& k, const YAML::Node& v) {
           const std::string key = run_ + "." + k;
           if (k == "pattern") {
             const auto p = v.IsScalar() ? parse_pattern(v.Scalar()) : std::nullopt;
             if (!p)
               fail(v, key, "unknown pattern '" + text(v) + "' (expected one of: " + pattern_names() + ")");
             r.pattern.pattern = *p;
           }
           if (k == "rate") r.rate = real(v, key, 0.0, 1.0);
           if (k == "lengths") lengths(v);
           if (k == "response_fraction") r.response_fraction = real(v, key, 0.0, 1.0);
           if (k == "warmup") r.warmup = integer(v, key, 0, kMaxCycles);
           if (k == "measure") r.measure = integer(v, key, 1, kMaxCycles);
           if (k == "drain") r.drain = integer(v, key, 0, kMaxCycles);
           if (k == "watchdog") r.watchdog = integer(v, key, 10, kMaxCycles);
           if (k == "seed") r.seed = integer(v, key, 0, (1LL << 62));
           if (k == "hotspot") hotspot(v);
         });
  }

  void hotspot(const YAML::Node& m) {
    PatternParams& p = c_.run.pattern;
    each(m, run_ + ".hotspot", {"nodes", "fraction"}, [&](const std::string& k, const YAML::Node& v) {
      if (k == "fraction") p.hotspot_fraction = real(v, run_ + ".hotspot.fraction", 0.0, 1.0);
      if (k == "nodes") {
        p.hotspots.clear();
        if (v.IsScalar()) {
          p.hotspots.push_back(integer(v, run_ + ".hotspot.nodes", 0, 255));
        } else if (v.IsSequence() && v.size() > 0) {
          for (const auto& e : v) p.hotspots.push_back(integer(e, run_ + ".hotspot.nodes", 0, 255));
        } else {
          fail(v, run_ + ".hotspot.nodes", "expected a node index or a list of node indices");
        }
      }
    });
  }

  void sweep(const YAML::Node& m) {
    SweepSpec& s = c_.sweep;
    each(m, "sweep", {"rates", "zero_load_rate", "step", "refine", "max_rate"},
         [&](const std::string& k, const YAML::Node& v) {
           const std::string key = "sweep." + k;
           if (k == "rates") {
             if (!v.IsSequence() || v.size() == 0) fail(v, key, "expected a non-empty list of offered loads");
             s.rates.clear();
             for (const auto& e : v) s.rates.push_back(real(e, key, 0.0, 1.0));
           }
           if (k == "zero_load_rate") s.zero_load_rate = real(v, key, 1e-6, 1.0);
           if (k == "step") s.step = real(v, key, 1e-3, 1.0);
           if (k == "refine") s.refine = real(v, key, 1e-4, 1.0);
           if (k == "max_rate") s.max_rate = real(v, key, 1e-3, 1.0);
         });
  }

  // Cross-key checks, reported at the key that makes the combination invalid.
  void check_shape() {
    const MeshShape& b = c_.build;
    const PatternParams& p = c_.run.pattern;
    if (p.pattern == Pattern::Transpose && b.rows != b.cols)
      throw InputError(c_.file, c_.line_of(run_ + ".pattern"), run_ + ".pattern",
                       "transpose needs a square mesh (rows == cols)");
    for (int h : p.hotspots) {
      if (h >= b.rows * b.cols)
        throw InputError(c_.file, c_.line_of(run_ + ".hotspot.nodes"), run_ + ".hotspot.nodes",
                         "node " + std::to_string(h) + " outside the " + std::to_string(b.rows) + "x" +
                             std::to_string(b.cols) + " mesh");
    }
  }

  NocConfig& c_;
  std::string run_;
};

NocConfig parse(const std::string& text, const std::string& name) {
  NocConfig cfg;
  cfg.file = name;
  const YAML::Node root = YamlReader(name).parse(text, "empty config (expected the keys build, run, sweep)");
  Loader(cfg).load(root);
  return cfg;
}

}  // namespace

NocConfig load_noc_config_file(const std::string& path) { return parse(YamlReader::read_file(path), path); }

NocConfig load_noc_config_text(const std::string& text, const std::string& name) { return parse(text, name); }

NocConfig load_run_section(const std::string& file, const YAML::Node& map, const std::string& key,
                           const MeshShape& build) {
  NocConfig cfg;
  cfg.file = file;
  cfg.build = build;
  Loader(cfg, key).load_run(map);
  return cfg;
}

void check_compiled(const NocConfig& cfg, const std::vector<MeshShape>& compiled) {
  for (const auto& m : compiled) {
    if (m == cfg.build) return;
  }
  std::string list;
  for (const auto& m : compiled) list += (list.empty() ? "" : "; ") + noc::to_string(m);
  const int line = cfg.line_of("build.rows") ? cfg.line_of("build.rows") : cfg.line_of("build");
  throw InputError(
      cfg.file, line, "build",
      "mesh " + noc::to_string(cfg.build) + " is not compiled into this program (compiled: " + list + ")");
}

}  // namespace nd::traffic
