// Fuzz harness: an FP vector file (tb/fp/fp_vectors.hpp); the first byte picks the operation, through
// nd::fuzz::fp_vectors() (fuzz_targets.hpp).
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_check.hpp"
#include "fuzz_targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string file = "fuzz/input.tv";
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  nd::fuzz::expect_value_or_input_error(file, [&] { nd::fuzz::fp_vectors(bytes, file); });
  return 0;
}
