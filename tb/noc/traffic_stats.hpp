// Statistics of one mesh traffic run: latency samples, offered and accepted load, link utilization.
//
// Definitions (docs/noc-traffic.md): a packet is measured when it is created inside the measurement
// window. Packet latency = tail arrival cycle - creation cycle (source queueing included); network
// latency = tail arrival - cycle the head flit was driven into the local input port. Offered and
// accepted load are flits created / flits ejected during the window per node per cycle. Link
// utilization = flits forwarded by a router output port during the window / window cycles.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace nd::traffic {

class Samples {
 public:
  void add(uint64_t v);
  size_t count() const { return v_.size(); }
  double mean() const;
  uint64_t max() const { return max_; }
  // Nearest-rank percentile, q in (0, 1]; 0 when empty.
  uint64_t percentile(double q) const;

 private:
  std::vector<uint64_t> v_;
  uint64_t max_ = 0;
  long double sum_ = 0;
};

// Output port `port` (1 N, 2 E, 3 S, 4 W, 0 local = ejection) of router `node`.
struct LinkStat {
  int node = 0, port = 0;
  uint64_t flits = 0;
  double util = 0;
};

struct RunResult {
  int rows = 0, cols = 0;
  double rate = 0;  // nominal offered load
  uint64_t warmup = 0, measure = 0;

  uint64_t cycles = 0;      // simulated cycles, reset excluded
  double wall_seconds = 0;  // wall time of the simulation loop
  double cpu_seconds = 0;   // CPU time of this process in the loop (independent of machine load)
  uint64_t window_created_flits = 0, window_ejected_flits = 0;
  Samples latency, net_latency;
  uint64_t hops_sum = 0;
  uint64_t measured_packets = 0, measured_delivered = 0;
  bool drained = false;       // every measured packet arrived within the drain limit
  uint64_t drain_cycles = 0;  // cycles of the drain phase
  uint64_t packets_delivered = 0, flits_delivered = 0;
  std::vector<LinkStat> links;                   // inter-router links
  std::vector<LinkStat> ejects;                  // local output ports
  uint64_t credit_stalls = 0, alloc_stalls = 0;  // summed over every port, measurement window
  // Whole run (reset to the end of the flush, when every packet has arrived): router counters summed over
  // the mesh, and what the scoreboard saw. The link identity: link_flits_total == flit_hops.
  uint64_t link_flits_total = 0;    // FlitsOut of every router-to-router output port
  uint64_t eject_flits_total = 0;   // FlitsOut of every local output port
  uint64_t inject_flits_total = 0;  // FlitsIn of every local input port
  uint64_t flit_hops = 0;           // sum over delivered packets of length x XY hops
  uint64_t flits_injected = 0;      // flits the sources drove into the mesh
  bool order_checked = true;        // one VC per class: streams must arrive in order (traffic_scoreboard.hpp)
  uint64_t reordered_packets = 0;   // packets that overtook an earlier one of their stream
  uint64_t borrowed_packets = 0;    // packets that arrived on a VC of the other class (VC policy)

  int nodes() const { return rows * cols; }
  double offered() const;   // measured offered load, flits/node/cycle
  double accepted() const;  // flits/node/cycle
  double avg_hops() const;
  double cycles_per_second() const { return wall_seconds > 0 ? cycles / wall_seconds : 0; }
  double cycles_per_cpu_second() const { return cpu_seconds > 0 ? cycles / cpu_seconds : 0; }
  double link_avg() const;
  const LinkStat* link_max() const;

  // Stable per noc-reference.md: drained, average latency under 3x the zero-load latency and at least
  // 97 % of the offered load accepted.
  bool stable(double zero_load_latency) const;
};

const char* port_name(int port);

}  // namespace nd::traffic
