// Catch2 main for every nanodojo test binary: adds the project's options to Catch's command line.
//   --seed N          seed for stimulus and Verilator's random initial state (printed at start and with
//                     every failure); without it, the environment variable ND_SEED (a number, or
//                     "random" for a new seed each run: `make test-random`), else 1
//   --waves DIR       write one FST per test case into DIR
//   --waves-from C    first cycle to dump      --waves-to C    last cycle to dump
//   --waves-depth D   dump only the top D levels of the hierarchy (0 = all)
//   --waves-scope S   dump only scope S (e.g. TOP.nd_noc_router.u_alloc; comma-separated list)
//   --waves-format F  fst (default) or vcd
//   --waves-on-fail N no waves while running; a failing test case is re-run (same seed) writing its last N
//                     cycles into the --waves directory (default waves-on-fail/). See docs/waves.md.
#define CATCH_CONFIG_RUNNER
#include <unistd.h>

#include <catch2/catch.hpp>
#include <climits>
#include <cstdlib>
#include <iostream>
#include <random>
#include <string>

#include "options.hpp"

namespace nd {
void rerun_for_waves(const std::string& test_name);  // waves_on_fail.cpp
}

namespace {
std::string running_test_name() { return Catch::getResultCapture().getCurrentTestName(); }

// A failing test case prints the seed that reproduces it, then (with --waves-on-fail) is re-run for waves.
struct OnFailure : Catch::TestEventListenerBase {
  using TestEventListenerBase::TestEventListenerBase;
  void testCaseEnded(const Catch::TestCaseStats& stats) override {
    if (stats.totals.assertions.failed == 0) return;
    std::cout << "nanodojo tests: '" << stats.testInfo.name << "' failed with seed " << nd::test_seed()
              << " (reproduce: --seed " << nd::test_seed() << ")" << std::endl;
    nd::rerun_for_waves(stats.testInfo.name);
  }
};

// The seed when --seed is not given: ND_SEED (a number, or "random"), else 1. Returns false on a bad value.
bool seed_from_environment(uint64_t& seed) {
  const char* env = std::getenv("ND_SEED");
  if (env == nullptr || *env == '\0') return true;
  const std::string v(env);
  if (v == "random") {
    std::random_device rd;
    seed = (static_cast<uint64_t>(rd()) << 32 | rd()) % 1000000000u + 1;
    return true;
  }
  if (v.find_first_not_of("0123456789") != std::string::npos || v.size() > 19) return false;
  seed = std::stoull(v);
  return true;
}

bool has_seed_flag(int argc, char* argv[]) {
  for (int i = 1; i < argc; ++i)
    if (std::string(argv[i]) == "--seed" || std::string(argv[i]).rfind("--seed=", 0) == 0) return true;
  return false;
}
}  // namespace
CATCH_REGISTER_LISTENER(OnFailure)

int main(int argc, char* argv[]) {
  Catch::Session session;
  nd::TestOptions& o = nd::test_options();
  using Catch::clara::Opt;
  auto cli =
      session.cli() | Opt(o.seed, "seed")["--seed"]("stimulus and random-initialization seed (default 1)") |
      Opt(o.waves_dir, "dir")["--waves"]("write one FST wave file per test case into dir") |
      Opt(o.waves_from, "cycle")["--waves-from"]("first cycle written to the waves") |
      Opt(o.waves_to, "cycle")["--waves-to"]("last cycle written to the waves") |
      Opt(o.waves_depth, "levels")["--waves-depth"]("hierarchy levels dumped (0 = all)") |
      Opt(o.waves_scope, "scope")["--waves-scope"]("dump only this scope (comma-separated list)") |
      Opt(o.waves_format, "fst|vcd")["--waves-format"]("wave file format (default fst)") |
      Opt(o.waves_on_fail, "cycles")["--waves-on-fail"]("re-run a failing test writing its last N cycles") |
      Opt(o.waves_fail_cycle, "cycle")["--waves-fail-cycle"]("(set by that re-run) cycle of the failure");
  session.cli(cli);
  if (!has_seed_flag(argc, argv) && !seed_from_environment(o.seed)) {
    std::cerr << "error: environment variable ND_SEED: '" << std::getenv("ND_SEED")
              << "' is not a non-negative number or 'random'\n";
    return 2;
  }
  for (int i = 1; i + 1 < argc; ++i)
    if (std::string(argv[i]) == "--seed" &&
        std::string(argv[i + 1]).find_first_not_of("0123456789") != std::string::npos) {
      std::cerr << "error: --seed: '" << argv[i + 1] << "' is not a non-negative number\n";
      return 2;
    }
  if (int rc = session.applyCommandLine(argc, argv); rc != 0) return 2;
  if (o.waves_format != "fst" && o.waves_format != "vcd") {
    std::cerr << "error: --waves-format: '" << o.waves_format << "' is not fst or vcd\n";
    return 2;
  }
  char self[PATH_MAX];
  const ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);
  if (n > 0) o.program.assign(self, static_cast<std::size_t>(n));
  nd::current_test_name() = running_test_name;
  const auto& cfg = session.configData();
  const bool listing = cfg.listTests || cfg.listTestNamesOnly || cfg.listTags || cfg.listReporters;
  if (!listing) std::cout << "nanodojo tests: seed " << o.seed << std::endl;
  return session.run();
}
