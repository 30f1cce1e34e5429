// ISA programs on the bare pipeline (rtl/core/nd_core.sv) with a C++ memory that withholds instruction
// and data grants at random (seeded) and drives garbage on the read-data inputs whenever no read data
// is due. Results must not depend on the memory timing: every program passes or halts exactly as on
// nd_core_system. This covers the grant/stall paths a banked node SRAM will exercise.
#include <catch2/catch.hpp>
#include <string>

#include "core_isa_common.hpp"
#include "core_isa_sims.hpp"
#include "options.hpp"
#include "program_image.hpp"

using namespace nd::core;

TEST_CASE("core ISA programs pass with random instruction and data grant stalls", "[core][isa]") {
  const auto grant = GENERATE(70, 30);
  const uint64_t seed = nd::test_seed() * 1000003u + static_cast<uint64_t>(grant);
  for (const auto& prog : isa::pass_programs()) {
    const std::string name = prog.name;
    // csr.S and mmio.S check exact cycle and stall counts, which assume nd_core_system's memory timing.
    if (name == "mmio" || name == "csr") continue;
    const ProgramImage image = load_elf(isa::isa_elf(name));
    const auto o = isa::run_bare_core(image, isa::kHartId, grant, seed,
                                      "isa_stall_" + name + "_" + std::to_string(grant), 400'000);
    INFO("isa program " << name << " with " << grant << "% grants: tohost " << o.tohost << " (check "
                        << (o.tohost >> 1) << "), halted " << o.halted << " cause " << o.cause << " pc "
                        << o.pc << ", " << o.cycles << " cycles");
    CHECK(o.tohost == 1);
    CHECK_FALSE(o.halted);
  }
  for (const auto& prog : isa::halt_programs()) {
    const ProgramImage image = load_elf(isa::isa_elf(prog.name));
    const auto o =
        isa::run_bare_core(image, isa::kHartId, grant, seed,
                           std::string("isa_stall_") + prog.name + "_" + std::to_string(grant), 400'000);
    INFO("isa program " << prog.name << " with " << grant << "% grants");
    CHECK(o.halted);
    CHECK(o.tohost == 0);
    CHECK(o.cause == prog.cause);
    CHECK(o.insn == prog.insn);
  }
}
