// Scoreboard of a mesh traffic run: every packet arrives exactly once, at the right node, with every
// flit intact and in order, contiguous within its VC, on a VC of its class. Any violation throws
// nd::SimError naming the cycle, node, VC and what differed.
//
// Packet order follows what the router guarantees (docs/noc.md, "Ordering"): with one VC per message
// class (2 VCs) every hop is first-in first-out and XY routes are fixed, so packets of one (source,
// destination, class) stream arrive in creation order, and the scoreboard fails a packet that overtakes
// an earlier one of its stream. With more VCs per class, or a VC policy that lets a class take VCs of the
// other one (noc::VcPolicy), the VC allocator may give consecutive packets of a stream different VCs, which
// drain independently: packets of that class may then overtake each other, and the scoreboard counts them
// (reordered_packets()) instead of failing.
#pragma once

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "traffic_packet.hpp"

namespace nd::traffic {

struct Delivery {
  Packet pkt;
  uint64_t arrived = 0;  // cycle the tail flit left the local output port
};

class Scoreboard {
 public:
  explicit Scoreboard(const MeshShape& mesh);

  // A packet was created (queued at its source).
  void expect(const Packet& p);
  // A flit of packet `id` was driven into the local input port (`head`: its first flit).
  void injected(uint32_t id, bool head, uint64_t cycle);
  // A flit left node `node`'s local output port; returns the packet when this was its tail flit.
  std::optional<Delivery> eject(int node, const Flit& f, uint64_t cycle);
  // Throws unless every expected packet was delivered.
  void check_all_delivered(uint64_t cycle) const;

  uint64_t outstanding_packets() const { return live_.size(); }
  uint64_t flits_in_network() const { return flits_injected_ - flits_delivered_; }
  uint64_t flits_injected() const { return flits_injected_; }
  uint64_t flits_delivered() const { return flits_delivered_; }
  uint64_t packets_delivered() const { return packets_delivered_; }
  // Sum over delivered packets of length x XY hops: the flits the router-to-router links carried.
  uint64_t flit_hops() const { return flit_hops_; }
  // Packets that arrived before an earlier packet of their stream (only with several VCs per class).
  uint64_t reordered_packets() const { return reordered_; }
  // Packets that arrived on a VC their class does not own (VcPolicy borrow or shared; 0 with separate VCs).
  uint64_t borrowed_packets() const { return borrowed_; }
  // Whether packets of every stream must arrive in creation order (each class may take one VC only).
  bool checks_order() const { return check_order_[0] && check_order_[1]; }

 private:
  struct Open {
    bool active = false;
    uint32_t id = 0;
    int next = 0;
  };
  [[noreturn]] void fail(uint64_t cycle, int node, const Flit& f, const std::string& what) const;
  uint64_t order_key(int src, int dst, int cls) const;

  MeshShape mesh_;
  int flit_words_;
  bool check_order_[noc::kNumClasses];  // per message class: it may take one VC only
  std::unordered_map<uint32_t, Packet> live_;
  std::unordered_map<uint64_t, std::deque<uint32_t>> order_;
  std::vector<Open> open_;  // per (node, vc)
  uint64_t flits_injected_ = 0, flits_delivered_ = 0, packets_delivered_ = 0, flit_hops_ = 0, reordered_ = 0,
           borrowed_ = 0;
};

}  // namespace nd::traffic
