// Tile benchmarks (make bench-tile -> build/bench/tile.json, docs/benchmarks.md): DMA bandwidth node to
// node (one hop, corner to corner) as a fraction of the link's flit bandwidth (16 bytes per cycle), remote
// READ latency, all-to-all bandwidth on the 2x2 and 4x4 tiles, simulated cycles per second of each tile and
// the models' build time. The kernels are sw/tile/tile_dma_bench.c, booted through the mesh like any
// program; the host sets their parameters in .data before starting them and reads the measured cycles back.
//
// With --gemm-elf it also measures the GEMM kernel on the KLanes 4 tiles (tb/tile/gemm_bench.cpp).
//
//   bench_tile OUT.json --elf tile_dma_bench.elf [--gemm-elf gemm.elf] [--ninja-log BUILD/.ninja_log]
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

#include "errors.hpp"
#include "gemm_bench.hpp"
#include "ninja_log.hpp"
#include "tile_runner.hpp"

using nlohmann::json;
using namespace nd::tile;

namespace {

struct Measure {
  uint32_t cycles = 0;      // the kernel's own measurement (max over the active nodes)
  uint64_t sim_cycles = 0;  // cycles simulated for the whole run (load, run, polls)
  double wall_s = 0;
};

Measure run(const std::string& size, const nd::core::ProgramImage& img, uint32_t mode, int src, int peer,
            uint32_t bytes) {
  auto tile = make_tile(size, nd::WaveOptions{}, "bench");
  TileRunner runner(*tile);
  const auto t0 = std::chrono::steady_clock::now();
  const int nodes = tile->shape().nodes();
  for (int n = 0; n < nodes; ++n) {
    runner.load(n, img);
    for (const auto& [sym, v] : {std::pair<const char*, uint32_t>{"bench_mode", mode},
                                 {"bench_src", static_cast<uint32_t>(src)},
                                 {"bench_peer", static_cast<uint32_t>(peer)},
                                 {"bench_bytes", bytes}})
      runner.host().write32(n, img.symbol(sym)->value, v);
  }
  const TileRunResult r = runner.run();
  if (!r.passed()) {
    for (int n = 0; n < nodes; ++n)
      if (r.nodes[n].status != nd::core::RunStatus::kPass)
        throw nd::SimError(tile->cycle(),
                           "bench kernel failed on node " + std::to_string(n) + ": " + r.nodes[n].describe());
  }
  Measure m;
  for (int n = 0; n < nodes; ++n)
    if (mode == 3 || n == src)
      m.cycles = std::max(m.cycles, runner.host().read32(n, img.symbol("bench_cycles")->value));
  m.sim_cycles = tile->cycle();
  m.wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return m;
}

std::string fixed(double v, int digits) {
  char b[32];
  std::snprintf(b, sizeof b, "%.*f", digits, v);
  return b;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    if (argc < 2) {
      std::cerr
          << "usage: bench_tile OUT.json --elf tile_dma_bench.elf [--gemm-elf gemm.elf] [--ninja-log FILE]\n";
      return 2;
    }
    std::string elf, gemm_elf, ninja_log;
    for (int i = 2; i + 1 < argc; i += 2) {
      const std::string a = argv[i];
      if (a == "--elf")
        elf = argv[i + 1];
      else if (a == "--gemm-elf")
        gemm_elf = argv[i + 1];
      else if (a == "--ninja-log")
        ninja_log = argv[i + 1];
      else {
        std::cerr << "bench_tile: unknown option " << a << "\n";
        return 2;
      }
    }
    if (elf.empty()) throw nd::InputError("<command line>", 0, "--elf", "the benchmark kernel is required");
    const auto img = nd::core::load_elf(elf);

    json bw = json::array(), lat = json::array(), a2a = json::array(), speed = json::array();
    std::map<std::string, std::pair<uint64_t, double>> sim;  // per tile: cycles, wall seconds
    auto account = [&](const std::string& size, const Measure& m) {
      sim[size].first += m.sim_cycles;
      sim[size].second += m.wall_s;
    };
    for (const std::string size : {"2x2", "4x4"}) {
      const TileShape s = *compiled_tile(size);
      const int corner = s.nodes() - 1;
      const int hops_corner = (s.rows - 1) + (s.cols - 1);
      const uint32_t bytes = 32768;
      for (const auto& [name, peer, hops] :
           {std::tuple<const char*, int, int>{"1 hop", 1, 1}, {"corner to corner", corner, hops_corner}}) {
        for (uint32_t mode : {0u, 2u}) {
          const Measure m = run(size, img, mode, 0, peer, bytes);
          account(size, m);
          const double bpc = static_cast<double>(bytes) / m.cycles;
          bw.push_back({size, mode == 0 ? "WRITE" : "READ", name, hops, bytes, m.cycles, fixed(bpc, 2),
                        fixed(100.0 * bpc / 16.0, 1) + " %"});
          std::cout << "bench-tile: " << size << " " << (mode == 0 ? "WRITE " : "READ ") << name << ": "
                    << fixed(bpc, 2) << " B/cycle\n";
        }
        const Measure m = run(size, img, 1, 0, peer, 4);
        account(size, m);
        lat.push_back({size, name, hops, m.cycles});
      }
      const uint32_t slot = 2048;
      const Measure m = run(size, img, 3, 0, 0, slot);
      account(size, m);
      const double total = static_cast<double>(slot) * s.nodes() * (s.nodes() - 1);
      const double bpc = total / m.cycles;
      a2a.push_back({size, slot, m.cycles, fixed(bpc, 1), fixed(100.0 * bpc / (16.0 * s.nodes()), 1) + " %"});
      std::cout << "bench-tile: " << size << " all-to-all: " << fixed(bpc, 1) << " B/cycle\n";
    }
    for (const auto& [size, cw] : sim) {
      const double b = ninja_log.empty() ? -1 : nd::model_build_seconds(ninja_log, "tile_" + size);
      speed.push_back({size, compiled_tile(size)->name(), cw.first,
                       fixed(cw.first / cw.second / 1000.0, 2) + " k", b < 0 ? "-" : fixed(b, 0)});
    }

    json out;
    out["block"] = "tile";
    out["tables"] = json::array(
        {{{"title", "Tile: DMA bandwidth node to node"},
          {"columns",
           {"tile", "op", "path", "hops", "bytes", "cycles", "bytes/cycle", "of link (16 B/cycle)"}},
          {"rows", bw},
          {"notes",
           "One DMA command on node 0 (rows of 4 KiB, sw/tile/tile_dma_bench.c); cycles from issuing it "
           "until "
           "nd_dma_wait() returns, i.e. every WRITE acknowledged or every READ_DATA written. A data flit "
           "carries "
           "16 bytes, a packet of 256 bytes is 17 flits (head + 16), so 94 % is the packet format's "
           "ceiling."}},
         {{"title", "Tile: remote READ latency (4 bytes)"},
          {"columns", {"tile", "path", "hops", "cycles"}},
          {"rows", lat},
          {"notes", "From issuing the READ command until nd_dma_wait() returns (the last of 16 reads)."}},
         {{"title", "Tile: all-to-all DMA bandwidth"},
          {"columns",
           {"tile", "bytes per pair", "cycles", "bytes/cycle (tile)", "of injection (16 B/cycle/node)"}},
          {"rows", a2a},
          {"notes",
           "Every node writes the block to every other node, then flags it; cycles = the slowest node's time "
           "until its writes are acknowledged and every flag has arrived."}},
         {{"title", "Tile: simulation speed and model build time"},
          {"columns", {"tile", "model", "cycles simulated", "sim cycles/s (wall)", "build s"}},
          {"rows", speed},
          {"notes",
           "All cycles of the runs above (loading through the mesh, polling, the kernels) over their wall "
           "time, "
           "waves off. Build s = Verilator and C++ compile of the model in the last build (ninja log)."}}});
    if (!gemm_elf.empty())
      for (const auto& t : gemm_tables(gemm_elf, ninja_log)) out["tables"].push_back(t);
    std::ofstream f(argv[1]);
    f << out.dump(2) << "\n";
    if (!f) throw nd::InputError(argv[1], 0, "", "cannot write the report");
    return 0;
  } catch (const nd::InputError& e) {
    std::cerr << "bench_tile: error: " << e.what() << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "bench_tile: " << e.what() << "\n";
    return 1;
  }
}
