#include "traffic_pattern.hpp"

#include <stdexcept>

namespace nd::traffic {

namespace {
struct Named {
  Pattern p;
  const char* name;
};
constexpr Named kNames[] = {{Pattern::Uniform, "uniform"},       {Pattern::Transpose, "transpose"},
                            {Pattern::BitComplement, "bitcomp"}, {Pattern::Hotspot, "hotspot"},
                            {Pattern::Neighbor, "neighbor"},     {Pattern::Tornado, "tornado"}};
}  // namespace

const char* pattern_name(Pattern p) {
  for (const auto& n : kNames) {
    if (n.p == p) return n.name;
  }
  return "?";
}

std::optional<Pattern> parse_pattern(const std::string& name) {
  for (const auto& n : kNames) {
    if (name == n.name) return n.p;
  }
  if (name == "bit-complement" || name == "bitcomplement") return Pattern::BitComplement;
  if (name == "neighbour" || name == "nearest-neighbor") return Pattern::Neighbor;
  return std::nullopt;
}

std::string pattern_names() {
  std::string s;
  for (const auto& n : kNames) s += (s.empty() ? "" : ", ") + std::string(n.name);
  return s;
}

std::vector<Pattern> all_patterns() {
  std::vector<Pattern> v;
  for (const auto& n : kNames) v.push_back(n.p);
  return v;
}

TrafficPattern::TrafficPattern(int rows, int cols, const PatternParams& params)
    : rows_(rows), cols_(cols), params_(params), hotspots_(params.hotspots) {
  if (rows < 1 || cols < 1) throw std::invalid_argument("mesh needs at least one row and column");
  if (params.pattern == Pattern::Transpose && rows != cols)
    throw std::invalid_argument("transpose needs a square mesh");
  if (params.pattern == Pattern::Hotspot) {
    if (hotspots_.empty()) hotspots_.push_back((rows / 2) * cols + cols / 2);
    for (int h : hotspots_) {
      if (h < 0 || h >= rows * cols) throw std::invalid_argument("hotspot node outside the mesh");
    }
  }
}

int TrafficPattern::dest(int src, Rng& rng) const {
  const int x = src % cols_, y = src / cols_;
  const int n = rows_ * cols_;
  switch (params_.pattern) {
    case Pattern::Uniform:
      return static_cast<int>(rng.below(n));
    case Pattern::Transpose:
      return x * cols_ + y;
    case Pattern::BitComplement:
      return (rows_ - 1 - y) * cols_ + (cols_ - 1 - x);
    case Pattern::Hotspot:
      if (rng.bernoulli(params_.hotspot_fraction)) return hotspots_[rng.below(hotspots_.size())];
      return static_cast<int>(rng.below(n));
    case Pattern::Neighbor: {
      int cand[4], k = 0;
      if (y > 0) cand[k++] = src - cols_;
      if (x < cols_ - 1) cand[k++] = src + 1;
      if (y < rows_ - 1) cand[k++] = src + cols_;
      if (x > 0) cand[k++] = src - 1;
      return k == 0 ? src : cand[rng.below(k)];
    }
    case Pattern::Tornado: {
      const int dx = (x + (cols_ + 1) / 2 - 1) % cols_;
      const int dy = (y + (rows_ + 1) / 2 - 1) % rows_;
      return dy * cols_ + dx;
    }
  }
  return src;
}

}  // namespace nd::traffic
