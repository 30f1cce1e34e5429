// Run options shared by tests and the simulator: the seed and what to dump as waves.
#pragma once

#include <cstdint>
#include <limits>
#include <string>

namespace nd {

// Which waves to write (see waves.hpp and docs/waves.md). Empty path = no waves; a path ending in .vcd is
// written as VCD, anything else as FST. Cycles in [from, to] are dumped; scope limits the hierarchy to one or
// more comma-separated scopes ("TOP.nd_noc_router.u_alloc"); depth 0 dumps everything below the scope (or the
// top), depth d only d levels. on_fail > 0: the simulator writes the last on_fail cycles of a failing run.
struct WaveOptions {
  std::string path;
  uint64_t from = 0;
  uint64_t to = std::numeric_limits<uint64_t>::max();
  int depth = 0;
  std::string scope;
  uint64_t on_fail = 0;
  // Set for the --waves-on-fail re-run: only the Dut's own cycles [fail_cycle - on_fail, fail_cycle] are
  // dumped, whatever from/to say (testbenches may shift from/to; the Dut's cycle count is what failed).
  uint64_t fail_cycle = 0;

  bool enabled() const { return !path.empty(); }
};

// Options of a test run (set by the Catch2 main from --seed, --waves DIR, --waves-from/-to/-depth).
struct TestOptions {
  uint64_t seed = 1;
  std::string waves_dir;
  uint64_t waves_from = 0;
  uint64_t waves_to = std::numeric_limits<uint64_t>::max();
  int waves_depth = 0;
  std::string waves_scope;
  std::string waves_format = "fst";  // fst or vcd
  uint64_t waves_on_fail = 0;  // --waves-on-fail N: no waves while running; a failing test is re-run for them
  uint64_t waves_fail_cycle = 0;  // set in that re-run: the Dut cycle the failure happened at
  std::string program;            // path of the running test binary (for that re-run)
};

TestOptions& test_options();

// The seed of this test run.
inline uint64_t test_seed() { return test_options().seed; }

// Waves for one test: <waves_dir>/<name>.fst when --waves DIR was given, else disabled. The name is
// sanitized into a file name; pass GENERATE values in it so runs do not overwrite each other.
WaveOptions test_waves(const std::string& name);

// Waves for a Dut built without explicit WaveOptions: inside a test binary run with --waves DIR, a file named
// after the running test case (a second Dut in the same test case gets "_2", and so on); otherwise none.
WaveOptions default_waves();

// Set by the test main: returns the name of the running test case.
std::string (*&current_test_name())();

// Turns any string into a portable file name stem.
std::string file_stem(const std::string& name);

}  // namespace nd
