#include "traffic_packet.hpp"

namespace nd::traffic {

uint32_t payload_word(uint32_t id, int idx, int w) {
  uint64_t x =
      (static_cast<uint64_t>(id) << 32) ^ (static_cast<uint64_t>(idx) << 12) ^ static_cast<uint64_t>(w);
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return static_cast<uint32_t>(x);
}

Flit make_flit(const Packet& p, int idx, const MeshShape& s, unsigned vc) {
  Flit f;
  const bool head = idx == 0, tail = idx == p.len - 1;
  const int words = s.flit_width / 32;
  f.type = noc::flit_type(head, tail);
  f.vc = vc;
  f.data.resize(words);
  if (head) {
    f.data[0] = noc::encode_header(noc::route_header(s, p.src, p.dst, p.cls));
    f.data[1] = p.id;
  } else {
    f.data[0] = p.id;
    f.data[1] = static_cast<uint32_t>(idx) | static_cast<uint32_t>(p.len) << 16;
  }
  for (int w = 2; w < words; ++w) f.data[w] = payload_word(p.id, idx, w);
  return f;
}

}  // namespace nd::traffic
