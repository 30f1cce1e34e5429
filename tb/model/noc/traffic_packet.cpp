#include "traffic_packet.hpp"

#include <cstdlib>

namespace nd::traffic {

uint32_t encode_header(const Header& h) {
  return (static_cast<uint32_t>(h.dst_x) & 0xf) | (static_cast<uint32_t>(h.dst_y) & 0xf) << 4 |
         (static_cast<uint32_t>(h.src_x) & 0xf) << 8 | (static_cast<uint32_t>(h.src_y) & 0xf) << 12 |
         (static_cast<uint32_t>(h.cls) & 1) << 16 | (h.reserved << 17);
}

Header decode_header(uint32_t word) {
  Header h;
  h.dst_x = word & 0xf;
  h.dst_y = (word >> 4) & 0xf;
  h.src_x = (word >> 8) & 0xf;
  h.src_y = (word >> 12) & 0xf;
  h.cls = (word >> 16) & 1;
  h.reserved = word >> 17;
  return h;
}

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

FlitData make_flit(const Packet& p, int idx, int cols, int flit_words, unsigned vc) {
  FlitData f;
  const bool head = idx == 0, tail = idx == p.len - 1;
  f.kind = static_cast<FlitKind>((head ? 1 : 0) | (tail ? 2 : 0));
  f.vc = vc;
  f.data.resize(flit_words);
  if (head) {
    Header h;
    h.dst_x = p.dst % cols;
    h.dst_y = p.dst / cols;
    h.src_x = p.src % cols;
    h.src_y = p.src / cols;
    h.cls = p.cls;
    f.data[0] = encode_header(h);
    f.data[1] = p.id;
  } else {
    f.data[0] = p.id;
    f.data[1] = static_cast<uint32_t>(idx) | static_cast<uint32_t>(p.len) << 16;
  }
  for (int w = 2; w < flit_words; ++w) f.data[w] = payload_word(p.id, idx, w);
  return f;
}

int hops(int src, int dst, int cols) {
  return std::abs(src % cols - dst % cols) + std::abs(src / cols - dst / cols);
}

}  // namespace nd::traffic
