// XferBench<V>: the two-node test top (nd_node_xfer_check.sv) with C++ SRAM and register models behind
// every port. Grants are withheld at random (probability stall[n] per cycle and port, from the test seed);
// a granted read's data is driven in the next cycle, random data otherwise; writes are performed at the
// grant. Node A = 0 at (0, 0), node B = 1 at (1, 0).
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "dut.hpp"
#include "packet.hpp"
#include "vl_bits.hpp"

namespace nd::node {

template <class V>
class XferBench {
 public:
  static constexpr int kNodes = 2;
  static constexpr uint32_t kSram = 65536;   // SramBytes of the model
  static constexpr uint32_t kSramB = 32768;  // SramBytesB: what node B's NI serves

  explicit XferBench(double stall = 0.3, uint64_t seed = nd::test_seed()) : rng_(seed) {
    stall_.fill(stall);
    for (auto& m : mem) {
      m.resize(kSram);
      for (auto& b : m) b = static_cast<uint8_t>(rng_());
    }
    for (auto& r : regs) r.fill(0);
    reset();
  }

  nd::Dut<V> dut;
  std::array<std::vector<uint8_t>, kNodes> mem;
  std::array<std::array<uint32_t, 1024>, kNodes> regs;
  std::array<uint64_t, kNodes> acks{};  // WRITE_ACKs seen at each node
  // Called for every 16-byte block an NI SRAM write enables bytes of (node, block address, its byte enables)
  // before the write is performed.
  std::function<void(int, uint32_t, uint32_t)> on_ni_write;

  void set_stall(int n, double p) { stall_[n] = p; }

  void reset() {
    dut->dma_rst_ni = 3;
    dut->cmd_valid_i = 0;
    dut->dmem_gnt_i = 0;
    dut->nmem_gnt_i = 0;
    dut->reg_gnt_i = 0;
    dut.reset(3);
  }

  uint32_t out(int n, uint32_t lsb, uint32_t w) const;

  // One clock with the memory models.
  void cycle() {
    auto& t = dut.top();
    t.eval();
    struct Op {
      int kind;  // 0 dma read, 1 ni read, 2 ni write, 3 reg read, 4 reg write
      int n;
      uint32_t addr;
      std::array<uint32_t, 32> data;  // NI write: the line (reg write: data[0])
      std::array<uint16_t, 8> be;     // NI write: byte enables per 16-byte block of the line
    };
    std::vector<Op> ops;
    for (int n = 0; n < kNodes; ++n) {
      const bool dreq = bits::get(t.dmem_req_o, n, 1), nreq = bits::get(t.nmem_req_o, n, 1),
                 rreq = bits::get(t.reg_req_o, n, 1);
      const bool dg = dreq && grant(n), ng = nreq && grant(n), rg = rreq && grant(n);
      bits::put(t.dmem_gnt_i, n, 1, dg);
      bits::put(t.nmem_gnt_i, n, 1, ng);
      bits::put(t.reg_gnt_i, n, 1, rg);
      if (dg) ops.push_back({0, n, bits::get(t.dmem_addr_o, n * 32, 32), {}, {}});
      if (ng) {
        Op o{bits::get(t.nmem_we_o, n, 1) ? 2 : 1, n, bits::get(t.nmem_addr_o, n * 32, 32), {}, {}};
        for (int w = 0; w < 32; ++w) o.data[w] = bits::get(t.nmem_wdata_o, n * 1024 + w * 32, 32);
        for (int k = 0; k < 8; ++k)
          o.be[k] = static_cast<uint16_t>(bits::get(t.nmem_be_o, n * 128 + k * 16, 16));
        ops.push_back(o);
      }
      if (rg) {
        Op o{bits::get(t.reg_we_o, n, 1) ? 4 : 3, n, bits::get(t.reg_addr_o, n * 12, 12), {}, {}};
        o.data[0] = bits::get(t.reg_wdata_o, n * 32, 32);
        ops.push_back(o);
      }
      accepted_[n] = bits::get(t.cmd_valid_i, n, 1) && bits::get(t.cmd_ready_o, n, 1);
    }
    dut.tick();
    for (int n = 0; n < kNodes; ++n) {
      for (int w = 0; w < 32; ++w)
        bits::put(t.dmem_rdata_i, n * 1024 + w * 32, 32, static_cast<uint32_t>(rng_()));
      for (int w = 0; w < 4; ++w)
        bits::put(t.nmem_rdata_i, n * 128 + w * 32, 32, static_cast<uint32_t>(rng_()));
      bits::put(t.reg_rdata_i, n * 32, 32, static_cast<uint32_t>(rng_()));
      if (bits::get(t.ack_o, n, 1)) ++acks[n];
      if (accepted_[n]) bits::put(t.cmd_valid_i, n, 1, 0);
    }
    for (const Op& o : ops) {
      auto& m = mem[o.n];
      if (o.kind == 0 || o.kind == 1) {  // DMA: a 128-byte line; NI: a 16-byte block
        const uint32_t bytes = o.kind == 0 ? 128 : 16;
        if (o.addr % bytes != 0 || o.addr + bytes > m.size())
          throw SimError(dut.cycle(), "SRAM read out of range");
        for (uint32_t w = 0; w < bytes / 4; ++w) {
          uint32_t v = 0;
          for (int b = 0; b < 4; ++b) v |= uint32_t(m[o.addr + w * 4 + b]) << (8 * b);
          if (o.kind == 0)
            bits::put(t.dmem_rdata_i, o.n * 1024 + w * 32, 32, v);
          else
            bits::put(t.nmem_rdata_i, o.n * 128 + w * 32, 32, v);
        }
      } else if (o.kind == 2) {  // NI: the enabled bytes of the line of the address
        const uint32_t line = o.addr & ~127u;
        if (o.addr % 16 != 0 || line + 128 > m.size()) throw SimError(dut.cycle(), "SRAM write out of range");
        for (uint32_t k = 0; k < 8; ++k) {
          if (o.be[k] == 0) continue;
          const uint32_t a = line + 16 * k;
          if (on_ni_write) on_ni_write(o.n, a, o.be[k]);
          for (uint32_t b = 0; b < 16; ++b)
            if ((o.be[k] >> b) & 1) m[a + b] = static_cast<uint8_t>(o.data[4 * k + b / 4] >> (8 * (b % 4)));
        }
      } else if (o.kind == 3) {
        bits::put(t.reg_rdata_i, o.n * 32, 32, regs[o.n][o.addr / 4]);
      } else {
        regs[o.n][o.addr / 4] = o.data[0];
      }
    }
  }

  void cycles(int k) {
    for (int i = 0; i < k; ++i) cycle();
  }

  // Queues a DMA command at node n (waits while the queue is full).
  void cmd(int n, const std::array<uint32_t, 3>& c) {
    auto& t = dut.top();
    for (int w = 0; w < 3; ++w) bits::put(t.cmd_i, n * 74 + w * 32, w == 2 ? 10 : 32, c[w]);
    bits::put(t.cmd_valid_i, n, 1, 1);
    for (int i = 0; i < 100000; ++i) {
      cycle();
      if (accepted_[n]) return;
    }
    throw SimError(dut.cycle(), "DMA command not accepted");
  }
  void cmd(int n, DmaCmd c, uint32_t rs1, uint32_t rs2) { cmd(n, dma_command(c, rs1, rs2)); }

  bool busy(int n) { return bits::get(dut->busy_o, n, 1); }
  // Runs until node n's DMA reports idle.
  void wait_idle(int n, int limit = 200000) {
    for (int i = 0; i < limit; ++i) {
      if (!busy(n)) return;
      cycle();
    }
    throw SimError(dut.cycle(), "DMA of node " + std::to_string(n) + " still busy");
  }
  void wait_all_idle(int limit = 200000) {
    for (int i = 0; i < limit; ++i) {
      if (!busy(0) && !busy(1)) return;
      cycle();
    }
    throw SimError(dut.cycle(), "DMA still busy");
  }

  uint32_t err_code(int n) { return bits::get(dut->err_code_o, n * 4, 4); }
  bool err(int n) { return bits::get(dut->err_o, n, 1); }
  uint32_t cnt_done(int n) { return bits::get(dut->cnt_done_o, n * 32, 32); }
  uint32_t bytes_out(int n) { return bits::get(dut->cnt_bytes_out_o, n * 32, 32); }
  uint32_t bytes_in(int n) { return bits::get(dut->cnt_bytes_in_o, n * 32, 32); }
  uint32_t dma_stalls(int n) { return bits::get(dut->cnt_stall_o, n * 32, 32); }
  uint32_t ni_reqs(int n) { return bits::get(dut->ni_reqs_o, n * 32, 32); }
  uint32_t ni_errs(int n) { return bits::get(dut->ni_err_cnt_o, n * 8, 8); }

  std::mt19937_64& rng() { return rng_; }

 private:
  bool grant(int n) { return std::uniform_real_distribution<double>(0, 1)(rng_) >= stall_[n]; }

  std::mt19937_64 rng_;
  std::array<double, kNodes> stall_{};
  std::array<bool, kNodes> accepted_{};
};

}  // namespace nd::node
