// Exhaustive RTL-vs-model checks of the format converters (rtl/fp), bit for bit, flags included:
// every CFP8 code x bias x layout -> FP32, every BF16 code -> FP32, every BF16 value -> CFP8 under RNE
// for every bias and layout, and FP32 -> BF16 on every exponent with random and tie cases (RNE and SR).
#include <catch2/catch.hpp>

#include "Vfp_bf16_to_f32.h"
#include "Vfp_cfp8_to_f32.h"
#include "Vfp_f32_to_bf16.h"
#include "Vfp_f32_to_cfp8.h"
#include "dut.hpp"
#include "fp_convert.hpp"
#include "fp_random.hpp"
#include "hex.hpp"

using namespace nd::fp;
using nd::hex;

namespace {
// One FP32 -> BF16 conversion through the RTL (settled by eval(), or clocked by tick() so that the
// assertions sample it) against the model, result and flags.
void check_f32_to_bf16(nd::Dut<Vfp_f32_to_bf16>& dut, uint32_t x, Rounding mode, uint16_t r, uint64_t seed,
                       bool tick) {
  dut->f32_i = x;
  dut->rnd_mode_i = static_cast<uint8_t>(mode);
  dut->rand_i = r;
  if (tick) {
    dut.tick();
  } else {
    dut.eval();
  }
  Flags f = 0;
  const uint16_t want = f32_to_bf16(x, mode, r, &f);
  if (dut->bf16_o != want || dut->flags_o != f) {
    INFO("seed " << seed << " x " << hex(x) << " mode " << int(mode) << " R " << hex(r));
    REQUIRE(hex(dut->bf16_o) == hex(want));
    REQUIRE(flags_to_string(dut->flags_o) == flags_to_string(f));
  }
}
}  // namespace

TEST_CASE("nd_fp_cfp8_to_f32: all 256 codes x 64 biases x 2 layouts", "[fp][unit]") {
  nd::Dut<Vfp_cfp8_to_f32> dut(nd::test_waves("nd_fp_cfp8_to_f32"));
  dut.reset();
  long checked = 0;
  for (Cfp8Format fmt : {Cfp8Format::kE4M3, Cfp8Format::kE5M2}) {
    for (int bias = 0; bias <= kCfp8MaxBias; ++bias) {
      for (int code = 0; code < 256; ++code) {
        dut->cfp8_i = code;
        dut->fmt_i = static_cast<uint8_t>(fmt);
        dut->bias_i = bias;
        dut.tick();
        Flags f = 0;
        const uint32_t want = cfp8_to_f32(static_cast<uint8_t>(code), fmt, bias, &f);
        INFO("code " << hex(code) << " layout " << cfp8_name(fmt) << " bias " << bias);
        REQUIRE(hex(dut->f32_o) == hex(want));
        REQUIRE(flags_to_string(dut->flags_o) == flags_to_string(f));
        ++checked;
      }
    }
  }
  CHECK(checked == 256 * 64 * 2);
}

TEST_CASE("nd_fp_bf16_to_f32: all 65536 codes", "[fp][unit]") {
  nd::Dut<Vfp_bf16_to_f32> dut(nd::test_waves("nd_fp_bf16_to_f32"));
  dut.reset();
  for (uint32_t code = 0; code < 65536; ++code) {
    dut->bf16_i = code;
    dut.tick();
    Flags f = 0;
    const uint32_t want = bf16_to_f32(static_cast<uint16_t>(code), &f);
    INFO("code " << hex(code));
    REQUIRE(hex(dut->f32_o) == hex(want));
    REQUIRE(flags_to_string(dut->flags_o) == flags_to_string(f));
  }
}

TEST_CASE("nd_fp_f32_to_cfp8: every BF16 value under RNE, every bias, both layouts", "[fp][unit]") {
  nd::Dut<Vfp_f32_to_cfp8> dut(nd::test_waves("fp_f32_to_cfp8_rne"));
  dut.reset();
  dut->rnd_mode_i = static_cast<uint8_t>(Rounding::kRne);
  dut->rand_i = 0;
  long checked = 0;
  for (Cfp8Format fmt : {Cfp8Format::kE4M3, Cfp8Format::kE5M2}) {
    dut->fmt_i = static_cast<uint8_t>(fmt);
    for (int bias = 0; bias <= kCfp8MaxBias; ++bias) {
      dut->bias_i = bias;
      for (uint32_t code = 0; code < 65536; ++code) {
        const uint32_t x = code << 16;  // the BF16 value as FP32 (NaNs included, not canonicalized)
        dut->f32_i = x;
        dut.eval();
        Flags f = 0;
        const uint8_t want = f32_to_cfp8(x, fmt, bias, Rounding::kRne, 0, &f);
        if (dut->cfp8_o != want || dut->flags_o != f) {
          INFO("bf16 " << hex(code) << " layout " << cfp8_name(fmt) << " bias " << bias);
          REQUIRE(hex(dut->cfp8_o) == hex(want));
          REQUIRE(flags_to_string(dut->flags_o) == flags_to_string(f));
        }
        ++checked;
      }
      dut.tick();  // let the assertions sample the last case of each bias
    }
  }
  CHECK(checked == 65536L * 64 * 2);
}

TEST_CASE("nd_fp_f32_to_cfp8: random FP32 inputs, RNE and SR, every bias", "[fp][unit]") {
  const uint64_t seed = nd::test_seed();
  OperandGen gen(stream_seed(seed, 10));
  nd::Dut<Vfp_f32_to_cfp8> dut(nd::test_waves("fp_f32_to_cfp8_rand"));
  dut.reset();
  for (int i = 0; i < 400000; ++i) {
    const uint32_t x = (i & 1) ? gen.any() : gen.with_exponent(gen.uniform(-75, 35), 24);
    const auto fmt = static_cast<Cfp8Format>(gen.uniform(0, 1));
    const int bias = gen.uniform(0, 63);
    const auto mode = static_cast<Rounding>(gen.uniform(0, 1));
    const uint16_t r = static_cast<uint16_t>(gen.u32());
    dut->f32_i = x;
    dut->fmt_i = static_cast<uint8_t>(fmt);
    dut->bias_i = bias;
    dut->rnd_mode_i = static_cast<uint8_t>(mode);
    dut->rand_i = r;
    dut.tick();
    Flags f = 0;
    const uint8_t want = f32_to_cfp8(x, fmt, bias, mode, r, &f);
    if (dut->cfp8_o != want || dut->flags_o != f) {
      INFO("seed " << seed << " x " << hex(x) << " layout " << cfp8_name(fmt) << " bias " << bias << " mode "
                   << int(mode) << " R " << hex(r));
      REQUIRE(hex(dut->cfp8_o) == hex(want));
      REQUIRE(flags_to_string(dut->flags_o) == flags_to_string(f));
    }
  }
}

TEST_CASE("nd_fp_f32_to_cfp8: midpoints between codes and their FP32 neighbours, RNE and SR, every bias",
          "[fp][unit]") {
  // Every midpoint m between two neighbouring codes (exact in FP32), m +- 1 FP32 ulp and m +- a random
  // number of ulps, both signs. Under RNE the expected code follows from the position alone: above m
  // rounds up, below rounds down, m itself to the even code; this is where the discarded bits below the
  // first 16 (the sticky part) decide. SR cases are compared with the model.
  const uint64_t seed = nd::test_seed();
  OperandGen gen(stream_seed(seed, 12));
  nd::Dut<Vfp_f32_to_cfp8> dut(nd::test_waves("fp_f32_to_cfp8_midpoints"));
  dut.reset();
  long checked = 0;
  for (Cfp8Format fmt : {Cfp8Format::kE4M3, Cfp8Format::kE5M2}) {
    dut->fmt_i = static_cast<uint8_t>(fmt);
    for (int bias = 0; bias <= kCfp8MaxBias; ++bias) {
      dut->bias_i = bias;
      for (int code = 0; code < 0x7F; ++code) {
        const double lo = cfp8_value(static_cast<uint8_t>(code), fmt, bias);
        const double hi = cfp8_value(static_cast<uint8_t>(code + 1), fmt, bias);
        const uint32_t mid = f32_bits(static_cast<float>((lo + hi) / 2));
        const int far = gen.uniform(2, 1 << 12);  // well inside the half gap (>= 2^18 FP32 ulps)
        for (int delta : {-far, -1, 0, 1, far}) {
          for (uint32_t sign : {0u, 0x80000000u}) {
            const uint32_t x = sign | static_cast<uint32_t>(static_cast<int64_t>(mid) + delta);
            for (Rounding mode : {Rounding::kRne, Rounding::kStochastic}) {
              const uint16_t r = static_cast<uint16_t>(gen.u32());
              dut->f32_i = x;
              dut->rnd_mode_i = static_cast<uint8_t>(mode);
              dut->rand_i = r;
              dut.tick();
              Flags f = 0;
              const uint8_t want = f32_to_cfp8(x, fmt, bias, mode, r, &f);
              const int up = delta > 0 || (delta == 0 && (code & 1));
              const uint8_t rne = static_cast<uint8_t>((sign ? 0x80 : 0) | (code + up));
              if (dut->cfp8_o != want || dut->flags_o != f || (mode == Rounding::kRne && want != rne)) {
                INFO("seed " << seed << " x " << hex(x) << " layout " << cfp8_name(fmt) << " bias " << bias
                             << " between codes " << hex(code, 2) << " and " << hex(code + 1, 2) << " mode "
                             << int(mode) << " R " << hex(r));
                if (mode == Rounding::kRne) REQUIRE(hex(dut->cfp8_o, 2) == hex(rne, 2));
                REQUIRE(hex(dut->cfp8_o, 2) == hex(want, 2));
                REQUIRE(flags_to_string(dut->flags_o) == flags_to_string(f));
              }
              ++checked;
            }
          }
        }
      }
    }
  }
  CHECK(checked == 2L * 64 * 127 * 5 * 2 * 2);
}

TEST_CASE("nd_fp_f32_to_bf16: every input within 2^-134 of 2^-126 and of the largest BF16, RNE and SR",
          "[fp][unit]") {
  // Where tininess after rounding (RNE) and overflow are decided: every FP32 pattern from 0x007F0000 to
  // 0x0080FFFF and from 0x7F7F0000 to 0x7F7FFFFF, both signs, with a seeded R under SR.
  const uint64_t seed = nd::test_seed();
  OperandGen gen(stream_seed(seed, 13));
  nd::Dut<Vfp_f32_to_bf16> dut(nd::test_waves("fp_f32_to_bf16_boundaries"));
  dut.reset();
  long checked = 0;
  for (uint32_t base : {0x007F0000u, 0x00800000u, 0x7F7F0000u}) {
    for (uint32_t low = 0; low < 0x10000u; ++low) {
      for (uint32_t sign : {0u, 0x80000000u}) {
        const uint32_t x = sign | base | low;
        for (Rounding mode : {Rounding::kRne, Rounding::kStochastic}) {
          check_f32_to_bf16(dut, x, mode, static_cast<uint16_t>(gen.u32()), seed, false);
          ++checked;
        }
      }
    }
    dut.tick();  // let the assertions sample the last case of each range
  }
  CHECK(checked == 3L * 65536 * 2 * 2);
}

TEST_CASE("nd_fp_f32_to_bf16: every exponent with random, tie and near-tie cases, RNE and SR", "[fp][unit]") {
  const uint64_t seed = nd::test_seed();
  OperandGen gen(stream_seed(seed, 11));
  nd::Dut<Vfp_f32_to_bf16> dut(nd::test_waves("nd_fp_f32_to_bf16"));
  dut.reset();
  long checked = 0;
  for (uint32_t e = 0; e < 256; ++e) {
    for (int i = 0; i < 1024; ++i) {
      uint32_t low = gen.u32() & 0xFFFFu;
      switch (i % 8) {
        case 0:
          low = 0x8000u;
          break;  // exact tie
        case 1:
          low = 0x7FFFu;
          break;  // just below
        case 2:
          low = 0x8001u;
          break;  // just above
        case 3:
          low = 0x0000u;
          break;  // exact
        default:
          break;
      }
      const uint32_t x = (gen.u32() & 0x80000000u) | (e << 23) | (gen.u32() & 0x7F0000u) | low;
      for (Rounding mode : {Rounding::kRne, Rounding::kStochastic}) {
        check_f32_to_bf16(dut, x, mode, static_cast<uint16_t>(gen.u32()), seed, true);
        ++checked;
      }
    }
  }
  CHECK(checked == 256 * 1024 * 2);
}
