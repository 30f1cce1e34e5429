// Tests of the packet format (noc_flit.hpp): header fields at nd_noc_pkg's positions, flit types, mesh
// geometry. tb/noc/mesh_if.cpp checks the same constants against the Verilated package at compile time.
#include <catch2/catch.hpp>

#include "noc_flit.hpp"
#include "options.hpp"
#include "traffic_rng.hpp"

using namespace nd::noc;

TEST_CASE("the route header puts every field at its nd_noc_pkg position", "[noc][model]") {
  const Header h{3, 2, 1, 0, 1, 0};
  CHECK(encode_header(h) == (3u | 2u << 4 | 1u << 8 | 0u << 12 | 1u << 16));
  const Header d = decode_header(encode_header(h) | 1u << 20 | 1u << 17);
  CHECK(d.dst_x == 3);
  CHECK(d.dst_y == 2);
  CHECK(d.src_x == 1);
  CHECK(d.src_y == 0);
  CHECK(d.msg_class == 1);
  CHECK(d.reserved == 2);
  CHECK(d.dst_host);
  CHECK(!d.src_host);
  // Every field round-trips for random values (seeded by --seed / ND_SEED).
  nd::traffic::Rng rng(nd::test_seed());
  for (int i = 0; i < 1000; ++i) {
    const Header r{int(rng.below(kMaxMeshSide)),
                   int(rng.below(kMaxMeshSide)),
                   int(rng.below(kMaxMeshSide)),
                   int(rng.below(kMaxMeshSide)),
                   int(rng.below(2)),
                   uint32_t(rng.below(1u << 13)),
                   rng.below(2) == 1,
                   rng.below(2) == 1};
    const Header b = decode_header(encode_header(r));
    INFO("seed " << nd::test_seed() << " iteration " << i);
    CHECK((b.dst_x == r.dst_x && b.dst_y == r.dst_y && b.src_x == r.src_x && b.src_y == r.src_y &&
           b.msg_class == r.msg_class && b.reserved == r.reserved && b.dst_host == r.dst_host &&
           b.src_host == r.src_host));
  }
}

TEST_CASE("flit types, classes and mesh geometry", "[noc][model]") {
  CHECK(flit_type(true, true) == FlitType::HeadTail);
  CHECK(flit_type(false, true) == FlitType::Tail);
  CHECK((is_head(FlitType::Head) && !is_tail(FlitType::Head) && is_head(FlitType::HeadTail)));
  CHECK(std::string(flit_type_name(FlitType::HeadTail)) == "head+tail");
  CHECK(first_vc_of_class(1, 2) == 1);
  CHECK(first_vc_of_class(1, 4) == 2);
  CHECK(class_of_vc(1, 4) == 0);
  CHECK(class_of_vc(3, 4) == 1);
  const MeshShape s{4, 4, 2, 4, 128};
  CHECK(to_string(s) == "4x4, 2 VCs x 4 flits x 128 bits");
  CHECK(to_string(MeshShape{4, 4, 2, 4, 128, 2, VcPolicy::Borrow}) ==
        "4x4, 2 VCs x 4 flits x 128 bits, responses borrow request VCs");
  // VC policies (nd_noc_pkg::vc_allowed): 4 VCs, request VCs 0-1, response VCs 2-3.
  for (int vc = 0; vc < 4; ++vc) {
    CHECK(vc_allowed(VcPolicy::Separate, 4, 0, vc) == (vc < 2));
    CHECK(vc_allowed(VcPolicy::Separate, 4, 1, vc) == (vc >= 2));
    CHECK(vc_allowed(VcPolicy::Borrow, 4, 0, vc) == (vc < 2));
    CHECK(vc_allowed(VcPolicy::Borrow, 4, 1, vc));
    CHECK((vc_allowed(VcPolicy::Shared, 4, 0, vc) && vc_allowed(VcPolicy::Shared, 4, 1, vc)));
  }
  for (VcPolicy p : {VcPolicy::Separate, VcPolicy::Borrow, VcPolicy::Shared}) {
    VcPolicy q = VcPolicy::Separate;
    CHECK(parse_vc_policy(vc_policy_name(p), q));
    CHECK(q == p);
  }
  VcPolicy unused;
  CHECK_FALSE(parse_vc_policy("any", unused));
  CHECK(xy_hops(s, 1, 14) == 4);
  CHECK(encode_header(route_header(s, 1, 14, 1)) == encode_header({2, 3, 1, 0, 1, 0}));
  CHECK(zero_load_latency(0, 1) == 2);
  CHECK(zero_load_latency(3, 4) == 11);
}
