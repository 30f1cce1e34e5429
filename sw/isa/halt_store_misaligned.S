// No trap handler (mtvec = 0): a misaligned store stops the core and does not write memory.
// Expected report: cause 6, pc = fault_pc, instruction sw x2, 2(x1), tval = flag + 2.
#include "isa_macros.h"
ISA_BEGIN
  la x1, flag
  li x2, -1
  .globl fault_pc
fault_pc: sw x2, 2(x1)
  j fail
ISA_END
  .data
  .globl flag
flag: .word 0, 0
