// Router tests: XY routes to every direction and zero-load latency for every source/destination pair.
#include <catch2/catch.hpp>

#include "router_test_util.hpp"

using namespace nd::noc;
using nd::noc::test::Driver;

TEST_CASE("every pair reaches its destination with the documented zero-load latency", "[noc][unit]") {
  const auto [size, vcs] = GENERATE(std::make_pair(2, 2), std::make_pair(4, 2), std::make_pair(4, 4));
  const int len = GENERATE(1, 4);
  const MeshShape s = test::shape_of(size, vcs);
  Driver d(make_mesh(s,
                     nd::test_waves("noc_zero_load_" + std::to_string(size) + "_" + std::to_string(vcs) +
                                    "vc_" + std::to_string(len)),
                     "test"));
  uint32_t tag = 1;
  for (int src = 0; src < s.nodes(); ++src) {
    for (int dst = 0; dst < s.nodes(); ++dst) {
      for (int vc = 0; vc < s.num_vcs; ++vc) {
        const int cls = class_of_vc(vc, s.num_vcs);
        INFO("src " << src << " dst " << dst << " VC " << vc << " len " << len);
        const auto pkt = test::packet(s, src, dst, cls, len, tag++, vc - first_vc_of_class(cls, s.num_vcs));
        d.clear_log();
        const uint64_t t0 = d.mesh().cycle();
        d.send(src, pkt);
        d.run_until_ejected(pkt.size(), 100);
        const auto& log = d.log();
        REQUIRE(log.size() == pkt.size());
        for (std::size_t i = 0; i < pkt.size(); ++i) {
          CHECK(log[i].node == dst);
          CHECK(log[i].flit.type == pkt[i].type);
          // The VC within the class is the last router's choice; a packet keeps one VC.
          CHECK(class_of_vc(log[i].flit.vc, s.num_vcs) == cls);
          CHECK(log[i].flit.vc == log[0].flit.vc);
          CHECK(log[i].flit.data == pkt[i].data);
          CHECK(log[i].cycle - t0 == static_cast<uint64_t>(zero_load_latency(xy_hops(s, src, dst), 1) + i));
        }
        d.run(4);  // drain credits
        REQUIRE(d.log().size() == pkt.size());
      }
    }
  }
}
