// The mesh's packet format in C++: the one flit type, route header, mesh shape and flit-type enum of
// the testbench, the traffic model and (later) the node's network interface. Mirrors rtl/noc/nd_noc_pkg.sv;
// tb/noc/mesh_if.cpp checks every constant and enum value here against the Verilated package at compile
// time, so the two cannot drift apart. Plain C++17, no Verilator headers.
//
// A flit is a 2-bit type (bit 0 = head, bit 1 = tail) and a flit_width-bit data word, held as 32-bit words
// (word 0 = data bits [31:0]). The low 32 bits of a head flit are the route header:
//   [3:0] dst_x  [7:4] dst_y  [11:8] src_x  [15:12] src_y  [16] message class
//   [17] dst_host (to the host port west of router (0, dst_y))  [18] src_host  [31:19] reserved (0)
// x = column (0 = west), y = row (0 = north), node n = y * cols + x.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace nd::noc {

// nd_noc_pkg constants.
constexpr int kNumPorts = 5;                // NUM_PORTS
constexpr int kPortW = 3;                   // PORT_W
constexpr int kCoordW = 4;                  // COORD_W
constexpr int kHdrDstXLsb = 0;              // HDR_DST_X_LSB
constexpr int kHdrDstYLsb = 4;              // HDR_DST_Y_LSB
constexpr int kHdrSrcXLsb = 8;              // HDR_SRC_X_LSB
constexpr int kHdrSrcYLsb = 12;             // HDR_SRC_Y_LSB
constexpr int kHdrClassBit = 16;            // HDR_CLASS_BIT
constexpr int kHdrDstHostBit = 17;          // HDR_DST_HOST_BIT
constexpr int kHdrSrcHostBit = 18;          // HDR_SRC_HOST_BIT
constexpr int kHdrW = 32;                   // HDR_W
constexpr int kNumClasses = 2;              // NUM_CLASSES: request, response
constexpr int kMaxMeshSide = 1 << kCoordW;  // rows and cols the header coordinates can address

// nd_noc_pkg::flit_type_e.
enum class FlitType : uint8_t { Body = 0, Head = 1, Tail = 2, HeadTail = 3 };

constexpr bool is_head(FlitType t) { return (static_cast<unsigned>(t) & 1u) != 0; }
constexpr bool is_tail(FlitType t) { return (static_cast<unsigned>(t) & 2u) != 0; }
constexpr FlitType flit_type(bool head, bool tail) {
  return static_cast<FlitType>((head ? 1u : 0u) | (tail ? 2u : 0u));
}
const char* flit_type_name(FlitType t);  // "body", "head", "tail", "head+tail"

// nd_noc_pkg::msg_class_e.
enum class MsgClass : uint8_t { Request = 0, Response = 1 };

// VC policies (nd_noc_pkg VC_SEPARATE, VC_BORROW, VC_SHARED; nd_noc_router VcPolicy): which VCs a packet of
// a message class may take. Separate: only its class's own VCs. Borrow: requests their own, responses any.
// Shared: any (BookSim's synthetic traffic; request/response traffic can deadlock, router study only).
enum class VcPolicy : uint8_t { Separate = 0, Borrow = 1, Shared = 2 };

struct Flit {
  FlitType type = FlitType::Body;
  unsigned vc = 0;
  std::vector<uint32_t> data;  // flit_width / 32 words, word 0 = bits [31:0]
  bool operator==(const Flit& o) const { return type == o.type && vc == o.vc && data == o.data; }
};

struct Header {
  int dst_x = 0, dst_y = 0, src_x = 0, src_y = 0;
  int msg_class = 0;      // 0 = request, 1 = response
  uint32_t reserved = 0;  // bits [31:19]; 0 in every packet the testbench sends
  bool dst_host = false;  // deliver to the host port west of router (0, dst_y)
  bool src_host = false;  // sent by the host (from the west of router (0, src_y))
};

uint32_t encode_header(const Header& h);
Header decode_header(uint32_t word0);

// The parameters of one nd_noc_mesh (rows, cols) built of nd_noc_router (num_vcs, buf_depth, flit_width).
struct MeshShape {
  int rows = 4, cols = 4, num_vcs = 4, buf_depth = 6, flit_width = 128;  // nd_noc_router's defaults
  int alloc_iters = 2;  // the router's allocator iterations per cycle (nd_noc_router AllocIters)
  VcPolicy vc_policy = VcPolicy::Separate;  // nd_noc_router VcPolicy
  int in_speedup = 2;  // crossbar inputs per router input port (nd_noc_router InSpeedup; 1 with 2 VCs)
  int nodes() const { return rows * cols; }
  bool operator==(const MeshShape& o) const {
    return rows == o.rows && cols == o.cols && num_vcs == o.num_vcs && buf_depth == o.buf_depth &&
           flit_width == o.flit_width && alloc_iters == o.alloc_iters && vc_policy == o.vc_policy &&
           in_speedup == o.in_speedup;
  }
};
// "4x4, 2 VCs x 4 flits x 128 bits"; ", 3 allocator iterations" is added when alloc_iters is not 2, and
// ", responses borrow request VCs" / ", shared VCs" for the policies other than Separate, and
// ", input speedup 1" when in_speedup is not 2.
std::string to_string(const MeshShape& s);

// The policy's name in configs and reports ("separate", "borrow", "shared"), and back (false if unknown).
const char* vc_policy_name(VcPolicy p);
bool parse_vc_policy(const std::string& name, VcPolicy& p);

// Message class c owns VCs [c * num_vcs / 2, (c + 1) * num_vcs / 2) (num_vcs = 2 or 4).
inline int vcs_per_class(int num_vcs) { return num_vcs / kNumClasses; }
inline int first_vc_of_class(int msg_class, int num_vcs) { return msg_class * vcs_per_class(num_vcs); }
inline int class_of_vc(int vc, int num_vcs) { return vc / vcs_per_class(num_vcs); }
// Whether a packet of msg_class may take VC vc under the policy (nd_noc_pkg::vc_allowed).
inline bool vc_allowed(VcPolicy p, int num_vcs, int msg_class, int vc) {
  if (p == VcPolicy::Shared || (p == VcPolicy::Borrow && msg_class == int(MsgClass::Response))) return true;
  return class_of_vc(vc, num_vcs) == msg_class;
}

// Node index and coordinates: n = y * cols + x.
inline int node_index(const MeshShape& s, int x, int y) { return y * s.cols + x; }
inline int node_x(const MeshShape& s, int n) { return n % s.cols; }
inline int node_y(const MeshShape& s, int n) { return n / s.cols; }

// Router-to-router links crossed under XY routing.
inline int xy_hops(const MeshShape& s, int src, int dst) {
  const int dx = node_x(s, src) - node_x(s, dst), dy = node_y(s, src) - node_y(s, dst);
  return (dx < 0 ? -dx : dx) + (dy < 0 ? -dy : dy);
}

// The route header of a packet from node src to node dst.
inline Header route_header(const MeshShape& s, int src, int dst, int msg_class) {
  return {node_x(s, dst), node_y(s, dst), node_x(s, src), node_y(s, src), msg_class, 0};
}

// Zero-load latency (docs/noc.md): cycles from driving a packet's head into the local input port until its
// tail leaves the destination's local output port: 2 cycles per router passed (H + 1 routers for H hops)
// plus one per extra flit.
constexpr int zero_load_latency(int hops, int flits) { return 2 * (hops + 1) + (flits - 1); }

}  // namespace nd::noc
