// nd_node_mem (docs/node.md "SRAM"): all six requesters at random against the reference (MemBench), the
// core's two ports on one bank, the worst-case waits on a bank every slot wants, and the port assertions.
#include <catch2/catch.hpp>
#include <string>

#include "node_mem_bench.hpp"
#include "sim_matchers.hpp"

using namespace nd::node;

namespace {

// A random address: mostly one of a few hot lines (two per bank for banks 0 and 1, one for 2 and 3), so
// requesters meet on banks and on lines; low bits below the access width random (they are ignored).
uint32_t random_addr(std::mt19937_64& rng) {
  static const uint32_t hot[6] = {0, 1, 2, 3, 4, 5};
  const uint32_t line =
      (rng() % 100 < 75) ? hot[rng() % 6] : static_cast<uint32_t>(rng() % (kSramBytes / 128));
  return line * 128 + static_cast<uint32_t>(rng() % 128);
}

Request random_request(std::mt19937_64& rng, unsigned r) {
  Request q;
  q.active = true;
  q.addr = random_addr(rng);
  q.we = (r == kWr) || ((r == kNi || r == kData) && rng() % 2);
  if (q.we) {
    const uint64_t mask = (kBytes[r] >= 32) ? 0xFFFFFFFFull : ((1ull << kBytes[r]) - 1);
    q.be = static_cast<uint32_t>((rng() % 4 == 0) ? mask : (rng() & mask));
    if (r == kData && q.be == 0) q.be = 1;  // the core never writes without a lane
    for (unsigned i = 0; i < kBytes[r]; ++i) q.data[i] = static_cast<uint8_t>(rng());
  }
  return q;
}

}  // namespace

TEST_CASE("node mem: six random requesters against the reference", "[node][mem]") {
  const unsigned load = GENERATE(30u, 70u, 95u);  // percent chance that an idle requester asks
  MemBench b(0x1000 + load);
  auto& rng = b.rng();
  b.fill();
  unsigned redirects = 0;
  for (int cycle = 0; cycle < 6000; ++cycle) {
    for (unsigned r = 0; r < kNumReq; ++r) {
      if (!b.req[r].active) {
        if (rng() % 100 < load) b.req[r] = random_request(rng, r);
      } else if (r == kInstr && rng() % 10 == 0) {
        // The fetch may move (a redirect) or withdraw before its grant.
        b.req[r].addr = random_addr(rng) & ~3u;
        b.req[r].active = rng() % 4 != 0;
        b.restart_wait(r);
        ++redirects;
      }
    }
    b.step();
  }
  for (unsigned r = 0; r < kNumReq; ++r) {
    INFO(kReqName[r]);
    CHECK(b.grants[r] > 300);
  }
  CHECK(redirects > 50);
  CHECK(b.ibuf_hits > 50);  // writes to the hot lines empty the buffer often
  if (load == 95) {
    // The bound is reached: some held request waited the full 4 clocks.
    unsigned worst = 0;
    for (unsigned r = 0; r < kInstr; ++r) worst = std::max(worst, b.max_wait[r]);
    CHECK(worst == kMaxWait);
  }
}

TEST_CASE("node mem: core data and instruction fetch on the same bank", "[node][mem]") {
  MemBench b(0x2000);
  b.fill();
  const auto& mem = b.mem();
  auto word = [&mem](uint32_t a) {
    return uint32_t{mem[a]} | uint32_t{mem[a + 1]} << 8 | uint32_t{mem[a + 2]} << 16 |
           uint32_t{mem[a + 3]} << 24;
  };
  // Same bank (lines 1 and 5 are both in bank 1): the data access wins, the fetch follows next clock.
  b.req[kData] = Request{true, false, 0x80 + 8, 0, {}};
  b.req[kInstr] = Request{true, false, 0x280 + 12, 0, {}};
  b.step();
  REQUIRE(b.granted[kData]);
  REQUIRE_FALSE(b.granted[kInstr]);
  REQUIRE(b.dut()->data_rdata_o == word(0x88));
  b.step();
  REQUIRE(b.granted[kInstr]);
  REQUIRE(b.dut()->instr_rdata_o == word(0x28C));
  // A store and a fetch of the same word: the store first, the fetch sees it.
  b.req[kData] = Request{true, true, 0x100, 0xF, {1, 2, 3, 4}};
  b.req[kInstr] = Request{true, false, 0x100, 0, {}};
  b.step();
  REQUIRE(b.granted[kData]);
  REQUIRE_FALSE(b.granted[kInstr]);
  b.step();
  REQUIRE(b.granted[kInstr]);
  REQUIRE(b.dut()->instr_rdata_o == 0x04030201u);
  // Different banks: both in the same clock.
  b.req[kData] = Request{true, false, 0x000, 0, {}};
  b.req[kInstr] = Request{true, false, 0x180, 0, {}};
  b.step();
  REQUIRE(b.granted[kData]);
  REQUIRE(b.granted[kInstr]);
  REQUIRE(b.dut()->data_rdata_o == word(0x000));
  REQUIRE(b.dut()->instr_rdata_o == word(0x180));
  // The instruction line buffer: a fetch of the line fetched last needs no bank (it is granted beside the
  // MXU read of that bank); a store into that line empties the buffer and the next fetch sees the store.
  b.req[kRd] = Request{true, false, 0x180, 0, {}};
  b.req[kInstr] = Request{true, false, 0x184, 0, {}};
  b.step();
  REQUIRE(b.granted[kRd]);
  REQUIRE(b.granted[kInstr]);
  REQUIRE(b.ibuf_hits == 1);
  REQUIRE(b.dut()->instr_rdata_o == word(0x184));
  b.req[kData] = Request{true, true, 0x188, 0xF, {5, 6, 7, 8}};
  b.step();
  REQUIRE(b.granted[kData]);
  b.req[kRd] = Request{true, false, 0x180, 0, {}};
  b.req[kInstr] = Request{true, false, 0x188, 0, {}};
  b.step();
  REQUIRE(b.granted[kRd]);
  REQUIRE_FALSE(b.granted[kInstr]);  // a line read again, after the MXU's
  b.step();
  REQUIRE(b.granted[kInstr]);
  REQUIRE(b.ibuf_hits == 1);
  REQUIRE(b.dut()->instr_rdata_o == 0x08070605u);
}

TEST_CASE("node mem: every slot on one bank waits at most 4 clocks and the fetch 4 after its data access",
          "[node][mem]") {
  MemBench b(0x3000);
  b.fill();
  auto& rng = b.rng();
  // MXU read, MXU write, DMA and NI re-request bank 2 every clock; the core fetches from bank 2 all the
  // time and sometimes has a data access there too.
  unsigned instr_worst = 0, instr_wait = 0;
  for (int cycle = 0; cycle < 2000; ++cycle) {
    for (unsigned r = 0; r < kNumReq; ++r) {
      if (b.req[r].active) continue;
      // At most one data access per fetch: issued right after a fetch's grant, half of the time.
      if (r == kData && !(b.granted[kInstr] && rng() % 2)) continue;
      b.req[r] = random_request(rng, r);
      b.req[r].addr = 0x100 | (b.req[r].addr & 0x7F) | (static_cast<uint32_t>(rng() % 16) << 9);
    }
    b.step();
    instr_wait = b.granted[kInstr] ? 0 : instr_wait + 1;
    instr_worst = std::max(instr_worst, instr_wait);
  }
  for (unsigned r = 0; r < kInstr; ++r) {
    INFO(kReqName[r]);
    CHECK(b.max_wait[r] == kMaxWait);
  }
  CHECK(b.max_wait[kInstr] == kMaxWait);
  // Four clocks for the others, one for its own data access, four more: 9 clocks without a grant.
  CHECK(instr_worst == 2 * kMaxWait + 1);
}

TEST_CASE("node mem: a request that changes before its grant fires its assertion", "[node][mem][assert]") {
  const unsigned r = GENERATE(unsigned{kRd}, unsigned{kWr}, unsigned{kDma}, unsigned{kNi}, unsigned{kData});
  static const char* const kName[] = {"RdHeld_A", "WrHeld_A", "DmaHeld_A", "NiHeld_A", "DataHeld_A"};
  MemBench b(0x4000 + r);
  b.fill();
  // Another requester on the same bank; within two rounds the round robin makes the tested one wait.
  const unsigned other = (r == kRd) ? unsigned{kWr} : unsigned{kRd};
  for (int round = 0; round < 3 && !(b.req[r].active && !b.granted[r]); ++round) {
    if (!b.req[r].active) b.req[r] = Request{true, r == kWr, 0x200, 0xF, {}};
    if (!b.req[other].active) b.req[other] = Request{true, other == kWr, 0x000, 0xF, {}};
    b.step();
  }
  REQUIRE(b.req[r].active);
  b.req[r].addr += 0x200;  // same bank, another line
  REQUIRE_THROWS_MATCHES(b.step(), nd::SimError, nd::AssertionFired(kName[r]));
}

TEST_CASE("node mem: an address outside the SRAM fires its assertion", "[node][mem][assert]") {
  const unsigned r = GENERATE(unsigned{kRd}, unsigned{kNi}, unsigned{kInstr});
  static const char* const kName[] = {"RdInRange_A", "", "", "NiInRange_A", "", "InstrInRange_A"};
  MemBench b(0x5000 + r);
  b.req[r] = Request{true, false, kSramBytes, 0, {}};
  REQUIRE_THROWS_MATCHES(b.step(), nd::SimError, nd::AssertionFired(kName[r]));
}
