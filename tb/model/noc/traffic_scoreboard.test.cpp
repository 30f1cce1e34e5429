// Tests of the scoreboard: an ideal network passes, and each kind of network fault is caught.
#include <catch2/catch.hpp>
#include <deque>

#include "errors.hpp"
#include "options.hpp"
#include "traffic_scoreboard.hpp"
#include "traffic_source.hpp"

using namespace nd::traffic;
using namespace nd::noc;

namespace {
// An ideal network: every injected flit arrives at its destination `delay` cycles later (XY hops).
struct IdealNet {
  struct InFlight {
    uint64_t at;
    int node;
    Flit f;
  };
  std::vector<std::deque<InFlight>> per_vc;  // per (src, vc): keeps flit order
  std::vector<int> packet_dst;               // per (src, vc): destination of the open packet
  std::vector<int> owner;                    // per (dst, vc): the (src, vc) whose packet is ejecting
  int vcs;
  explicit IdealNet(int nodes, int v)
      : per_vc(nodes * v), packet_dst(nodes * v), owner(nodes * v, -1), vcs(v) {}
};

struct Harness {
  SourceParams sp;
  TrafficSources src;
  Scoreboard sb;
  IdealNet net;
  std::vector<Packet> created;
  explicit Harness(const SourceParams& p)
      : sp(p), src(p, nd::test_seed()), sb(p.mesh), net(p.mesh.nodes(), p.mesh.num_vcs) {}

  // Runs `cycles` cycles with generation on, then drains; `fault` may alter a flit before ejection.
  template <class Fault>
  void run(int cycles, Fault fault) {
    for (uint64_t c = 0; c < uint64_t(cycles) + 400; ++c) {
      created.clear();
      if (c < uint64_t(cycles)) src.generate(c, true, created);
      for (const auto& p : created) sb.expect(p);
      for (int n = 0; n < src.nodes(); ++n) {
        if (auto inj = src.next_flit(n)) {
          sb.injected(inj->packet, inj->head, c);
          const int key = n * sp.mesh.num_vcs + inj->flit.vc;
          if (inj->head)
            net.packet_dst[key] = node_index(sp.mesh, decode_header(inj->flit.data[0]).dst_x,
                                             decode_header(inj->flit.data[0]).dst_y);
          const int dst = net.packet_dst[key];
          net.per_vc[key].push_back({c + 2 + 2 * uint64_t(xy_hops(sp.mesh, n, dst)), dst, inj->flit});
        }
      }
      for (int k = 0; k < int(net.per_vc.size()); ++k) {
        auto& q = net.per_vc[k];
        while (!q.empty() && q.front().at <= c) {
          Flit f = q.front().f;
          int node = q.front().node;
          int& own = net.owner[node * sp.mesh.num_vcs + f.vc];  // packets do not interleave within a VC
          if (own != -1 && own != k) break;
          own = is_tail(f.type) ? -1 : k;
          q.pop_front();
          if (!fault(f, node)) continue;
          sb.eject(node, f, c);
          src.credit(k / sp.mesh.num_vcs, f.vc, c);
        }
      }
    }
    sb.check_all_delivered(cycles + 400);
  }
};

SourceParams small() {
  SourceParams sp;
  sp.mesh.rows = sp.mesh.cols = 2;
  sp.rate = 0.3;
  sp.lengths.lengths = {1, 3};
  sp.lengths.weights = {1, 1};
  return sp;
}
}  // namespace

TEST_CASE("scoreboard accepts a correct network", "[noc][model]") {
  Harness h(small());
  h.run(2000, [](Flit&, int&) { return true; });
  CHECK(h.sb.packets_delivered() == h.src.created_packets());
  CHECK(h.sb.flits_in_network() == 0);
  CHECK(h.sb.packets_delivered() > 200);
}

TEST_CASE("scoreboard catches every kind of corruption", "[noc][model]") {
  int seen = 0;
  SECTION("a corrupted payload word") {
    Harness h(small());
    CHECK_THROWS_WITH(h.run(500,
                            [&](Flit& f, int&) {
                              if (++seen == 40) f.data[3] ^= 1;
                              return true;
                            }),
                      Catch::Contains("payload word 3 corrupted"));
  }
  SECTION("a packet delivered to the wrong node") {
    SourceParams sp = small();
    sp.lengths = LengthMix{};
    Harness h(sp);
    CHECK_THROWS_WITH(h.run(500,
                            [&](Flit& f, int& node) {
                              if (is_head(f.type) && ++seen == 10) node = (node + 1) % 4;
                              return true;
                            }),
                      Catch::Contains("arrived here"));
  }
  SECTION("a dropped flit") {
    Harness h(small());
    CHECK_THROWS_AS(h.run(500, [&](Flit&, int&) { return ++seen != 25; }), nd::SimError);
  }
  SECTION("a dropped packet is missed by the next one of its stream or at the end") {
    SourceParams sp = small();
    sp.lengths = LengthMix{};
    Harness h(sp);
    CHECK_THROWS_WITH(h.run(500, [&](Flit&, int&) { return ++seen != 25; }),
                      Catch::Contains("never arrived") || Catch::Contains("overtook"));
  }
  SECTION("a flit of the wrong type") {
    Harness h(small());
    CHECK_THROWS_AS(h.run(500,
                          [&](Flit& f, int&) {
                            if (f.type == FlitType::Tail && ++seen == 3) f.type = FlitType::Body;
                            return true;
                          }),
                    nd::SimError);
  }
  SECTION("a header with reserved bits set") {
    Harness h(small());
    CHECK_THROWS_WITH(h.run(500,
                            [&](Flit& f, int&) {
                              if (is_head(f.type) && ++seen == 5) f.data[0] |= 1u << 31;
                              return true;
                            }),
                      Catch::Contains("reserved"));
  }
}

TEST_CASE("scoreboard catches reordering within a (source, destination, class) stream", "[noc][model]") {
  const MeshShape m2{2, 2, 2, 4, 128};
  Scoreboard sb(m2);
  Packet a, b;
  a.id = 1;
  b.id = 2;
  a.src = b.src = 0;
  a.dst = b.dst = 3;
  sb.expect(a);
  sb.expect(b);
  CHECK(sb.checks_order());
  CHECK_THROWS_WITH(sb.eject(3, make_flit(b, 0, m2, 0), 10), Catch::Contains("overtook"));
  Scoreboard sb2(m2);
  sb2.expect(a);
  CHECK_THROWS_WITH(sb2.eject(3, make_flit(a, 0, m2, 1), 10), Catch::Contains("a VC its class may not take"));
  CHECK(sb2.eject(3, make_flit(a, 0, m2, 0), 11));
  CHECK_THROWS_WITH(sb2.eject(3, make_flit(a, 0, m2, 0), 12), Catch::Contains("already delivered"));
}

TEST_CASE("with two VCs per class the scoreboard counts overtaking packets instead of failing",
          "[noc][model]") {
  // The router may give consecutive packets of one stream different VCs of their class, which drain
  // independently (docs/noc.md, "Ordering"): arrival order is not guaranteed, delivery still is.
  const MeshShape m4{2, 2, 4, 4, 128};
  Scoreboard sb(m4);
  CHECK_FALSE(sb.checks_order());
  Packet a, b;
  a.id = 1;
  b.id = 2;
  a.src = b.src = 0;
  a.dst = b.dst = 3;
  a.cls = b.cls = 1;
  sb.expect(a);
  sb.expect(b);
  CHECK(sb.eject(3, make_flit(b, 0, m4, 3), 10));
  CHECK(sb.reordered_packets() == 1);
  CHECK_THROWS_WITH(sb.eject(3, make_flit(a, 0, m4, 1), 11), Catch::Contains("a VC its class may not take"));
  CHECK(sb.eject(3, make_flit(a, 0, m4, 2), 12));
  CHECK(sb.reordered_packets() == 1);
  CHECK(sb.packets_delivered() == 2);
  CHECK(sb.flit_hops() == 2 * 2);
  CHECK_NOTHROW(sb.check_all_delivered(13));
}

TEST_CASE("when responses borrow request VCs the scoreboard checks order for requests only", "[noc][model]") {
  // VcPolicy::Borrow with 2 VCs: requests keep VC 0 (one VC: in order), responses take either VC (no order).
  const MeshShape mb{2, 2, 2, 4, 128, 2, VcPolicy::Borrow};
  Scoreboard sb(mb);
  CHECK_FALSE(sb.checks_order());
  Packet r1, r2, q1, q2;
  r1.id = 1;
  r2.id = 2;
  q1.id = 3;
  q2.id = 4;
  for (Packet* p : {&r1, &r2, &q1, &q2}) {
    p->src = 0;
    p->dst = 3;
  }
  r1.cls = r2.cls = 1;
  for (const Packet* p : {&r1, &r2, &q1, &q2}) sb.expect(*p);
  CHECK(sb.eject(3, make_flit(r2, 0, mb, 0), 10));  // a response on the request VC, ahead of r1
  CHECK(sb.reordered_packets() == 1);
  CHECK(sb.eject(3, make_flit(r1, 0, mb, 1), 11));
  CHECK_THROWS_WITH(sb.eject(3, make_flit(q1, 0, mb, 1), 12), Catch::Contains("a VC its class may not take"));
  Scoreboard sb2(mb);
  sb2.expect(q1);
  sb2.expect(q2);
  CHECK_THROWS_WITH(sb2.eject(3, make_flit(q2, 0, mb, 0), 13), Catch::Contains("overtook"));
}
