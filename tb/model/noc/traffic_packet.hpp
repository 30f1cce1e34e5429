// Packets of the traffic model and their flits as they cross the mesh's local ports.
//
// Route header (low 32 bits of a head flit, nd_noc_pkg.sv): [3:0] dst_x [7:4] dst_y [11:8] src_x
// [15:12] src_y [16] message class [31:17] reserved (0).
// Payload (checked flit by flit by the scoreboard; 32-bit words, word 0 = data bits [31:0]):
//   head flit: word 0 = route header, word 1 = packet id, words 2.. = payload_word(id, 0, w)
//   flit i>0:  word 0 = packet id,   word 1 = i | (length << 16), words 2.. = payload_word(id, i, w)
// So every flit names its packet and position, and a corrupted, dropped, duplicated or misplaced flit
// cannot go unnoticed. Needs FlitWidth >= 64 and a multiple of 32.
#pragma once

#include <cstdint>
#include <vector>

namespace nd::traffic {

enum class FlitKind : uint8_t { Body = 0, Head = 1, Tail = 2, HeadTail = 3 };

inline bool is_head(FlitKind k) { return (static_cast<unsigned>(k) & 1u) != 0; }
inline bool is_tail(FlitKind k) { return (static_cast<unsigned>(k) & 2u) != 0; }

struct FlitData {
  FlitKind kind = FlitKind::Body;
  unsigned vc = 0;
  std::vector<uint32_t> data;  // flit_width / 32 words
};

struct Header {
  int dst_x = 0, dst_y = 0, src_x = 0, src_y = 0;
  int cls = 0;            // 0 = request, 1 = response
  uint32_t reserved = 0;  // bits [31:17]; must be 0
};

uint32_t encode_header(const Header& h);
Header decode_header(uint32_t word);

// Maximum mesh side the 4-bit header coordinates can address.
constexpr int kMaxMeshSide = 16;
// Smallest flit width the payload encoding needs.
constexpr int kMinFlitWidth = 64;

struct Packet {
  uint32_t id = 0;
  int src = 0, dst = 0, cls = 0, len = 1;
  uint64_t created = 0;   // cycle the packet entered its source queue
  uint64_t injected = 0;  // cycle its head flit was driven into the local input port
  bool measured = false;  // created inside the measurement window
};

// Payload word `w` (>= 2) of flit `idx` of packet `id`: a fixed hash, so the sink recomputes it.
uint32_t payload_word(uint32_t id, int idx, int w);

// Flit `idx` of packet `p` (0 = head) on virtual channel `vc`, in a mesh with `cols` columns.
FlitData make_flit(const Packet& p, int idx, int cols, int flit_words, unsigned vc);

// XY hop count (links crossed) between two nodes.
int hops(int src, int dst, int cols);

}  // namespace nd::traffic
