// nd_node_regs (docs/node.md "Memory map"): every register through both masters, CTRL (run, compute reset,
// the counters it clears), the console, both masters at once, and the port assertions. The model is a
// 3x2 tile (tb/node/CMakeLists.txt).
#include <catch2/catch.hpp>
#include <cstdint>
#include <random>

#include "Vnode_regs.h"
#include "dut.hpp"
#include "options.hpp"
#include "sim_matchers.hpp"

namespace {

enum Master { kCore, kNi };

class RegsBench {
 public:
  explicit RegsBench(uint64_t salt) : rng(nd::test_seed() * 0x9E3779B97F4A7C15ull ^ salt) {
    auto& d = dut.top();
    d.core_req_i = d.reg_req_i = 0;
    d.pos_x_i = 1;
    d.pos_y_i = 2;
    d.halted_i = d.retire_i = 0;
    d.trap_cause_i = d.trap_pc_i = 0;
    d.dma_busy_i = d.dma_err_i = d.dma_err_code_i = 0;
    d.dma_done_i = d.dma_bytes_out_i = d.dma_bytes_in_i = d.dma_stall_i = 0;
    d.ni_err_i = d.ni_err_count_i = 0;
    d.ni_reqs_i = 0;
    dut.reset();
  }

  // One access by one master, held until granted (at once when the other is idle); returns the read data.
  uint32_t access(Master m, bool we, uint32_t addr, uint32_t wdata = 0, uint32_t be = 0xF) {
    auto& d = dut.top();
    if (m == kCore) {
      d.core_req_i = 1, d.core_we_i = we, d.core_addr_i = addr, d.core_wdata_i = wdata, d.core_be_i = be;
    } else {
      d.reg_req_i = 1, d.reg_we_i = we, d.reg_addr_i = addr, d.reg_wdata_i = wdata;
    }
    d.eval();
    REQUIRE((m == kCore ? d.core_gnt_o : d.reg_gnt_o) == 1);
    dut.tick();
    d.core_req_i = d.reg_req_i = 0;
    return m == kCore ? d.core_rdata_o : d.reg_rdata_o;
  }
  uint32_t read(Master m, uint32_t addr) { return access(m, false, addr); }
  void write(Master m, uint32_t addr, uint32_t v, uint32_t be = 0xF) { access(m, true, addr, v, be); }
  uint64_t read64(Master m, uint32_t lo) { return read(m, lo) | uint64_t{read(m, lo + 4)} << 32; }

  nd::Dut<Vnode_regs> dut;
  std::mt19937_64 rng;
};

}  // namespace

TEST_CASE("node regs: every register through both masters", "[node][regs]") {
  const Master m = GENERATE(kCore, kNi);
  RegsBench b(0x100 + m);
  auto& d = b.dut.top();
  const uint64_t released = b.dut.cycle();
  REQUIRE(b.read(m, 0x004) == 0x0201u);  // NODE_ID {y, x}
  REQUIRE(b.read(m, 0x010) == 0x0302u);  // TILE {Rows, Cols}
  // CYCLE: clocks since reset, read at the clock of the grant.
  const uint64_t before = b.dut.cycle();
  REQUIRE(b.read(m, 0x008) == before - released);
  REQUIRE(b.read(m, 0x00C) == 0u);
  d.trap_cause_i = 0x8000000Bu;
  d.trap_pc_i = 0x1234u;
  d.dma_busy_i = 1, d.dma_err_i = 1, d.dma_err_code_i = 6;
  d.dma_done_i = 0x11111111u, d.dma_bytes_out_i = 0x22222222u, d.dma_bytes_in_i = 0x33333333u;
  d.dma_stall_i = 0x44444444u;
  d.ni_err_i = 1, d.ni_err_count_i = 0xA5, d.ni_reqs_i = 0x55555555u;
  REQUIRE(b.read(m, 0x028) == 0x8000000Bu);
  REQUIRE(b.read(m, 0x02C) == 0x1234u);
  REQUIRE(b.read(m, 0x100) == 0x63u);  // [7:4] code, [1] error, [0] busy
  REQUIRE(b.read(m, 0x104) == 0x11111111u);
  REQUIRE(b.read(m, 0x108) == 0x22222222u);
  REQUIRE(b.read(m, 0x10C) == 0x33333333u);
  REQUIRE(b.read(m, 0x110) == 0x44444444u);
  REQUIRE(b.read(m, 0x140) == 0xA501u);  // [15:8] count, [0] sticky flag
  REQUIRE(b.read(m, 0x144) == 0x55555555u);
  d.dma_busy_i = 0;
  REQUIRE(b.read(m, 0x100) == 0x62u);
  d.dma_busy_i = 1, d.dma_err_i = 0, d.dma_err_code_i = 0, d.ni_err_i = 0;
  REQUIRE(b.read(m, 0x100) == 0x01u);
  d.dma_busy_i = 0;
  REQUIRE(b.read(m, 0x100) == 0u);
  REQUIRE(b.read(m, 0x140) == 0xA500u);
  REQUIRE(b.read(m, 0x020) == 0x2u);  // CTRL after reset
  REQUIRE(b.read(m, 0x024) == 0u);    // CORE_STATUS
  // Read-only registers ignore writes; unmapped offsets read 0.
  b.write(m, 0x004, 0xFFFFFFFFu);
  b.write(m, 0x144, 0);
  REQUIRE(b.read(m, 0x004) == 0x0201u);
  REQUIRE(b.read(m, 0x144) == 0x55555555u);
  for (uint32_t a : {0x000u, 0x014u, 0x044u, 0x114u, 0x148u, 0xFFCu}) {
    INFO("offset 0x" << std::hex << a);
    REQUIRE(b.read(m, a) == 0u);
  }
  REQUIRE_FALSE(d.console_valid_o);
}

TEST_CASE("node regs: CTRL sets run and compute reset and clears the core counters", "[node][regs]") {
  const Master m = GENERATE(kCore, kNi);
  RegsBench b(0x200 + m);
  auto& d = b.dut.top();
  // After reset: compute reset held, not running; retirements and clocks are not counted.
  REQUIRE(d.compute_rst_no == 0);
  REQUIRE(d.run_o == 0);
  d.retire_i = 1;
  b.dut.ticks(5);
  d.retire_i = 0;
  REQUIRE(b.read64(m, 0x030) == 0u);
  REQUIRE(b.read64(m, 0x038) == 0u);
  // Release and run: INSTRET counts retire pulses, RUN_CYCLES every clock while running.
  b.write(m, 0x020, 0x1);
  REQUIRE(d.compute_rst_no == 1);
  REQUIRE(d.run_o == 1);
  REQUIRE(b.read(m, 0x024) == 0x2u);  // running
  const uint64_t t0 = b.dut.cycle();
  unsigned retired = 0;
  for (int i = 0; i < 40; ++i) {
    d.retire_i = b.rng() % 2;
    retired += d.retire_i;
    b.dut.tick();
  }
  d.retire_i = 0;
  // CTRL took its value at the edge ending the write's grant clock; RUN_CYCLES counts every edge since (the
  // CORE_STATUS read's, then the t1 - t0 since t0), up to the one ending this read's grant clock.
  const uint64_t t1 = b.dut.cycle();
  REQUIRE(b.read(m, 0x038) == t1 - t0 + 1);
  REQUIRE(b.read64(m, 0x030) == retired);
  // Halted: RUN_CYCLES stops, CORE_STATUS says halted.
  d.halted_i = 1;
  const uint64_t r1 = b.read(m, 0x038);
  b.dut.ticks(10);
  REQUIRE(b.read(m, 0x038) == r1);
  REQUIRE(b.read(m, 0x024) == 0x1u);
  d.halted_i = 0;
  // Stop running: RUN_CYCLES stops too.
  b.write(m, 0x020, 0x0);
  REQUIRE(d.run_o == 0);
  REQUIRE(d.compute_rst_no == 1);
  const uint64_t r2 = b.read(m, 0x038);
  b.dut.ticks(10);
  REQUIRE(b.read(m, 0x038) == r2);
  REQUIRE(b.read(m, 0x024) == 0u);
  // Compute reset clears both counters and holds them at 0.
  b.write(m, 0x020, 0x3);
  REQUIRE(d.compute_rst_no == 0);
  d.retire_i = 1;
  b.dut.ticks(3);
  d.retire_i = 0;
  REQUIRE(b.read64(m, 0x030) == 0u);
  REQUIRE(b.read64(m, 0x038) == 0u);
  REQUIRE(b.read(m, 0x020) == 0x3u);
  if (m == kCore) {
    // The core's byte enables: CTRL is in lane 0.
    b.write(m, 0x020, 0x1, 0xE);
    REQUIRE(b.read(m, 0x020) == 0x3u);
  }
  // Node reset in the middle: CTRL returns to 0x2.
  b.write(m, 0x020, 0x1);
  b.dut.reset();
  REQUIRE(d.compute_rst_no == 0);
  REQUIRE(d.run_o == 0);
  REQUIRE(b.read(m, 0x020) == 0x2u);
}

TEST_CASE("node regs: EXIT ends the run until the next compute reset", "[node][regs]") {
  const Master m = GENERATE(kCore, kNi);
  RegsBench b(0x280 + m);
  auto& d = b.dut.top();
  REQUIRE(b.read(m, 0x040) == 0u);
  b.write(m, 0x020, 0x1);
  d.retire_i = 1;
  b.dut.ticks(7);
  d.retire_i = 0;
  b.write(m, 0x040, 0x7);  // exit code 3
  REQUIRE(d.run_o == 0);
  REQUIRE(d.compute_rst_no == 1);
  REQUIRE(b.read(m, 0x024) == 0x4u);  // exited, not running
  REQUIRE(b.read(m, 0x040) == 0x7u);
  REQUIRE(b.read(m, 0x020) == 0x0u);
  const uint64_t run = b.read(m, 0x038);
  REQUIRE(run == 8u);  // the 7 clocks and the EXIT write's own clock
  REQUIRE(b.read64(m, 0x030) == 7u);
  // Running again does not count while exited.
  b.write(m, 0x020, 0x1);
  b.dut.ticks(5);
  REQUIRE(b.read(m, 0x038) == run);
  REQUIRE(b.read(m, 0x024) == 0x4u);
  if (m == kCore) {
    b.write(m, 0x040, 0xAB00, 0x2);  // byte enables: lane 1 only
    REQUIRE(b.read(m, 0x040) == 0xAB07u);
  }
  // Compute reset clears EXIT and the exited flag.
  b.write(m, 0x020, 0x2);
  REQUIRE(b.read(m, 0x040) == 0u);
  REQUIRE(b.read(m, 0x024) == 0u);
  b.write(m, 0x020, 0x1);
  REQUIRE(b.read(m, 0x024) == 0x2u);
}

TEST_CASE("node regs: console bytes from both masters", "[node][regs]") {
  RegsBench b(0x300);
  auto& d = b.dut.top();
  for (const Master m : {kCore, kNi, kCore}) {
    const uint32_t v = 0x4100u + static_cast<uint32_t>(b.rng() % 256);
    b.write(m, 0x000, v);
    REQUIRE(d.console_valid_o == 1);
    REQUIRE(d.console_data_o == (v & 0xFF));
    b.dut.tick();
    REQUIRE(d.console_valid_o == 0);
  }
  b.write(kCore, 0x000, 0x42, 0x2);  // lane 0 not enabled: no byte
  REQUIRE(d.console_valid_o == 0);
}

TEST_CASE("node regs: both masters at once and each waits at most one clock", "[node][regs]") {
  RegsBench b(0x400);
  auto& d = b.dut.top();
  auto& rng = b.rng;
  d.trap_pc_i = 0xC0DEu;
  d.ni_reqs_i = 0xBEEFu;
  b.write(kCore, 0x020, 0x1);
  struct Pending {
    bool active = false, we = false;
    uint32_t addr = 0, wdata = 0;
    unsigned waited = 0;
  } p[2];
  uint32_t ctrl = 1;  // reference CTRL
  uint32_t expect[2] = {};
  bool check_read[2] = {};
  unsigned both = 0, served[2] = {};
  for (int cycle = 0; cycle < 3000; ++cycle) {
    for (unsigned k = 0; k < 2; ++k) {
      if (p[k].active || rng() % 100 >= 80) continue;
      const unsigned what = rng() % 4;
      p[k] = Pending{true, what == 0, what == 2 ? 0x2Cu : (what == 3 ? 0x144u : 0x20u),
                     static_cast<uint32_t>(rng() % 2), 0};  // writes of CTRL keep compute reset off
    }
    d.core_req_i = p[0].active, d.core_we_i = p[0].we, d.core_addr_i = p[0].addr, d.core_wdata_i = p[0].wdata;
    d.core_be_i = 0xF;
    d.reg_req_i = p[1].active, d.reg_we_i = p[1].we, d.reg_addr_i = p[1].addr, d.reg_wdata_i = p[1].wdata;
    d.eval();
    const bool g[2] = {d.core_gnt_o != 0, d.reg_gnt_o != 0};
    INFO("cycle " << cycle);
    REQUIRE(!(g[0] && g[1]));
    if (p[0].active && p[1].active) ++both;
    for (unsigned k = 0; k < 2; ++k) {
      REQUIRE((!g[k] || p[k].active));
      check_read[k] = false;
      if (!p[k].active) continue;
      if (!g[k]) {
        REQUIRE(p[k].waited == 0);  // refused once at most
        ++p[k].waited;
        continue;
      }
      ++served[k];
      if (p[k].we)
        ctrl = p[k].wdata;
      else
        expect[k] = p[k].addr == 0x2C ? 0xC0DEu : (p[k].addr == 0x144 ? 0xBEEFu : ctrl);
      p[k].active = false;
      check_read[k] = !p[k].we;
    }
    b.dut.tick();
    if (check_read[0]) REQUIRE(d.core_rdata_o == expect[0]);
    if (check_read[1]) REQUIRE(d.reg_rdata_o == expect[1]);
    REQUIRE(d.run_o == (ctrl & 1));
  }
  CHECK(both > 500);
  CHECK(served[0] > 1000);
  CHECK(served[1] > 1000);
}

TEST_CASE("node regs: port assertions fire", "[node][regs][assert]") {
  RegsBench b(0x500);
  auto& d = b.dut.top();
  SECTION("a core request that changes before its grant") {
    d.core_req_i = 1, d.core_we_i = 0, d.core_addr_i = 0x20, d.core_be_i = 0xF;
    d.reg_req_i = 1, d.reg_we_i = 0, d.reg_addr_i = 0x20;
    b.dut.tick();          // both: the core first
    d.core_addr_i = 0x24;  // the core's next request meets the held NI one: the NI's turn, the core waits...
    b.dut.tick();
    d.reg_req_i = 0;
    d.core_addr_i = 0x28;  // ...and must not change
    REQUIRE_THROWS_MATCHES(b.dut.tick(), nd::SimError, nd::AssertionFired("RegsCoreHeld_A"));
  }
  SECTION("an NI request that changes before its grant") {
    d.core_req_i = 1, d.core_we_i = 0, d.core_addr_i = 0x20, d.core_be_i = 0xF;
    d.reg_req_i = 1, d.reg_we_i = 0, d.reg_addr_i = 0x20;
    b.dut.tick();  // the core first, the NI waits
    d.reg_we_i = 1;
    REQUIRE_THROWS_MATCHES(b.dut.tick(), nd::SimError, nd::AssertionFired("RegsNiHeld_A"));
  }
  SECTION("an unaligned NI address") {
    d.reg_req_i = 1, d.reg_we_i = 0, d.reg_addr_i = 0x22;
    REQUIRE_THROWS_MATCHES(b.dut.tick(), nd::SimError, nd::AssertionFired("RegsNiAligned_A"));
  }
}
