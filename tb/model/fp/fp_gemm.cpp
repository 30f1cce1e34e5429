// Matrix multiply-accumulate reference; see fp_gemm.hpp.
#include "fp_gemm.hpp"

#include <cmath>
#include <stdexcept>
#include <string>

#include "fp_convert.hpp"
#include "fp_fma.hpp"

namespace nd {
namespace fp {
namespace {

uint32_t checked_fma(uint32_t a, uint32_t b, uint32_t c, Flags* flags) {
  const uint32_t r = std_fma32(a, b, c);
  if (flags) {
    const uint32_t m = fma32(a, b, c, flags);
    if (m != r) throw std::logic_error("fma32 disagrees with std::fma");
  }
  return r;
}

uint32_t checked_add(uint32_t a, uint32_t c, Flags* flags) {
  const uint32_t r = canonicalize_nan(f32_bits(f32_from_bits(a) + f32_from_bits(c)));
  if (flags) {
    const uint32_t m = add32(a, c, flags);
    if (m != r) throw std::logic_error("add32 disagrees with float addition");
  }
  return r;
}

}  // namespace

uint32_t dot_lanes(const uint32_t* a, int a_stride, const uint32_t* b, int b_stride, int k, int klanes,
                   uint32_t c0, Flags* flags) {
  if (klanes != 1 && klanes != 2 && klanes != 4) {
    throw std::invalid_argument("KLanes must be 1, 2 or 4, not " + std::to_string(klanes));
  }
  uint32_t acc[4] = {c0, 0u, 0u, 0u};
  for (int kk = 0; kk < k; ++kk) {
    uint32_t& lane = acc[kk % klanes];
    lane = checked_fma(a[static_cast<long>(kk) * a_stride], b[static_cast<long>(kk) * b_stride], lane, flags);
  }
  switch (klanes) {
    case 1:
      return canonicalize_nan(acc[0]);
    case 2:
      return checked_add(acc[0], acc[1], flags);
    default:
      return checked_add(checked_add(acc[0], acc[1], flags), checked_add(acc[2], acc[3], flags), flags);
  }
}

void mac_tile(const uint32_t* a, int lda, const uint32_t* b, int ldb, uint32_t* c, int k, int klanes,
              Flags* flags) {
  for (int i = 0; i < kTileDim; ++i) {
    for (int j = 0; j < kTileDim; ++j) {
      uint32_t& out = c[i * kTileDim + j];
      out = dot_lanes(a + static_cast<long>(i) * lda, 1, b + j, ldb, k, klanes, out, flags);
    }
  }
}

std::vector<uint32_t> gemm(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b,
                           const std::vector<uint32_t>* c0, int m, int n, int k, int klanes, Flags* flags) {
  if (m <= 0 || n <= 0 || k < 0) throw std::invalid_argument("gemm: bad shape");
  const size_t mn = static_cast<size_t>(m) * n;
  if (a.size() != static_cast<size_t>(m) * k || b.size() != static_cast<size_t>(k) * n ||
      (c0 && c0->size() != mn)) {
    throw std::invalid_argument("gemm: matrix sizes do not match the shape");
  }
  std::vector<uint32_t> c = c0 ? *c0 : std::vector<uint32_t>(mn, 0u);
  for (int i = 0; i < m; ++i) {
    for (int j = 0; j < n; ++j) {
      uint32_t& out = c[static_cast<size_t>(i) * n + j];
      out = dot_lanes(a.data() + static_cast<size_t>(i) * k, 1, b.data() + j, n, k, klanes, out, flags);
    }
  }
  return c;
}

std::vector<uint32_t> decode_bf16(const std::vector<uint16_t>& codes, Flags* flags) {
  std::vector<uint32_t> out;
  out.reserve(codes.size());
  for (uint16_t code : codes) out.push_back(bf16_to_f32(code, flags));
  return out;
}

std::vector<uint32_t> decode_cfp8(const std::vector<uint8_t>& codes, Cfp8Format fmt, int bias, Flags* flags) {
  std::vector<uint32_t> out;
  out.reserve(codes.size());
  for (uint8_t code : codes) out.push_back(cfp8_to_f32(code, fmt, bias, flags));
  return out;
}

std::vector<uint16_t> encode_bf16(const std::vector<uint32_t>& values, Rounding mode, Xorshift32& rng,
                                  Flags* flags) {
  std::vector<uint16_t> out;
  out.reserve(values.size());
  for (uint32_t v : values) {
    const uint16_t r = mode == Rounding::kStochastic ? rng.next16() : 0;
    out.push_back(f32_to_bf16(v, mode, r, flags));
  }
  return out;
}

std::vector<uint8_t> encode_cfp8(const std::vector<uint32_t>& values, Cfp8Format fmt, int bias, Rounding mode,
                                 Xorshift32& rng, Flags* flags) {
  std::vector<uint8_t> out;
  out.reserve(values.size());
  for (uint32_t v : values) {
    const uint16_t r = mode == Rounding::kStochastic ? rng.next16() : 0;
    out.push_back(f32_to_cfp8(v, fmt, bias, mode, r, flags));
  }
  return out;
}

}  // namespace fp
}  // namespace nd
