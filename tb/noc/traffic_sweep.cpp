#include "traffic_sweep.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace nd::traffic {

namespace {
class Sweeper {
 public:
  Sweeper(const SweepSpec& spec, const RunAtRate& run, const SweepProgress& progress)
      : spec_(spec), run_(run), progress_(progress) {}

  SweepResult go() {
    const SweepPoint& z = at(spec_.zero_load_rate);
    s_.zero_load_latency = z.r.latency.mean();
    s_.points.back().stable = z.r.drained;
    double lo = spec_.zero_load_rate;
    if (!spec_.rates.empty()) {
      std::vector<double> rates(spec_.rates);
      std::sort(rates.begin(), rates.end());
      bool unstable_seen = false;
      for (double r : rates) {
        if (!at(r).stable) unstable_seen = true;
        if (!unstable_seen) lo = std::max(lo, r);
      }
    } else {
      double hi = -1;
      for (int i = 1;; ++i) {
        const double r = std::min(spec_.max_rate, i * spec_.step);
        if (at(r).stable) {
          lo = r;
        } else {
          hi = r;
          break;
        }
        if (r >= spec_.max_rate) break;
      }
      if (hi > 0) {
        for (;;) {
          double mid = std::round((lo + hi) / 2 / spec_.refine) * spec_.refine;
          if (mid <= lo + 1e-9 || mid >= hi - 1e-9) break;
          if (at(mid).stable) {
            lo = mid;
          } else {
            hi = mid;
          }
        }
        at(spec_.max_rate);
      }
    }
    s_.saturation = lo;
    std::sort(s_.points.begin(), s_.points.end(),
              [](const SweepPoint& a, const SweepPoint& b) { return a.r.rate < b.r.rate; });
    for (const auto& p : s_.points) {
      s_.peak_accepted = std::max(s_.peak_accepted, p.r.accepted());
      s_.cycles += p.r.cycles;
      s_.wall_seconds += p.r.wall_seconds;
      s_.cpu_seconds += p.r.cpu_seconds;
    }
    return s_;
  }

 private:
  // Runs (or reuses) the point at `rate`.
  const SweepPoint& at(double rate) {
    for (const auto& p : s_.points) {
      if (std::fabs(p.r.rate - rate) < 1e-9) return p;
    }
    SweepPoint p;
    p.r = run_(rate);
    p.stable = p.r.stable(s_.zero_load_latency);
    s_.points.push_back(p);
    if (progress_) progress_(s_.points.back());
    return s_.points.back();
  }

  const SweepSpec& spec_;
  const RunAtRate& run_;
  const SweepProgress& progress_;
  SweepResult s_;
};
}  // namespace

SweepResult sweep(const SweepSpec& spec, const RunAtRate& run, const SweepProgress& progress) {
  return Sweeper(spec, run, progress).go();
}

std::string sweep_csv(const SweepResult& s) {
  std::string out =
      "rate,offered,accepted,latency_avg,latency_p50,latency_p99,latency_max,net_latency_avg,packets,drained,"
      "stable,cycles,wall_seconds\n";
  char buf[320];
  for (const auto& p : s.points) {
    const RunResult& r = p.r;
    std::snprintf(buf, sizeof buf, "%.4f,%.5f,%.5f,%.3f,%llu,%llu,%llu,%.3f,%zu,%d,%d,%llu,%.3f\n", r.rate,
                  r.offered(), r.accepted(), r.latency.mean(), (unsigned long long)r.latency.percentile(0.5),
                  (unsigned long long)r.latency.percentile(0.99), (unsigned long long)r.latency.max(),
                  r.net_latency.mean(), r.latency.count(), r.drained ? 1 : 0, p.stable ? 1 : 0,
                  (unsigned long long)r.cycles, r.wall_seconds);
    out += buf;
  }
  return out;
}

}  // namespace nd::traffic
