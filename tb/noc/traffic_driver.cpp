#include "traffic_driver.hpp"

#include <chrono>
#include <ctime>
#include <stdexcept>

#include "errors.hpp"
#include "traffic_scoreboard.hpp"
#include "traffic_source.hpp"

namespace nd::noc {

using traffic::RunResult;

namespace {

class Driver {
 public:
  Driver(MeshIf& mesh, const traffic::NocConfig& cfg, const TrafficRunOptions& opt)
      : mesh_(mesh),
        cfg_(cfg),
        shape_(mesh.shape()),
        src_(cfg.source_params(opt.rate), opt.seed),
        sb_(shape_),
        opt_(opt) {
    if (!(shape_ == cfg.build)) throw std::logic_error("run_traffic: mesh shape differs from the config");
    r_.rows = shape_.rows;
    r_.cols = shape_.cols;
    r_.rate = opt.rate;
    r_.warmup = cfg.run.warmup;
    r_.measure = cfg.run.measure;
  }

  RunResult run() {
    const auto t0 = std::chrono::steady_clock::now();
    const std::clock_t c0 = std::clock();
    start_ = mesh_.cycle();
    const uint64_t warmup = cfg_.run.warmup, measure = cfg_.run.measure;
    for (uint64_t i = 0; i < warmup; ++i) step(true, false, false);
    snapshot(before_);
    for (uint64_t i = 0; i < measure; ++i) step(true, true, true);
    snapshot(after_);
    link_stats();
    r_.measured_packets = measured_created_;
    uint64_t d = 0;
    while (r_.measured_delivered < r_.measured_packets && d < cfg_.run.drain) {
      step(true, false, false);
      ++d;
    }
    r_.drain_cycles = d;
    r_.drained = r_.measured_delivered == r_.measured_packets;
    if (opt_.flush) {
      flush();
      totals();
    }
    r_.order_checked = sb_.checks_order();
    r_.reordered_packets = sb_.reordered_packets();
    r_.borrowed_packets = sb_.borrowed_packets();
    r_.cycles = mesh_.cycle() - start_;
    r_.packets_delivered = sb_.packets_delivered();
    r_.flits_delivered = sb_.flits_delivered();
    r_.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    r_.cpu_seconds = static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC;
    return r_;
  }

 private:
  void flush() {
    const uint64_t limit =
        2 * (src_.queued_flits() + sb_.flits_in_network()) + 10 * cfg_.run.watchdog + 10000;
    uint64_t n = 0;
    while (sb_.outstanding_packets() > 0) {
      if (++n > limit)
        throw SimError(mesh_.cycle(), "flush: " + std::to_string(sb_.outstanding_packets()) +
                                          " packets still undelivered after " + std::to_string(limit) +
                                          " cycles\n" + mesh_.debug_state());
      step(false, false, false);
    }
    sb_.check_all_delivered(mesh_.cycle());
  }

  void step(bool generate, bool measured, bool window) {
    const uint64_t t = mesh_.cycle();
    const int nodes = shape_.nodes();
    bool moved = false;
    mesh_.ejecting(busy_);
    for (const int n : busy_) {
      auto f = mesh_.ejected(n);
      if (!f) continue;
      moved = true;
      if (auto del = sb_.eject(n, *f, t)) {
        if (del->pkt.measured) {
          ++r_.measured_delivered;
          r_.latency.add(del->arrived - del->pkt.created);
          r_.net_latency.add(del->arrived - del->pkt.injected);
          r_.hops_sum += xy_hops(shape_, del->pkt.src, del->pkt.dst);
        }
      }
      mesh_.return_credit(n, static_cast<int>(f->vc));
      if (window) ++r_.window_ejected_flits;
    }
    mesh_.inject_credits(busy_);
    for (const int lane : busy_)
      src_.credit(lane / shape_.num_vcs, static_cast<unsigned>(lane % shape_.num_vcs), t);
    if (generate) {
      created_.clear();
      src_.generate(t, measured, created_);
      for (const auto& p : created_) {
        sb_.expect(p);
        if (measured) {
          ++measured_created_;
          r_.window_created_flits += p.len;
        }
      }
    }
    for (int n = 0; n < nodes; ++n) {
      if (src_.idle(n)) continue;
      auto inj = src_.next_flit(n);
      if (!inj) continue;
      moved = true;
      sb_.injected(inj->packet, inj->head, t);
      mesh_.inject(n, inj->flit);
    }
    mesh_.tick();
    watchdog(moved, t);
  }

  void watchdog(bool moved, uint64_t t) {
    const bool waiting = sb_.flits_in_network() > 0 || src_.queued_flits() > 0;
    idle_ = (moved || !waiting) ? 0 : idle_ + 1;
    if (idle_ >= cfg_.run.watchdog) {
      throw SimError(t, "watchdog: " + std::to_string(sb_.flits_in_network()) + " flits in the network and " +
                            std::to_string(src_.queued_flits()) +
                            " queued at the sources, nothing injected or " + "ejected for " +
                            std::to_string(idle_) + " cycles; router state:\n" + mesh_.debug_state());
    }
  }

  struct Counts {
    std::vector<uint32_t> out, credit, alloc;
  };
  void snapshot(Counts& c) {
    const int n = shape_.nodes() * kNumPorts;
    c.out.resize(n);
    c.credit.resize(n);
    c.alloc.resize(n);
    for (int i = 0; i < n; ++i) {
      c.out[i] = mesh_.counter(i / kNumPorts, i % kNumPorts, CounterSel::FlitsOut);
      c.credit[i] = mesh_.counter(i / kNumPorts, i % kNumPorts, CounterSel::CreditStall);
      c.alloc[i] = mesh_.counter(i / kNumPorts, i % kNumPorts, CounterSel::AllocStall);
    }
  }

  // After the flush: every flit has left the mesh, so the routers' counters (cleared by reset) must add
  // up exactly to the scoreboard's totals (no skew between the counters and the testbench).
  void totals() {
    for (int node = 0; node < shape_.nodes(); ++node) {
      for (int p = 0; p < kNumPorts; ++p) {
        const uint32_t out = mesh_.counter(node, p, CounterSel::FlitsOut);
        (p == static_cast<int>(Port::Local) ? r_.eject_flits_total : r_.link_flits_total) += out;
      }
      r_.inject_flits_total += mesh_.counter(node, static_cast<int>(Port::Local), CounterSel::FlitsIn);
    }
    r_.flit_hops = sb_.flit_hops();
    r_.flits_injected = sb_.flits_injected();
  }

  void link_stats() {
    const double m = static_cast<double>(cfg_.run.measure);
    for (int node = 0; node < shape_.nodes(); ++node) {
      const int x = node % shape_.cols, y = node / shape_.cols;
      for (int p = 0; p < kNumPorts; ++p) {
        const int i = node * kNumPorts + p;
        r_.credit_stalls += static_cast<uint32_t>(after_.credit[i] - before_.credit[i]);
        r_.alloc_stalls += static_cast<uint32_t>(after_.alloc[i] - before_.alloc[i]);
        const bool exists = p == 0 || (p == 1 && y > 0) || (p == 2 && x < shape_.cols - 1) ||
                            (p == 3 && y < shape_.rows - 1) || (p == 4 && x > 0);
        if (!exists) continue;
        traffic::LinkStat l;
        l.node = node;
        l.port = p;
        l.flits = static_cast<uint32_t>(after_.out[i] - before_.out[i]);  // counters wrap at 2^32
        l.util = l.flits / m;
        (p == 0 ? r_.ejects : r_.links).push_back(l);
      }
    }
  }

  MeshIf& mesh_;
  const traffic::NocConfig& cfg_;
  MeshShape shape_;
  traffic::TrafficSources src_;
  traffic::Scoreboard sb_;
  TrafficRunOptions opt_;
  RunResult r_;
  uint64_t start_ = 0, idle_ = 0, measured_created_ = 0;
  std::vector<traffic::Packet> created_;
  std::vector<int> busy_;  // the nodes / credit lanes MeshIf lists this cycle
  Counts before_, after_;
};

}  // namespace

traffic::RunResult run_traffic(MeshIf& mesh, const traffic::NocConfig& cfg, const TrafficRunOptions& opt) {
  return Driver(mesh, cfg, opt).run();
}

}  // namespace nd::noc
