// ISA test suite on the Verilated nd_core_system: every program under sw/isa/ runs through the program
// runner and must end with tohost = 1 (a failing check reports its number); programs without a trap
// handler must halt the core with the expected cause, pc, instruction and tval.
#include <catch2/catch.hpp>

#include "core_isa_common.hpp"
#include "core_runner.hpp"
#include "options.hpp"
#include "program_image.hpp"

using namespace nd::core;

namespace {

RunOptions isa_options(const std::string& name) {
  RunOptions o;
  o.hart_x = isa::kHartX;
  o.hart_y = isa::kHartY;
  o.seed = nd::test_seed();
  o.waves = nd::test_waves("isa_" + name);
  o.max_cycles = 200'000;
  return o;
}

}  // namespace

TEST_CASE("core ISA programs pass on nd_core_system", "[core][isa]") {
  const auto& prog = GENERATE(from_range(isa::pass_programs()));
  const std::string name = prog.name;
  const RunResult r = run_program(isa::isa_elf(name), isa_options(name));
  INFO("isa program " << name << ": " << r.describe() << " (tohost " << r.tohost_value << ", check number "
                      << r.code << "), " << r.cycles << " cycles, " << r.instret << " instructions");
  CHECK(r.status == RunStatus::kPass);
  CHECK(r.console == prog.console);
  CHECK(r.instret > 10);
  CHECK(r.instret <= r.cycles);
}

TEST_CASE("core halts with a trap report when no handler is installed", "[core][isa]") {
  const auto& prog = GENERATE(from_range(isa::halt_programs()));
  const std::string name = prog.name;
  const ProgramImage image = load_elf(isa::isa_elf(name));
  CoreRunner runner(isa_options(name));
  runner.load(image);
  const RunResult r = runner.run();
  INFO("isa program " << name << ": " << r.describe());
  REQUIRE(r.status == RunStatus::kTrap);
  uint32_t pc = prog.pc;
  if (!prog.fixed_pc) {
    const auto sym = image.symbol("fault_pc");
    REQUIRE(sym);
    pc = sym->value;
  }
  uint32_t tval = prog.tval;
  if (tval == isa::kTvalIsPc) tval = pc;
  if (tval == isa::kTvalFlagPlus2) {
    const auto flag = image.symbol("flag");
    REQUIRE(flag);
    tval = flag->value + 2;
  }
  CHECK(r.trap.cause == prog.cause);
  CHECK(r.trap.pc == pc);
  CHECK(r.trap.insn == prog.insn);
  CHECK(r.trap.tval == tval);
  // Precise: the store before the trapping instruction happened, nothing after it did.
  if (name == "halt_ecall") CHECK(runner.read_word(image.symbol("flag")->value) == 1);
  if (name == "halt_store_misaligned") {
    CHECK(runner.read_word(image.symbol("flag")->value) == 0);
    CHECK(runner.read_word(image.symbol("flag")->value + 4) == 0);
  }
}
