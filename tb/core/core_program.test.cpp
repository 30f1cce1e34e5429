// C programs on the Verilated nd_core_system through the program runner: each program's console output
// and exit code must equal those of the same C code built for the host (sw/host/ console shim). Also
// the runner's other outcomes: fail codes, the cycle limit, unhandled traps, node coordinates.
#include <catch2/catch.hpp>
#include <string>

#include "core_runner.hpp"
#include "errors.hpp"
#include "options.hpp"
#include "run_command.hpp"

using nd::core::RunOptions;
using nd::core::RunResult;
using nd::core::RunStatus;

namespace {

std::string elf_path(const std::string& name) { return std::string(ND_SW_OUT) + "/" + name + ".elf"; }

RunOptions options_for(const std::string& test_name) {
  RunOptions o;
  o.seed = nd::test_seed();
  o.waves = nd::test_waves(test_name);
  o.max_cycles = 5'000'000;
  return o;
}

// Runs the host build of a program; returns its stdout and exit status.
std::pair<std::string, int> run_host(const std::string& name) {
  const nd::CommandResult c = nd::run_command(std::string(ND_SW_OUT) + "/host/" + name);
  REQUIRE(c.status >= 0);
  return {c.out, c.status};
}

void check_against_host(const std::string& name) {
  const auto [host_out, host_status] = run_host(name);
  REQUIRE_FALSE(host_out.empty());
  const RunResult r = nd::core::run_program(elf_path(name), options_for("program_" + name));
  INFO(name << ": " << r.describe() << ", " << r.cycles << " cycles, " << r.instret << " instructions");
  CHECK(r.status == RunStatus::kPass);
  CHECK(static_cast<int>(r.code & 0xff) == host_status);
  CHECK(r.console == host_out);
  CHECK(r.instret > 0);
  CHECK(r.instret <= r.cycles);
}

}  // namespace

TEST_CASE("program hello: core console equals the host build", "[core][system]") {
  check_against_host("hello");
}
TEST_CASE("program sort: core console equals the host build", "[core][system]") {
  check_against_host("sort");
}
TEST_CASE("program crc32: core console equals the host build", "[core][system]") {
  check_against_host("crc32");
}
TEST_CASE("program matmul: core console equals the host build", "[core][system]") {
  check_against_host("matmul");
}
TEST_CASE("program divmath: core console equals the host build", "[core][system]") {
  check_against_host("divmath");
}
TEST_CASE("program intloop: core console equals the host build", "[core][system]") {
  check_against_host("intloop");
}

TEST_CASE("the runner loads every segment into SRAM through the backdoor", "[core][system]") {
  const auto image = nd::core::load_elf(elf_path("sort"));
  nd::core::CoreRunner runner(options_for("runner_load"));
  runner.load(image);
  int checked = 0;
  for (const auto& seg : image.segments) {
    for (size_t i = 0; i + 4 <= seg.data.size(); i += 4 * 7) {  // every 7th word
      const uint32_t expect = seg.data[i] | seg.data[i + 1] << 8 | seg.data[i + 2] << 16 |
                              static_cast<uint32_t>(seg.data[i + 3]) << 24;
      INFO("address " << seg.addr + i);
      CHECK(runner.read_word(seg.addr + static_cast<uint32_t>(i)) == expect);
      ++checked;
    }
  }
  CHECK(checked > 50);
}

TEST_CASE("a program's fail code is reported", "[core][system]") {
  const RunResult r = nd::core::run_program(elf_path("fail_code"), options_for("fail_code"));
  CHECK(r.status == RunStatus::kFail);
  CHECK(r.code == 5);
  CHECK(r.tohost_value == 11);
  CHECK(r.console == "failing with code 5\n");
  CHECK(r.describe() == "FAIL with code 5 (tohost = 0x0000000b)");
}

TEST_CASE("a program that never ends is stopped by the cycle limit", "[core][system]") {
  RunOptions o = options_for("cycle_limit");
  o.max_cycles = 20000;
  const auto image = nd::core::load_elf(elf_path("spin"));
  nd::core::CoreRunner runner(o);
  runner.load(image);
  const RunResult r = runner.run();
  CHECK(r.status == RunStatus::kCycleLimit);
  CHECK(r.cycles == 20000);
  CHECK(r.console == "spinning\n");
  const auto main_sym = image.symbol("main");
  REQUIRE(main_sym);
  CHECK(r.last_pc >= main_sym->value);  // stuck in main's loop
  CHECK(r.last_pc < main_sym->value + main_sym->size);
  CHECK_THAT(r.describe(),
             Catch::StartsWith("cycle limit of 20000 cycles reached without a store to tohost"));
}

TEST_CASE("an unhandled load access fault halts the core with pc, cause, instruction and mtval",
          "[core][system]") {
  const auto image = nd::core::load_elf(elf_path("trap_load"));
  nd::core::CoreRunner runner(options_for("trap_load"));
  runner.load(image);
  const RunResult r = runner.run();
  REQUIRE(r.status == RunStatus::kTrap);
  const auto at = image.symbol("trap_load_insn");
  REQUIRE(at);
  CHECK(r.trap.cause == 5);
  CHECK(r.trap.pc == at->value);
  CHECK(r.trap.insn == runner.read_word(at->value));
  CHECK((r.trap.insn & 0x7f) == 0x03);  // a load
  CHECK(r.trap.tval == 0x80000010);
  CHECK(r.console == "before the trap\n");
  CHECK_THAT(r.describe(), Catch::StartsWith("unhandled trap: load access fault (mcause 5) at pc"));
}

TEST_CASE("an unhandled illegal instruction halts the core", "[core][system]") {
  const auto image = nd::core::load_elf(elf_path("trap_illegal"));
  nd::core::CoreRunner runner(options_for("trap_illegal"));
  runner.load(image);
  const RunResult r = runner.run();
  REQUIRE(r.status == RunStatus::kTrap);
  CHECK(r.trap.cause == 2);
  CHECK(r.trap.pc == image.symbol("trap_illegal_insn")->value);
  CHECK(r.trap.insn == 0);
  CHECK(r.instret == 1);  // only the li before it retired
}

TEST_CASE("the program sees the node coordinates in mhartid and the node-id register", "[core][system]") {
  RunOptions o = options_for("hart_id");
  o.hart_x = 3;
  o.hart_y = 6;
  const RunResult r = nd::core::run_program(elf_path("hart_id"), o);
  CHECK(r.status == RunStatus::kPass);
  CHECK(r.console == "node x 3 y 6\n");
}

TEST_CASE("the runner measures a pc region on its own", "[core][system]") {
  const auto image = nd::core::load_elf(elf_path("intloop"));
  const auto k = image.symbol("intloop_kernel");
  REQUIRE(k);
  RunOptions o = options_for("region");
  o.region = std::make_pair(k->value, k->value + k->size);
  nd::core::CoreRunner runner(o);
  runner.load(image);
  const RunResult r = runner.run();
  REQUIRE(r.status == RunStatus::kPass);
  CHECK(r.region_instret > 4 * 1000 * 30);  // 4 calls x 1000 iterations x ~38 instructions
  CHECK(r.region_instret < r.instret);
  CHECK(r.region_cycles >= r.region_instret);
  CHECK(r.region_cycles < r.cycles);
}
