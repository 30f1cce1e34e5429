// nanodojo: the simulator program. Each subcommand lives in sim/cmd_<name>.cpp.
// Exit status: 0 success, 1 simulation failure, 2 bad input (flags, files, configs).
#include <iostream>

#include "command.hpp"
#include "errors.hpp"

namespace nd {

std::vector<CommandSetup>& command_setups() {
  static std::vector<CommandSetup> setups;
  return setups;
}

bool register_command(CommandSetup setup) {
  command_setups().push_back(std::move(setup));
  return true;
}

// The wave options of each subcommand, for --waves-on-fail (main re-runs a failed command with them changed).
static std::vector<std::pair<CLI::App*, WaveOptions*>>& wave_option_table() {
  static std::vector<std::pair<CLI::App*, WaveOptions*>> table;
  return table;
}

void add_wave_options(CLI::App* sub, WaveOptions& waves) {
  sub->add_option("--waves", waves.path, "write waves to FILE (FST; VCD when FILE ends in .vcd)");
  sub->add_option("--waves-from", waves.from, "first cycle written to the waves");
  sub->add_option("--waves-to", waves.to, "last cycle written to the waves");
  sub->add_option("--waves-depth", waves.depth, "hierarchy levels dumped (0 = all)")
      ->check(CLI::NonNegativeNumber);
  sub->add_option("--waves-scope", waves.scope,
                  "dump only this scope, e.g. TOP.noc_router (comma-separated)");
  sub->add_option("--waves-on-fail", waves.on_fail,
                  "on a failure, re-run with the same seed and write its last N cycles (to --waves FILE, "
                  "default <command>-fail.fst)");
  wave_option_table().emplace_back(sub, &waves);
}

static WaveOptions* wave_options_of(CLI::App* sub) {
  for (auto& [s, w] : wave_option_table()) {
    if (s == sub) return w;
  }
  return nullptr;
}

// --waves-on-fail: the first run writes no waves; a SimError at cycle C re-runs the command (runs are
// deterministic for a seed) dumping cycles [C - N, C] into the wave file.
static int run_with_waves_on_fail(const Command& c) {
  WaveOptions* w = wave_options_of(c.sub);
  if (!w || w->on_fail == 0) return c.run();
  const std::string path = w->path.empty() ? c.sub->get_name() + "-fail.fst" : w->path;
  w->path.clear();
  try {
    return c.run();
  } catch (const SimError& e) {
    w->path = path;
    w->to = e.cycle();
    w->from = e.cycle() > w->on_fail ? e.cycle() - w->on_fail : 0;
    std::cerr << "nanodojo: cycle " << e.cycle() << " failed; re-running with the same seed to write cycles "
              << w->from << ".." << w->to << " to " << path << "\n";
    try {
      c.run();
      std::cerr << "nanodojo: the re-run did not fail; " << path << " holds its cycles " << w->from << ".."
                << w->to << "\n";
    } catch (const SimError&) {
      std::cerr << "nanodojo: waves of the failure: " << path << "\n";
    }
    throw;
  }
}

}  // namespace nd

int main(int argc, char** argv) {
  CLI::App app{"nanodojo: simulate a reduced Dojo-D1-style node and its 2D mesh"};
  app.require_subcommand(1);
  std::vector<nd::Command> commands;
  for (const auto& setup : nd::command_setups()) commands.push_back(setup(app));

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int rc = app.exit(e);
    return rc == 0 ? 0 : 2;
  }
  try {
    for (const auto& c : commands) {
      if (c.sub->parsed()) return run_with_waves_on_fail(c);
    }
  } catch (const nd::InputError& e) {
    std::cerr << "nanodojo: error: " << e.what() << "\n";
    return 2;
  } catch (const nd::SimError& e) {
    std::cerr << "nanodojo: simulation failed: " << e.what() << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "nanodojo: internal error: " << e.what() << "\n";
    return 1;
  }
  return 2;
}
