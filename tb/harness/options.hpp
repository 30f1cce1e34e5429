// Run options shared by tests and the simulator: the seed and what to dump as waves.
#pragma once

#include <cstdint>
#include <limits>
#include <string>

namespace nd {

// Which waves to write. Empty path = no waves. Cycles in [from, to] are dumped; depth 0 dumps the whole
// hierarchy, depth d the top d levels of scopes.
struct WaveOptions {
  std::string path;
  uint64_t from = 0;
  uint64_t to = std::numeric_limits<uint64_t>::max();
  int depth = 0;

  bool enabled() const { return !path.empty(); }
};

// Options of a test run (set by the Catch2 main from --seed, --waves DIR, --waves-from/-to/-depth).
struct TestOptions {
  uint64_t seed = 1;
  std::string waves_dir;
  uint64_t waves_from = 0;
  uint64_t waves_to = std::numeric_limits<uint64_t>::max();
  int waves_depth = 0;
};

TestOptions& test_options();

// The seed of this test run.
inline uint64_t test_seed() { return test_options().seed; }

// Waves for one test: <waves_dir>/<name>.fst when --waves DIR was given, else disabled. The name is
// sanitized into a file name; pass GENERATE values in it so runs do not overwrite each other.
WaveOptions test_waves(const std::string& name);

// Turns any string into a portable file name stem.
std::string file_stem(const std::string& name);

}  // namespace nd
