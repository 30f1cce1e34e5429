// --waves-on-fail N for test binaries: when a test case fails, run the same binary again on that test case
// alone, with the same seed, writing waves of the last N cycles before the failure. Tests are deterministic
// for a given seed (stimulus and Verilator's random initial state both come from it), so the re-run fails at
// the same cycle and the waves show it.
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "options.hpp"
#include "waves.hpp"

namespace nd {

// Catch2 test specs treat , [ ] * \ " specially; escape them so the name matches itself only.
static std::string escape_test_name(const std::string& name) {
  std::string out;
  for (char c : name) {
    if (c == ',' || c == '[' || c == ']' || c == '*' || c == '\\' || c == '"') out += '\\';
    out += c;
  }
  return out;
}

void rerun_for_waves(const std::string& test_name) {
  const TestOptions& o = test_options();
  if (o.waves_on_fail == 0 || o.waves_fail_cycle > 0 || o.program.empty()) return;
  const uint64_t last = last_cycle();
  const uint64_t from = last > o.waves_on_fail ? last - o.waves_on_fail : 0;
  const std::string dir = o.waves_dir.empty() ? std::string("waves-on-fail") : o.waves_dir;
  std::vector<std::string> args = {o.program,
                                   escape_test_name(test_name),
                                   "--seed",
                                   std::to_string(o.seed),
                                   "--waves",
                                   dir,
                                   "--waves-on-fail",
                                   std::to_string(o.waves_on_fail),
                                   "--waves-fail-cycle",
                                   std::to_string(last > 0 ? last : 1),
                                   "--waves-depth",
                                   std::to_string(o.waves_depth),
                                   "--waves-format",
                                   o.waves_format};
  if (!o.waves_scope.empty()) {
    args.push_back("--waves-scope");
    args.push_back(o.waves_scope);
  }
  std::cout << "waves-on-fail: re-running \"" << test_name << "\" (seed " << o.seed << ") for cycles " << from
            << ".." << last << " into " << dir << "/" << std::endl;
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  const pid_t pid = fork();
  if (pid < 0) {
    std::cerr << "waves-on-fail: cannot start the re-run\n";
    return;
  }
  if (pid == 0) {
    // The re-run's own report would repeat the failure already printed: keep only its errors.
    if (!freopen("/dev/null", "w", stdout)) _exit(127);
    execv(argv[0], argv.data());
    _exit(127);
  }
  const auto started = std::filesystem::file_time_type::clock::now();
  int status = 0;
  waitpid(pid, &status, 0);
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
    if (e.is_regular_file() && e.last_write_time() >= started - std::chrono::seconds(1)) {
      std::cout << "waves-on-fail: wrote " << e.path().string() << std::endl;
    }
  }
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
    std::cout << "waves-on-fail: the re-run passed (the failure depends on more than the seed?)" << std::endl;
  }
}

}  // namespace nd
