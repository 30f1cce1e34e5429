// The tile GEMM kernel (sw/tile/gemm.c, docs/kernels.md) on one node, the 2x2 and the 4x4 tile: every
// operand format, sizes that are not multiples of 8 or of the grid, CFP8 biases and saturating outputs,
// stochastic rounding with two seeds; C and the MXU flags of every node bit-identical to the golden model.
#include <catch2/catch.hpp>

#include "gemm_run.hpp"
#include "hex.hpp"
#include "options.hpp"

#include <algorithm>
#include <random>

using namespace nd::tile;
using nd::mxu::OpFmt;
using nd::mxu::OutFmt;

namespace {

const std::string kElf = std::string(ND_SW_OUT) + "/gemm.elf";

GemmSpec spec(int m, int n, int k, OpFmt a, OpFmt b, OutFmt out, uint32_t seed) {
  GemmSpec s;
  s.m = m;
  s.n = n;
  s.k = k;
  s.a_fmt = a;
  s.b_fmt = b;
  s.out_fmt = out;
  s.seed = seed;
  return s;
}

GemmResult check(TileIf& tile, const GemmSpec& s) {
  GemmRunOptions o;
  o.elf = kElf;
  o.max_cycles = 2'000'000;
  const GemmResult r = run_gemm(tile, s, o);
  INFO(tile.shape().name() << ": " << s.m << "x" << s.n << "x" << s.k << " " << name(s.a_fmt) << "/"
                           << name(s.b_fmt) << " -> " << name(s.out_fmt) << (s.stochastic ? " SR" : " RNE")
                           << " seed " << s.seed << ", grid " << r.plan.grid_rows << "x" << r.plan.grid_cols);
  for (const auto& n : r.nodes) {
    INFO("node " << n.node << ": " << n.run.describe() << ", DMA status " << nd::hex(n.dma_status)
                 << ", tiles " << n.tiles << "\n"
                 << n.run.console);
    CHECK(n.run.status == nd::core::RunStatus::kPass);
    CHECK(n.flags == n.expect_flags);
  }
  for (const auto& m : r.mismatches) FAIL_CHECK(r.describe(m));
  CHECK(r.mismatch_count == 0);
  CHECK(r.passed());
  return r;
}

}  // namespace

TEST_CASE("tile GEMM: one node - BF16 and CFP8 - sizes not multiples of 8", "[tile][gemm]") {
  auto tile = make_tile("2x2", nd::test_waves("tile_gemm_1node"), "test");
  GemmSpec s = spec(13, 21, 37, OpFmt::kBf16, OpFmt::kBf16, OutFmt::kFp32, nd::test_seed());
  s.grid_rows = s.grid_cols = 1;
  const GemmResult r = check(*tile, s);
  CHECK(r.nodes.size() == 1);
  CHECK(r.nodes[0].tiles == 2 * 3);
  s = spec(9, 7, 50, OpFmt::kE4M3, OpFmt::kE5M2, OutFmt::kBf16, nd::test_seed() + 1);
  s.grid_rows = s.grid_cols = 1;
  s.a_bias = 5;
  s.b_bias = 20;
  check(*tile, s);
}

TEST_CASE("tile GEMM: 2x2 - BF16 to every output format - sizes not multiples of 8 or of the grid",
          "[tile][gemm]") {
  auto tile = make_tile("2x2", nd::test_waves("tile_gemm_2x2"), "test");
  check(*tile, spec(40, 48, 64, OpFmt::kBf16, OpFmt::kBf16, OutFmt::kFp32, nd::test_seed()));
  check(*tile, spec(37, 29, 45, OpFmt::kBf16, OpFmt::kBf16, OutFmt::kBf16, nd::test_seed() + 2));
  // Fewer strips than grid rows: node row 1 has no A rows, only sends its B part.
  check(*tile, spec(5, 17, 3, OpFmt::kBf16, OpFmt::kBf16, OutFmt::kFp32, nd::test_seed() + 3));
}

TEST_CASE("tile GEMM: 2x2 - CFP8 with non-default biases - saturating CFP8 outputs", "[tile][gemm]") {
  auto tile = make_tile("2x2", nd::test_waves("tile_gemm_2x2_cfp8"), "test");
  GemmSpec s = spec(33, 26, 41, OpFmt::kE4M3, OpFmt::kE4M3, OutFmt::kE4M3, nd::test_seed() + 4);
  s.a_bias = 3;  // large operands: products far above the E4M3 output range at bias 7, so outputs saturate
  s.b_bias = 2;
  s.out_bias = 7;
  const GemmResult r = check(*tile, s);
  bool overflow = false;
  for (const auto& n : r.nodes) overflow = overflow || (n.flags & 4u);  // OF: saturated outputs
  CHECK(overflow);
  s = spec(24, 31, 72, OpFmt::kE5M2, OpFmt::kE4M3, OutFmt::kE5M2, nd::test_seed() + 5);
  s.a_bias = 31;
  s.b_bias = 12;
  s.out_bias = 40;
  check(*tile, s);
}

TEST_CASE("tile GEMM: stochastic rounding - two seeds give different results - each bit-exact",
          "[tile][gemm]") {
  auto tile = make_tile("2x2", nd::test_waves("tile_gemm_sr"), "test");
  GemmSpec s = spec(24, 24, 32, OpFmt::kBf16, OpFmt::kBf16, OutFmt::kBf16, 11);
  s.stochastic = true;
  s.rounding_seed = 1;
  const GemmResult a = check(*tile, s);
  s.rounding_seed = 2;  // same operands
  const GemmResult b = check(*tile, s);
  size_t differ = 0;
  for (size_t i = 0; i < a.c.size(); ++i) differ += a.c[i] != b.c[i];
  CHECK(differ > a.c.size() / 8);
}

TEST_CASE("tile GEMM: 4x4 tile - BF16 and CFP8", "[tile][gemm]") {
  auto tile = make_tile("4x4", nd::test_waves("tile_gemm_4x4"), "test");
  check(*tile, spec(70, 45, 24, OpFmt::kBf16, OpFmt::kBf16, OutFmt::kFp32, nd::test_seed() + 6));
  GemmSpec s = spec(64, 64, 19, OpFmt::kE5M2, OpFmt::kE5M2, OutFmt::kBf16, nd::test_seed() + 7);
  s.a_bias = 17;
  s.b_bias = 9;
  check(*tile, s);
  s = spec(40, 72, 36, OpFmt::kE4M3, OpFmt::kE4M3, OutFmt::kE4M3, nd::test_seed() + 8);
  s.a_bias = 5;
  s.b_bias = 6;
  s.out_bias = 9;
  s.stochastic = true;
  check(*tile, s);
  // Every part of every node non-empty (16 strips each way): the kernel's tile order, which stochastic
  // rounding depends on, is checked across all four B parts of a grid column.
  s = spec(128, 128, 20, OpFmt::kE4M3, OpFmt::kE4M3, OutFmt::kBf16, nd::test_seed() + 9);
  s.stochastic = true;
  check(*tile, s);
}

TEST_CASE("tile GEMM: random sizes on random grids", "[tile][gemm]") {
  auto tile = make_tile("2x2", nd::test_waves("tile_gemm_random"), "test");
  std::mt19937 rng(static_cast<uint32_t>(nd::test_seed()));
  for (int i = 0; i < 4; ++i) {
    GemmSpec s = spec(1 + static_cast<int>(rng() % 40), 1 + static_cast<int>(rng() % 40),
                      1 + static_cast<int>(rng() % 60), i % 2 ? OpFmt::kE4M3 : OpFmt::kBf16,
                      i % 2 ? OpFmt::kE5M2 : OpFmt::kBf16, static_cast<OutFmt>(rng() % 4),
                      static_cast<uint32_t>(rng()));
    s.grid_rows = 1 + static_cast<int>(rng() % 2);
    s.grid_cols = 1 + static_cast<int>(rng() % 2);
    if (!nd::mxu::is_bf16(s.a_fmt)) {
      s.a_bias = static_cast<int>(rng() % 64);
      s.b_bias = static_cast<int>(rng() % 64);
    }
    if (s.out_fmt == OutFmt::kE4M3 || s.out_fmt == OutFmt::kE5M2) s.out_bias = static_cast<int>(rng() % 64);
    s.stochastic = rng() % 2;
    check(*tile, s);
  }
}

TEST_CASE("tile GEMM plan: B panels start two lines off the A panels' bank phase", "[tile][gemm]") {
  // The MXU reads A and B lines alternately (docs/kernels.md "Node SRAM layout"): B panels 256 bytes past a
  // 512-byte step from the A panels, after the last A strip, whatever the sizes and formats.
  TileShape shape;
  for (const int k : {1, 7, 32, 128, 256}) {
    for (const OpFmt f : {OpFmt::kBf16, OpFmt::kE4M3}) {
      for (const int grid : {1, 2}) {
        GemmSpec s = spec(100, 40, k, f, f, OutFmt::kFp32, 1);
        s.grid_rows = s.grid_cols = grid;
        const GemmPlan p = plan_gemm(s, shape, 0x4000);
        INFO("K " << k << ", " << name(f) << ", grid " << grid);
        const uint32_t a_strip = static_cast<uint32_t>(k) * 8 * (f == OpFmt::kBf16 ? 2 : 1);
        int max_a = 0;
        for (const GemmNodePlan& n : p.nodes) max_a = std::max(max_a, n.a_block.count);
        CHECK((p.layout.b_panels - p.layout.a_panels) % 512 == 256);
        CHECK(p.layout.b_panels >= p.layout.a_panels + static_cast<uint32_t>(max_a) * a_strip);
        CHECK(p.layout.b_panels < p.layout.a_panels + static_cast<uint32_t>(max_a) * a_strip + 512);
      }
    }
  }
}

TEST_CASE("tile GEMM plan: every tile once - blocks in the order the parts arrive", "[tile][gemm]") {
  // The kernel's sends (docs/kernels.md "Synchronisation"): a node posts its B sends (to the rows 1, 2, ...
  // above it) before its A sends (to the columns 1, 2, ... to its left), so it receives the B parts of grid
  // rows r + 1, r + 2, ... and then the A parts of grid columns c + 1, c + 2, ... Arrival index: own parts 0,
  // the B part of row r + t t, the A part of column c + s R - 1 + s; a block can start when both its parts
  // are there, so the index a tile needs must never decrease along tile_order().
  TileShape shape;
  shape.rows = shape.cols = 4;
  for (const auto& [gr, gc] : {std::pair{1, 1}, {1, 4}, {4, 1}, {2, 3}, {3, 2}, {3, 4}, {4, 4}}) {
    GemmSpec s = spec(8 * 11, 8 * 13, 16, OpFmt::kE4M3, OpFmt::kE4M3, OutFmt::kFp32, 1);
    s.grid_rows = gr;
    s.grid_cols = gc;
    const GemmPlan p = plan_gemm(s, shape, 0x4000);
    for (const GemmNodePlan& n : p.nodes) {
      INFO("grid " << gr << "x" << gc << ", node (" << n.r << ", " << n.c << ")");
      const auto owner = [](const std::vector<StripRange>& parts, int strip) {
        for (size_t x = 0; x < parts.size(); ++x)
          if (strip >= parts[x].first && strip < parts[x].end()) return static_cast<int>(x);
        return -1;
      };
      std::vector<int> seen(static_cast<size_t>(n.a_block.count * n.b_block.count), 0);
      int last = 0;
      for (const auto& [i, u] : tile_order(p, n)) {
        REQUIRE(i >= 0);
        REQUIRE(i < n.a_block.count);
        REQUIRE(u >= 0);
        REQUIRE(u < n.b_block.count);
        ++seen[static_cast<size_t>(i * n.b_block.count + u)];
        const int sa = (owner(n.a_parts, i) - n.c + gc) % gc, sb = (owner(n.b_parts, u) - n.r + gr) % gr;
        const int ia = sa == 0 ? 0 : gr - 1 + sa, ib = sb;
        const int need = std::max(ia, ib);
        CHECK(need >= last);
        last = need;
      }
      CHECK(std::count(seen.begin(), seen.end(), 1) == static_cast<long>(seen.size()));
    }
  }
}
