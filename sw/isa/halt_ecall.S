// No trap handler (mtvec = 0): ecall stops the core. Expected report: cause 11, pc = fault_pc,
// instruction 0x00000073, tval 0. The store right before it is performed, the one after it is not.
#include "isa_macros.h"
ISA_BEGIN
  la x1, flag
  li x2, 1
  sw x2, 0(x1)
  .globl fault_pc
fault_pc: ecall
  sw x0, 0(x1)
  j fail
ISA_END
  .data
  .globl flag
flag: .word 0
