// Runs the GEMM kernel (sw/kernels/mxu_gemm.c) on the core + MXU top and computes the golden result
// (nd::fp::gemm over the decoded operands, KLanes 4, flags included). Layout of the kernel's `mxu_job`
// block and the memory areas the host gives it.
#pragma once

#include <cstdint>
#include <random>
#include <vector>

#include "fp_gemm.hpp"
#include "mxu_core_sim.hpp"
#include "mxu_ref.hpp"

namespace nd::mxu {

struct GemmJob {
  int m = 8, n = 8, k = 8;
  OpFmt fmt = OpFmt::kBf16;
  int a_bias = 0, b_bias = 0;
  bool packed = false;  // give the kernel ready panels (m, n multiples of 8)
};

struct GemmOutcome {
  CoreResult run;
  std::vector<uint32_t> c, expect;
  fp::Flags flags = 0, expect_flags = 0;
  uint32_t cycles_pack = 0, cycles_mxu = 0, cycles_copy = 0, instret_mxu = 0;
  uint32_t status[8] = {};
};

// Memory areas (below the 16 KiB stack at the top of the 256 KiB SRAM).
constexpr uint32_t kJobA = 0x08000, kJobB = 0x0C000, kJobAPack = 0x10000, kJobBPack = 0x18000,
                   kJobCPad = 0x20000, kJobC = 0x28000, kJobStatus = 0x30000;

inline GemmOutcome run_gemm(const std::string& elf, const GemmJob& job, uint64_t seed, uint64_t max_cycles) {
  CoreMxuSim sim(elf);
  std::mt19937_64 rng(seed);
  auto code = [&]() -> uint16_t {
    const uint64_t x = rng();
    if (is_bf16(job.fmt)) return static_cast<uint16_t>((x & 0x8000) | (118 + x % 19) << 7 | (x >> 8 & 0x7F));
    return static_cast<uint16_t>(x & 0xFF);
  };
  std::vector<uint16_t> a(static_cast<size_t>(job.m * job.k)), b(static_cast<size_t>(job.k * job.n));
  for (auto& v : a) v = code();
  for (auto& v : b) v = code();
  const int es = elem_bytes(job.fmt);
  auto put = [&](uint32_t base, size_t i, uint16_t v) {
    sim.mem.at(base + i * es) = static_cast<uint8_t>(v);
    if (es == 2) sim.mem.at(base + i * es + 1) = static_cast<uint8_t>(v >> 8);
  };
  if (job.packed) {  // panels straight from the host: A strips and B strips, k-major
    Operands op;
    op.k = job.k;
    for (int s = 0; s < job.m / 8; ++s) {
      write_panel(sim.mem, kJobA + static_cast<uint32_t>(s * job.k * krow_bytes(job.fmt)), 1, job.fmt, job.k,
                  [&](int kk, int i) { return a[static_cast<size_t>((8 * s + i) * job.k + kk)]; });
    }
    for (int s = 0; s < job.n / 8; ++s) {
      write_panel(sim.mem, kJobB + static_cast<uint32_t>(s * job.k * krow_bytes(job.fmt)), 1, job.fmt, job.k,
                  [&](int kk, int j) { return b[static_cast<size_t>(kk * job.n + 8 * s + j)]; });
    }
  } else {
    for (size_t i = 0; i < a.size(); ++i) put(kJobA, i, a[i]);
    for (size_t i = 0; i < b.size(); ++i) put(kJobB, i, b[i]);
  }
  const uint32_t j = sim.symbol("mxu_job");
  const uint32_t fields[] = {0x4D58554Au,
                             static_cast<uint32_t>(job.m),
                             static_cast<uint32_t>(job.n),
                             static_cast<uint32_t>(job.k),
                             static_cast<uint32_t>(job.fmt),
                             static_cast<uint32_t>(job.a_bias),
                             static_cast<uint32_t>(job.b_bias),
                             kJobA,
                             kJobB,
                             kJobAPack,
                             kJobBPack,
                             kJobCPad,
                             kJobC,
                             kJobStatus,
                             job.packed ? 1u : 0u};
  for (size_t i = 0; i < sizeof fields / sizeof fields[0]; ++i)
    sim.put_word(j + 4 * static_cast<uint32_t>(i), fields[i]);

  GemmOutcome out;
  out.run = sim.run(max_cycles);
  out.flags = static_cast<fp::Flags>(sim->mxu_flags_o);
  out.cycles_pack = sim.word(j + 60);
  out.cycles_mxu = sim.word(j + 64);
  out.cycles_copy = sim.word(j + 68);
  out.instret_mxu = sim.word(j + 72);
  for (int w = 0; w < 8; ++w) out.status[w] = sim.word(kJobStatus + 4 * static_cast<uint32_t>(w));
  const int n8 = (job.n + 7) / 8 * 8;
  for (int i = 0; i < job.m; ++i) {
    for (int jj = 0; jj < job.n; ++jj) {
      out.c.push_back(job.packed ? sim.word(kJobCPad + static_cast<uint32_t>((i * n8 + jj) * 4))
                                 : sim.word(kJobC + static_cast<uint32_t>((i * job.n + jj) * 4)));
    }
  }
  const std::vector<uint32_t> af = decode(job.fmt, job.a_bias, a, &out.expect_flags);
  const std::vector<uint32_t> bf = decode(job.fmt, job.b_bias, b, &out.expect_flags);
  out.expect = fp::gemm(af, bf, nullptr, job.m, job.n, job.k, 4, &out.expect_flags);
  return out;
}

}  // namespace nd::mxu
