// `nanodojo tile` end to end: per-node console and report, exit status, JSON, YAML scenarios, and bad input
// (ELF too large for a node, node outside the tile, unknown scenario keys, uncompiled tile): a message naming
// the file, line and key, exit status 2.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "elf_builder.hpp"
#include "run_command.hpp"

namespace fs = std::filesystem;

namespace {

nd::CommandResult nanodojo(const std::string& args) {
  const auto c = nd::run_command(std::string(ND_NANODOJO) + " tile " + args + " 2>&1");
  REQUIRE(c.status >= 0);
  return c;
}

std::string elf(const std::string& name) { return std::string(ND_SW_OUT) + "/" + name + ".elf"; }

fs::path scratch(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / "nd_tile_cli";
  fs::create_directories(dir);
  return dir / name;
}

fs::path write_file(const std::string& name, const std::string& text) {
  const fs::path p = scratch(name);
  std::ofstream(p) << text;
  return p;
}

}  // namespace

TEST_CASE("nanodojo tile runs one program on every node: console per node, report, JSON", "[tile][system]") {
  const fs::path json = scratch("exchange.json");
  fs::remove(json);
  const auto c = nanodojo(elf("tile_exchange") + " --json " + json.string());
  INFO(c.out);
  CHECK(c.status == 0);
  for (const char* n : {"[0,0] node 0,0: 2 neighbours ok", "[1,1] node 1,1: 2 neighbours ok"})
    CHECK(c.out.find(n) != std::string::npos);
  CHECK(c.out.find("node 3 (1,1): PASS; cycles") != std::string::npos);
  CHECK(c.out.find("cycles/s") != std::string::npos);
  std::ifstream in(json);
  const auto j = nlohmann::json::parse(in);
  CHECK(j.at("passed") == true);
  REQUIRE(j.at("nodes").size() == 4);
  CHECK(j.at("nodes")[2].at("x") == 0);
  CHECK(j.at("nodes")[2].at("y") == 1);
  CHECK(j.at("nodes")[2].at("instret").get<uint64_t>() > 100);
}

TEST_CASE("nanodojo tile runs a YAML scenario with a program per node", "[tile][system]") {
  // Node 0 fails with a code of its own; the others run the exchange program, which waits for node 0's
  // data, so only nodes without node 0 as a neighbour can pass: here node 3 (1,1) alone.
  const fs::path y =
      write_file("per_node.yaml", "tile: 2x2\nmax_cycles: 20000\nnodes:\n  0: " + elf("fail_code") +
                                      "\n  \"1,1\": " + elf("tile_exchange") + "\n");
  const auto c = nanodojo("--scenario " + y.string());
  INFO(c.out);
  CHECK(c.status == 1);
  CHECK(c.out.find("node 0 (0,0): FAIL with code") != std::string::npos);
  CHECK(c.out.find("node 3 (1,1): did not finish within the cycle limit") != std::string::npos);
  CHECK(c.out.find("node 1 (") == std::string::npos);  // not loaded, not reported
}

TEST_CASE("nanodojo tile refuses bad input with file, line and key, exit 2", "[tile][system]") {
  struct Case {
    std::string args, expect;
  };
  nd::core::test::ElfBuilder big = nd::core::test::ElfBuilder::valid();
  big.segments.push_back({1, 0x3FF00, 6, std::vector<uint8_t>(0x200, 1)});  // ends past 256 KiB
  const fs::path big_elf = scratch("too_large.elf");
  {
    const auto bytes = big.build();
    std::ofstream(big_elf, std::ios::binary)
        .write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
  }
  const fs::path unknown = write_file("unknown.yaml", "tile: 2x2\nprogram: x.elf\nprogramm: y.elf\n");
  const fs::path big_tile = write_file("big.yaml", "tile: 8x8\nprogram: x.elf\n");
  const fs::path bad_node = write_file("bad_node.yaml", "tile: 2x2\nnodes:\n  \"2,0\": x.elf\n");
  const fs::path no_prog = write_file("no_prog.yaml", "tile: 2x2\nmax_cycles: 10\n");
  const std::vector<Case> cases = {
      {big_elf.string(), "too_large.elf"},
      {"--node 4=" + elf("tile_exchange"), "key '--node': node 4 outside the 2x2 tile"},
      {"--node 1,2=" + elf("tile_exchange"), "key '--node': node 1,2 outside the 2x2 tile"},
      {"--tile 3x3 " + elf("tile_exchange"), "key '--tile': no compiled tile of size 3x3"},
      {"--scenario " + unknown.string(), "unknown.yaml:3: key 'programm': unknown key"},
      {"--scenario " + big_tile.string(), "big.yaml:1: key 'tile': no compiled tile of size 8x8"},
      {"--scenario " + bad_node.string(), "bad_node.yaml:3: key 'nodes.2,0': node 2,0 outside the 2x2 tile"},
      {"--scenario " + no_prog.string(), "no program"},
      {"--scenario " + scratch("missing.yaml").string(), "cannot open"},
      {"--scenario " + unknown.string() + " --tile 4x4", "excludes"},
      {"", "no program"},
  };
  for (const auto& k : cases) {
    const auto c = nanodojo(k.args);
    INFO(k.args << "\n" << c.out);
    CHECK(c.status == 2);
    CHECK(c.out.find(k.expect) != std::string::npos);
  }
}

TEST_CASE("nanodojo tile --waves writes the tile's waves", "[tile][system]") {
  const fs::path fst = scratch("exchange.fst");
  fs::remove(fst);
  const auto c = nanodojo(elf("tile_exchange") + " --waves " + fst.string());
  INFO(c.out);
  CHECK(c.status == 0);
  REQUIRE(fs::exists(fst));
  CHECK(fs::file_size(fst) > 10000);
}
