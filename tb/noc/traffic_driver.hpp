// Traffic driver: runs one synthetic-traffic simulation of a NoC mesh through MeshIf.
//
// Each cycle: take the flits leaving every local output port (check them with the scoreboard, return
// their credits at once: the sinks never back-pressure), collect injection credit pulses, let every
// source create packets (Bernoulli), let every source drive at most one flit, tick.
// Phases (docs/noc-traffic.md): warm-up (`run.warmup` cycles), measurement window (`run.measure`;
// packets created here are measured), drain (sources keep injecting, unmeasured, until every measured
// packet has arrived or `run.drain` cycles pass), flush (sources stop; every packet still queued or in
// flight must arrive, after which the scoreboard must be empty; the run then reads every router's
// counters, whose totals must add up to what the scoreboard saw: RunResult::link_flits_total etc.).
// A progress watchdog fails the run (nd::SimError with every router's VC/credit state) when flits are
// waiting at a source or in the network and nothing is injected or ejected for `run.watchdog` cycles.
#pragma once

#include <cstdint>

#include "mesh_if.hpp"
#include "traffic_config.hpp"
#include "traffic_stats.hpp"

namespace nd::noc {

struct TrafficRunOptions {
  double rate = 0.1;  // offered load, flits/node/cycle
  uint64_t seed = 1;  // stimulus seed
  bool flush = true;  // deliver every packet and check the scoreboard is empty at the end
};

// Runs cfg.run on `mesh` (whose shape must equal cfg.build) and returns the statistics. Throws
// nd::SimError on a scoreboard violation, a watchdog timeout or an RTL assertion.
traffic::RunResult run_traffic(MeshIf& mesh, const traffic::NocConfig& cfg, const TrafficRunOptions& opt);

}  // namespace nd::noc
