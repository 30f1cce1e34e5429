// No trap handler (mtvec = 0): an illegal instruction stops the core with a trap report.
// Expected report: cause 2, pc = fault_pc, instruction 0xffffffff, tval 0xffffffff.
#include "isa_macros.h"
ISA_BEGIN
  li x1, 1
  addi x1, x1, 1
  .globl fault_pc
fault_pc: .word 0xffffffff
  j fail
ISA_END
