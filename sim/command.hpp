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
#include <functional>
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

}  // namespace nd
