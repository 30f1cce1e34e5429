// Precise traps with a handler installed: ecall, ebreak, illegal instructions and CSRs, misaligned and
// out-of-range loads/stores, misaligned jump targets, instruction access faults; mepc/mcause/mtval,
// mstatus.MIE/MPIE across trap and mret, no side effects of the trapping instruction.
#include "isa_macros.h"

// s2 = mcause, s3 = mepc, s4 = mtval, s6 = number of traps taken (set by the handler).
#define EXPECT_TRAP(n, cause, pc_label, tval) \
  li TESTNUM, n;                          \
  li x7, cause;                           \
  bne s2, x7, fail;                       \
  la x7, pc_label;                        \
  bne s3, x7, fail;                       \
  li x7, tval;                            \
  bne s4, x7, fail;

// Same with an address expression as mtval.
#define EXPECT_TRAP_A(n, cause, pc_label, tval) \
  li TESTNUM, n;                          \
  li x7, cause;                           \
  bne s2, x7, fail;                       \
  la x7, pc_label;                        \
  bne s3, x7, fail;                       \
  la x7, tval;                            \
  bne s4, x7, fail;

ISA_BEGIN
  la x1, handler
  csrw mtvec, x1
  li s6, 0

  // ecall: cause 11, mtval 0; the instruction after it runs exactly once (after mret).
  li s5, 0
t_ecall: ecall
  addi s5, s5, 1
  EXPECT_TRAP(1, 11, t_ecall, 0)
  CHECK(2, s5, 1)
  // ebreak: cause 3, mtval = pc.
t_ebreak: ebreak
  li TESTNUM, 3
  li x7, 3
  bne s2, x7, fail
  la x7, t_ebreak
  bne s3, x7, fail
  bne s4, x7, fail
  // Illegal instructions: mtval holds the instruction bits.
t_ill0: .word 0x00000000
  EXPECT_TRAP(4, 2, t_ill0, 0x00000000)
t_ill1: .word 0xffffffff
  EXPECT_TRAP(5, 2, t_ill1, 0xffffffff)
t_ill2: .word 0x0000107f        // opcode 0x7f is not assigned
  EXPECT_TRAP(6, 2, t_ill2, 0x0000107f)
t_ill3: csrr x14, 0x7c0         // no such CSR
  EXPECT_TRAP(7, 2, t_ill3, 0x7c002773)
t_ill4: csrw mhartid, x1        // read-only CSR written
  EXPECT_TRAP(8, 2, t_ill4, 0xf1409073)
t_ill5: csrw cycle, x0          // read-only user counter written (csrrw always writes)
  EXPECT_TRAP(9, 2, t_ill5, 0xc0001073)
t_ill6: .word 0x40001033        // sll with funct7 = 0x20 is not assigned
  EXPECT_TRAP(10, 2, t_ill6, 0x40001033)
  csrr x14, mhartid             // reading a read-only CSR is fine
  li s7, 0
  // Misaligned loads and stores: cause 4/6, mtval = address, rd and memory unchanged.
  la x1, buf
  li x14, 0x55
t_mal0: lw x14, 1(x1)
  EXPECT_TRAP_A(20, 4, t_mal0, buf + 1)
  CHECK(21, x14, 0x55)
t_mal1: lh x14, 3(x1)
  EXPECT_TRAP_A(22, 4, t_mal1, buf + 3)
t_mal2: lhu x14, 1(x1)
  EXPECT_TRAP_A(23, 4, t_mal2, buf + 1)
  li x2, -1
t_mal3: sw x2, 2(x1)
  EXPECT_TRAP_A(24, 6, t_mal3, buf + 2)
t_mal4: sh x2, 1(x1)
  EXPECT_TRAP_A(25, 6, t_mal4, buf + 1)
  lw x14, 0(x1)
  CHECK(26, x14, 0)
  lw x14, 4(x1)
  CHECK(27, x14, 0)
  // Access faults: outside the SRAM and the MMIO window.
  li x1, 0x80000000
t_acc0: lw x14, 0(x1)
  EXPECT_TRAP(30, 5, t_acc0, 0x80000000)
  li x1, 0x00040000             // first byte past a 256 KiB SRAM
t_acc1: lb x14, 0(x1)
  EXPECT_TRAP(31, 5, t_acc1, 0x00040000)
  li x1, 0x40001000             // just past the MMIO window
t_acc2: sw x0, 0(x1)
  EXPECT_TRAP(32, 7, t_acc2, 0x40001000)
  li x1, 0x3ffffffc
t_acc3: sb x0, 3(x1)
  EXPECT_TRAP(33, 7, t_acc3, 0x3fffffff)
  // Misaligned jump targets: cause 0, mtval = target, mepc = the jump, link register unchanged.
  la x1, tgt
  addi x1, x1, 2
  li x14, 0x77
t_jmp0: jalr x14, 0(x1)
  EXPECT_TRAP_A(40, 0, t_jmp0, tgt + 2)
  CHECK(41, x14, 0x77)
t_jmp1: .insn j JAL, x14, .+6     // jal to pc + 6
  EXPECT_TRAP_A(42, 0, t_jmp1, t_jmp1 + 6)
  CHECK(43, x14, 0x77)
t_jmp2: .insn b BRANCH, 0, x0, x0, .+10  // beq taken to pc + 10
  EXPECT_TRAP_A(44, 0, t_jmp2, t_jmp2 + 10)
  // A not-taken branch to a misaligned target does not trap.
  mv s7, s6
  .insn b BRANCH, 1, x0, x0, .+10 // bne x0, x0: never taken
  li TESTNUM, 45
  bne s6, s7, fail
  // Instruction access fault: fetch past the SRAM and from the MMIO window; handler returns to ra.
  li x5, 0x00040000
t_fet0: jalr ra, 0(x5)
  EXPECT_TRAP(50, 1, 0x00040000, 0x00040000)
  li x5, 0x40000000
  jalr ra, 0(x5)
  EXPECT_TRAP(51, 1, 0x40000000, 0x40000000)
  // mstatus: MIE -> MPIE on trap entry, MIE = 0 in the handler, restored by mret.
  csrsi mstatus, 8
  ecall
  CHECK(60, s8, 0x1880)          // mstatus seen by the handler: MPP = 3, MPIE = 1, MIE = 0
  csrr x14, mstatus
  CHECK(61, x14, 0x1888)         // after mret: MIE = MPIE = 1
  csrci mstatus, 8
  // Trap count: every trap above entered the handler exactly once.
  CHECK(70, s6, 24)
ISA_END

  .align 4
handler:
  csrr s2, mcause
  csrr s3, mepc
  csrr s4, mtval
  csrr s8, mstatus
  addi s6, s6, 1
  li t0, 1
  beq s2, t0, 1f
  addi t0, s3, 4
  csrw mepc, t0
  mret
1:
  csrw mepc, ra
  mret
tgt:
  j fail

  .data
  .align 4
buf: .word 0, 0
