// MXU results against the golden model, bit for bit and flags included: random tiles in every operand
// format and bias mix, random K, every output format and rounding mode, chained accumulation, LOAD / ZERO,
// special values, with random memory latency and grant stalls (docs/mxu.md).
#include <catch2/catch.hpp>

#include "mxu_check.hpp"
#include "mxu_models.hpp"
#include "options.hpp"

using namespace nd::mxu;

namespace {

MemCfg random_mem(CodeGen& g) {
  MemCfg m;
  m.lat_min = g.uniform(1, 3);
  m.lat_max = m.lat_min + g.uniform(0, 3);
  m.rd_grant_pct = g.chance(50) ? 100 : g.uniform(40, 95);
  m.wr_grant_pct = g.chance(50) ? 100 : g.uniform(30, 95);
  return m;
}

}  // namespace

TEMPLATE_TEST_CASE("mxu: random tiles in every format, bit-exact with flags", "[mxu][unit]", K1, K2, K4) {
  const bool cfp8 = GENERATE(false, true);
  const uint64_t seed = nd::mxu::test_stream(0x1000 + TestType::kLanes * 2 + cfp8);
  CodeGen g(seed);
  Checked<typename TestType::V> c(TestType::kLanes, seed, random_mem(g));
  INFO("seed " << seed << " memory latency " << c.tb.cfg.lat_min << ".." << c.tb.cfg.lat_max << " grants "
               << c.tb.cfg.rd_grant_pct << "/" << c.tb.cfg.wr_grant_pct);
  const int tiles = 24;
  for (int t = 0; t < tiles; ++t) {
    const Cfg cf = g.random_cfg(cfp8);
    c.cfg(cf, t == 0 || g.chance(20), static_cast<uint32_t>(g.u64()));
    const int k = g.random_k();
    const int sa = g.chance(70) ? 1 : g.uniform(2, 4);
    const int sb = g.chance(70) ? 1 : g.uniform(2, 4);
    c.shape(static_cast<uint32_t>(k), static_cast<uint32_t>(sa), static_cast<uint32_t>(sb));
    const Operands op = g.operands(cf.a_fmt, cf.b_fmt, k, g.chance(30) ? 10 : 0);
    const int bank = t & 1;
    const uint32_t a = c.panel(cf.a_fmt, k, sa);
    const uint32_t b = c.panel(cf.b_fmt, k, sb);
    c.mac(bank, true, op, a, b, sa, sb);
    const uint32_t rb = static_cast<uint32_t>(out_row_bytes(cf.out_fmt));
    const uint32_t stride = rb * static_cast<uint32_t>(g.uniform(1, 4));
    c.store(bank, 0x20000 + static_cast<uint32_t>(t) * 0x400 + rb * static_cast<uint32_t>(g.uniform(0, 3)),
            stride);
    if (g.chance(25)) c.check();
  }
  c.check();
}

TEMPLATE_TEST_CASE("mxu: chained accumulation, LOAD and ZERO on both banks", "[mxu][unit]", K1, K2, K4) {
  const uint64_t seed = nd::mxu::test_stream(0x2000 + TestType::kLanes);
  CodeGen g(seed);
  Checked<typename TestType::V> c(TestType::kLanes, seed, random_mem(g));
  INFO("seed " << seed);
  for (int round = 0; round < 6; ++round) {
    const Cfg cf = g.random_cfg(round % 2 == 1);
    c.cfg(cf, round == 0, 0x1234u + static_cast<uint32_t>(round));
    const int bank = g.uniform(0, 1);
    // Start: LOAD a random C (finite FP32 values), ZERO, or a zero-start MAC.
    const int start = g.uniform(0, 2);
    if (start == 0) {
      uint32_t c0[64];
      for (uint32_t& v : c0) v = (static_cast<uint32_t>(g.u64()) & 0x8FFFFFFFu) | 0x38000000u;
      c.load(bank, c0, 0x30000 + static_cast<uint32_t>(round) * 0x800,
             32u * static_cast<uint32_t>(g.uniform(1, 3)));
    } else if (start == 1) {
      c.zero(bank);
    }
    // A K split into chunks of any length: each chunk continues where the previous one ended.
    std::vector<int> ks(static_cast<size_t>(g.uniform(2, 4)));
    int total = 0;
    for (int& k : ks) total += (k = g.uniform(1, 70));
    uint32_t a = c.panel(cf.a_fmt, total), b = c.panel(cf.b_fmt, total);
    for (size_t ch = 0; ch < ks.size(); ++ch) {
      const int k = ks[ch];
      c.shape(static_cast<uint32_t>(k));
      const Operands op = g.operands(cf.a_fmt, cf.b_fmt, k, 5);
      c.mac(bank, start == 2 && ch == 0, op, a, b);
      a += static_cast<uint32_t>(k * krow_bytes(cf.a_fmt));
      b += static_cast<uint32_t>(k * krow_bytes(cf.b_fmt));
    }
    const uint32_t rb = static_cast<uint32_t>(out_row_bytes(cf.out_fmt));
    c.store(bank, 0x38000 + static_cast<uint32_t>(round) * 0x400, rb);
  }
  c.check();
}

TEMPLATE_TEST_CASE("mxu: special values (signed zeros, subnormals, denormals, infinities, NaNs, saturation)",
                   "[mxu][unit]", K1, K2, K4) {
  const uint64_t seed = nd::mxu::test_stream(0x3000 + TestType::kLanes);
  CodeGen g(seed);
  Checked<typename TestType::V> c(TestType::kLanes, seed);
  INFO("seed " << seed);
  // Signed zeros: -0 * x products into -0 and +0 starts; every lane count sees an all-zero K.
  {
    Cfg cf;
    c.cfg(cf);
    for (int k : {1, 2, 3, 4, 5}) {
      c.shape(static_cast<uint32_t>(k));
      Operands op;
      op.k = k;
      for (int i = 0; i < 8 * k; ++i) op.a.push_back(g.chance(50) ? 0x8000 : 0x0000);
      for (int i = 0; i < 8 * k; ++i) op.b.push_back(g.chance(50) ? 0x8000 : 0x3F80);
      uint32_t c0[64];
      for (uint32_t& v : c0) v = g.chance(50) ? 0x80000000u : 0u;
      c.load(k & 1, c0, 0x30000 + static_cast<uint32_t>(k) * 0x100, 32);
      c.mac(k & 1, false, op, c.panel(OpFmt::kBf16, k), c.panel(OpFmt::kBf16, k));
      c.store(k & 1, 0x20000 + static_cast<uint32_t>(k) * 0x100, 32);
    }
  }
  // BF16 specials everywhere, every output format (BF16 keeps infinities and NaNs).
  for (int out = 0; out < 4; ++out) {
    Cfg cf;
    cf.out_fmt = static_cast<OutFmt>(out);
    cf.out_bias = out >= 2 ? 7 : 0;
    c.cfg(cf);
    c.shape(37);
    c.mac(0, true, g.operands(OpFmt::kBf16, OpFmt::kBf16, 37, 60), c.panel(OpFmt::kBf16, 37),
          c.panel(OpFmt::kBf16, 37));
    c.store(0, 0x21000 + static_cast<uint32_t>(out) * 0x100,
            static_cast<uint32_t>(out_row_bytes(cf.out_fmt)));
  }
  // CFP8 denormals and extreme biases; saturating CFP8 outputs under RNE and SR.
  for (int rep = 0; rep < 4; ++rep) {
    Cfg cf;
    cf.a_fmt = rep & 1 ? OpFmt::kE5M2 : OpFmt::kE4M3;
    cf.b_fmt = rep & 2 ? OpFmt::kE5M2 : OpFmt::kE4M3;
    cf.a_bias = rep < 2 ? 0 : 63;
    cf.b_bias = rep < 2 ? 0 : 63;
    cf.out_fmt = rep & 1 ? OutFmt::kE4M3 : OutFmt::kE5M2;
    cf.out_bias = rep < 2 ? 63 : 0;  // large products saturate, tiny ones underflow
    cf.sr = rep >= 2;
    c.cfg(cf, rep == 2, 99);
    c.shape(20);
    c.mac(1, true, g.operands(cf.a_fmt, cf.b_fmt, 20, 50), c.panel(cf.a_fmt, 20), c.panel(cf.b_fmt, 20));
    c.store(1, 0x22000 + static_cast<uint32_t>(rep) * 0x100, 8);
  }
  c.check();
}
