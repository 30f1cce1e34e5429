// MXU control: back-to-back tiles without a bubble, queue full and store back-pressure, grant stalls,
// reset in the middle of a command, every illegal command (error code and record, never a hang, the next
// commands still run), the status block and counters, and the port-protocol assertions (docs/mxu.md).
#include <catch2/catch.hpp>

#include "mxu_check.hpp"
#include "mxu_models.hpp"
#include "options.hpp"
#include "sim_matchers.hpp"

using namespace nd::mxu;

TEMPLATE_TEST_CASE("mxu: a full queue of tiles on alternating banks runs without a bubble", "[mxu][unit]", K1,
                   K2, K4) {
  const bool cfp8 = GENERATE(false, true);
  const uint64_t seed = nd::mxu::test_stream(0x4000 + TestType::kLanes * 2 + cfp8);
  MemCfg mem;  // always granting, latency 2
  mem.lat_min = mem.lat_max = 2;
  Checked<typename TestType::V> c(TestType::kLanes, seed, mem);
  Cfg cf;
  if (cfp8) cf.a_fmt = cf.b_fmt = OpFmt::kE4M3, cf.a_bias = cf.b_bias = 7;
  cf.out_fmt = OutFmt::kBf16;
  c.cfg(cf);
  const int k = 16 * TestType::kLanes;  // 16 steps per tile
  c.shape(static_cast<uint32_t>(k));
  const int tiles = 12;
  for (int t = 0; t < tiles; ++t) {
    c.mac(t & 1, true, c.gen.operands(cf.a_fmt, cf.b_fmt, k, 0), c.panel(cf.a_fmt, k, 1, false),
          c.panel(cf.b_fmt, k, 1, false));
    c.store(t & 1, 0x20000 + static_cast<uint32_t>(t) * 0x100, 16);
  }
  c.check();
  const uint32_t steps = static_cast<uint32_t>(tiles * 16);
  REQUIRE(c.tb->cnt_mac_o == steps);
  // Every step from the first to the last in consecutive cycles.
  REQUIRE(c.tb.last_mac_cycle - c.tb.first_mac_cycle + 1 == steps);
  REQUIRE(c.tb->cnt_cmds_o == static_cast<uint32_t>(2 + 2 * tiles));
}

TEST_CASE("mxu: queue full, store back-pressure and read-grant stalls", "[mxu][unit]") {
  const uint64_t seed = nd::mxu::test_stream(0x5000);
  MemCfg mem;
  mem.lat_min = 1;
  mem.lat_max = 6;
  mem.rd_grant_pct = 30;
  mem.wr_grant_pct = 0;  // no write granted at first: stores back up
  Checked<Vmxu_k1> c(1, seed, mem);
  Cfg cf;
  cf.out_fmt = OutFmt::kFp32;
  c.cfg(cf);
  c.shape(9);
  for (int t = 0; t < 10; ++t) {
    c.mac(t & 1, true, c.gen.operands(OpFmt::kBf16, OpFmt::kBf16, 9, 5), c.panel(OpFmt::kBf16, 9),
          c.panel(OpFmt::kBf16, 9));
    c.store(t & 1, 0x20000 + static_cast<uint32_t>(t) * 0x100, 32);
  }
  // With writes refused, the unit fills up: the queue stops accepting and stays busy.
  bool full = false;
  for (int i = 0; i < 3000; ++i) {
    c.tb.step();
    if (!c.tb->cmd_ready_o) full = true;
  }
  REQUIRE(full);
  REQUIRE(c.tb->busy_o);
  REQUIRE(c.tb.feed_size() > 0);
  REQUIRE(c.tb.writes == 0);
  REQUIRE(c.tb->cnt_stall_store_o > 0);
  c.tb.cfg.wr_grant_pct = 40;
  c.check();
  REQUIRE(c.tb->cnt_stall_operand_o > 0);
}

TEST_CASE("mxu: reset in the middle of a command", "[mxu][unit]") {
  const uint64_t seed = nd::mxu::test_stream(0x6000);
  MemCfg mem;
  mem.lat_min = 1;
  mem.lat_max = 4;
  mem.rd_grant_pct = 70;
  for (int when : {3, 20, 60, 140}) {
    Checked<Vmxu_k1> c(1, seed + static_cast<uint64_t>(when), mem);
    Cfg cf;
    cf.out_fmt = OutFmt::kBf16;
    c.cfg(cf);
    c.shape(100);
    c.mac(0, true, c.gen.operands(OpFmt::kBf16, OpFmt::kBf16, 100, 0), c.panel(OpFmt::kBf16, 100),
          c.panel(OpFmt::kBf16, 100));
    c.store(0, 0x20000, 16);
    for (int i = 0; i < when; ++i) c.tb.step();
    c.tb.reset();
    REQUIRE(!c.tb->busy_o);
    REQUIRE(c.tb->cnt_busy_o == 0);
    // After reset: configuration back to its defaults, a new run is exact.
    c.tb.mem = c.expect = std::vector<uint8_t>(kMemBytes, 0);
    MxuModel fresh(1);
    c.model = fresh;
    c.k = 8;
    c.cfg(cf);
    c.shape(33);
    c.mac(1, true, c.gen.operands(OpFmt::kBf16, OpFmt::kBf16, 33, 5), c.panel(OpFmt::kBf16, 33),
          c.panel(OpFmt::kBf16, 33));
    c.store(1, 0x21000, 16);
    c.check();
  }
}

namespace {

struct Illegal {
  const char* what;
  Cmd cmd;
  int code;
};

}  // namespace

TEST_CASE("mxu: every illegal command sets its error code and is dropped, and the next commands run",
          "[mxu][unit]") {
  const uint64_t seed = nd::mxu::test_stream(0x7000);
  Cfg e4;
  e4.a_fmt = e4.b_fmt = OpFmt::kE4M3;
  Cfg bad_fmt = e4;
  bad_fmt.b_fmt = OpFmt::kBf16;  // mixed BF16 / CFP8
  Cfg bf_bias;
  bf_bias.a_bias = 3;  // bias on a BF16 operand
  Cfg out_bias;
  out_bias.out_fmt = OutFmt::kBf16;
  out_bias.out_bias = 1;
  Cfg fp32_bias;
  fp32_bias.out_bias = 5;
  const uint32_t end = kMemBytes;
  const std::vector<Illegal> cases = {
      {"funct3 6", {0, 6, 0, 0}, kErrUnknownFunct},
      {"funct3 7", {0, 7, 0, 0}, kErrUnknownFunct},
      {"CFG reserved funct7", {2, 0, 0, 0}, kErrReserved},
      {"CFG reserved rs1 bit 7", {0, 0, 1u << 7, 0}, kErrReserved},
      {"CFG reserved rs1 top", {0, 0, 1u << 26, 0}, kErrReserved},
      {"CFG seed without load", {0, 0, 0, 5}, kErrReserved},
      {"CFG A format 3", {0, 0, 3, 0}, kErrBadFormat},
      {"CFG B format 3", {0, 0, 3u << 2, 0}, kErrBadFormat},
      {"CFG mixed BF16 and CFP8", cmd_cfg(bad_fmt), kErrBadFormat},
      {"CFG BF16 operand with a bias", cmd_cfg(bf_bias), kErrBadBias},
      {"CFG BF16 output with a bias", cmd_cfg(out_bias), kErrBadBias},
      {"CFG FP32 output with a bias", cmd_cfg(fp32_bias), kErrBadBias},
      {"SHAPE reserved funct7", {1, 1, 8, 0x10001}, kErrReserved},
      {"SHAPE reserved rs1", {0, 1, 0x10008, 0x10001}, kErrReserved},
      {"SHAPE K 0", cmd_shape(0), kErrBadShape},
      {"SHAPE A stride 0", cmd_shape(8, 0, 1), kErrBadShape},
      {"SHAPE B stride 0", cmd_shape(8, 1, 0), kErrBadShape},
      {"MAC reserved funct7", {4, 2, 0, 0}, kErrReserved},
      {"MAC A misaligned", cmd_mac(0, true, 8, 0), kErrMisaligned},
      {"MAC B misaligned", cmd_mac(0, true, 0, 0x102), kErrMisaligned},
      {"MAC A past the end", cmd_mac(0, true, end - 16, 0), kErrOutOfRange},
      {"MAC B far past the end", cmd_mac(0, true, 0, 0xFFFFFF00u), kErrOutOfRange},
      {"ZERO reserved rs1", {0, 3, 4, 0}, kErrReserved},
      {"ZERO reserved funct7", {8, 3, 0, 0}, kErrReserved},
      {"LOAD misaligned", cmd_load(0, 0x1010, 32), kErrMisaligned},
      {"LOAD stride misaligned", cmd_load(0, 0x1000, 48), kErrMisaligned},
      {"LOAD past the end", cmd_load(0, end - 64, 32), kErrOutOfRange},
      {"STORE reserved funct7", {2, 4, 0x1000, 32}, kErrReserved},
      {"STORE FP32 misaligned", cmd_store(0, 0x1010, 32), kErrMisaligned},
      {"STORE stride not a row", cmd_store(0, 0x1000, 40), kErrMisaligned},
      {"STORE past the end", cmd_store(0, end - 32 * 7, 32), kErrOutOfRange},
      {"STORE huge stride", cmd_store(0, 0, 0x80000000u), kErrOutOfRange},
      {"STATUS reserved rs2", {0, 5, 0x1000, 1}, kErrReserved},
      {"STATUS reserved funct7", {4, 5, 0x1000, 0}, kErrReserved},
      {"STATUS misaligned", cmd_status(0x1004), kErrMisaligned},
      {"STATUS past the end", cmd_status(end), kErrOutOfRange},
  };
  Checked<Vmxu_k1> c(1, seed);
  // A MAC checked under the configuration in force: CFP8 panels are 8-byte aligned, BF16 16.
  c.cfg(e4);
  c.shape(5);
  c.mac(0, true, c.gen.operands(OpFmt::kE4M3, OpFmt::kE4M3, 5, 0), 0x108, 0x208);
  c.store(0, 0x20000, 32);
  c.check();
  c.cfg(Cfg());
  c.check();
  for (const Illegal& il : cases) {
    INFO(il.what);
    const uint32_t before = c.tb->cnt_cmds_o;
    c.tb.push(il.cmd);
    // The next command runs: a tile through both banks' paths.
    c.shape(3);
    c.mac(1, true, c.gen.operands(OpFmt::kBf16, OpFmt::kBf16, 3, 0), c.panel(OpFmt::kBf16, 3),
          c.panel(OpFmt::kBf16, 3));
    c.store(1, 0x21000, 32);
    const uint64_t cycles = c.tb.run_until_idle(2000);
    REQUIRE(cycles < 200);
    REQUIRE(c.tb->error_o == 1);
    REQUIRE(static_cast<int>(c.tb->error_code_o) == il.code);
    REQUIRE(c.tb->cnt_cmds_o == before + 3);  // the illegal command is not counted
    // The status block records it; clearing it leaves a clean unit.
    c.tb.push(cmd_status(0x30000, true, false));
    c.tb.run_until_idle(2000);
    const Status s = c.tb.read_status(0x30000);
    REQUIRE(s.error());
    REQUIRE(s.code() == il.code);
    REQUIRE(s.err_f3() == il.cmd.f3);
    REQUIRE(s.err_f7() == il.cmd.f7);
    REQUIRE(s.w[1] == il.cmd.rs1);
    REQUIRE(c.tb->error_o == 0);
    for (int i = 0; i < 32; ++i) c.expect[0x30000 + i] = c.tb.mem[0x30000 + i];
    c.model.clear_flags();
    c.check();
  }
}

TEST_CASE("mxu: status block: flags, counters, clearing", "[mxu][unit]") {
  const uint64_t seed = nd::mxu::test_stream(0x8000);
  Checked<Vmxu_k4> c(4, seed);
  Cfg cf;
  cf.out_fmt = OutFmt::kE4M3;
  cf.out_bias = 7;
  c.cfg(cf);
  c.shape(64);
  c.mac(0, true, c.gen.operands(OpFmt::kBf16, OpFmt::kBf16, 64, 20), c.panel(OpFmt::kBf16, 64),
        c.panel(OpFmt::kBf16, 64));
  c.store(0, 0x20000, 8);
  c.check();
  c.tb.push(cmd_status(0x30000, false, false));
  c.tb.run_until_idle(1000);
  const Status s = c.tb.read_status(0x30000);
  REQUIRE(s.flags() == c.model.flags());
  REQUIRE(!s.error());
  REQUIRE(s.w[2] == 4);   // CFG, SHAPE, MAC, STORE
  REQUIRE(s.w[4] == 16);  // 64 / KLanes steps
  REQUIRE(s.w[3] >= s.w[4] + s.w[5] + s.w[6] + s.w[7]);
  REQUIRE(s.w[3] == c.tb->cnt_busy_o - (c.tb->cnt_busy_o - s.w[3]));
  // Clear flags and counters.
  c.tb.push(cmd_status(0x30020, true, true));
  c.tb.run_until_idle(1000);
  REQUIRE(c.tb->flags_o == 0);
  REQUIRE(c.tb->cnt_mac_o == 0);
  REQUIRE(c.tb->cnt_cmds_o == 0);
  REQUIRE(c.tb.read_status(0x30020).w[4] == 16);
}

TEST_CASE("mxu: port protocol assertions fire by name", "[mxu][unit]") {
  const uint64_t seed = nd::mxu::test_stream(0x9000);
  SECTION("a read response with no read outstanding") {
    MxuBench<Vmxu_k1> tb(kMemBytes, seed);
    tb->rd_rsp_valid_i = 1;
    REQUIRE_THROWS_MATCHES(tb.dut().tick(), nd::SimError, nd::AssertionFired("UnexpectedReadResponse_A"));
  }
  SECTION("a command withdrawn before the queue took it") {
    MxuBench<Vmxu_k1> tb(kMemBytes, seed);
    MemCfg never;
    never.wr_grant_pct = 0;
    tb.cfg = never;
    for (int i = 0; i < 8; ++i) tb.push(cmd_store(0, 0x1000, 32));
    for (int i = 0; i < 40 && tb->cmd_ready_o; ++i) tb.step();
    REQUIRE(!tb->cmd_ready_o);
    tb->cmd_valid_i = 1;
    tb->cmd_i[0] = 1;
    tb.dut().tick();
    tb->cmd_i[0] = 2;  // payload changed while not accepted
    REQUIRE_THROWS_MATCHES(tb.dut().ticks(2), nd::SimError, nd::AssertionFired("ValidHeldUntilTaken_A"));
  }
}
