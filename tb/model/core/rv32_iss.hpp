// Rv32Iss: instruction-set simulator of the nanodojo core's ISA (docs/isa.md), the golden model of the
// core RTL. Plain C++17, no Verilator.
//
// It executes RV32IM + Zicsr in machine mode one instruction per step() on its own copy of the SRAM,
// with the same memory map, trap causes/mtval values, CSR behaviour and custom-instruction decoding as
// the RTL. Not modelled (so programs compared against it must not depend on them): cycle-accurate
// counters (mcycle, the performance counters and the MMIO cycle counter read 0) and MXU/DMA side
// effects (custom commands are recorded, waits complete at once).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace nd::core {

// One store as the core's store stream reports it: byte address of the access, 32-bit bus word with
// the data replicated in every lane, and the byte lanes written.
struct IssStore {
  uint32_t addr = 0;
  uint32_t data = 0;
  uint32_t be = 0;
  bool operator==(const IssStore& o) const { return addr == o.addr && be == o.be && masked() == o.masked(); }
  uint32_t masked() const {
    uint32_t m = 0;
    for (int b = 0; b < 4; ++b) m |= (be >> b & 1u) ? 0xffu << (8 * b) : 0u;
    return data & m;
  }
};

struct IssCommand {
  bool dma = false;  // false: MXU (custom-0), true: DMA (custom-1)
  uint32_t funct3 = 0, funct7 = 0, rs1 = 0, rs2 = 0;
};

// What one step did.
struct IssStep {
  uint32_t pc = 0;
  uint32_t insn = 0;  // 0 for a fetch fault
  bool trap = false;  // the instruction trapped (did not complete)
  uint32_t cause = 0;
  uint32_t tval = 0;
  bool halted = false;  // trap with mtvec == 0: the core stops
  std::optional<IssStore> store;
  std::optional<IssCommand> command;
};

class Rv32Iss {
 public:
  explicit Rv32Iss(uint32_t sram_bytes = 256 * 1024, uint32_t hart_id = 0);

  void write_bytes(uint32_t addr, const std::vector<uint8_t>& bytes);
  void write_word(uint32_t addr, uint32_t value);
  uint32_t read_word(uint32_t addr) const;

  // Executes one instruction (or takes one trap). Does nothing once halted.
  IssStep step();

  uint32_t pc() const { return pc_; }
  uint32_t reg(unsigned i) const { return i < 32 ? x_[i] : 0; }
  bool halted() const { return halted_; }
  uint64_t instret() const { return instret_; }
  const std::string& console() const { return console_; }

 private:
  bool csr_access(uint32_t addr, uint32_t op, uint32_t operand, bool write, uint32_t& old);
  void take_trap(IssStep& s, uint32_t cause, uint32_t tval);

  uint32_t sram_bytes_;
  uint32_t hart_id_;
  std::vector<uint8_t> mem_;
  uint32_t x_[32] = {};
  uint32_t pc_ = 0;
  bool halted_ = false;
  uint64_t instret_ = 0;
  std::string console_;
  // CSRs
  bool mie_ = false, mpie_ = false;
  uint32_t mtvec_ = 0, mscratch_ = 0, mepc_ = 0, mcause_ = 0, mtval_ = 0;
  uint32_t hpm_[5] = {};
};

}  // namespace nd::core
