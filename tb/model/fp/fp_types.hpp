// Shared definitions of the nanodojo numeric golden model: formats, rounding modes, exception flags and
// bit-level helpers. Plain C++17, no Verilator headers. The contract is docs/numerics.md.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>

namespace nd {
namespace fp {

// Exception flags. Bits 0..4 use Berkeley SoftFloat/TestFloat's exception mask so vector files can be
// compared directly; bit 3 (divide by zero) is never raised by these units; bit 5 is the CFP8/BF16
// denormal-input flag, which TestFloat does not have. The RTL uses the same layout (nd_fp_pkg::fp_flags_t).
enum Flag : uint8_t {
  kInexact = 1u << 0,
  kUnderflow = 1u << 1,
  kOverflow = 1u << 2,
  kDivByZero = 1u << 3,
  kInvalid = 1u << 4,
  kDenormal = 1u << 5,
};
using Flags = uint8_t;
constexpr Flags kTestFloatMask = kInexact | kUnderflow | kOverflow | kDivByZero | kInvalid;

std::string flags_to_string(Flags f);  // e.g. "NV|NX", or "-" for none

enum class Rounding : uint8_t { kRne = 0, kStochastic = 1 };

// CFP8 layouts (the RTL's fmt input: 0 = 1.4.3, 1 = 1.5.2).
enum class Cfp8Format : uint8_t { kE4M3 = 0, kE5M2 = 1 };

constexpr int cfp8_exp_bits(Cfp8Format f) { return f == Cfp8Format::kE4M3 ? 4 : 5; }
constexpr int cfp8_man_bits(Cfp8Format f) { return f == Cfp8Format::kE4M3 ? 3 : 2; }
const char* cfp8_name(Cfp8Format f);  // "1.4.3" or "1.5.2"

constexpr int kCfp8MaxBias = 63;  // the bias is a 6-bit unsigned value
constexpr uint32_t kCanonicalNan32 = 0x7FC00000u;
constexpr uint16_t kCanonicalNan16 = 0x7FC0u;  // BF16 quiet NaN, sign added by the converter

inline uint32_t f32_bits(float f) {
  uint32_t u;
  std::memcpy(&u, &f, sizeof u);
  return u;
}
inline float f32_from_bits(uint32_t u) {
  float f;
  std::memcpy(&f, &u, sizeof f);
  return f;
}
inline bool f32_is_nan(uint32_t u) { return (u & 0x7F800000u) == 0x7F800000u && (u & 0x007FFFFFu) != 0; }
inline bool f32_is_snan(uint32_t u) { return f32_is_nan(u) && (u & 0x00400000u) == 0; }
inline bool f32_is_inf(uint32_t u) { return (u & 0x7FFFFFFFu) == 0x7F800000u; }
// Every NaN becomes 0x7FC00000 (sign 0), as the MXU writes it.
inline uint32_t canonicalize_nan(uint32_t u) { return f32_is_nan(u) ? kCanonicalNan32 : u; }

inline bool bf16_is_nan(uint16_t u) { return (u & 0x7F80u) == 0x7F80u && (u & 0x007Fu) != 0; }

}  // namespace fp
}  // namespace nd
