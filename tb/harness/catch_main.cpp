// Catch2 main for every nanodojo test binary: adds the project's options to Catch's command line.
//   --seed N          seed for stimulus and Verilator's random initial state (printed at start)
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
#include <iostream>

#include "options.hpp"

namespace nd {
void rerun_for_waves(const std::string& test_name);  // waves_on_fail.cpp
}

namespace {
std::string running_test_name() { return Catch::getResultCapture().getCurrentTestName(); }

struct WavesOnFail : Catch::TestEventListenerBase {
  using TestEventListenerBase::TestEventListenerBase;
  void testCaseEnded(const Catch::TestCaseStats& stats) override {
    if (stats.totals.assertions.failed > 0) nd::rerun_for_waves(stats.testInfo.name);
  }
};
}  // namespace
CATCH_REGISTER_LISTENER(WavesOnFail)

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
