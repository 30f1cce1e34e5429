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
  explicit Units(const VectorOptions& o) : opts_(o), fmt_(vector_layout(o)), sr_(vector_stochastic(o)) {}

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

}  // namespace

VectorReport replay_vector_file(const std::string& path, VectorOp op, const VectorOptions& o) {
  check_vector_options(op, o);
  std::ifstream in(path);
  if (!in) throw InputError(path, 0, "", "cannot open the vector file");
  return replay_vectors(in, path, op, o);
}

VectorReport replay_vectors(std::istream& in, const std::string& name, VectorOp op, const VectorOptions& o) {
  check_vector_options(op, o);
  const Flags mask = vector_flag_mask(op);
  const int digits = vector_result_digits(op);
  Units units(o);
  VectorReport rep;
  VectorReader reader(in, name, op);
  for (VectorCase c; reader.next(&c);) {
    Flags got_flags = 0;
    const uint32_t got = units.run(op, c.operands, &got_flags);
    got_flags &= mask;
    const bool nan_match = !o.check_nans && is_nan_of(op, got) && is_nan_of(op, c.result);
    if ((got == c.result || nan_match) && got_flags == c.flags) {
      ++rep.passed;
    } else {
      ++rep.failed;
      if (rep.failures.size() < kMaxFailuresKept) {
        rep.failures.push_back(name + ":" + std::to_string(c.line) + ": " + c.text + "  -> RTL " +
                               vector_hex(got, digits) + " " + vector_hex(got_flags, 2));
      }
    }
  }
  return rep;
}

}  // namespace fp
}  // namespace nd
