// MXU benchmark (make bench-mxu): MAC utilization of a stream of 8 x 8 x K tiles and simulated cycles per
// second of the standalone models, written as build/bench/mxu.json (tables for docs/benchmarks.md).
//
//   bench_mxu OUT.json [--tiles N] [--ninja-log BUILD/.ninja_log] [--elf mxu_gemm.elf]
//
// A stream: CFG, SHAPE, then per tile MAC (zero start, alternating banks) and STORE (BF16), all queued up
// front; the memory answers after 2 cycles and grants every request, or withholds 10 % of the read and
// write grants at random. Utilization = useful MACs / (cycles x 64 x KLanes), cycles = the unit's busy
// cycles + 1 (from the cycle the first command is accepted until it is idle). The build time of each model
// is read from the ninja log of the build directory (the last build of its Verilator step). With --elf, the
// GEMM kernel runs 64 x 64 x 64 BF16 on the core + MXU top (KLanes 4), with host-packed panels and with the
// kernel packing row-major operands itself.
#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "errors.hpp"
#include "mxu_bench.hpp"
#include "mxu_gemm_job.hpp"
#include "mxu_models.hpp"
#include "ninja_log.hpp"

using namespace nd::mxu;
using nlohmann::json;

namespace {

struct Run {
  uint64_t cycles = 0;
  double util = 0;
  double wall_s = 0;
  double cpu_s = 0;
};

template <class V>
Run stream(int klanes, OpFmt fmt, int k, int stall_pct, int tiles) {
  MemCfg mem;
  mem.lat_min = mem.lat_max = 2;
  mem.rd_grant_pct = 100 - stall_pct;
  mem.wr_grant_pct = 100 - stall_pct;
  MxuBench<V> tb(262144, 1, mem, nd::WaveOptions());
  // Two panel sets (A, B) of k k-rows, reused by every tile; moderate random codes.
  uint64_t x = 0x9E3779B97F4A7C15ull;
  auto code = [&](int, int) -> uint16_t {
    x ^= x << 13, x ^= x >> 7, x ^= x << 17;
    return is_bf16(fmt) ? static_cast<uint16_t>(0x3C00 | (x & 0x83FF)) : static_cast<uint16_t>(x & 0xBF);
  };
  const uint32_t panel = static_cast<uint32_t>(k * krow_bytes(fmt));
  for (uint32_t p = 0; p < 4; ++p) write_panel(tb.mem, p * panel, 1, fmt, k, code);
  Cfg cf;
  cf.a_fmt = cf.b_fmt = fmt;
  cf.a_bias = cf.b_bias = is_bf16(fmt) ? 0 : 7;
  cf.out_fmt = OutFmt::kBf16;
  tb.push(cmd_cfg(cf));
  tb.push(cmd_shape(static_cast<uint32_t>(k)));
  for (int t = 0; t < tiles; ++t) {
    const uint32_t set = static_cast<uint32_t>(t & 1) * 2 * panel;
    tb.push(cmd_mac(t & 1, true, set, set + panel));
    tb.push(cmd_store(t & 1, 4 * panel + static_cast<uint32_t>(t & 7) * 128, 16));
  }
  const auto t0 = std::chrono::steady_clock::now();
  const std::clock_t c0 = std::clock();
  tb.run_until_idle(100000000);
  Run r;
  r.wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  r.cpu_s = static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC;
  r.cycles = tb->cnt_busy_o + 1ull;
  const double useful = 64.0 * k * tiles;
  r.util = useful / (static_cast<double>(r.cycles) * 64.0 * klanes);
  if (tb->error_o) throw nd::SimError(tb.dut().cycle(), "bench stream raised an MXU error");
  return r;
}

std::string pct(double u) {
  char b[32];
  std::snprintf(b, sizeof b, "%.2f %%", 100.0 * u);
  return b;
}
std::string fixed2(double v) {
  char b[32];
  std::snprintf(b, sizeof b, "%.2f", v);
  return b;
}
std::string rate(double cps) {
  char b[32];
  std::snprintf(b, sizeof b, "%.1f k", cps / 1000.0);
  return b;
}

template <class T>
void util_rows(json& rows, int tiles, double& speed_cycles, double& speed_wall, double& speed_cpu) {
  for (OpFmt fmt : {OpFmt::kBf16, OpFmt::kE4M3, OpFmt::kE5M2}) {
    for (int k : {64, 256, 1024}) {
      for (int stall : {0, 10}) {
        const Run r = stream<typename T::V>(T::kLanes, fmt, k, stall, tiles);
        speed_cycles += static_cast<double>(r.cycles);
        speed_wall += r.wall_s;
        speed_cpu += r.cpu_s;
        const bool target = stall == 0 && k >= 256;
        rows.push_back({T::kLanes, name(fmt), k, stall == 0 ? "always" : "10 % stalls", tiles, r.cycles,
                        pct(r.util), target ? ">= 98 %" : "-",
                        target ? (r.util >= 0.98 ? "yes" : "NO") : "-"});
        std::cout << "bench-mxu: KLanes " << T::kLanes << " " << name(fmt) << " K " << k << " stalls "
                  << stall << " %: " << pct(r.util) << "\n";
      }
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  try {
    if (argc < 2) {
      std::cerr << "usage: bench_mxu OUT.json [--tiles N] [--ninja-log FILE]\n";
      return 2;
    }
    int tiles = 32;
    std::string ninja_log, elf;
    for (int i = 2; i + 1 < argc; i += 2) {
      const std::string a = argv[i];
      if (a == "--tiles") {
        tiles = std::stoi(argv[i + 1]);
      } else if (a == "--elf") {
        elf = argv[i + 1];
      } else if (a == "--ninja-log") {
        ninja_log = argv[i + 1];
      } else {
        std::cerr << "bench_mxu: unknown option " << a << "\n";
        return 2;
      }
    }
    json util = json::array(), speed = json::array();
    double cyc[3] = {}, wall[3] = {}, cpu[3] = {};
    util_rows<K1>(util, tiles, cyc[0], wall[0], cpu[0]);
    util_rows<K2>(util, tiles, cyc[1], wall[1], cpu[1]);
    util_rows<K4>(util, tiles, cyc[2], wall[2], cpu[2]);
    const char* models[3] = {"mxu_k1", "mxu_k2", "mxu_k4"};
    const int lanes[3] = {1, 2, 4};
    for (int m = 0; m < 3; ++m) {
      const double b = ninja_log.empty() ? -1 : nd::model_build_seconds(ninja_log, models[m]);
      char bs[32];
      std::snprintf(bs, sizeof bs, "%.0f", b);
      speed.push_back({models[m], lanes[m], static_cast<uint64_t>(cyc[m]), rate(cyc[m] / wall[m]),
                       rate(cyc[m] / cpu[m]), b < 0 ? "-" : bs});
    }
    json gemm = json::array();
    if (!elf.empty()) {
      for (bool packed : {true, false}) {
        GemmJob job;
        job.m = job.n = job.k = 64;
        job.packed = packed;
        const GemmOutcome o = run_gemm(elf, job, 1, 20000000);
        if (o.run.tohost != 1 || o.c != o.expect)
          throw nd::SimError(0, "GEMM kernel result differs from the model");
        const double macs = 64.0 * 64 * 64;
        const double tiles = 64;
        gemm.push_back({packed ? "host-packed panels" : "row-major (kernel packs)", o.cycles_mxu,
                        pct(macs / (static_cast<double>(o.cycles_mxu) * 256.0)), o.instret_mxu,
                        fixed2(o.instret_mxu / tiles), o.cycles_pack, o.cycles_copy, o.run.cycles,
                        pct(macs / (static_cast<double>(o.run.cycles) * 256.0))});
        std::cout << "bench-mxu: core GEMM " << (packed ? "packed" : "row-major") << ": MXU phase "
                  << o.cycles_mxu << " cycles\n";
      }
    }
    json out;
    out["block"] = "mxu";
    out["tables"] = json::array(
        {{{"title", "MXU: MAC utilization of a stream of 8 x 8 x K tiles"},
          {"columns",
           {"KLanes", "operands", "K", "memory", "tiles", "cycles", "utilization", "target", "met"}},
          {"rows", util},
          {"notes",
           "Utilization = useful MACs / (cycles x 64 x KLanes); cycles from the first command accepted until "
           "the "
           "unit is idle (fill and drain included). Per tile: MAC (zero start) on alternating banks, STORE "
           "as "
           "BF16; all commands queued up front (bench_mxu, tb/mxu/mxu_bench_main.cpp). Memory: read latency "
           "2 "
           "cycles; 'always' grants every request, '10 % stalls' withholds 10 % of read and write grants at "
           "random."}},
         {{"title", "MXU: simulation speed and model build time"},
          {"columns", {"model", "KLanes", "cycles", "sim cycles/s (wall)", "sim cycles/CPU-s", "build s"}},
          {"rows", speed},
          {"notes",
           "Cycles simulated by the utilization streams above, over the wall time and the process CPU time "
           "of the "
           "runs (Verilator 5.006 -O3, tracing compiled in but off, assertions on). Build s = the model's "
           "Verilator step (verilate + compile of the generated C++) in the last build, from the ninja log; "
           "it depends on ccache and on the load of the shared machine."}}});
    if (!gemm.empty()) {
      out["tables"].push_back(
          {{"title", "MXU: core-driven GEMM 64 x 64 x 64 BF16 (sw/kernels/mxu_gemm.c, KLanes 4)"},
           {"columns",
            {"operands", "MXU phase cycles", "MXU utilization", "core instructions (MXU phase)",
             "instructions per tile", "pack cycles", "copy cycles", "whole run cycles",
             "whole-run utilization"}},
           {"rows", gemm},
           {"notes",
            "MXU phase: from the first command to the end of nd_mxu_wait() (rdcycle / rdinstret in the "
            "kernel), "
            "one MAC + STORE per 8 x 8 tile on alternating banks, K = 64 (16 steps per tile), results "
            "checked "
            "against the golden model. Utilization = 64^3 MACs / (cycles x 256). The whole run adds crt0, "
            "packing (row-major to k-major strips, done by the core one element at a time) and the copy of "
            "the "
            "padded C; memory: the core's ports always granted, MXU reads after 2 cycles."}});
    }
    std::ofstream(argv[1]) << out.dump(2) << "\n";
    std::cout << "bench-mxu: wrote " << argv[1] << "\n";
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "bench_mxu: " << e.what() << "\n";
    return 1;
  }
}
