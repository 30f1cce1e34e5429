// [model] tests of the KLanes accumulation contract (mac_tile / gemm).
#include <catch2/catch.hpp>

#include <stdexcept>
#include <vector>

#include "fp_convert.hpp"
#include "fp_gemm.hpp"
#include "fp_random.hpp"
#include "options.hpp"

using namespace nd::fp;

namespace {
uint32_t b(float f) { return f32_bits(f); }
}  // namespace

TEST_CASE("KLanes changes the accumulation order exactly as the contract says", "[fp][model]") {
  // a = [2^24, 1, 1, -2^24], b = [1, 1, 1, 1].
  //   KLanes 1: ((2^24 + 1) + 1) - 2^24 = 0 (each +1 is a tie that rounds back to 2^24)
  //   KLanes 2: lane0 = 2^24 + 1 -> 2^24, lane1 = 1 - 2^24 (exact); sum = 1
  //   KLanes 4: (2^24 + 1 -> 2^24) + (1 - 2^24) = 1
  const std::vector<uint32_t> a = {b(16777216.0f), b(1.0f), b(1.0f), b(-16777216.0f)};
  const std::vector<uint32_t> ones(4, b(1.0f));
  CHECK(gemm(a, ones, nullptr, 1, 1, 4, 1)[0] == b(0.0f));
  CHECK(gemm(a, ones, nullptr, 1, 1, 4, 2)[0] == b(1.0f));
  CHECK(gemm(a, ones, nullptr, 1, 1, 4, 4)[0] == b(1.0f));
  // Lane 0 starts from C: C = -2^24 turns KLanes 1 into (-2^24 + 2^24) + 1 + 1 - 2^24 = 2 - 2^24.
  const std::vector<uint32_t> c0 = {b(-16777216.0f)};
  CHECK(gemm(a, ones, &c0, 1, 1, 4, 1)[0] == b(-16777214.0f));
}

TEST_CASE("gemm: NaN results are canonical and flags are collected", "[fp][model]") {
  const std::vector<uint32_t> a = {0xFF800000u, b(1.0f)};  // -inf
  const std::vector<uint32_t> bb = {b(0.0f), b(1.0f)};
  Flags f = 0;
  CHECK(gemm(a, bb, nullptr, 1, 1, 2, 2, &f)[0] == kCanonicalNan32);
  CHECK(f == kInvalid);
  CHECK_THROWS_AS(gemm(a, bb, nullptr, 1, 1, 2, 3), std::invalid_argument);
  CHECK_THROWS_AS(gemm(a, bb, nullptr, 1, 2, 2, 1), std::invalid_argument);
}

TEST_CASE("mac_tile on BF16 operands matches a double-precision product on exact data", "[fp][model]") {
  // Small integers in BF16: every product and partial sum is exact, so any order gives the same value.
  const int k = 16;
  std::vector<uint16_t> a16(kTileDim * k), b16(k * kTileDim);
  for (size_t i = 0; i < a16.size(); ++i)
    a16[i] = f32_to_bf16(b(static_cast<float>(int(i % 7) - 3)), Rounding::kRne, 0);
  for (size_t i = 0; i < b16.size(); ++i)
    b16[i] = f32_to_bf16(b(static_cast<float>(int(i % 5) - 2)), Rounding::kRne, 0);
  const auto a = decode_bf16(a16), bm = decode_bf16(b16);
  for (int klanes : {1, 2, 4}) {
    std::vector<uint32_t> c(kTileDim * kTileDim, b(0.5f));
    mac_tile(a.data(), k, bm.data(), kTileDim, c.data(), k, klanes);
    for (int i = 0; i < kTileDim; ++i) {
      for (int j = 0; j < kTileDim; ++j) {
        double ref = 0.5;
        for (int kk = 0; kk < k; ++kk)
          ref += f32_from_bits(a[i * k + kk]) * double(f32_from_bits(bm[kk * kTileDim + j]));
        REQUIRE(c[i * kTileDim + j] == b(static_cast<float>(ref)));
      }
    }
  }
}

TEST_CASE("Stores: RNE leaves the generator alone, SR takes one R per element in order", "[fp][model]") {
  const std::vector<uint32_t> vals = {b(1.0f), b(1.1f), b(-300.0f), b(1e9f), b(-0.3f), b(3.3f)};
  const uint32_t seed = static_cast<uint32_t>(stream_seed(nd::test_seed(), 5));
  Xorshift32 r1(seed);
  Flags f = 0;
  const auto q = encode_cfp8(vals, Cfp8Format::kE4M3, 7, Rounding::kRne, r1, &f);
  CHECK(q == std::vector<uint8_t>{0x38, 0x39, 0xF9, 0x7F, 0xAA, 0x45});
  CHECK(flags_to_string(f) == flags_to_string(kOverflow | kInexact));
  CHECK(r1.state() == seed);  // RNE stores do not advance the generator
  // SR: element i is rounded with the i-th R of the stream, for BF16 and for CFP8.
  Xorshift32 r2(seed), expect(seed);
  const auto h = encode_bf16(vals, Rounding::kStochastic, r2);
  Xorshift32 r3(seed);
  const auto c = encode_cfp8(vals, Cfp8Format::kE5M2, 20, Rounding::kStochastic, r3);
  REQUIRE(h.size() == vals.size());
  REQUIRE(c.size() == vals.size());
  for (size_t i = 0; i < vals.size(); ++i) {
    const uint16_t r = expect.next16();
    INFO("seed " << seed << " element " << i);
    CHECK(h[i] == f32_to_bf16(vals[i], Rounding::kStochastic, r));
    CHECK(c[i] == f32_to_cfp8(vals[i], Cfp8Format::kE5M2, 20, Rounding::kStochastic, r));
  }
  CHECK(r2.state() == expect.state());
  CHECK(r3.state() == expect.state());
}
