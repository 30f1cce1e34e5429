// Memory-mapped registers: console output, node id, cycle counter, unmapped offsets.
// The testbench expects the console text "nanodojo\n" and hart id 0x0201.
#include "isa_macros.h"
ISA_BEGIN
  li x1, 0x40000000
  la x2, text
1: lbu x5, 0(x2)
  beqz x5, 2f
  sb x5, 0(x1)
  addi x2, x2, 1
  j 1b
2:
  lw x14, 4(x1)
  CHECK(1, x14, 0x0201)
  csrr x5, mhartid
  CHECK(2, x5, 0x0201)
  lw x5, 8(x1)
  lw x6, 8(x1)
  sub x14, x6, x5
  CHECK(3, x14, 1)               // back-to-back reads one cycle apart
  lw x14, 12(x1)
  CHECK(4, x14, 0)
  lw x14, 0x100(x1)              // unmapped offset inside the window reads zero
  CHECK(5, x14, 0)
  sw x5, 4(x1)                   // read-only register: the write is ignored
  lw x14, 4(x1)
  CHECK(6, x14, 0x0201)
  lh x14, 4(x1)                  // narrow loads pick their lanes as from SRAM
  CHECK(7, x14, 0x0201)
  lbu x14, 5(x1)
  CHECK(8, x14, 0x02)
ISA_END
  .data
text: .asciz "nanodojo\n"
