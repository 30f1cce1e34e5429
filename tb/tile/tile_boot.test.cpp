// Tile tests (docs/node.md "Tile"): the host reaches every node's SRAM and registers through the mesh only;
// programs booted that way run on every node, exchange data with their neighbours by DMA and end.
#include <catch2/catch.hpp>

#include "options.hpp"
#include "sim_matchers.hpp"
#include "tile_runner.hpp"
#include "traffic_rng.hpp"

using namespace nd::tile;

namespace {
constexpr uint32_t kRegs = nd::node::kRegBase;

std::string elf(const std::string& name) { return std::string(ND_SW_OUT) + "/" + name + ".elf"; }
}  // namespace

TEST_CASE("the host writes and reads every node's SRAM and registers through the mesh", "[tile]") {
  const std::string size = GENERATE("2x2", "4x4");
  auto tile = make_tile(size, nd::test_waves("tile_host_" + size), "test");
  Host host(*tile);
  const TileShape s = tile->shape();
  nd::traffic::Rng rng(nd::test_seed());
  for (int n = 0; n < s.nodes(); ++n) {
    INFO("tile " << size << " node " << n << " seed " << nd::test_seed());
    CHECK(host.read32(n, kRegs + 0x004) == uint32_t((n / s.cols) << 8 | (n % s.cols)));  // NODE_ID
    CHECK(host.read32(n, kRegs + 0x010) == (uint32_t(s.rows) << 8 | uint32_t(s.cols)));  // TILE
    // Every word alignment within a flit, lengths up to more than two packets.
    for (const uint32_t len : {4u, 12u, 16u, 20u, 252u, 256u, 260u, 600u}) {
      const uint32_t addr = 0x1000 + 4 * static_cast<uint32_t>(rng.below(64));
      std::vector<uint8_t> data(len);
      for (auto& b : data) b = static_cast<uint8_t>(rng.below(256));
      host.write(n, addr, data);
      CHECK(host.read(n, addr, len) == data);
    }
  }
  host.drain();
  // The last word of SRAM is reachable, the first beyond it is refused with the error bit.
  host.write32(0, s.sram_bytes - 4, 0x12345678u);
  CHECK(host.read32(0, s.sram_bytes - 4) == 0x12345678u);
  CHECK_THROWS_WITH(host.read32(0, s.sram_bytes), Catch::Contains("error bit"));
}

TEST_CASE("a program booted through the mesh exchanges data with its neighbours on every node", "[tile]") {
  const std::string size = GENERATE("2x2", "4x4");
  auto tile = make_tile(size, nd::test_waves("tile_exchange_" + size), "test");
  TileRunner runner(*tile);
  const auto image = nd::core::load_elf(elf("tile_exchange"), runner.load_options());
  for (int n = 0; n < tile->shape().nodes(); ++n) runner.load(n, image);
  const TileRunResult r = runner.run();
  for (int n = 0; n < tile->shape().nodes(); ++n) {
    const NodeResult& nr = r.nodes[n];
    INFO("tile " << size << " node " << n << ": " << nr.describe() << "\n" << nr.console);
    CHECK(nr.status == nd::core::RunStatus::kPass);
    CHECK(nr.console.find("neighbours ok") != std::string::npos);
    CHECK(nr.instret > 100);
    CHECK(nr.cycles >= nr.instret);
  }
  CHECK(r.passed());
}

TEST_CASE("random DMA traffic between all nodes: nothing lost, duplicated or corrupted", "[tile]") {
  const std::string size = GENERATE("2x2", "4x4");
  auto tile = make_tile(size, nd::test_waves("tile_dma_random_" + size), "test");
  TileRunner runner(*tile);
  const auto image = nd::core::load_elf(elf("tile_dma_random"), runner.load_options());
  const auto seed = image.symbol("seed");
  REQUIRE(seed);
  for (int n = 0; n < tile->shape().nodes(); ++n) {
    runner.load(n, image);
    runner.host().write32(n, seed->value, static_cast<uint32_t>(nd::test_seed()));
  }
  const TileRunResult r = runner.run();
  for (int n = 0; n < tile->shape().nodes(); ++n) {
    INFO("tile " << size << " node " << n << " seed " << nd::test_seed() << ": " << r.nodes[n].describe()
                 << "\n"
                 << r.nodes[n].console);
    CHECK(r.nodes[n].status == nd::core::RunStatus::kPass);
  }
}
