// [model] tests of the format conversions against values worked out by hand from the format definitions.
#include <catch2/catch.hpp>

#include <cmath>

#include "fp_convert.hpp"
#include "fp_random.hpp"
#include "fp_rng.hpp"
#include "options.hpp"

using namespace nd::fp;

namespace {
constexpr Cfp8Format kE4M3 = Cfp8Format::kE4M3;
constexpr Cfp8Format kE5M2 = Cfp8Format::kE5M2;
uint32_t bits(float f) { return f32_bits(f); }
}  // namespace

TEST_CASE("CFP8 extremes at biases 0, 7, 15, 31, 63", "[fp][model]") {
  // 1.4.3: largest 1.111b * 2^(15-b), smallest normal 2^(1-b), smallest denormal 0.001b * 2^(1-b).
  // 1.5.2: largest 1.11b * 2^(31-b), smallest normal 2^(1-b), smallest denormal 0.01b * 2^(1-b).
  struct Row {
    int bias;
    double e4_max, e4_min_norm, e4_min_den, e5_max, e5_min_den;
  };
  const Row rows[] = {
      {0, 61440.0, 2.0, 0.25, 3758096384.0, 0.5},
      {7, 480.0, 0x1p-6, 0x1p-9, 29360128.0, 0x1p-8},
      {15, 1.875, 0x1p-14, 0x1p-17, 114688.0, 0x1p-16},
      {31, 0x1.ep-16, 0x1p-30, 0x1p-33, 1.75, 0x1p-32},
      {63, 0x1.ep-48, 0x1p-62, 0x1p-65, 0x1.cp-32, 0x1p-64},
  };
  for (const Row& r : rows) {
    INFO("bias " << r.bias);
    CHECK(cfp8_max(kE4M3, r.bias) == r.e4_max);
    CHECK(cfp8_min_normal(kE4M3, r.bias) == r.e4_min_norm);
    CHECK(cfp8_min_denormal(kE4M3, r.bias) == r.e4_min_den);
    CHECK(cfp8_max(kE5M2, r.bias) == r.e5_max);
    CHECK(cfp8_min_denormal(kE5M2, r.bias) == r.e5_min_den);
    // The codes: 0x7F is the largest, 0x08 / 0x04 the smallest normal, 0x01 the smallest denormal.
    CHECK(cfp8_to_f32(0x7F, kE4M3, r.bias) == bits(static_cast<float>(r.e4_max)));
    CHECK(cfp8_to_f32(0xFF, kE4M3, r.bias) == bits(static_cast<float>(-r.e4_max)));
    CHECK(cfp8_to_f32(0x08, kE4M3, r.bias) == bits(static_cast<float>(r.e4_min_norm)));
    CHECK(cfp8_to_f32(0x01, kE4M3, r.bias) == bits(static_cast<float>(r.e4_min_den)));
    CHECK(cfp8_to_f32(0x7F, kE5M2, r.bias) == bits(static_cast<float>(r.e5_max)));
    CHECK(cfp8_to_f32(0x01, kE5M2, r.bias) == bits(static_cast<float>(r.e5_min_den)));
  }
}

TEST_CASE("CFP8 -> FP32 hand values, signed zeros and the denormal flag", "[fp][model]") {
  struct Row {
    uint8_t code;
    Cfp8Format fmt;
    int bias;
    uint32_t out;
    Flags flags;
  };
  const Row rows[] = {
      {0x00, kE4M3, 7, 0x00000000u, 0},
      {0x80, kE4M3, 7, 0x80000000u, 0},
      {0x38, kE4M3, 7, bits(1.0f), 0},  // 0 0111 000
      {0x7E, kE4M3, 7, bits(448.0f), 0},
      {0xBC, kE5M2, 15, bits(-1.0f), 0},           // 1 01111 00
      {0x03, kE4M3, 7, bits(0x3p-9f), kDenormal},  // 0.011b * 2^-6
      {0x01, kE4M3, 63, 0x1F000000u, kDenormal},   // 2^-65, still a normal FP32 number
      {0x83, kE5M2, 0, bits(-1.5f), kDenormal},    // -0.11b * 2^1
  };
  for (const Row& r : rows) {
    Flags f = 0;  // each conversion with its own flags (the functions OR into *flags)
    INFO("code 0x" << std::hex << int(r.code) << " format " << cfp8_name(r.fmt) << std::dec << " bias "
                   << r.bias);
    CHECK(cfp8_to_f32(r.code, r.fmt, r.bias, &f) == r.out);
    CHECK(flags_to_string(f) == flags_to_string(r.flags));
  }
}

TEST_CASE("BF16 -> FP32 hand values and NaNs", "[fp][model]") {
  struct Row {
    uint16_t code;
    uint32_t out;
    Flags flags;
  };
  const Row rows[] = {
      {0x3F80, 0x3F800000u, 0},
      {0xFF80, 0xFF800000u, 0},
      {0x8000, 0x80000000u, 0},
      {0x0001, 0x00010000u, kDenormal},
      {0xFFC1, kCanonicalNan32, 0},         // quiet NaN: canonical, sign dropped
      {0x7F81, kCanonicalNan32, kInvalid},  // signaling NaN
  };
  for (const Row& r : rows) {
    Flags f = 0;
    INFO("code 0x" << std::hex << r.code);
    CHECK(bf16_to_f32(r.code, &f) == r.out);
    CHECK(flags_to_string(f) == flags_to_string(r.flags));
  }
}

TEST_CASE("FP32 -> BF16 under RNE: ties, overflow, subnormals, tininess after rounding", "[fp][model]") {
  struct Row {
    uint32_t in;
    uint16_t out;
    Flags flags;
  };
  const Row rows[] = {
      {0x3F800000, 0x3F80, 0},                      // 1.0 exact
      {0x3F808000, 0x3F80, kInexact},               // 1 + 2^-8: tie, to even (down)
      {0x3F818000, 0x3F82, kInexact},               // 1 + 3*2^-8: tie, to even (up)
      {0x3F808001, 0x3F81, kInexact},               // just above the tie
      {0xBF807FFF, 0xBF80, kInexact},               // just below the tie, negative
      {0x7F7F7FFF, 0x7F7F, kInexact},               // rounds to the largest BF16
      {0x7F7F8000, 0x7F80, kOverflow | kInexact},   // tie above the largest: to even = infinity
      {0xFF7FFFFF, 0xFF80, kOverflow | kInexact},   // -FLT_MAX
      {0x7F800000, 0x7F80, 0},                      // infinity is exact
      {0x00000001, 0x0000, kUnderflow | kInexact},  // 2^-149 -> +0
      {0x80008000, 0x8000, kUnderflow | kInexact},  // -2^-134: half the BF16 ulp, to even -> -0
      {0x00018000, 0x0002, kUnderflow | kInexact},  // 1.5 ulps -> 2
      {0x00010000, 0x0001, 0},                      // a BF16 subnormal is exact, no flag
      {0x007FFFFF, 0x0080, kInexact},               // rounds to 2^-126, not tiny after rounding
      {0x007F8000, 0x0080, kUnderflow | kInexact},  // 2^-126 - 2^-134: tiny even after rounding
      {0x7FC00001, 0x7FC0, 0},                      // quiet NaN -> canonical
      {0xFF800001, 0xFFC0, kInvalid},               // signaling NaN keeps its sign
  };
  for (const Row& r : rows) {
    Flags f = 0;
    INFO("input 0x" << std::hex << r.in);
    CHECK(f32_to_bf16(r.in, Rounding::kRne, 0, &f) == r.out);
    CHECK(flags_to_string(f) == flags_to_string(r.flags));
  }
}

TEST_CASE("FP32 -> BF16 under RNE equals the integer rounding trick on random inputs", "[fp][model]") {
  const uint64_t seed = nd::test_seed();
  Xorshift32 rng(static_cast<uint32_t>(stream_seed(seed, 1)));
  for (int i = 0; i < 200000; ++i) {
    const uint32_t x = rng.next16() << 16 | rng.next16();
    if (f32_is_nan(x)) continue;
    const uint32_t trick = (x + 0x7FFFu + ((x >> 16) & 1u)) >> 16;
    INFO("seed " << seed << " x 0x" << std::hex << x);
    REQUIRE(f32_to_bf16(x, Rounding::kRne, 0) == trick);
  }
}

TEST_CASE("FP32 -> CFP8 under RNE: saturation, NaN, ties, underflow", "[fp][model]") {
  struct Row {
    float in;
    Cfp8Format fmt;
    int bias;
    uint8_t out;
    Flags flags;
  };
  const Row rows[] = {
      {480.0f, kE4M3, 7, 0x7F, 0},
      {490.0f, kE4M3, 7, 0x7F, kInexact},              // below the tie at 496: rounds to 480
      {496.0f, kE4M3, 7, 0x7F, kOverflow | kInexact},  // tie: to even = 512, saturated
      {-1e30f, kE4M3, 7, 0xFF, kOverflow | kInexact},
      {1.0f, kE4M3, 7, 0x38, 0},
      {1.0625f, kE4M3, 7, 0x38, kInexact},                 // 1 + 1/16: tie between 1.000b and 1.001b
      {1.1875f, kE4M3, 7, 0x3A, kInexact},                 // 1 + 3/16: tie, to 1.010b
      {0x1p-10f, kE4M3, 7, 0x00, kUnderflow | kInexact},   // half the smallest denormal -> 0
      {-0x3p-10f, kE4M3, 7, 0x82, kUnderflow | kInexact},  // 1.5 denormal ulps -> 2
      {0x1p-9f, kE4M3, 7, 0x01, 0},                        // the smallest denormal is exact
      {0x1.fp-7f, kE4M3, 7, 0x08, kInexact},               // rounds up to 2^-6, not tiny after rounding
      {-0.0f, kE5M2, 15, 0x80, 0},
      {57344.0f, kE5M2, 15, 0x7B, 0},   // 1.75 * 2^15
      {114688.0f, kE5M2, 15, 0x7F, 0},  // the largest at bias 15
      {1e6f, kE5M2, 15, 0x7F, kOverflow | kInexact},
      {1.0f, kE5M2, 0, 0x02, 0},  // below 2^(1-0): denormal 0.10b * 2
  };
  for (const Row& r : rows) {
    Flags f = 0;
    INFO("input " << r.in << " format " << cfp8_name(r.fmt) << " bias " << r.bias);
    CHECK(static_cast<int>(f32_to_cfp8(f32_bits(r.in), r.fmt, r.bias, Rounding::kRne, 0, &f)) == r.out);
    CHECK(flags_to_string(f) == flags_to_string(r.flags));
  }
  Flags f = 0;
  CHECK(f32_to_cfp8(0x7F800000u, kE4M3, 7, Rounding::kRne, 0, &f) == 0x7F);
  CHECK(f == (kOverflow | kInexact));
  f = 0;
  CHECK(f32_to_cfp8(0xFFC00000u, kE5M2, 3, Rounding::kRne, 0, &f) == 0xFF);
  CHECK(f == kInvalid);
}

TEST_CASE("CFP8 round trips and midpoints for every code, bias and format", "[fp][model]") {
  for (Cfp8Format fmt : {kE4M3, kE5M2}) {
    for (int bias = 0; bias <= kCfp8MaxBias; ++bias) {
      for (int code = 0; code < 256; ++code) {
        Flags f = 0;
        const uint32_t x = cfp8_to_f32(static_cast<uint8_t>(code), fmt, bias);
        REQUIRE(f32_to_cfp8(x, fmt, bias, Rounding::kRne, 0, &f) == code);
        REQUIRE(f == 0);
        // The midpoint to the next code up (same sign) rounds to the even code of the two.
        if ((code & 0x7F) == 0x7F) continue;
        const double lo = cfp8_value(static_cast<uint8_t>(code), fmt, bias);
        const double hi = cfp8_value(static_cast<uint8_t>(code + 1), fmt, bias);
        const uint32_t mid = f32_bits(static_cast<float>((lo + hi) / 2));
        const int even = (code & 1) ? code + 1 : code;
        f = 0;
        REQUIRE(f32_to_cfp8(mid, fmt, bias, Rounding::kRne, 0, &f) == even);
        REQUIRE((f & kInexact) != 0);
      }
    }
  }
}

TEST_CASE("Stochastic rounding: the rule f + R >= 2^16 and exact values", "[fp][model]") {
  // 1 + 2^-8 has a discarded part of exactly half a BF16 ulp: f = 0x8000.
  CHECK(f32_to_bf16(0x3F808000u, Rounding::kStochastic, 0x7FFF) == 0x3F80);
  CHECK(f32_to_bf16(0x3F808000u, Rounding::kStochastic, 0x8000) == 0x3F81);
  CHECK(f32_to_bf16(0xBF808000u, Rounding::kStochastic, 0x8000) == 0xBF81);  // away from zero
  CHECK(f32_to_bf16(0x3F800000u, Rounding::kStochastic, 0xFFFF) == 0x3F80);  // exact: never moves
  // Only the first 16 discarded bits count: 1.0 + 2^-24 (f = 0) truncates even with R = 0xFFFF.
  Flags f = 0;
  CHECK(f32_to_cfp8(0x3F800001u, kE4M3, 7, Rounding::kStochastic, 0xFFFF, &f) == 0x38);
  CHECK(f == kInexact);
  // Saturation after rounding: 480 + a bit rounds up to 512 -> saturates with Overflow.
  f = 0;
  CHECK(f32_to_cfp8(f32_bits(481.0f), kE4M3, 7, Rounding::kStochastic, 0xFFFF, &f) == 0x7F);
  CHECK(f == (kOverflow | kInexact));
  // Under SR tininess is detected before rounding.
  f = 0;
  CHECK(f32_to_bf16(0x007FFFFFu, Rounding::kStochastic, 0xFFFF, &f) == 0x0080);
  CHECK(f == (kUnderflow | kInexact));
}

TEST_CASE("Stochastic rounding is reproducible and unbiased", "[fp][model]") {
  const uint64_t seed = nd::test_seed();
  const uint32_t s = static_cast<uint32_t>(stream_seed(seed, 2));
  Xorshift32 a(s), b(s), c(s + 1);
  bool differs = false;
  for (int i = 0; i < 1000; ++i) {
    const uint16_t ra = a.next16();
    REQUIRE(ra == b.next16());
    differs |= ra != c.next16();
  }
  CHECK(differs);  // another seed gives another stream
  Xorshift32 z(0);
  CHECK(z.state() == Xorshift32::kZeroSeedReplacement);
  CHECK(Xorshift32::step(1) == 270369u);  // Marsaglia's xorshift32 (13, 17, 5) from state 1
  // Mean error over N trials: |mean| <= 5 * 0.5 / sqrt(N) ulp + 2^-16 ulp (truncation of f to 16 bits).
  // A correct rounding fails this bound with probability below 10^-6 per input, whatever the seed.
  const int n = 100000;
  const double bound = 5 * 0.5 / std::sqrt(static_cast<double>(n)) + std::ldexp(1.0, -16);
  Xorshift32 rng(static_cast<uint32_t>(stream_seed(seed, 3)));
  for (uint32_t x : {0x3F812345u, 0x3F80C000u, 0xC0A01234u, 0x3F800100u}) {
    const double exact = f32_from_bits(x);
    const double ulp = std::ldexp(1.0, std::ilogb(exact) - 7);
    double sum = 0;
    for (int i = 0; i < n; ++i) {
      sum += f32_from_bits(bf16_to_f32(f32_to_bf16(x, Rounding::kStochastic, rng.next16()))) - exact;
    }
    INFO("seed " << seed << " input 0x" << std::hex << x);
    CHECK(std::fabs(sum / n / ulp) <= bound);
  }
}
