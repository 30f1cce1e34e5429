// Vector files without the RTL: the operations, their options and the checked reading of each case (see
// fp_vectors.hpp). Plain C++ (no Verilator), so the fuzz harness of tb/fuzz/ reads files exactly as
// `nanodojo fpcheck` does.
#include <istream>
#include <sstream>

#include "errors.hpp"
#include "fp_vectors.hpp"

namespace nd {
namespace fp {
namespace {

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

bool is_stochastic(const VectorOptions& o) { return o.rounding == "stochastic" || o.rounding == "sr"; }

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

}  // namespace

bool vector_stochastic(const VectorOptions& o) { return is_stochastic(o); }

std::string vector_hex(uint32_t v, int digits) {
  std::ostringstream s;
  s.width(digits);
  s.fill('0');
  s << std::uppercase << std::hex << v;
  return s.str();
}
Cfp8Format vector_layout(const VectorOptions& o) { return layout_of(o); }
const char* vector_op_name(VectorOp op) { return info(op).name; }
int vector_result_digits(VectorOp op) { return info(op).result_digits; }
Flags vector_flag_mask(VectorOp op) {
  return is_cfp8_op(op) ? static_cast<Flags>(kTestFloatMask | kDenormal) : kTestFloatMask;
}

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
  if (o.rounding != "rne" && !is_stochastic(o))
    throw InputError(kCommandLine, 0, "--rounding",
                     "unknown rounding '" + o.rounding + "' (rne or stochastic)");
  if (is_stochastic(o) && !info(op).stochastic_ok)
    throw InputError(kCommandLine, 0, "--rounding",
                     name + " does not round stochastically (only f32_to_bf16, f32_to_cfp8, bf16_to_cfp8)");
  if (o.seed_given && !is_stochastic(o))
    throw InputError(kCommandLine, 0, "--seed", "a seed only applies to --rounding stochastic");
}

std::string describe_vector_options(VectorOp op, const VectorOptions& o) {
  std::string s;
  if (is_cfp8_op(op)) s = std::string(cfp8_name(layout_of(o))) + ", bias " + std::to_string(o.bias);
  if (info(op).stochastic_ok) {
    s += (s.empty() ? "" : ", ") +
         (is_stochastic(o) ? "stochastic rounding, seed " + std::to_string(o.seed) : std::string("RNE"));
  }
  return s;
}

VectorReader::VectorReader(std::istream& in, std::string name, VectorOp op)
    : in_(in), name_(std::move(name)), op_(op) {}

bool VectorReader::next(VectorCase* c) {
  const OpInfo& oi = info(op_);
  const int fields = oi.operands + 2;
  const Flags mask = vector_flag_mask(op_);
  std::string text;
  while (std::getline(in_, text)) {
    ++line_;
    if (!text.empty() && text.back() == '\r') text.pop_back();
    std::istringstream ls(text);
    std::vector<std::string> tok;
    for (std::string t; ls >> t;) tok.push_back(t);
    if (tok.empty() || tok[0][0] == '#') continue;
    if (static_cast<int>(tok.size()) != fields) {
      throw InputError(name_, line_, "fields",
                       std::string(oi.name) + " needs " + std::to_string(fields) + " fields (" +
                           std::to_string(oi.operands) + " operands, result, flags), found " +
                           std::to_string(tok.size()));
    }
    VectorCase v;
    v.line = line_;
    v.text = text;
    for (int i = 0; i < oi.operands; ++i)
      v.operands[i] = parse_hex(tok[i], oi.operand_digits, name_, line_, i + 1);
    v.result = parse_hex(tok[oi.operands], oi.result_digits, name_, line_, oi.operands + 1);
    v.flags = parse_hex(tok[oi.operands + 1], 2, name_, line_, oi.operands + 2);
    if (v.flags & ~static_cast<uint32_t>(mask)) {
      throw InputError(name_, line_, "field " + std::to_string(oi.operands + 2),
                       "flags '" + tok[oi.operands + 1] + "' have bits outside the mask " +
                           vector_hex(mask, 2) +
                           (is_cfp8_op(op_) ? " (SoftFloat's five and Denormal)" : " (SoftFloat's)"));
    }
    *c = v;
    return true;
  }
  return false;
}

}  // namespace fp
}  // namespace nd
