// Background traffic on a tile while it computes (docs/kernels.md "Background traffic"): the host ports on
// the west edge inject WRITE packets to random nodes of the tile, Bernoulli in time, into a scratch region
// the GEMM does not use, and time each one from its creation until its WRITE_ACK is back at the host. It
// loads the same routers and links the GEMM's DMA transfers use, and its latency is the network's latency
// under that load (queueing at the host port included, as in the traffic generator's packet latency).
#pragma once

#include <cstdint>
#include <map>
#include <random>
#include <vector>

#include "host.hpp"

namespace nd::tile {

struct BackgroundSpec {
  double rate = 0;      // offered load per host port, flits per cycle (0: off)
  uint32_t bytes = 64;  // data bytes per WRITE packet (multiple of 16, 16 .. MaxPacketBytes)
  uint64_t seed = 1;
  uint32_t scratch = 0;  // node-local scratch region (kSlots x bytes), the same on every node
  static constexpr uint32_t kSlots = 16;  // packets in flight per node at most
};

struct BackgroundStats {
  uint64_t offered_packets = 0;  // created (a packet that finds no free slot at its node is not created)
  uint64_t skipped = 0;          // not created for want of a free slot
  uint64_t acked = 0;
  uint64_t cycles = 0;  // cycles the generator ran
  uint64_t flits_per_packet = 0;
  std::vector<uint64_t> latencies;  // creation to acknowledgement, cycles
  double mean_latency() const;
  uint64_t percentile(double p) const;
  uint64_t max_latency() const;
  double offered(int rows) const;   // flits created per host port per cycle
  double accepted(int rows) const;  // flits acknowledged per host port per cycle
};

class BackgroundTraffic {
 public:
  BackgroundTraffic(Host& host, const BackgroundSpec& spec);
  ~BackgroundTraffic();
  BackgroundTraffic(const BackgroundTraffic&) = delete;
  BackgroundTraffic& operator=(const BackgroundTraffic&) = delete;
  // One cycle: maybe create a packet at each host port. Call once per cycle while the load should run.
  void step();
  const BackgroundStats& stats() const { return stats_; }

 private:
  Host& host_;
  BackgroundSpec spec_;
  TileShape shape_;
  std::mt19937_64 rng_;
  BackgroundStats stats_;
  std::vector<std::vector<bool>> busy_;                     // per node, per slot
  std::map<std::pair<int, uint32_t>, uint64_t> in_flight_;  // (node, address) -> creation cycle
};

}  // namespace nd::tile
