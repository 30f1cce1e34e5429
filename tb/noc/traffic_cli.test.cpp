// End-to-end runs of the nanodojo program: `run` and `sweep` work, and bad input gives exit status 2
// with one line naming the file, line and key.

#include <unistd.h>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "options.hpp"
#include "run_command.hpp"

namespace fs = std::filesystem;

namespace {
using Outcome = nd::CommandResult;

Outcome nanodojo(const std::string& args) {
  return nd::run_command(std::string(ND_NANODOJO) + " " + args + " 2>&1");
}

// A scratch directory per test process.
fs::path scratch() {
  const fs::path d = fs::temp_directory_path() / ("nd_noc_cli_" + std::to_string(getpid()));
  fs::create_directories(d);
  return d;
}

std::string write(const std::string& name, const std::string& text) {
  const fs::path f = scratch() / name;
  std::ofstream(f) << text;
  return f.string();
}

const char* kSmall =
    "build: {rows: 2, cols: 2, vcs: 2, buf_depth: 4, in_speedup: 1}\nrun:\n  rate: 0.2\n  warmup: 100\n  "
    "measure: 400\n";

void check_bad(const std::string& args, const std::string& expect) {
  const Outcome o = nanodojo(args);
  INFO(o.out);
  CHECK(o.status == 2);
  CHECK_THAT(o.out, Catch::StartsWith("nanodojo: error: ") && Catch::Contains(expect));
  CHECK(o.out.find('\n') == o.out.size() - 1);  // exactly one line
}
}  // namespace

TEST_CASE("nanodojo run prints a report and writes JSON", "[noc][system]") {
  const std::string cfg = write("small.yaml", kSmall);
  const std::string json = (scratch() / "run.json").string();
  const std::string seed = std::to_string(nd::test_seed());
  const Outcome o = nanodojo("run " + cfg + " --seed " + seed + " --json " + json);
  INFO(o.out);
  CHECK(o.status == 0);
  CHECK_THAT(o.out, Catch::Contains("2x2, 2 VCs x 4 flits") && Catch::Contains("seed " + seed) &&
                        Catch::Contains("accepted") && Catch::Contains("p99") &&
                        Catch::Contains("cycles/s") && Catch::Contains("delivered exactly once"));
  std::ifstream in(json);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK_THAT(text, Catch::Contains("\"cycles_per_second\""));
  fs::remove_all(scratch());
}

TEST_CASE("nanodojo sweep writes the CSV and the plot", "[noc][system]") {
  const std::string cfg = write("small.yaml", kSmall);
  const std::string csv = (scratch() / "s.csv").string();
  const Outcome o = nanodojo("sweep " + cfg + " --seed " + std::to_string(nd::test_seed()) +
                             " --rates 0.1,0.5,1.0 --csv " + csv);
  INFO(o.out);
  CHECK(o.status == 0);
  CHECK_THAT(o.out, Catch::Contains("saturation throughput"));
  std::ifstream in(csv);
  std::string header, line;
  std::getline(in, header);
  CHECK_THAT(header, Catch::StartsWith("rate,offered,accepted,latency_avg"));
  int rows = 0;
  while (std::getline(in, line)) ++rows;
  CHECK(rows == 4);  // zero-load point + 3 rates
  CHECK(fs::file_size(scratch() / "s.png") > 1000);
  fs::remove_all(scratch());
}

TEST_CASE("nanodojo rejects bad input with exit status 2 and one line", "[noc][system]") {
  SECTION("missing config file") {
    check_bad("run /nonexistent/none.yaml", "/nonexistent/none.yaml: cannot open");
  }
  SECTION("malformed YAML") {
    const std::string f = write("bad.yaml", "run:\n  rate: [0.1\n");
    check_bad("run " + f, f + ":3: malformed YAML");
  }
  SECTION("unknown key") {
    const std::string f = write("bad.yaml", "run:\n  rat: 0.1\n");
    check_bad("run " + f, f + ":2: key 'run.rat': unknown key");
  }
  SECTION("unknown pattern") {
    const std::string f = write("bad.yaml", "run:\n  pattern: shuffle\n");
    check_bad("run " + f, f + ":2: key 'run.pattern': unknown pattern");
  }
  SECTION("rate outside [0, 1]") {
    const std::string f = write("bad.yaml", "run:\n  rate: 1.2\n");
    check_bad("sweep " + f, f + ":2: key 'run.rate': out of range");
  }
  SECTION("negative cycles") {
    const std::string f = write("bad.yaml", "run:\n  measure: -10\n");
    check_bad("run " + f, f + ":2: key 'run.measure': must not be negative");
  }
  SECTION("mesh size not compiled in") {
    const std::string f = write("bad.yaml", "build:\n  rows: 3\n  cols: 3\n");
    check_bad("run " + f, f + ":2: key 'build': mesh 3x3");
  }
  SECTION("bad sweep rate on the command line") { check_bad("sweep --rates 0.1,x", "key '--rates'"); }
  SECTION("waves asked of the lean 8x8 model") {
    const std::string f = write("big.yaml", "build: {rows: 8, cols: 8}\nrun:\n  measure: 100\n");
    check_bad("run " + f + " --waves " + (scratch() / "w.fst").string(),
              "key '--waves': this model is built without waves");
  }
  fs::remove_all(scratch());
}
