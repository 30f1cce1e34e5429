#include "tile_soak.hpp"

#include <chrono>
#include <cstdio>
#include <memory>

#include "background.hpp"
#include "errors.hpp"
#include "gemm_run.hpp"
#include "packet.hpp"
#include "program_image.hpp"
#include "tile_runner.hpp"
#include "traffic_rng.hpp"

namespace nd::tile {

namespace {

using node::kRegBase;
namespace reg = node::reg;
constexpr uint32_t kCtrlComputeReset = 2u;

std::string fmt_background(double rate, uint32_t bytes, uint64_t seed) {
  if (rate <= 0) return "no background traffic";
  char buf[128];
  std::snprintf(buf, sizeof buf, "background %.3f flits/port/cycle of %u-byte WRITEs (seed %llu)", rate,
                bytes, static_cast<unsigned long long>(seed));
  return buf;
}

// Background traffic: on in 60 % of the scenarios, 0.05 .. 0.4 flits per host port per cycle.
void draw_background(traffic::Rng& rng, double& rate, uint32_t& bytes, uint64_t& seed) {
  rate = rng.bernoulli(0.6) ? 0.05 + 0.35 * rng.uniform() : 0.0;
  bytes = 16u * static_cast<uint32_t>(1 + rng.below(16));
  seed = 1 + rng.below(1u << 30);
}

GemmSpec draw_gemm(traffic::Rng& rng, const TileShape& shape, uint64_t index) {
  GemmSpec g;
  g.grid_rows = 1 + static_cast<int>(rng.below(static_cast<uint64_t>(shape.rows)));
  g.grid_cols = 1 + static_cast<int>(rng.below(static_cast<uint64_t>(shape.cols)));
  const bool big = rng.bernoulli(0.1);
  g.m = 1 + static_cast<int>(rng.below(big ? 128 : 64));
  g.n = 1 + static_cast<int>(rng.below(big ? 128 : 64));
  g.k = 1 + static_cast<int>(rng.below(big ? 256 : 128));
  if (rng.bernoulli(0.4)) {
    g.a_fmt = g.b_fmt = mxu::OpFmt::kBf16;
  } else {
    g.a_fmt = rng.bernoulli(0.5) ? mxu::OpFmt::kE4M3 : mxu::OpFmt::kE5M2;
    g.b_fmt = rng.bernoulli(0.5) ? mxu::OpFmt::kE4M3 : mxu::OpFmt::kE5M2;
    g.a_bias = static_cast<int>(rng.below(64));
    g.b_bias = static_cast<int>(rng.below(64));
  }
  g.out_fmt = static_cast<mxu::OutFmt>(rng.below(4));
  if (g.out_fmt == mxu::OutFmt::kE4M3 || g.out_fmt == mxu::OutFmt::kE5M2)
    g.out_bias = static_cast<int>(rng.below(64));
  g.stochastic = rng.bernoulli(0.3);
  g.seed = static_cast<uint32_t>(1 + rng.below(0x7fffffff));
  g.rounding_seed = rng.bernoulli(0.5) ? 0u : static_cast<uint32_t>(1 + rng.below(0x7fffffff));
  draw_background(rng, g.background_rate, g.background_bytes, g.background_seed);
  g.source = "soak scenario " + std::to_string(index);
  g.key = "gemm";
  return g;
}

std::string describe_gemm(const GemmSpec& g) {
  char buf[256];
  std::snprintf(buf, sizeof buf, "gemm %dx%dx%d %s", g.m, g.n, g.k, mxu::name(g.a_fmt));
  std::string s = buf;
  if (!mxu::is_bf16(g.a_fmt)) s += " (bias " + std::to_string(g.a_bias) + ")";
  s += std::string(" x ") + mxu::name(g.b_fmt);
  if (!mxu::is_bf16(g.b_fmt)) s += " (bias " + std::to_string(g.b_bias) + ")";
  s += std::string(" -> ") + mxu::name(g.out_fmt);
  if (g.out_fmt == mxu::OutFmt::kE4M3 || g.out_fmt == mxu::OutFmt::kE5M2)
    s += " (bias " + std::to_string(g.out_bias) + ")";
  s += g.stochastic ? ", stochastic rounding" : ", RNE";
  s += ", seed " + std::to_string(g.seed);
  if (g.stochastic && g.rounding_seed) s += ", rounding seed " + std::to_string(g.rounding_seed);
  s += ", grid " + std::to_string(g.grid_rows) + "x" + std::to_string(g.grid_cols) + ", " +
       fmt_background(g.background_rate, g.background_bytes, g.background_seed);
  return s;
}

void run_gemm_scenario(TileIf& tile, traffic::Rng& rng, uint32_t image_end, const TileSoakOptions& opt,
                       TileSoakScenario& sc) {
  GemmSpec g;
  for (int attempt = 0;; ++attempt) {  // a draw that does not fit a node's SRAM is drawn again
    g = draw_gemm(rng, tile.shape(), sc.index);
    try {
      plan_gemm(g, tile.shape(), image_end);
      break;
    } catch (const InputError&) {
      if (attempt >= 20) throw;
    }
  }
  sc.kind = "gemm";
  sc.what = describe_gemm(g);
  GemmRunOptions ro;
  ro.elf = opt.gemm_elf;
  ro.max_cycles = opt.max_cycles;
  const GemmResult r = run_gemm(tile, g, ro);
  sc.passed = r.passed();
  sc.cycles = r.load_cycles + r.run_cycles;
  sc.elements = static_cast<uint64_t>(g.m) * static_cast<uint64_t>(g.n);
  for (const auto& n : r.nodes) sc.dma_bytes += n.dma_bytes_out;
  sc.background_packets = r.background.acked;
  if (!sc.passed) {
    if (!r.mismatches.empty())
      sc.failure = std::to_string(r.mismatch_count) + " elements differ from the golden model, first " +
                   r.describe(r.mismatches.front());
    else if (!r.flags_ok)
      sc.failure = "MXU flags differ from the golden model";
    for (const auto& n : r.nodes)
      if (n.run.status != core::RunStatus::kPass && sc.failure.empty())
        sc.failure = "node " + std::to_string(n.node) + ": " + n.run.describe();
  }
}

void run_dma_scenario(TileIf& tile, traffic::Rng& rng, const TileSoakOptions& opt, TileSoakScenario& sc) {
  const uint32_t seed = static_cast<uint32_t>(1 + rng.below(0x7fffffff));
  double rate = 0;
  uint32_t bytes = 0;
  uint64_t bg_seed = 0;
  draw_background(rng, rate, bytes, bg_seed);
  sc.kind = "dma";
  sc.what = "random DMA between all nodes (tile_dma_random, seed " + std::to_string(seed) + "), " +
            fmt_background(rate, bytes, bg_seed);
  std::unique_ptr<BackgroundTraffic> background;
  TileRunOptions ro;
  ro.max_cycles = opt.max_cycles;
  ro.on_run_cycle = [&] {
    if (background) background->step();
  };
  TileRunner runner(tile, ro);
  Host& host = runner.host();
  const int nodes = tile.shape().nodes();
  const core::ProgramImage image = core::load_elf(opt.dma_elf, runner.load_options());
  const auto seed_sym = image.symbol("seed");
  const auto end = image.symbol("_end");
  if (!seed_sym || !end)
    throw InputError(opt.dma_elf, 0, "seed", "not the random DMA program: no seed or _end symbol");
  for (int n = 0; n < nodes; ++n) host.write32(n, kRegBase + reg::kCtrl, kCtrlComputeReset);
  for (int n = 0; n < nodes; ++n) {
    runner.load(n, image);
    host.write32(n, seed_sym->value, seed);
  }
  if (rate > 0) {
    BackgroundSpec bs;
    bs.rate = rate;
    bs.bytes = bytes;
    bs.seed = bg_seed;
    bs.scratch = (end->value + 0xFFFu) & ~0xFFFu;  // 16 slots of at most 256 bytes above the program
    background = std::make_unique<BackgroundTraffic>(host, bs);
  }
  const TileRunResult r = runner.run();
  if (background) {
    host.drain();
    sc.background_packets = background->stats().acked;
    background.reset();
  }
  sc.passed = r.passed();
  sc.cycles = r.load_cycles + r.cycles;
  for (int n = 0; n < nodes; ++n) {
    sc.dma_bytes += host.read32(n, kRegBase + reg::kDmaBytesOut);
    const NodeResult& nr = r.nodes[static_cast<size_t>(n)];
    if (nr.status != core::RunStatus::kPass && sc.failure.empty())
      sc.failure = "node " + std::to_string(n) + ": " + nr.describe() + "; console: " + nr.console;
  }
}

}  // namespace

uint64_t scenario_seed(uint64_t seed, uint64_t index) {
  uint64_t x = seed ^ (0x711e0000ull + index * 0x10001ull);
  return traffic::Rng::splitmix(x);
}

TileSoakResult tile_soak(TileIf& tile, uint64_t seed, const TileSoakOptions& opt,
                         const std::function<void(const TileSoakScenario&, bool started)>& on_scenario) {
  TileSoakResult res;
  const auto t0 = std::chrono::steady_clock::now();
  auto elapsed = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(); };
  core::LoadOptions lo;
  lo.sram_bytes = tile.shape().sram_bytes;
  const core::ProgramImage kernel = core::load_elf(opt.gemm_elf, lo);
  const auto end = kernel.symbol("_end");
  if (!end || !kernel.symbol("gemm_job"))
    throw InputError(opt.gemm_elf, 0, "gemm_job", "not the GEMM kernel: no gemm_job or _end symbol");
  for (uint64_t i = opt.first;; ++i) {
    const uint64_t done = i - opt.first;
    if (opt.scenarios > 0 && done >= opt.scenarios) break;
    if (opt.scenarios == 0 && elapsed() >= opt.seconds) break;
    TileSoakScenario sc;
    sc.index = i;
    sc.seed = scenario_seed(seed, i);
    traffic::Rng rng(sc.seed);
    const bool dma = rng.bernoulli(0.3);
    const auto w0 = std::chrono::steady_clock::now();
    if (on_scenario) {
      sc.kind = dma ? "dma" : "gemm";
      on_scenario(sc, true);
    }
    try {
      if (dma)
        run_dma_scenario(tile, rng, opt, sc);
      else
        run_gemm_scenario(tile, rng, end->value, opt, sc);
    } catch (const SimError& e) {
      throw SimError(e.cycle(), "tile soak scenario " + std::to_string(i) + " (" + sc.what + "): " + e.what(),
                     e.assertion(), e.where());
    }
    sc.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - w0).count();
    (sc.kind == "gemm" ? res.gemms : res.dmas) += 1;
    (sc.passed ? res.passed : res.failed) += 1;
    res.cycles += sc.cycles;
    res.elements += sc.elements;
    res.dma_bytes += sc.dma_bytes;
    res.background_packets += sc.background_packets;
    res.scenarios.push_back(sc);
    if (on_scenario) on_scenario(sc, false);
    if (!sc.passed) break;
  }
  res.wall_seconds = elapsed();
  return res;
}

}  // namespace nd::tile
