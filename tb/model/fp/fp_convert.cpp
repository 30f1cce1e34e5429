// Format conversions of the numeric golden model; see fp_convert.hpp and docs/numerics.md.
#include "fp_convert.hpp"

#include <algorithm>
#include <cmath>

namespace nd {
namespace fp {
namespace {

// A narrow target format: man_bits fraction bits, normal exponents emin..emax, largest finite value.
struct Target {
  int man_bits;
  int emin;
  double max_finite;
};

Target bf16_target() { return {7, -126, std::ldexp(255.0, 127 - 7)}; }
Target cfp8_target(Cfp8Format fmt, int bias) { return {cfp8_man_bits(fmt), 1 - bias, cfp8_max(fmt, bias)}; }

// Rounds a positive magnitude to the target's grid (subnormal grid below 2^emin, no upper bound) and
// raises Inexact / Underflow. Overflow is left to the caller, which knows what the format does with it.
double round_magnitude(double ax, const Target& t, Rounding mode, uint16_t rand16, Flags& fl) {
  if (ax == 0.0) return 0.0;
  int k = 0;
  std::frexp(ax, &k);  // ax = f * 2^k, f in [0.5, 1)
  const int eq = std::max(k - 1, t.emin);
  const double ulp = std::ldexp(1.0, eq - t.man_bits);
  const double q = ax / ulp;  // exact: scaling by a power of two
  const double whole = std::floor(q);
  const double frac = q - whole;
  bool up = false;
  if (mode == Rounding::kRne) {
    up = frac > 0.5 || (frac == 0.5 && std::fmod(whole, 2.0) != 0.0);
  } else {
    const double f16 = std::floor(frac * 65536.0);  // first 16 bits of the discarded part
    up = f16 + static_cast<double>(rand16) >= 65536.0;
  }
  if (frac != 0.0) {
    fl |= kInexact;
    const double min_normal = std::ldexp(1.0, t.emin);
    bool tiny = ax < min_normal;
    // Tininess after rounding (RNE): a value that rounds to min_normal with an unbounded exponent range
    // (at or above min_normal * (1 - 2^-(p+1)), p = man_bits + 1) is not tiny.
    if (mode == Rounding::kRne && ax >= min_normal * (1.0 - std::ldexp(1.0, -(t.man_bits + 2)))) tiny = false;
    if (tiny) fl |= kUnderflow;
  }
  return (whole + (up ? 1.0 : 0.0)) * ulp;
}

void raise(Flags* out, Flags f) {
  if (out) *out |= f;
}

}  // namespace

const char* cfp8_name(Cfp8Format f) { return f == Cfp8Format::kE4M3 ? "1.4.3" : "1.5.2"; }

std::string flags_to_string(Flags f) {
  static const struct {
    Flags bit;
    const char* name;
  } kNames[] = {{kInvalid, "NV"},   {kDivByZero, "DZ"}, {kOverflow, "OF"},
                {kUnderflow, "UF"}, {kInexact, "NX"},   {kDenormal, "DN"}};
  std::string s;
  for (const auto& n : kNames) {
    if (f & n.bit) s += (s.empty() ? "" : "|") + std::string(n.name);
  }
  return s.empty() ? "-" : s;
}

double cfp8_value(uint8_t code, Cfp8Format fmt, int bias) {
  const int m = cfp8_man_bits(fmt);
  const int e_field = (code & 0x7F) >> m;
  const int man = code & ((1 << m) - 1);
  double mag;
  if (e_field == 0) {
    mag = std::ldexp(static_cast<double>(man), 1 - bias - m);  // 0.M * 2^(1-b)
  } else {
    mag = std::ldexp(static_cast<double>((1 << m) + man), e_field - bias - m);  // 1.M * 2^(E-b)
  }
  return (code & 0x80) ? -mag : mag;
}

double cfp8_max(Cfp8Format fmt, int bias) {
  const int m = cfp8_man_bits(fmt);
  const int emax = (1 << cfp8_exp_bits(fmt)) - 1 - bias;
  return std::ldexp(static_cast<double>((2 << m) - 1), emax - m);
}
double cfp8_min_normal(Cfp8Format fmt, int bias) { return std::ldexp(1.0, 1 - bias); }
double cfp8_min_denormal(Cfp8Format fmt, int bias) { return std::ldexp(1.0, 1 - bias - cfp8_man_bits(fmt)); }

uint32_t cfp8_to_f32(uint8_t code, Cfp8Format fmt, int bias, Flags* flags) {
  const int m = cfp8_man_bits(fmt);
  if ((code & 0x7F) >> m == 0 && (code & ((1 << m) - 1)) != 0) raise(flags, kDenormal);
  const double v = cfp8_value(code, fmt, bias);
  uint32_t bits = f32_bits(static_cast<float>(v));  // exact: at most 4 significant bits, in range
  if (code & 0x80) bits |= 0x80000000u;             // -0.0 for code 0x80
  return bits;
}

uint32_t bf16_to_f32(uint16_t code, Flags* flags) {
  if (bf16_is_nan(code)) {
    if ((code & 0x0040u) == 0) raise(flags, kInvalid);
    return kCanonicalNan32;
  }
  if ((code & 0x7F80u) == 0 && (code & 0x007Fu) != 0) raise(flags, kDenormal);
  return static_cast<uint32_t>(code) << 16;
}

uint16_t f32_to_bf16(uint32_t x, Rounding mode, uint16_t rand16, Flags* flags) {
  const uint16_t sign = static_cast<uint16_t>((x >> 16) & 0x8000u);
  if (f32_is_nan(x)) {
    if (f32_is_snan(x)) raise(flags, kInvalid);
    return sign | kCanonicalNan16;
  }
  if (f32_is_inf(x)) return sign | 0x7F80u;
  const Target t = bf16_target();
  Flags fl = 0;
  const double mag = round_magnitude(std::fabs(static_cast<double>(f32_from_bits(x))), t, mode, rand16, fl);
  uint16_t code;
  if (mag > t.max_finite) {
    fl |= kOverflow | kInexact;
    code = 0x7F80u;
  } else {
    code = static_cast<uint16_t>(f32_bits(static_cast<float>(mag)) >> 16);  // mag has <= 8 bits
  }
  raise(flags, fl);
  return sign | code;
}

uint8_t f32_to_cfp8(uint32_t x, Cfp8Format fmt, int bias, Rounding mode, uint16_t rand16, Flags* flags) {
  const uint8_t sign = (x & 0x80000000u) ? 0x80 : 0x00;
  const uint8_t max_code = 0x7F;  // all-ones exponent and fraction, for both layouts
  if (f32_is_nan(x)) {
    raise(flags, kInvalid);
    return sign | max_code;
  }
  if (f32_is_inf(x)) {
    raise(flags, kOverflow | kInexact);
    return sign | max_code;
  }
  const Target t = cfp8_target(fmt, bias);
  const int m = t.man_bits;
  Flags fl = 0;
  const double mag = round_magnitude(std::fabs(static_cast<double>(f32_from_bits(x))), t, mode, rand16, fl);
  uint8_t code;
  if (mag > t.max_finite) {
    fl |= kOverflow | kInexact;
    code = max_code;
  } else if (mag < std::ldexp(1.0, t.emin)) {
    code = static_cast<uint8_t>(mag / std::ldexp(1.0, t.emin - m));  // denormal or zero
  } else {
    int k = 0;
    std::frexp(mag, &k);
    const int e = k - 1;
    const int man = static_cast<int>((std::ldexp(mag, -e) - 1.0) * (1 << m));
    code = static_cast<uint8_t>(((e + bias) << m) | man);
  }
  raise(flags, fl);
  return sign | code;
}

}  // namespace fp
}  // namespace nd
