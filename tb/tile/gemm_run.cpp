#include "gemm_run.hpp"

#include <algorithm>
#include <chrono>
#include <memory>
#include <random>
#include <sstream>

#include "errors.hpp"
#include "hex.hpp"
#include "nd_gemm.h"
#include "packet.hpp"

namespace nd::tile {

namespace {

using node::kRegBase;
namespace reg = node::reg;

constexpr uint32_t kCtrlComputeReset = 2u;

std::vector<uint8_t> to_bytes(const std::vector<uint16_t>& codes, int esize) {
  std::vector<uint8_t> b;
  b.reserve(codes.size() * static_cast<size_t>(esize) + 3);
  for (const uint16_t v : codes) {
    b.push_back(static_cast<uint8_t>(v));
    if (esize == 2) b.push_back(static_cast<uint8_t>(v >> 8));
  }
  while (b.size() % 4 != 0) b.push_back(0);
  return b;
}

std::vector<uint8_t> to_bytes(const std::vector<uint32_t>& words) {
  std::vector<uint8_t> b;
  for (const uint32_t w : words)
    for (int i = 0; i < 4; ++i) b.push_back(static_cast<uint8_t>(w >> (8 * i)));
  return b;
}

uint32_t word_at(const std::vector<uint8_t>& b, size_t i) {
  return b[4 * i] | b[4 * i + 1] << 8 | b[4 * i + 2] << 16 | static_cast<uint32_t>(b[4 * i + 3]) << 24;
}

// The node's C block as the golden model computes it: the same MAC and STORE commands in the same order
// (tile_order), bytes laid out as the kernel stores them. Returns the sticky flags.
uint32_t golden_block(const GemmPlan& p, const GemmNodePlan& n, int klanes, const std::vector<uint16_t>& a,
                      const std::vector<uint16_t>& b, std::vector<uint8_t>& out) {
  const GemmSpec& s = p.spec;
  mxu::MxuModel model(klanes);
  model.configure(mxu_cfg(s));
  model.seed(n.seed);
  const uint32_t out_row = static_cast<uint32_t>(mxu::out_row_bytes(s.out_fmt));
  out.assign(8ull * static_cast<size_t>(n.a_block.count) * p.layout.c_stride, 0);
  mxu::Operands op;
  op.k = s.k;
  int bank = 0;
  for (const auto& [i, u] : tile_order(p, n)) {
    op.a.assign(8 * static_cast<size_t>(s.k), 0);
    op.b.assign(8 * static_cast<size_t>(s.k), 0);
    for (int e = 0; e < 8; ++e) {
      const int row = 8 * (n.a_block.first + i) + e, col = 8 * (n.b_block.first + u) + e;
      for (int kk = 0; kk < s.k; ++kk) {
        if (row < s.m) op.a[static_cast<size_t>(e * s.k + kk)] = a[static_cast<size_t>(row) * s.k + kk];
        if (col < s.n) op.b[static_cast<size_t>(kk * 8 + e)] = b[static_cast<size_t>(kk) * s.n + col];
      }
    }
    model.mac(bank, true, op);
    const std::vector<uint8_t> t = model.store(bank);
    for (int row = 0; row < 8; ++row)
      std::copy_n(t.begin() + row * out_row, out_row,
                  out.begin() + (8 * i + row) * static_cast<std::ptrdiff_t>(p.layout.c_stride) + u * out_row);
    bank ^= 1;
  }
  return model.flags();
}

}  // namespace

std::vector<uint16_t> random_codes(mxu::OpFmt fmt, size_t count, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<uint16_t> v(count);
  for (auto& x : v) {
    const uint64_t r = rng();
    x = mxu::is_bf16(fmt) ? static_cast<uint16_t>((r & 0x8000) | (118 + r % 19) << 7 | (r >> 8 & 0x7F))
                          : static_cast<uint16_t>(r & 0xFF);
  }
  return v;
}

double GemmNodeStats::mxu_utilization(int klanes) const {
  return cycles_compute == 0
             ? 0.0
             : static_cast<double>(useful_macs) / (static_cast<double>(cycles_compute) * 64 * klanes);
}

bool GemmResult::passed() const {
  if (mismatch_count != 0 || !flags_ok) return false;
  for (const auto& n : nodes)
    if (n.run.status != core::RunStatus::kPass) return false;
  return !nodes.empty();
}

uint64_t GemmResult::compute_cycles() const {
  uint64_t c = 0;
  for (const auto& n : nodes) c = std::max(c, n.cycles_compute);
  return c;
}

uint64_t GemmResult::total_cycles() const {
  uint64_t c = 0;
  for (const auto& n : nodes) c = std::max(c, n.cycles_total);
  return c;
}

static double util(uint64_t macs, uint64_t cycles, int klanes, size_t nodes) {
  return cycles == 0 ? 0.0 : static_cast<double>(macs) / (static_cast<double>(cycles) * 64 * klanes * nodes);
}

double GemmResult::cycles_per_second() const {
  return sim_seconds > 0 ? static_cast<double>(load_cycles + run_cycles) / sim_seconds : 0.0;
}

double GemmResult::utilization() const {
  return util(plan.useful_macs(), compute_cycles(), klanes, nodes.size());
}

double GemmResult::utilization_end_to_end() const {
  return util(plan.useful_macs(), total_cycles(), klanes, nodes.size());
}

std::string GemmResult::describe(const GemmMismatch& m) const {
  std::ostringstream os;
  const GemmNodePlan* np = nullptr;
  for (const auto& n : plan.nodes)
    if (n.node == m.node) np = &n;
  os << "C(" << m.row << ", " << m.col << ")";
  if (m.row >= plan.spec.m || m.col >= plan.spec.n) os << " (padding)";
  os << ": got " << hex(m.got) << ", expected " << hex(m.expect) << ", computed by node " << m.node;
  if (np) os << " (" << np->c << "," << np->r << ")";
  return os.str();
}

GemmResult run_gemm(TileIf& tile, const GemmSpec& spec, const GemmRunOptions& options) {
  const auto wall0 = std::chrono::steady_clock::now();
  TileRunOptions ro;
  ro.max_cycles = options.max_cycles;
  ro.on_console = options.on_console;
  GemmResult res;
  Host* host_for_progress = nullptr;
  uint32_t job_addr = 0;
  uint64_t polls = 0;
  if (options.on_progress) {
    ro.on_poll = [&](uint64_t cycles) {
      if (++polls % static_cast<uint64_t>(std::max(1, options.progress_interval)) != 0) return;
      uint64_t done = 0, total = 0;
      for (const auto& n : res.plan.nodes) {
        done += host_for_progress->read32(n.node, job_addr + 4 * ND_GJ_TILES);
        total += static_cast<uint64_t>(n.a_block.count) * static_cast<uint64_t>(n.b_block.count);
      }
      options.on_progress(cycles, done, total);
    };
  }
  std::unique_ptr<BackgroundTraffic> background;
  ro.on_run_cycle = [&] {
    if (background) background->step();
  };
  TileRunner runner(tile, ro);
  host_for_progress = &runner.host();
  const core::ProgramImage image = core::load_elf(options.elf, runner.load_options());
  const auto job = image.symbol("gemm_job");
  const auto end = image.symbol("_end");  // first byte past .bss (sw/link.ld)
  if (!job || !end)
    throw InputError(options.elf, 0, "gemm_job", "not the GEMM kernel: no gemm_job or _end symbol");
  const uint32_t image_end = end->value;

  job_addr = job->value;
  res.plan = plan_gemm(spec, tile.shape(), image_end);
  res.klanes = tile.shape().klanes;
  const GemmPlan& p = res.plan;
  const GemmLayout& l = p.layout;
  const int aes = mxu::elem_bytes(spec.a_fmt), bes = mxu::elem_bytes(spec.b_fmt);
  const std::vector<uint16_t> a = random_codes(spec.a_fmt, static_cast<size_t>(spec.m) * spec.k, spec.seed);
  const std::vector<uint16_t> b =
      random_codes(spec.b_fmt, static_cast<size_t>(spec.k) * spec.n, spec.seed ^ 0xB0B0B0B0B0ull);

  // Load: compute reset (a node may have run before), program, job block, own operands, zero flags.
  Host& host = runner.host();
  for (const auto& n : p.nodes) host.write32(n.node, kRegBase + reg::kCtrl, kCtrlComputeReset);
  for (const auto& n : p.nodes) {
    runner.load(n.node, image);
    host.write(n.node, job->value, to_bytes(job_words(p, n)));
    host.write(n.node, l.flags, std::vector<uint8_t>(128, 0));
    const int row0 = 8 * (n.a_block.first + n.a_parts[static_cast<size_t>(n.c)].first);
    if (n.a_rows > 0) {
      std::vector<uint16_t> part(a.begin() + static_cast<std::ptrdiff_t>(row0) * spec.k,
                                 a.begin() + static_cast<std::ptrdiff_t>(row0 + n.a_rows) * spec.k);
      host.write(n.node, l.a_raw, to_bytes(part, aes));
    }
    const int col0 = 8 * (n.b_block.first + n.b_parts[static_cast<size_t>(n.r)].first);
    if (n.b_cols > 0) {
      std::vector<uint16_t> part;
      for (int kk = 0; kk < spec.k; ++kk)
        for (int j = 0; j < n.b_cols; ++j) part.push_back(b[static_cast<size_t>(kk) * spec.n + col0 + j]);
      host.write(n.node, l.b_raw, to_bytes(part, bes));
    }
  }
  if (spec.background_rate > 0) {
    BackgroundSpec bs;
    bs.rate = spec.background_rate;
    bs.bytes = spec.background_bytes;
    bs.seed = spec.background_seed;
    bs.scratch = res.plan.layout.scratch;
    background = std::make_unique<BackgroundTraffic>(host, bs);
  }
  const TileRunResult run = runner.run();
  if (background) {
    host.drain();  // the last background packets' acknowledgements
    res.background = background->stats();
    background.reset();
  }
  res.sim_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall0).count();
  res.load_cycles = run.load_cycles;
  res.run_cycles = run.cycles;

  const uint32_t out_row = static_cast<uint32_t>(mxu::out_row_bytes(spec.out_fmt));
  const uint32_t out_es = out_row / 8;
  res.c.assign(static_cast<size_t>(spec.m) * static_cast<size_t>(spec.n), 0);
  for (const auto& n : p.nodes) {
    GemmNodeStats st;
    st.node = n.node;
    st.r = n.r;
    st.c = n.c;
    st.run = run.nodes[static_cast<size_t>(n.node)];
    const std::vector<uint8_t> jw = host.read(n.node, job->value, 4 * ND_GJ_WORDS);
    st.result = word_at(jw, ND_GJ_RESULT);
    st.cycles_pack = word_at(jw, ND_GJ_CYCLES_PACK);
    st.cycles_compute = word_at(jw, ND_GJ_CYCLES_COMPUTE);
    st.cycles_wait = word_at(jw, ND_GJ_CYCLES_WAIT);
    st.cycles_total = word_at(jw, ND_GJ_CYCLES_TOTAL);
    st.tiles = word_at(jw, ND_GJ_TILES);
    const std::vector<uint8_t> sb = host.read(n.node, l.status, 32);
    for (size_t w = 0; w < 8; ++w) st.mxu_status[w] = word_at(sb, w);
    st.dma_status = host.read32(n.node, kRegBase + reg::kDmaStatus);
    st.dma_bytes_out = host.read32(n.node, kRegBase + reg::kDmaBytesOut);
    st.dma_bytes_in = host.read32(n.node, kRegBase + reg::kDmaBytesIn);
    st.dma_stall = host.read32(n.node, kRegBase + reg::kDmaStall);
    const int rows = std::max(0, std::min(spec.m, 8 * n.a_block.end()) - 8 * n.a_block.first);
    const int cols = std::max(0, std::min(spec.n, 8 * n.b_block.end()) - 8 * n.b_block.first);
    st.useful_macs =
        static_cast<uint64_t>(rows) * static_cast<uint64_t>(cols) * static_cast<uint64_t>(spec.k);

    if (n.a_block.count > 0 && n.b_block.count > 0 && st.run.status == core::RunStatus::kPass) {
      std::vector<uint8_t> expect;
      st.expect_flags = golden_block(p, n, res.klanes, a, b, expect);
      st.flags = st.mxu_status[0] & 0x3Fu;
      if (st.flags != st.expect_flags) res.flags_ok = false;
      const std::vector<uint8_t> got = host.read(n.node, l.c, static_cast<uint32_t>(expect.size()));
      for (int i = 0; i < 8 * n.a_block.count; ++i) {
        for (int j = 0; j < 8 * n.b_block.count; ++j) {
          const size_t at = static_cast<size_t>(i) * l.c_stride + static_cast<size_t>(j) * out_es;
          uint32_t g = 0, e = 0;
          for (uint32_t x = 0; x < out_es; ++x) {
            g |= static_cast<uint32_t>(got[at + x]) << (8 * x);
            e |= static_cast<uint32_t>(expect[at + x]) << (8 * x);
          }
          const int row = 8 * n.a_block.first + i, col = 8 * n.b_block.first + j;
          if (row < spec.m && col < spec.n) res.c[static_cast<size_t>(row) * spec.n + col] = g;
          if (g == e) continue;
          if (res.mismatches.size() < GemmResult::kMaxMismatches)
            res.mismatches.push_back({n.node, row, col, g, e});
          ++res.mismatch_count;
        }
      }
    }
    res.nodes.push_back(st);
  }
  res.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall0).count();
  return res;
}

}  // namespace nd::tile
