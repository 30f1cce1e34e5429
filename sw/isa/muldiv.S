// M extension: mul/mulh/mulhsu/mulhu, div/divu/rem/remu with division by zero and signed overflow.
#include "isa_macros.h"
ISA_BEGIN
  TEST_RR(1, mul, 0x00000000, 0x00000000, 0x00000000)
  TEST_RR(2, mul, 0x00000015, 0x00000003, 0x00000007)
  TEST_RR(3, mul, 0x00000001, 0xffffffff, 0xffffffff)
  TEST_RR(4, mul, 0x00000000, 0x80000000, 0x80000000)
  TEST_RR(5, mul, 0x0000ff7f, 0xaaaaaaab, 0x0002fe7d)
  TEST_RR(6, mulh, 0x00000000, 0xffffffff, 0xffffffff)
  TEST_RR(7, mulh, 0x40000000, 0x80000000, 0x80000000)
  TEST_RR(8, mulh, 0xffffffff, 0xffffffff, 0x00000001)
  TEST_RR(9, mulh, 0xc0000000, 0x80000000, 0x7fffffff)
  TEST_RR(10, mulhu, 0xfffffffe, 0xffffffff, 0xffffffff)
  TEST_RR(11, mulhu, 0x40000000, 0x80000000, 0x80000000)
  TEST_RR(12, mulhu, 0x00000000, 0xffffffff, 0x00000001)
  TEST_RR(13, mulhsu, 0xffffffff, 0xffffffff, 0xffffffff)  // -1 * (2^32-1)
  TEST_RR(14, mulhsu, 0xc0000000, 0x80000000, 0x80000000)
  TEST_RR(15, mulhsu, 0x00000000, 0x00000001, 0xffffffff)
  TEST_RR(16, mulhsu, 0x7ffffffe, 0x7fffffff, 0xffffffff)

  TEST_RR(20, div,  3, 20, 6)
  TEST_RR(21, div, -3, -20, 6)
  TEST_RR(22, div, -3, 20, -6)
  TEST_RR(23, div,  3, -20, -6)
  TEST_RR(24, div, 0x80000000, 0x80000000, -1)     // signed overflow
  TEST_RR(25, div, -1, 0x80000000, 0)              // division by zero
  TEST_RR(26, div, -1, 5, 0)
  TEST_RR(27, divu, 3, 20, 6)
  TEST_RR(28, divu, 715827879, -20, 6)
  TEST_RR(29, divu, 0, 0x80000000, -1)
  TEST_RR(30, divu, -1, 0x80000000, 0)
  TEST_RR(31, divu, 1, -1, -1)
  TEST_RR(32, rem,  2, 20, 6)
  TEST_RR(33, rem, -2, -20, 6)
  TEST_RR(34, rem,  2, 20, -6)
  TEST_RR(35, rem, -2, -20, -6)
  TEST_RR(36, rem, 0, 0x80000000, -1)              // signed overflow
  TEST_RR(37, rem, 0x80000000, 0x80000000, 0)      // remainder of division by zero = dividend
  TEST_RR(38, rem, -5, -5, 0)
  TEST_RR(39, remu, 2, 20, 6)
  TEST_RR(40, remu, 2, -20, 6)
  TEST_RR(41, remu, 0x80000000, 0x80000000, -1)
  TEST_RR(42, remu, 7, 7, 0)
  TEST_RR(43, remu, 0, -1, 1)
  TEST_RR(44, divu, 1, 0xfffffffe, 0xfffffffe)
  TEST_RR(45, remu, 0xfffffffe, 0xfffffffe, 0xffffffff)
  // Results forwarded into the next instruction, and a divide right after a load.
  li x1, 100
  li x2, 7
  div x14, x1, x2
  addi x14, x14, 1
  CHECK(50, x14, 15)
  mul x14, x1, x2
  rem x15, x14, x2
  CHECK(51, x15, 0)
  la x5, val
  lw x1, 0(x5)
  divu x14, x1, x2
  CHECK(52, x14, 6)
  // Back-to-back divides with a dependency.
  li x1, 1000
  li x2, 10
  div x14, x1, x2
  div x14, x14, x2
  CHECK(53, x14, 10)
  // Divide into x0 is discarded.
  div x0, x1, x2
  CHECK(54, x0, 0)
ISA_END
  .data
val: .word 45
