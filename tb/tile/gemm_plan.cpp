#include "gemm_plan.hpp"

#include <algorithm>

#include "errors.hpp"
#include "nd_gemm.h"

namespace nd::tile {

namespace {

constexpr uint32_t kStackBytes = 16 * 1024;  // sw/link.ld __stack_size, at the top of SRAM

uint64_t align_up(uint64_t x, uint64_t a) { return (x + a - 1) / a * a; }

// Strips [first, first + count) of `total` strips cut into `parts` near-equal ranges (the first ones
// smaller when it does not divide).
StripRange split(int total, int parts, int i) {
  const int b = static_cast<int>(static_cast<int64_t>(total) * i / parts);
  const int e = static_cast<int>(static_cast<int64_t>(total) * (i + 1) / parts);
  return {b, e - b};
}

int strips(int x) { return (x + 7) / 8; }

uint32_t part_word(const StripRange& s) {
  return static_cast<uint32_t>(s.count) << 16 | static_cast<uint32_t>(s.first);
}

// A per-node seed derived from the spec's seed (splitmix32 finalizer of seed + node * golden ratio).
uint32_t node_seed(uint32_t seed, int node) {
  uint32_t z = seed + 0x9E3779B9u * static_cast<uint32_t>(node + 1);
  z = (z ^ (z >> 16)) * 0x85EBCA6Bu;
  z = (z ^ (z >> 13)) * 0xC2B2AE35u;
  return z ^ (z >> 16);
}

}  // namespace

mxu::Cfg mxu_cfg(const GemmSpec& s) {
  mxu::Cfg c;
  c.a_fmt = s.a_fmt;
  c.b_fmt = s.b_fmt;
  c.a_bias = s.a_bias;
  c.b_bias = s.b_bias;
  c.out_fmt = s.out_fmt;
  c.out_bias = s.out_bias;
  c.sr = s.stochastic;
  return c;
}

GemmPlan plan_gemm(const GemmSpec& spec, const TileShape& tile, uint32_t image_end) {
  auto fail = [&](const std::string& key, const std::string& msg) {
    const std::string k = spec.key + "." + key;
    const auto it = spec.lines.find(k);
    throw InputError(spec.source, it != spec.lines.end() ? it->second : spec.line, k, msg);
  };
  if (spec.m < 1 || spec.n < 1) fail(spec.m < 1 ? "m" : "n", "must be at least 1");
  if (spec.k < 1 || spec.k > 65535) fail("k", "must be 1 .. 65535");
  if (mxu::is_bf16(spec.a_fmt) != mxu::is_bf16(spec.b_fmt))
    fail("b_format", "A and B must both be BF16 or both CFP8 (the MXU multiplies one operand class)");
  if (mxu::is_bf16(spec.a_fmt) && spec.a_bias != 0) fail("a_bias", "a BF16 operand has no bias (must be 0)");
  if (mxu::is_bf16(spec.b_fmt) && spec.b_bias != 0) fail("b_bias", "a BF16 operand has no bias (must be 0)");
  if ((spec.out_fmt == mxu::OutFmt::kFp32 || spec.out_fmt == mxu::OutFmt::kBf16) && spec.out_bias != 0)
    fail("out_bias", "only a CFP8 output has a bias (must be 0)");
  for (const int b : {spec.a_bias, spec.b_bias, spec.out_bias})
    if (b < 0 || b > 63) fail("bias", "biases are 0 .. 63");
  const int gr = spec.grid_rows == 0 ? tile.rows : spec.grid_rows;
  const int gc = spec.grid_cols == 0 ? tile.cols : spec.grid_cols;
  if (gr < 1 || gc < 1 || gr > tile.rows || gc > tile.cols)
    fail("grid", "a " + std::to_string(gr) + "x" + std::to_string(gc) + " grid does not fit the " +
                     std::to_string(tile.rows) + "x" + std::to_string(tile.cols) + " tile");
  const int aes = mxu::elem_bytes(spec.a_fmt), bes = mxu::elem_bytes(spec.b_fmt);
  const uint64_t a_strip = 8ull * static_cast<uint64_t>(spec.k) * static_cast<uint64_t>(aes);
  const uint64_t b_strip = 8ull * static_cast<uint64_t>(spec.k) * static_cast<uint64_t>(bes);
  if (std::max(a_strip, b_strip) > 65532)
    fail("k", "K = " + std::to_string(spec.k) + " makes a panel of " +
                  std::to_string(std::max(a_strip, b_strip)) +
                  " bytes; the kernel sends a panel as one DMA row of at most 65532 bytes (K <= " +
                  std::to_string(65532 / (8 * std::max(aes, bes))) + ")");

  GemmPlan p;
  p.spec = spec;
  p.grid_rows = gr;
  p.grid_cols = gc;
  const int ms = strips(spec.m), ns = strips(spec.n);
  int max_a = 0, max_b = 0, max_rows = 0, max_cols = 0;
  for (int r = 0; r < gr; ++r) {
    for (int c = 0; c < gc; ++c) {
      GemmNodePlan n;
      n.node = r * tile.cols + c;
      n.r = r;
      n.c = c;
      n.a_block = split(ms, gr, r);
      n.b_block = split(ns, gc, c);
      for (int i = 0; i < gc; ++i) n.a_parts.push_back(split(n.a_block.count, gc, i));
      for (int i = 0; i < gr; ++i) n.b_parts.push_back(split(n.b_block.count, gr, i));
      const StripRange& ao = n.a_parts[static_cast<size_t>(c)];
      const StripRange& bo = n.b_parts[static_cast<size_t>(r)];
      const int row0 = 8 * (n.a_block.first + ao.first), col0 = 8 * (n.b_block.first + bo.first);
      n.a_rows = std::max(0, std::min(spec.m, 8 * (n.a_block.first + ao.end())) - row0);
      n.b_cols = std::max(0, std::min(spec.n, 8 * (n.b_block.first + bo.end())) - col0);
      n.seed = node_seed(spec.rounding_seed != 0 ? spec.rounding_seed : spec.seed, n.node);
      max_a = std::max(max_a, n.a_block.count);
      max_b = std::max(max_b, n.b_block.count);
      max_rows = std::max(max_rows, n.a_rows);
      max_cols = std::max(max_cols, n.b_cols);
      p.nodes.push_back(n);
    }
  }

  // Addresses in 64 bits until the room check: a large GEMM's C block (8 x max_a x max_b x out_row bytes)
  // does not fit 32 bits (a 65535 x 65535 GEMM on 2x2 is 2^32 bytes per node).
  const uint64_t out_row = static_cast<uint64_t>(mxu::out_row_bytes(spec.out_fmt));
  const uint64_t flags = align_up(image_end, 128);
  const uint64_t status = flags + 128;
  const uint64_t a_panels = status + 128;
  // The B panels start 256 bytes (two lines) past a 512-byte step from the A panels: the MXU reads A and B
  // lines alternately, one per clock at KLanes 4 BF16, so with strips a multiple of 512 bytes (K a multiple
  // of 32 BF16 or 64 CFP8 codes) two consecutive reads never address the same bank (docs/kernels.md).
  const uint64_t a_bytes = static_cast<uint64_t>(max_a) * a_strip;
  const uint64_t b_panels = a_panels + align_up(a_bytes + 256, 512) - 256;
  const uint64_t c = align_up(b_panels + static_cast<uint64_t>(max_b) * b_strip, 128);
  const uint64_t c_stride = static_cast<uint64_t>(max_b) * out_row;
  const uint64_t c_bytes = 8 * static_cast<uint64_t>(max_a) * c_stride;
  // The own operands share the C block's room: the kernel packs them before its first STORE.
  const uint64_t a_raw = c;
  const uint64_t b_raw =
      align_up(a_raw + static_cast<uint64_t>(max_rows) * static_cast<uint64_t>(spec.k) * aes, 16);
  if (spec.background_rate > 0 && (spec.background_bytes % 16 != 0 || spec.background_bytes < 16 ||
                                   spec.background_bytes > tile.max_packet_bytes))
    fail("background.bytes", "must be a multiple of 16 from 16 to " + std::to_string(tile.max_packet_bytes) +
                                 " (one WRITE packet)");
  uint64_t end = std::max<uint64_t>(
      c + c_bytes, b_raw + static_cast<uint64_t>(spec.k) * static_cast<uint64_t>(max_cols) * bes);
  uint64_t scratch = 0;
  if (spec.background_rate > 0) {
    scratch = align_up(end, 16);
    end = scratch + 16ull * spec.background_bytes;  // BackgroundSpec::kSlots
  }
  const uint64_t room = tile.sram_bytes - kStackBytes;
  if (end > room)
    throw InputError(
        spec.source, spec.line, spec.key,
        "the " + std::to_string(spec.m) + "x" + std::to_string(spec.n) + "x" + std::to_string(spec.k) +
            " GEMM on a " + std::to_string(gr) + "x" + std::to_string(gc) + " grid needs " +
            std::to_string(end - flags) + " bytes of SRAM per node (panels, C block, own operands), " +
            "more than a node has: " + std::to_string(room - flags) + " bytes between the program (" +
            std::to_string(image_end) + " bytes) and the 16 KiB stack of a " +
            std::to_string(tile.sram_bytes / 1024) + " KiB SRAM");
  // Everything below `room` now: the addresses fit the layout's 32 bits.
  GemmLayout& l = p.layout;
  l.flags = static_cast<uint32_t>(flags);
  l.status = static_cast<uint32_t>(status);
  l.a_panels = static_cast<uint32_t>(a_panels);
  l.b_panels = static_cast<uint32_t>(b_panels);
  l.c = static_cast<uint32_t>(c);
  l.c_stride = static_cast<uint32_t>(c_stride);
  l.c_bytes = static_cast<uint32_t>(c_bytes);
  l.a_raw = static_cast<uint32_t>(a_raw);
  l.b_raw = static_cast<uint32_t>(b_raw);
  l.scratch = static_cast<uint32_t>(scratch);
  l.end = static_cast<uint32_t>(end);
  return p;
}

std::vector<uint32_t> job_words(const GemmPlan& p, const GemmNodePlan& n) {
  const GemmSpec& s = p.spec;
  const GemmLayout& l = p.layout;
  std::vector<uint32_t> w(ND_GJ_WORDS, 0);
  w[ND_GJ_MAGIC] = ND_GEMM_MAGIC;
  w[ND_GJ_GRID] = static_cast<uint32_t>(p.grid_rows) << 8 | static_cast<uint32_t>(p.grid_cols);
  w[ND_GJ_CFG] = mxu::cfg_word(mxu_cfg(s));
  w[ND_GJ_SEED] = n.seed;
  w[ND_GJ_K] = static_cast<uint32_t>(s.k);
  w[ND_GJ_ESIZE] =
      static_cast<uint32_t>(mxu::elem_bytes(s.b_fmt)) << 8 | static_cast<uint32_t>(mxu::elem_bytes(s.a_fmt));
  w[ND_GJ_A_PANELS] = l.a_panels;
  w[ND_GJ_B_PANELS] = l.b_panels;
  w[ND_GJ_C] = l.c;
  w[ND_GJ_C_STRIDE] = l.c_stride;
  w[ND_GJ_OUT_ROW] = static_cast<uint32_t>(mxu::out_row_bytes(s.out_fmt));
  w[ND_GJ_FLAGS] = l.flags;
  w[ND_GJ_STATUS] = l.status;
  w[ND_GJ_A_RAW] = l.a_raw;
  w[ND_GJ_A_ROWS] = static_cast<uint32_t>(n.a_rows);
  w[ND_GJ_B_RAW] = l.b_raw;
  w[ND_GJ_B_COLS] = static_cast<uint32_t>(n.b_cols);
  for (size_t i = 0; i < n.a_parts.size(); ++i) w[ND_GJ_A_PART + i] = part_word(n.a_parts[i]);
  for (size_t i = 0; i < n.b_parts.size(); ++i) w[ND_GJ_B_PART + i] = part_word(n.b_parts[i]);
  return w;
}

std::vector<std::pair<int, int>> tile_order(const GemmPlan& p, const GemmNodePlan& n) {
  // Mirrors step 3 of sw/tile/gemm.c: block (A part of grid column c + s, B part of grid row r + t) for
  // s = 0, 1, ... and within it t = 0, 1, ... (wrapping), strip by strip.
  std::vector<std::pair<int, int>> order;
  for (int s = 0; s < p.grid_cols; ++s) {
    for (int t = 0; t < p.grid_rows; ++t) {
      const StripRange& ap = n.a_parts[static_cast<size_t>((n.c + s) % p.grid_cols)];
      const StripRange& bp = n.b_parts[static_cast<size_t>((n.r + t) % p.grid_rows)];
      for (int i = ap.first; i < ap.end(); ++i)
        for (int u = bp.first; u < bp.end(); ++u) order.emplace_back(i, u);
    }
  }
  return order;
}

}  // namespace nd::tile
