// Test driver for the router tests: per-node, per-VC packet queues with credit-correct injection (one
// flit per node and cycle, round-robin over the VCs that have a flit and a credit), immediate (or
// withheld) ejection credit return, and a log of every ejected flit with its cycle.
#pragma once

#include <catch2/catch.hpp>
#include <deque>
#include <functional>
#include <memory>
#include <vector>

#include "errors.hpp"
#include "mesh_if.hpp"

namespace nd::noc::test {

struct Ejection {
  int node;
  uint64_t cycle;  // MeshIf::cycle() at which ejected() showed the flit
  Flit flit;
};

class Driver {
 public:
  explicit Driver(std::unique_ptr<MeshIf> m) : mesh_(std::move(m)) {
    const MeshShape s = mesh_->shape();
    queue_.assign(s.nodes(), std::vector<std::deque<Flit>>(s.num_vcs));
    rr_.assign(s.nodes(), 0);
    ej_rr_.assign(s.nodes(), 0);
    period_.assign(s.nodes(), 1);
    credits_.assign(s.nodes(), std::vector<int>(s.num_vcs, s.buf_depth));
    hold_.assign(s.nodes(), false);
    owed_.assign(s.nodes(), std::vector<int>(s.num_vcs, 0));
  }

  MeshIf& mesh() { return *mesh_; }
  MeshShape shape() const { return mesh_->shape(); }

  // Queues a packet's flits at a node; they are injected in order, one per cycle when credits allow.
  void send(int node, const std::vector<Flit>& flits) {
    for (const auto& f : flits) queue_[node][f.vc].push_back(f);
  }
  std::size_t queued(int node) const {
    std::size_t n = 0;
    for (const auto& q : queue_[node]) n += q.size();
    return n;
  }
  std::size_t queued(int node, int vc) const { return queue_[node][vc].size(); }
  bool idle() const {
    for (int n = 0; n < shape().nodes(); ++n)
      if (queued(n) != 0) return false;
    return true;
  }
  // While held, a node's ejection credits are not returned (back-pressure); released ones go back one
  // per cycle per VC.
  void hold_ejection(int node, bool hold) { hold_[node] = hold; }
  // Throttles a node's ejection: at most one credit (over all VCs, round-robin) every `period` cycles.
  void eject_period(int node, int period) { period_[node] = period; }
  // Extra hook called every cycle before inputs are driven.
  std::function<void()> on_cycle;

  void step() {
    if (on_cycle) on_cycle();
    const MeshShape s = shape();
    for (int n = 0; n < s.nodes(); ++n) {
      for (int k = 0; k < s.num_vcs; ++k) {
        const int v = (rr_[n] + k) % s.num_vcs;
        if (!queue_[n][v].empty() && credits_[n][v] > 0) {
          --credits_[n][v];
          mesh_->inject(n, queue_[n][v].front());
          queue_[n][v].pop_front();
          ++injected_;
          rr_[n] = (v + 1) % s.num_vcs;
          break;
        }
      }
      if (!hold_[n] && period_[n] <= 1) {
        for (int v = 0; v < s.num_vcs; ++v) {
          if (owed_[n][v] > 0) {
            --owed_[n][v];
            mesh_->return_credit(n, v);
          }
        }
      } else if (!hold_[n] && mesh_->cycle() % period_[n] == 0) {
        for (int k = 0; k < s.num_vcs; ++k) {
          const int v = (ej_rr_[n] + k) % s.num_vcs;
          if (owed_[n][v] > 0) {
            --owed_[n][v];
            mesh_->return_credit(n, v);
            ej_rr_[n] = (v + 1) % s.num_vcs;
            break;
          }
        }
      }
    }
    mesh_->tick();
    for (int n = 0; n < s.nodes(); ++n) {
      for (int v = 0; v < s.num_vcs; ++v) {
        if (mesh_->inject_credit(n, v)) ++credits_[n][v];
        REQUIRE(credits_[n][v] <= s.buf_depth);
      }
      if (auto f = mesh_->ejected(n)) {
        ++owed_[n][f->vc];
        log_.push_back({n, mesh_->cycle(), *f});
      }
    }
  }

  void run(uint64_t cycles) {
    for (uint64_t i = 0; i < cycles; ++i) step();
  }

  // Steps until `flits` flits have been ejected in total (bounded).
  void run_until_ejected(std::size_t flits, uint64_t max_cycles) {
    for (uint64_t i = 0; i < max_cycles && log_.size() < flits; ++i) step();
    if (log_.size() < flits)
      FAIL("timed out: " << log_.size() << " of " << flits << " flits ejected\n" << mesh_->debug_state());
  }

  const std::vector<Ejection>& log() const { return log_; }
  uint64_t injected() const { return injected_; }
  void clear_log() { log_.clear(); }
  int credits(int node, int vc) const { return credits_[node][vc]; }

 private:
  std::unique_ptr<MeshIf> mesh_;
  std::vector<std::vector<std::deque<Flit>>> queue_;
  std::vector<int> rr_, ej_rr_, period_;
  uint64_t injected_ = 0;
  std::vector<std::vector<int>> credits_;
  std::vector<bool> hold_;
  std::vector<std::vector<int>> owed_;
  std::vector<Ejection> log_;
};

// A compiled mesh: size x size routers with `vcs` VCs of 4 flits, 128-bit flits.
inline MeshShape shape_of(int size, int vcs = 2) { return compiled_shape(size, vcs); }

// A packet of `len` flits from src to dst in class c on VC `vc_in_class` of its class (default: the
// first); body words carry tag.
inline std::vector<Flit> packet(const MeshShape& s, int src, int dst, int cls, int len, uint32_t tag,
                                int vc_in_class = 0) {
  const unsigned vc = first_vc_of_class(cls, s.num_vcs) + vc_in_class;
  std::vector<Flit> p;
  p.push_back(
      make_head_flit(s, len == 1 ? FlitType::HeadTail : FlitType::Head, vc, route_header(s, src, dst, cls)));
  p.back().data[1] = tag;
  for (int i = 1; i < len; ++i)
    p.push_back(make_payload_flit(s, i == len - 1 ? FlitType::Tail : FlitType::Body, vc, tag * 64 + i));
  return p;
}

}  // namespace nd::noc::test
