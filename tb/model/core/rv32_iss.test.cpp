// Self-tests of the instruction-set simulator (golden model of the core): it must pass the ISA test
// programs that do not depend on cycle timing, and stop on the no-handler traps with the documented
// reports.
#include <catch2/catch.hpp>
#include <string>

#include "program_image.hpp"
#include "rv32_iss.hpp"

using namespace nd::core;

namespace {

struct IssRun {
  uint32_t tohost = 0;
  IssStep last;
  uint64_t steps = 0;
};

IssRun run_iss(Rv32Iss& iss, const ProgramImage& image, uint64_t max_steps = 200'000) {
  for (const ImageWord& w : image.words()) iss.write_word(w.addr, w.data);
  IssRun r;
  while (r.steps < max_steps && !iss.halted()) {
    r.last = iss.step();
    ++r.steps;
    if (r.last.store && image.tohost && (r.last.store->addr & ~3u) == *image.tohost &&
        (r.last.store->data & 1u)) {
      r.tohost = r.last.store->data;
      break;
    }
  }
  return r;
}

std::string isa_elf(const std::string& name) { return std::string(ND_SW_OUT) + "/isa_" + name + ".elf"; }

}  // namespace

TEST_CASE("ISS passes the timing-independent ISA programs", "[core][model]") {
  const std::string name =
      GENERATE("alu", "branch", "jump", "loadstore", "muldiv", "hazards", "trap", "fence", "instret");
  const ProgramImage image = load_elf(isa_elf(name));
  Rv32Iss iss(256 * 1024, 0x0201);
  const IssRun r = run_iss(iss, image);
  INFO("isa program " << name << ": tohost " << r.tohost << " (check " << (r.tohost >> 1) << ") after "
                      << r.steps << " steps, pc " << iss.pc());
  CHECK(r.tohost == 1);
}

TEST_CASE("ISS halts on traps without a handler", "[core][model]") {
  struct Want {
    const char* name;
    uint32_t cause;
  };
  const auto want = GENERATE(Want{"halt_illegal", 2}, Want{"halt_ecall", 11}, Want{"halt_load_fault", 5},
                             Want{"halt_store_misaligned", 6}, Want{"halt_fetch_fault", 1});
  const ProgramImage image = load_elf(isa_elf(want.name));
  Rv32Iss iss;
  const IssRun r = run_iss(iss, image);
  INFO(want.name);
  CHECK(iss.halted());
  CHECK(r.last.trap);
  CHECK(r.last.cause == want.cause);
  CHECK(r.tohost == 0);
}

TEST_CASE("ISS division corner cases follow the M extension", "[core][model]") {
  // div/rem x3 = x1 op x2 for each pair; then sw x3 to 0x100. Encoded by hand.
  struct Case {
    uint32_t f3, a, b, want;
  };
  const auto c =
      GENERATE(Case{4, 0x80000000u, 0xffffffffu, 0x80000000u}, Case{6, 0x80000000u, 0xffffffffu, 0},
               Case{4, 5, 0, 0xffffffffu}, Case{5, 5, 0, 0xffffffffu}, Case{6, 5, 0, 5}, Case{7, 5, 0, 5},
               Case{4, static_cast<uint32_t>(-7), 2, static_cast<uint32_t>(-3)},
               Case{6, static_cast<uint32_t>(-7), 2, static_cast<uint32_t>(-1)});
  const uint32_t op = 0x02000033u | (c.f3 << 12) | (3u << 7) | (1u << 15) | (2u << 20);  // op x3, x1, x2
  // lw x1 / lw x2 load the operands, then the operation, then sw x3, 0x100(x0).
  Rv32Iss run(4096);
  run.write_word(0, 0x20002083u);  // lw x1, 0x200(x0)
  run.write_word(4, 0x20402103u);  // lw x2, 0x204(x0)
  run.write_word(8, op);
  run.write_word(12, 0x10302023u);
  run.write_word(0x200, c.a);
  run.write_word(0x204, c.b);
  for (int i = 0; i < 4; ++i) CHECK_FALSE(run.step().trap);
  CHECK(run.read_word(0x100) == c.want);
}
