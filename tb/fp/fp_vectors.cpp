// Replay of TestFloat vector files through the RTL; see fp_vectors.hpp.
#include "fp_vectors.hpp"

#include <fstream>
#include <memory>
#include <sstream>

#include "Vfp_bf16_to_f32.h"
#include "Vfp_f32_to_bf16.h"
#include "Vfp_fma_f32.h"
#include "dut.hpp"
#include "errors.hpp"
#include "fp_types.hpp"

namespace nd {
namespace fp {
namespace {

constexpr size_t kMaxFailuresKept = 10;

struct OpInfo {
  VectorOp op;
  const char* name;
  int operands;
  int operand_digits;  // hex digits of an operand (its width / 4)
  int result_digits;
};

constexpr OpInfo kOps[] = {
    {VectorOp::kF32MulAdd, "f32_mulAdd", 3, 8, 8},  {VectorOp::kF32Add, "f32_add", 2, 8, 8},
    {VectorOp::kF32Mul, "f32_mul", 2, 8, 8},        {VectorOp::kF32ToBf16, "f32_to_bf16", 1, 8, 4},
    {VectorOp::kBf16ToF32, "bf16_to_f32", 1, 4, 8},
};

const OpInfo& info(VectorOp op) {
  for (const OpInfo& i : kOps)
    if (i.op == op) return i;
  return kOps[0];
}

uint32_t parse_hex(const std::string& tok, int max_digits, const std::string& file, int line, int field) {
  const std::string key = "field " + std::to_string(field);
  if (tok.empty() || tok.size() > static_cast<size_t>(max_digits)) {
    throw InputError(
        file, line, key,
        "'" + tok + "' is not a hexadecimal number of 1 to " + std::to_string(max_digits) + " digits");
  }
  uint32_t v = 0;
  for (char ch : tok) {
    int d;
    if (ch >= '0' && ch <= '9')
      d = ch - '0';
    else if (ch >= 'a' && ch <= 'f')
      d = ch - 'a' + 10;
    else if (ch >= 'A' && ch <= 'F')
      d = ch - 'A' + 10;
    else
      throw InputError(file, line, key, "'" + tok + "' is not a hexadecimal number");
    v = v << 4 | static_cast<uint32_t>(d);
  }
  return v;
}

bool is_nan_of(VectorOp op, uint32_t v) {
  return op == VectorOp::kF32ToBf16 ? bf16_is_nan(static_cast<uint16_t>(v)) : f32_is_nan(v);
}

// The three RTL units, built on first use.
class Units {
 public:
  uint32_t run(VectorOp op, const uint32_t* x, Flags* flags) {
    switch (op) {
      case VectorOp::kF32MulAdd:
      case VectorOp::kF32Add:
      case VectorOp::kF32Mul: {
        if (!fma_) {
          fma_ = std::make_unique<Dut<Vfp_fma_f32>>();
          fma_->reset();
        }
        auto& d = *fma_;
        d->a_i = x[0];
        d->b_i = op == VectorOp::kF32Add ? 0x3F800000u : x[1];
        d->c_i = op == VectorOp::kF32MulAdd ? x[2] : op == VectorOp::kF32Add ? x[1] : 0x80000000u;
        d.tick();
        *flags = d->flags_o;
        return d->res_o;
      }
      case VectorOp::kF32ToBf16: {
        if (!to_bf16_) {
          to_bf16_ = std::make_unique<Dut<Vfp_f32_to_bf16>>();
          to_bf16_->reset();
        }
        auto& d = *to_bf16_;
        d->f32_i = x[0];
        d->rnd_mode_i = 0;
        d->rand_i = 0;
        d.tick();
        *flags = d->flags_o;
        return d->bf16_o;
      }
      default: {
        if (!from_bf16_) {
          from_bf16_ = std::make_unique<Dut<Vfp_bf16_to_f32>>();
          from_bf16_->reset();
        }
        auto& d = *from_bf16_;
        d->bf16_i = x[0];
        d.tick();
        *flags = d->flags_o;
        return d->f32_o;
      }
    }
  }

 private:
  std::unique_ptr<Dut<Vfp_fma_f32>> fma_;
  std::unique_ptr<Dut<Vfp_f32_to_bf16>> to_bf16_;
  std::unique_ptr<Dut<Vfp_bf16_to_f32>> from_bf16_;
};

std::string hex(uint32_t v, int digits) {
  std::ostringstream s;
  s.width(digits);
  s.fill('0');
  s << std::uppercase << std::hex << v;
  return s.str();
}

}  // namespace

VectorOp parse_vector_op(const std::string& name) {
  for (const OpInfo& i : kOps)
    if (name == i.name) return i.op;
  throw InputError("command line", 0, "--op",
                   "unknown operation '" + name + "' (known: " + vector_op_names() + ")");
}

std::string vector_op_names() {
  std::string s;
  for (const OpInfo& i : kOps) s += (s.empty() ? "" : ", ") + std::string(i.name);
  return s;
}

VectorReport replay_vector_file(const std::string& path, VectorOp op, bool check_nans) {
  std::ifstream in(path);
  if (!in) throw InputError(path, 0, "", "cannot open the vector file");
  return replay_vectors(in, path, op, check_nans);
}

VectorReport replay_vectors(std::istream& in, const std::string& name, VectorOp op, bool check_nans) {
  const OpInfo& oi = info(op);
  const int fields = oi.operands + 2;
  Units units;
  VectorReport rep;
  std::string text;
  int line = 0;
  while (std::getline(in, text)) {
    ++line;
    if (!text.empty() && text.back() == '\r') text.pop_back();
    std::istringstream ls(text);
    std::vector<std::string> tok;
    for (std::string t; ls >> t;) tok.push_back(t);
    if (tok.empty() || tok[0][0] == '#') continue;
    if (static_cast<int>(tok.size()) != fields) {
      throw InputError(name, line, "fields",
                       std::string(oi.name) + " needs " + std::to_string(fields) + " fields (" +
                           std::to_string(oi.operands) + " operands, result, flags), found " +
                           std::to_string(tok.size()));
    }
    uint32_t x[3] = {0, 0, 0};
    for (int i = 0; i < oi.operands; ++i) x[i] = parse_hex(tok[i], oi.operand_digits, name, line, i + 1);
    const uint32_t want = parse_hex(tok[oi.operands], oi.result_digits, name, line, oi.operands + 1);
    const uint32_t want_flags = parse_hex(tok[oi.operands + 1], 2, name, line, oi.operands + 2);
    if (want_flags & ~static_cast<uint32_t>(kTestFloatMask)) {
      throw InputError(name, line, "field " + std::to_string(oi.operands + 2),
                       "flags '" + tok[oi.operands + 1] + "' have bits outside SoftFloat's mask 0x1F");
    }
    Flags got_flags = 0;
    const uint32_t got = units.run(op, x, &got_flags);
    got_flags &= kTestFloatMask;
    const bool nan_match = !check_nans && is_nan_of(op, got) && is_nan_of(op, want);
    if ((got == want || nan_match) && got_flags == want_flags) {
      ++rep.passed;
    } else {
      ++rep.failed;
      if (rep.failures.size() < kMaxFailuresKept) {
        rep.failures.push_back(name + ":" + std::to_string(line) + ": " + text + "  -> RTL " +
                               hex(got, oi.result_digits) + " " + hex(got_flags, 2));
      }
    }
  }
  return rep;
}

}  // namespace fp
}  // namespace nd
