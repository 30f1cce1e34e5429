// FP32 fused multiply-add of the numeric golden model, with IEEE 754 exception flags.
//
// fma32(a, b, c) = a * b + c with one round-to-nearest-even rounding, computed on an exact wide
// fixed-point sum (no shortcuts), so it is correct for every FP32 input, including full 24-bit
// multiplicands. Conventions (docs/numerics.md):
// - every NaN result is the canonical 0x7FC00000;
// - Invalid for a signaling NaN operand, for inf * 0 (even when c is a quiet NaN, as SoftFloat does),
//   and for inf - inf;
// - Underflow = tiny and inexact, tininess detected after rounding (x86, RISC-V, SoftFloat default);
// - an exact zero sum of opposite-signed operands is +0; (+-0) + (+-0) keeps the sign only when both are
//   negative.
// The [model] tests check this against std::fma and the floating-point environment's flags.
#pragma once

#include <cstdint>

#include "fp_types.hpp"

namespace nd {
namespace fp {

uint32_t fma32(uint32_t a, uint32_t b, uint32_t c, Flags* flags = nullptr);
// a + c and a * b as special cases of the FMA (a * 1 + c, a * b + (-0)); bit-identical to IEEE add / mul.
uint32_t add32(uint32_t a, uint32_t c, Flags* flags = nullptr);
uint32_t mul32(uint32_t a, uint32_t b, Flags* flags = nullptr);

// std::fma on float with the NaN made canonical: the value the contract defines.
uint32_t std_fma32(uint32_t a, uint32_t b, uint32_t c);

}  // namespace fp
}  // namespace nd
