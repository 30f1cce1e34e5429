// Mesh traffic runs on the RTL through MeshIf: every pattern on 2x2, 4x4 and 8x8, mixed packet lengths,
// zero-load latency against the router's documented pipeline, and saturation at offered load 1.0,
// all with the scoreboard and the progress watchdog on.
#include <catch2/catch.hpp>
#include <cstdlib>

#include "mesh_if.hpp"
#include "options.hpp"
#include "traffic_config.hpp"
#include "traffic_driver.hpp"

using namespace nd::noc;
using namespace nd::traffic;

namespace {
NocConfig config(int size, Pattern p, const std::vector<int>& lengths) {
  NocConfig c;
  c.file = "test";
  c.build = MeshBuild{size, size, 2, 4, 128};
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
  const MeshShape shape = to_shape(c.build);
  auto mesh = make_mesh(shape, mesh_has_waves(shape) ? nd::test_waves(name) : nd::WaveOptions{}, "test");
  TrafficRunOptions o;
  o.rate = rate;
  o.seed = nd::test_seed();
  INFO("seed " << o.seed);
  return run_traffic(*mesh, c, o);
}
}  // namespace

TEST_CASE("every traffic pattern runs clean on every compiled mesh", "[noc][system]") {
  const int size = GENERATE(2, 4, 8);
  const Pattern p = GENERATE(from_range(all_patterns()));
  const NocConfig c = config(size, p, {1, 4});
  // Below every pattern's saturation: on 8x8 the hotspot node alone receives 64 x 0.25 x rate flits per
  // cycle, and transpose saturates at 1/7.
  const double rate = size == 8 ? 0.04 : 0.15;
  const std::string name = std::string("traffic_") + pattern_name(p) + "_" + std::to_string(size);
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
  // The flits forwarded on the links add up to what the hop counts say.
  uint64_t link_flits = 0, eject_flits = 0;
  for (const auto& l : r.links) link_flits += l.flits;
  for (const auto& l : r.ejects) eject_flits += l.flits;
  // The routers count a flit at the edge it leaves, the testbench a cycle later: one cycle of skew.
  CHECK(std::llabs(static_cast<long long>(eject_flits) - static_cast<long long>(r.window_ejected_flits)) <=
        r.nodes());
  CHECK((link_flits > 0) == !(p == Pattern::Tornado && size == 2));  // 2x2 tornado: every node to itself
}

TEST_CASE("zero-load latency matches the router pipeline", "[noc][system]") {
  const int len = GENERATE(1, 4);
  NocConfig c = config(4, Pattern::Uniform, {len});
  c.run.measure = 4000;
  const RunResult r = run(c, 0.01, "traffic_zero_load_" + std::to_string(len));
  REQUIRE(r.latency.count() > 50);
  const double ideal = 2.0 * (r.avg_hops() + 1) + (len - 1);  // mesh_if.hpp zero_load_latency()
  INFO("network latency " << r.net_latency.mean() << ", ideal " << ideal);
  CHECK(r.net_latency.mean() >= ideal);
  CHECK(r.net_latency.mean() <= ideal + 0.5);
  CHECK(r.latency.mean() <= r.net_latency.mean() + 0.5);
}

TEST_CASE("saturation at offered load 1.0 keeps every packet intact", "[noc][system]") {
  const int size = GENERATE(2, 4, 8);
  const int len = GENERATE(1, 4);
  NocConfig c = config(size, Pattern::Uniform, {len});
  c.run.drain = 20000;
  const RunResult r = run(c, 1.0, "traffic_saturation_" + std::to_string(size) + "_" + std::to_string(len));
  INFO("offered " << r.offered() << " accepted " << r.accepted());
  CHECK(r.offered() == Approx(1.0).epsilon(0.05));
  CHECK(r.accepted() < 0.97 * r.offered());  // saturated: the sources' queues grow
  CHECK(r.accepted() > 0.3);
  CHECK(r.drained);
  CHECK(r.packets_delivered >= r.measured_packets);
  CHECK(r.credit_stalls + r.alloc_stalls > 0);
}
