// `nanodojo core PROGRAM.elf`: runs a RISC-V program on one core (nd_core_system) and reports how it ended.
//
// The program's console output goes to stdout as it is written; the report (result, cycles, retired
// instructions, IPC, simulation speed) goes to stderr, and with --json FILE to a JSON file as well.
// Exit status (docs/software.md): 0 the program passed (tohost = 1); 1 the run did not end normally
// (unhandled trap, cycle limit, RTL assertion); 2 bad input (flags, unreadable or invalid ELF);
// 3..255 the program failed with code c (tohost = (c << 1) | 1): status = c + 2, 255 for c >= 253.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "command.hpp"
#include "core_runner.hpp"
#include "errors.hpp"
#include "hex.hpp"

namespace {

using nd::hex;

struct CoreOptions {
  std::string program;
  uint64_t max_cycles = 10'000'000;
  uint32_t hart_x = 0;
  uint32_t hart_y = 0;
  uint64_t seed = 1;
  std::string json;
  std::string region;
  nd::WaveOptions waves;
};

int exit_status(const nd::core::RunResult& r) {
  switch (r.status) {
    case nd::core::RunStatus::kPass:
      return 0;
    case nd::core::RunStatus::kFail:
      return r.code >= 253 ? 255 : static_cast<int>(r.code) + 2;
    default:
      return 1;
  }
}

int run_core(const CoreOptions& o) {
  const nd::core::ProgramImage image = nd::core::load_elf(o.program);
  nd::core::RunOptions ro;
  ro.max_cycles = o.max_cycles;
  ro.hart_x = o.hart_x;
  ro.hart_y = o.hart_y;
  ro.seed = o.seed;
  ro.waves = o.waves;
  ro.on_console = [](char c) {
    std::cout.put(c);
    if (c == '\n') std::cout.flush();
  };
  if (!o.region.empty()) {
    const auto sym = image.symbol(o.region);
    if (!sym)
      throw nd::InputError(o.program, 0, "--region", "no symbol named '" + o.region + "' in the program");
    if (sym->size == 0)
      throw nd::InputError(o.program, 0, "--region", "symbol '" + o.region + "' has size 0");
    ro.region = std::make_pair(sym->value, sym->value + sym->size);
  }
  std::unique_ptr<std::ofstream> json_out;
  if (!o.json.empty()) {
    json_out = std::make_unique<std::ofstream>(o.json);
    if (!*json_out) throw nd::InputError(o.json, 0, "--json", "cannot open the report file for writing");
  }

  nd::core::CoreRunner runner(ro);
  runner.load(image);
  const nd::core::RunResult r = runner.run();
  std::cout.flush();
  if (!r.console.empty() && r.console.back() != '\n') std::cout << std::endl;

  const int status = exit_status(r);
  std::fprintf(stderr, "nanodojo core: %s: %s\n", o.program.c_str(), r.describe().c_str());
  std::fprintf(stderr, "  cycles %llu, instructions retired %llu, IPC %.3f\n",
               static_cast<unsigned long long>(r.cycles), static_cast<unsigned long long>(r.instret),
               r.ipc());
  if (ro.region) {
    std::fprintf(stderr, "  region %s: cycles %llu, instructions retired %llu, IPC %.3f\n", o.region.c_str(),
                 static_cast<unsigned long long>(r.region_cycles),
                 static_cast<unsigned long long>(r.region_instret), r.region_ipc());
  }
  std::fprintf(stderr, "  simulated %.3f M cycles/s (%.3f s wall); exit status %d\n",
               r.cycles_per_second() / 1e6, r.wall_seconds, status);

  if (json_out) {
    nlohmann::json j;
    j["program"] = o.program;
    j["status"] = nd::core::status_name(r.status);
    j["result"] = r.describe();
    j["exit_status"] = status;
    j["code"] = r.code;
    j["tohost"] = r.tohost_value;
    j["cycles"] = r.cycles;
    j["instret"] = r.instret;
    j["ipc"] = r.ipc();
    j["console"] = r.console;
    j["last_pc"] = hex(r.last_pc);
    j["hart"] = {{"x", o.hart_x}, {"y", o.hart_y}};
    j["max_cycles"] = o.max_cycles;
    j["seed"] = o.seed;
    j["wall_seconds"] = r.wall_seconds;
    j["cycles_per_second"] = r.cycles_per_second();
    if (r.status == nd::core::RunStatus::kTrap) {
      j["trap"] = {{"cause", r.trap.cause},
                   {"cause_name", nd::core::trap_cause_name(r.trap.cause)},
                   {"pc", hex(r.trap.pc)},
                   {"insn", hex(r.trap.insn)},
                   {"tval", hex(r.trap.tval)}};
    }
    if (ro.region) {
      j["region"] = {{"symbol", o.region},
                     {"cycles", r.region_cycles},
                     {"instret", r.region_instret},
                     {"ipc", r.region_ipc()}};
    }
    *json_out << j.dump(2) << "\n";
    if (!*json_out) throw nd::InputError(o.json, 0, "--json", "cannot write the report file");
  }
  return status;
}

const bool registered = nd::register_command([](CLI::App& app) {
  auto o = std::make_shared<CoreOptions>();
  CLI::App* sub = app.add_subcommand("core", "run a RISC-V program (ELF) on one core and report the result");
  sub->add_option("program", o->program, "program to run (ELF32 RISC-V, linked with sw/link.ld)")->required();
  sub->add_option("--max-cycles", o->max_cycles, "stop after this many cycles (default 10000000)")
      ->check(CLI::PositiveNumber);
  sub->add_option("--hart-x", o->hart_x, "node x coordinate (mhartid[7:0])")->check(CLI::Range(0, 255));
  sub->add_option("--hart-y", o->hart_y, "node y coordinate (mhartid[15:8])")->check(CLI::Range(0, 255));
  nd::add_seed_option(sub, o->seed, "seed of the random initial state of the RTL (default 1)");
  sub->add_option("--json", o->json, "also write the report as JSON to FILE");
  sub->add_option("--region", o->region, "also measure the function SYMBOL on its own (cycles, IPC)");
  nd::add_wave_options(sub, o->waves);
  return nd::Command{sub, [o] { return run_core(*o); }};
});

}  // namespace
