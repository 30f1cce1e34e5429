// Packet codec of the node (packet.hpp).
#include "packet.hpp"

#include <sstream>
#include <stdexcept>

namespace nd::node {

const char* op_name(Op op) {
  switch (op) {
    case Op::Write:
      return "WRITE";
    case Op::Read:
      return "READ";
    case Op::FlagAdd:
      return "FLAG_ADD";
    case Op::WriteAck:
      return "WRITE_ACK";
    case Op::ReadData:
      return "READ_DATA";
  }
  return "unknown";
}

bool Head::operator==(const Head& o) const {
  return noc::encode_header(route) == noc::encode_header(o.route) && op == o.op && err == o.err &&
         len == o.len && addr == o.addr && aux == o.aux;
}

FlitWords encode_head(const Head& h) {
  FlitWords w{};
  w[0] = noc::encode_header(h.route);
  w[1] = (static_cast<uint32_t>(h.op) & 0xFu) << (kPktOpLsb - 32) | (h.err ? 1u : 0u) << (kPktErrBit - 32) |
         static_cast<uint32_t>(h.len) << (kPktLenLsb - 32);
  w[2] = h.addr;
  w[3] = h.aux;
  return w;
}

Head decode_head(const FlitWords& w) {
  Head h;
  h.route = noc::decode_header(w[0]);
  h.op = static_cast<Op>((w[1] >> (kPktOpLsb - 32)) & 0xFu);
  h.err = ((w[1] >> (kPktErrBit - 32)) & 1u) != 0;
  h.len = static_cast<uint16_t>(w[1] >> (kPktLenLsb - 32));
  h.addr = w[2];
  h.aux = w[3];
  return h;
}

Head decode_head(const std::vector<uint32_t>& w) {
  if (w.size() != 4) throw std::invalid_argument("node head flit: expected 4 data words");
  return decode_head(FlitWords{w[0], w[1], w[2], w[3]});
}

std::vector<noc::Flit> encode_packet(const Packet& p, unsigned vc) {
  std::vector<noc::Flit> flits;
  const FlitWords hw = encode_head(p.head);
  const bool data = has_data(p.head.op);
  flits.push_back({noc::flit_type(true, !data), vc, {hw.begin(), hw.end()}});
  if (!data) return flits;
  if (p.data.size() != p.head.len)
    throw std::invalid_argument("node packet: data size differs from the length");
  const uint32_t base = p.head.addr & ~uint32_t(kFlitBytes - 1);
  const int n = data_flits(p.head.addr, p.head.len);
  for (int j = 0; j < n; ++j) {
    noc::Flit f{noc::flit_type(false, j == n - 1), vc, std::vector<uint32_t>(4, 0)};
    for (int b = 0; b < kFlitBytes; ++b) {
      const uint32_t a = base + static_cast<uint32_t>(j * kFlitBytes + b);
      if (a >= p.head.addr && a < p.head.addr + p.head.len)
        f.data[b / 4] |= static_cast<uint32_t>(p.data[a - p.head.addr]) << (8 * (b % 4));
    }
    flits.push_back(std::move(f));
  }
  return flits;
}

Packet decode_packet(const std::vector<noc::Flit>& flits) {
  if (flits.empty() || !noc::is_head(flits.front().type))
    throw std::invalid_argument("node packet: does not start with a head flit");
  Packet p;
  p.head = decode_head(flits.front().data);
  const bool data = has_data(p.head.op) && !(p.head.op == Op::ReadData && p.head.err);
  const size_t want = data ? 1 + static_cast<size_t>(data_flits(p.head.addr, p.head.len)) : 1;
  if (flits.size() != want)
    throw std::invalid_argument("node packet: " + std::to_string(flits.size()) + " flits, expected " +
                                std::to_string(want) + " for " + to_string(p.head));
  for (size_t i = 0; i < flits.size(); ++i) {
    const bool head = i == 0, tail = i + 1 == flits.size();
    if (flits[i].type != noc::flit_type(head, tail))
      throw std::invalid_argument("node packet: flit " + std::to_string(i) + " has the wrong type");
  }
  if (!data) return p;
  const uint32_t base = p.head.addr & ~uint32_t(kFlitBytes - 1);
  p.data.resize(p.head.len);
  for (uint32_t i = 0; i < p.head.len; ++i) {
    const uint32_t off = p.head.addr + i - base;
    const auto& f = flits[1 + off / kFlitBytes];
    p.data[i] = static_cast<uint8_t>(f.data[(off % kFlitBytes) / 4] >> (8 * (off % 4)));
  }
  return p;
}

std::array<uint32_t, 3> dma_command(unsigned funct3, unsigned funct7, uint32_t rs1, uint32_t rs2) {
  return {rs2, rs1, (funct3 & 7u) | (funct7 & 0x7Fu) << 3};
}

std::string to_string(const Head& h) {
  std::ostringstream s;
  s << op_name(h.op) << " (" << h.route.src_x << "," << h.route.src_y << ")->(" << h.route.dst_x << ","
    << h.route.dst_y << ") class " << h.route.msg_class << " len " << h.len << " addr 0x" << std::hex
    << h.addr << " aux 0x" << h.aux << (h.err ? " err" : "");
  return s.str();
}

}  // namespace nd::node
