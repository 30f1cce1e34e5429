// Pipeline hazards: forwarding at every distance, load-use stalls, chains, x0 never forwarded.
#include "isa_macros.h"
ISA_BEGIN
  // Sources produced 0, 1, 2 instructions before their use.
  TEST_RR_BYPASS(1, 0, add, 24, 13, 11)
  TEST_RR_BYPASS(2, 1, add, 24, 13, 11)
  TEST_RR_BYPASS(3, 2, add, 24, 13, 11)
  TEST_RR_BYPASS(4, 0, sub, 2, 13, 11)
  TEST_RR_BYPASS(5, 0, sll, 0x80000000, 1, 31)
  TEST_RR_BYPASS(6, 1, mul, 143, 13, 11)
  TEST_RR_BYPASS(7, 0, divu, 3, 35, 11)
  // Long dependency chain (each instruction uses the previous result on both sources).
  li x14, 1
  add x14, x14, x14
  add x14, x14, x14
  add x14, x14, x14
  add x14, x14, x14
  add x14, x14, x14
  CHECK(10, x14, 32)
  // The same register written twice in a row: the younger value wins.
  li x14, 1
  li x14, 2
  addi x15, x14, 0
  CHECK(11, x15, 2)
  // Two producers in flight, consumer reads both.
  li x1, 3
  li x2, 4
  add x14, x1, x2
  CHECK(12, x14, 7)
  // Load-use at distance 0, 1 and 2 (distance 0 stalls one cycle).
  TEST_LD_USE(20, 0, lw, 0x01020304, dat, 0)
  TEST_LD_USE(21, 1, lw, 0x01020304, dat, 0)
  TEST_LD_USE(22, 2, lw, 0x01020304, dat, 0)
  TEST_LD_USE(23, 0, lb, 0xfffffff0, dat, 4)
  TEST_LD_USE(24, 0, lhu, 0x0000fff0, dat, 4)
  // Load-use on the second source and on a store's data and address.
  la x1, dat
  lw x2, 0(x1)
  add x14, x0, x2
  CHECK(25, x14, 0x01020304)
  la x1, dat
  lw x2, 0(x1)
  sw x2, 8(x1)
  lw x14, 8(x1)
  CHECK(26, x14, 0x01020304)
  la x1, pdat
  lw x2, 0(x1)
  sw x1, 0(x2)
  lw x14, 0(x2)
  la x15, pdat
  li TESTNUM, 27
  bne x14, x15, fail
  // Load-use into a branch and into jalr.
  la x1, dat
  lw x2, 0(x1)
  li TESTNUM, 28
  beqz x2, fail
  la x1, ptarget
  lw x2, 0(x1)
  jalr x0, 0(x2)
  j fail
target:
  // x0 results are never forwarded: a write to x0 followed by a read of x0.
  li x1, 5
  add x0, x1, x1
  add x14, x0, x0
  CHECK(30, x14, 0)
  la x1, dat
  lw x0, 0(x1)
  add x14, x0, x0
  CHECK(31, x14, 0)
  // CSR read result forwarded to the next instruction.
  csrwi mscratch, 9
  csrr x14, mscratch
  addi x14, x14, 1
  CHECK(32, x14, 10)
  // CSR write from a register produced right before.
  li x1, 77
  csrw mscratch, x1
  csrr x14, mscratch
  CHECK(33, x14, 77)
ISA_END
  .data
  .align 4
dat:  .word 0x01020304, 0x0000fff0, 0
pdat: .word buf
ptarget: .word target
buf:  .word 0
