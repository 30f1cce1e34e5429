// Packets of the traffic model and their flits as they cross the mesh's local ports.
//
// Flit, route header and mesh shape are the testbench's one packet format (noc_flit.hpp, nd_noc_pkg).
// Payload (checked flit by flit by the scoreboard; 32-bit words, word 0 = data bits [31:0]):
//   head flit: word 0 = route header, word 1 = packet id, words 2.. = payload_word(id, 0, w)
//   flit i>0:  word 0 = packet id,   word 1 = i | (length << 16), words 2.. = payload_word(id, i, w)
// So every flit names its packet and position, and a corrupted, dropped, duplicated or misplaced flit
// cannot go unnoticed. Needs FlitWidth >= 64 and a multiple of 32.
#pragma once

#include <cstdint>
#include <vector>

#include "noc_flit.hpp"

namespace nd::traffic {

using noc::Flit;
using noc::FlitType;
using noc::Header;
using noc::MeshShape;
using noc::VcPolicy;

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

// Flit `idx` of packet `p` (0 = head) on virtual channel `vc` of mesh `s`.
Flit make_flit(const Packet& p, int idx, const MeshShape& s, unsigned vc);

}  // namespace nd::traffic
