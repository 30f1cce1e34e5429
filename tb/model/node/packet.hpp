// The node's packet format in C++ (docs/node.md "Packet format", rtl/node/nd_node_pkg.sv): head flits,
// whole packets as flits, global addresses, DMA command words and the node register map. Plain C++17, no
// Verilator headers; tb/node/node_xfer.test.cpp checks the constants and enum values against the
// Verilated nd_node_pkg at compile time.
//
// A head flit is 128 bits (four 32-bit words, word 0 = bits [31:0]):
//   [31:0] route header (nd::noc::Header)  [35:32] op  [36] error  [63:48] length
//   [95:64] address  [127:96] aux
// Data flit j of a WRITE or READ_DATA packet carries the destination's 16-byte block address / 16 + j in
// its natural byte lanes (byte b in bits [8b+7:8b]).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "noc_flit.hpp"

namespace nd::node {

// nd_node_pkg constants.
constexpr int kFlitBits = 128;     // NODE_FLIT_W
constexpr int kFlitBytes = 16;     // FLIT_BYTES
constexpr int kPktOpLsb = 32;      // PKT_OP_LSB
constexpr int kPktErrBit = 36;     // PKT_ERR_BIT
constexpr int kPktLenLsb = 48;     // PKT_LEN_LSB
constexpr int kPktAddrLsb = 64;    // PKT_ADDR_LSB
constexpr int kPktAuxLsb = 96;     // PKT_AUX_LSB
constexpr int kGaddrOffsetW = 24;  // GADDR_OFFSET_W

// nd_node_pkg::pkt_op_e.
enum class Op : uint8_t { Write = 0, Read = 1, FlagAdd = 2, WriteAck = 8, ReadData = 9 };
const char* op_name(Op op);
constexpr bool is_request(Op op) { return static_cast<unsigned>(op) < 8; }
// WRITE and READ_DATA packets carry data flits.
constexpr bool has_data(Op op) { return op == Op::Write || op == Op::ReadData; }

struct Head {
  noc::Header route;
  Op op = Op::Write;
  bool err = false;
  uint16_t len = 0;   // bytes
  uint32_t addr = 0;  // node-local address at the receiver
  uint32_t aux = 0;   // READ: requester's destination; FLAG_ADD: increment
  bool operator==(const Head& o) const;
};

using FlitWords = std::array<uint32_t, 4>;
FlitWords encode_head(const Head& h);
Head decode_head(const FlitWords& w);
Head decode_head(const std::vector<uint32_t>& w);  // a noc::Flit's data (4 words)

// Number of data flits for `len` bytes at `addr`: ceil((addr % 16 + len) / 16).
constexpr int data_flits(uint32_t addr, uint32_t len) {
  return static_cast<int>((addr % kFlitBytes + len + kFlitBytes - 1) / kFlitBytes);
}

// A whole packet: the head and, for WRITE / READ_DATA, head.len data bytes (for address head.addr).
struct Packet {
  Head head;
  std::vector<uint8_t> data;
};

// Flits of a packet on VC `vc` (head, data flits, tail). Unused byte lanes are 0.
std::vector<noc::Flit> encode_packet(const Packet& p, unsigned vc);
// The packet of a sequence of flits; throws std::invalid_argument when they do not form one packet of the
// format (types, flit count for the length).
Packet decode_packet(const std::vector<noc::Flit>& flits);

// Global address of byte `offset` of node (x, y) for DMA commands: {y[3:0], x[3:0], offset[23:0]}.
constexpr uint32_t global_addr(int x, int y, uint32_t offset) {
  return (static_cast<uint32_t>(y) << 28) | (static_cast<uint32_t>(x) << 24) | (offset & 0xFFFFFFu);
}

// DMA commands (nd_node_pkg::dma_cmd_e) and error codes (dma_err_e).
enum class DmaCmd : uint8_t { Shape = 0, Stride = 1, Write = 2, Read = 3, Flag = 4, Clear = 5 };
enum class DmaErr : uint8_t {
  None = 0,
  Command = 1,
  Shape = 2,
  Misaligned = 3,
  LocalRange = 4,
  Node = 5,
  RemoteRange = 6,
  Remote = 7
};
// core_cmd_t as three 32-bit words (word 0 = bits [31:0]): {funct7[73:67], funct3[66:64], rs1, rs2}.
std::array<uint32_t, 3> dma_command(unsigned funct3, unsigned funct7, uint32_t rs1, uint32_t rs2);
inline std::array<uint32_t, 3> dma_command(DmaCmd c, uint32_t rs1, uint32_t rs2) {
  return dma_command(static_cast<unsigned>(c), 0, rs1, rs2);
}

// Node-local register window and offsets (docs/node.md "Memory map").
constexpr uint32_t kRegBase = 0x40000000u;
namespace reg {
constexpr uint32_t kConsole = 0x000, kNodeId = 0x004, kCycleLo = 0x008, kCycleHi = 0x00C, kTile = 0x010;
constexpr uint32_t kCtrl = 0x020, kCoreStatus = 0x024, kTrapCause = 0x028, kTrapPc = 0x02C;
constexpr uint32_t kInstretLo = 0x030, kInstretHi = 0x034, kRunCyclesLo = 0x038, kRunCyclesHi = 0x03C;
constexpr uint32_t kExit = 0x040;
constexpr uint32_t kDmaStatus = 0x100, kDmaDone = 0x104, kDmaBytesOut = 0x108, kDmaBytesIn = 0x10C;
constexpr uint32_t kDmaStall = 0x110, kNiStatus = 0x140, kNiReqs = 0x144;
}  // namespace reg

std::string to_string(const Head& h);

}  // namespace nd::node
