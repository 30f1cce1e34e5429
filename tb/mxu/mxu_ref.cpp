// Reference side of the MXU tests; see mxu_ref.hpp.
#include "mxu_ref.hpp"

#include <stdexcept>

#include "fp_convert.hpp"
#include "fp_gemm.hpp"

namespace nd::mxu {

const char* name(OpFmt f) {
  switch (f) {
    case OpFmt::kBf16:
      return "bf16";
    case OpFmt::kE4M3:
      return "e4m3";
    default:
      return "e5m2";
  }
}

const char* name(OutFmt f) {
  switch (f) {
    case OutFmt::kFp32:
      return "fp32";
    case OutFmt::kBf16:
      return "bf16";
    case OutFmt::kE4M3:
      return "e4m3";
    default:
      return "e5m2";
  }
}

uint32_t cfg_word(const Cfg& c) {
  return static_cast<uint32_t>(c.a_fmt) | static_cast<uint32_t>(c.b_fmt) << 2 |
         static_cast<uint32_t>(c.out_fmt) << 4 | (c.sr ? 1u : 0u) << 6 |
         static_cast<uint32_t>(c.a_bias) << 8 | static_cast<uint32_t>(c.b_bias) << 14 |
         static_cast<uint32_t>(c.out_bias) << 20;
}

Cmd cmd_cfg(const Cfg& c, bool load_seed, uint32_t seed) {
  return {static_cast<uint8_t>(load_seed ? 1 : 0), 0, cfg_word(c), load_seed ? seed : 0};
}
Cmd cmd_shape(uint32_t k, uint32_t a_stride_lines, uint32_t b_stride_lines) {
  return {0, 1, k, a_stride_lines | b_stride_lines << 16};
}
Cmd cmd_mac(int bank, bool zero, uint32_t a_addr, uint32_t b_addr) {
  return {static_cast<uint8_t>(bank | (zero ? 2 : 0)), 2, a_addr, b_addr};
}
Cmd cmd_zero(int bank) { return {static_cast<uint8_t>(bank), 3, 0, 0}; }
Cmd cmd_load(int bank, uint32_t addr, uint32_t stride) {
  return {static_cast<uint8_t>(bank | 2), 3, addr, stride};
}
Cmd cmd_store(int bank, uint32_t addr, uint32_t stride) {
  return {static_cast<uint8_t>(bank), 4, addr, stride};
}
Cmd cmd_status(uint32_t addr, bool clear_flags, bool clear_counters) {
  return {static_cast<uint8_t>((clear_flags ? 1 : 0) | (clear_counters ? 2 : 0)), 5, addr, 0};
}

int panel_lines(OpFmt f, uint32_t addr, int k) {
  const int g = rows_per_line(f);
  const int r0 = static_cast<int>(addr % 128) / krow_bytes(f);
  return (r0 + k + g - 1) / g;
}

void write_panel(std::vector<uint8_t>& mem, uint32_t addr, int stride_lines, OpFmt f, int k,
                 const std::function<uint16_t(int, int)>& code) {
  const int g = rows_per_line(f);
  const int r0 = static_cast<int>(addr % 128) / krow_bytes(f);
  for (int kk = 0; kk < k; ++kk) {
    const int p = r0 + kk;
    const size_t base = static_cast<size_t>(addr / 128 + static_cast<uint32_t>(p / g) * stride_lines) * 128 +
                        static_cast<size_t>(p % g) * krow_bytes(f);
    for (int e = 0; e < 8; ++e) {
      const uint16_t c = code(kk, e);
      if (is_bf16(f)) {
        mem.at(base + 2 * e) = static_cast<uint8_t>(c);
        mem.at(base + 2 * e + 1) = static_cast<uint8_t>(c >> 8);
      } else {
        mem.at(base + e) = static_cast<uint8_t>(c);
      }
    }
  }
}

void write_a(std::vector<uint8_t>& mem, uint32_t addr, int stride_lines, OpFmt f, const Operands& op) {
  write_panel(mem, addr, stride_lines, f, op.k, [&](int kk, int i) { return op.a[i * op.k + kk]; });
}
void write_b(std::vector<uint8_t>& mem, uint32_t addr, int stride_lines, OpFmt f, const Operands& op) {
  write_panel(mem, addr, stride_lines, f, op.k, [&](int kk, int j) { return op.b[kk * 8 + j]; });
}

std::vector<uint32_t> decode(OpFmt f, int bias, const std::vector<uint16_t>& codes, fp::Flags* flags) {
  if (is_bf16(f)) return fp::decode_bf16(codes, flags);
  std::vector<uint8_t> c8(codes.begin(), codes.end());
  return fp::decode_cfp8(c8, f == OpFmt::kE4M3 ? fp::Cfp8Format::kE4M3 : fp::Cfp8Format::kE5M2, bias, flags);
}

void MxuModel::zero(int bank) {
  for (uint32_t& v : bank_[bank]) v = 0;
}

void MxuModel::load(int bank, const uint32_t* c64) {
  for (int i = 0; i < 64; ++i) bank_[bank][i] = c64[i];
}

void MxuModel::mac(int bank, bool zero, const Operands& op) {
  if (zero) this->zero(bank);
  const std::vector<uint32_t> a = decode(cfg_.a_fmt, cfg_.a_bias, op.a, &flags_);
  const std::vector<uint32_t> b = decode(cfg_.b_fmt, cfg_.b_bias, op.b, &flags_);
  fp::mac_tile(a.data(), op.k, b.data(), 8, bank_[bank], op.k, klanes_, &flags_);
}

std::vector<uint8_t> MxuModel::store(int bank) {
  const std::vector<uint32_t> v(bank_[bank], bank_[bank] + 64);
  const fp::Rounding mode = cfg_.sr ? fp::Rounding::kStochastic : fp::Rounding::kRne;
  std::vector<uint8_t> out;
  switch (cfg_.out_fmt) {
    case OutFmt::kFp32:
      for (uint32_t x : v) {
        for (int b = 0; b < 4; ++b) out.push_back(static_cast<uint8_t>(x >> (8 * b)));
      }
      break;
    case OutFmt::kBf16:
      for (uint16_t x : fp::encode_bf16(v, mode, rng_, &flags_)) {
        out.push_back(static_cast<uint8_t>(x));
        out.push_back(static_cast<uint8_t>(x >> 8));
      }
      break;
    default: {
      const auto fmt = cfg_.out_fmt == OutFmt::kE4M3 ? fp::Cfp8Format::kE4M3 : fp::Cfp8Format::kE5M2;
      out = fp::encode_cfp8(v, fmt, cfg_.out_bias, mode, rng_, &flags_);
    }
  }
  return out;
}

}  // namespace nd::mxu
