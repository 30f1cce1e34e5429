// nanodojo: the simulator program. Each subcommand lives in sim/cmd_<name>.cpp.
// Exit status: 0 success, 1 simulation failure, 2 bad input (flags, files, configs).
#include <iostream>

#include "command.hpp"
#include "errors.hpp"
#include "waves.hpp"

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
                  "dump only this scope, e.g. TOP.nd_noc_router (comma-separated)");
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

// --waves-on-fail N: the first run writes no waves. When it fails (nd::SimError, or exit status 1 such as a
// watchdog or a failed check), the command runs again with the same seed (runs are deterministic for a seed)
// dumping the Dut's last N cycles before the failure into --waves FILE (default <command>-fail.fst).
static void rerun_for_waves(const Command& c, WaveOptions& w, const std::string& path,
                            const std::string& what) {
  const uint64_t cycle = last_cycle() > 0 ? last_cycle() : 1;  // the Dut's own cycle count
  w.path = path;
  w.fail_cycle = cycle;
  w.to = cycle;
  w.from = cycle > w.on_fail ? cycle - w.on_fail : 0;
  std::cerr << "nanodojo: " << what << "; re-running with the same seed to write cycles " << w.from << ".."
            << w.to << " to " << path << std::endl;
  int rc = 1;
  try {
    rc = c.run();
  } catch (const SimError&) {
    rc = 1;
  }
  if (rc != 0) {
    std::cerr << "nanodojo: waves of the failure: " << path << "\n";
  } else {
    std::cerr << "nanodojo: the re-run did not fail; " << path << " holds the same cycles of the re-run\n";
  }
}

static int run_with_waves_on_fail(const Command& c) {
  WaveOptions* w = wave_options_of(c.sub);
  if (!w || w->on_fail == 0) return c.run();
  const std::string path = w->path.empty() ? c.sub->get_name() + "-fail.fst" : w->path;
  w->path.clear();
  int rc = 0;
  try {
    rc = c.run();
  } catch (const SimError& e) {
    rerun_for_waves(c, *w, path, "cycle " + std::to_string(e.cycle()) + " failed");
    throw;
  }
  if (rc == 1) rerun_for_waves(c, *w, path, "the run failed (exit status 1)");
  return rc;
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
