// Random-program lockstep test of the core against the instruction-set simulator (tb/model/core).
//
// Each seed generates a program of a few thousand instructions: every RV32IM arithmetic, logic, shift,
// multiply and divide instruction on a small register pool (so hazards and forwarding happen all the
// time), loads and stores of every width into a data window, forward branches both ways, small counted
// loops (backward branches), jal/jalr skips, writes to x0, CSR accesses including writes to both halves
// of minstret around the wrap of its low word (read back and stored at once). The program ends by
// dumping all registers to memory and storing 1 to tohost. The RTL's retired instruction stream and
// store stream must equal the ISS's, and so must the final data window, on nd_core_system and on the
// bare pipeline with random grants.
#include <catch2/catch.hpp>
#include <cstdint>
#include <random>
#include <vector>

#include "core_isa_common.hpp"
#include "core_isa_sims.hpp"
#include "hex.hpp"
#include "options.hpp"
#include "program_image.hpp"
#include "rv32_iss.hpp"

using namespace nd::core;
using nd::hex;

namespace {

constexpr uint32_t kData = 0x10000;        // data window (1 KiB random words), base register x13
constexpr uint32_t kDump = kData + 0x400;  // register dump
constexpr uint32_t kTohost = 0x11000;
constexpr uint32_t kLoadHi = 0x11040;

uint32_t r_type(uint32_t f7, uint32_t rs2, uint32_t rs1, uint32_t f3, uint32_t rd, uint32_t op) {
  return f7 << 25 | rs2 << 20 | rs1 << 15 | f3 << 12 | rd << 7 | op;
}
uint32_t i_type(int32_t imm, uint32_t rs1, uint32_t f3, uint32_t rd, uint32_t op) {
  return (static_cast<uint32_t>(imm) & 0xfffu) << 20 | rs1 << 15 | f3 << 12 | rd << 7 | op;
}
uint32_t s_type(int32_t imm, uint32_t rs2, uint32_t rs1, uint32_t f3) {
  const uint32_t u = static_cast<uint32_t>(imm);
  return ((u >> 5) & 0x7fu) << 25 | rs2 << 20 | rs1 << 15 | f3 << 12 | (u & 31u) << 7 | 0x23u;
}
uint32_t b_type(int32_t off, uint32_t rs2, uint32_t rs1, uint32_t f3) {
  const uint32_t u = static_cast<uint32_t>(off);
  return ((u >> 12) & 1u) << 31 | ((u >> 5) & 0x3fu) << 25 | rs2 << 20 | rs1 << 15 | f3 << 12 |
         ((u >> 1) & 15u) << 8 | ((u >> 11) & 1u) << 7 | 0x63u;
}
uint32_t j_type(int32_t off, uint32_t rd) {
  const uint32_t u = static_cast<uint32_t>(off);
  return ((u >> 20) & 1u) << 31 | ((u >> 1) & 0x3ffu) << 21 | ((u >> 11) & 1u) << 20 |
         ((u >> 12) & 0xffu) << 12 | rd << 7 | 0x6fu;
}
uint32_t lui(uint32_t rd, uint32_t imm20) { return (imm20 & 0xfffffu) << 12 | rd << 7 | 0x37u; }

struct Gen {
  std::mt19937_64 rng;
  std::vector<uint32_t> code;
  explicit Gen(uint64_t seed) : rng(seed) {}
  uint32_t pick(uint32_t n) { return static_cast<uint32_t>(rng() % n); }
  uint32_t dst() { return pick(16) == 0 ? 0 : 1 + pick(12); }  // x0 now and then, else x1..x12
  uint32_t src() { return pick(13); }                          // x0..x12
  uint32_t csr(uint32_t addr, uint32_t rs1, uint32_t f3, uint32_t rd) {
    return i_type(static_cast<int32_t>(addr), rs1, f3, rd, 0x73);
  }
  void li(uint32_t rd, uint32_t v) {
    const uint32_t hi = (v + 0x800u) >> 12;
    code.push_back(lui(rd, hi));
    code.push_back(i_type(static_cast<int32_t>(v << 20) >> 20, rd, 0, rd, 0x13));
  }
  // One instruction that does not change control flow.
  void straight() {
    const uint32_t k = pick(100);
    if (k < 35) {  // OP
      static const uint32_t ops[][2] = {{0, 0}, {0x20, 0}, {0, 1},    {0, 2}, {0, 3},
                                        {0, 4}, {0, 5},    {0x20, 5}, {0, 6}, {0, 7}};
      const auto& o = ops[pick(10)];
      code.push_back(r_type(o[0], src(), src(), o[1], dst(), 0x33));
    } else if (k < 60) {  // OP-IMM
      const uint32_t f3 = pick(8);
      int32_t imm = static_cast<int32_t>(pick(4096)) - 2048;
      if (f3 == 1) imm = static_cast<int32_t>(pick(32));
      if (f3 == 5) imm = static_cast<int32_t>(pick(32) | (pick(2) ? 0x400u : 0u));
      code.push_back(i_type(imm, src(), f3, dst(), 0x13));
    } else if (k < 70) {  // M: multiplies often, divides less (they take 34 cycles)
      const uint32_t f3 = pick(3) ? pick(4) : 4 + pick(4);
      code.push_back(r_type(1, src(), src(), f3, dst(), 0x33));
    } else if (k < 72) {  // CSR instructions on read-write CSRs (minstret(h) too), reads of counters / ids
      static const uint32_t rw[] = {0x340, 0x343, 0x342, 0x341, 0x305, 0xB02, 0xB82};
      static const uint32_t ro[] = {0xB02, 0xC02, 0xF14, 0x301, 0xB82, 0xC82};
      if (pick(3) == 0) {
        code.push_back(csr(ro[pick(6)], 0, 2, dst()));  // csrr
      } else {
        code.push_back(csr(rw[pick(7)], src(), 1 + pick(3) + (pick(2) ? 4u : 0u), dst()));
      }
    } else if (k < 73) {
      code.push_back(pick(2) ? lui(dst(), static_cast<uint32_t>(rng()))
                             : (lui(dst(), static_cast<uint32_t>(rng())) & ~0x7fu) | 0x17u);
    } else if (k < 88) {  // loads
      static const uint32_t f3s[] = {0, 1, 2, 4, 5};
      const uint32_t f3 = f3s[pick(5)];
      const uint32_t size = 1u << (f3 & 3u);
      code.push_back(i_type(static_cast<int32_t>(pick(1024 / size) * size), 13, f3, dst(), 0x03));
    } else {  // stores
      const uint32_t f3 = pick(3);
      const uint32_t size = 1u << f3;
      code.push_back(s_type(static_cast<int32_t>(pick(1024 / size) * size), src(), 13, f3));
    }
  }
  void block(int n) {
    for (int i = 0; i < n; ++i) {
      const uint32_t k = pick(100);
      if (k < 80) {
        straight();
      } else if (k < 88) {  // forward branch over 1..3 instructions
        static const uint32_t f3s[] = {0, 1, 4, 5, 6, 7};
        const uint32_t skip = 1 + pick(3);
        code.push_back(b_type(static_cast<int32_t>(4 * (skip + 1)), src(), src(), f3s[pick(6)]));
        for (uint32_t s = 0; s < skip; ++s) straight();
      } else if (k < 92) {  // jal over 1..2 instructions
        const uint32_t skip = 1 + pick(2);
        code.push_back(j_type(static_cast<int32_t>(4 * (skip + 1)), dst()));
        for (uint32_t s = 0; s < skip; ++s) straight();
      } else if (k < 94) {  // auipc x14; jalr rd, 12(x14): skips one instruction
        code.push_back(0x17u | 14u << 7);
        code.push_back(i_type(12, 14, 0, dst(), 0x67));
        straight();
      } else if (k < 95) {  // minstret near the wrap of its low word, a write to either half, stored reads
        const uint32_t r = 1 + pick(12);
        li(r, 0xffffffffu - pick(3));
        code.push_back(csr(0xB02, r, 1, 0));  // csrw minstret, r
        for (uint32_t s = pick(3); s > 0; --s) straight();
        code.push_back(csr(pick(2) ? 0xB82 : 0xB02, src(), 1 + pick(3) + (pick(2) ? 4u : 0u), dst()));
        for (const uint32_t a : {0xB02u, 0xB82u}) {
          const uint32_t rd = 1 + pick(12);
          code.push_back(csr(a, 0, 2, rd));
          code.push_back(s_type(static_cast<int32_t>(4 * pick(256)), rd, 13, 2));
        }
      } else {  // counted loop: x15 = 1..4, body of 1..4 instructions, bne backwards
        li(15, 1 + pick(4));
        const size_t start = code.size();
        const uint32_t body = 1 + pick(4);
        for (uint32_t s = 0; s < body; ++s) straight();
        code.push_back(i_type(-1, 15, 0, 15, 0x13));
        const int32_t back = -4 * static_cast<int32_t>(code.size() - start);
        code.push_back(b_type(back, 0, 15, 1));
      }
    }
  }
};

// Builds the program image of one random program: code and data in one segment below kLoadHi.
ProgramImage random_image(uint64_t seed, int length) {
  Gen g(seed);
  g.li(13, kData);
  for (uint32_t r = 1; r <= 12; ++r) g.li(r, static_cast<uint32_t>(g.rng()));
  g.block(length);
  for (uint32_t r = 1; r < 32; ++r) g.code.push_back(s_type(static_cast<int32_t>(0x400 + 4 * r), r, 13, 2));
  g.li(14, kTohost);
  g.code.push_back(i_type(1, 0, 0, 15, 0x13));  // li x15, 1
  g.code.push_back(s_type(0, 15, 14, 2));       // sw x15, 0(x14)
  g.code.push_back(j_type(0, 0));               // j .
  std::vector<uint32_t> mem(kLoadHi / 4, 0);
  REQUIRE(g.code.size() * 4 < kData);
  for (size_t i = 0; i < g.code.size(); ++i) mem[i] = g.code[i];
  for (uint32_t a = kData; a < kData + 0x400; a += 4) mem[a / 4] = static_cast<uint32_t>(g.rng());
  ImageSegment seg;
  seg.executable = seg.writable = true;
  for (const uint32_t w : mem) {
    for (int b = 0; b < 4; ++b) seg.data.push_back(static_cast<uint8_t>(w >> (8 * b)));
  }
  seg.file_size = static_cast<uint32_t>(seg.data.size());
  ProgramImage image;
  image.path = "random program (seed " + std::to_string(seed) + ")";
  image.segments.push_back(std::move(seg));
  image.symbols["tohost"] = ImageSymbol{kTohost, 4};
  image.tohost = kTohost;
  return image;
}

struct IssTrace {
  std::vector<std::pair<uint32_t, uint32_t>> retired;
  std::vector<IssStore> stores;
  Rv32Iss iss;
  IssTrace() : iss(isa::kSimSramBytes, isa::kHartId) {}
};

void run_iss(IssTrace& t, const ProgramImage& image) {
  for (const ImageWord& w : image.words()) t.iss.write_word(w.addr, w.data);
  for (int n = 0; n < 1'000'000 && !t.iss.halted(); ++n) {
    const IssStep s = t.iss.step();
    REQUIRE_FALSE(s.trap);
    t.retired.emplace_back(s.pc, s.insn);
    if (s.store) {
      t.stores.push_back(*s.store);
      if (s.store->addr == kTohost) return;
    }
  }
  FAIL("ISS did not reach the tohost store");
}

void compare(const IssTrace& ref, const isa::SimRun& dut, const std::string& what, bool full_memory) {
  INFO(what << ": " << dut.cycles << " cycles, " << dut.retired.size() << " retired, " << dut.stores.size()
            << " stores (ISS: " << ref.retired.size() << ", " << ref.stores.size() << ")");
  REQUIRE_FALSE(dut.halted);
  REQUIRE(dut.tohost == 1);
  REQUIRE(dut.retired.size() >= ref.retired.size());
  for (size_t i = 0; i < ref.retired.size(); ++i) {
    if (dut.retired[i] != ref.retired[i]) {
      FAIL("retired instruction " << i << " differs: RTL pc " << hex(dut.retired[i].first) << " insn "
                                  << hex(dut.retired[i].second) << ", ISS pc " << hex(ref.retired[i].first)
                                  << " insn " << hex(ref.retired[i].second));
    }
  }
  REQUIRE(dut.stores.size() == ref.stores.size());
  for (size_t i = 0; i < ref.stores.size(); ++i) {
    if (!(dut.stores[i] == ref.stores[i])) {
      FAIL("store " << i << " differs: RTL " << hex(dut.stores[i].addr) << " <- "
                    << hex(dut.stores[i].masked()) << " be " << dut.stores[i].be << ", ISS "
                    << hex(ref.stores[i].addr) << " <- " << hex(ref.stores[i].masked()) << " be "
                    << ref.stores[i].be);
    }
  }
  for (uint32_t a = kData; a < kData + 0x480; a += 4) {
    const uint32_t got = full_memory ? dut.mem.at(a / 4) : dut.mem.at((a - kData) / 4);
    if (got != ref.iss.read_word(a))
      FAIL("memory " << hex(a) << ": RTL " << hex(got) << ", ISS " << hex(ref.iss.read_word(a)));
  }
}

}  // namespace

TEST_CASE("random programs: nd_core_system matches the ISS instruction by instruction", "[core][isa]") {
  const auto index = GENERATE(range(0, 6));
  const uint64_t seed = nd::test_seed() * 7919u + static_cast<uint64_t>(index);
  INFO("program seed " << seed << " (test --seed " << nd::test_seed() << ", index " << index << ")");
  const ProgramImage image = random_image(seed, 1500);
  IssTrace ref;
  run_iss(ref, image);
  const auto dut = isa::run_core_system(image, isa::kHartId, "isa_random_" + std::to_string(index), 200'000,
                                        kData, kData + 0x480);
  compare(ref, dut, "nd_core_system", false);
}

TEST_CASE("random programs: the bare pipeline under random grant stalls matches the ISS", "[core][isa]") {
  const auto index = GENERATE(range(0, 4));
  const int grant = index % 2 ? 30 : 70;
  const uint64_t seed = nd::test_seed() * 104729u + static_cast<uint64_t>(index);
  INFO("program seed " << seed << ", grant probability " << grant << "%");
  const ProgramImage image = random_image(seed, 1500);
  IssTrace ref;
  run_iss(ref, image);
  const auto dut = isa::run_bare_core(image, isa::kHartId, grant, seed,
                                      "isa_random_stall_" + std::to_string(index), 400'000);
  compare(ref, dut, "core with " + std::to_string(grant) + "% grants", true);
}

TEST_CASE("random programs soak: 200 longer programs on nd_core_system and on the stalled pipeline",
          "[core][isa][.slow]") {
  const auto index = GENERATE(range(0, 200));
  const uint64_t seed = nd::test_seed() * 15485863u + static_cast<uint64_t>(index);
  const int grant = 20 + static_cast<int>(seed % 70);
  INFO("program seed " << seed << ", grant probability " << grant << "%");
  const ProgramImage image = random_image(seed, 4000);
  IssTrace ref;
  run_iss(ref, image);
  const auto sys = isa::run_core_system(image, isa::kHartId, "isa_soak_" + std::to_string(index), 500'000,
                                        kData, kData + 0x480);
  compare(ref, sys, "nd_core_system", false);
  const auto bare = isa::run_bare_core(image, isa::kHartId, grant, seed,
                                       "isa_soak_stall_" + std::to_string(index), 1'000'000);
  compare(ref, bare, "core with " + std::to_string(grant) + "% grants", true);
}
