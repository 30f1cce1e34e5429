// Mesh traffic runs on the RTL through MeshIf: every pattern on every compiled mesh (2x2, 4x4 and 8x8 with
// 2 VCs, 4x4 and 8x8 with 4, and the VC policies borrow on 4x4 and shared on 2x2), mixed packet lengths,
// zero-load latency against the router's documented pipeline, saturation at offered load 1.0 against the
// throughput the design reaches, and the routers' cycle timing on one fixed-seed run, all with the scoreboard
// and the progress watchdog on. Stimulus seeds come from --seed / ND_SEED (nd::test_seed()).
#include <catch2/catch.hpp>
#include <cstdlib>
#include <iomanip>
#include <iterator>

#include "forwarding_mesh.hpp"
#include "mesh_if.hpp"
#include "options.hpp"
#include "traffic_config.hpp"
#include "traffic_driver.hpp"

using namespace nd::noc;
using namespace nd::traffic;

namespace {
NocConfig config(int size, Pattern p, const std::vector<int>& lengths, int vcs = 2,
                 VcPolicy policy = VcPolicy::Separate) {
  NocConfig c;
  c.file = "test";
  c.build = compiled_shape(size, vcs, policy);
  c.run.pattern.pattern = p;
  c.run.lengths.lengths = lengths;
  c.run.lengths.weights.assign(lengths.size(), 1.0);
  c.run.warmup = 200;
  c.run.measure = 3000;
  c.run.drain = 5000;
  c.run.watchdog = 500;
  return c;
}

RunResult run(const NocConfig& c, double rate, const std::string& name) {
  // A lean model (the 8x8 mesh, docs/noc.md) has no waves to write.
  const MeshShape shape = c.build;
  auto mesh = make_mesh(shape, mesh_has_waves(shape) ? nd::test_waves(name) : nd::WaveOptions{}, "test");
  TrafficRunOptions o;
  o.rate = rate;
  o.seed = nd::test_seed();
  INFO("seed " << o.seed);
  return run_traffic(*mesh, c, o);
}

// After the flush the routers' counters add up exactly to what the scoreboard saw: every flit entered
// through one local input port, left through one local output port, and crossed one router-to-router
// link per XY hop (a flit counted twice, lost, or routed the long way breaks one of these).
void check_counter_totals(const RunResult& r) {
  INFO("link flits " << r.link_flits_total << ", flit hops " << r.flit_hops << ", ejected "
                     << r.eject_flits_total << ", delivered " << r.flits_delivered << ", injected "
                     << r.inject_flits_total << " / " << r.flits_injected);
  CHECK(r.flits_delivered > 0);
  CHECK(r.flits_injected == r.flits_delivered);
  CHECK(r.inject_flits_total == r.flits_injected);
  CHECK(r.eject_flits_total == r.flits_delivered);
  CHECK(r.link_flits_total == r.flit_hops);
}

std::string mesh_name(int size, int vcs, VcPolicy policy = VcPolicy::Separate) {
  return std::to_string(size) + "x" + std::to_string(size) +
         (vcs == 2 ? "" : "_" + std::to_string(vcs) + "vc") +
         (policy == VcPolicy::Separate ? "" : std::string("_") + vc_policy_name(policy));
}

// Every compiled checked or lean mesh the traffic tests run on: the default router (4 VCs), 2 VCs (BookSim's
// matched configuration and the tile's), the other VC policies (tb/noc/CMakeLists.txt).
struct MeshCase {
  int size, vcs;
  VcPolicy policy;
};
const MeshCase kMeshes[] = {{2, 2, VcPolicy::Separate}, {4, 2, VcPolicy::Separate},
                            {4, 4, VcPolicy::Separate}, {8, 2, VcPolicy::Separate},
                            {8, 4, VcPolicy::Separate}, {4, 2, VcPolicy::Borrow},
                            {2, 2, VcPolicy::Shared}};
}  // namespace

TEST_CASE("every traffic pattern runs clean on every compiled mesh", "[noc][system]") {
  const auto [size, vcs, policy] = GENERATE(from_range(std::begin(kMeshes), std::end(kMeshes)));
  const Pattern p = GENERATE(from_range(all_patterns()));
  const NocConfig c = config(size, p, {1, 4}, vcs, policy);
  // Below every pattern's saturation: on 8x8 the hotspot node alone receives 64 x 0.25 x rate flits per
  // cycle, and transpose saturates at 1/7.
  const double rate = size == 8 ? 0.04 : 0.15;
  const std::string name = std::string("traffic_") + pattern_name(p) + "_" + mesh_name(size, vcs, policy);
  INFO(name << " seed " << nd::test_seed());
  const RunResult r = run(c, rate, name);
  CHECK(r.drained);
  CHECK(r.measured_delivered == r.measured_packets);
  CHECK(r.measured_packets > 0);
  CHECK(r.packets_delivered > r.measured_packets);
  // Below saturation the network accepts what is offered (the window is short: allow 10 %).
  CHECK(r.accepted() == Approx(r.offered()).epsilon(0.10));
  CHECK(r.offered() == Approx(rate).epsilon(0.15));
  // Latency can never beat the router pipeline: 2 cycles per router plus one per extra flit.
  CHECK(r.net_latency.mean() >= 2.0 * (r.avg_hops() + 1));
  CHECK(r.latency.mean() >= r.net_latency.mean());
  // The routers count a flit at the edge it leaves, the testbench a cycle later: in the measurement
  // window the local output ports' counters and the testbench may differ by one flit per node.
  uint64_t eject_flits = 0;
  for (const auto& l : r.ejects) eject_flits += l.flits;
  CHECK(std::llabs(static_cast<long long>(eject_flits) - static_cast<long long>(r.window_ejected_flits)) <=
        r.nodes());
  // Over the whole run there is no skew: the totals agree exactly.
  check_counter_totals(r);
  // 2x2 tornado sends every packet to its own node: no flit crosses a link.
  CHECK((r.link_flits_total > 0) == !(p == Pattern::Tornado && size == 2));
  // With one VC per class every (source, destination, class) stream arrives in order (the scoreboard
  // fails the run otherwise); with two per class, or a class that may take both VCs, the scoreboard only
  // counts overtaking packets of that class.
  CHECK(r.order_checked == (vcs == 2 && policy == VcPolicy::Separate));
  // Responses take request VCs under borrow, any packet any VC under shared: some do at this load (the
  // allocator follows the policy); with separate VCs none does (the scoreboard also fails a packet on a VC
  // its class may not take).
  CHECK((r.borrowed_packets > 0) == (policy != VcPolicy::Separate));
}

TEST_CASE("zero-load latency matches the router pipeline", "[noc][system]") {
  const int vcs = GENERATE(2, 4);
  const int len = GENERATE(1, 4);
  NocConfig c = config(4, Pattern::Uniform, {len}, vcs);
  c.run.measure = 4000;
  const RunResult r = run(c, 0.01, "traffic_zero_load_" + mesh_name(4, vcs) + "_" + std::to_string(len));
  REQUIRE(r.latency.count() > 50);
  const double ideal = 2.0 * (r.avg_hops() + 1) + (len - 1);  // mesh_if.hpp zero_load_latency()
  INFO("network latency " << r.net_latency.mean() << ", ideal " << ideal);
  // At zero load every packet takes the ideal latency: the two means are equal up to rounding (seed 3).
  CHECK(r.net_latency.mean() >= ideal - 1e-9);
  CHECK(r.net_latency.mean() <= ideal + 0.5);
  CHECK(r.latency.mean() <= r.net_latency.mean() + 0.5);
}

TEST_CASE("saturation at offered load 1.0 keeps every packet intact at the design's throughput",
          "[noc][system]") {
  // Accepted load at offered 1.0 (uniform random, both classes) must reach what the router is designed
  // for: the figures measured with `nanodojo run` (docs/noc.md, "Measured"), less a margin of about 8 %
  // for the seed. 4x4 with 1-flit packets is held to its documented saturation, 0.72: these windows
  // measure 0.741 to 0.757 over seeds 1-8, and 0.70 for a router without the allocator's second
  // iteration. The default router (4 VCs x 6 flits, input speedup 2): 0.919 to 0.930 (1 flit) and 0.841 to
  // 0.871 (4 flits), on 8x8 0.472 to 0.475 and 0.448 to 0.455 (seeds 1-4); its bounds sit above the peaks of
  // the same router with input speedup 1 (0.855, 0.802, 0.441, 0.413: docs/noc.md "Design-space study").
  // Responses borrowing request VCs
  // (4x4): 0.748 and 0.661 (seed 1); shared VCs (2x2): 0.918 and 0.859.
  struct Case {
    int size, vcs, len;
    double min_accepted;
    VcPolicy policy = VcPolicy::Separate;
  };
  const Case k = GENERATE(Case{2, 2, 1, 0.84}, Case{2, 2, 4, 0.74}, Case{4, 2, 1, 0.72}, Case{4, 2, 4, 0.60},
                          Case{4, 4, 1, 0.88}, Case{4, 4, 4, 0.82}, Case{8, 2, 1, 0.37}, Case{8, 2, 4, 0.32},
                          Case{8, 4, 1, 0.455}, Case{8, 4, 4, 0.43}, Case{4, 2, 1, 0.69, VcPolicy::Borrow},
                          Case{4, 2, 4, 0.61, VcPolicy::Borrow}, Case{2, 2, 1, 0.85, VcPolicy::Shared},
                          Case{2, 2, 4, 0.79, VcPolicy::Shared});
  NocConfig c = config(k.size, Pattern::Uniform, {k.len}, k.vcs, k.policy);
  c.run.warmup = 500;
  c.run.measure = 3000;
  c.run.drain = 20000;
  const RunResult r =
      run(c, 1.0, "traffic_saturation_" + mesh_name(k.size, k.vcs, k.policy) + "_" + std::to_string(k.len));
  INFO(mesh_name(k.size, k.vcs, k.policy)
       << ", " << k.len << "-flit packets: offered " << r.offered() << " accepted " << r.accepted()
       << " (at least " << k.min_accepted << ")");
  CHECK(r.offered() == Approx(1.0).epsilon(0.05));
  CHECK(r.accepted() < 0.97 * r.offered());  // saturated: the sources' queues grow
  CHECK(r.accepted() >= k.min_accepted);
  CHECK(r.drained);
  CHECK(r.packets_delivered >= r.measured_packets);
  CHECK(r.credit_stalls + r.alloc_stalls > 0);
  check_counter_totals(r);
}

// `nanodojo run` / `sweep` simulate the lean 4x4 models (no assertions, no waves, two evaluations per cycle
// instead of three: tb/harness/dut.hpp; each router's clock gated while it is idle: nd_noc_mesh ClockGate);
// they must behave exactly like the checked ones, cycle for cycle. The light load is where routers go idle
// and wake up most often.
TEST_CASE("the lean and the checked 4x4 mesh give identical runs", "[noc][system]") {
  const int vcs = GENERATE(2, 4);
  const double rate = GENERATE(0.05, 0.3, 1.0);
  NocConfig c = config(4, Pattern::Uniform, {1, 4}, vcs);
  c.run.measure = 1500;
  TrafficRunOptions o;
  o.rate = rate;
  o.seed = nd::test_seed();
  INFO(vcs << " VCs, offered " << rate << ", seed " << o.seed);
  REQUIRE(mesh_model(c.build, MeshModel::Lean) == MeshModel::Lean);
  REQUIRE(mesh_model(c.build, MeshModel::Checked) == MeshModel::Checked);
  auto lean = make_mesh(c.build, {}, "test", MeshModel::Lean);
  auto checked = make_mesh(c.build, {}, "test", MeshModel::Checked);
  const RunResult a = run_traffic(*lean, c, o), b = run_traffic(*checked, c, o);
  CHECK(a.cycles == b.cycles);
  CHECK(a.packets_delivered == b.packets_delivered);
  CHECK(a.flits_delivered == b.flits_delivered);
  CHECK(a.latency.mean() == b.latency.mean());
  CHECK(a.latency.percentile(0.99) == b.latency.percentile(0.99));
  CHECK(a.credit_stalls == b.credit_stalls);
  CHECK(a.alloc_stalls == b.alloc_stalls);
  CHECK(a.link_flits_total == b.link_flits_total);
  CHECK(a.reordered_packets == b.reordered_packets);
  REQUIRE(a.links.size() == b.links.size());
  for (std::size_t i = 0; i < a.links.size(); ++i) {
    INFO("node " << a.links[i].node << " port " << a.links[i].port);
    CHECK(a.links[i].flits == b.links[i].flits);
  }
}

// The routers' cycle timing, pinned: a fixed-seed run under contention on the 4x4 mesh, with the default
// router (4 VCs x 6 flits, input speedup 2; its figures changed with those two) and with 2 VCs x 4 flits
// (input speedup 1: unchanged since before input speedup existed), gives exactly these totals. Every other
// test accepts any correct, fair router; this one fails on any change of which flit wins when (an arbiter
// pointer that moves differently, a stage more or less), including changes meant to leave timing alone. The
// structural allocator that the guarded block replaced (docs/noc.md "Allocation") gave the same figures. A
// change meant to alter timing updates them and says so in its commit.
TEST_CASE("the routers' cycle timing is unchanged", "[noc][system]") {
  struct Pin {
    int vcs;
    uint64_t cycles, packets, credit_stalls, alloc_stalls;
    double mean_latency;
    uint64_t p99;
  };
  const Pin k = GENERATE(Pin{4, 1746, 6679, 144, 16237, 14.401932033810592, 40},
                         Pin{2, 1903, 7112, 12770, 26037, 42.105571847507335, 282});
  NocConfig c = config(4, Pattern::Uniform, {1, 4}, k.vcs);
  c.run.measure = 1500;
  TrafficRunOptions o;
  o.rate = 0.6;
  o.seed = 1;  // fixed: the figures below belong to this seed (not nd::test_seed())
  INFO(k.vcs << " VCs");
  auto mesh = make_mesh(c.build, {}, "test", MeshModel::Lean);
  const RunResult r = run_traffic(*mesh, c, o);
  INFO("mean latency " << std::setprecision(17) << r.latency.mean());
  CHECK(r.cycles == k.cycles);
  CHECK(r.packets_delivered == k.packets);
  CHECK(r.credit_stalls == k.credit_stalls);
  CHECK(r.alloc_stalls == k.alloc_stalls);
  CHECK(r.latency.mean() == Approx(k.mean_latency).epsilon(1e-12));
  CHECK(r.latency.percentile(0.99) == k.p99);
}

namespace {
// Forwards to a compiled mesh and checks, before every clock edge, that its whole-mesh lists (ejecting(),
// inject_credits(), read a word at a time) are exactly what the per-node calls say.
class ListingCheck : public ForwardingMesh {
 public:
  using ForwardingMesh::ForwardingMesh;
  void tick() override {
    std::vector<int> nodes, lanes, want_nodes, want_lanes;
    inner().ejecting(nodes);
    inner().inject_credits(lanes);
    const MeshShape s = shape();
    for (int n = 0; n < s.nodes(); ++n) {
      if (inner().ejected(n)) want_nodes.push_back(n);
      for (int v = 0; v < s.num_vcs; ++v)
        if (inner().inject_credit(n, v)) want_lanes.push_back(n * s.num_vcs + v);
    }
    CHECK(nodes == want_nodes);
    CHECK(lanes == want_lanes);
    busy += !nodes.empty() && !lanes.empty();
    inner().tick();
  }
  uint64_t busy = 0;  // cycles with a flit ejected and a credit pulse somewhere
};
}  // namespace

// The traffic driver visits only the nodes a compiled mesh lists as ejecting or crediting, so a node left
// out would lose its flits and credits. Checked on ports of one 32-bit word (4x4), of 64 bits (8x8
// ejection) and of several words (8x8 credits, 128 and 256 bits).
TEST_CASE("a compiled mesh lists exactly its ejecting nodes and credit lanes", "[noc][system]") {
  const int size = GENERATE(4, 8);
  const int vcs = GENERATE(2, 4);
  NocConfig c = config(size, Pattern::Uniform, {1, 4}, vcs);
  c.run.warmup = 100;
  c.run.measure = 400;
  INFO(size << "x" << size << ", " << vcs << " VCs");
  ListingCheck mesh(make_mesh(c.build, {}, "test", MeshModel::Lean));
  TrafficRunOptions o;
  o.rate = 0.4;
  o.seed = nd::test_seed();
  const RunResult r = run_traffic(mesh, c, o);
  CHECK(r.drained);
  CHECK(mesh.busy > 100);
}

// A lean model returns its own ejection credits (nd_noc_mesh SelfCredit): a TB that holds one back would
// run with credits it never gave, so the model refuses it (and a credit for no flit) with a logic_error.
// A lean model is built without the per-VC debug values (nd_noc_mesh DebugRead = 0), which would read 0:
// it refuses those reads and says where the router state is; the counters stay.
TEST_CASE("a lean mesh refuses per-VC debug reads and keeps its counters", "[noc]") {
  const MeshShape s = compiled_shape(4, 2);
  auto lean = make_mesh(s, {}, "test", MeshModel::Lean);
  auto checked = make_mesh(s, {}, "test", MeshModel::Checked);
  for (auto* m : {lean.get(), checked.get()}) {
    m->inject(5, make_head_flit(s, FlitType::HeadTail, 0, route_header(s, 5, 6, 0)));
    m->tick();
  }
  // The flit sits in router 5's local input buffer, VC 0.
  CHECK(checked->counter_vc(5, int(Port::Local), CounterSel::InUsage, 0) == 1);
  REQUIRE_THROWS_WITH(lean->counter_vc(5, int(Port::Local), CounterSel::InUsage, 0),
                      Catch::Contains("no per-VC debug values") && Catch::Contains("checked model"));
  REQUIRE_THROWS_AS(lean->counter_vc(5, int(Port::East), CounterSel::OutOwner, 0), std::logic_error);
  CHECK_THAT(lean->debug_state(), Catch::Contains("rerun with --checked"));
  CHECK(lean->counter(5, int(Port::Local), CounterSel::FlitsIn) == 1);
  CHECK(lean->counter(5, int(Port::Local), CounterSel::FlitsIn) ==
        checked->counter(5, int(Port::Local), CounterSel::FlitsIn));
  CHECK(lean->counter(5, 0, CounterSel::Position) == checked->counter(5, 0, CounterSel::Position));
}

TEST_CASE("a lean mesh refuses an ejection credit not returned at once", "[noc]") {
  const MeshShape s = compiled_shape(4, 2);
  const bool hold = GENERATE(true, false);
  auto m = make_mesh(s, {}, "test", MeshModel::Lean);
  m->inject(5, make_head_flit(s, FlitType::HeadTail, 0, route_header(s, 5, 5, 0)));
  bool ejected = false;
  for (int t = 0; t < 20 && !ejected; ++t) {
    m->tick();
    ejected = m->ejected(5).has_value();
  }
  REQUIRE(ejected);
  if (hold) {
    REQUIRE_THROWS_WITH(m->tick(),
                        Catch::Contains("node 5 VC 0 ejected a flit whose credit was not returned"));
  } else {
    m->return_credit(5, 0);
    m->tick();
    m->return_credit(5, 0);  // no flit ejected this cycle
    REQUIRE_THROWS_WITH(m->tick(), Catch::Contains("node 5 VC 0 got a credit for no flit ejected"));
  }
}
