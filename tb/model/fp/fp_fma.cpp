// FP32 fused multiply-add of the numeric golden model; see fp_fma.hpp.
#include "fp_fma.hpp"

#include <array>
#include <cmath>

namespace nd {
namespace fp {
namespace {

// Unsigned fixed-point number wide enough for any FP32 product or sum: bit i weighs 2^(i - kOffset).
// Products reach down to 2^-298 and up to below 2^256.
constexpr int kOffset = 320;
constexpr int kLimbs = 10;

struct Wide {
  std::array<uint64_t, kLimbs> w{};

  static Wide shifted(uint64_t v, int s) {  // v * 2^s, s >= 0
    Wide r;
    const int limb = s / 64, off = s % 64;
    r.w[limb] |= v << off;
    if (off != 0 && limb + 1 < kLimbs) r.w[limb + 1] |= v >> (64 - off);
    return r;
  }
  bool is_zero() const {
    for (uint64_t x : w)
      if (x) return false;
    return true;
  }
  int cmp(const Wide& o) const {
    for (int i = kLimbs - 1; i >= 0; --i) {
      if (w[i] != o.w[i]) return w[i] < o.w[i] ? -1 : 1;
    }
    return 0;
  }
  Wide operator+(const Wide& o) const {
    Wide r;
    unsigned carry = 0;
    for (int i = 0; i < kLimbs; ++i) {
      const uint64_t s = w[i] + o.w[i];
      const unsigned c1 = s < w[i];
      r.w[i] = s + carry;
      carry = c1 | (r.w[i] < s);
    }
    return r;
  }
  Wide operator-(const Wide& o) const {  // requires *this >= o
    Wide r;
    unsigned borrow = 0;
    for (int i = 0; i < kLimbs; ++i) {
      const uint64_t d = w[i] - o.w[i];
      const unsigned b1 = w[i] < o.w[i];
      r.w[i] = d - borrow;
      borrow = b1 | (d < borrow);
    }
    return r;
  }
  bool bit(int i) const { return (w[i / 64] >> (i % 64)) & 1u; }
  int msb() const {
    for (int i = kLimbs - 1; i >= 0; --i) {
      if (w[i]) return i * 64 + 63 - __builtin_clzll(w[i]);
    }
    return -1;
  }
  bool any_below(int pos) const {
    for (int i = 0; i < pos; ++i)
      if (bit(i)) return true;
    return false;
  }
  uint64_t extract(int lo, int n) const {
    uint64_t v = 0;
    for (int i = n - 1; i >= 0; --i) v = (v << 1) | (bit(lo + i) ? 1u : 0u);
    return v;
  }
};

struct Unpacked {
  bool sign, nan, snan, inf, zero;
  uint32_t sig;  // integer significand, hidden bit included
  int exp;       // weight of the significand's LSB: value = sig * 2^exp
};

Unpacked unpack(uint32_t x) {
  Unpacked u{};
  u.sign = x >> 31;
  const uint32_t e = (x >> 23) & 0xFF, f = x & 0x7FFFFF;
  u.nan = e == 0xFF && f != 0;
  u.snan = u.nan && !(f & 0x400000);
  u.inf = e == 0xFF && f == 0;
  u.zero = e == 0 && f == 0;
  u.sig = e == 0 ? f : (f | 0x800000);
  u.exp = e == 0 ? -149 : static_cast<int>(e) - 150;
  return u;
}

}  // namespace

uint32_t fma32(uint32_t a, uint32_t b, uint32_t c, Flags* flags) {
  Flags fl = 0;
  auto done = [&](uint32_t r) {
    if (flags) *flags |= fl;
    return r;
  };
  const Unpacked ua = unpack(a), ub = unpack(b), uc = unpack(c);
  const bool sp = ua.sign != ub.sign;
  const bool inf_times_zero = (ua.inf && ub.zero) || (ua.zero && ub.inf);
  if (ua.nan || ub.nan || uc.nan) {
    if (ua.snan || ub.snan || uc.snan || inf_times_zero) fl |= kInvalid;
    return done(kCanonicalNan32);
  }
  if (inf_times_zero) {
    fl |= kInvalid;
    return done(kCanonicalNan32);
  }
  if (ua.inf || ub.inf) {
    if (uc.inf && uc.sign != sp) {
      fl |= kInvalid;
      return done(kCanonicalNan32);
    }
    return done((sp ? 0x80000000u : 0u) | 0x7F800000u);
  }
  if (uc.inf) return done(c);

  const uint64_t p = static_cast<uint64_t>(ua.sig) * ub.sig;
  if (p == 0 && uc.zero) return done((sp && uc.sign) ? 0x80000000u : 0u);
  const Wide wp = p ? Wide::shifted(p, ua.exp + ub.exp + kOffset) : Wide{};
  const Wide wc = Wide::shifted(uc.sig, uc.exp + kOffset);
  Wide sum;
  bool sign;
  if (sp == uc.sign) {
    sum = wp + wc;
    sign = sp;
  } else {
    const int k = wp.cmp(wc);
    if (k == 0) return done(0u);  // exact cancellation: +0 under RNE
    sum = k > 0 ? wp - wc : wc - wp;
    sign = k > 0 ? sp : uc.sign;
  }

  // Round to 24 bits at the value's exponent, or to the subnormal grid 2^-149 below 2^-126.
  const int e = sum.msb() - kOffset;
  int eq = e < -126 ? -126 : e;
  const int lsb = eq - 23 + kOffset;
  uint64_t q = sum.extract(lsb, 24);
  const bool half = sum.bit(lsb - 1);
  const bool sticky = sum.any_below(lsb - 1);
  if (half && (sticky || (q & 1))) ++q;
  if (q == (1u << 24)) {
    q >>= 1;
    ++eq;
  }
  const uint32_t s = sign ? 0x80000000u : 0u;
  if (half || sticky) {
    fl |= kInexact;
    // Tiny after rounding: below 2^-126 - 2^-151, the point from which rounding to 24 bits with an
    // unbounded exponent reaches 2^-126.
    const Wide tiny_limit = Wide::shifted((1u << 25) - 1, -151 + kOffset);
    if (sum.cmp(tiny_limit) < 0) fl |= kUnderflow;
  }
  if (eq > 127) {
    fl |= kOverflow | kInexact;
    return done(s | 0x7F800000u);
  }
  if (q < (1u << 23)) return done(s | static_cast<uint32_t>(q));  // subnormal (eq == -126)
  return done(s | (static_cast<uint32_t>(eq + 127) << 23) | (static_cast<uint32_t>(q) & 0x7FFFFFu));
}

uint32_t add32(uint32_t a, uint32_t c, Flags* flags) { return fma32(a, 0x3F800000u, c, flags); }
uint32_t mul32(uint32_t a, uint32_t b, Flags* flags) { return fma32(a, b, 0x80000000u, flags); }

uint32_t std_fma32(uint32_t a, uint32_t b, uint32_t c) {
  return canonicalize_nan(f32_bits(std::fma(f32_from_bits(a), f32_from_bits(b), f32_from_bits(c))));
}

}  // namespace fp
}  // namespace nd
