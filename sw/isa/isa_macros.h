// Macros for the nanodojo ISA test programs (sw/isa/*.S), in the style of the RISC-V bare-metal tests.
//
// A program is ISA_BEGIN, a series of numbered checks, ISA_END. The test number lives in gp (x3),
// which the checks never touch. The program ends with a store to `tohost`: 1 when every check passed,
// (n << 1) | 1 when check n failed. Checks use x1, x2 (sources), x14 (result) and x7 (expected value);
// t6 (x31) is scratch for the pass/fail code.
#ifndef ISA_MACROS_H
#define ISA_MACROS_H

#define TESTNUM gp

#define ISA_BEGIN                         \
  .section .text.init, "ax", @progbits;   \
  .globl _start;                          \
_start:                                   \
  li TESTNUM, 0;

// Passing end, the failure stub (target of every check) and the tohost word.
#define ISA_END                           \
  li a0, 1;                               \
  la t6, tohost;                          \
  sw a0, 0(t6);                           \
9999: j 9999b;                            \
fail:                                     \
  slli a0, TESTNUM, 1;                    \
  ori a0, a0, 1;                          \
  la t6, tohost;                          \
  sw a0, 0(t6);                           \
9998: j 9998b;                            \
  .section .tohost, "aw", @progbits;      \
  .align 6;                               \
  .globl tohost;                          \
tohost: .word 0;                          \
  .align 6;                               \
  .globl fromhost;                        \
fromhost: .word 0;                        \
  .text;

// Compare a register with an expected constant.
#define CHECK(n, reg, expect)             \
  li TESTNUM, n;                          \
  li x7, expect;                          \
  bne reg, x7, fail;

// Register-register operation.
#define TEST_RR(n, inst, expect, v1, v2)  \
  li x1, v1;                              \
  li x2, v2;                              \
  inst x14, x1, x2;                       \
  CHECK(n, x14, expect)

// Register-immediate operation.
#define TEST_RI(n, inst, expect, v1, imm) \
  li x1, v1;                              \
  inst x14, x1, imm;                      \
  CHECK(n, x14, expect)

// Destination equals a source (x1 = x1 op x2).
#define TEST_RR_SRC1_EQ_DEST(n, inst, expect, v1, v2) \
  li x1, v1;                              \
  li x2, v2;                              \
  inst x1, x1, x2;                        \
  CHECK(n, x1, expect)

// Writes to x0 are discarded.
#define TEST_RR_ZERODEST(n, inst, v1, v2) \
  li x1, v1;                              \
  li x2, v2;                              \
  inst x0, x1, x2;                        \
  CHECK(n, x0, 0)

// x0 as a source reads zero.
#define TEST_RR_ZEROSRC1(n, inst, expect, v2) \
  li x2, v2;                              \
  inst x14, x0, x2;                       \
  CHECK(n, x14, expect)

// Forwarding: the result of one operation feeds the next after 0..2 independent instructions.
#define NOPS_0
#define NOPS_1 nop;
#define NOPS_2 nop; nop;
#define TEST_RR_BYPASS(n, nops, inst, expect, v1, v2) \
  li x1, v1;                              \
  li x2, v2;                              \
  NOPS_##nops                             \
  inst x14, x1, x2;                       \
  CHECK(n, x14, expect)

// Load-use: load then use the value after 0..2 instructions.
#define TEST_LD_USE(n, nops, ld, expect, base, off) \
  la x1, base;                            \
  ld x14, off(x1);                        \
  NOPS_##nops                             \
  addi x15, x14, 0;                       \
  CHECK(n, x15, expect)

// Load from base+off.
#define TEST_LD(n, ld, expect, base, off) \
  la x1, base;                            \
  ld x14, off(x1);                        \
  CHECK(n, x14, expect)

// Store then load back (through the given load) from base+off.
#define TEST_ST(n, ld, st, expect, val, base, off) \
  la x1, base;                            \
  li x2, val;                             \
  st x2, off(x1);                         \
  ld x14, off(x1);                        \
  CHECK(n, x14, expect)

// Branch taken / not taken; the wrong way lands in `fail`.
#define TEST_BR_TAKEN(n, br, v1, v2)      \
  li TESTNUM, n;                          \
  li x1, v1;                              \
  li x2, v2;                              \
  br x1, x2, 1f;                          \
  j fail;                                 \
1:

#define TEST_BR_NOT_TAKEN(n, br, v1, v2)  \
  li TESTNUM, n;                          \
  li x1, v1;                              \
  li x2, v2;                              \
  br x1, x2, fail;

#endif  // ISA_MACROS_H
