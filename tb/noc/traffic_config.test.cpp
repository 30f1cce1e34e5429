// Tests of the run-config loader: a good config loads, and every kind of bad input is one InputError
// naming the file, the line and the key.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "errors.hpp"
#include "traffic_config.hpp"

using namespace nd::traffic;

namespace {
// Loads `text` as "t.yaml" and returns the error (fails the test when there is none).
nd::InputError error_of(const std::string& text) {
  try {
    load_noc_config_text(text, "t.yaml");
  } catch (const nd::InputError& e) {
    return e;
  }
  FAIL("no InputError for:\n" << text);
  return nd::InputError("", 0, "", "");
}

void check_error(const std::string& text, int line, const std::string& key, const std::string& words) {
  const nd::InputError e = error_of(text);
  INFO(e.what());
  CHECK(e.file() == "t.yaml");
  CHECK(e.line() == line);
  CHECK(e.key() == key);
  CHECK_THAT(e.what(), Catch::Contains(words));
  CHECK(std::string(e.what()).find('\n') == std::string::npos);
}
}  // namespace

TEST_CASE("the default config loads", "[noc][unit]") {
  const NocConfig c = load_noc_config_file(ND_SOURCE_DIR "/sim/configs/default.yaml");
  CHECK(c.build == MeshShape{});
  CHECK(c.run.pattern.pattern == Pattern::Uniform);
  CHECK(c.run.lengths.lengths == std::vector<int>{1, 4});
  CHECK(c.run.lengths.mean() == Approx(2.5));
  CHECK(c.line_of("run.rate") > c.line_of("run"));
}

TEST_CASE("every key of a config is read", "[noc][unit]") {
  const NocConfig c = load_noc_config_text(R"(
build: {rows: 2, cols: 2, vcs: 4, buf_depth: 8, flit_width: 64, alloc_iters: 3, vc_policy: borrow, in_speedup: 1}
run:
  pattern: hotspot
  hotspot: {nodes: [1, 3], fraction: 0.4}
  rate: 0.25
  lengths: [2, 5]
  response_fraction: 0
  warmup: 0
  measure: 10
  drain: 0
  watchdog: 50
  seed: 99
sweep: {rates: [0.1, 0.2], zero_load_rate: 0.01, step: 0.1, refine: 0.02, max_rate: 0.9}
)",
                                           "t.yaml");
  CHECK(c.build == MeshShape{2, 2, 4, 8, 64, 3, VcPolicy::Borrow, 1});
  CHECK(c.run.pattern.hotspots == std::vector<int>{1, 3});
  CHECK(c.run.pattern.hotspot_fraction == Approx(0.4));
  CHECK(c.run.rate == Approx(0.25));
  CHECK(c.run.lengths.lengths == std::vector<int>{2, 5});
  CHECK(c.run.response_fraction == 0);
  CHECK(c.run.warmup == 0);
  CHECK(c.run.measure == 10);
  CHECK(c.run.seed == 99);
  CHECK(c.sweep.rates == std::vector<double>{0.1, 0.2});
  CHECK(c.sweep.max_rate == Approx(0.9));
  CHECK(c.line_of("run.rate") == 6);
}

TEST_CASE("bad configs give one clear error naming file, line and key", "[noc][unit]") {
  SECTION("missing file") {
    try {
      load_noc_config_file("/nonexistent/dir/none.yaml");
      FAIL("no error");
    } catch (const nd::InputError& e) {
      CHECK(e.file() == "/nonexistent/dir/none.yaml");
      CHECK_THAT(e.what(), Catch::Contains("cannot open"));
    }
  }
  SECTION("malformed YAML") { check_error("run:\n  rate: [0.1\n", 3, "", "malformed YAML"); }
  SECTION("empty file") { check_error("", 0, "", "empty config"); }
  SECTION("not a map") { check_error("- 1\n- 2\n", 1, "", "expected a map"); }
  SECTION("unknown top-level key") {
    check_error("run: {rate: 0.1}\nbuidl: {rows: 2}\n", 2, "buidl", "unknown key");
  }
  SECTION("unknown nested key") {
    check_error("run:\n  rate: 0.1\n  rat: 0.2\n", 3, "run.rat", "unknown key");
  }
  SECTION("unknown pattern") {
    check_error("run:\n  pattern: shuffle\n", 2, "run.pattern", "unknown pattern 'shuffle'");
  }
  SECTION("rate above 1") { check_error("run:\n  rate: 1.5\n", 2, "run.rate", "out of range"); }
  SECTION("negative rate") { check_error("run:\n  rate: -0.1\n", 2, "run.rate", "out of range"); }
  SECTION("rate not a number") { check_error("run:\n  rate: fast\n", 2, "run.rate", "expected a number"); }
  SECTION("negative warm-up") {
    check_error("run:\n  warmup: -5\n", 2, "run.warmup", "must not be negative");
  }
  SECTION("negative measurement window") {
    check_error("run:\n  measure: -100\n", 2, "run.measure", "must not be negative");
  }
  SECTION("zero measurement window") {
    check_error("run:\n  measure: 0\n", 2, "run.measure", "out of range");
  }
  SECTION("negative drain") { check_error("run:\n  drain: -1\n", 2, "run.drain", "must not be negative"); }
  SECTION("fractional cycles") {
    check_error("run:\n  measure: 10.5\n", 2, "run.measure", "expected an integer");
  }
  SECTION("mesh too large for the header") {
    check_error("build:\n  rows: 17\n", 2, "build.rows", "out of range");
  }
  SECTION("unsupported VC count") { check_error("build:\n  vcs: 3\n", 2, "build.vcs", "must be 2 or 4"); }
  SECTION("allocator iterations out of range") {
    check_error("build:\n  alloc_iters: 5\n", 2, "build.alloc_iters", "out of range");
  }
  SECTION("input speedup out of range") {
    check_error("build:\n  in_speedup: 3\n", 2, "build.in_speedup", "out of range");
  }
  SECTION("unknown VC policy") {
    check_error("build:\n  vc_policy: any\n", 2, "build.vc_policy", "unknown VC policy 'any'");
  }
  SECTION("bad flit width") {
    check_error("build:\n  flit_width: 100\n", 2, "build.flit_width", "multiple of 32");
  }
  SECTION("bad length") { check_error("run:\n  lengths: [1, 0]\n", 2, "run.lengths", "out of range"); }
  SECTION("length entry without length") {
    check_error("run:\n  lengths:\n    - {weight: 2}\n", 3, "run.lengths.length", "missing");
  }
  SECTION("transpose on a non-square mesh") {
    check_error("build: {rows: 2, cols: 4}\nrun:\n  pattern: transpose\n", 3, "run.pattern", "square");
  }
  SECTION("hotspot outside the mesh") {
    check_error("build: {rows: 2, cols: 2}\nrun:\n  hotspot:\n    nodes: [7]\n", 4, "run.hotspot.nodes",
                "outside");
  }
  SECTION("sweep rate outside [0, 1]") {
    check_error("sweep:\n  rates: [0.1, 2]\n", 2, "sweep.rates", "out of range");
  }
}

TEST_CASE("a mesh that is not compiled in is an error at the build key", "[noc][unit]") {
  const NocConfig c = load_noc_config_text("run: {rate: 0.1}\nbuild:\n  rows: 3\n  cols: 3\n", "t.yaml");
  CHECK_NOTHROW(check_compiled(c, {MeshShape{3, 3, 4, 6, 128}}));
  try {
    check_compiled(c, {MeshShape{}, MeshShape{2, 2, 2, 4, 128}});
    FAIL("no error");
  } catch (const nd::InputError& e) {
    CHECK(e.line() == 3);
    CHECK(e.key() == "build");
    CHECK_THAT(e.what(), Catch::Contains("3x3") && Catch::Contains("not compiled"));
  }
}
