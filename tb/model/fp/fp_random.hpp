// Seeded operand generators for the numeric tests: FP32 values mixed across every class and exponent,
// values with short significands (BF16 / CFP8 values as FP32), and FMA operand triples that aim at the
// hard cases (subnormal products, overflow, exact cancellation, ties, signed zeros).
#pragma once

#include <array>
#include <cstdint>
#include <random>

namespace nd {
namespace fp {

// A seed for one test's own random stream, derived from the run's seed (nd::test_seed()) and a constant
// that names the test, so that tests draw different numbers from the same run seed (splitmix64's mixer).
constexpr uint64_t stream_seed(uint64_t run_seed, uint64_t test_salt) {
  uint64_t z = run_seed + 0x9E3779B97F4A7C15ull * (test_salt + 1);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

class OperandGen {
 public:
  explicit OperandGen(uint64_t seed) : rng_(seed) {}

  // Any FP32 value: zeros, infinities, quiet and signaling NaNs, subnormals, normals over all exponents.
  uint32_t any() { return any_narrow(24); }
  // Like any(), with at most sig_bits significant bits (8 = a BF16 value, 24 = any FP32).
  uint32_t any_narrow(int sig_bits);
  // A finite value with at most sig_bits significant bits and the given unbiased exponent (clamped to
  // the FP32 range; below -126 gives a subnormal with the bits that survive).
  uint32_t with_exponent(int exp, int sig_bits);

  // a, b with at most sig_bits significant bits, c any FP32; the mix is described in fp_random.cpp.
  std::array<uint32_t, 3> fma_triple(int sig_bits);

  uint32_t u32() { return static_cast<uint32_t>(rng_()); }
  int uniform(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }

 private:
  uint32_t sign() { return (rng_() & 1) ? 0x80000000u : 0u; }
  static uint32_t mask_for(int sig_bits) { return ~((1u << (24 - sig_bits)) - 1) & 0x7FFFFFu; }

  std::mt19937_64 rng_;
};

}  // namespace fp
}  // namespace nd
