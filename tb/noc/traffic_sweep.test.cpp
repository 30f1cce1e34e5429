// Tests of the sweep logic on a synthetic latency curve (the search finds the saturation point) and of the
// run statistics.
#include <algorithm>
#include <catch2/catch.hpp>

#include "traffic_sweep.hpp"

using namespace nd::traffic;

namespace {
// A network that saturates at `sat`: M/D/1-like latency below, backlog above.
RunResult fake(double rate, double sat) {
  RunResult r;
  r.rows = r.cols = 4;
  r.rate = rate;
  r.measure = 1000;
  r.cycles = 2000;
  r.wall_seconds = 0.01;
  const double acc = std::min(rate, sat);
  r.window_created_flits = static_cast<uint64_t>(rate * 16 * 1000);
  r.window_ejected_flits = static_cast<uint64_t>(acc * 16 * 1000);
  r.drained = rate < sat;
  const double lat = rate < sat ? 10.0 / (1.0 - rate / sat) : 1000.0;
  r.latency.add(static_cast<uint64_t>(lat));
  r.net_latency.add(10);
  return r;
}
}  // namespace

TEST_CASE("the automatic sweep finds saturation to the refine step", "[noc][unit]") {
  const double sat = GENERATE(0.33, 0.48, 0.71, 0.96);
  SweepSpec spec;
  int runs = 0;
  const SweepResult s = sweep(spec, [&](double r) {
    ++runs;
    return fake(r, sat);
  });
  INFO("true saturation " << sat << ", found " << s.saturation);
  // Stable also needs latency < 3x zero-load (10 cycles): that cuts in at 2/3 of `sat`.
  const double expect = sat * 2.0 / 3.0;
  CHECK(s.saturation <= expect + 1e-9);
  CHECK(s.saturation >= expect - spec.refine - 1e-9);
  CHECK(s.zero_load_latency == Approx(10.0).margin(1.0));
  CHECK(s.peak_accepted == Approx(sat).epsilon(0.01));
  CHECK(runs == static_cast<int>(s.points.size()));
  CHECK(runs < 30);
  for (size_t i = 1; i < s.points.size(); ++i) CHECK(s.points[i - 1].r.rate < s.points[i].r.rate);
  const std::string csv = sweep_csv(s);
  CHECK(std::count(csv.begin(), csv.end(), '\n') == runs + 1);
}

TEST_CASE("an explicit rate list is run as given", "[noc][unit]") {
  SweepSpec spec;
  spec.rates = {0.5, 0.1, 0.3};
  const SweepResult s = sweep(spec, [&](double r) { return fake(r, 0.4); });
  REQUIRE(s.points.size() == 4);
  CHECK(s.points[0].r.rate == Approx(0.02));
  CHECK(s.points[3].r.rate == Approx(0.5));
  CHECK_FALSE(s.points[3].stable);
  CHECK(s.saturation == Approx(0.1));  // 0.3: latency 40 > 3 x 10.5
}

TEST_CASE("latency samples give mean and nearest-rank percentiles", "[noc][unit]") {
  Samples s;
  CHECK(s.percentile(0.5) == 0);
  for (int i = 1; i <= 100; ++i) s.add(i);
  CHECK(s.mean() == Approx(50.5));
  CHECK(s.percentile(0.5) == 50);
  CHECK(s.percentile(0.99) == 99);
  CHECK(s.percentile(1.0) == 100);
  CHECK(s.max() == 100);
  RunResult r;
  r.rows = r.cols = 2;
  r.measure = 100;
  r.window_created_flits = 200;
  r.window_ejected_flits = 196;
  r.drained = true;
  r.latency = s;
  CHECK(r.offered() == Approx(0.5));
  CHECK(r.stable(20.0));
  CHECK_FALSE(r.stable(10.0));  // 50.5 >= 3 x 10
  r.window_ejected_flits = 190;
  CHECK_FALSE(r.stable(20.0));
}
