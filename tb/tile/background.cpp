#include "background.hpp"

#include <algorithm>
#include <stdexcept>

namespace nd::tile {

double BackgroundStats::mean_latency() const {
  if (latencies.empty()) return 0;
  double s = 0;
  for (const uint64_t l : latencies) s += static_cast<double>(l);
  return s / static_cast<double>(latencies.size());
}

uint64_t BackgroundStats::percentile(double p) const {
  if (latencies.empty()) return 0;
  std::vector<uint64_t> v = latencies;
  const size_t i = std::min(v.size() - 1, static_cast<size_t>(p * static_cast<double>(v.size())));
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(i), v.end());
  return v[i];
}

uint64_t BackgroundStats::max_latency() const {
  return latencies.empty() ? 0 : *std::max_element(latencies.begin(), latencies.end());
}

double BackgroundStats::offered(int rows) const {
  return cycles == 0
             ? 0.0
             : static_cast<double>(offered_packets * flits_per_packet) / (static_cast<double>(cycles) * rows);
}

double BackgroundStats::accepted(int rows) const {
  return cycles == 0 ? 0.0
                     : static_cast<double>(acked * flits_per_packet) / (static_cast<double>(cycles) * rows);
}

BackgroundTraffic::BackgroundTraffic(Host& host, const BackgroundSpec& spec)
    : host_(host), spec_(spec), shape_(host.tile().shape()), rng_(spec.seed) {
  if (spec.bytes % 16 != 0 || spec.bytes < 16 || spec.bytes > shape_.max_packet_bytes)
    throw std::logic_error("background traffic: bytes must be a multiple of 16 up to MaxPacketBytes");
  stats_.flits_per_packet = 1 + spec.bytes / 16;  // head + data flits of a 16-byte-aligned write
  busy_.assign(static_cast<size_t>(shape_.nodes()), std::vector<bool>(BackgroundSpec::kSlots, false));
  host_.on_write_ack = [this](int node, uint32_t addr) {
    const auto it = in_flight_.find({node, addr});
    if (it == in_flight_.end()) return;  // not a background packet
    stats_.latencies.push_back(host_.tile().cycle() - it->second);
    ++stats_.acked;
    busy_[static_cast<size_t>(node)][(addr - spec_.scratch) / spec_.bytes] = false;
    in_flight_.erase(it);
  };
}

BackgroundTraffic::~BackgroundTraffic() { host_.on_write_ack = nullptr; }

void BackgroundTraffic::step() {
  ++stats_.cycles;
  if (spec_.rate <= 0) return;
  std::uniform_real_distribution<double> u(0.0, 1.0);
  const double p = spec_.rate / static_cast<double>(stats_.flits_per_packet);
  for (int row = 0; row < shape_.rows; ++row) {
    if (u(rng_) >= p) continue;
    // The host sends a request from the port of its target's row, so port `row` serves that row's nodes.
    const int node = row * shape_.cols + static_cast<int>(rng_() % static_cast<uint64_t>(shape_.cols));
    auto& slots = busy_[static_cast<size_t>(node)];
    const auto free = std::find(slots.begin(), slots.end(), false);
    if (free == slots.end()) {
      ++stats_.skipped;
      continue;
    }
    *free = true;
    const uint32_t addr = spec_.scratch + static_cast<uint32_t>(free - slots.begin()) * spec_.bytes;
    std::vector<uint8_t> data(spec_.bytes);
    for (auto& b : data) b = static_cast<uint8_t>(rng_());
    in_flight_[{node, addr}] = host_.tile().cycle();
    host_.write(node, addr, data);
    ++stats_.offered_packets;
  }
}

}  // namespace nd::tile
