#include "traffic_scoreboard.hpp"

#include <cstdio>

#include "errors.hpp"

namespace nd::traffic {

Scoreboard::Scoreboard(const MeshShape& mesh)
    : mesh_(mesh), flit_words_(mesh.flit_width / 32), open_(mesh.nodes() * mesh.num_vcs) {
  for (int c = 0; c < noc::kNumClasses; ++c) {
    int n = 0;
    for (int v = 0; v < mesh.num_vcs; ++v) n += noc::vc_allowed(mesh.vc_policy, mesh.num_vcs, c, v);
    check_order_[c] = n == 1;
  }
}

uint64_t Scoreboard::order_key(int src, int dst, int cls) const {
  return (static_cast<uint64_t>(src) * mesh_.nodes() + dst) * noc::kNumClasses + cls;
}

void Scoreboard::expect(const Packet& p) {
  live_.emplace(p.id, p);
  order_[order_key(p.src, p.dst, p.cls)].push_back(p.id);
}

void Scoreboard::injected(uint32_t id, bool head, uint64_t cycle) {
  ++flits_injected_;
  if (head) {
    auto it = live_.find(id);
    if (it != live_.end()) it->second.injected = cycle;
  }
}

void Scoreboard::fail(uint64_t cycle, int node, const Flit& f, const std::string& what) const {
  std::string s = "scoreboard: node " + std::to_string(node) + " (x " +
                  std::to_string(noc::node_x(mesh_, node)) + ", y " +
                  std::to_string(noc::node_y(mesh_, node)) + ") VC " + std::to_string(f.vc) + ": " + what +
                  "; flit " + noc::flit_type_name(f.type) + " data";
  char buf[16];
  for (size_t w = f.data.size(); w-- > 0;) {
    std::snprintf(buf, sizeof buf, " %08x", f.data[w]);
    s += buf;
  }
  throw SimError(cycle, s);
}

std::optional<Delivery> Scoreboard::eject(int node, const Flit& f, uint64_t cycle) {
  if (static_cast<int>(f.vc) >= mesh_.num_vcs) fail(cycle, node, f, "VC out of range");
  if (static_cast<int>(f.data.size()) != flit_words_) fail(cycle, node, f, "flit has the wrong width");
  Open& o = open_[node * mesh_.num_vcs + f.vc];
  uint32_t id;
  int idx;
  if (noc::is_head(f.type)) {
    if (o.active)
      fail(cycle, node, f, "head flit while packet " + std::to_string(o.id) + " is still open on this VC");
    const Header h = noc::decode_header(f.data[0]);
    id = f.data[1];
    auto it = live_.find(id);
    if (it == live_.end())
      fail(cycle, node, f, "unknown or already delivered packet id " + std::to_string(id));
    const Packet& p = it->second;
    if (h.reserved != 0 || h.dst_host || h.src_host) fail(cycle, node, f, "reserved header bits not zero");
    if (noc::node_index(mesh_, h.dst_x, h.dst_y) != p.dst ||
        noc::node_index(mesh_, h.src_x, h.src_y) != p.src || h.msg_class != p.cls)
      fail(cycle, node, f, "header does not match packet " + std::to_string(id));
    if (p.dst != node)
      fail(cycle, node, f,
           "packet " + std::to_string(id) + " for node " + std::to_string(p.dst) + " arrived here");
    if (!noc::vc_allowed(mesh_.vc_policy, mesh_.num_vcs, p.cls, static_cast<int>(f.vc)))
      fail(cycle, node, f, "packet of class " + std::to_string(p.cls) + " on a VC its class may not take");
    if (noc::class_of_vc(static_cast<int>(f.vc), mesh_.num_vcs) != p.cls) ++borrowed_;
    auto& q = order_[order_key(p.src, p.dst, p.cls)];
    if (q.empty() || q.front() != id) {
      if (check_order_[p.cls])
        fail(cycle, node, f,
             "packet " + std::to_string(id) + " overtook packet " +
                 std::to_string(q.empty() ? 0 : q.front()) + " of the same source, destination and class");
      ++reordered_;
    }
    for (auto it = q.begin(); it != q.end(); ++it) {
      if (*it == id) {
        q.erase(it);
        break;
      }
    }
    o.active = true;
    o.id = id;
    o.next = 0;
    idx = 0;
  } else {
    if (!o.active) fail(cycle, node, f, "body/tail flit with no open packet on this VC");
    id = o.id;
    idx = o.next;
    if (f.data[0] != id ||
        f.data[1] != (static_cast<uint32_t>(idx) | static_cast<uint32_t>(live_.at(id).len) << 16))
      fail(cycle, node, f, "expected flit " + std::to_string(idx) + " of packet " + std::to_string(id));
  }
  const Packet& p = live_.at(id);
  if (noc::is_tail(f.type) != (idx == p.len - 1))
    fail(
        cycle, node, f,
        "flit " + std::to_string(idx) + " of a " + std::to_string(p.len) + "-flit packet has the wrong type");
  for (int w = 2; w < flit_words_; ++w) {
    if (f.data[w] != payload_word(id, idx, w))
      fail(cycle, node, f, "payload word " + std::to_string(w) + " corrupted");
  }
  ++flits_delivered_;
  o.next = idx + 1;
  if (idx != p.len - 1) return std::nullopt;
  o.active = false;
  Delivery d{p, cycle};
  flit_hops_ += static_cast<uint64_t>(p.len) * noc::xy_hops(mesh_, p.src, p.dst);
  live_.erase(id);
  ++packets_delivered_;
  return d;
}

void Scoreboard::check_all_delivered(uint64_t cycle) const {
  if (live_.empty()) return;
  const Packet& p = live_.begin()->second;
  throw SimError(cycle, "scoreboard: " + std::to_string(live_.size()) +
                            " packets never arrived, e.g. packet " + std::to_string(p.id) + " from node " +
                            std::to_string(p.src) + " to node " + std::to_string(p.dst) +
                            " created at cycle " + std::to_string(p.created));
}

}  // namespace nd::traffic
