// bench_fp: throughput of the Verilated FP units and of the golden model on the same random cases.
//   bench_fp OUT.json [CASES]
// Each RTL case is one clock cycle of the unit (inputs set, tick), so cases per second of wall time are
// simulated cycles per second. Writes {"block": "fp", "tables": [...]} for scripts/bench_report.py.
#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <functional>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "Vfp_f32_narrow.h"
#include "Vfp_f32_to_cfp8.h"
#include "Vfp_fma_f32.h"
#include "Vfp_fma_narrow.h"
#include "dut.hpp"
#include "fp_convert.hpp"
#include "fp_fma.hpp"
#include "fp_random.hpp"

using namespace nd::fp;

namespace {

// Wall-clock seconds of f(); its process CPU seconds are left in g_cpu.
double g_cpu = 0;
double seconds(const std::function<void()>& f) {
  const auto t0 = std::chrono::steady_clock::now();
  const std::clock_t c0 = std::clock();
  f();
  g_cpu = static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC;
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

std::string rate(double per_s) {
  char b[32];
  std::snprintf(b, sizeof b, "%.2f M", per_s / 1e6);
  return b;
}

template <class V>
double bench_fma(int sig_bits, long n, uint32_t* sink) {
  OperandGen gen(1);
  std::vector<std::array<uint32_t, 3>> cases(n);
  for (auto& c : cases) c = gen.fma_triple(sig_bits);
  nd::Dut<V> dut;
  dut.reset();
  return seconds([&] {
    for (const auto& c : cases) {
      dut->a_i = c[0];
      dut->b_i = c[1];
      dut->c_i = c[2];
      dut.tick();
      *sink ^= dut->res_o;
    }
  });
}

}  // namespace

int run(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: bench_fp OUT.json [CASES]\n";
    return 2;
  }
  const long n = argc > 2 ? std::stol(argv[2]) : 1000000;
  uint32_t sink = 0;
  OperandGen gen(2);
  std::vector<std::array<uint32_t, 3>> fcases(n);
  for (auto& c : fcases) c = gen.fma_triple(8);
  std::vector<uint32_t> xs(n);
  for (auto& x : xs) x = gen.any();

  const double t_fma8 = bench_fma<Vfp_fma_narrow>(8, n, &sink);
  const double c_fma8 = g_cpu;
  const double t_fma24 = bench_fma<Vfp_fma_f32>(24, n, &sink);
  const double c_fma24 = g_cpu;
  double t_cvt = 0, t_narrow = 0;
  {
    nd::Dut<Vfp_f32_to_cfp8> dut;
    dut->fmt_i = 0;
    dut->bias_i = 7;
    dut->rnd_mode_i = 0;
    dut->rand_i = 0;
    dut.reset();
    t_cvt = seconds([&] {
      for (uint32_t x : xs) {
        dut->f32_i = x;
        dut.tick();
        sink ^= dut->cfp8_o;
      }
    });
  }
  const double c_cvt = g_cpu;
  {
    nd::Dut<Vfp_f32_narrow> dut;
    dut->seed_load_i = 0;
    dut->seed_i = 1;
    dut->valid_i = 0;
    dut.reset();
    dut->target_i = 1;
    dut->bias_i = 7;
    dut->rnd_mode_i = 1;
    dut->valid_i = 1;
    t_narrow = seconds([&] {
      for (uint32_t x : xs) {
        dut->f32_i = x;
        dut.tick();
        sink ^= dut->data_o;
      }
    });
  }
  const double c_narrow = g_cpu;
  const double t_model_fma = seconds([&] {
    for (const auto& c : fcases) sink ^= fma32(c[0], c[1], c[2]);
  });
  const double c_model_fma = g_cpu;
  const double t_std_fma = seconds([&] {
    for (const auto& c : fcases) sink ^= std_fma32(c[0], c[1], c[2]);
  });
  const double c_std_fma = g_cpu;
  const double t_model_cvt = seconds([&] {
    for (uint32_t x : xs) sink ^= f32_to_cfp8(x, Cfp8Format::kE4M3, 7, Rounding::kRne, 0);
  });
  const double c_model_cvt = g_cpu;

  const double dn = static_cast<double>(n);
  nlohmann::json rows = nlohmann::json::array();
  rows.push_back({"nd_fp_fma SigW=8 (RTL)", n, t_fma8, rate(dn / t_fma8), c_fma8, rate(dn / c_fma8)});
  rows.push_back({"nd_fp_fma SigW=24 (RTL)", n, t_fma24, rate(dn / t_fma24), c_fma24, rate(dn / c_fma24)});
  rows.push_back({"nd_fp_f32_to_cfp8 (RTL)", n, t_cvt, rate(dn / t_cvt), c_cvt, rate(dn / c_cvt)});
  rows.push_back(
      {"nd_fp_f32_narrow, SR (RTL)", n, t_narrow, rate(dn / t_narrow), c_narrow, rate(dn / c_narrow)});
  rows.push_back(
      {"fma32 (model)", n, t_model_fma, rate(dn / t_model_fma), c_model_fma, rate(dn / c_model_fma)});
  rows.push_back({"std::fma (host)", n, t_std_fma, rate(dn / t_std_fma), c_std_fma, rate(dn / c_std_fma)});
  rows.push_back(
      {"f32_to_cfp8 (model)", n, t_model_cvt, rate(dn / t_model_cvt), c_model_cvt, rate(dn / c_model_cvt)});
  nlohmann::json out = {
      {"block", "fp"},
      {"cases", n},
      {"tables",
       {{{"title", "FP units: cases per second of wall time"},
         {"columns",
          {"unit", "cases", "wall s", "cases/s wall (RTL: simulated cycles/s)", "CPU s", "cases/s CPU"}},
         {"rows", rows},
         {"notes",
          "One case = one clock cycle of the unit (inputs driven, one tick, outputs read); random "
          "mixed operands from fp_random. Golden-model rows for comparison. Checksum " +
              std::to_string(sink) + "."}}}}};
  std::ofstream(argv[1]) << out.dump(2) << "\n";
  for (const auto& r : rows)
    std::cout << r[0].get<std::string>() << ": " << r[3].get<std::string>() << " cases/s wall, "
              << r[5].get<std::string>() << " cases/s CPU\n";
  return 0;
}

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "bench_fp: " << e.what() << "\n";
    return 1;
  }
}
