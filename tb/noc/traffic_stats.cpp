#include "traffic_stats.hpp"

#include <algorithm>
#include <cmath>

namespace nd::traffic {

void Samples::add(uint64_t v) {
  v_.push_back(v);
  max_ = std::max(max_, v);
  sum_ += v;
}

double Samples::mean() const { return v_.empty() ? 0.0 : static_cast<double>(sum_ / v_.size()); }

uint64_t Samples::percentile(double q) const {
  if (v_.empty()) return 0;
  std::vector<uint64_t> s(v_);
  size_t rank = static_cast<size_t>(std::ceil(q * s.size()));
  rank = std::clamp<size_t>(rank, 1, s.size());
  std::nth_element(s.begin(), s.begin() + (rank - 1), s.end());
  return s[rank - 1];
}

double RunResult::offered() const {
  return measure && nodes() ? static_cast<double>(window_created_flits) / (double(nodes()) * measure) : 0;
}

double RunResult::accepted() const {
  return measure && nodes() ? static_cast<double>(window_ejected_flits) / (double(nodes()) * measure) : 0;
}

double RunResult::avg_hops() const {
  return measured_delivered ? static_cast<double>(hops_sum) / measured_delivered : 0;
}

double RunResult::link_avg() const {
  if (links.empty()) return 0;
  double s = 0;
  for (const auto& l : links) s += l.util;
  return s / links.size();
}

const LinkStat* RunResult::link_max() const {
  const LinkStat* m = nullptr;
  for (const auto& l : links) {
    if (!m || l.util > m->util) m = &l;
  }
  return m;
}

bool RunResult::stable(double zero_load_latency) const {
  if (!drained || latency.count() == 0) return false;
  if (zero_load_latency > 0 && latency.mean() >= 3.0 * zero_load_latency) return false;
  return accepted() >= 0.97 * offered();
}

const char* port_name(int port) {
  static const char* names[] = {"local", "N", "E", "S", "W"};
  return port >= 0 && port < 5 ? names[port] : "?";
}

}  // namespace nd::traffic
