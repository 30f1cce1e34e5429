#include "traffic_soak.hpp"

#include <algorithm>
#include <chrono>
#include <ctime>

#include "errors.hpp"
#include "traffic_config.hpp"
#include "traffic_driver.hpp"
#include "traffic_rng.hpp"

namespace nd::noc {

double SoakSegmentResult::accepted() const {
  const double nc = static_cast<double>(segment.mesh.nodes()) * static_cast<double>(cycles);
  return nc > 0 ? static_cast<double>(flits) / nc : 0.0;
}

std::vector<SoakSegment> soak_segments() {
  std::vector<SoakSegment> v;
  traffic::LengthMix one;  // 1 flit
  traffic::LengthMix multi;
  multi.lengths = {2, 4, 8};
  multi.weights = {1.0, 1.0, 1.0};
  for (const int size : {4, 8}) {
    const MeshShape mesh = compiled_shape(size, 2);  // 2 VCs x 4 flits, input speedup 1
    for (const traffic::Pattern p : traffic::all_patterns()) {
      for (const bool m : {false, true}) {
        SoakSegment s;
        s.mesh = mesh;
        s.pattern = p;
        s.lengths = m ? multi : one;
        s.name = std::to_string(size) + "x" + std::to_string(size) + "/" + traffic::pattern_name(p) + "/" +
                 (m ? "multi" : "1");
        v.push_back(s);
      }
    }
  }
  return v;
}

uint64_t segment_seed(uint64_t seed, std::size_t index) {
  uint64_t x = seed ^ (0x5eed0000ull + index);
  return traffic::Rng::splitmix(x);
}

uint64_t chunk_seed(uint64_t segment_seed, uint64_t chunk) {
  uint64_t x = segment_seed + chunk;
  return traffic::Rng::splitmix(x);
}

SoakSegmentResult soak_segment(const SoakSegment& seg, uint64_t flits, uint64_t seed, const SoakOptions& opt,
                               const std::function<void(const SoakSegmentResult&)>& on_chunk) {
  SoakSegmentResult res;
  res.segment = seg;
  res.seed = seed;
  res.flit_budget = flits;
  traffic::NocConfig cfg;
  cfg.file = "soak " + seg.name;
  cfg.build = seg.mesh;
  cfg.run.pattern.pattern = seg.pattern;
  cfg.run.rate = opt.rate;
  cfg.run.lengths = seg.lengths;
  cfg.run.warmup = 0;
  cfg.run.drain = 0;
  cfg.run.watchdog = opt.watchdog;
  auto mesh = make_mesh(seg.mesh, WaveOptions{}, cfg.file);
  const uint64_t nodes = static_cast<uint64_t>(seg.mesh.nodes());
  uint64_t link0 = 0, eject0 = 0, inject0 = 0;  // the counters' totals after the previous chunk
  while (res.flits < flits) {
    // At offered load `rate` a chunk of g cycles creates about nodes x g x rate flits: the last chunks are
    // cut so that the budget is not overshot by much.
    const double per_cycle = static_cast<double>(nodes) * std::max(opt.rate, 0.01);
    const uint64_t want = static_cast<uint64_t>(static_cast<double>(flits - res.flits) / per_cycle) + 1;
    cfg.run.measure = std::clamp<uint64_t>(want, 100, opt.chunk_cycles);
    TrafficRunOptions ro;
    ro.rate = opt.rate;
    ro.seed = chunk_seed(seed, res.chunks);
    ro.flush = true;
    cfg.run.seed = ro.seed;
    traffic::RunResult r;
    try {
      r = run_traffic(*mesh, cfg, ro);
    } catch (const SimError& e) {
      throw SimError(e.cycle(),
                     "soak " + seg.name + ", chunk " + std::to_string(res.chunks) + " (chunk seed " +
                         std::to_string(ro.seed) + ", segment seed " + std::to_string(seed) +
                         "): " + e.what(),
                     e.assertion(), e.where());
    }
    auto fail = [&](const std::string& what) {
      throw SimError(mesh->cycle(), "soak " + seg.name + ", chunk " + std::to_string(res.chunks) +
                                        " (chunk seed " + std::to_string(ro.seed) + "): " + what);
    };
    if (r.flits_injected != r.flits_delivered)
      fail(std::to_string(r.flits_injected) + " flits injected but " + std::to_string(r.flits_delivered) +
           " delivered");
    if (r.inject_flits_total - inject0 != r.flits_injected)
      fail("router counters saw " + std::to_string(r.inject_flits_total - inject0) +
           " flits enter the local ports, the sources drove " + std::to_string(r.flits_injected));
    if (r.eject_flits_total - eject0 != r.flits_delivered)
      fail("router counters saw " + std::to_string(r.eject_flits_total - eject0) +
           " flits leave the local ports, the scoreboard checked " + std::to_string(r.flits_delivered));
    if (r.link_flits_total - link0 != r.flit_hops)
      fail("router-to-router links carried " + std::to_string(r.link_flits_total - link0) +
           " flits, the delivered packets need " + std::to_string(r.flit_hops) + " (flits x XY hops)");
    link0 = r.link_flits_total;
    eject0 = r.eject_flits_total;
    inject0 = r.inject_flits_total;
    ++res.chunks;
    res.cycles += r.cycles;
    res.packets += r.packets_delivered;
    res.flits += r.flits_delivered;
    res.flit_hops += r.flit_hops;
    res.reordered += r.reordered_packets;
    res.order_checked = r.order_checked;
    res.wall_seconds += r.wall_seconds;
    res.cpu_seconds += r.cpu_seconds;
    if (on_chunk) on_chunk(res);
  }
  return res;
}

}  // namespace nd::noc
