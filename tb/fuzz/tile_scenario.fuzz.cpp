// Fuzz harness: a tile scenario (tb/tile/tile_scenario.hpp) with its GEMM plans, through
// nd::fuzz::tile_scenario() (fuzz_targets.hpp).
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_check.hpp"
#include "fuzz_targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string file = "fuzz/input.yaml";
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  nd::fuzz::expect_value_or_input_error(file, [&] { nd::fuzz::tile_scenario(bytes, file); });
  return 0;
}
