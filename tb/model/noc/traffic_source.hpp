// Traffic sources: one per mesh node. Each cycle a source creates a packet with probability
// rate / mean_length (Bernoulli injection: `rate` is the offered load in flits per node per cycle),
// queues it in an unbounded source queue per message class, and drives at most one flit per cycle into
// its router's local input port under per-VC credit flow control (BufDepth credits per VC at reset,
// one back per credit pulse).
//
// VC choice: a packet of class c uses one VC of its class's range [c*V/2, (c+1)*V/2), or with the VC
// policies borrow and shared (noc::VcPolicy) any VC its class may take: a free VC starts the oldest queued
// packet that may take it, of either class. A VC carries one packet at a time from head to tail; flits of
// different VCs interleave, picked round-robin among the VCs that hold a credit and have a flit to send. A
// packet does not start on a second VC while an earlier packet of the same class to the same destination
// is still being sent on another one, so the source itself never reorders a (source, destination, class)
// stream.
#pragma once

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "traffic_packet.hpp"
#include "traffic_pattern.hpp"
#include "traffic_rng.hpp"

namespace nd::traffic {

// Packet lengths in flits with relative weights (a fixed length is one entry).
struct LengthMix {
  std::vector<int> lengths{1};
  std::vector<double> weights{1.0};

  double mean() const;
  int draw(Rng& rng) const;
  std::string describe() const;  // "1", "4", "1 (w 3), 4 (w 1)"
};

struct SourceParams {
  MeshShape mesh;
  double rate = 0.1;  // offered load, flits/node/cycle
  LengthMix lengths;
  double response_fraction = 0.5;  // probability that a packet is in the response class
  PatternParams pattern;
};

struct Injection {
  Flit flit;
  uint32_t packet = 0;
  bool head = false;
};

class TrafficSources {
 public:
  TrafficSources(const SourceParams& params, uint64_t seed);

  int nodes() const { return static_cast<int>(nodes_.size()); }
  const SourceParams& params() const { return params_; }

  // One Bernoulli trial per node; new packets are queued and appended to `created`.
  void generate(uint64_t cycle, bool measured, std::vector<Packet>& created);

  // A credit pulse for (node, vc); throws nd::SimError when it would exceed BufDepth.
  void credit(int node, unsigned vc, uint64_t cycle);

  // The flit `node` injects this cycle, if any (its credit is consumed).
  std::optional<Injection> next_flit(int node);
  // Nothing queued at `node` and no packet half sent: next_flit() has nothing to give.
  bool idle(int node) const { return nodes_[node].queued_flits == 0; }

  uint64_t queued_flits() const { return queued_flits_; }  // created, not yet injected
  uint64_t created_packets() const { return next_id_; }
  int credits(int node, unsigned vc) const { return nodes_[node].vcs[vc].credits; }

 private:
  struct VcState {
    bool busy = false;
    Packet pkt;
    int next = 0;  // index of the next flit to send
    int credits = 0;
  };
  struct Node {
    std::deque<Packet> queue[2];
    std::vector<VcState> vcs;
    unsigned rr = 0;
    uint64_t queued_flits = 0;  // created here, not yet injected
  };

  bool may_start(const Node& n, unsigned vc, const Packet& p) const;

  SourceParams params_;
  TrafficPattern pattern_;
  Rng rng_;
  std::vector<Node> nodes_;
  double p_packet_;
  uint32_t next_id_ = 0;
  uint64_t queued_flits_ = 0;
};

}  // namespace nd::traffic
