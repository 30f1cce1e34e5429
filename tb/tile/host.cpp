#include "host.hpp"

#include <algorithm>
#include <stdexcept>

#include "errors.hpp"
#include "hex.hpp"

namespace nd::tile {

using node::Head;
using node::Op;

Host::Host(TileIf& tile) : tile_(tile), shape_(tile.shape()) {
  tx_.resize(shape_.rows);
  credits_.assign(shape_.rows, std::vector<int>(shape_.num_vcs, shape_.buf_depth));
  rx_.assign(shape_.rows, std::vector<Rx>(shape_.num_vcs));
}

Head Host::request_head(int node, Op op, uint32_t addr, uint32_t len) const {
  if (node < 0 || node >= shape_.nodes())
    throw std::logic_error("host: node " + std::to_string(node) + " outside the tile");
  Head h;
  h.route.dst_x = node % shape_.cols;
  h.route.dst_y = node / shape_.cols;
  h.route.src_x = 0;
  h.route.src_y = h.route.dst_y;  // requests leave from the host port of the target's row
  h.route.src_host = true;
  h.route.msg_class = static_cast<int>(noc::MsgClass::Request);
  h.op = op;
  h.addr = addr;
  h.len = len;
  return h;
}

void Host::queue(int node, const node::Packet& p) {
  const int row = node / shape_.cols;
  for (auto& f : node::encode_packet(p, noc::first_vc_of_class(0, shape_.num_vcs))) tx_[row].push_back(f);
  ++sent_;
}

void Host::write(int node, uint32_t addr, const std::vector<uint8_t>& bytes) {
  if (addr % 4 != 0 || bytes.size() % 4 != 0)
    throw std::logic_error("host write: address and length must be multiples of 4");
  for (std::size_t off = 0; off < bytes.size(); off += shape_.max_packet_bytes) {
    const std::size_t n = std::min<std::size_t>(shape_.max_packet_bytes, bytes.size() - off);
    node::Packet p;
    p.head = request_head(node, Op::Write, addr + static_cast<uint32_t>(off), static_cast<uint32_t>(n));
    p.data.assign(bytes.begin() + static_cast<std::ptrdiff_t>(off),
                  bytes.begin() + static_cast<std::ptrdiff_t>(off + n));
    queue(node, p);
    ++acks_owed_;
    bytes_written_ += n;
  }
}

void Host::write32(int node, uint32_t addr, uint32_t value) {
  write(node, addr,
        {static_cast<uint8_t>(value), static_cast<uint8_t>(value >> 8), static_cast<uint8_t>(value >> 16),
         static_cast<uint8_t>(value >> 24)});
}

uint32_t Host::start_read(int node, uint32_t addr, uint32_t len) {
  const uint32_t tag = next_tag_++;
  reads_[tag].len = len;
  node::Packet p;
  p.head = request_head(node, Op::Read, addr, len);
  p.head.aux = tag << 4;  // the host's "destination address": a 16-byte-aligned tag
  queue(node, p);
  return tag;
}

std::vector<uint8_t> Host::read(int node, uint32_t addr, uint32_t len, uint64_t max_cycles) {
  if (addr % 4 != 0 || len % 4 != 0 || len == 0)
    throw std::logic_error("host read: address and length must be non-zero multiples of 4");
  std::vector<uint32_t> tags;
  for (uint32_t off = 0; off < len; off += shape_.max_packet_bytes)
    tags.push_back(start_read(node, addr + off, std::min(shape_.max_packet_bytes, len - off)));
  std::vector<uint8_t> out;
  for (const uint32_t t : tags) {
    for (uint64_t c = 0; !reads_.at(t).done; ++c) {
      if (c >= max_cycles)
        throw SimError(tile_.cycle(), "host read of node " + std::to_string(node) + " at " + hex(addr) +
                                          ": no response within " + std::to_string(max_cycles) + " cycles");
      step();
    }
    auto& d = reads_.at(t).data;
    out.insert(out.end(), d.begin(), d.end());
    reads_.erase(t);
  }
  return out;
}

uint32_t Host::read32(int node, uint32_t addr, uint64_t max_cycles) {
  const auto b = read(node, addr, 4, max_cycles);
  return b[0] | b[1] << 8 | b[2] << 16 | static_cast<uint32_t>(b[3]) << 24;
}

uint32_t Host::read32_async(int node, uint32_t addr) { return start_read(node, addr, 4); }

std::optional<uint32_t> Host::poll(uint32_t ticket) {
  auto it = reads_.find(ticket);
  if (it == reads_.end()) throw std::logic_error("host poll: unknown ticket");
  if (!it->second.done) return std::nullopt;
  const auto& b = it->second.data;
  const uint32_t v = b[0] | b[1] << 8 | b[2] << 16 | static_cast<uint32_t>(b[3]) << 24;
  reads_.erase(it);
  return v;
}

void Host::drain(uint64_t max_cycles) {
  auto busy = [&] {
    if (acks_owed_ != 0) return true;
    for (const auto& q : tx_)
      if (!q.empty()) return true;
    for (const auto& [tag, r] : reads_)
      if (!r.done) return true;
    return false;
  };
  for (uint64_t c = 0; busy(); ++c) {
    if (c >= max_cycles)
      throw SimError(tile_.cycle(), "host: requests still unanswered after " + std::to_string(max_cycles) +
                                        " cycles (" + std::to_string(acks_owed_) + " writes unacknowledged)");
    step();
  }
}

void Host::step() {
  for (int row = 0; row < shape_.rows; ++row) {
    auto& q = tx_[row];
    if (!q.empty() && credits_[row][q.front().vc] > 0) {
      --credits_[row][q.front().vc];
      tile_.host_inject(row, q.front());
      q.pop_front();
    }
  }
  tile_.tick();
  for (int row = 0; row < shape_.rows; ++row) {
    for (int v = 0; v < shape_.num_vcs; ++v)
      if (tile_.host_credit(row, v)) ++credits_[row][v];
    if (auto f = tile_.host_out(row)) {
      tile_.host_return_credit(row, static_cast<int>(f->vc));
      receive(row, *f);
    }
  }
  if (on_cycle) on_cycle();
}

void Host::receive(int row, const noc::Flit& f) {
  Rx& rx = rx_[row][f.vc];
  if (noc::is_head(f.type)) {
    if (rx.open)
      throw SimError(tile_.cycle(), "host row " + std::to_string(row) + ": head flit inside an open packet");
    rx.open = true;
    rx.flits.clear();
  } else if (!rx.open) {
    throw SimError(tile_.cycle(), "host row " + std::to_string(row) + ": data flit without a head");
  }
  rx.flits.push_back(f);
  if (noc::is_tail(f.type)) {
    rx.open = false;
    node::Packet p;
    try {
      p = node::decode_packet(rx.flits);
    } catch (const std::invalid_argument& e) {
      throw SimError(tile_.cycle(), "host row " + std::to_string(row) + ": malformed packet: " + e.what());
    }
    complete(p);
  }
}

void Host::complete(const node::Packet& p) {
  const Head& h = p.head;
  if (!h.route.dst_host)
    throw SimError(tile_.cycle(), "host received a packet not addressed to the host: " + node::to_string(h));
  if (h.err)
    throw SimError(tile_.cycle(), "host request refused by the node (error bit): " + node::to_string(h));
  if (h.op == Op::WriteAck) {
    if (acks_owed_ == 0)
      throw SimError(tile_.cycle(),
                     "host received an acknowledgement it did not ask for: " + node::to_string(h));
    --acks_owed_;
    if (on_write_ack) on_write_ack(h.route.src_y * shape_.cols + h.route.src_x, h.addr);
    return;
  }
  if (h.op != Op::ReadData)
    throw SimError(tile_.cycle(), "host received a request packet: " + node::to_string(h));
  auto it = reads_.find(h.addr >> 4);
  if (h.addr % 16 != 0 || it == reads_.end() || it->second.done || it->second.len != h.len)
    throw SimError(tile_.cycle(), "host received read data nobody asked for: " + node::to_string(h));
  it->second.data = p.data;
  it->second.done = true;
}

}  // namespace nd::tile
