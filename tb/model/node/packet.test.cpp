// Packet codec of the node (packet.hpp): field positions, round trips, data lanes ([node][model]).
#include "packet.hpp"

#include <catch2/catch.hpp>

using namespace nd::node;

TEST_CASE("node packet: head fields sit at their documented bits", "[node][model]") {
  Head h;
  h.route = {1, 2, 3, 4, 1, 0, true, false};
  h.op = Op::ReadData;
  h.err = true;
  h.len = 0x1234;
  h.addr = 0xdeadbeef;
  h.aux = 0x01020304;
  const FlitWords w = encode_head(h);
  CHECK(w[0] == (1u | 2u << 4 | 3u << 8 | 4u << 12 | 1u << 16 | 1u << 17));
  CHECK(w[1] == (9u | 1u << 4 | 0x1234u << 16));
  CHECK(w[2] == 0xdeadbeef);
  CHECK(w[3] == 0x01020304);
  CHECK(decode_head(w) == h);
}

TEST_CASE("node packet: data flits carry the destination blocks in natural lanes", "[node][model]") {
  for (uint32_t addr : {0x100u, 0x104u, 0x108u, 0x10Cu})
    for (uint16_t len = 4; len <= 68; len += 4) {
      Packet p;
      p.head.op = Op::Write;
      p.head.addr = addr;
      p.head.len = len;
      for (int i = 0; i < len; ++i) p.data.push_back(static_cast<uint8_t>(i * 7 + 1));
      const auto flits = encode_packet(p, 0);
      REQUIRE(flits.size() == size_t(1 + data_flits(addr, len)));
      // The first data byte sits in lane addr % 16 of the first data flit.
      CHECK((flits[1].data[(addr % 16) / 4] & 0xFF) == 1u);
      const Packet q = decode_packet(flits);
      CHECK(q.head == p.head);
      CHECK(q.data == p.data);
    }
}

TEST_CASE("node packet: malformed flit sequences are refused", "[node][model]") {
  Packet p;
  p.head.op = Op::Write;
  p.head.addr = 0;
  p.head.len = 32;
  p.data.assign(32, 0xAB);
  auto flits = encode_packet(p, 0);
  flits.pop_back();
  CHECK_THROWS_AS(decode_packet(flits), std::invalid_argument);
  CHECK(global_addr(1, 2, 0x345) == 0x21000345u);
  const auto c = dma_command(DmaCmd::Flag, 5, 0x10000008u);
  CHECK(c[0] == 0x10000008u);
  CHECK(c[1] == 5u);
  CHECK(c[2] == 4u);
}
