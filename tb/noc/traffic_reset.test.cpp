// Reset in the middle of traffic (docs/noc.md "Reset"): rst_ni asserted while packets are in flight, some of
// them half-way through a router; afterwards every input buffer is empty, no packet is open, every output VC
// is free with all its credits, the counters read 0, nothing injected before the reset comes out and no
// credit of it comes back, and a fresh traffic run (new sources, new scoreboard) is exact: nothing lost,
// duplicated, corrupted, stale or out of order, and the counters add up to what it sent.
#include <catch2/catch.hpp>

#include "forwarding_mesh.hpp"
#include "mesh_if.hpp"
#include "options.hpp"
#include "traffic_config.hpp"
#include "traffic_driver.hpp"
#include "traffic_scoreboard.hpp"
#include "traffic_source.hpp"

using namespace nd::noc;
using namespace nd::traffic;

namespace {

NocConfig config(const MeshShape& shape, double rate) {
  NocConfig c;
  c.file = "test";
  c.build = shape;
  c.run.rate = rate;
  c.run.lengths.lengths = {1, 4, 8};
  c.run.lengths.weights = {1.0, 1.0, 1.0};
  c.run.warmup = 100;
  c.run.measure = 600;
  c.run.drain = 2000;
  c.run.watchdog = 300;
  return c;
}

// Runs sources and a scoreboard at `rate` for `cycles` cycles (the traffic driver's cycle, without its
// phases or flush) and returns the flits still in the network at the end.
uint64_t load_mesh(MeshIf& mesh, const NocConfig& c, uint64_t seed, uint64_t cycles) {
  const MeshShape s = mesh.shape();
  TrafficSources src(c.source_params(c.run.rate), seed);
  Scoreboard sb(s);
  std::vector<Packet> created;
  for (uint64_t i = 0; i < cycles; ++i) {
    const uint64_t t = mesh.cycle();
    for (int n = 0; n < s.nodes(); ++n) {
      if (auto f = mesh.ejected(n)) {
        sb.eject(n, *f, t);
        mesh.return_credit(n, static_cast<int>(f->vc));
      }
      for (int v = 0; v < s.num_vcs; ++v)
        if (mesh.inject_credit(n, v)) src.credit(n, static_cast<unsigned>(v), t);
    }
    created.clear();
    src.generate(t, false, created);
    for (const auto& p : created) sb.expect(p);
    for (int n = 0; n < s.nodes(); ++n) {
      if (auto inj = src.next_flit(n)) {
        sb.injected(inj->packet, inj->head, t);
        mesh.inject(n, inj->flit);
      }
    }
    mesh.tick();
  }
  return sb.flits_in_network();
}

// Every router, port and VC of the debug read-out that must be idle after reset; returns a description of the
// first value that is not (empty when all are).
std::string first_dirty(MeshIf& mesh) {
  const MeshShape s = mesh.shape();
  for (int n = 0; n < s.nodes(); ++n) {
    for (int p = 0; p < kNumPorts; ++p) {
      const std::string where = "node " + std::to_string(n) + " port " + std::to_string(p);
      for (const auto sel :
           {CounterSel::FlitsOut, CounterSel::FlitsIn, CounterSel::CreditStall, CounterSel::AllocStall})
        if (const uint32_t v = mesh.counter(n, p, sel))
          return where + ": counter " + std::to_string(static_cast<int>(sel)) + " = " + std::to_string(v);
      for (int v = 0; v < s.num_vcs; ++v) {
        const std::string wv = where + " VC " + std::to_string(v);
        if (const uint32_t u = mesh.counter_vc(n, p, CounterSel::InUsage, v))
          return wv + ": " + std::to_string(u) + " flits in the input buffer";
        if (mesh.counter_vc(n, p, CounterSel::InState, v) & 1u) return wv + ": input VC holds an open packet";
        if (const uint32_t cr = mesh.counter_vc(n, p, CounterSel::OutCredits, v);
            cr != static_cast<uint32_t>(s.buf_depth))
          return wv + ": " + std::to_string(cr) + " output credits";
        if (mesh.counter_vc(n, p, CounterSel::OutOwner, v) & 16u) return wv + ": output VC still owned";
      }
    }
  }
  return "";
}

// A mesh whose reset does nothing but let the clock run: what the checks below must catch.
class NoResetMesh : public ForwardingMesh {
 public:
  using ForwardingMesh::ForwardingMesh;
  void reset(uint64_t cycles) override {
    for (uint64_t i = 0; i < cycles; ++i) inner().tick();
  }
};

}  // namespace

TEST_CASE("mesh: the reset checks fail on a mesh whose reset leaves its state behind", "[noc][reset]") {
  const MeshShape shape = compiled_shape(4, 2);
  NoResetMesh mesh(make_mesh(shape, nd::test_waves("noc_reset_none"), "test"));
  REQUIRE(load_mesh(mesh, config(shape, 0.9), nd::test_seed(), 300) > 0);
  mesh.reset(2);
  CHECK(first_dirty(mesh) != "");
  bool stale = false;  // a flit injected before the "reset" comes out after it
  for (int i = 0; i < 100 && !stale; ++i) {
    for (int n = 0; n < shape.nodes(); ++n) {
      if (auto f = mesh.ejected(n)) {
        stale = true;
        mesh.return_credit(n, static_cast<int>(f->vc));
      }
    }
    mesh.tick();
  }
  CHECK(stale);
}

TEST_CASE("mesh: reset in the middle of traffic clears every buffer and credit and drops every packet",
          "[noc][reset]") {
  const auto [size, vcs] = GENERATE(table<int, int>({{2, 2}, {4, 2}, {4, 4}}));
  const MeshShape shape = compiled_shape(size, vcs);
  const std::string name =
      std::to_string(size) + "x" + std::to_string(size) + "_" + std::to_string(vcs) + "vc";
  auto mesh = make_mesh(shape, nd::test_waves("noc_reset_" + name), "test");
  const uint64_t seed = nd::test_seed();
  INFO("mesh " << name << ", seed " << seed);
  Rng rng(seed ^ 0x7e5e7);

  for (int round = 0; round < 2; ++round) {
    INFO("reset " << round + 1);
    // Saturating load, so buffers are full and worms span several routers when the reset comes.
    const uint64_t in_flight = load_mesh(*mesh, config(shape, 0.9), seed + round, 300 + rng.below(200));
    REQUIRE(in_flight > static_cast<uint64_t>(shape.nodes()));
    REQUIRE(!first_dirty(*mesh).empty());  // the load left state behind, which the reset must clear
    mesh->reset(1 + rng.below(3));

    CHECK(first_dirty(*mesh) == "");
    // Nothing from before the reset comes out, and no credit for a flit taken before it comes back.
    for (int i = 0; i < 100; ++i) {
      for (int n = 0; n < shape.nodes(); ++n) {
        INFO("cycle " << i << " after the reset, node " << n);
        REQUIRE(!mesh->ejected(n));
        for (int v = 0; v < vcs; ++v) REQUIRE(!mesh->inject_credit(n, v));
      }
      mesh->tick();
    }

    // A fresh run is exact: its scoreboard sees only its own packets, and the counters (cleared by the reset)
    // add up to what it sent.
    TrafficRunOptions o;
    o.rate = 0.5;
    o.seed = seed + 100 + round;
    const RunResult r = run_traffic(*mesh, config(shape, 0.5), o);
    CHECK(r.flits_delivered > 0);
    CHECK(r.flits_injected == r.flits_delivered);
    CHECK(r.inject_flits_total == r.flits_injected);
    CHECK(r.eject_flits_total == r.flits_delivered);
    CHECK(r.link_flits_total == r.flit_hops);
  }
}
