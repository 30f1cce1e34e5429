// GEMM part of the tile benchmark (bench_tile --gemm-elf, docs/kernels.md "Measured"): MXU utilization of
// the GEMM kernel on one node (128^3 BF16, target 90 %) and on the 2x2 and 4x4 tiles (256^3 BF16 and CFP8,
// target 80 % of the tile's aggregate peak) with KLanes 4, each run checked against the golden model, and the
// simulation speed of each KLanes 4 model during these runs.
#include "gemm_bench.hpp"

#include <cstdio>
#include <iostream>
#include <map>

#include "errors.hpp"
#include "gemm_run.hpp"
#include "ninja_log.hpp"

namespace nd::tile {

namespace {

std::string fixed(double v, int digits) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", digits, v);
  return buf;
}

std::string pct(double v) { return fixed(100 * v, 1) + " %"; }

}  // namespace

nlohmann::json gemm_tables(const std::string& elf, const std::string& ninja_log) {
  struct Case {
    const char* tile;
    int m, n, k;
    mxu::OpFmt fmt;
    double target;
  };
  const Case cases[] = {
      {"1x1", 128, 128, 128, mxu::OpFmt::kBf16, 0.90}, {"2x2", 256, 256, 256, mxu::OpFmt::kBf16, 0.80},
      {"2x2", 256, 256, 256, mxu::OpFmt::kE4M3, 0.80}, {"4x4", 256, 256, 256, mxu::OpFmt::kBf16, 0.80},
      {"4x4", 256, 256, 256, mxu::OpFmt::kE4M3, 0.80},
  };
  nlohmann::json rows = nlohmann::json::array(), speed = nlohmann::json::array();
  struct Sim {
    std::string tile, model;  // size, and the model's CMake name (tb/tile/CMakeLists.txt)
    uint64_t cycles = 0;
    double seconds = 0;
  };
  std::map<std::string, Sim> sim;  // by model description
  auto account = [&](const std::string& size, const TileShape& shape, const GemmResult& r) {
    Sim& s = sim[shape.name()];
    s.tile = size;
    s.model = "tile_" + size + "_k4" + (shape.lean && size == "2x2" ? "_lean" : "");
    s.cycles += r.load_cycles + r.run_cycles;
    s.seconds += r.sim_seconds;
  };
  for (const Case& c : cases) {
    if (!compiled_tile(c.tile, 4)) {
      std::cout << "bench-tile: no KLanes 4 " << c.tile << " tile in this build (cmake -DND_TILE_K4=ON)\n";
      continue;
    }
    // The lean model where there is one (the same RTL: the same cycles as the checked one, faster).
    auto t = make_tile(c.tile, WaveOptions{}, "bench", 4, true);
    GemmSpec s;
    s.m = c.m;
    s.n = c.n;
    s.k = c.k;
    s.a_fmt = s.b_fmt = c.fmt;
    if (!mxu::is_bf16(c.fmt)) s.a_bias = s.b_bias = 7;
    s.seed = 1;
    GemmRunOptions o;
    o.elf = elf;
    const GemmResult r = run_gemm(*t, s, o);
    if (!r.passed())
      throw SimError(t->cycle(), std::string("GEMM on the ") + c.tile + " tile failed its check");
    double wait = 0, op_stall = 0;
    for (const auto& n : r.nodes) {
      if (n.cycles_compute == 0) continue;
      wait = std::max(wait, static_cast<double>(n.cycles_wait) / static_cast<double>(n.cycles_compute));
      op_stall =
          std::max(op_stall, static_cast<double>(n.mxu_status[5]) / static_cast<double>(n.cycles_compute));
    }
    const std::string gemm = std::to_string(c.m) + "x" + std::to_string(c.n) + "x" + std::to_string(c.k);
    rows.push_back({c.tile, gemm, mxu::name(c.fmt), r.compute_cycles(), pct(r.utilization()), pct(c.target),
                    r.total_cycles(), pct(r.utilization_end_to_end()), pct(wait), pct(op_stall),
                    fixed(r.cycles_per_second() / 1e3, 2) + " k"});
    std::cout << "bench-tile: GEMM " << gemm << " " << mxu::name(c.fmt) << " on " << c.tile
              << " (KLanes 4): MXU utilization " << pct(r.utilization()) << " (whole kernel "
              << pct(r.utilization_end_to_end()) << ")\n";
    account(c.tile, t->shape(), r);
    if (t->shape().lean && std::string(c.tile) == "2x2" && mxu::is_bf16(c.fmt)) {
      // The same run on the checked 2x2 (the one `make demo` uses): what assertions and trace code cost.
      auto checked = make_tile(c.tile, WaveOptions{}, "bench", 4, false);
      const GemmResult rc = run_gemm(*checked, s, o);
      if (rc.compute_cycles() != r.compute_cycles() || !rc.passed())
        throw SimError(checked->cycle(), "the checked and the lean 2x2 tiles disagree");
      account(c.tile, checked->shape(), rc);
    }
  }
  for (const auto& [name, sm] : sim) {
    const double b = ninja_log.empty() ? -1 : model_build_seconds(ninja_log, sm.model);
    speed.push_back({sm.tile, name, sm.cycles, fixed(sm.cycles / sm.seconds / 1000.0, 2) + " k",
                     b < 0 ? "-" : fixed(b, 0)});
  }
  return nlohmann::json::array(
      {{{"title", "Tile: GEMM MXU utilization (KLanes 4)"},
        {"columns",
         {"tile", "GEMM", "operands", "compute cycles", "MXU utilization", "target", "kernel cycles",
          "with packing", "max DMA wait", "max operand stall", "sim cycles/s"}},
        {"rows", rows},
        {"notes",
         "sw/tile/gemm.c (docs/kernels.md) on every node of the tile (lean models), operands random "
         "codes (CFP8 1.4.3 with biases 7), FP32 output, every run checked bit for bit against the "
         "golden model. MXU utilization = useful MACs / (cycles x 64 x 4 x nodes) over the compute phase "
         "of the slowest node (from the end of its packing to its last tile stored: the A parts' sends "
         "and the waits for peers included; the B parts travel while the A parts are packed); 'with "
         "packing' over the whole kernel, whose first part packs the row-major operands into panels on "
         "the scalar core. Max DMA wait and operand stall: the largest share of a node's compute phase "
         "spent waiting for a peer's flag, and with the MXU waiting for operand lines. Sim cycles/s: "
         "loading and running, golden model excluded."}},
       {{"title", "Tile: simulation speed of the KLanes 4 models during GEMM"},
        {"columns", {"tile", "model", "cycles simulated", "sim cycles/s (wall)", "build s"}},
        {"rows", speed},
        {"notes",
         "Cycles of the GEMM runs above (loading through the mesh, packing, computing, polling) over their "
         "wall time, waves off, golden model excluded. Lean models have neither assertions nor trace code; "
         "the "
         "checked 2x2 (the one `make demo` uses) has both and ran the 2x2 BF16 case again, with the same "
         "cycle "
         "counts. Profile of the checked 2x2 during a GEMM (perf): the 256 PE FMAs per node 53 % (evaluated "
         "every cycle, also while the MXU idles), the rest of the node 24 %, Verilator's scheduling 14 %, "
         "routers 6 %. Build s from the ninja log of the last build."}}});
}

}  // namespace nd::tile
