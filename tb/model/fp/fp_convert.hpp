// Format conversions of the numeric golden model (docs/numerics.md):
//   widening   CFP8 (1.4.3 / 1.5.2, bias 0..63) -> FP32 and BF16 -> FP32, exact;
//   narrowing  FP32 -> BF16 and FP32 -> CFP8 with RNE or stochastic rounding.
// Every function ORs the exceptions it raises into *flags when flags is not null. The narrowing
// conversions take the 16-bit random number R used by stochastic rounding (ignored under RNE); an
// Xorshift32 (fp_rng.hpp) provides one per converted element.
//
// These are written on double arithmetic from the format definitions, independently of the RTL's
// bit-level datapath, so the exhaustive RTL comparisons check two different constructions.
#pragma once

#include <cstdint>

#include "fp_types.hpp"

namespace nd {
namespace fp {

// Exact value of a CFP8 code (every one of the 256 codes is finite).
double cfp8_value(uint8_t code, Cfp8Format fmt, int bias);
// Largest finite magnitude, smallest normal and smallest denormal of a CFP8 format at a bias.
double cfp8_max(Cfp8Format fmt, int bias);
double cfp8_min_normal(Cfp8Format fmt, int bias);
double cfp8_min_denormal(Cfp8Format fmt, int bias);

// CFP8 -> FP32, exact. Raises kDenormal for a denormal code (E = 0, M != 0).
uint32_t cfp8_to_f32(uint8_t code, Cfp8Format fmt, int bias, Flags* flags = nullptr);

// BF16 -> FP32, exact for numbers. Raises kDenormal for a subnormal code; a NaN gives the canonical
// 0x7FC00000 and a signaling NaN raises kInvalid.
uint32_t bf16_to_f32(uint16_t code, Flags* flags = nullptr);

// FP32 -> BF16. Overflow gives infinity (IEEE); a NaN gives 0x7FC0 with the NaN's sign (kInvalid when
// signaling). Underflow: tiny and inexact, tininess after rounding under RNE, before rounding under SR.
uint16_t f32_to_bf16(uint32_t x, Rounding mode, uint16_t rand16, Flags* flags = nullptr);

// FP32 -> CFP8. Magnitudes above the largest finite value after rounding, and infinities, saturate to
// the signed largest finite value (kOverflow | kInexact); a NaN gives the largest finite value with the
// NaN's sign (kInvalid only).
uint8_t f32_to_cfp8(uint32_t x, Cfp8Format fmt, int bias, Rounding mode, uint16_t rand16,
                    Flags* flags = nullptr);

}  // namespace fp
}  // namespace nd
