// Standalone MXU testbench: a Verilated nd_mxu (any KLanes) with a C++ SRAM behind its read and write
// channels and a command feed in front of its queue (docs/mxu.md "SRAM port").
//
// SRAM model: reads are granted with probability rd_grant_pct, answered in order after a latency drawn from
// [lat_min, lat_max] cycles (never two in one cycle; data read at the grant); writes are granted with
// probability wr_grant_pct and performed at the grant. Randomness comes from the seed, so a failure
// reproduces with --seed. Every wait is bounded (nd::SimError when the limit runs out).
#pragma once

#include <cstdint>
#include <deque>
#include <random>
#include <string>
#include <vector>

#include "dut.hpp"
#include "mxu_ref.hpp"

namespace nd::mxu {

struct MemCfg {
  int lat_min = 1;
  int lat_max = 1;
  int rd_grant_pct = 100;
  int wr_grant_pct = 100;
};

struct Status {
  uint32_t w[8] = {};
  int flags() const { return static_cast<int>(w[0] & 0x3Fu); }
  bool error() const { return (w[0] >> 8) & 1u; }
  int code() const { return static_cast<int>((w[0] >> 9) & 7u); }
  int err_f3() const { return static_cast<int>((w[0] >> 12) & 7u); }
  int err_f7() const { return static_cast<int>((w[0] >> 15) & 0x7Fu); }
};

template <class V>
class MxuBench {
 public:
  MxuBench(uint32_t mem_bytes, uint64_t seed, MemCfg mem_cfg = {}, const WaveOptions& waves = default_waves())
      : mem(mem_bytes, 0), cfg(mem_cfg), rng_(seed), dut_(waves, seed) {
    idle_inputs();
    dut_.reset(2);
  }

  std::vector<uint8_t> mem;
  MemCfg cfg;

  Dut<V>& dut() { return dut_; }
  V* operator->() { return dut_.operator->(); }

  void push(const Cmd& c) { feed_.push_back(c); }
  size_t feed_size() const { return feed_.size(); }

  // One clock: drive the channels and the feed, sample the handshakes, tick.
  void step() {
    V& t = dut_.top();
    const uint64_t now = dut_.cycle();
    t.rd_gnt_i = chance(cfg.rd_grant_pct);
    t.wr_gnt_i = chance(cfg.wr_grant_pct);
    t.rd_rsp_valid_i = 0;
    if (!due_.empty() && due_.front().at <= now) {
      t.rd_rsp_valid_i = 1;
      for (int w = 0; w < 32; ++w) t.rd_rsp_data_i[w] = due_.front().words[w];
    } else {
      for (int w = 0; w < 32; ++w) t.rd_rsp_data_i[w] = static_cast<uint32_t>(rng_());  // garbage
    }
    t.cmd_valid_i = !feed_.empty() && !hold_feed;
    if (!feed_.empty()) drive_cmd(feed_.front());
    dut_.eval();
    if (t.rd_rsp_valid_i) due_.pop_front();
    if (t.rd_req_o && t.rd_gnt_i) grant_read(t.rd_addr_o, now);
    if (t.wr_req_o && t.wr_gnt_i) grant_write();
    if (t.cmd_valid_i && t.cmd_ready_o) feed_.pop_front();
    if (t.cnt_mac_o != last_mac_) {
      if (first_mac_cycle == 0) first_mac_cycle = now;
      last_mac_cycle = now;
      last_mac_ = t.cnt_mac_o;
    }
    dut_.tick();
  }

  // Runs until the feed is empty and the unit idle (busy_o low two cycles in a row).
  uint64_t run_until_idle(uint64_t limit) {
    const uint64_t start = dut_.cycle();
    int quiet = 0;
    while (quiet < 2) {
      if (dut_.cycle() - start > limit)
        throw SimError(dut_.cycle(), "MXU not idle after " + std::to_string(limit) + " cycles");
      step();
      quiet = (feed_.empty() && !dut_->busy_o) ? quiet + 1 : 0;
    }
    return dut_.cycle() - start;
  }

  // Reset of the unit and the memory's pending responses (the feed is kept unless cleared).
  void reset(bool clear_feed = true) {
    due_.clear();
    if (clear_feed) feed_.clear();
    idle_inputs();
    dut_.reset(2);
    last_mac_ = 0;
    first_mac_cycle = last_mac_cycle = 0;
  }

  Status read_status(uint32_t addr) const {
    Status s;
    for (int i = 0; i < 8; ++i) s.w[i] = word(addr + 4 * i);
    return s;
  }
  uint32_t word(uint32_t addr) const {
    return mem.at(addr) | mem.at(addr + 1) << 8 | mem.at(addr + 2) << 16 |
           static_cast<uint32_t>(mem.at(addr + 3)) << 24;
  }
  void put_word(uint32_t addr, uint32_t v) {
    for (int b = 0; b < 4; ++b) mem.at(addr + b) = static_cast<uint8_t>(v >> (8 * b));
  }

  bool hold_feed = false;        // keep cmd_valid_i low (queue-full tests)
  uint64_t first_mac_cycle = 0;  // cycle (Dut) of the first and last change of the MAC-active counter
  uint64_t last_mac_cycle = 0;
  uint64_t reads = 0, writes = 0;

 private:
  struct Rsp {
    uint64_t at;
    uint32_t words[32];
  };

  bool chance(int pct) { return pct >= 100 || static_cast<int>(rng_() % 100) < pct; }

  void idle_inputs() {
    V& t = dut_.top();
    t.cmd_valid_i = 0;
    t.rd_gnt_i = 0;
    t.rd_rsp_valid_i = 0;
    t.wr_gnt_i = 0;
  }

  void drive_cmd(const Cmd& c) {
    V& t = dut_.top();
    t.cmd_i[0] = c.rs2;
    t.cmd_i[1] = c.rs1;
    t.cmd_i[2] = (c.f3 & 7u) | static_cast<uint32_t>(c.f7 & 0x7Fu) << 3;
  }

  void grant_read(uint32_t addr, uint64_t now) {
    if (addr % 128 != 0 || addr + 128 > mem.size())
      throw SimError(dut_.cycle(), "MXU read outside the memory or misaligned: " + std::to_string(addr));
    Rsp r;
    const int lat =
        cfg.lat_min + static_cast<int>(rng_() % static_cast<uint64_t>(cfg.lat_max - cfg.lat_min + 1));
    r.at = now + static_cast<uint64_t>(lat);
    if (!due_.empty() && r.at <= due_.back().at) r.at = due_.back().at + 1;
    for (int w = 0; w < 32; ++w) r.words[w] = word(addr + 4 * w);
    due_.push_back(r);
    ++reads;
  }

  void grant_write() {
    V& t = dut_.top();
    const uint32_t addr = t.wr_addr_o;
    if (addr % 32 != 0 || addr + 32 > mem.size())
      throw SimError(dut_.cycle(), "MXU write outside the memory or misaligned: " + std::to_string(addr));
    for (int b = 0; b < 32; ++b) {
      if (t.wr_be_o >> b & 1u) mem[addr + b] = static_cast<uint8_t>(t.wr_data_o[b / 4] >> (8 * (b % 4)));
    }
    ++writes;
  }

  std::mt19937_64 rng_;
  Dut<V> dut_;
  std::deque<Cmd> feed_;
  std::deque<Rsp> due_;
  uint32_t last_mac_ = 0;
};

}  // namespace nd::mxu
