// Drivers shared by the core ISA tests: run a program image on the bare pipeline (`nd_core`, with a C++
// memory that withholds grants at random) or on `nd_core_system`, and collect what the program did: the
// retired instructions, every store, the tohost value, the halt report and the final memory.
#pragma once

#include <cstdint>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "Vcore.h"
#include "Vcore_system.h"
#include "core_system_dut.hpp"
#include "dut.hpp"
#include "program_image.hpp"
#include "rv32_iss.hpp"

namespace nd::core::isa {

constexpr uint32_t kSimSramBytes = 256 * 1024;

struct SimRun {
  std::vector<std::pair<uint32_t, uint32_t>> retired;  // (pc, instruction)
  std::vector<IssStore> stores;
  uint32_t tohost = 0;  // value of the store that ended the program (bit 0 set), 0 if none
  bool halted = false;
  uint32_t cause = 0, pc = 0, insn = 0, tval = 0;
  std::string console;
  uint64_t cycles = 0;
  std::vector<uint32_t> mem;  // final SRAM words (bare core: all; nd_core_system: the requested range)
};

// Bare pipeline; grants with probability grant_percent; garbage read data whenever none is due. The C++
// memory holds the image and zeros elsewhere.
inline SimRun run_bare_core(const ProgramImage& image, uint32_t hart_id, int grant_percent, uint64_t seed,
                            const std::string& waves, uint64_t max_cycles) {
  std::vector<uint32_t> mem(kSimSramBytes / 4, 0);
  for (const ImageWord& w : image.words()) mem.at(w.addr >> 2) = w.data;
  const uint32_t tohost_addr = image.tohost.value_or(0xffffffffu);
  std::mt19937_64 rng(seed);
  auto chance = [&](int percent) { return static_cast<int>(rng() % 100) < percent; };
  Dut<Vcore> dut(test_waves(waves));
  dut->hart_id_i = hart_id;
  dut->fetch_en_i = 0;
  dut->instr_gnt_i = 0;
  dut->data_gnt_i = 0;
  dut->mxu_cmd_ready_i = 1;
  dut->dma_cmd_ready_i = 1;
  dut->mxu_busy_i = 0;
  dut->dma_busy_i = 0;
  dut.reset(4);
  dut->fetch_en_i = 1;
  SimRun out;
  bool instr_due = false, data_due = false;
  uint32_t instr_word = 0, data_word = 0;
  // After the tohost store, a few more cycles without grants let the older instructions retire.
  int drain = 0;
  for (; out.cycles < max_cycles && drain < 4 && !dut->halted_o; ++out.cycles) {
    if (out.tohost != 0) ++drain;
    dut->instr_gnt_i = out.tohost == 0 && chance(grant_percent);
    dut->data_gnt_i = out.tohost == 0 && chance(grant_percent);
    dut->instr_rdata_i = instr_due ? instr_word : static_cast<uint32_t>(rng());
    dut->data_rdata_i = data_due ? data_word : static_cast<uint32_t>(rng());
    dut.eval();
    instr_due = dut->instr_req_o && dut->instr_gnt_i;
    if (instr_due) instr_word = mem.at((dut->instr_addr_o % kSimSramBytes) >> 2);
    data_due = false;
    if (dut->data_req_o && dut->data_gnt_i) {
      const uint32_t addr = dut->data_addr_o;
      const bool mmio = (addr & 0xfffff000u) == 0x40000000u;
      if (dut->data_we_o) {
        uint32_t lo = 0;
        while (lo < 3 && !(dut->data_be_o >> lo & 1u)) ++lo;
        out.stores.push_back({addr + lo, dut->data_wdata_o, dut->data_be_o});
        if (mmio) {
          if ((addr & 0xfffu) == 0 && (dut->data_be_o & 1u))
            out.console.push_back(char(dut->data_wdata_o & 0xffu));
        } else {
          uint32_t& w = mem.at(addr >> 2);
          for (int b = 0; b < 4; ++b) {
            if (dut->data_be_o >> b & 1u)
              w = (w & ~(0xffu << (8 * b))) | (dut->data_wdata_o & (0xffu << (8 * b)));
          }
          if (addr == tohost_addr && (dut->data_wdata_o & 1u)) out.tohost = dut->data_wdata_o;
        }
      } else {
        data_due = true;
        const uint32_t off = addr & 0xfffu;
        data_word = !mmio      ? mem.at(addr >> 2)
                    : off == 4 ? hart_id
                    : off == 8 ? static_cast<uint32_t>(dut.cycle())
                               : 0;
      }
    }
    dut.tick();
    if (dut->retire_valid_o) out.retired.emplace_back(dut->retire_pc_o, dut->retire_insn_o);
  }
  out.halted = dut->halted_o;
  out.cause = dut->trap_cause_o;
  out.pc = dut->trap_pc_o;
  out.insn = dut->trap_insn_o;
  out.tval = dut->trap_tval_o;
  out.mem = std::move(mem);
  return out;
}

// nd_core_system: loads the image through the backdoor, reads SRAM [lo, hi) back at the end.
inline SimRun run_core_system(const ProgramImage& image, uint32_t hart_id, const std::string& waves,
                              uint64_t max_cycles, uint32_t lo, uint32_t hi) {
  const uint32_t tohost_addr = image.tohost.value_or(0xffffffffu);
  Dut<Vcore_system> dut(test_waves(waves));
  idle_inputs(dut, hart_id);
  dut.reset(4);
  backdoor_load(dut, image.words());
  dut->fetch_en_i = 1;
  SimRun out;
  for (; out.cycles < max_cycles && out.tohost == 0 && !dut->halted_o; ++out.cycles) {
    dut.tick();
    if (dut->retire_valid_o) out.retired.emplace_back(dut->retire_pc_o, dut->retire_insn_o);
    if (dut->console_valid_o) out.console.push_back(static_cast<char>(dut->console_data_o));
    if (dut->store_valid_o) {
      out.stores.push_back({dut->store_addr_o, dut->store_data_o, dut->store_be_o});
      if ((dut->store_addr_o & ~3u) == tohost_addr && (dut->store_data_o & 1u))
        out.tohost = dut->store_data_o;
    }
  }
  dut->fetch_en_i = 0;
  for (int i = 0; i < 4; ++i) {
    dut.tick();
    if (dut->retire_valid_o) out.retired.emplace_back(dut->retire_pc_o, dut->retire_insn_o);
  }
  out.halted = dut->halted_o;
  out.cause = dut->trap_cause_o;
  out.pc = dut->trap_pc_o;
  out.insn = dut->trap_insn_o;
  out.tval = dut->trap_tval_o;
  for (uint32_t a = lo; a < hi; a += 4) {
    dut->mem_addr_i = a;
    dut.tick();
    out.mem.push_back(dut->mem_rdata_o);
  }
  return out;
}

}  // namespace nd::core::isa
