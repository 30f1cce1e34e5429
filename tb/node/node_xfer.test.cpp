// DMA + NI + realign on two nodes of a 1 x 2 mesh (nd_node_xfer_check.sv, XferBench): transfers of every
// size and alignment, 2D strides, remote READ, the FLAG fence, traffic both ways, every DMA error code,
// queue back-pressure and resets in the middle of a transfer ([node]).
#include <catch2/catch.hpp>

#include "Vnode_xfer.h"
#include "Vnode_xfer_4vc.h"
#include "Vnode_xfer_nd_node_pkg.h"
#include "packet.hpp"
#include "sim_matchers.hpp"
#include "xfer_bench.hpp"

using namespace nd::node;

// packet.hpp is nd_node_pkg: compared with the package as Verilator elaborated it.
namespace {
using Pkg = Vnode_xfer_nd_node_pkg;
static_assert(kFlitBits == Pkg::NODE_FLIT_W && kFlitBytes == Pkg::FLIT_BYTES);
static_assert(kPktOpLsb == Pkg::PKT_OP_LSB && kPktErrBit == Pkg::PKT_ERR_BIT &&
              kPktLenLsb == Pkg::PKT_LEN_LSB && kPktAddrLsb == Pkg::PKT_ADDR_LSB &&
              kPktAuxLsb == Pkg::PKT_AUX_LSB && kGaddrOffsetW == Pkg::GADDR_OFFSET_W);
static_assert(int(Op::Write) == Pkg::OpWrite && int(Op::Read) == Pkg::OpRead &&
              int(Op::FlagAdd) == Pkg::OpFlagAdd && int(Op::WriteAck) == Pkg::OpWriteAck &&
              int(Op::ReadData) == Pkg::OpReadData);
static_assert(int(DmaCmd::Shape) == Pkg::DmaShape && int(DmaCmd::Stride) == Pkg::DmaStride &&
              int(DmaCmd::Write) == Pkg::DmaWrite && int(DmaCmd::Read) == Pkg::DmaRead &&
              int(DmaCmd::Flag) == Pkg::DmaFlag && int(DmaCmd::Clear) == Pkg::DmaClear);
static_assert(int(DmaErr::None) == Pkg::DmaErrNone && int(DmaErr::Command) == Pkg::DmaErrCommand &&
              int(DmaErr::Shape) == Pkg::DmaErrShape && int(DmaErr::Misaligned) == Pkg::DmaErrMisaligned &&
              int(DmaErr::LocalRange) == Pkg::DmaErrLocalRange && int(DmaErr::Node) == Pkg::DmaErrNode &&
              int(DmaErr::RemoteRange) == Pkg::DmaErrRemoteRange && int(DmaErr::Remote) == Pkg::DmaErrRemote);

constexpr int kA = 0, kB = 1;

// A 2D transfer between node `from`'s SRAM and node `to`'s; write = the DMA of `from` pushes, read = the DMA
// of `to` pulls (the engine at the destination).
struct Xfer {
  int src_node, dst_node;
  uint32_t src, dst, row_bytes, rows, src_stride, dst_stride;
};

template <class V>
void expect_copied(XferBench<V>& b, const Xfer& x, const std::vector<uint8_t>& dst_before) {
  const auto& s = b.mem[x.src_node];
  const auto& d = b.mem[x.dst_node];
  // Every byte of every row copied; every other byte of the destination untouched.
  std::vector<uint8_t> want = dst_before;
  for (uint32_t r = 0; r < x.rows; ++r)
    for (uint32_t i = 0; i < x.row_bytes; ++i)
      want[x.dst + r * x.dst_stride + i] = s[x.src + r * x.src_stride + i];
  for (size_t a = 0; a < want.size(); ++a) {
    if (d[a] != want[a]) {
      FAIL("node " << x.dst_node << " byte 0x" << std::hex << a << " is 0x" << int(d[a]) << ", expected 0x"
                   << int(want[a]) << std::dec << " (src 0x" << std::hex << x.src << " dst 0x" << x.dst
                   << std::dec << " row bytes " << x.row_bytes << " rows " << x.rows << ")");
    }
  }
}

// Runs one transfer as a WRITE (engine at the source) or a READ (engine at the destination) and checks it.
template <class V>
void run_xfer(XferBench<V>& b, const Xfer& x, bool as_read) {
  const int eng = as_read ? x.dst_node : x.src_node;
  const int other = as_read ? x.src_node : x.dst_node;
  const std::vector<uint8_t> before = b.mem[x.dst_node];
  const uint32_t done0 = b.cnt_done(eng);
  b.cmd(eng, DmaCmd::Shape, x.row_bytes, x.rows);
  if (as_read) {
    b.cmd(eng, DmaCmd::Stride, x.dst_stride, x.src_stride);
    b.cmd(eng, DmaCmd::Read, x.dst, global_addr(other, 0, x.src));
  } else {
    b.cmd(eng, DmaCmd::Stride, x.src_stride, x.dst_stride);
    b.cmd(eng, DmaCmd::Write, x.src, global_addr(other, 0, x.dst));
  }
  b.wait_idle(eng);
  REQUIRE(b.err(eng) == false);
  CHECK(b.cnt_done(eng) == done0 + 1);
  expect_copied(b, x, before);
}

uint32_t pick(std::mt19937_64& r, uint32_t lo, uint32_t hi) {
  return std::uniform_int_distribution<uint32_t>(lo, hi)(r);
}

template <class V>
void every_size_and_alignment(bool as_read, int max_step) {
  XferBench<V> b(0.3);
  uint32_t bytes = 0;
  for (uint32_t sw = 0; sw < 4; ++sw)
    for (uint32_t dw = 0; dw < 4; ++dw)
      for (uint32_t len = 4; len <= 600; len += 4 * static_cast<uint32_t>(pick(b.rng(), 1, max_step))) {
        const uint32_t src = 16 * pick(b.rng(), 0, 1000) + 4 * sw;
        const uint32_t dst = 16 * pick(b.rng(), 0, 1000) + 4 * dw;
        const bool ab = pick(b.rng(), 0, 1);
        run_xfer(b, {ab ? kA : kB, ab ? kB : kA, src, dst, len, 1, 0, 0}, as_read);
        bytes += len;
      }
  INFO("bytes moved " << bytes);
  SUCCEED();
}
}  // namespace

// Every counter and status output of the DMA engine and the NI reads its reset value right after reset:
// their flops start random (make test-x), and a counter whose reset went missing would otherwise show up only
// as an offset that no test compares from zero (the DMA stall counter is read only by software).
TEST_CASE("node xfer: DMA and NI status and counters read their reset values right after reset",
          "[node][xfer]") {
  XferBench<Vnode_xfer> b(0.5);
  for (int n = 0; n < XferBench<Vnode_xfer>::kNodes; ++n) {
    INFO("node " << n << ", seed " << nd::test_seed());
    CHECK_FALSE(b.busy(n));
    CHECK_FALSE(b.err(n));
    CHECK(b.err_code(n) == 0);
    CHECK(b.cnt_done(n) == 0);
    CHECK(b.bytes_out(n) == 0);
    CHECK(b.bytes_in(n) == 0);
    CHECK(b.dma_stalls(n) == 0);
    CHECK(b.ni_reqs(n) == 0);
    CHECK(b.ni_errs(n) == 0);
  }
}

TEST_CASE("node xfer: WRITE of every size 4..600 bytes and every source/destination word offset",
          "[node][xfer]") {
  every_size_and_alignment<Vnode_xfer>(false, 3);
}

TEST_CASE("node xfer: READ of every size 4..600 bytes and every source/destination word offset",
          "[node][xfer]") {
  every_size_and_alignment<Vnode_xfer>(true, 3);
}

TEST_CASE("node xfer: 4 VCs and 256-byte packets, WRITE and READ of sizes and alignments", "[node][xfer]") {
  every_size_and_alignment<Vnode_xfer_4vc>(false, 9);
  every_size_and_alignment<Vnode_xfer_4vc>(true, 9);
}

TEST_CASE("node xfer: 2D WRITE and READ with strides", "[node][xfer]") {
  XferBench<Vnode_xfer> b(0.25);
  for (int i = 0; i < 24; ++i) {
    const uint32_t row = 4 * pick(b.rng(), 1, 40), rows = pick(b.rng(), 1, 9);
    const uint32_t ss = row + 4 * pick(b.rng(), 0, 12), ds = row + 4 * pick(b.rng(), 0, 12);
    const uint32_t src = 4 * pick(b.rng(), 0, 2000), dst = 4 * pick(b.rng(), 0, 2000);
    run_xfer(b, {kA, kB, src, dst, row, rows, ss, ds}, i % 2 == 1);
  }
  // Stride 0 on the destination: every row lands on the same bytes, the last one wins.
  run_xfer(b, {kB, kA, 0x1000, 0x3000, 64, 4, 64, 0}, false);
}

TEST_CASE("node xfer: FLAG is sent only after every earlier WRITE is acknowledged", "[node][xfer]") {
  XferBench<Vnode_xfer> b(0.2);
  b.set_stall(kB, 0.8);  // B writes its data slowly
  const uint32_t flag = 0x2000, dst = 0x4000, len = 600;
  b.mem[kA][flag] = 5;
  for (int i = 1; i < 4; ++i) b.mem[kA][flag + i] = 0;
  const std::vector<uint8_t> src(b.mem[kA].begin() + 0x100, b.mem[kA].begin() + 0x100 + len);
  int flag_writes = 0;
  // The flag is A's own word (a FLAG_ADD to the node itself, H = 0): without the fence it would be written
  // long before B has the data.
  b.on_ni_write = [&](int n, uint32_t addr, uint32_t) {
    if (n != kA || addr != flag) return;
    ++flag_writes;
    for (uint32_t i = 0; i < len; ++i) REQUIRE(b.mem[kB][dst + i] == src[i]);
  };
  b.cmd(kA, DmaCmd::Shape, len, 1);
  b.cmd(kA, DmaCmd::Write, 0x100, global_addr(kB, 0, dst));
  b.cmd(kA, DmaCmd::Flag, 3, global_addr(kA, 0, flag));
  b.wait_idle(kA);
  CHECK(flag_writes == 1);
  CHECK(b.mem[kA][flag] == 8);
  CHECK(b.cnt_done(kA) == 2);
  CHECK(b.acks[kA] == (len + 63) / 64 + 1);  // one per 64-byte packet and one for the flag
  CHECK_FALSE(b.err(kA));
}

TEST_CASE("node xfer: concurrent WRITEs, READs and FLAGs both ways", "[node][xfer]") {
  XferBench<Vnode_xfer> b(0.3);
  // A writes to B's upper half-region, B writes to A; both read from each other; regions never overlap.
  const std::vector<uint8_t> a0 = b.mem[kA], b0 = b.mem[kB];
  auto issue = [&](int n, DmaCmd c, uint32_t l, uint32_t g) { b.cmd(n, c, l, g); };
  b.cmd(kA, DmaCmd::Shape, 300, 2);
  b.cmd(kB, DmaCmd::Shape, 200, 3);
  b.cmd(kA, DmaCmd::Stride, 400, 512);
  b.cmd(kB, DmaCmd::Stride, 256, 300);
  issue(kA, DmaCmd::Write, 0x0104, global_addr(kB, 0, 0x2008));  // A[0x104..] -> B[0x2008..]
  issue(kB, DmaCmd::Write, 0x0200, global_addr(kA, 0, 0x300c));  // B[0x200..] -> A[0x300c..]
  issue(kA, DmaCmd::Read, 0x5004, global_addr(kB, 0, 0x6000));   // B[0x6000..] -> A[0x5004..]
  issue(kB, DmaCmd::Read, 0x7008, global_addr(kA, 0, 0x0800));   // A[0x800..] -> B[0x7008..]
  issue(kA, DmaCmd::Flag, 1, global_addr(kB, 0, 0x7ff0));
  issue(kB, DmaCmd::Flag, 1, global_addr(kA, 0, 0x7ff0));
  b.wait_all_idle();
  CHECK_FALSE(b.err(kA));
  CHECK_FALSE(b.err(kB));
  CHECK(b.cnt_done(kA) == 3);
  CHECK(b.cnt_done(kB) == 3);
  for (uint32_t r = 0; r < 2; ++r)
    for (uint32_t i = 0; i < 300; ++i) {
      REQUIRE(b.mem[kB][0x2008 + r * 512 + i] == a0[0x104 + r * 400 + i]);
      REQUIRE(b.mem[kA][0x5004 + r * 400 + i] == b0[0x6000 + r * 512 + i]);
    }
  for (uint32_t r = 0; r < 3; ++r)
    for (uint32_t i = 0; i < 200; ++i) {
      REQUIRE(b.mem[kA][0x300c + r * 300 + i] == b0[0x200 + r * 256 + i]);
      REQUIRE(b.mem[kB][0x7008 + r * 256 + i] == a0[0x800 + r * 300 + i]);
    }
  CHECK(b.bytes_out(kA) == 600);
  CHECK(b.bytes_in(kA) == 600);
  CHECK(b.bytes_out(kB) == 600);
  CHECK(b.bytes_in(kB) == 600);
}

TEST_CASE("node xfer: every DMA error code drops the command, is sticky, never hangs, CLEAR clears it",
          "[node][xfer]") {
  XferBench<Vnode_xfer> b(0.2);
  struct Case {
    DmaErr code;
    std::array<uint32_t, 3> setup;  // a command before it (SHAPE), or none (funct3 7 marks none)
    std::array<uint32_t, 3> cmd;
  };
  const auto none = dma_command(7, 0, 0, 0);
  const auto shape = [](uint32_t bytes, uint32_t rows) { return dma_command(DmaCmd::Shape, bytes, rows); };
  const std::vector<Case> cases = {
      {DmaErr::Command, none, dma_command(6, 0, 0, 0)},
      {DmaErr::Command, none, dma_command(2, 1, 0, global_addr(1, 0, 0))},
      {DmaErr::Command, none, dma_command(DmaCmd::Clear, 4, 0)},
      {DmaErr::Shape, none, shape(0, 1)},
      {DmaErr::Shape, none, shape(65536, 1)},
      {DmaErr::Shape, none, shape(16, 65536)},
      {DmaErr::Misaligned, none, shape(6, 1)},
      {DmaErr::Misaligned, none, dma_command(DmaCmd::Stride, 2, 0)},
      {DmaErr::Misaligned, shape(16, 1), dma_command(DmaCmd::Write, 0x102, global_addr(1, 0, 0))},
      {DmaErr::Misaligned, shape(16, 1), dma_command(DmaCmd::Read, 0x100, global_addr(1, 0, 2))},
      {DmaErr::Misaligned, none, dma_command(DmaCmd::Flag, 1, global_addr(1, 0, 6))},
      {DmaErr::LocalRange, shape(32, 1), dma_command(DmaCmd::Write, 65536 - 16, global_addr(1, 0, 0))},
      {DmaErr::LocalRange, shape(32, 1), dma_command(DmaCmd::Read, 65536, global_addr(1, 0, 0))},
      {DmaErr::Node, shape(16, 1), dma_command(DmaCmd::Write, 0, global_addr(2, 0, 0))},
      {DmaErr::Node, shape(16, 1), dma_command(DmaCmd::Read, 0, global_addr(0, 1, 0))},
      {DmaErr::Node, none, dma_command(DmaCmd::Flag, 1, global_addr(0, 3, 0))},
      {DmaErr::RemoteRange, shape(16, 1), dma_command(DmaCmd::Write, 0, global_addr(1, 0, 65536 - 8))},
      {DmaErr::RemoteRange, none, dma_command(DmaCmd::Flag, 1, global_addr(1, 0, 65536))},
      // B's NI serves 32 KiB only: it refuses, and the error comes back in the response.
      {DmaErr::Remote, shape(64, 1), dma_command(DmaCmd::Write, 0, global_addr(1, 0, 40000))},
      {DmaErr::Remote, shape(64, 1), dma_command(DmaCmd::Read, 0, global_addr(1, 0, 40000))},
      {DmaErr::Remote, none, dma_command(DmaCmd::Flag, 1, global_addr(1, 0, 40000))},
  };
  for (const Case& c : cases) {
    CAPTURE(int(c.code), c.cmd[0], c.cmd[1], c.cmd[2]);
    if (c.setup[2] != 7) b.cmd(kA, c.setup);
    const uint32_t reqs_b = b.ni_reqs(kB);
    b.cmd(kA, c.cmd);
    b.wait_idle(kA);
    CHECK(b.err(kA));
    CHECK(b.err_code(kA) == uint32_t(c.code));
    // Dropped commands send nothing; a remote error is one refused request at B.
    CHECK(b.ni_reqs(kB) == reqs_b + (c.code == DmaErr::Remote ? 1u : 0u));
    // A second error does not replace the first.
    b.cmd(kA, dma_command(6, 0, 0, 0));
    b.wait_idle(kA);
    CHECK(b.err_code(kA) == uint32_t(c.code));
    b.cmd(kA, DmaCmd::Clear, 1, 0);
    b.wait_idle(kA);
    CHECK_FALSE(b.err(kA));
    CHECK(b.err_code(kA) == 0);
  }
  // The engine still works, and CLEAR [1] clears the counters.
  run_xfer(b, {kA, kB, 0x100, 0x200, 64, 1, 0, 0}, false);
  CHECK(b.bytes_out(kA) != 0);
  b.cmd(kA, DmaCmd::Clear, 2, 0);
  b.wait_idle(kA);
  CHECK(b.cnt_done(kA) == 0);
  CHECK(b.bytes_out(kA) == 0);
  CHECK(b.bytes_in(kA) == 0);
}

TEST_CASE("node xfer: a full queue holds the core back, busy covers queued and unacknowledged work",
          "[node][xfer]") {
  XferBench<Vnode_xfer> b(0.5);
  b.cmd(kA, DmaCmd::Shape, 256, 1);
  int not_ready = 0;
  for (int i = 0; i < 12; ++i) {
    const uint32_t dst = 0x1000 + 0x100 * static_cast<uint32_t>(i);
    // The queue accepts; busy is high from the next cycle on.
    auto& t = b.dut.top();
    const auto c = dma_command(DmaCmd::Write, 0x100, global_addr(kB, 0, dst));
    for (int w = 0; w < 3; ++w) nd::bits::put(t.cmd_i, w * 32, w == 2 ? 10 : 32, c[w]);
    nd::bits::put(t.cmd_valid_i, 0, 1, 1);
    while (nd::bits::get(t.cmd_valid_i, 0, 1)) {
      if (!nd::bits::get(t.cmd_ready_o, 0, 1)) ++not_ready;
      b.cycle();
      REQUIRE(b.busy(kA));
    }
  }
  CHECK(not_ready > 0);  // the queue (4 deep) was full at times
  // busy stays high until every packet is acknowledged: done counts all 12 at the first idle cycle.
  while (b.busy(kA)) {
    REQUIRE(b.cnt_done(kA) < 13);
    b.cycle();
  }
  CHECK(b.cnt_done(kA) == 12);
  CHECK(b.acks[kA] == 12 * 4);
}

TEST_CASE("node xfer: reset of a DMA engine or of everything in the middle of transfers", "[node][xfer]") {
  XferBench<Vnode_xfer> b(0.3);
  b.cmd(kA, DmaCmd::Shape, 600, 4);
  b.cmd(kA, DmaCmd::Write, 0x0, global_addr(kB, 0, 0x1000));
  b.cmd(kB, DmaCmd::Shape, 600, 2);
  b.cmd(kB, DmaCmd::Read, 0x3000, global_addr(kA, 0, 0x4000));
  b.cycles(150);
  REQUIRE(b.busy(kA));
  // Compute reset of A's engine alone: packets in flight still arrive and are acknowledged to a fresh engine
  // that ignores the acknowledgements.
  b.dut->dma_rst_ni = 2;
  b.cycle();
  b.dut->dma_rst_ni = 3;
  b.cycles(2000);
  CHECK_FALSE(b.busy(kA));
  CHECK_FALSE(b.err(kA));
  run_xfer(b, {kA, kB, 0x100, 0x5004, 200, 2, 256, 256}, false);
  run_xfer(b, {kB, kA, 0x100, 0x5004, 200, 2, 256, 256}, true);
  // Reset of everything mid-transfer, then transfers work again.
  b.cmd(kA, DmaCmd::Shape, 600, 4);
  b.cmd(kA, DmaCmd::Write, 0x0, global_addr(kB, 0, 0x1000));
  b.cycles(97);
  b.reset();
  CHECK_FALSE(b.busy(kA));
  CHECK_FALSE(b.busy(kB));
  run_xfer(b, {kA, kB, 0x108, 0x2004, 300, 2, 400, 512}, false);
  run_xfer(b, {kB, kA, 0x10c, 0x2000, 300, 2, 400, 512}, true);
}
