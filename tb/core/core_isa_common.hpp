// Shared definitions of the core ISA tests (core_isa*.test.cpp): the ISA programs under sw/isa/, what
// each one must produce, and where their ELF files are built.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace nd::core::isa {

// Hart id the ISA programs expect (node x = 1, y = 2); csr.S and mmio.S check it.
constexpr uint32_t kHartX = 1;
constexpr uint32_t kHartY = 2;
constexpr uint32_t kHartId = kHartX | kHartY << 8;

// Programs that end with tohost = 1 when every check passed, and the console text they print.
struct PassProgram {
  const char* name;
  const char* console;
};
inline const std::vector<PassProgram>& pass_programs() {
  static const std::vector<PassProgram> kList = {
      {"alu", ""},     {"branch", ""}, {"jump", ""}, {"loadstore", ""},      {"muldiv", ""},
      {"hazards", ""}, {"csr", ""},    {"trap", ""}, {"mmio", "nanodojo\n"}, {"fence", ""},
      {"instret", ""},
  };
  return kList;
}

// Programs without a trap handler: the core must halt with this report. pc is the address of the
// program's `fault_pc` symbol unless fixed_pc is set; tval == kTvalIsPc means tval equals that pc,
// kTvalFlagPlus2 means the address of `flag` + 2.
constexpr uint32_t kTvalIsPc = 0xffff0001u;
constexpr uint32_t kTvalFlagPlus2 = 0xffff0002u;
struct HaltProgram {
  const char* name;
  uint32_t cause;
  uint32_t insn;
  uint32_t tval;
  bool fixed_pc;
  uint32_t pc;
};
inline const std::vector<HaltProgram>& halt_programs() {
  static const std::vector<HaltProgram> kList = {
      {"halt_illegal", 2, 0xffffffffu, 0xffffffffu, false, 0},
      {"halt_ecall", 11, 0x00000073u, 0, false, 0},
      {"halt_load_fault", 5, 0x0100a103u, 0x80000010u, false, 0},           // lw x2, 0x10(x1)
      {"halt_store_misaligned", 6, 0x0020a123u, kTvalFlagPlus2, false, 0},  // sw x2, 2(x1)
      {"halt_fetch_fault", 1, 0x00000000u, kTvalIsPc, true, 0x00040000u},
  };
  return kList;
}

inline std::string isa_elf(const std::string& name) {
  return std::string(ND_SW_OUT) + "/isa_" + name + ".elf";
}

}  // namespace nd::core::isa
