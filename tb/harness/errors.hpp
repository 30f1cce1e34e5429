// Error types shared by the testbench, the golden models' loaders and the simulator program.
//
// InputError: something the user gave us is wrong (config, ELF, vector file, flag). The simulator prints
//   "nanodojo: error: FILE:LINE: key 'KEY': message" and exits with status 2.
// SimError: the simulation itself went wrong (RTL assertion, watchdog, timeout). Tests fail on it; the
//   simulator prints it and exits with status 1. For an RTL assertion it carries the assertion's label and
//   location, so a test that expects one assertion fails when another fires (sim_matchers.hpp).
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>

namespace nd {

class InputError : public std::runtime_error {
 public:
  // line 0 = no line (e.g. a missing file); empty key = no key.
  InputError(const std::string& file, int line, const std::string& key, const std::string& message)
      : std::runtime_error(format(file, line, key, message)), file_(file), line_(line), key_(key) {}

  const std::string& file() const { return file_; }
  int line() const { return line_; }
  const std::string& key() const { return key_; }

 private:
  static std::string format(const std::string& file, int line, const std::string& key,
                            const std::string& message) {
    std::string s = file.empty() ? std::string("<input>") : file;
    if (line > 0) s += ":" + std::to_string(line);
    s += ": ";
    if (!key.empty()) s += "key '" + key + "': ";
    return s + message;
  }

  std::string file_;
  int line_;
  std::string key_;
};

class SimError : public std::runtime_error {
 public:
  // assertion: label of the RTL assertion that failed ("BufferOverflow_A"), empty when the error is not an
  // RTL assertion (watchdog, timeout, scoreboard); where: its "<file>.sv:<line>".
  SimError(uint64_t cycle, const std::string& message, const std::string& assertion = "",
           const std::string& where = "")
      : std::runtime_error("cycle " + std::to_string(cycle) + ": " + message),
        cycle_(cycle),
        assertion_(assertion),
        where_(where) {}
  uint64_t cycle() const { return cycle_; }
  const std::string& assertion() const { return assertion_; }
  const std::string& where() const { return where_; }

 private:
  uint64_t cycle_;
  std::string assertion_;
  std::string where_;
};

}  // namespace nd
