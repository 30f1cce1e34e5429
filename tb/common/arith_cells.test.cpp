// Unit tests of the arithmetic cells in rtl/common against plain C++ references: nd_lzc (leading zeros),
// nd_shift_sticky (right shift with a sticky bit) and nd_sr_round (round-to-nearest-even or stochastic
// rounding decision). Small configurations are covered exhaustively; the configurations the FP units use
// are covered exhaustively where that is cheap (nd_lzc Width 24) and on seeded random inputs otherwise.
#include <catch2/catch.hpp>

#include <cstdint>
#include <random>

#include "Vcommon_arith_cells.h"
#include "dut.hpp"
#include "hex.hpp"

using nd::hex;

namespace {

int lzc_ref(uint32_t x, int width) {
  for (int i = width - 1; i >= 0; --i)
    if ((x >> i) & 1u) return width - 1 - i;
  return width;
}

struct Shifted {
  uint64_t out;
  bool sticky;
};
Shifted shift_ref(uint64_t x, unsigned amt, int width) {
  const uint64_t mask = width == 64 ? ~0ull : (1ull << width) - 1;
  x &= mask;
  if (amt >= static_cast<unsigned>(width)) return {0, x != 0};
  return {x >> amt, (x & ((1ull << amt) - 1)) != 0};
}

// Rounding decision from the definitions: the discarded part is frac / 2^frac_w of an LSB plus a
// nonzero tail when sticky is set.
bool round_ref(bool lsb, uint32_t frac, bool sticky, bool stochastic, uint32_t rnd, int frac_w) {
  const uint32_t one = 1u << frac_w, half = one >> 1;
  if (stochastic) return frac + rnd >= one;
  if (frac != half) return frac > half;  // clearly above or below half an LSB
  return sticky || lsb;                  // above half, or a tie: to even
}

}  // namespace

TEST_CASE("nd_lzc: every input at widths 1, 5, 16 and 24", "[common][unit]") {
  nd::Dut<Vcommon_arith_cells> dut(nd::test_waves("nd_lzc"));
  dut.reset();
  for (uint32_t x = 0; x < 2; ++x) {
    dut->lzc1_i = x;
    dut.eval();
    REQUIRE(int(dut->lzc1_o) == lzc_ref(x, 1));
  }
  for (uint32_t x = 0; x < 32; ++x) {
    dut->lzc5_i = x;
    dut.eval();
    INFO("in " << hex(x));
    REQUIRE(int(dut->lzc5_o) == lzc_ref(x, 5));
  }
  for (uint32_t x = 0; x < (1u << 16); ++x) {
    dut->lzc16_i = x;
    dut.eval();
    if (int(dut->lzc16_o) != lzc_ref(x, 16)) {
      INFO("in " << hex(x));
      REQUIRE(int(dut->lzc16_o) == lzc_ref(x, 16));
    }
  }
  long checked = 0;
  for (uint32_t x = 0; x < (1u << 24); ++x) {
    dut->lzc24_i = x;
    dut.eval();
    if (int(dut->lzc24_o) != lzc_ref(x, 24)) {
      INFO("in " << hex(x));
      REQUIRE(int(dut->lzc24_o) == lzc_ref(x, 24));
    }
    ++checked;
  }
  CHECK(checked == (1L << 24));
}

TEST_CASE("nd_shift_sticky: every input and amount at width 8, random inputs at width 56", "[common][unit]") {
  const uint64_t seed = nd::test_seed();
  std::mt19937_64 rng(seed ^ 0x5348494654ull);  // this test's own stream
  nd::Dut<Vcommon_arith_cells> dut(nd::test_waves("nd_shift_sticky"));
  dut.reset();
  for (uint32_t x = 0; x < 256; ++x) {
    for (unsigned amt = 0; amt < 16; ++amt) {
      dut->sh8_i = x;
      dut->sh8_amt_i = amt;
      dut.eval();
      const Shifted want = shift_ref(x, amt, 8);
      INFO("in " << hex(x) << " shift " << amt);
      REQUIRE(hex(dut->sh8_o) == hex(want.out));
      REQUIRE(bool(dut->sh8_sticky_o) == want.sticky);
    }
  }
  // Every amount below 64, then amounts past the width up to the largest 12-bit value.
  const unsigned big[] = {100, 255, 256, 2047, 2048, 4095};
  for (unsigned k = 0; k < 64 + sizeof(big) / sizeof(big[0]); ++k) {
    const unsigned amt = k < 64 ? k : big[k - 64];
    for (int i = 0; i < 2000; ++i) {
      // Values of every density: a random word with a random number of its top bits cleared, and
      // sometimes a single set bit (the sticky bit then depends on exactly one position).
      uint64_t x = rng() >> (rng() % 64);
      if (i % 8 == 0) x = 1ull << (rng() % 56);
      x &= (1ull << 56) - 1;
      dut->sh56_i = x;
      dut->sh56_amt_i = amt;
      dut.eval();
      const Shifted want = shift_ref(x, amt, 56);
      if (dut->sh56_o != want.out || bool(dut->sh56_sticky_o) != want.sticky) {
        INFO("seed " << seed << " in " << hex(x) << " shift " << amt);
        REQUIRE(hex(dut->sh56_o) == hex(want.out));
        REQUIRE(bool(dut->sh56_sticky_o) == want.sticky);
      }
    }
  }
}

TEST_CASE("nd_sr_round: every input at FracW 4, ties and boundaries at FracW 16", "[common][unit]") {
  const uint64_t seed = nd::test_seed();
  std::mt19937_64 rng(seed ^ 0x5352524e44ull);  // this test's own stream
  nd::Dut<Vcommon_arith_cells> dut(nd::test_waves("nd_sr_round"));
  dut.reset();
  for (uint32_t v = 0; v < (1u << 11); ++v) {  // lsb, frac (4), sticky, stochastic, rand (4)
    const bool lsb = v & 1, sticky = (v >> 5) & 1, stochastic = (v >> 6) & 1;
    const uint32_t frac = (v >> 1) & 0xF, rnd = (v >> 7) & 0xF;
    dut->sr4_lsb_i = lsb;
    dut->sr4_frac_i = frac;
    dut->sr4_sticky_i = sticky;
    dut->sr4_stochastic_i = stochastic;
    dut->sr4_rand_i = rnd;
    dut.eval();
    INFO("lsb " << lsb << " frac " << hex(frac) << " sticky " << sticky << " stochastic " << stochastic
                << " rand " << hex(rnd));
    REQUIRE(bool(dut->sr4_up_o) == round_ref(lsb, frac, sticky, stochastic, rnd, 4));
  }
  int ups = 0;
  for (int i = 0; i < 200000; ++i) {
    const bool lsb = rng() & 1, sticky = rng() & 1, stochastic = rng() & 1;
    uint32_t frac = rng() & 0xFFFF;
    uint32_t rnd = rng() & 0xFFFF;
    switch (i % 6) {  // half an LSB and its neighbours; rand on either side of the carry
      case 0:
        frac = 0x8000;
        break;
      case 1:
        frac = 0x8000 + static_cast<uint32_t>(rng() % 3) - 1;
        break;
      case 2:
        rnd = (0x10000 - frac) & 0xFFFF;
        break;
      case 3:
        rnd = (0xFFFF - frac) & 0xFFFF;
        break;
      default:
        break;
    }
    dut->sr16_lsb_i = lsb;
    dut->sr16_frac_i = frac;
    dut->sr16_sticky_i = sticky;
    dut->sr16_stochastic_i = stochastic;
    dut->sr16_rand_i = rnd;
    dut.eval();
    const bool want = round_ref(lsb, frac, sticky, stochastic, rnd, 16);
    if (bool(dut->sr16_up_o) != want) {
      INFO("seed " << seed << " lsb " << lsb << " frac " << hex(frac) << " sticky " << sticky
                   << " stochastic " << stochastic << " rand " << hex(rnd));
      REQUIRE(bool(dut->sr16_up_o) == want);
    }
    ups += want;
  }
  // The stimulus reaches both decisions often (a guard against a generator stuck on one side).
  CHECK(ups > 50000);
  CHECK(ups < 150000);
}
