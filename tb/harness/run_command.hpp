// run_command(): runs a shell command for the end-to-end tests and returns what it printed and its exit
// status. Add " 2>&1" to the command to capture stderr as well.
#pragma once

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <stdexcept>
#include <string>

namespace nd {

struct CommandResult {
  std::string out;  // everything the command wrote to stdout
  int status;       // exit status; -1 when it did not exit normally (killed by a signal)
};

inline CommandResult run_command(const std::string& cmd) {
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) throw std::runtime_error("cannot run: " + cmd);
  std::string out;
  std::array<char, 4096> buf{};
  while (const size_t n = std::fread(buf.data(), 1, buf.size(), p)) out.append(buf.data(), n);
  const int st = pclose(p);
  return {out, WIFEXITED(st) ? WEXITSTATUS(st) : -1};
}

}  // namespace nd
