// `nanodojo run SCENARIO.yaml` with GEMM phases (docs/kernels.md "Scenarios"): the report, JSON, a traffic
// config still taken as such, and bad scenarios (unknown key or kernel, size zero, more SRAM than a node has,
// a tile larger than compiled, BF16 bias, a program that is not the GEMM kernel) refused with the file, the
// line and the key, exit status 2, before anything runs.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "run_command.hpp"

namespace fs = std::filesystem;

namespace {

nd::CommandResult run(const std::string& args) {
  const auto c = nd::run_command(std::string(ND_NANODOJO) + " run " + args + " 2>&1");
  REQUIRE(c.status >= 0);
  return c;
}

fs::path write_file(const std::string& name, const std::string& text) {
  const fs::path dir = fs::temp_directory_path() / "nd_scenario_cli";
  fs::create_directories(dir);
  const fs::path p = dir / name;
  std::ofstream(p) << text;
  return p;
}

const char* const kTwoPhases = R"(tile: 2x2
phases:
  - gemm: {m: 20, n: 24, k: 33, a_format: bf16, b_format: bf16, out_format: bf16, seed: 3,
           background: {rate: 0.3, bytes: 48, seed: 9}}
  - gemm:
      m: 17
      n: 9
      k: 40
      a_format: e5m2
      a_bias: 20
      b_format: e4m3
      b_bias: 4
      out_format: e5m2
      out_bias: 30
      rounding: stochastic
      grid: 1x2
  - traffic: {pattern: transpose, rate: 0.1, lengths: 17, measure: 2000, seed: 5}
)";

}  // namespace

TEST_CASE("nanodojo run: GEMM phases on the tile, report and JSON", "[tile][gemm][system]") {
  const fs::path y = write_file("two.yaml", kTwoPhases);
  const fs::path json = y.parent_path() / "two.json";
  fs::remove(json);
  const auto c = run(y.string() + " --json " + json.string());
  INFO(c.out);
  CHECK(c.status == 0);
  CHECK(
      c.out.find("phase 1/3: gemm 20x24x33, bf16 x bf16 -> bf16 (RNE), seed 3, grid 2x2, background traffic "
                 "0.300 flits/port/cycle") != std::string::npos);
  CHECK(c.out.find(
            "phase 2/3: gemm 17x9x40, e5m2 bias 20 x e4m3 bias 4 -> e5m2 bias 30 (stochastic rounding)") !=
        std::string::npos);
  CHECK(c.out.find("480 elements bit-exact against the golden model") != std::string::npos);
  CHECK(c.out.find("MXU utilization") != std::string::npos);
  CHECK(c.out.find("phase 3/3: traffic on the tile's network (2x2, 2 VCs x 4 flits x 128 bits") !=
        std::string::npos);
  CHECK(c.out.find("PASS: 3 phases on the 2x2 tile") != std::string::npos);
  std::ifstream in(json);
  const auto j = nlohmann::json::parse(in);
  CHECK(j.at("passed") == true);
  REQUIRE(j.at("phases").size() == 3);
  CHECK(j.at("phases")[2].at("kind") == "traffic");
  // Background traffic ran during the first GEMM and every packet came back.
  const auto& bg = j.at("phases")[0].at("background");
  CHECK(bg.at("packets").get<uint64_t>() > 50);
  CHECK(bg.at("acknowledged") == bg.at("packets"));
  CHECK(bg.at("latency_avg").get<double>() > 4);
  CHECK(j.at("phases")[1].count("background") == 0);
  CHECK(j.at("phases")[1].at("nodes").size() == 2);
  CHECK(j.at("phases")[0].at("nodes")[3].at("dma_bytes_out").get<uint32_t>() > 0);
}

TEST_CASE("nanodojo run: a traffic config is still a traffic config", "[tile][system]") {
  const auto c = run(std::string(ND_SOURCE_DIR) + "/sim/configs/default.yaml --rate 0.05");
  INFO(c.out);
  CHECK(c.status == 0);
  CHECK(c.out.find("accepted") != std::string::npos);
}

TEST_CASE("nanodojo run: bad scenarios exit 2 naming the file, line and key", "[tile][system]") {
  auto bad = [](const std::string& name, const std::string& text, const std::string& expect) {
    const fs::path y = write_file(name, text);
    const auto c = run(y.string());
    INFO(c.out);
    CHECK(c.status == 2);
    CHECK(c.out.find(y.string() + ":" + expect) != std::string::npos);
    CHECK(c.out.find("phase 1") == std::string::npos);  // nothing ran
  };
  bad("key.yaml", "tile: 2x2\nphases:\n  - gemm: {m: 8, n: 8, k: 8, kk: 3}\n",
      "3: key 'phases[0].gemm.kk': unknown key");
  bad("kind.yaml", "tile: 2x2\nphases:\n  - conv: {m: 8}\n", "3: key 'phases[0].conv': unknown key");
  bad("bgbytes.yaml", "tile: 2x2\nphases:\n  - gemm:\n      background: {rate: 0.1, bytes: 20}\n",
      "4: key 'phases[0].gemm.background.bytes': must be a multiple of 16");
  bad("traffic.yaml", "tile: 2x2\nphases:\n  - gemm: {m: 8}\n  - traffic: {pattern: uniform, rat: 0.1}\n",
      "4: key 'phases[1].traffic.rat': unknown key");
  bad("zero.yaml", "tile: 2x2\nphases:\n  - gemm:\n      m: 0\n", "4: key 'phases[0].gemm.m'");
  bad("sram.yaml", "tile: 2x2\nphases:\n  - gemm: {m: 256, n: 256, k: 512, grid: 1x1}\n",
      "3: key 'phases[0].gemm': the 256x256x512 GEMM on a 1x1 grid needs");
  bad("bigtile.yaml", "tile: 8x8\nphases:\n  - gemm: {m: 8, n: 8, k: 8}\n",
      "1: key 'tile': no compiled tile of size 8x8");
  bad("grid.yaml", "tile: 2x2\nphases:\n  - gemm: {m: 8, n: 8, k: 8, grid: 3x2}\n",
      "3: key 'phases[0].gemm.grid': a 3x2 grid does not fit the 2x2 tile");
  bad("bias.yaml", "tile: 2x2\nphases:\n  - gemm:\n      m: 8\n      a_bias: 3\n",
      "5: key 'phases[0].gemm.a_bias': a BF16 operand has no bias");
  bad("format.yaml", "tile: 2x2\nphases:\n  - gemm: {a_format: fp8}\n",
      "3: key 'phases[0].gemm.a_format': unknown value 'fp8' (expected one of: bf16, e4m3, e5m2)");
  bad("mixed.yaml", "tile: 2x2\nphases:\n  - gemm:\n      a_format: bf16\n      b_format: e4m3\n",
      "5: key 'phases[0].gemm.b_format': A and B must both be BF16 or both CFP8");
  bad("both.yaml", "tile: 2x2\nprogram: x.elf\nphases:\n  - gemm: {m: 8}\n",
      "3: key 'phases': a scenario has either phases or programs");
  bad("kernel.yaml",
      "tile: 2x2\nkernel: " + std::string(ND_SW_OUT) + "/hello.elf\nphases:\n  - gemm: {m: 8}\n",
      "2: key 'kernel': " + std::string(ND_SW_OUT) + "/hello.elf is not the GEMM kernel");
}
