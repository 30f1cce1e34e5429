// The contract every fuzz harness checks on a loader of user files: for any input it either returns a value
// or throws nd::InputError naming the file it was given. Any other exception escapes the harness and
// libFuzzer reports it as a crash (as it does for a signal, a hang, or an AddressSanitizer /
// UndefinedBehaviorSanitizer report).
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>

#include "errors.hpp"

namespace nd::fuzz {

// Runs `load`; an nd::InputError must name `file` and carry a message.
template <class F>
void expect_value_or_input_error(const std::string& file, F&& load) {
  try {
    load();
  } catch (const InputError& e) {
    if (e.file() != file || std::string(e.what()).empty()) {
      std::fprintf(stderr, "fuzz: InputError names '%s' instead of '%s': %s\n", e.file().c_str(),
                   file.c_str(), e.what());
      std::abort();
    }
  }
}

}  // namespace nd::fuzz
