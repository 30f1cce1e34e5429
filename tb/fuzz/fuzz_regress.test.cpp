// Inputs that once crashed a loader under fuzzing (tb/fuzz/corpus/<harness>/, docs/verification.md
// "Fuzzing"), replayed in `make test` through the same calls as the harnesses (fuzz_targets.hpp): each gives
// a value or nd::InputError naming the file, and the nanodojo program exits 2 on the ones it refuses, with
// one line naming the file. The cases found so far are also checked message by message.

#include <unistd.h>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "errors.hpp"
#include "fuzz_targets.hpp"
#include "run_command.hpp"

namespace fs = std::filesystem;

namespace {

using Target = void (*)(const std::string&, const std::string&);
const std::map<std::string, Target> kTargets = {
    {"traffic_config", &nd::fuzz::traffic_config},
    {"tile_scenario", &nd::fuzz::tile_scenario},
    {"elf", &nd::fuzz::elf},
    {"fp_vectors", &nd::fuzz::fp_vectors},
};

std::string read_bytes(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

fs::path scratch() {
  const fs::path d = fs::temp_directory_path() / ("nd_fuzz_regress_" + std::to_string(getpid()));
  fs::create_directories(d);
  return d;
}

// The nanodojo command line that reads `file` as the harness `name` does (fp_vectors: the input's first byte
// is the operation, the rest the file).
std::string command(const std::string& name, const fs::path& input, std::string* file) {
  *file = input.string();
  if (name == "traffic_config" || name == "tile_scenario") return "run '" + *file + "'";
  if (name == "elf") return "core '" + *file + "'";
  const std::string bytes = read_bytes(input);
  const auto op = static_cast<nd::fp::VectorOp>(static_cast<uint8_t>(bytes[0]) % 8);
  *file = (scratch() / input.filename()).string();
  std::ofstream(*file, std::ios::binary) << bytes.substr(1);
  return std::string("fpcheck --op ") + nd::fp::vector_op_name(op) + " '" + *file + "'" +
         (nd::fp::is_cfp8_op(op) ? " --layout 1.4.3 --bias 7" : "");
}

}  // namespace

TEST_CASE(
    "fuzz regression corpus: each input gives a value or an InputError naming its file - nanodojo exits 2",
    "[fuzz][unit]") {
  int inputs = 0;
  for (const auto& [name, target] : kTargets) {
    const fs::path dir = fs::path(ND_SOURCE_DIR) / "tb/fuzz/corpus" / name;
    if (!fs::is_directory(dir)) continue;
    for (const auto& e : fs::directory_iterator(dir)) {
      INFO(name << ": " << e.path().string());
      ++inputs;
      const std::string bytes = read_bytes(e.path());
      if (name == "fp_vectors" && bytes.empty()) continue;
      bool refused = false;
      try {
        target(bytes, e.path().string());
      } catch (const nd::InputError& err) {
        refused = true;
        CHECK(err.file() == e.path().string());
      }
      if (!refused) continue;
      std::string file;
      const nd::CommandResult r = nd::run_command(std::string(ND_NANODOJO) + " " +
                                                  command(name, e.path(), &file) + " 2>&1 >/dev/null");
      INFO(r.out);
      CHECK(r.status == 2);
      CHECK_THAT(r.out, Catch::StartsWith("nanodojo: error: " + file));
      CHECK(r.out.find('\n') == r.out.size() - 1);  // exactly one line
    }
  }
  CHECK(inputs > 0);
  fs::remove_all(scratch());
}

TEST_CASE("fuzz: a YAML map key that is not a name is refused at its line", "[fuzz][unit]") {
  // Found by fuzz_traffic_config: a complex key (`? ...`) reached yaml-cpp's as<std::string>() and ended the
  // program with YAML::TypedBadConversion.
  using Catch::Matchers::Message;
  REQUIRE_THROWS_MATCHES(nd::fuzz::traffic_config("run:\n ? wmeasurear\xd4up: -5\n", "c.yaml"),
                         nd::InputError, Message("c.yaml:2: key 'run': expected a key name, got a map"));
  REQUIRE_THROWS_MATCHES(nd::fuzz::traffic_config("? [a, b]\n: 1\n", "c.yaml"), nd::InputError,
                         Message("c.yaml:1: expected a key name, got a list"));
  REQUIRE_THROWS_MATCHES(nd::fuzz::tile_scenario("tile: 2x2\nphases:\n  - gemm: {[m, n]: 8}\n", "s.yaml"),
                         nd::InputError,
                         Message("s.yaml:3: key 'phases[0].gemm': expected a key name, got a list"));
}

TEST_CASE("fuzz: a GEMM whose C block needs 2^32 bytes per node is refused, not planned", "[fuzz][unit]") {
  // Found by fuzz_tile_scenario's plan check: the C block's size wrapped in 32 bits (8 x 4096 x 4096 x 32 =
  // 2^32 on a 2x2 grid, so 0), the room check passed and the plan put C over the rest of SRAM.
  const std::string text =
      "tile: 2x2\nphases:\n  - gemm: {m: 65535, n: 65535, k: 1, a_format: e4m3, b_format: e4m3, out_format: "
      "fp32}\n";
  REQUIRE_THROWS_MATCHES(nd::fuzz::tile_scenario(text, "s.yaml"), nd::InputError,
                         Catch::Matchers::Predicate<nd::InputError>(
                             [](const nd::InputError& e) {
                               return e.file() == "s.yaml" && e.line() == 3 && e.key() == "phases[0].gemm" &&
                                      std::string(e.what()).find(
                                          "GEMM on a 2x2 grid needs 4295033344 bytes") != std::string::npos;
                             },
                             "s.yaml:3, key phases[0].gemm, 4295... bytes per node"));
}
