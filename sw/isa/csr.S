// Zicsr: all six CSR instructions, read-only and WARL fields, counters, hart id, performance counters.
// The testbench runs this program with hart id 0x0201 (node x = 1, y = 2).
#include "isa_macros.h"
ISA_BEGIN
  // csrrw / csrrs / csrrc return the old value; immediate forms.
  li x1, 0x12345678
  csrrw x14, mscratch, x1
  csrrw x14, mscratch, x0
  CHECK(1, x14, 0x12345678)
  li x1, 0xf0
  csrrs x14, mscratch, x1
  CHECK(2, x14, 0)
  li x1, 0x0f
  csrrs x14, mscratch, x1
  CHECK(3, x14, 0xf0)
  li x1, 0x3c
  csrrc x14, mscratch, x1
  CHECK(4, x14, 0xff)
  csrr x14, mscratch
  CHECK(5, x14, 0xc3)
  csrrwi x14, mscratch, 0x1f
  CHECK(6, x14, 0xc3)
  csrrsi x14, mscratch, 0x0
  CHECK(7, x14, 0x1f)
  csrrci x14, mscratch, 0x3
  CHECK(8, x14, 0x1f)
  csrr x14, mscratch
  CHECK(9, x14, 0x1c)
  csrrw x0, mscratch, x0       // rd = x0
  csrr x14, mscratch
  CHECK(10, x14, 0)
  // Identification.
  csrr x14, mhartid
  CHECK(20, x14, 0x0201)
  csrr x14, misa
  CHECK(21, x14, 0x40801100)   // RV32, I, M, X
  csrr x14, mvendorid
  CHECK(22, x14, 0)
  csrr x14, marchid
  CHECK(23, x14, 0)
  csrr x14, mimpid
  CHECK(24, x14, 0)
  // WARL: mtvec and mepc keep bits [1:0] zero; mstatus.MPP reads 3.
  li x1, 0x00000107
  csrw mtvec, x1
  csrr x14, mtvec
  CHECK(30, x14, 0x104)
  csrw mtvec, x0
  li x1, 0x00000203
  csrw mepc, x1
  csrr x14, mepc
  CHECK(31, x14, 0x200)
  csrr x14, mstatus
  CHECK(32, x14, 0x1800)
  li x1, 0xffffffff
  csrw mcause, x1
  csrr x14, mcause
  CHECK(33, x14, 0xffffffff)
  csrw mtval, x1
  csrr x14, mtval
  CHECK(34, x14, 0xffffffff)
  csrr x14, mie
  CHECK(35, x14, 0)
  csrr x14, mip
  CHECK(36, x14, 0)
  // minstret counts every committed instruction; mcycle every cycle (no stalls in between here).
  csrr x5, minstret
  nop
  nop
  nop
  csrr x6, minstret
  sub x14, x6, x5
  CHECK(40, x14, 4)
  csrr x5, mcycle
  nop
  nop
  csrr x6, mcycle
  sub x14, x6, x5
  CHECK(41, x14, 3)
  csrr x5, cycle
  csrr x6, instret
  csrr x14, cycleh
  CHECK(42, x14, 0)
  csrr x14, instreth
  CHECK(43, x14, 0)
  // Writable counters: a write takes precedence over the increment of that cycle.
  li x1, 1000
  csrw minstret, x1
  csrr x14, minstret
  CHECK(44, x14, 1000)
  csrw mcycleh, x0
  li x1, 0xfffffffe
  csrw mcycle, x1
  nop
  nop
  csrr x14, mcycleh            // the low word wrapped into the high word
  CHECK(45, x14, 1)
  // A counter write replaces that cycle's increment in both halves (one instruction per cycle here).
  li x1, 7
  li x2, 0xffffffff
  csrw mcycle, x2              // {?, ffffffff}
  csrw mcycleh, x1             // {7, ffffffff}: the low word does not wrap
  csrr x5, mcycle              // reads ffffffff, then {8, 0}
  csrr x6, mcycleh             // reads 8
  CHECK(46, x5, 0xffffffff)
  CHECK(47, x6, 8)
  li x1, 3
  li x2, 0xffffffff
  li x4, 5
  csrw mcycleh, x1             // {3, ?}
  csrw mcycle, x2              // {3, ffffffff}
  csrw mcycle, x4              // {3, 5}: no carry out of the old low word
  csrr x5, mcycleh
  CHECK(48, x5, 3)
  li x1, 7
  li x2, 0xffffffff
  csrw minstret, x2            // the same for minstret (sw/isa/instret.S has the full set)
  csrw minstreth, x1
  csrr x5, minstret
  CHECK(49, x5, 0xffffffff)
  // Performance counters: load-use stalls (3), redirects (4), divider stalls (6).
  la x1, word
  csrr x5, mhpmcounter3
  lw x2, 0(x1)
  addi x2, x2, 1
  csrr x6, mhpmcounter3
  sub x14, x6, x5
  CHECK(50, x14, 1)
  csrr x5, mhpmcounter4
  la x1, 1f
  jr x1
1: csrr x6, mhpmcounter4
  sub x14, x6, x5
  CHECK(51, x14, 1)
  csrr x5, mhpmcounter6
  li x1, 7
  divu x2, x1, x1
  csrr x6, mhpmcounter6
  sub x14, x6, x5
  CHECK(52, x14, 33)
  csrr x14, hpmcounter3        // user alias reads the same counter
  csrr x5, mhpmcounter3
  sub x14, x5, x14
  CHECK(53, x14, 0)
  // Unimplemented counters and event selectors read zero.
  csrr x14, mhpmcounter8
  CHECK(60, x14, 0)
  csrr x14, mhpmcounter31h
  CHECK(61, x14, 0)
  csrr x14, mhpmevent3
  CHECK(62, x14, 0)
  csrr x14, mcountinhibit
  CHECK(63, x14, 0)
ISA_END
  .data
word: .word 5
