// Run configuration of a mesh traffic simulation, loaded from YAML (sim/configs/*.yaml).
//
//   build:  the mesh the program must have compiled in: rows, cols, vcs, buf_depth, flit_width
//           (a noc::MeshShape; vcs is its num_vcs)
//   run:    pattern, rate, lengths, response_fraction, hotspot {nodes, fraction}, warmup, measure,
//           drain, watchdog, seed
//   sweep:  rates (explicit list) or zero_load_rate, step, refine, max_rate (automatic search)
//
// Every key is optional (defaults below) but unknown keys, wrong types and out-of-range values are
// errors: nd::InputError naming the file, the line and the dotted key ("run.rate").
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "traffic_pattern.hpp"
#include "traffic_source.hpp"

namespace nd::traffic {

struct RunSpec {
  PatternParams pattern;
  double rate = 0.1;  // offered load, flits/node/cycle, in [0, 1]
  LengthMix lengths;
  double response_fraction = 0.5;
  uint64_t warmup = 1000;    // cycles before the measurement window
  uint64_t measure = 5000;   // measurement window, cycles (> 0)
  uint64_t drain = 20000;    // at most this many cycles for the measured packets to arrive
  uint64_t watchdog = 1000;  // cycles with flits waiting and nothing moving before the run fails
  uint64_t seed = 1;
};

struct SweepSpec {
  std::vector<double> rates;  // explicit offered loads; empty = automatic search
  double zero_load_rate = 0.02;
  double step = 0.05;    // coarse step of the automatic search
  double refine = 0.01;  // resolution of the bisection near saturation
  double max_rate = 1.0;
};

struct NocConfig {
  std::string file;  // where it came from (for error messages)
  MeshShape build;
  RunSpec run;
  SweepSpec sweep;
  std::map<std::string, int> lines;  // dotted key -> line (1-based) where it was given

  int line_of(const std::string& key) const;  // 0 when not given
  SourceParams source_params(double rate) const;
};

NocConfig load_noc_config_file(const std::string& path);
// `name` stands in for the file name in error messages.
NocConfig load_noc_config_text(const std::string& text, const std::string& name);

// The keys of a `run` section given elsewhere (a tile scenario's traffic phase) under the dotted `key`, for a
// mesh of shape `build`; errors name `file`, the line and `key.<name>`.
NocConfig load_run_section(const std::string& file, const YAML::Node& map, const std::string& key,
                           const MeshShape& build);

// Throws InputError at the `build` key unless `build` is one of `compiled`.
void check_compiled(const NocConfig& cfg, const std::vector<MeshShape>& compiled);

}  // namespace nd::traffic
