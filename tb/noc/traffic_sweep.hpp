// Latency versus offered load: runs one simulation per offered load and finds the saturation
// throughput the way docs/noc-traffic.md (and noc-reference.md) define it.
//
// 1. Zero-load latency: average packet latency at sweep.zero_load_rate (0.02).
// 2. Rates: the explicit sweep.rates list, or an automatic search: step, 2*step, ... until a run is
//    unstable, then bisection between the last stable and the first unstable rate down to
//    sweep.refine, then one run at sweep.max_rate for the peak accepted load.
// Stable = every measured packet drained, average latency < 3x zero-load, accepted >= 97 % of offered.
// Saturation throughput = highest stable offered load below the first unstable one.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "traffic_config.hpp"
#include "traffic_stats.hpp"

namespace nd::traffic {

struct SweepPoint {
  RunResult r;
  bool stable = false;
};

struct SweepResult {
  double zero_load_latency = 0;    // packet latency at the zero-load rate, cycles
  double saturation = 0;           // flits/node/cycle
  double peak_accepted = 0;        // highest accepted load seen
  std::vector<SweepPoint> points;  // sorted by offered rate, the zero-load run included
  uint64_t cycles = 0;
  double wall_seconds = 0, cpu_seconds = 0;
  double cycles_per_second() const { return wall_seconds > 0 ? cycles / wall_seconds : 0; }
  double cycles_per_cpu_second() const { return cpu_seconds > 0 ? cycles / cpu_seconds : 0; }
};

using RunAtRate = std::function<RunResult(double rate)>;
using SweepProgress = std::function<void(const SweepPoint&)>;

SweepResult sweep(const SweepSpec& spec, const RunAtRate& run, const SweepProgress& progress = {});

// CSV with one row per point: header line first.
std::string sweep_csv(const SweepResult& s);

}  // namespace nd::traffic
