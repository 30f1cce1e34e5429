// Matrix multiply-accumulate reference of the numeric contract (docs/numerics.md, "Accumulation").
//
// For output (i, j) with KLanes partial accumulators: lane l accumulates
//   acc_l = fmaf(a(i,k), b(k,j), acc_l)   for every k with k mod KLanes == l, in increasing k,
// lane 0 starting from the loaded C value (or +0), the others from +0; then the lanes are reduced with
// FP32 RNE additions: 1: acc_0; 2: acc_0 + acc_1; 4: (acc_0 + acc_1) + (acc_2 + acc_3).
// Values come from std::fma and float addition; every NaN is written as 0x7FC00000. When flags is not
// null, the exceptions of every FMA and addition are ORed into it (computed by fma32, which is checked
// against std::fma on the way: a disagreement throws std::logic_error).
// Matrices are row-major FP32 bit patterns (decode BF16 / CFP8 operands with the helpers below).
#pragma once

#include <cstdint>
#include <vector>

#include "fp_rng.hpp"
#include "fp_types.hpp"

namespace nd {
namespace fp {

constexpr int kTileDim = 8;  // the MXU's output tile is 8 x 8

// One output: a[0..k) with stride a_stride times b[0..k) with stride b_stride, plus c0.
uint32_t dot_lanes(const uint32_t* a, int a_stride, const uint32_t* b, int b_stride, int k, int klanes,
                   uint32_t c0, Flags* flags = nullptr);

// One 8 x 8 tile: c (8 x 8, row stride 8) = A(8 x k, row stride lda) * B(k x 8, row stride ldb) + c.
void mac_tile(const uint32_t* a, int lda, const uint32_t* b, int ldb, uint32_t* c, int k, int klanes,
              Flags* flags = nullptr);

// C (m x n) = A (m x k) * B (k x n) + C0, each output computed as one MXU command over the whole k
// (c0 == nullptr: accumulators start from +0). Throws std::invalid_argument on bad shapes or KLanes.
std::vector<uint32_t> gemm(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b,
                           const std::vector<uint32_t>* c0, int m, int n, int k, int klanes,
                           Flags* flags = nullptr);

// Operand decoding and result encoding for whole matrices (element order = vector order; stochastic
// rounding draws one R per element from rng).
std::vector<uint32_t> decode_bf16(const std::vector<uint16_t>& codes, Flags* flags = nullptr);
std::vector<uint32_t> decode_cfp8(const std::vector<uint8_t>& codes, Cfp8Format fmt, int bias,
                                  Flags* flags = nullptr);
std::vector<uint16_t> encode_bf16(const std::vector<uint32_t>& values, Rounding mode, Xorshift32& rng,
                                  Flags* flags = nullptr);
std::vector<uint8_t> encode_cfp8(const std::vector<uint32_t>& values, Cfp8Format fmt, int bias, Rounding mode,
                                 Xorshift32& rng, Flags* flags = nullptr);

}  // namespace fp
}  // namespace nd
