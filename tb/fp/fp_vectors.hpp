// Replay of Berkeley TestFloat vector files through the RTL (`nanodojo fpcheck --op OP FILE`).
//
// One case per line, fields in hexadecimal separated by blanks: the operands, the expected result and
// the expected exception flags (SoftFloat's mask: inexact 1, underflow 2, overflow 4, infinite 8,
// invalid 16), as testfloat_gen writes them. Blank lines and lines starting with '#' are skipped.
// Operations (all round to nearest even, tininess after rounding):
//   f32_mulAdd  a b c  -> a * b + c    on nd_fp_fma with SigW = 24
//   f32_add     a b    -> a + b        same unit, as a * 1 + b
//   f32_mul     a b    -> a * b        same unit, as a * b + (-0)
//   f32_to_bf16 a      -> BF16         on nd_fp_f32_to_bf16 (RNE)
//   bf16_to_f32 a      -> FP32         on nd_fp_bf16_to_f32
// Any NaN result matches any expected NaN unless check_nans is set (as testfloat_ver does by default).
// Malformed input throws nd::InputError naming the file, the line and the field.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace nd {
namespace fp {

enum class VectorOp { kF32MulAdd, kF32Add, kF32Mul, kF32ToBf16, kBf16ToF32 };

// Throws nd::InputError (key "--op") for an unknown name.
VectorOp parse_vector_op(const std::string& name);
std::string vector_op_names();  // "f32_mulAdd, f32_add, ..."

struct VectorReport {
  long passed = 0;
  long failed = 0;
  std::vector<std::string> failures;  // the first few mismatches, one line each
};

VectorReport replay_vector_file(const std::string& path, VectorOp op, bool check_nans = false);
VectorReport replay_vectors(std::istream& in, const std::string& name, VectorOp op, bool check_nans = false);

}  // namespace fp
}  // namespace nd
