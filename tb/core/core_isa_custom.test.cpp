// Custom instructions on the Verilated nd_core_system: sw/isa/custom.S issues MXU (custom-0) and DMA
// (custom-1) commands and waits on both units. The test plays the units: queues accept at random
// (seeded), the MXU stays busy for a while after each command, and the DMA model performs
// "write rs2 to address rs1" (funct3 = 1) through the SRAM backdoor some cycles after accepting it, so the
// program's checks pass only if the wait instructions really wait. The units raise busy_i in the cycle
// after they accept a command or, as docs/isa.md allows, one cycle later still; the test also requires
// that no wait instruction leaves execute while its unit still has work. Every command's payload is
// checked.
#include <catch2/catch.hpp>
#include <cstdint>
#include <deque>
#include <random>
#include <vector>

#include "Vcore_system.h"
#include "core_isa_common.hpp"
#include "core_system_dut.hpp"
#include "dut.hpp"
#include "hex.hpp"
#include "options.hpp"
#include "program_image.hpp"

using namespace nd::core;

namespace {

struct Cmd {
  uint32_t funct3, funct7, rs1, rs2;
  bool operator==(const Cmd& o) const {
    return funct3 == o.funct3 && funct7 == o.funct7 && rs1 == o.rs1 && rs2 == o.rs2;
  }
};

template <class W>
Cmd decode_cmd(const W& w) {
  // core_cmd_t: [73:67] funct7, [66:64] funct3, [63:32] rs1, [31:0] rs2.
  return Cmd{w[2] & 0x7u, (w[2] >> 3) & 0x7fu, w[1], w[0]};
}

// The wait instruction of a unit: custom-0 (MXU) or custom-1 (DMA) with funct3 = 7.
bool is_wait(uint32_t insn, uint32_t opcode) { return (insn & 0x707fu) == (0x7000u | opcode); }

}  // namespace

TEST_CASE("custom-0/custom-1 commands reach the MXU and DMA queues, and the waits wait", "[core][isa]") {
  const auto ready_percent = GENERATE(100, 50, 10);
  const auto busy_lag = GENERATE(0, 1);  // extra cycles before busy_i shows an accepted command
  const ProgramImage image = load_elf(isa::isa_elf("custom"));
  REQUIRE(image.tohost);
  const auto mailbox = image.symbol("mailbox");
  REQUIRE(mailbox);
  std::mt19937_64 rng(nd::test_seed() * 31u + static_cast<uint64_t>(ready_percent * 2 + busy_lag));
  auto chance = [&](int percent) { return static_cast<int>(rng() % 100) < percent; };

  nd::Dut<Vcore_system> dut(
      nd::test_waves("isa_custom_ready" + std::to_string(ready_percent) + "_lag" + std::to_string(busy_lag)));
  idle_inputs(dut, isa::kHartId);
  dut.reset(4);
  backdoor_load(dut, image.words());
  dut->fetch_en_i = 1;

  std::vector<Cmd> mxu, dma;
  struct Write {
    uint32_t addr, value;
    uint64_t due;
  };
  std::deque<Write> dma_pending;
  int mxu_busy_cycles = 0;
  bool mxu_busy_late = false, dma_busy_late = false;  // busy one cycle late (busy_lag = 1)
  int waits = 0;
  uint32_t tohost = 0;
  for (uint64_t n = 0; n < 100'000 && tohost == 0 && !dut->halted_o; ++n) {
    // Unit models drive their inputs for this cycle.
    const bool mxu_busy = mxu_busy_cycles > 0, dma_busy = !dma_pending.empty();
    dut->mxu_cmd_ready_i = chance(ready_percent);
    dut->dma_cmd_ready_i = chance(ready_percent);
    dut->mxu_busy_i = busy_lag ? mxu_busy_late : mxu_busy;
    dut->dma_busy_i = busy_lag ? dma_busy_late : dma_busy;
    mxu_busy_late = mxu_busy;
    dma_busy_late = dma_busy;
    dut->mem_we_i = 0;
    if (!dma_pending.empty() && dma_pending.front().due <= dut.cycle()) {
      dut->mem_we_i = 1;
      dut->mem_addr_i = dma_pending.front().addr;
      dut->mem_wdata_i = dma_pending.front().value;
      dma_pending.pop_front();
    }
    dut.eval();
    if (dut->mxu_cmd_valid_o && dut->mxu_cmd_ready_i) {
      mxu.push_back(decode_cmd(dut->mxu_cmd_o));
      mxu_busy_cycles = 12 + static_cast<int>(rng() % 8);
    } else if (mxu_busy_cycles > 0) {
      --mxu_busy_cycles;
    }
    if (dut->dma_cmd_valid_o && dut->dma_cmd_ready_i) {
      const Cmd c = decode_cmd(dut->dma_cmd_o);
      dma.push_back(c);
      if (c.funct3 == 1) dma_pending.push_back({c.rs1, c.rs2, dut.cycle() + 20 + rng() % 10});
    }
    if (dut->store_valid_o && (dut->store_addr_o & ~3u) == *image.tohost && (dut->store_data_o & 1u)) {
      tohost = dut->store_data_o;
    }
    dut.tick();
    // The instruction retiring now left execute in the cycle just simulated: a wait may only leave
    // execute once its unit has nothing outstanding.
    if (dut->retire_valid_o && is_wait(dut->retire_insn_o, 0x0b)) {
      ++waits;
      INFO("mxu.wait at pc " << nd::hex(dut->retire_pc_o) << " left execute while the MXU was busy");
      CHECK_FALSE(mxu_busy);
    }
    if (dut->retire_valid_o && is_wait(dut->retire_insn_o, 0x2b)) {
      ++waits;
      INFO("dma.wait at pc " << nd::hex(dut->retire_pc_o) << " left execute while the DMA was busy");
      CHECK_FALSE(dma_busy);
    }
  }
  INFO("ready " << ready_percent << "%: tohost " << tohost << " (check " << (tohost >> 1) << "), halted "
                << int(dut->halted_o) << " cause " << dut->trap_cause_o << " pc " << dut->trap_pc_o);
  REQUIRE(tohost == 1);
  CHECK(waits == 6);  // guard: every wait of custom.S was seen
  const std::vector<Cmd> want_mxu = {
      {0, 0, 0x100, 0x200}, {6, 127, 0xdeadbeef, 0x12345678}, {3, 0x55, 77, 0x5a5a5a5a}, {2, 1, 0, 0}};
  const std::vector<Cmd> want_dma = {{1, 0, mailbox->value, 0xcafef00d},
                                     {1, 3, mailbox->value, 0x11111111},
                                     {1, 4, mailbox->value + 4, 0x22222222}};
  CHECK(mxu == want_mxu);
  CHECK(dma == want_dma);
}
