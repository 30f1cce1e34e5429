// minstret/minstreth writes: the write replaces the writing instruction's own increment, in both halves.
// Independent of timing, so the ISS, nd_core_system and the stalled pipeline must all pass it. Every
// sequence loads its operands first, then runs back to back so the counter values are exact.
#include "isa_macros.h"
ISA_BEGIN
  // A low-word write: the next instruction reads the value written.
  li x1, 1000
  csrw minstret, x1
  csrr x14, minstret
  CHECK(1, x14, 1000)
  // minstreth write with the low word at 0xffffffff: the low word is not incremented (no wrap to 0)
  // and nothing carries into the high word.
  li x1, 7
  li x2, 0xffffffff
  csrw minstret, x2            // {?, ffffffff}
  csrw minstreth, x1           // {7, ffffffff}
  csrr x5, minstret            // reads ffffffff, then {8, 0}
  csrr x6, minstreth           // reads 8, then {8, 1}
  csrr x8, minstret            // reads 1
  CHECK(2, x5, 0xffffffff)
  CHECK(3, x6, 8)
  CHECK(4, x8, 1)
  // minstret write with the low word at 0xffffffff: no carry out of the old low word.
  li x1, 3
  li x2, 0xffffffff
  li x4, 5
  csrw minstreth, x1           // {3, ?}
  csrw minstret, x2            // {3, ffffffff}
  csrw minstret, x4            // {3, 5}
  csrr x5, minstreth           // reads 3, then {3, 6}
  csrr x6, minstret            // reads 6
  CHECK(5, x5, 3)
  CHECK(6, x6, 6)
  // Set and clear forms on the high word, immediate forms, and reads that do not write.
  li x1, 0x10
  li x2, 100
  csrw minstret, x2            // {?, 100}
  csrw minstreth, x0           // {0, 100}
  csrrs x5, minstreth, x1      // reads 0, then {0x10, 100}
  csrrc x6, minstreth, x1      // reads 0x10, then {0, 100}
  csrrsi x8, minstret, 0       // no write: reads 100, then {0, 101}
  csrrwi x9, minstreth, 5      // reads 0, then {5, 101}
  csrrci x10, minstreth, 1     // reads 5, then {4, 101}
  csrr x11, minstret           // reads 101, then {4, 102}
  csrr x12, instreth           // user alias: reads 4
  csrr x13, instret            // reads 103
  CHECK(7, x5, 0)
  CHECK(8, x6, 0x10)
  CHECK(9, x8, 100)
  CHECK(10, x9, 0)
  CHECK(11, x10, 5)
  CHECK(12, x11, 101)
  CHECK(13, x12, 4)
  CHECK(14, x13, 103)
  // The ordinary carry from the low word into the high word.
  li x1, 9
  li x2, 0xfffffffe
  csrw minstreth, x1           // {9, ?}
  csrw minstret, x2            // {9, fffffffe}
  nop                          // {9, ffffffff}
  csrr x5, minstret            // reads ffffffff, then {10, 0}
  csrr x6, minstreth           // reads 10
  CHECK(15, x5, 0xffffffff)
  CHECK(16, x6, 10)
ISA_END
