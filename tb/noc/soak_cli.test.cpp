// `nanodojo soak` end to end (docs/verification.md "Soak"): a small mesh soak checks every flit of the chosen
// segments, prints its seeds, writes JSON and repeats exactly with the same seed; bad options give exit
// status 2 and one line naming the option.
#include <unistd.h>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "options.hpp"
#include "run_command.hpp"

namespace fs = std::filesystem;

namespace {

nd::CommandResult nanodojo(const std::string& args) {
  return nd::run_command(std::string(ND_NANODOJO) + " " + args + " 2>&1");
}

fs::path scratch() {
  const fs::path d = fs::temp_directory_path() / ("nd_soak_cli_" + std::to_string(getpid()));
  fs::create_directories(d);
  return d;
}

nlohmann::json read_json(const fs::path& f) {
  std::ifstream in(f);
  return nlohmann::json::parse(in);
}

void check_bad(const std::string& args, const std::string& expect) {
  const nd::CommandResult o = nanodojo(args);
  INFO(args << "\n" << o.out);
  CHECK(o.status == 2);
  CHECK_THAT(o.out, Catch::StartsWith("nanodojo: error: ") && Catch::Contains(expect));
  CHECK(o.out.find('\n') == o.out.size() - 1);  // exactly one line
}

}  // namespace

TEST_CASE("nanodojo soak: a small mesh soak checks every flit and repeats with its seed", "[noc][system]") {
  const std::string seed = std::to_string(nd::test_seed());
  const std::string args =
      "soak --flits 4000 --segments 4x4/hotspot/multi,8x8/tornado/1 --tile-seconds 0 --seed " + seed;
  nlohmann::json runs[2];
  for (int i = 0; i < 2; ++i) {
    const fs::path json = scratch() / ("soak" + std::to_string(i) + ".json");
    const nd::CommandResult o = nanodojo(args + " --json " + json.string());
    INFO(o.out);
    REQUIRE(o.status == 0);
    CHECK_THAT(o.out, Catch::Contains("nanodojo soak: seed " + seed));
    CHECK_THAT(o.out, Catch::Contains("4x4/hotspot/multi") && Catch::Contains("8x8/tornado/1"));
    CHECK_THAT(o.out, Catch::Contains("0 lost, 0 duplicated, 0 corrupted, 0 misordered, 0 deadlocked"));
    runs[i] = read_json(json);
    CHECK(runs[i]["block"] == "soak");
    CHECK(runs[i]["noc"]["segments"].size() == 2);
    for (const auto& s : runs[i]["noc"]["segments"]) {
      CHECK(s["flits"].get<uint64_t>() >= 2000);
      CHECK(s["lost"] == 0);
      CHECK(s["deadlocks"] == 0);
    }
    CHECK(runs[i]["tables"].size() == 1);
  }
  for (int s = 0; s < 2; ++s) {  // the same seed gives the same run, cycle for cycle
    CHECK(runs[0]["noc"]["segments"][s]["seed"] == runs[1]["noc"]["segments"][s]["seed"]);
    CHECK(runs[0]["noc"]["segments"][s]["flits"] == runs[1]["noc"]["segments"][s]["flits"]);
    CHECK(runs[0]["noc"]["segments"][s]["cycles"] == runs[1]["noc"]["segments"][s]["cycles"]);
  }
  fs::remove_all(scratch());
}

TEST_CASE("nanodojo soak: bad options give exit status 2", "[noc][system]") {
  check_bad("soak --flits lots", "--flits");
  check_bad("soak --flits -5", "--flits");
  check_bad("soak --flits 1.5", "whole number");
  check_bad("soak --flits 100 --segments 3x3", "matches no segment");
  check_bad("soak --flits 0 --tile-seconds soon", "--tile-seconds");
  check_bad("soak --flits 0 --tile-scenarios 1e99", "--tile-scenarios");
  check_bad("soak --flits 0 --tile 3x3 --tile-scenarios 1", "3x3");
}
