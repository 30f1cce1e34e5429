// Catch2 main for every nanodojo test binary: adds the project's options to Catch's command line.
//   --seed N          seed for stimulus and Verilator's random initial state (printed at start)
//   --waves DIR       write one FST per test case into DIR
//   --waves-from C    first cycle to dump      --waves-to C    last cycle to dump
//   --waves-depth D   dump only the top D levels of the hierarchy (0 = all)
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>
#include <iostream>

#include "options.hpp"

int main(int argc, char* argv[]) {
  Catch::Session session;
  nd::TestOptions& o = nd::test_options();
  using Catch::clara::Opt;
  auto cli = session.cli() |
             Opt(o.seed, "seed")["--seed"]("stimulus and random-initialization seed (default 1)") |
             Opt(o.waves_dir, "dir")["--waves"]("write one FST wave file per test case into dir") |
             Opt(o.waves_from, "cycle")["--waves-from"]("first cycle written to the waves") |
             Opt(o.waves_to, "cycle")["--waves-to"]("last cycle written to the waves") |
             Opt(o.waves_depth, "levels")["--waves-depth"]("hierarchy levels dumped (0 = all)");
  session.cli(cli);
  if (int rc = session.applyCommandLine(argc, argv); rc != 0) return 2;
  const auto& cfg = session.configData();
  const bool listing = cfg.listTests || cfg.listTestNamesOnly || cfg.listTags || cfg.listReporters;
  if (!listing) std::cout << "nanodojo tests: seed " << o.seed << std::endl;
  return session.run();
}
