// Fuzz harness: an ELF program (tb/core/program_image.hpp), through nd::fuzz::elf() (fuzz_targets.hpp).
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_check.hpp"
#include "fuzz_targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string file = "fuzz/input.elf";
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  nd::fuzz::expect_value_or_input_error(file, [&] { nd::fuzz::elf(bytes, file); });
  return 0;
}
