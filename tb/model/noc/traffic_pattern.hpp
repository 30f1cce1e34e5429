// Synthetic traffic patterns of a Rows x Cols mesh: which node a new packet from `src` goes to.
//
// Definitions (x = column, y = row, node n = y * cols + x; see docs/noc-traffic.md):
//   uniform    every node, the source included, with equal probability (as BookSim2's uniform)
//   transpose  (x, y) -> (y, x); needs a square mesh; diagonal nodes send to themselves
//   bitcomp    (x, y) -> (cols-1-x, rows-1-y) (bit complement of the coordinates for power-of-two sizes)
//   hotspot    with probability `hotspot_fraction` to one of the hotspot nodes (equal share), else uniform
//   neighbor   one of the existing N/E/S/W mesh neighbours, equal probability (nearest neighbour)
//   tornado    ((x + ceil(cols/2) - 1) mod cols, (y + ceil(rows/2) - 1) mod rows), as BookSim2's tornado
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "traffic_rng.hpp"

namespace nd::traffic {

enum class Pattern { Uniform, Transpose, BitComplement, Hotspot, Neighbor, Tornado };

const char* pattern_name(Pattern p);
std::optional<Pattern> parse_pattern(const std::string& name);
// "uniform, transpose, bitcomp, hotspot, neighbor, tornado"
std::string pattern_names();
std::vector<Pattern> all_patterns();

struct PatternParams {
  Pattern pattern = Pattern::Uniform;
  std::vector<int> hotspots;       // hotspot node indices (empty: the node nearest the centre)
  double hotspot_fraction = 0.25;  // share of packets sent to a hotspot
};

class TrafficPattern {
 public:
  // Throws std::invalid_argument on a shape the pattern cannot use (transpose on a non-square mesh,
  // hotspot node outside the mesh); the config loader checks these first and reports file/line/key.
  TrafficPattern(int rows, int cols, const PatternParams& params);

  int dest(int src, Rng& rng) const;
  int nodes() const { return rows_ * cols_; }
  const std::vector<int>& hotspots() const { return hotspots_; }

 private:
  int rows_, cols_;
  PatternParams params_;
  std::vector<int> hotspots_;
};

}  // namespace nd::traffic
