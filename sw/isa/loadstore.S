// Loads and stores of every width: sign/zero extension, byte lanes, offsets, store-to-load order.
#include "isa_macros.h"
ISA_BEGIN
  TEST_LD(1, lb,  0xffffffff, tdat, 0)
  TEST_LD(2, lb,  0x00000000, tdat, 1)
  TEST_LD(3, lb,  0xfffffff0, tdat, 2)
  TEST_LD(4, lb,  0x0000000f, tdat, 3)
  TEST_LD(5, lbu, 0x000000ff, tdat, 0)
  TEST_LD(6, lbu, 0x000000f0, tdat, 2)
  TEST_LD(7, lh,  0x000000ff, tdat, 0)
  TEST_LD(8, lh,  0xffffff00, tdat, 4)
  TEST_LD(9, lh,  0x00000ff0, tdat, 6)
  TEST_LD(10, lh, 0x00000ff0, tdat, 2)
  TEST_LD(11, lhu, 0x0000ff00, tdat, 4)
  TEST_LD(12, lhu, 0x00000ff0, tdat, 2)
  TEST_LD(13, lw, 0x0ff000ff, tdat2, 0)
  TEST_LD(14, lw, 0xf00ff00f, tdat2, 4)
  TEST_LD(15, lw, 0x0ff000ff, tdat2 + 8, -8)   // negative offset
  TEST_LD(16, lb, 0xffffff80, tdat3, 0)        // sign bit exactly at bit 7
  TEST_LD(17, lh, 0xffff8000, tdat3, 2)

  TEST_ST(20, lb,  sb, 0xffffffaa, 0xaa, buf, 0)
  TEST_ST(21, lbu, sb, 0x000000bb, 0x123456bb, buf, 1)
  TEST_ST(22, lh,  sh, 0xffffcccc, 0xcccc, buf, 2)
  TEST_ST(23, lhu, sh, 0x0000dddd, 0xffffdddd, buf, 6)
  TEST_ST(24, lw,  sw, 0x12345678, 0x12345678, buf, 8)
  TEST_ST(25, lw,  sw, 0x9abcdef0, 0x9abcdef0, buf + 16, -4)
  // sb/sh write only their lanes.
  la x1, buf2
  li x2, 0x11223344
  sw x2, 0(x1)
  li x2, 0xaa
  sb x2, 1(x1)
  lw x14, 0(x1)
  CHECK(30, x14, 0x1122aa44)
  li x2, 0xbbcc
  sh x2, 2(x1)
  lw x14, 0(x1)
  CHECK(31, x14, 0xbbccaa44)
  li x2, 0xdd
  sb x2, 3(x1)
  lw x14, 0(x1)
  CHECK(32, x14, 0xddccaa44)
  // Back-to-back stores then loads of the same address.
  la x1, buf2
  li x2, 1
  li x5, 2
  sw x2, 4(x1)
  sw x5, 4(x1)
  lw x14, 4(x1)
  CHECK(33, x14, 2)
  // Store data forwarded from the instruction right before the store.
  li x2, 40
  addi x2, x2, 2
  sw x2, 8(x1)
  lw x14, 8(x1)
  CHECK(34, x14, 42)
  // Store address forwarded, load into x0 is discarded.
  la x1, buf2
  addi x1, x1, 12
  sw x2, 0(x1)
  lw x0, 0(x1)
  CHECK(35, x0, 0)
  // A load whose base register is the result of the previous load (pointer chase).
  la x1, ptr
  lw x5, 0(x1)
  lw x14, 0(x5)
  CHECK(36, x14, 0x0ff000ff)
ISA_END

  .data
  .align 4
tdat:  .byte 0xff, 0x00, 0xf0, 0x0f
       .half 0xff00, 0x0ff0
tdat2: .word 0x0ff000ff, 0xf00ff00f
tdat3: .byte 0x80, 0x00
       .half 0x8000
ptr:   .word tdat2
buf:   .zero 32
buf2:  .zero 16
