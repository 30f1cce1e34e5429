// custom-0 (MXU) and custom-1 (DMA) command issue and the wait/fence instructions.
//
// The testbench records every command and checks the sequence; its DMA model treats funct3 = 1 as
// "write rs2 to address rs1" and performs it a few dozen cycles after accepting the command, so only a
// dma.wait makes the value visible to the following load.
#include "isa_macros.h"
#define MXU(f3, f7, a, b) .insn r CUSTOM_0, f3, f7, x0, a, b
#define DMA(f3, f7, a, b) .insn r CUSTOM_1, f3, f7, x0, a, b
ISA_BEGIN
  // MXU commands: operands from registers, forwarded results and a load right before.
  li x1, 0x100
  li x2, 0x200
  MXU(0, 0, x1, x2)
  li x1, 0xdeadbeef
  li x2, 0x12345678
  MXU(6, 127, x1, x2)
  la x5, val
  lw x2, 0(x5)
  addi x1, x0, 77
  MXU(3, 0x55, x1, x2)
  // rd of a custom instruction is not written. The first wait leaves the MXU idle, so the second one,
  // right behind a command, sees a unit that has not raised busy yet.
  .insn r CUSTOM_0, 7, 0, x0, x0, x0     // mxu.wait
  li x14, 0x99
  .insn r CUSTOM_0, 2, 1, x14, x0, x0
  .insn r CUSTOM_0, 7, 0, x0, x0, x0     // mxu.wait right behind the command
  CHECK(1, x14, 0x99)
  // DMA: write a word behind the core's back, then wait and read it.
  la x1, mailbox
  sw x0, 0(x1)
  li x2, 0xcafef00d
  DMA(1, 0, x1, x2)
  .insn r CUSTOM_1, 7, 0, x0, x0, x0     // dma.wait
  lw x14, 0(x1)
  CHECK(2, x14, 0xcafef00d)
  // Two back-to-back DMA commands, the wait covers both.
  li x2, 0x11111111
  DMA(1, 3, x1, x2)
  addi x5, x1, 4
  li x6, 0x22222222
  DMA(1, 4, x5, x6)
  .insn r CUSTOM_1, 7, 0, x0, x0, x0
  lw x14, 0(x1)
  CHECK(3, x14, 0x11111111)
  lw x14, 4(x1)
  CHECK(4, x14, 0x22222222)
  // A wait with nothing outstanding completes at once.
  .insn r CUSTOM_0, 7, 0, x0, x0, x0
  .insn r CUSTOM_1, 7, 0, x0, x0, x0
ISA_END
  .data
  .align 4
val:     .word 0x5a5a5a5a
mailbox: .word 0, 0
