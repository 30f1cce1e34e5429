// jal / jalr: link values, targets, jalr clearing bit 0, rd = x0, rd = rs1.
#include "isa_macros.h"
ISA_BEGIN
  // jal links pc + 4.
  li TESTNUM, 1
  jal x14, 1f
2: j fail
1: la x15, 2b
  bne x14, x15, fail

  // jal with rd = x0 (j) does not write.
  li TESTNUM, 2
  j 3f
  j fail
3: CHECK(2, x0, 0)

  // jalr to a register target, link in another register.
  li TESTNUM, 3
  la x1, 4f
  jalr x14, 0(x1)
5: j fail
4: la x15, 5b
  bne x14, x15, fail

  // jalr with an offset and with bit 0 of the target set (cleared by the ISA).
  li TESTNUM, 4
  la x1, 6f
  addi x1, x1, -7
  jalr x0, 8(x1)         // (6f - 7 + 8) & ~1 = 6f
  j fail
6:
  // jalr with rd == rs1: the target uses the old value.
  li TESTNUM, 5
  la x1, 7f
  jalr x1, 0(x1)
8: j fail
7: la x15, 8b
  bne x1, x15, fail

  // Call / return through a function, link register forwarded to the return.
  li TESTNUM, 6
  li x14, 0
  call func
  call func
  CHECK(6, x14, 2)

  // jalr target computed by the instruction right before (forwarding into jalr).
  li TESTNUM, 7
  la x1, 9f
  addi x1, x1, 0
  jr x1
  j fail
9:
  // Backward jal (zero-bubble prediction in decode) in a loop.
  li TESTNUM, 8
  li x1, 3
  li x14, 0
10: addi x14, x14, 1
  addi x1, x1, -1
  beqz x1, 11f
  j 10b
11: CHECK(8, x14, 3)
  j done

func:
  addi x14, x14, 1
  ret
done:
ISA_END
