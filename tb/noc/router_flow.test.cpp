// Router tests: flow control (back-pressure, credit return), allocation fairness, back-to-back flits.
#include <catch2/catch.hpp>
#include <map>

#include "router_test_util.hpp"
#include "sim_matchers.hpp"

using namespace nd::noc;
using nd::noc::test::Driver;

namespace {
uint32_t tag_of(const Flit& f) { return f.data[1]; }  // packet() puts the tag in word 1 of the head
}  // namespace

TEST_CASE("back-pressure at the ejection port stops the flow without loss", "[noc][unit]") {
  const MeshShape s = test::shape_of(2);
  Driver d(make_mesh(s, nd::test_waves("noc_backpressure"), "test"));
  const int src = 0, dst = 3, n = 24;
  d.hold_ejection(dst, true);
  for (int i = 0; i < n; ++i) d.send(src, test::packet(s, src, dst, 0, 1, 100 + i));
  d.run(200);
  // Only the ejection credits' worth of flits left the mesh; the source is blocked with no credit.
  CHECK(d.log().size() == static_cast<std::size_t>(s.buf_depth));
  CHECK(d.credits(src, 0) == 0);
  CHECK(d.queued(src) > 0);
  CHECK(d.mesh().counter(dst, int(Port::Local), CounterSel::CreditStall) > 150);
  CHECK(d.mesh().counter_vc(dst, int(Port::Local), CounterSel::OutCredits, 0) == 0);
  d.hold_ejection(dst, false);
  d.run_until_ejected(n, 400);
  REQUIRE(d.log().size() == static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) {  // one VC, one path: in order
    CHECK(d.log()[i].node == dst);
    CHECK(tag_of(d.log()[i].flit) == static_cast<uint32_t>(100 + i));
  }
}

TEST_CASE("every credit comes back and the mesh returns to its idle state", "[noc][unit]") {
  const MeshShape s = test::shape_of(4);
  Driver d(make_mesh(s, nd::test_waves("noc_credit_return"), "test"));
  int sent = 0;
  for (int src = 0; src < s.nodes(); ++src)
    for (int k = 0; k < 3; ++k)
      for (int cls = 0; cls < 2; ++cls) {
        d.send(src, test::packet(s, src, (src * 7 + k * 5 + 3) % s.nodes(), cls, 1 + k, sent));
        sent += 1 + k;
      }
  d.run_until_ejected(sent, 2000);
  d.run(10);
  for (int n = 0; n < s.nodes(); ++n) {
    for (int v = 0; v < s.num_vcs; ++v) {
      CHECK(d.credits(n, v) == s.buf_depth);
      for (int p = 0; p < kNumPorts; ++p) {
        INFO("node " << n << " port " << p << " vc " << v);
        CHECK(d.mesh().counter_vc(n, p, CounterSel::InUsage, v) == 0);
        CHECK((d.mesh().counter_vc(n, p, CounterSel::InState, v) & 1u) == 0);
        CHECK(d.mesh().counter_vc(n, p, CounterSel::OutOwner, v) >> 4 == 0);
        const bool has_link = (p == int(Port::Local)) || (p == int(Port::North) && node_y(s, n) > 0) ||
                              (p == int(Port::South) && node_y(s, n) < s.rows - 1) ||
                              (p == int(Port::West) && node_x(s, n) > 0) ||
                              (p == int(Port::East) && node_x(s, n) < s.cols - 1);
        if (has_link) CHECK(d.mesh().counter_vc(n, p, CounterSel::OutCredits, v) == uint32_t(s.buf_depth));
      }
    }
  }
  // Counters agree with the traffic: every flit entered and left through a local port once.
  uint64_t in = 0, out = 0;
  for (int n = 0; n < s.nodes(); ++n) {
    in += d.mesh().counter(n, int(Port::Local), CounterSel::FlitsIn);
    out += d.mesh().counter(n, int(Port::Local), CounterSel::FlitsOut);
  }
  CHECK(in == uint64_t(sent));
  CHECK(out == uint64_t(sent));
}

TEST_CASE("stall counters count at the output the waiting flit wants", "[noc][unit]") {
  // Nodes 0 (west of 1) and 3 (south of 1) both stream one-flit requests to node 1: router 1's local output
  // is contended (allocation stalls there), its west and south input buffers fill, and routers 0 and 3 then
  // wait for credits at their east and north outputs. No other output of the mesh may count a stall.
  const MeshShape s = test::shape_of(2);
  Driver d(make_mesh(s, nd::test_waves("noc_stall_counters"), "test"));
  const int dst = node_index(s, 1, 0), west = node_index(s, 0, 0), south = node_index(s, 1, 1), n = 40;
  for (int i = 0; i < n; ++i) {
    d.send(west, test::packet(s, west, dst, 0, 1, i));
    d.send(south, test::packet(s, south, dst, 0, 1, 100 + i));
  }
  d.run_until_ejected(2 * n, 400);
  CHECK(d.mesh().counter(dst, int(Port::Local), CounterSel::AllocStall) > 0);
  CHECK(d.mesh().counter(west, int(Port::East), CounterSel::CreditStall) +
            d.mesh().counter(south, int(Port::North), CounterSel::CreditStall) >
        0);
  for (int node = 0; node < s.nodes(); ++node) {
    for (int p = 0; p < kNumPorts; ++p) {
      INFO("node " << node << " port " << p);
      if (!(node == dst && p == int(Port::Local)))
        CHECK(d.mesh().counter(node, p, CounterSel::AllocStall) == 0);
      if (!(node == west && p == int(Port::East)) && !(node == south && p == int(Port::North)))
        CHECK(d.mesh().counter(node, p, CounterSel::CreditStall) == 0);
    }
  }
}

TEST_CASE("injecting without a credit trips the buffer overflow assertion", "[noc][unit]") {
  const MeshShape s = test::shape_of(2);
  auto m = make_mesh(s, nd::test_waves("noc_overflow"), "test");
  // Node 0 sends to itself and never returns ejection credits: 4 flits eject, 4 wait in the input
  // buffer, the 9th has no slot.
  const Header h = route_header(s, 0, 0, 0);
  int sent = 0;
  auto inject_all = [&] {
    for (; sent < 12; ++sent) {
      m->inject(0, make_head_flit(s, FlitType::HeadTail, 0, h));
      m->tick();
    }
    m->tick();
  };
  REQUIRE_THROWS_MATCHES(inject_all(), nd::SimError, nd::AssertionFired("NoBufferOverflow_A"));
  // It fires for the 9th flit (index 8): the cycle after it reached the full buffer.
  CHECK(sent == 2 * s.buf_depth);
}

TEST_CASE("a head flit on a VC of the other class trips the class assertion", "[noc][unit]") {
  const int vcs = GENERATE(2, 4);
  const MeshShape s = test::shape_of(vcs == 2 ? 2 : 4, vcs);
  auto m = make_mesh(s, nd::test_waves("noc_class_vc_" + std::to_string(vcs)), "test");
  // A response (class 1) on the last request VC.
  const Flit f = make_head_flit(s, FlitType::HeadTail, vcs / 2 - 1, route_header(s, 0, 1, 1));
  m->inject(0, f);
  // The header checks register their verdict: the assertion fires at the edge after the flit arrived.
  m->tick();
  REQUIRE_THROWS_MATCHES(m->tick(), nd::SimError, nd::AssertionFired("ClassMatchesVc_A"));
}

TEST_CASE("a head flit for a node outside the mesh trips the destination assertion", "[noc][unit]") {
  const MeshShape s = test::shape_of(2);
  auto m = make_mesh(s, nd::test_waves("noc_dst_off_mesh"), "test");
  Header h = route_header(s, 0, 0, 0);
  h.dst_x = 2;  // column 2 of a 2x2 mesh
  m->inject(0, make_head_flit(s, FlitType::HeadTail, 0, h));
  m->tick();
  REQUIRE_THROWS_MATCHES(m->tick(), nd::SimError, nd::AssertionFired("DstInMesh_A"));
}

TEST_CASE("a stream of packets keeps one flit per cycle with no bubbles", "[noc][unit]") {
  const MeshShape s = test::shape_of(4);
  const int len = GENERATE(1, 8);
  Driver d(make_mesh(s, nd::test_waves("noc_stream_" + std::to_string(len)), "test"));
  const int src = 0, dst = s.nodes() - 1, flits = 96;
  for (int i = 0; i < flits / len; ++i) d.send(src, test::packet(s, src, dst, 1, len, i));
  d.run_until_ejected(flits, 500);
  const auto& log = d.log();
  const uint64_t first = log.front().cycle;
  CHECK(first == uint64_t(zero_load_latency(xy_hops(s, src, dst), 1)));
  for (int i = 0; i < flits; ++i) CHECK(log[i].cycle == first + i);
}

TEST_CASE("switch allocation shares an output equally among the inputs that want it", "[noc][unit]") {
  // 2x2, everyone floods node 0: its local output is fed by its local (node 0), east (node 1) and
  // south (nodes 2 and 3) inputs, so each input port should get a third of the ejection bandwidth.
  const MeshShape s = test::shape_of(2);
  Driver d(make_mesh(s, nd::test_waves("noc_sw_fair"), "test"));
  uint32_t tag = 0;
  d.on_cycle = [&] {
    for (int src = 0; src < s.nodes(); ++src)
      while (d.queued(src) < 4) {
        d.send(src, test::packet(s, src, 0, 0, 1, (src << 24) | tag));
        ++tag;
      }
  };
  d.run(200);  // warm up
  d.clear_log();
  const int window = 3000;
  d.run(window);
  std::map<int, int> by_port;  // input port of node 0 the flit came through
  for (const auto& e : d.log()) {
    const int src = decode_header(e.flit.data[0]).src_x + 2 * decode_header(e.flit.data[0]).src_y;
    by_port[src == 0 ? 0 : src == 1 ? 2 : 3]++;
  }
  CHECK(d.log().size() >= std::size_t(window) - 2);  // the output is never idle
  for (int p : {0, 2, 3}) {
    INFO("input port " << p << ": " << by_port[p] << " of " << d.log().size());
    CHECK(std::abs(by_port[p] * 3.0 / d.log().size() - 1.0) < 0.03);
  }
}

TEST_CASE("the VC arbiter shares a congested port equally between the classes", "[noc][unit]") {
  // Nodes 1 and 3 flood node 0 with 1-flit packets of both classes; node 0 takes every flit at once.
  // Node 0's local output alternates between its east input (node 1's packets) and its south input
  // (node 3's), so both inputs back up with both VCs full and credits to spare: the VC arbiter of each
  // input alone decides which class goes. (Throttling the sink's credit return instead would let the
  // sink decide, and a single source would never have two VCs waiting.)
  const MeshShape s = test::shape_of(2);
  Driver d(make_mesh(s, nd::test_waves("noc_vc_fair"), "test"));
  uint32_t tag = 0;
  d.on_cycle = [&] {
    for (int src : {1, 3})
      for (int cls = 0; cls < 2; ++cls)
        while (d.queued(src, first_vc_of_class(cls, s.num_vcs)) < 8)
          d.send(src, test::packet(s, src, 0, cls, 1, tag++));
  };
  d.run(300);
  d.clear_log();
  d.run(4000);
  int per[4][2] = {};  // [source][class]
  for (const auto& e : d.log()) {
    const Header h = decode_header(e.flit.data[0]);
    per[node_index(s, h.src_x, h.src_y)][class_of_vc(e.flit.vc, s.num_vcs)]++;
  }
  CHECK(d.log().size() > 3900);  // node 0's ejection port is never idle
  for (int src : {1, 3}) {
    const int total = per[src][0] + per[src][1];
    INFO("source " << src << ": class 0 " << per[src][0] << ", class 1 " << per[src][1]);
    CHECK(std::abs(total - int(d.log().size()) / 2) < int(d.log().size()) / 20);  // inputs share the output
    CHECK(std::abs(per[src][0] - per[src][1]) < total / 20);                      // classes share the input
  }
}

TEST_CASE("with input speedup 2 one input port sends two flits in a cycle, to different outputs",
          "[noc][unit]") {
  // Node 4 (column 0, row 1) sends requests to node 6 (east of router 5) and responses to node 9 (south of
  // router 5): all of it enters router 5 through its west input. With the destinations' ejection held, the
  // flits back up into that input on both classes' VCs; on release, a router with two crossbar lanes per
  // input (the default router) forwards both VCs in the same cycle, east and south, where the 2-VC router
  // (input speedup 1) forwards one flit per cycle from that input.
  const int vcs = GENERATE(2, 4);
  const MeshShape s = test::shape_of(4, vcs);
  Driver d(make_mesh(s, nd::test_waves("noc_speedup_" + std::to_string(vcs)), "test"));
  const int src = 4, router = 5, east_dst = 6, south_dst = 9, packets = 6, len = 8;
  d.hold_ejection(east_dst, true);
  d.hold_ejection(south_dst, true);
  for (int i = 0; i < packets; ++i) {
    d.send(src, test::packet(s, src, east_dst, 0, len, i));
    d.send(src, test::packet(s, src, south_dst, 1, len, 100 + i));
  }
  d.run(150);
  REQUIRE(d.mesh().counter(router, int(Port::East), CounterSel::CreditStall) > 0);
  d.hold_ejection(east_dst, false);
  d.hold_ejection(south_dst, false);
  auto out = [&](Port p) { return d.mesh().counter(router, int(p), CounterSel::FlitsOut); };
  uint32_t east = out(Port::East), south = out(Port::South);
  int both = 0;
  for (int c = 0; c < 200; ++c) {
    d.step();
    const uint32_t e = out(Port::East), so = out(Port::South);
    REQUIRE(out(Port::Local) + out(Port::North) + out(Port::West) == 0);
    both += (e - east == 1) && (so - south == 1);
    east = e;
    south = so;
  }
  INFO(vcs << " VCs, input speedup " << s.in_speedup << ": " << both
           << " cycles with two flits out of the input");
  CHECK((both > 0) == (s.in_speedup == 2));
  d.run_until_ejected(2 * packets * len, 500);
  CHECK(d.log().size() == static_cast<std::size_t>(2 * packets * len));
}
