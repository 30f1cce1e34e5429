// RV32I integer register-register and register-immediate operations, lui/auipc, x0 handling.
#include "isa_macros.h"
ISA_BEGIN
  // add / sub with carries and signed overflow wrap
  TEST_RR(1, add, 0x00000000, 0x00000000, 0x00000000)
  TEST_RR(2, add, 0x0000000a, 0x00000003, 0x00000007)
  TEST_RR(3, add, 0x80000000, 0x7fffffff, 0x00000001)
  TEST_RR(4, add, 0xfffffffe, 0xffffffff, 0xffffffff)
  TEST_RR(5, add, 0x00000000, 0xffffffff, 0x00000001)
  TEST_RR(6, sub, 0xfffffffc, 0x00000003, 0x00000007)
  TEST_RR(7, sub, 0x7fffffff, 0x80000000, 0x00000001)
  TEST_RR(8, sub, 0x00000000, 0xffffffff, 0xffffffff)
  // logic
  TEST_RR(10, and, 0x0f000f00, 0xff00ff00, 0x0f0f0f0f)
  TEST_RR(11, or,  0xff0fff0f, 0xff00ff00, 0x0f0f0f0f)
  TEST_RR(12, xor, 0xf00ff00f, 0xff00ff00, 0x0f0f0f0f)
  TEST_RI(13, andi, 0x00000700, 0xff00ff00, 0x70f)
  TEST_RI(14, andi, 0xff00ff00, 0xff00ff00, -1)
  TEST_RI(15, ori,  0xffffff0f, 0xff00ff00, -241)    // imm 0xf0f sign-extends
  TEST_RI(16, xori, 0x00ff00f0, 0xff00ff0f, -1)
  TEST_RI(17, xori, 0xff00ff0f, 0xff00ff00, 0x00f)
  // compares
  TEST_RR(20, slt,  1, 0x80000000, 0x7fffffff)
  TEST_RR(21, slt,  0, 0x7fffffff, 0x80000000)
  TEST_RR(22, slt,  0, 0xffffffff, 0xffffffff)
  TEST_RR(23, sltu, 0, 0x80000000, 0x7fffffff)
  TEST_RR(24, sltu, 1, 0x7fffffff, 0x80000000)
  TEST_RR(25, sltu, 1, 0x00000000, 0xffffffff)
  TEST_RI(26, slti,  1, 0xffffffff, 0)
  TEST_RI(27, slti,  0, 0x00000000, -1)
  TEST_RI(28, sltiu, 1, 0x00000000, -1)               // -1 compares as 0xffffffff
  TEST_RI(29, sltiu, 0, 0xffffffff, -1)
  TEST_RI(30, sltiu, 1, 0x00000000, 1)                // seqz idiom
  // shifts, including by 0 and 31, and shift amounts taken from the low five bits only
  TEST_RR(40, sll, 0x00000001, 0x00000001, 0)
  TEST_RR(41, sll, 0x80000000, 0x00000001, 31)
  TEST_RR(42, sll, 0x80000000, 0x00000001, 0xffffffff)
  TEST_RR(43, sll, 0x00000002, 0x00000001, 0x00000021)
  TEST_RR(44, srl, 0x00000001, 0x80000000, 31)
  TEST_RR(45, srl, 0x00000001, 0x80000000, 0xffffffff)
  TEST_RR(46, srl, 0x80000000, 0x80000000, 32)
  TEST_RR(47, sra, 0xffffffff, 0x80000000, 31)
  TEST_RR(48, sra, 0xc0000000, 0x80000000, 1)
  TEST_RR(49, sra, 0x3fffffff, 0x7fffffff, 1)
  TEST_RR(50, sra, 0x81818181, 0x81818181, 0xffffffe0)
  TEST_RI(51, slli, 0x80000000, 0x00000001, 31)
  TEST_RI(52, srli, 0x00000001, 0xffffffff, 31)
  TEST_RI(53, srai, 0xffffffff, 0x80000000, 31)
  TEST_RI(54, srai, 0x00000000, 0x7fffffff, 31)
  TEST_RI(55, srli, 0x81818181, 0x81818181, 0)
  // immediates: sign extension of the 12-bit field
  TEST_RI(60, addi, 0xfffff800, 0x00000000, -2048)
  TEST_RI(61, addi, 0x000007ff, 0x00000000, 2047)
  TEST_RI(62, addi, 0x7fffffff, 0x80000000, -1)
  // lui / auipc
  lui x14, 0xfffff
  CHECK(70, x14, 0xfffff000)
  lui x14, 0x80000
  srai x14, x14, 12
  CHECK(71, x14, 0xfff80000)
1: auipc x14, 0
  la x15, 1b
  li TESTNUM, 72
  bne x14, x15, fail
2: auipc x14, 0x1
  la x15, 2b
  sub x14, x14, x15
  CHECK(73, x14, 0x1000)
  // x0 as destination and as source
  TEST_RR_ZERODEST(80, add, 1, 2)
  TEST_RR_ZERODEST(81, sub, 5, 2)
  li x1, 123
  addi x0, x1, 5
  CHECK(82, x0, 0)
  lui x0, 0x12345
  CHECK(83, x0, 0)
  TEST_RR_ZEROSRC1(84, sub, 0xffffff00, 0x100)
  TEST_RR_ZEROSRC1(85, sltu, 1, 1)
  // destination equals source
  TEST_RR_SRC1_EQ_DEST(90, add, 24, 13, 11)
  TEST_RR_SRC1_EQ_DEST(91, sra, 0xfe000000, 0x80000000, 6)
ISA_END
