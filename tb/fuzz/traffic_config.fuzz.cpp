// Fuzz harness: a mesh traffic config (tb/noc/traffic_config.hpp), through nd::fuzz::traffic_config()
// (fuzz_targets.hpp).
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_check.hpp"
#include "fuzz_targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string file = "fuzz/input.yaml";
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  nd::fuzz::expect_value_or_input_error(file, [&] { nd::fuzz::traffic_config(bytes, file); });
  return 0;
}
