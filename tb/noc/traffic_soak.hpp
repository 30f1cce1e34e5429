// Soak of the mesh (`nanodojo soak`, `make soak`; docs/noc-traffic.md "Soak"): every traffic pattern on the
// 4x4 (checked model: RTL assertions on) and 8x8 (lean) meshes, with 1-flit and multi-flit packets, at
// offered load 1.0 until a flit budget has been delivered and checked.
//
// A segment (mesh, pattern, lengths) runs on one mesh in chunks. Each chunk is one run of the traffic driver
// (tb/noc/traffic_driver.hpp) with its own seed: sources create packets at offered load 1.0 for a number of
// cycles (their queues grow: the network stays saturated), then stop and everything queued or in flight must
// arrive, after which the scoreboard must be empty. The scoreboard fails a lost, duplicated, corrupted,
// misrouted or (one VC per class) misordered packet; the progress watchdog fails a deadlock (flits waiting
// and nothing injected or ejected for `watchdog` cycles). After each chunk the routers' counters, which run
// on across chunks, must have grown by exactly what the scoreboard saw: flits injected, flits ejected and
// link flits = flits x XY hops. Any failure throws nd::SimError naming the segment, the chunk and its seed.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "mesh_if.hpp"
#include "traffic_pattern.hpp"
#include "traffic_source.hpp"

namespace nd::noc {

struct SoakSegment {
  MeshShape mesh;
  traffic::Pattern pattern = traffic::Pattern::Uniform;
  traffic::LengthMix lengths;
  std::string name;  // e.g. "4x4/uniform/1": mesh, pattern, "1" or "multi"
};

struct SoakOptions {
  double rate = 1.0;             // offered load, flits/node/cycle
  uint64_t chunk_cycles = 5000;  // cycles of packet creation per chunk (fewer for the last ones)
  uint64_t watchdog = 1000;      // cycles without progress while flits wait: a deadlock
};

struct SoakSegmentResult {
  SoakSegment segment;
  uint64_t seed = 0;  // the segment's seed; chunk c runs with chunk_seed(seed, c)
  uint64_t flit_budget = 0;
  uint64_t chunks = 0, cycles = 0, packets = 0, flits = 0, flit_hops = 0;
  uint64_t reordered = 0;     // packets that overtook one of their stream (only with 2 VCs per class)
  bool order_checked = true;  // one VC per class: order per stream checked
  double wall_seconds = 0, cpu_seconds = 0;
  double accepted() const;  // flits / (nodes x cycles)
};

// Every pattern on 4x4 and 8x8 (2 VCs x 4 flits, 128-bit flits), each with 1-flit packets and with a mix of
// 2-, 4- and 8-flit packets, in a fixed order (a segment's seed depends on its place in this list).
std::vector<SoakSegment> soak_segments();
// The seed of segment `index` of a soak with seed `seed`, and of chunk `chunk` of a segment.
uint64_t segment_seed(uint64_t seed, std::size_t index);
uint64_t chunk_seed(uint64_t segment_seed, uint64_t chunk);

// Runs one segment on a fresh mesh until at least `flits` flits have been delivered and checked.
// `on_chunk` is called after every chunk with the figures so far.
SoakSegmentResult soak_segment(const SoakSegment& seg, uint64_t flits, uint64_t seed, const SoakOptions& opt,
                               const std::function<void(const SoakSegmentResult&)>& on_chunk = {});

}  // namespace nd::noc
