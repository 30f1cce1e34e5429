// MemBench: nd_node_mem (8 KiB model, tb/node/CMakeLists.txt) next to a C++ reference of its contents and
// of the per-bank round robin and the instruction line buffer (docs/node.md "SRAM"). The test sets requests
// (held until granted, as the contract asks); step() drives them, checks every grant against the reference
// arbiter and the one-access-per-bank rule, the data grant's independence of the instruction request and the
// worst-case waits, then clocks and checks the data of every read granted in that cycle.
#pragma once

#include <array>
#include <catch2/catch.hpp>
#include <cstdint>
#include <random>
#include <vector>

#include "Vnode_mem.h"
#include "dut.hpp"
#include "options.hpp"

namespace nd::node {

// Requesters, in slot order (the core's two ports share slot 4).
enum Req : unsigned { kRd = 0, kWr, kDma, kNi, kData, kInstr, kNumReq };
inline const char* const kReqName[kNumReq] = {"MXU read", "MXU write", "DMA",
                                              "NI",       "core data", "core instr"};
constexpr unsigned kBytes[kNumReq] = {128, 32, 128, 16, 4, 4};  // access width
constexpr uint32_t kSramBytes = 8192;
constexpr unsigned kMaxWait = 4;

struct Request {
  bool active = false;
  bool we = false;
  uint32_t addr = 0;
  uint32_t be = 0;                 // one bit per byte of the access width (writes)
  std::array<uint8_t, 32> data{};  // write data, byte i of the access
};

class MemBench {
 public:
  explicit MemBench(uint64_t salt) : rng_(nd::test_seed() * 0x9E3779B97F4A7C15ull ^ salt), mem_(kSramBytes) {
    drive();
    dut_.reset();
  }

  nd::Dut<Vnode_mem>& dut() { return dut_; }
  std::mt19937_64& rng() { return rng_; }
  std::vector<uint8_t>& mem() { return mem_; }
  std::array<Request, kNumReq> req{};
  std::array<unsigned, kNumReq> waited{};  // clocks waited by the current request
  std::array<uint64_t, kNumReq> grants{};
  unsigned max_wait[kNumReq] = {};
  bool granted[kNumReq] = {};  // in the last step

  static unsigned bank(uint32_t addr) { return (addr >> 7) & 3u; }

  // Fills the whole SRAM with random bytes through the NI port (the only requester meanwhile).
  void fill() {
    for (uint32_t a = 0; a < kSramBytes; a += 16) {
      Request& r = req[kNi];
      r = Request{true, true, a, 0xFFFF, {}};
      for (unsigned i = 0; i < 16; ++i) r.data[i] = static_cast<uint8_t>(rng_());
      step();
      REQUIRE(granted[kNi]);
    }
  }

  // One clock with the current requests; granted requests become inactive.
  void step() {
    drive();
    dut_.eval();
    const std::array<bool, kNumReq> gnt = {dut_->rd_gnt_o != 0,   dut_->wr_gnt_o != 0,
                                           dut_->dma_gnt_o != 0,  dut_->ni_gnt_o != 0,
                                           dut_->data_gnt_o != 0, dut_->instr_gnt_o != 0};
    INFO("cycle " << dut_.cycle());
    // The data grant does not depend on the instruction request.
    dut_->instr_req_i = !req[kInstr].active;
    dut_.eval();
    REQUIRE((dut_->data_gnt_o != 0) == gnt[kData]);
    dut_->instr_req_i = req[kInstr].active;
    dut_.eval();

    // A fetch of the buffered line is granted without a bank.
    const bool hit = req[kInstr].active && ibuf_valid_ && line(req[kInstr].addr) == ibuf_line_;
    const std::array<bool, kNumReq> want = reference_grants(hit);
    unsigned per_bank[4] = {};
    for (unsigned r = 0; r < kNumReq; ++r) {
      INFO(kReqName[r] << " request " << req[r].active << " address 0x" << std::hex << req[r].addr);
      REQUIRE(gnt[r] == want[r]);
      REQUIRE((!gnt[r] || req[r].active));
      if (gnt[r] && !(r == kInstr && hit)) ++per_bank[bank(req[r].addr)];
    }
    if (hit) ++ibuf_hits;
    for (unsigned b = 0; b < 4; ++b) REQUIRE(per_bank[b] <= 1);

    // Worst-case waits: a held request waits at most kMaxWait clocks; the fetch counts from its start or
    // from the last clock its own data access took the core slot of its bank.
    const bool data_took =
        gnt[kData] && req[kInstr].active && bank(req[kData].addr) == bank(req[kInstr].addr);
    for (unsigned r = 0; r < kNumReq; ++r) {
      granted[r] = gnt[r];
      if (!req[r].active) continue;
      if (gnt[r]) {
        ++grants[r];
        waited[r] = 0;
      } else if (r == kInstr && data_took) {
        waited[r] = 0;
      } else {
        INFO(kReqName[r] << " waited " << waited[r] << " clocks");
        REQUIRE(waited[r] < kMaxWait);
        ++waited[r];
        if (waited[r] > max_wait[r]) max_wait[r] = waited[r];
      }
    }

    // Reads take the reference's contents now, writes update them (one access per bank: no overlap; a
    // fetch served from the buffer is ordered before the writes of its clock, so it comes first). A write
    // to the buffered line empties the buffer; a fetch granted by its bank fills it.
    std::array<std::vector<uint8_t>, kNumReq> expect;
    for (unsigned i = 0; i < kNumReq; ++i) {
      const unsigned r = (kInstr + i) % kNumReq;
      if (!gnt[r]) continue;
      if (req[r].we && req[r].be != 0 && line(req[r].addr) == ibuf_line_) ibuf_valid_ = false;
      if (r == kInstr && !hit) {
        ibuf_valid_ = true;
        ibuf_line_ = line(req[r].addr);
      }
      const uint32_t base = (req[r].addr & ~(kBytes[r] - 1)) % kSramBytes;  // out of range: asserted
      for (unsigned i = 0; i < kBytes[r]; ++i) {
        if (!req[r].we)
          expect[r].push_back(mem_[base + i]);
        else if (req[r].be >> i & 1u)
          mem_[base + i] = req[r].data[i];
      }
      req[r].active = false;
    }
    dut_.tick();

    REQUIRE((dut_->rd_rsp_valid_o != 0) == gnt[kRd]);
    for (unsigned r = 0; r < kNumReq; ++r) {
      if (expect[r].empty()) continue;
      INFO(kReqName[r] << " read of 0x" << std::hex << (req[r].addr & ~(kBytes[r] - 1)));
      for (unsigned i = 0; i < kBytes[r]; ++i) {
        INFO("byte " << std::dec << i);
        REQUIRE(read_byte(r, i) == expect[r][i]);
      }
    }
  }

  // Forgets the waits of a request the test withdrew or moved (only the fetch may do that).
  void restart_wait(unsigned r) { waited[r] = 0; }
  uint64_t ibuf_hits = 0;  // fetches served by the instruction line buffer

  static uint32_t line(uint32_t addr) { return (addr % kSramBytes) >> 7; }

 private:
  // Reference round robin: per bank the first taking part slot at or after prio_[b]; slot 4 is the core's,
  // its data access first. While the MXU read (slot 0) requests the bank, another slot takes part only if
  // it requested in the previous clock and lost (lost_[b]).
  std::array<bool, kNumReq> reference_grants(bool hit) {
    std::array<bool, kNumReq> g{};
    g[kInstr] = hit;
    for (unsigned b = 0; b < 4; ++b) {
      bool slot[5] = {};
      for (unsigned r = 0; r < kNumReq; ++r) {
        if (req[r].active && bank(req[r].addr) == b && !(r == kInstr && hit)) slot[r < kData ? r : 4] = true;
      }
      bool part[5];
      for (unsigned s = 0; s < 5; ++s) part[s] = slot[s] && (!slot[0] || s == 0 || lost_[b][s]);
      for (unsigned s = 0; s < 5; ++s) lost_[b][s] = slot[s];  // cleared below for the granted slot
      for (unsigned i = 0; i < 5; ++i) {
        const unsigned s = (prio_[b] + i) % 5;
        if (!part[s]) continue;
        lost_[b][s] = false;
        if (s < 4)
          g[s] = true;
        else if (req[kData].active && bank(req[kData].addr) == b)
          g[kData] = true;
        else
          g[kInstr] = true;
        prio_[b] = (s + 1) % 5;
        break;
      }
    }
    return g;
  }

  uint8_t read_byte(unsigned r, unsigned i) {
    auto byte_of = [i](const auto& w) { return static_cast<uint8_t>(w[i / 4] >> (8 * (i % 4))); };
    switch (r) {
      case kRd:
        return byte_of(dut_->rd_rsp_data_o);
      case kDma:
        return byte_of(dut_->dma_rdata_o);
      case kNi:
        return byte_of(dut_->ni_rdata_o);
      case kData:
        return static_cast<uint8_t>(dut_->data_rdata_o >> (8 * i));
      default:
        return static_cast<uint8_t>(dut_->instr_rdata_o >> (8 * i));
    }
  }

  void drive() {
    auto& d = dut_.top();
    auto word = [](const Request& q, unsigned w) {
      return uint32_t{q.data[4 * w]} | uint32_t{q.data[4 * w + 1]} << 8 | uint32_t{q.data[4 * w + 2]} << 16 |
             uint32_t{q.data[4 * w + 3]} << 24;
    };
    d.rd_req_i = req[kRd].active;
    d.rd_addr_i = req[kRd].addr;
    d.wr_req_i = req[kWr].active;
    d.wr_addr_i = req[kWr].addr;
    d.wr_be_i = req[kWr].be;
    for (unsigned w = 0; w < 8; ++w) d.wr_data_i[w] = word(req[kWr], w);
    d.dma_req_i = req[kDma].active;
    d.dma_addr_i = req[kDma].addr;
    d.ni_req_i = req[kNi].active;
    d.ni_we_i = req[kNi].we;
    d.ni_addr_i = req[kNi].addr;
    // The NI writes lines with byte enables; this bench's NI accesses are 16-byte blocks, placed in
    // their lane of the line (the NI's own tests write whole gathered lines).
    const unsigned lane = (req[kNi].addr >> 4) & 7u;
    for (unsigned w = 0; w < 4; ++w)
      d.ni_be_i[w] = w == lane / 2 ? (req[kNi].be & 0xFFFFu) << (16 * (lane % 2)) : 0;
    for (unsigned w = 0; w < 32; ++w) d.ni_wdata_i[w] = w / 4 == lane ? word(req[kNi], w % 4) : 0;
    d.data_req_i = req[kData].active;
    d.data_we_i = req[kData].we;
    d.data_addr_i = req[kData].addr;
    d.data_be_i = static_cast<uint8_t>(req[kData].be);
    d.data_wdata_i = word(req[kData], 0);
    d.instr_req_i = req[kInstr].active;
    d.instr_addr_i = req[kInstr].addr;
  }

  nd::Dut<Vnode_mem> dut_;
  std::mt19937_64 rng_;
  std::vector<uint8_t> mem_;
  unsigned prio_[4] = {};
  bool lost_[4][5] = {};
  bool ibuf_valid_ = false;  // the instruction line buffer holds line ibuf_line_
  uint32_t ibuf_line_ = 0;
};

}  // namespace nd::node
