// Seeded operand generators for the numeric tests; see fp_random.hpp.
#include "fp_random.hpp"

#include <cmath>

#include "fp_types.hpp"

namespace nd {
namespace fp {

uint32_t OperandGen::any_narrow(int sig_bits) {
  const uint32_t m = mask_for(sig_bits);
  const int cls = uniform(0, 99);
  const uint32_t s = sign();
  if (cls < 5) return s;                                                         // signed zero
  if (cls < 8) return s | 0x7F800000u;                                           // infinity
  if (cls < 10) return s | 0x7FC00000u | (u32() & m);                            // quiet NaN
  if (cls < 12) return s | 0x7F800000u | 0x00200000u | (u32() & m & 0x3FFFFFu);  // signaling NaN
  if (cls < 22) {                                                                // subnormal
    const uint32_t f = u32() & m;
    return s | (f != 0 ? f : (1u << (24 - sig_bits)));
  }
  if (cls < 27) return s | (static_cast<uint32_t>(uniform(1, 254)) << 23) | m;  // all-ones fraction
  return s | (static_cast<uint32_t>(uniform(1, 254)) << 23) | (u32() & m);
}

uint32_t OperandGen::with_exponent(int exp, int sig_bits) {
  const uint32_t m = mask_for(sig_bits);
  const uint32_t s = sign();
  if (exp > 127) exp = 127;
  if (exp >= -126) return s | (static_cast<uint32_t>(exp + 127) << 23) | (u32() & m);
  // Subnormal: 1.f * 2^exp shifted into the subnormal field, keeping only the allowed bits.
  const int shift = -126 - exp;
  if (shift > 23) return s | (1u << (24 - sig_bits));
  const uint32_t sig = (0x800000u | (u32() & m)) >> shift;
  const uint32_t f = sig & m;
  return s | (f != 0 ? f : (1u << (24 - sig_bits)));
}

// The mix: 30% independent operands over every class; 20% c close in magnitude to a*b; 15% c = -a*b
// rounded, possibly nudged by an ulp (exact cancellation and massive cancellation); 10% subnormal or
// underflowing products; 10% overflowing products; 15% ties (c's half-ulp at the product's lowest bit).
std::array<uint32_t, 3> OperandGen::fma_triple(int sig_bits) {
  const int kind = uniform(0, 99);
  if (kind < 30) return {any_narrow(sig_bits), any_narrow(sig_bits), any()};
  if (kind < 50) {
    const int ea = uniform(-140, 127), eb = uniform(-140, 127);
    return {with_exponent(ea, sig_bits), with_exponent(eb, sig_bits),
            with_exponent(ea + eb + uniform(-30, 30), 24)};
  }
  if (kind < 65) {
    const int ea = uniform(-80, 80), eb = uniform(-80, 80);
    const uint32_t a = with_exponent(ea, sig_bits), b = with_exponent(eb, sig_bits);
    uint32_t c = f32_bits(-(f32_from_bits(a) * f32_from_bits(b)));
    const int nudge = uniform(-2, 2);
    if (!f32_is_inf(c) && (c & 0x7FFFFFFFu) > 2u) c = static_cast<uint32_t>(static_cast<int64_t>(c) + nudge);
    return {a, b, c};
  }
  if (kind < 75) {
    const int ea = uniform(-100, -20);
    const int eb = uniform(-170, -110) - ea;
    const uint32_t c = uniform(0, 2) == 0 ? sign() : with_exponent(uniform(-149, -100), 24);
    return {with_exponent(ea, sig_bits), with_exponent(eb, sig_bits), c};
  }
  if (kind < 85) {
    const int ea = uniform(20, 127);
    const int eb = uniform(115, 130) - ea;
    const uint32_t c = uniform(0, 1) ? with_exponent(uniform(100, 127), 24) : any();
    return {with_exponent(ea, sig_bits), with_exponent(eb, sig_bits), c};
  }
  // Ties: give c an exponent whose half-ulp is the lowest set bit of the exact product.
  const int ea = uniform(-60, 60), eb = uniform(-60, 60);
  const uint32_t a = with_exponent(ea, sig_bits), b = with_exponent(eb, sig_bits);
  const double p = static_cast<double>(f32_from_bits(a)) * static_cast<double>(f32_from_bits(b));
  int low = 0;  // exponent of the product's lowest set bit
  {
    int e = 0;
    double f = std::frexp(std::fabs(p), &e);  // |p| = f * 2^e, f has at most 48 bits
    auto mant = static_cast<uint64_t>(std::ldexp(f, 53));
    low = e - 53 + __builtin_ctzll(mant);
  }
  const int ec = low + 24 + uniform(0, 1) * uniform(0, 3);  // exponent of c (its ulp = 2^(ec - 23))
  if (ec < -126 || ec > 127) return {a, b, any()};
  const uint32_t c = sign() | (static_cast<uint32_t>(ec + 127) << 23) | (u32() & 0x7FFFFFu);
  return {a, b, c};
}

}  // namespace fp
}  // namespace nd
