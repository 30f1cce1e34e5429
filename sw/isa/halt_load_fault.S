// No trap handler (mtvec = 0): a load outside the memory map stops the core.
// Expected report: cause 5, pc = fault_pc, instruction lw x2, 0x10(x1), tval 0x80000010.
#include "isa_macros.h"
ISA_BEGIN
  li x1, 0x80000000
  .globl fault_pc
fault_pc: lw x2, 0x10(x1)
  j fail
ISA_END
