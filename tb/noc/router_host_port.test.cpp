// Host ports of the mesh (docs/noc.md "Host ports"): the west link of router (0, y). Packets from the host
// reach every node; packets with dst_host leave the mesh at the host port of their destination row, from
// every node and on every VC, and nowhere else.
#include <catch2/catch.hpp>

#include "Vnoc_mesh_4x4_4vc.h"
#include "mesh_dut.hpp"
#include "options.hpp"
#include "router_test_util.hpp"

using namespace nd::noc;

namespace {

using Mesh = MeshDut<Vnoc_mesh_4x4_4vc>;

struct HostDriver {
  Mesh& m;
  MeshShape s;
  std::vector<std::vector<int>> credits;  // host -> mesh credits per row and VC

  explicit HostDriver(Mesh& mesh) : m(mesh), s(mesh.shape()) {
    credits.assign(s.rows, std::vector<int>(s.num_vcs, s.buf_depth));
  }
  auto& top() { return m.dut().top(); }

  // One cycle: optionally injects a flit at host port `row`, returns every flit a host port shows after
  // the edge (with its row) and gives its credit back in the next cycle.
  std::vector<std::pair<int, Flit>> step(int row = -1, const Flit* f = nullptr) {
    if (f != nullptr) {
      REQUIRE(credits[row][f->vc] > 0);
      --credits[row][f->vc];
      bits::put(top().host_in_valid_i, row, 1, 1);
      bits::put(top().host_in_type_i, 2 * row, 2, static_cast<uint32_t>(f->type));
      bits::put(top().host_in_vc_i, 2 * row, 2, f->vc);
      for (int w = 0; w < 4; ++w) bits::put(top().host_in_data_i, (row * 4 + w) * 32, 32, f->data[w]);
    }
    m.tick();  // also clears the host port's valid and credit inputs
    std::vector<std::pair<int, Flit>> out;
    for (int y = 0; y < s.rows; ++y) {
      for (int v = 0; v < s.num_vcs; ++v)
        if (bits::get(top().host_in_credit_o, y * s.num_vcs + v, 1)) ++credits[y][v];
      if (!bits::get(top().host_out_valid_o, y, 1)) continue;
      Flit g;
      g.type = static_cast<FlitType>(bits::get(top().host_out_type_o, 2 * y, 2));
      g.vc = bits::get(top().host_out_vc_o, 2 * y, 2);
      g.data.resize(4);
      for (int w = 0; w < 4; ++w) g.data[w] = bits::get(top().host_out_data_o, (y * 4 + w) * 32, 32);
      bits::put(top().host_out_credit_i, y * s.num_vcs + g.vc, 1, 1);
      out.emplace_back(y, g);
    }
    return out;
  }
};

}  // namespace

TEST_CASE("packets from a host port reach every node", "[noc][unit]") {
  const MeshShape s = test::shape_of(4, 4);
  Mesh mesh(s, nd::test_waves("noc_host_in"));
  HostDriver h(mesh);
  uint32_t tag = 1;
  for (int row = 0; row < s.rows; ++row) {
    for (int dst = 0; dst < s.nodes(); ++dst) {
      INFO("host row " << row << " to node " << dst);
      Header hd = route_header(s, node_index(s, 0, row), dst, 0);
      hd.src_host = true;
      std::vector<Flit> pkt = test::packet(s, 0, dst, 0, 3, tag++);
      pkt[0].data[0] = encode_header(hd);
      std::vector<Flit> got;
      for (int c = 0; c < 60 && got.size() < pkt.size(); ++c) {
        const bool send = static_cast<std::size_t>(c) < pkt.size();
        CHECK(h.step(row, send ? &pkt[c] : nullptr).empty());
        for (int n = 0; n < s.nodes(); ++n) {
          if (auto f = mesh.ejected(n)) {
            CHECK(n == dst);
            mesh.return_credit(n, int(f->vc));
            got.push_back(*f);
          }
        }
      }
      REQUIRE(got.size() == pkt.size());
      for (std::size_t i = 0; i < pkt.size(); ++i) CHECK(got[i].data == pkt[i].data);
    }
  }
}

TEST_CASE("dst_host packets leave the mesh at the host port of their row", "[noc][unit]") {
  const MeshShape s = test::shape_of(4, 4);
  Mesh mesh(s, nd::test_waves("noc_host_out"));
  HostDriver h(mesh);
  uint32_t tag = 1;
  for (int src = 0; src < s.nodes(); ++src) {
    for (int row = 0; row < s.rows; ++row) {
      for (int vc = 0; vc < s.num_vcs; ++vc) {
        INFO("node " << src << " to host row " << row << " VC " << vc);
        const int cls = class_of_vc(vc, s.num_vcs);
        std::vector<Flit> pkt = test::packet(s, src, node_index(s, 0, row), cls, 2, tag++,
                                             vc - first_vc_of_class(cls, s.num_vcs));
        Header hd = decode_header(pkt[0].data[0]);
        hd.dst_host = true;
        pkt[0].data[0] = encode_header(hd);
        std::vector<Flit> got;
        for (int c = 0; c < 40 && got.size() < pkt.size(); ++c) {
          if (static_cast<std::size_t>(c) < pkt.size()) mesh.inject(src, pkt[c]);
          for (const auto& [y, f] : h.step()) {
            CHECK(y == row);
            got.push_back(f);
          }
          for (int n = 0; n < s.nodes(); ++n) CHECK(!mesh.ejected(n));
        }
        REQUIRE(got.size() == pkt.size());
        for (std::size_t i = 0; i < pkt.size(); ++i) {
          CHECK(got[i].data == pkt[i].data);
          CHECK(class_of_vc(int(got[i].vc), s.num_vcs) == cls);
        }
        h.step();  // the mesh's local-port credits come back
      }
    }
  }
}
