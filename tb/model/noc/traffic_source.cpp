#include "traffic_source.hpp"

#include <cstdio>
#include <stdexcept>

#include "errors.hpp"

namespace nd::traffic {

double LengthMix::mean() const {
  double sw = 0, s = 0;
  for (size_t i = 0; i < lengths.size(); ++i) {
    sw += weights[i];
    s += weights[i] * lengths[i];
  }
  return sw > 0 ? s / sw : 1.0;
}

int LengthMix::draw(Rng& rng) const {
  if (lengths.size() == 1) return lengths[0];
  double total = 0;
  for (double w : weights) total += w;
  double u = rng.uniform() * total;
  for (size_t i = 0; i < lengths.size(); ++i) {
    if (u < weights[i]) return lengths[i];
    u -= weights[i];
  }
  return lengths.back();
}

std::string LengthMix::describe() const {
  if (lengths.size() == 1) return std::to_string(lengths[0]);
  std::string s;
  char buf[64];
  for (size_t i = 0; i < lengths.size(); ++i) {
    std::snprintf(buf, sizeof buf, "%s%d (w %g)", i ? ", " : "", lengths[i], weights[i]);
    s += buf;
  }
  return s;
}

TrafficSources::TrafficSources(const SourceParams& params, uint64_t seed)
    : params_(params),
      pattern_(params.mesh.rows, params.mesh.cols, params.pattern),
      rng_(seed),
      nodes_(params.mesh.nodes()),
      p_packet_(params.rate / params.lengths.mean()) {
  if (params.mesh.num_vcs < 2 || params.mesh.num_vcs % 2 != 0)
    throw std::invalid_argument("NumVcs must be even and >= 2");
  if (params.mesh.flit_width < kMinFlitWidth || params.mesh.flit_width % 32 != 0)
    throw std::invalid_argument("flit width must be a multiple of 32 and >= 64");
  for (auto& n : nodes_) {
    n.vcs.resize(params.mesh.num_vcs);
    for (auto& v : n.vcs) v.credits = params.mesh.buf_depth;
  }
}

void TrafficSources::generate(uint64_t cycle, bool measured, std::vector<Packet>& created) {
  for (int s = 0; s < nodes(); ++s) {
    if (!rng_.bernoulli(p_packet_)) continue;
    Packet p;
    p.id = next_id_++;
    p.src = s;
    p.dst = pattern_.dest(s, rng_);
    p.cls = rng_.bernoulli(params_.response_fraction) ? 1 : 0;
    p.len = params_.lengths.draw(rng_);
    p.created = cycle;
    p.measured = measured;
    nodes_[s].queue[p.cls].push_back(p);
    nodes_[s].queued_flits += p.len;
    queued_flits_ += p.len;
    created.push_back(p);
  }
}

void TrafficSources::credit(int node, unsigned vc, uint64_t cycle) {
  VcState& v = nodes_[node].vcs[vc];
  if (v.credits >= params_.mesh.buf_depth) {
    throw SimError(cycle, "credit overflow: node " + std::to_string(node) + " VC " + std::to_string(vc) +
                              " got a credit back with all " + std::to_string(params_.mesh.buf_depth) +
                              " credits already home");
  }
  ++v.credits;
}

bool TrafficSources::may_start(const Node& n, unsigned vc, const Packet& p) const {
  for (unsigned w = 0; w < n.vcs.size(); ++w) {
    const VcState& o = n.vcs[w];
    if (w != vc && o.busy && o.pkt.cls == p.cls && o.pkt.dst == p.dst) return false;
  }
  return true;
}

std::optional<Injection> TrafficSources::next_flit(int node) {
  Node& n = nodes_[node];
  if (idle(node)) return std::nullopt;
  const unsigned nv = static_cast<unsigned>(params_.mesh.num_vcs);
  for (unsigned i = 0; i < nv; ++i) {
    const unsigned vc = (n.rr + i) % nv;
    VcState& v = n.vcs[vc];
    if (v.credits == 0) continue;
    if (!v.busy) {
      // The oldest queued packet that may take this VC (only its own class's with separate VCs).
      std::deque<Packet>* q = nullptr;
      for (int c = 0; c < noc::kNumClasses; ++c) {
        auto& cq = n.queue[c];
        if (cq.empty() || !noc::vc_allowed(params_.mesh.vc_policy, int(nv), c, int(vc)) ||
            !may_start(n, vc, cq.front()))
          continue;
        if (!q || cq.front().id < q->front().id) q = &cq;
      }
      if (!q) continue;
      v.pkt = q->front();
      q->pop_front();
      v.busy = true;
      v.next = 0;
    }
    Injection inj;
    inj.flit = make_flit(v.pkt, v.next, params_.mesh, vc);
    inj.packet = v.pkt.id;
    inj.head = v.next == 0;
    --v.credits;
    --n.queued_flits;
    --queued_flits_;
    if (++v.next == v.pkt.len) v.busy = false;
    n.rr = (vc + 1) % nv;
    return inj;
  }
  return std::nullopt;
}

}  // namespace nd::traffic
