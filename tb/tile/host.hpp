// Host driver of the tile: reaches node SRAM and node registers only through the mesh, with the packets of
// docs/node.md, through the host ports on the west edge (the port of the target node's row).
//
// Requests are queued per host port and injected one flit per cycle when the port has a credit for the
// request VC; responses are consumed as they arrive (the host always sinks). Every WRITE is acknowledged;
// write() returns at once, drain() waits for the acknowledgements. read() runs the clock until the data is
// back. A response with the error bit, a response nobody asked for, or a wait that outlives its cycle limit
// throws nd::SimError naming the packet.
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <optional>
#include <vector>

#include "packet.hpp"
#include "tile_if.hpp"

namespace nd::tile {

class Host {
 public:
  explicit Host(TileIf& tile);

  TileIf& tile() { return tile_; }
  // Called once per cycle after the clock edge (console, retire counting, ...).
  std::function<void()> on_cycle;
  // Called for every WRITE_ACK with the acknowledged node and address (background traffic latency).
  std::function<void(int node, uint32_t addr)> on_write_ack;

  // Queues WRITE packets of `bytes` (a multiple of 4, addr 4-byte aligned) to node-local address `addr`.
  void write(int node, uint32_t addr, const std::vector<uint8_t>& bytes);
  void write32(int node, uint32_t addr, uint32_t value);
  // Reads `len` bytes (multiple of 4) from node-local address `addr`; runs the clock until they are back.
  std::vector<uint8_t> read(int node, uint32_t addr, uint32_t len, uint64_t max_cycles = 100000);
  uint32_t read32(int node, uint32_t addr, uint64_t max_cycles = 100000);
  // Starts a read of one word without waiting; poll() returns its value once it has arrived.
  uint32_t read32_async(int node, uint32_t addr);
  std::optional<uint32_t> poll(uint32_t ticket);
  // Runs the clock until every queued request is sent and answered.
  void drain(uint64_t max_cycles = 1000000);
  // One cycle: inject, tick, consume, on_cycle.
  void step();

  uint64_t packets_sent() const { return sent_; }
  uint64_t bytes_written() const { return bytes_written_; }
  // Flits queued at the host port of `row`, not yet injected.
  std::size_t queued(int row) const { return tx_[static_cast<std::size_t>(row)].size(); }

 private:
  struct Pending {
    uint32_t len = 0;
    bool done = false;
    std::vector<uint8_t> data;
  };
  struct Rx {  // reassembly of one packet per (row, VC)
    bool open = false;
    std::vector<noc::Flit> flits;
  };

  node::Head request_head(int node, node::Op op, uint32_t addr, uint32_t len) const;
  void queue(int node, const node::Packet& p);
  uint32_t start_read(int node, uint32_t addr, uint32_t len);
  void receive(int row, const noc::Flit& f);
  void complete(const node::Packet& p);

  TileIf& tile_;
  TileShape shape_;
  std::vector<std::deque<noc::Flit>> tx_;  // per row
  std::vector<std::vector<int>> credits_;  // per row, per VC
  std::vector<std::vector<Rx>> rx_;        // per row, per VC
  std::map<uint32_t, Pending> reads_;      // by tag
  uint32_t next_tag_ = 1;
  uint64_t acks_owed_ = 0;
  uint64_t sent_ = 0;
  uint64_t bytes_written_ = 0;
};

}  // namespace nd::tile
