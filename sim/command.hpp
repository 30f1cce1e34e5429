// Subcommands of the nanodojo program register themselves from their own source file (sim/cmd_*.cpp):
//
//   static const bool registered = nd::register_command([](CLI::App& app) {
//     auto opts = std::make_shared<MyOptions>();
//     CLI::App* sub = app.add_subcommand("name", "what it does");
//     sub->add_option("--flag", opts->flag, "...");
//     return nd::Command{sub, [opts] { return run_my_command(*opts); }};
//   });
//
// run() returns the process exit status. Throw nd::InputError for bad input (exit 2) and nd::SimError
// for a failed simulation (exit 1); main() prints them.
#pragma once

#include <CLI/CLI.hpp>
#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

#include "options.hpp"

namespace nd {

struct Command {
  CLI::App* sub;
  std::function<int()> run;
};

using CommandSetup = std::function<Command(CLI::App&)>;

bool register_command(CommandSetup setup);
std::vector<CommandSetup>& command_setups();

// Adds --waves FILE, --waves-from, --waves-to, --waves-depth, --waves-scope and --waves-on-fail N to a
// subcommand (see docs/waves.md); main() handles --waves-on-fail for every command that uses these.
void add_wave_options(CLI::App* sub, WaveOptions& waves);

// The --seed option of every subcommand: a non-negative integer up to max. CLI11 alone converts with
// strtoull, which turns "-1" into 2^64 - 1 and clamps values past 2^64 - 1; this check refuses both, so
// main() exits with status 2 and the message "--seed: ...".
inline CLI::Validator seed_validator(uint64_t max = UINT64_MAX) {
  return CLI::Validator(
      [max](std::string& text) -> std::string {
        const auto first = text.find_first_not_of(" \t");
        if (first != std::string::npos && text[first] == '-')
          return "a seed is not negative, got '" + text + "' (seeds are 0 to " + std::to_string(max) + ")";
        errno = 0;
        char* end = nullptr;
        const unsigned long long v = std::strtoull(text.c_str(), &end, 0);
        if (end != text.c_str() && (errno == ERANGE || v > max))
          return "seed '" + text + "' is too large (seeds are 0 to " + std::to_string(max) + ")";
        return std::string();  // anything else is left to CLI11's conversion
      },
      "SEED", "seed");
}

inline CLI::Option* add_seed_option(CLI::App* sub, uint64_t& seed, const std::string& help,
                                    uint64_t max = UINT64_MAX) {
  return sub->add_option("--seed", seed, help)->check(seed_validator(max));
}

}  // namespace nd
