// RTL-vs-model checks of the FP32 FMA (rtl/fp/nd_fp_fma.sv) in both variants: SigW = 8 (BF16 / CFP8
// multiplicands, the MXU's datapath) and SigW = 24 (full FP32, used for TestFloat replay). Every case
// must agree bit for bit with the golden model fma32 (flags included) and with std::fma (canonical NaN).
// `make verify-fp` runs the [.slow] case: 10^7 random triples per variant.
#include <catch2/catch.hpp>

#include <vector>

#include "Vfp_fma_f32.h"
#include "Vfp_fma_narrow.h"
#include "dut.hpp"
#include "fp_convert.hpp"
#include "fp_fma.hpp"
#include "fp_random.hpp"
#include "hex.hpp"
#include "sim_matchers.hpp"

using namespace nd::fp;
using nd::hex;

namespace {

template <class V>
void check_one(nd::Dut<V>& dut, uint32_t a, uint32_t b, uint32_t c, uint64_t seed) {
  dut->a_i = a;
  dut->b_i = b;
  dut->c_i = c;
  dut.tick();
  Flags f = 0;
  const uint32_t want = fma32(a, b, c, &f);
  const uint32_t ref = std_fma32(a, b, c);
  if (dut->res_o != want || dut->flags_o != f || want != ref) {
    INFO("seed " << seed << " a " << hex(a) << " b " << hex(b) << " c " << hex(c));
    REQUIRE(hex(want) == hex(ref));
    REQUIRE(hex(dut->res_o) == hex(want));
    REQUIRE(flags_to_string(dut->flags_o) == flags_to_string(f));
  }
}

// Signed edge values. Multiplicands of the narrow variant must have a zero low half.
std::vector<uint32_t> edges(bool narrow) {
  std::vector<uint32_t> v = {0x00000000, 0x00010000, 0x007F0000, 0x00800000, 0x00810000, 0x3F800000,
                             0x3F810000, 0x3FFF0000, 0x7F7F0000, 0x7F800000, 0x7FC00000, 0x7FA00000,
                             0x1F800000, 0x5F800000, 0x20000000, 0x60000000};
  if (!narrow) {
    for (uint32_t x : {0x00000001u, 0x007FFFFFu, 0x3F800001u, 0x3FFFFFFFu, 0x7F7FFFFFu, 0x7F800001u,
                       0x33800000u, 0x34000000u, 0x4B800000u})
      v.push_back(x);
  }
  const size_t n = v.size();
  for (size_t i = 0; i < n; ++i) v.push_back(v[i] | 0x80000000u);
  return v;
}

template <class V>
long run_directed(nd::Dut<V>& dut, bool narrow) {
  const auto ab = edges(narrow);
  const auto c = edges(false);
  long checked = 0;
  for (uint32_t a : ab)
    for (uint32_t b : ab)
      for (uint32_t x : c) {
        check_one(dut, a, b, x, 0);
        ++checked;
      }
  return checked;
}

template <class V>
long run_random(nd::Dut<V>& dut, int sig_bits, long n, uint64_t seed, uint64_t salt) {
  OperandGen gen(stream_seed(seed, salt));
  long checked = 0;
  for (long i = 0; i < n; ++i) {
    const auto t = gen.fma_triple(sig_bits);
    check_one(dut, t[0], t[1], t[2], seed);
    ++checked;
  }
  return checked;
}

}  // namespace

TEST_CASE("nd_fp_fma SigW=8: directed edge cases", "[fp][unit]") {
  nd::Dut<Vfp_fma_narrow> dut(nd::test_waves("fp_fma_narrow_directed"));
  dut.reset();
  CHECK(run_directed(dut, true) == 32 * 32 * 50);
}

TEST_CASE("nd_fp_fma SigW=24: directed edge cases", "[fp][unit]") {
  nd::Dut<Vfp_fma_f32> dut(nd::test_waves("fp_fma_f32_directed"));
  dut.reset();
  CHECK(run_directed(dut, false) == 50 * 50 * 50);
}

TEST_CASE("nd_fp_fma SigW=8: a multiplicand with low fraction bits trips NarrowOperandA_A", "[fp][unit]") {
  nd::Dut<Vfp_fma_narrow> dut(nd::test_waves("fp_fma_narrow_assert"));
  dut->a_i = 0x3F800000u;
  dut->b_i = 0x3F800000u;
  dut->c_i = 0;
  dut.reset();
  dut.tick();              // a legal case passes
  dut->a_i = 0x3F800001u;  // 1 + 2^-23 is not a BF16 / CFP8 value
  CHECK_THROWS_MATCHES(dut.tick(), nd::SimError, nd::AssertionFired("NarrowOperandA_A"));
}

TEST_CASE("nd_fp_fma SigW=8: a multiplicand b with low fraction bits trips NarrowOperandB_A", "[fp][unit]") {
  nd::Dut<Vfp_fma_narrow> dut(nd::test_waves("fp_fma_narrow_assert_b"));
  dut->a_i = 0x3F800000u;
  dut->b_i = 0x3F800000u;
  dut->c_i = 0x3F800001u;  // c is a full FP32 value in both variants
  dut.reset();
  dut.tick();
  dut->b_i = 0x00008000u;  // a subnormal below the BF16 grid
  CHECK_THROWS_MATCHES(dut.tick(), nd::SimError, nd::AssertionFired("NarrowOperandB_A"));
}

TEST_CASE("nd_fp_fma SigW=8: 10^5 random triples", "[fp][unit]") {
  nd::Dut<Vfp_fma_narrow> dut(nd::test_waves("fp_fma_narrow_random"));
  dut.reset();
  CHECK(run_random(dut, 8, 100000, nd::test_seed(), 21) == 100000);
}

TEST_CASE("nd_fp_fma SigW=24: 10^5 random triples", "[fp][unit]") {
  nd::Dut<Vfp_fma_f32> dut(nd::test_waves("fp_fma_f32_random"));
  dut.reset();
  CHECK(run_random(dut, 24, 100000, nd::test_seed(), 22) == 100000);
}

TEST_CASE("nd_fp_fma SigW=8: BF16 x BF16 products, a sample per exponent of a", "[fp][unit]") {
  const uint64_t seed = nd::test_seed();
  OperandGen gen(stream_seed(seed, 25));
  nd::Dut<Vfp_fma_narrow> dut(nd::test_waves("fp_fma_narrow_bf16"));
  dut.reset();
  long checked = 0;
  for (uint32_t e = 0; e < 256; ++e) {
    for (int i = 0; i < 1024; ++i) {
      const uint32_t a = bf16_to_f32(static_cast<uint16_t>((gen.u32() & 0x807F) | (e << 7)));
      const uint32_t b = bf16_to_f32(static_cast<uint16_t>(gen.u32()));
      const uint32_t c = (i % 4 == 0) ? (gen.u32() & 0x80000000u) : gen.any();
      check_one(dut, a, b, c, seed);
      ++checked;
    }
  }
  CHECK(checked == 256 * 1024);
}

TEST_CASE("nd_fp_fma SigW=8: CFP8 x CFP8 products, every bias and layout", "[fp][unit]") {
  const uint64_t seed = nd::test_seed();
  OperandGen gen(stream_seed(seed, 26));
  nd::Dut<Vfp_fma_narrow> dut(nd::test_waves("fp_fma_narrow_cfp8"));
  dut.reset();
  long checked = 0;
  for (Cfp8Format fmt : {Cfp8Format::kE4M3, Cfp8Format::kE5M2}) {
    for (int bias = 0; bias <= kCfp8MaxBias; ++bias) {
      const int bias_b = gen.uniform(0, kCfp8MaxBias);  // A and B streams carry their own biases
      for (int i = 0; i < 300; ++i) {
        const uint32_t a = cfp8_to_f32(static_cast<uint8_t>(gen.u32()), fmt, bias);
        const uint32_t b = cfp8_to_f32(static_cast<uint8_t>(gen.u32()), fmt, bias_b);
        const uint32_t c = (i % 3 == 0) ? (gen.u32() & 0x80000000u) : gen.any();
        check_one(dut, a, b, c, seed);
        ++checked;
      }
    }
  }
  CHECK(checked == 2 * 64 * 300);
}

TEST_CASE("nd_fp_fma: 10^7 random triples per variant", "[fp][fma][.slow]") {
  const uint64_t seed = nd::test_seed();
  {
    nd::Dut<Vfp_fma_narrow> dut;
    dut.reset();
    CHECK(run_random(dut, 8, 10000000, seed, 23) == 10000000);
  }
  {
    nd::Dut<Vfp_fma_f32> dut;
    dut.reset();
    CHECK(run_random(dut, 24, 10000000, seed, 24) == 10000000);
  }
}
