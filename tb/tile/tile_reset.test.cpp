// Reset in the middle of work on the tile (docs/node.md "Reset"): the tile's rst_ni, or every node's compute
// reset (CTRL.reset), asserted while the GEMM kernel runs (MXU commands queued and running, DMA transfers in
// flight between the nodes, host WRITEs in the mesh). Afterwards nothing from before the reset reaches the
// host, the node registers read their reset values, and a fresh GEMM is bit-exact against the golden model.
#include <catch2/catch.hpp>

#include "gemm_run.hpp"
#include "hex.hpp"
#include "options.hpp"
#include "packet.hpp"

using namespace nd::tile;
using nd::node::kRegBase;
namespace reg = nd::node::reg;

namespace {

const std::string kElf = std::string(ND_SW_OUT) + "/gemm.elf";
struct Interrupted {};

GemmSpec spec(uint32_t seed, double background) {
  GemmSpec s;
  s.m = 32;
  s.n = 32;
  s.k = 64;
  s.seed = seed;
  s.background_rate = background;
  s.background_seed = seed;
  return s;
}

// Runs the GEMM and leaves it (an exception out of run_gemm) at the first progress report that finds some of
// its tiles issued and not all: the kernel is then in its compute phase, with MXU commands and DMA sends
// going.
bool run_until_mid_gemm(TileIf& tile, const GemmSpec& s, uint64_t& tiles_done, uint64_t& tiles_total) {
  GemmRunOptions o;
  o.elf = kElf;
  o.max_cycles = 1'000'000;
  o.progress_interval = 1;
  o.on_progress = [&](uint64_t, uint64_t tiles, uint64_t total) {
    tiles_done = tiles;
    tiles_total = total;
    if (tiles > 0 && tiles < total) throw Interrupted{};
  };
  try {
    run_gemm(tile, s, o);
  } catch (const Interrupted&) {
    return true;
  }
  return false;
}

void check_gemm(TileIf& tile, const GemmSpec& s) {
  GemmRunOptions o;
  o.elf = kElf;
  o.max_cycles = 1'000'000;
  const GemmResult r = run_gemm(tile, s, o);
  for (const auto& n : r.nodes) INFO("node " << n.node << ": " << n.run.describe() << "\n" << n.run.console);
  for (const auto& m : r.mismatches) FAIL_CHECK(r.describe(m));
  CHECK(r.mismatch_count == 0);
  CHECK(r.flags_ok);
  CHECK(r.passed());
}

// Nothing reaches the host ports, and no credit comes back for a flit the host sent before the reset.
void check_host_ports_quiet(TileIf& tile, int cycles) {
  for (int i = 0; i < cycles; ++i) {
    for (int y = 0; y < tile.shape().rows; ++y) {
      INFO("cycle " << i << " after the reset, host port " << y);
      REQUIRE(!tile.host_out(y));
      for (int v = 0; v < tile.shape().num_vcs; ++v) REQUIRE(!tile.host_credit(y, v));
    }
    tile.tick();
  }
}

// The registers that the reset of the core, MXU and DMA clears (compute reset) read their reset values.
void check_compute_state(Host& host, int node) {
  INFO("node " << node);
  CHECK(host.read32(node, kRegBase + reg::kCtrl) == 2u);  // compute reset held, not running
  CHECK(host.read32(node, kRegBase + reg::kCoreStatus) == 0u);
  CHECK(host.read32(node, kRegBase + reg::kExit) == 0u);
  CHECK(host.read32(node, kRegBase + reg::kInstretLo) == 0u);
  CHECK(host.read32(node, kRegBase + reg::kRunCyclesLo) == 0u);
  CHECK(host.read32(node, kRegBase + reg::kDmaStatus) == 0u);  // not busy, no error
  CHECK(host.read32(node, kRegBase + reg::kDmaDone) == 0u);
  CHECK(host.read32(node, kRegBase + reg::kDmaBytesOut) == 0u);
  CHECK(host.read32(node, kRegBase + reg::kDmaBytesIn) == 0u);
  CHECK(host.read32(node, kRegBase + reg::kDmaStall) == 0u);
}

}  // namespace

TEST_CASE("tile: reset in the middle of a GEMM with DMA and MXU and host traffic running", "[tile][reset]") {
  auto tile = make_tile("2x2", nd::test_waves("tile_reset"), "test");
  const auto seed = static_cast<uint32_t>(nd::test_seed());
  INFO("seed " << seed);
  uint64_t done = 0, total = 0;
  // No background traffic in the run that is left: the host driver it runs in is abandoned between packets
  // (its progress reads are answered), so the WRITEs below start on a packet boundary at the host ports.
  REQUIRE(run_until_mid_gemm(*tile, spec(seed, 0), done, total));
  INFO("interrupted with " << done << " of " << total << " tiles issued");
  {
    // Host WRITEs into the mesh (512 bytes to every node, 2 packets each), left half-way: some injected, some
    // still queued, none acknowledged when the reset comes.
    Host host(*tile);
    for (int n = 0; n < tile->shape().nodes(); ++n) host.write(n, 0x30000, std::vector<uint8_t>(512, 0x5a));
    for (int i = 0; i < 24; ++i) host.step();
    REQUIRE(host.queued(0) > 0);
  }
  tile->reset(3);

  check_host_ports_quiet(*tile, 200);
  {
    Host host(*tile);
    for (int n = 0; n < tile->shape().nodes(); ++n) {
      INFO("node " << n);
      // NI_REQS first: the reset cleared it, so it counts at most this read.
      CHECK(host.read32(n, kRegBase + reg::kNiReqs) <= 1u);
      CHECK(host.read32(n, kRegBase + reg::kNiStatus) == 0u);
      CHECK(host.read32(n, kRegBase + reg::kCycleHi) == 0u);
      CHECK(host.read32(n, kRegBase + reg::kCycleLo) < 20000u);  // counting from the reset
      check_compute_state(host, n);
    }
    host.drain();
  }
  check_gemm(*tile, spec(seed + 1, 0.3));
}

TEST_CASE("tile: compute reset of every node in the middle of a GEMM", "[tile][reset]") {
  auto tile = make_tile("2x2", nd::test_waves("tile_compute_reset"), "test");
  const auto seed = static_cast<uint32_t>(nd::test_seed());
  INFO("seed " << seed);
  uint64_t done = 0, total = 0;
  REQUIRE(run_until_mid_gemm(*tile, spec(seed, 0), done, total));
  INFO("interrupted with " << done << " of " << total << " tiles issued");
  {
    // The host had nothing outstanding when the run was left (progress reads are waited for).
    Host host(*tile);
    for (int n = 0; n < tile->shape().nodes(); ++n) host.write32(n, kRegBase + reg::kCtrl, 2u);
    host.drain();
    // What the reset engines had in flight drains from the network (docs/node.md "Reset": software waits).
    for (int i = 0; i < 2000; ++i) host.step();
    for (int n = 0; n < tile->shape().nodes(); ++n) check_compute_state(host, n);
    host.drain();
  }
  check_gemm(*tile, spec(seed + 1, 0));
}
