// Replay of vector files through the RTL (`nanodojo fpcheck --op OP FILE`): Berkeley TestFloat's format
// for the FP32 / BF16 operations, the same format for the CFP8 conversions.
//
// One case per line, fields in hexadecimal separated by blanks: the operands, the expected result and
// the expected exception flags, as testfloat_gen writes them. Blank lines and lines starting with '#' are
// skipped. Operations (tininess after rounding under RNE):
//   f32_mulAdd   a b c -> a * b + c    on nd_fp_fma with SigW = 24 (RNE)
//   f32_add      a b   -> a + b        same unit, as a * 1 + b
//   f32_mul      a b   -> a * b        same unit, as a * b + (-0)
//   f32_to_bf16  a     -> BF16         nd_fp_f32_to_bf16 (RNE), nd_fp_f32_narrow (stochastic)
//   bf16_to_f32  a     -> FP32         nd_fp_bf16_to_f32
//   f32_to_cfp8  a     -> CFP8         nd_fp_f32_narrow (RNE or stochastic); layout and bias from options
//   bf16_to_cfp8 a     -> CFP8         same, with the BF16 value's FP32 image
//   cfp8_to_f32  a     -> FP32         nd_fp_cfp8_to_f32; layout and bias from options
// Flags: SoftFloat's mask (inexact 1, underflow 2, overflow 4, infinite 8, invalid 16); the CFP8
// operations also compare bit 5, Denormal (32), which the TestFloat operations leave out.
// Stochastic rounding: the file's cases form one stream. The generator (xorshift32) is loaded with the
// seed and advances once per case in file order, so case i is rounded with the i-th R of the stream,
// exactly as the golden model's encode_cfp8 / encode_bf16 with Xorshift32(seed) round a vector.
// Any NaN result matches any expected NaN unless check_nans is set (as testfloat_ver does by default).
// Malformed input throws nd::InputError naming the file, the line and the field; bad options name the
// option ("command line", key "--bias" ...).
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

#include "fp_types.hpp"

namespace nd {
namespace fp {

enum class VectorOp {
  kF32MulAdd,
  kF32Add,
  kF32Mul,
  kF32ToBf16,
  kBf16ToF32,
  kF32ToCfp8,
  kBf16ToCfp8,
  kCfp8ToF32,
};

// Throws nd::InputError (key "--op") for an unknown name.
VectorOp parse_vector_op(const std::string& name);
std::string vector_op_names();  // "f32_mulAdd, f32_add, ..."
bool is_cfp8_op(VectorOp op);

struct VectorOptions {
  bool check_nans = false;
  std::string layout;  // CFP8 operations: "1.4.3" (or "e4m3") / "1.5.2" (or "e5m2"); empty otherwise
  int bias = 0;        // CFP8 operations: 0..63
  bool bias_given = false;
  std::string rounding = "rne";  // "rne", or "stochastic" (also "sr") for the narrowing conversions
  uint32_t seed = 1;             // generator seed under stochastic rounding (0 is replaced, see fp_rng.hpp)
  bool seed_given = false;       // --seed on the command line (refused without stochastic rounding)
};

// Checks the options against the operation; throws nd::InputError ("command line", key = the option).
void check_vector_options(VectorOp op, const VectorOptions& o);
// "1.4.3, bias 7, stochastic, seed 5" (empty for an operation without options).
std::string describe_vector_options(VectorOp op, const VectorOptions& o);

// The operation's name ("f32_mulAdd"), the hex digits of its result, the flags its files may carry
// (SoftFloat's five, plus Denormal for the CFP8 operations).
const char* vector_op_name(VectorOp op);
int vector_result_digits(VectorOp op);
Flags vector_flag_mask(VectorOp op);
// The options' rounding is stochastic; their CFP8 layout (1.4.3 unless 1.5.2 is named).
bool vector_stochastic(const VectorOptions& o);
// A value as the vector files write it: `digits` upper-case hexadecimal digits, zero-padded, no "0x".
std::string vector_hex(uint32_t v, int digits);
Cfp8Format vector_layout(const VectorOptions& o);

// One case of a vector file.
struct VectorCase {
  int line = 0;      // 1-based line in the file
  std::string text;  // the line as written (without a trailing CR)
  uint32_t operands[3] = {0, 0, 0};
  uint32_t result = 0;
  uint32_t flags = 0;
};

// Reads the cases of a vector file in order, skipping blank and comment lines; every malformed line (field
// count, hexadecimal digits, flags outside the operation's mask) throws nd::InputError naming the file, the
// line and the field. No RTL: the parsing half of replay_vectors() (fp_vector_file.cpp).
class VectorReader {
 public:
  VectorReader(std::istream& in, std::string name, VectorOp op);
  bool next(VectorCase* c);  // false at the end of the input

 private:
  std::istream& in_;
  std::string name_;
  VectorOp op_;
  int line_ = 0;
};

struct VectorReport {
  long passed = 0;
  long failed = 0;
  std::vector<std::string> failures;  // the first few mismatches, one line each
};

VectorReport replay_vector_file(const std::string& path, VectorOp op, const VectorOptions& o = {});
VectorReport replay_vectors(std::istream& in, const std::string& name, VectorOp op,
                            const VectorOptions& o = {});

}  // namespace fp
}  // namespace nd
