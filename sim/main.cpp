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

void add_wave_options(CLI::App* sub, WaveOptions& waves) {
  sub->add_option("--waves", waves.path, "write waves to FILE (FST)");
  sub->add_option("--waves-from", waves.from, "first cycle written to the waves");
  sub->add_option("--waves-to", waves.to, "last cycle written to the waves");
  sub->add_option("--waves-depth", waves.depth, "hierarchy levels dumped (0 = all)")
      ->check(CLI::NonNegativeNumber);
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
      if (c.sub->parsed()) return c.run();
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
