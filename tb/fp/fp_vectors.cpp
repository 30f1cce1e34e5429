// Replay of vector files through the RTL; see fp_vectors.hpp.
#include "fp_vectors.hpp"

#include <fstream>
#include <memory>
#include <sstream>

#include "Vfp_bf16_to_f32.h"
#include "Vfp_cfp8_to_f32.h"
#include "Vfp_f32_narrow.h"
#include "Vfp_f32_to_bf16.h"
#include "Vfp_fma_f32.h"
#include "dut.hpp"
#include "errors.hpp"

namespace nd {
namespace fp {
namespace {

constexpr size_t kMaxFailuresKept = 10;
constexpr char kCommandLine[] = "command line";

struct OpInfo {
  VectorOp op;
  const char* name;
  int operands;
  int operand_digits;  // hex digits of an operand (its width / 4)
  int result_digits;
  bool stochastic_ok;  // a narrowing conversion: stochastic rounding allowed
};

constexpr OpInfo kOps[] = {
    {VectorOp::kF32MulAdd, "f32_mulAdd", 3, 8, 8, false},
    {VectorOp::kF32Add, "f32_add", 2, 8, 8, false},
    {VectorOp::kF32Mul, "f32_mul", 2, 8, 8, false},
    {VectorOp::kF32ToBf16, "f32_to_bf16", 1, 8, 4, true},
    {VectorOp::kBf16ToF32, "bf16_to_f32", 1, 4, 8, false},
    {VectorOp::kF32ToCfp8, "f32_to_cfp8", 1, 8, 2, true},
    {VectorOp::kBf16ToCfp8, "bf16_to_cfp8", 1, 4, 2, true},
    {VectorOp::kCfp8ToF32, "cfp8_to_f32", 1, 2, 8, false},
};

const OpInfo& info(VectorOp op) {
  for (const OpInfo& i : kOps)
    if (i.op == op) return i;
  return kOps[0];
}

bool stochastic(const VectorOptions& o) { return o.rounding == "stochastic" || o.rounding == "sr"; }

Cfp8Format layout_of(const VectorOptions& o) {
  return (o.layout == "1.5.2" || o.layout == "e5m2" || o.layout == "E5M2") ? Cfp8Format::kE5M2
                                                                           : Cfp8Format::kE4M3;
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
  switch (op) {
    case VectorOp::kF32ToBf16:
      return bf16_is_nan(static_cast<uint16_t>(v));
    case VectorOp::kF32ToCfp8:
    case VectorOp::kBf16ToCfp8:
      return false;  // CFP8 has no NaN codes
    default:
      return f32_is_nan(v);
  }
}

template <class V>
Dut<V>& built(std::unique_ptr<Dut<V>>& d) {
  if (!d) {
    d = std::make_unique<Dut<V>>();
    d->reset();
  }
  return *d;
}

// The RTL units, built on first use.
class Units {
 public:
  explicit Units(const VectorOptions& o) : opts_(o), fmt_(layout_of(o)), sr_(stochastic(o)) {}

  uint32_t run(VectorOp op, const uint32_t* x, Flags* flags) {
    switch (op) {
      case VectorOp::kF32MulAdd:
      case VectorOp::kF32Add:
      case VectorOp::kF32Mul: {
        auto& d = built(fma_);
        d->a_i = x[0];
        d->b_i = op == VectorOp::kF32Add ? 0x3F800000u : x[1];
        d->c_i = op == VectorOp::kF32MulAdd ? x[2] : op == VectorOp::kF32Add ? x[1] : 0x80000000u;
        d.tick();
        *flags = d->flags_o;
        return d->res_o;
      }
      case VectorOp::kF32ToBf16: {
        if (sr_) return narrow(x[0], 0, flags);
        auto& d = built(to_bf16_);
        d->f32_i = x[0];
        d->rnd_mode_i = static_cast<uint8_t>(Rounding::kRne);
        d->rand_i = 0;
        d.tick();
        *flags = d->flags_o;
        return d->bf16_o;
      }
      case VectorOp::kBf16ToF32: {
        auto& d = built(from_bf16_);
        d->bf16_i = x[0];
        d.tick();
        *flags = d->flags_o;
        return d->f32_o;
      }
      case VectorOp::kF32ToCfp8:
        return narrow(x[0], fmt_ == Cfp8Format::kE4M3 ? 1 : 2, flags);
      case VectorOp::kBf16ToCfp8:
        return narrow(x[0] << 16, fmt_ == Cfp8Format::kE4M3 ? 1 : 2, flags);
      case VectorOp::kCfp8ToF32:
      default: {
        auto& d = built(from_cfp8_);
        d->cfp8_i = x[0];
        d->fmt_i = static_cast<uint8_t>(fmt_);
        d->bias_i = opts_.bias;
        d.tick();
        *flags = d->flags_o;
        return d->f32_o;
      }
    }
  }

 private:
  // One element through the store path; the first call loads the seed (one stream per file).
  uint32_t narrow(uint32_t f32, int target, Flags* flags) {
    if (!narrow_) {
      auto& d = built(narrow_);
      d->valid_i = 0;
      d->seed_load_i = 1;
      d->seed_i = opts_.seed;
      d.tick();
      d->seed_load_i = 0;
    }
    auto& d = *narrow_;
    d->valid_i = 1;
    d->f32_i = f32;
    d->target_i = target;
    d->bias_i = target == 0 ? 0 : opts_.bias;
    d->rnd_mode_i = static_cast<uint8_t>(sr_ ? Rounding::kStochastic : Rounding::kRne);
    d.tick();
    *flags = d->flags_o;
    return d->data_o;
  }

  VectorOptions opts_;
  Cfp8Format fmt_;
  bool sr_;
  std::unique_ptr<Dut<Vfp_fma_f32>> fma_;
  std::unique_ptr<Dut<Vfp_f32_to_bf16>> to_bf16_;
  std::unique_ptr<Dut<Vfp_bf16_to_f32>> from_bf16_;
  std::unique_ptr<Dut<Vfp_cfp8_to_f32>> from_cfp8_;
  std::unique_ptr<Dut<Vfp_f32_narrow>> narrow_;
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
  throw InputError(kCommandLine, 0, "--op",
                   "unknown operation '" + name + "' (known: " + vector_op_names() + ")");
}

std::string vector_op_names() {
  std::string s;
  for (const OpInfo& i : kOps) s += (s.empty() ? "" : ", ") + std::string(i.name);
  return s;
}

bool is_cfp8_op(VectorOp op) {
  return op == VectorOp::kF32ToCfp8 || op == VectorOp::kBf16ToCfp8 || op == VectorOp::kCfp8ToF32;
}

void check_vector_options(VectorOp op, const VectorOptions& o) {
  const std::string name = info(op).name;
  if (is_cfp8_op(op)) {
    if (o.layout.empty())
      throw InputError(kCommandLine, 0, "--layout", name + " needs --layout 1.4.3 or 1.5.2");
    if (o.layout != "1.4.3" && o.layout != "1.5.2" && o.layout != "e4m3" && o.layout != "e5m2" &&
        o.layout != "E4M3" && o.layout != "E5M2")
      throw InputError(kCommandLine, 0, "--layout",
                       "unknown CFP8 layout '" + o.layout + "' (1.4.3 or 1.5.2)");
    if (!o.bias_given) throw InputError(kCommandLine, 0, "--bias", name + " needs --bias 0..63");
    if (o.bias < 0 || o.bias > kCfp8MaxBias)
      throw InputError(kCommandLine, 0, "--bias", "bias " + std::to_string(o.bias) + " is outside 0..63");
  } else {
    if (!o.layout.empty()) throw InputError(kCommandLine, 0, "--layout", name + " has no CFP8 layout");
    if (o.bias_given) throw InputError(kCommandLine, 0, "--bias", name + " has no CFP8 bias");
  }
  if (o.rounding != "rne" && !stochastic(o))
    throw InputError(kCommandLine, 0, "--rounding",
                     "unknown rounding '" + o.rounding + "' (rne or stochastic)");
  if (stochastic(o) && !info(op).stochastic_ok)
    throw InputError(kCommandLine, 0, "--rounding",
                     name + " does not round stochastically (only f32_to_bf16, f32_to_cfp8, bf16_to_cfp8)");
  if (o.seed_given && !stochastic(o))
    throw InputError(kCommandLine, 0, "--seed", "a seed only applies to --rounding stochastic");
}

std::string describe_vector_options(VectorOp op, const VectorOptions& o) {
  std::string s;
  if (is_cfp8_op(op)) s = std::string(cfp8_name(layout_of(o))) + ", bias " + std::to_string(o.bias);
  if (info(op).stochastic_ok) {
    s += (s.empty() ? "" : ", ") +
         (stochastic(o) ? "stochastic rounding, seed " + std::to_string(o.seed) : std::string("RNE"));
  }
  return s;
}

VectorReport replay_vector_file(const std::string& path, VectorOp op, const VectorOptions& o) {
  check_vector_options(op, o);
  std::ifstream in(path);
  if (!in) throw InputError(path, 0, "", "cannot open the vector file");
  return replay_vectors(in, path, op, o);
}

VectorReport replay_vectors(std::istream& in, const std::string& name, VectorOp op, const VectorOptions& o) {
  check_vector_options(op, o);
  const OpInfo& oi = info(op);
  const int fields = oi.operands + 2;
  const Flags mask = is_cfp8_op(op) ? static_cast<Flags>(kTestFloatMask | kDenormal) : kTestFloatMask;
  Units units(o);
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
    if (want_flags & ~static_cast<uint32_t>(mask)) {
      throw InputError(name, line, "field " + std::to_string(oi.operands + 2),
                       "flags '" + tok[oi.operands + 1] + "' have bits outside the mask " + hex(mask, 2) +
                           (is_cfp8_op(op) ? " (SoftFloat's five and Denormal)" : " (SoftFloat's)"));
    }
    Flags got_flags = 0;
    const uint32_t got = units.run(op, x, &got_flags);
    got_flags &= mask;
    const bool nan_match = !o.check_nans && is_nan_of(op, got) && is_nan_of(op, want);
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
