// Conditional branches both ways (forward and backward targets), signed/unsigned compares.
#include "isa_macros.h"
ISA_BEGIN
  TEST_BR_TAKEN(1, beq, 0, 0)
  TEST_BR_TAKEN(2, beq, -1, -1)
  TEST_BR_NOT_TAKEN(3, beq, 0, 1)
  TEST_BR_TAKEN(4, bne, 0, 1)
  TEST_BR_NOT_TAKEN(5, bne, 7, 7)
  TEST_BR_TAKEN(6, blt, -1, 0)
  TEST_BR_TAKEN(7, blt, 0x80000000, 0x7fffffff)
  TEST_BR_NOT_TAKEN(8, blt, 0, -1)
  TEST_BR_NOT_TAKEN(9, blt, 5, 5)
  TEST_BR_TAKEN(10, bge, 0, -1)
  TEST_BR_TAKEN(11, bge, 5, 5)
  TEST_BR_NOT_TAKEN(12, bge, 0x80000000, 0x7fffffff)
  TEST_BR_TAKEN(13, bltu, 0, -1)
  TEST_BR_TAKEN(14, bltu, 0x7fffffff, 0x80000000)
  TEST_BR_NOT_TAKEN(15, bltu, -1, 0)
  TEST_BR_NOT_TAKEN(16, bltu, 5, 5)
  TEST_BR_TAKEN(17, bgeu, -1, 0)
  TEST_BR_TAKEN(18, bgeu, 5, 5)
  TEST_BR_NOT_TAKEN(19, bgeu, 0x7fffffff, 0x80000000)

  // Backward branches (predicted taken): a counted loop exits correctly (mispredict on exit).
  li TESTNUM, 20
  li x1, 17
  li x14, 0
1: addi x14, x14, 2
  addi x1, x1, -1
  bnez x1, 1b
  CHECK(20, x14, 34)

  // Backward branch not taken at all (mispredicted): falls through.
  li TESTNUM, 21
  li x14, 0
  j 3f
2: addi x14, x14, 100
  j fail
3: li x1, 1
  beqz x1, 2b
  addi x14, x14, 1
  CHECK(21, x14, 1)

  // Branch operands forwarded from the instructions right before it.
  li TESTNUM, 22
  li x1, 5
  li x2, 5
  addi x1, x1, 1
  beq x1, x2, fail
  addi x2, x2, 1
  bne x1, x2, fail

  // Instructions after a taken branch are not executed (flushed).
  li TESTNUM, 23
  li x14, 0
  beq x0, x0, 4f
  addi x14, x14, 1
  addi x14, x14, 2
4: CHECK(23, x14, 0)

  // Back-to-back branches.
  li TESTNUM, 24
  li x1, 1
  beqz x1, fail
  bnez x1, 5f
  j fail
5: bltz x1, fail
  bgtz x1, 6f
  j fail
6:
  // Nested loops with backward branches.
  li TESTNUM, 25
  li x14, 0
  li x1, 4
7: li x2, 3
8: addi x14, x14, 1
  addi x2, x2, -1
  bnez x2, 8b
  addi x1, x1, -1
  bnez x1, 7b
  CHECK(25, x14, 12)
ISA_END
