// The network interface alone (nd_node_ni, 2 VCs, 64 KiB SRAM, 256-byte packets), driven packet by packet
// at the router side with credit flow control, C++ SRAM and register models with random grant stalls: the
// target engine's requests and answers, out-of-range handling and the response path that never waits for
// requests ([node][ni]).
#include <catch2/catch.hpp>

#include <deque>
#include <random>

#include "Vnode_ni.h"
#include "dut.hpp"
#include "packet.hpp"
#include "sim_matchers.hpp"
#include "vl_bits.hpp"

using namespace nd::node;
namespace noc = nd::noc;

namespace {
constexpr uint32_t kSram = 65536;
constexpr int kDepth = 4;

struct NiBench {
  nd::Dut<Vnode_ni> dut;
  std::mt19937_64 rng{nd::test_seed()};
  double stall = 0.3;
  std::vector<uint8_t> mem = std::vector<uint8_t>(kSram);
  std::array<uint32_t, 1024> regs{};
  std::deque<noc::Flit> ej_q;  // flits to deliver (in order)
  std::array<int, 2> ej_credits{kDepth, kDepth};
  std::array<bool, 2> hold_inj_credit{};  // withhold the NI's injection credits of a VC
  std::array<int, 2> owed{};              // credits not yet returned
  std::vector<noc::Flit> cur[2];
  std::vector<Packet> out[2];  // packets the NI injected, per VC
  int rdata_done = 0, rdata_err = 0, acks = 0, ack_errs = 0;
  bool rd_pending = false, reg_rd_pending = false;
  uint32_t rd_addr = 0, reg_rd_addr = 0;

  NiBench() {
    for (auto& b : mem) b = static_cast<uint8_t>(rng());
    auto& t = dut.top();
    t.dma_valid_i = 0;
    t.dma_rst_ni = 1;
    t.ej_valid_i = 0;
    t.inj_credit_i = 0;
    t.mem_gnt_i = 0;
    t.reg_gnt_i = 0;
    dut.reset(2);
  }

  bool grant() { return std::uniform_real_distribution<double>(0, 1)(rng) >= stall; }

  void send(const Packet& p, unsigned vc) {
    for (auto& f : encode_packet(p, vc)) ej_q.push_back(f);
  }

  void cycle() {
    auto& t = dut.top();
    t.eval();
    // Ejection link: one flit per cycle with a credit of its VC.
    t.ej_valid_i = 0;
    if (!ej_q.empty() && ej_credits[ej_q.front().vc] > 0) {
      const noc::Flit f = ej_q.front();
      ej_q.pop_front();
      --ej_credits[f.vc];
      t.ej_valid_i = 1;
      t.ej_type_i = static_cast<uint8_t>(f.type);
      t.ej_vc_i = f.vc;
      for (int w = 0; w < 4; ++w) t.ej_data_i[w] = f.data[w];
    }
    // Injection credits.
    t.inj_credit_i = 0;
    for (int v = 0; v < 2; ++v)
      if (!hold_inj_credit[v] && owed[v] > 0) {
        t.inj_credit_i |= 1u << v;
        --owed[v];
      }
    const bool mg = t.mem_req_o && grant(), rg = t.reg_req_o && grant();
    t.mem_gnt_i = mg;
    t.reg_gnt_i = rg;
    const uint32_t maddr = t.mem_addr_o, raddr = t.reg_addr_o;
    const bool mwe = t.mem_we_o, rwe = t.reg_we_o;
    uint32_t wd[32], be[4];  // a write: the line and its 128 byte enables
    for (int w = 0; w < 32; ++w) wd[w] = t.mem_wdata_o[w];
    for (int w = 0; w < 4; ++w) be[w] = t.mem_be_o[w];
    const uint32_t rwd = t.reg_wdata_o;
    dut.tick();
    for (int w = 0; w < 4; ++w) t.mem_rdata_i[w] = static_cast<uint32_t>(rng());
    t.reg_rdata_i = static_cast<uint32_t>(rng());
    if (mg) {
      REQUIRE(maddr % 16 == 0);
      REQUIRE(maddr + 16 <= kSram);
      if (mwe) {
        const uint32_t line = maddr & ~127u;
        for (uint32_t b = 0; b < 128; ++b)
          if ((be[b / 32] >> (b % 32)) & 1) mem[line + b] = static_cast<uint8_t>(wd[b / 4] >> (8 * (b % 4)));
      } else {
        for (int w = 0; w < 4; ++w) {
          uint32_t v = 0;
          for (int b = 0; b < 4; ++b) v |= uint32_t(mem[maddr + w * 4 + b]) << (8 * b);
          t.mem_rdata_i[w] = v;
        }
      }
    }
    if (rg) {
      if (rwe)
        regs[raddr / 4] = rwd;
      else
        t.reg_rdata_i = regs[raddr / 4];
    }
    for (int v = 0; v < 2; ++v)
      if ((t.ej_credit_o >> v) & 1) ++ej_credits[v];
    if (t.inj_valid_o) {
      noc::Flit f{static_cast<noc::FlitType>(t.inj_type_o), t.inj_vc_o, std::vector<uint32_t>(4)};
      for (int w = 0; w < 4; ++w) f.data[w] = t.inj_data_o[w];
      ++owed[f.vc];
      REQUIRE(owed[f.vc] <= kDepth);
      cur[f.vc].push_back(f);
      if (noc::is_tail(f.type)) {
        out[f.vc].push_back(decode_packet(cur[f.vc]));
        cur[f.vc].clear();
      }
    }
    if (t.dma_ack_o) {
      ++acks;
      ack_errs += t.dma_ack_err_o;
    }
    if (t.dma_rdata_done_o) {
      ++rdata_done;
      rdata_err += t.dma_rdata_err_o;
    }
  }

  // Runs until `n` responses have come out on the response VC.
  void wait_responses(size_t n, int limit = 20000) {
    for (int i = 0; i < limit && out[1].size() < n; ++i) cycle();
    REQUIRE(out[1].size() == n);
  }
};

Packet request(Op op, uint32_t addr, uint16_t len, uint32_t aux = 0) {
  Packet p;
  p.head.route = noc::Header{0, 0, 1, 0, 0, 0, false, true};  // from the host of row 0 to node (0, 0)
  p.head.op = op;
  p.head.addr = addr;
  p.head.len = len;
  p.head.aux = aux;
  return p;
}
}  // namespace

TEST_CASE("node NI: WRITE, READ, FLAG_ADD and register accesses are served and answered", "[node][ni]") {
  NiBench b;
  Packet w = request(Op::Write, 0x104, 40);
  for (int i = 0; i < 40; ++i) w.data.push_back(static_cast<uint8_t>(0xA0 + i));
  b.send(w, 0);
  b.send(request(Op::Read, 0x104, 40, 0x208), 0);
  b.mem[0x300] = 0xFE;
  b.mem[0x301] = b.mem[0x302] = b.mem[0x303] = 0;
  b.send(request(Op::FlagAdd, 0x300, 4, 3), 0);
  Packet rw = request(Op::Write, kRegBase + reg::kCtrl, 4);
  rw.data = {0x11, 0x22, 0x33, 0x44};
  b.send(rw, 0);
  b.regs[reg::kNodeId / 4] = 0x0102;
  b.send(request(Op::Read, kRegBase + reg::kNodeId, 4, 0x40C), 0);
  b.wait_responses(5);
  for (const Packet& p : b.out[1]) {
    CHECK_FALSE(p.head.err);
    // The response goes back to the requester: its source becomes the destination, host bit included.
    CHECK(p.head.route.dst_x == 1);
    CHECK(p.head.route.dst_host);
    CHECK_FALSE(p.head.route.src_host);
    CHECK(p.head.route.msg_class == 1);
  }
  CHECK(b.out[1][0].head.op == Op::WriteAck);
  for (int i = 0; i < 40; ++i) CHECK(b.mem[0x104 + i] == 0xA0 + i);
  const Packet& rd = b.out[1][1];
  CHECK(rd.head.op == Op::ReadData);
  CHECK(rd.head.addr == 0x208);
  CHECK(rd.data == w.data);
  CHECK(b.out[1][2].head.op == Op::WriteAck);
  CHECK(b.mem[0x300] == 0x01);
  CHECK(b.mem[0x301] == 0x01);
  CHECK(b.regs[reg::kCtrl / 4] == 0x44332211u);
  CHECK(b.out[1][4].data == std::vector<uint8_t>{0x02, 0x01, 0, 0});
  CHECK(b.dut->cnt_reqs_o == 5);
  CHECK(b.dut->err_o == 0);
  CHECK(b.out[0].empty());
}

TEST_CASE("node NI: out-of-range and malformed requests are refused with the error bit and counted",
          "[node][ni]") {
  NiBench b;
  auto data_write = [](uint32_t addr, uint16_t len, size_t bytes) {
    Packet p = request(Op::Write, addr, len);
    p.data.assign(bytes, 0x5A);
    return p;
  };
  std::vector<Packet> bad;
  bad.push_back(data_write(kSram - 8, 16, 16));          // beyond the SRAM
  bad.push_back(data_write(0x100, 300, 300));            // longer than MaxPacketBytes
  bad.push_back(data_write(0x102, 8, 8));                // misaligned address
  bad.push_back(data_write(kRegBase + 0x20, 8, 8));      // register window: more than one word
  bad.push_back(data_write(kRegBase + 0x1000, 4, 4));    // beyond the register window
  bad.push_back(request(Op::Read, 0x100, 0, 0));         // length 0
  bad.push_back(request(Op::Read, 0x100, 6, 0));         // length not a multiple of 4
  bad.push_back(request(Op::Read, 0x100, 16, 0x3));      // requester address misaligned
  bad.push_back(request(Op::Read, 0x80000000u, 16, 0));  // nothing there
  bad.push_back(request(Op::FlagAdd, 0x102, 4, 1));      // misaligned flag
  bad.push_back(request(Op::FlagAdd, kSram, 4, 1));      // flag beyond the SRAM
  bad.push_back(request(static_cast<Op>(5), 0x100, 4));  // unknown op
  const std::vector<uint8_t> before = b.mem;
  for (const auto& p : bad) b.send(p, 0);
  b.wait_responses(bad.size());
  for (size_t i = 0; i < bad.size(); ++i) {
    CAPTURE(i);
    const Packet& r = b.out[1][i];
    CHECK(r.head.err);
    CHECK(r.head.op == (bad[i].head.op == Op::Read ? Op::ReadData : Op::WriteAck));
    CHECK(r.data.empty());
  }
  CHECK(b.mem == before);
  CHECK(b.regs == std::array<uint32_t, 1024>{});
  CHECK(b.dut->err_o == 1);
  CHECK(b.dut->err_count_o == bad.size());
  CHECK(b.dut->cnt_reqs_o == bad.size());
  // A good request afterwards is served; the error flag stays (sticky).
  b.send(data_write(0x40, 8, 8), 0);
  b.wait_responses(bad.size() + 1);
  CHECK_FALSE(b.out[1].back().head.err);
  CHECK(b.dut->err_o == 1);
}

TEST_CASE("node NI: responses drain while requests are blocked behind their own responses", "[node][ni]") {
  NiBench b;
  b.hold_inj_credit[1] = true;  // the response VC gets no credits back: the target engine blocks
  for (int i = 0; i < 12; ++i) b.send(request(Op::Read, 0x400, 64, 0x1000), 0);
  b.send(request(Op::Read, 0x400, 64, 0x1000), 0);
  for (int i = 0; i < 200; ++i) b.cycle();
  REQUIRE(b.out[1].size() + (b.cur[1].empty() ? 0 : 1) <= kDepth);  // at most BufDepth flits went out
  // Responses on VC 1 wait behind nothing: their READ_DATA is written into SRAM and reported.
  Packet rd;
  rd.head.route = noc::Header{0, 0, 1, 0, 1};
  rd.head.op = Op::ReadData;
  rd.head.addr = 0x2004;
  rd.head.len = 100;
  for (int i = 0; i < 100; ++i) rd.data.push_back(static_cast<uint8_t>(i));
  // The request flits occupy the ejection queue: deliver the responses first (the router would interleave).
  std::deque<noc::Flit> reqs;
  reqs.swap(b.ej_q);
  for (int k = 0; k < 3; ++k) b.send(rd, 1);
  Packet ack;
  ack.head.route = noc::Header{0, 0, 1, 0, 1};
  ack.head.op = Op::WriteAck;
  ack.head.err = true;
  b.send(ack, 1);
  for (int i = 0; i < 400; ++i) b.cycle();
  CHECK(b.rdata_done == 3);
  CHECK(b.rdata_err == 0);
  CHECK(b.acks == 1);
  CHECK(b.ack_errs == 1);
  for (int i = 0; i < 100; ++i) CHECK(b.mem[0x2004 + i] == i);
  CHECK(b.dut->dma_rdata_bytes_o == 100);
  // Credits back: every request is answered.
  b.hold_inj_credit[1] = false;
  for (auto& f : reqs) b.ej_q.push_back(f);
  b.wait_responses(13, 40000);
  for (const auto& r : b.out[1]) CHECK(r.data.size() == 64);
}
