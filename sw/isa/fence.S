// fence (no-op), wfi (no-op) and fence.i: code written by stores runs after fence.i, even when the
// patched instruction directly follows the fence.i (and was already fetched behind it).
#include "isa_macros.h"
// fence.i needs Zifencei in the assembler; encode it directly.
#define FENCE_I .insn i MISC_MEM, 1, x0, x0, 0
ISA_BEGIN
  // fence and wfi are legal and do nothing.
  li x14, 5
  fence
  fence rw, rw
  wfi
  addi x14, x14, 1
  CHECK(1, x14, 6)
  // Patch the instruction right behind the fence.i: addi x14, x0, 1 -> addi x14, x0, 42.
  la x1, patch1
  li x2, 0x02a00713              // addi x14, x0, 42
  sw x2, 0(x1)
  FENCE_I
patch1: addi x14, x0, 1
  CHECK(2, x14, 42)
  // Patch an instruction further ahead, twice (the second patch must win).
  la x1, patch2
  li x2, 0x00700713              // addi x14, x0, 7
  sw x2, 0(x1)
  li x2, 0x00800713              // addi x14, x0, 8
  sw x2, 0(x1)
  FENCE_I
  nop
patch2: addi x14, x0, 1
  CHECK(3, x14, 8)
  // Patch with a byte store (only the immediate's low byte changes).
  la x1, patch3
  li x2, 0x0b                    // addi x14, x0, 0x0b0 -> imm bits [23:20] of the word
  sb x2, 3(x1)
  FENCE_I
patch3: addi x14, x0, 0x0f0      // word 0x0f000713; byte 3 becomes 0x0b -> addi x14, x0, 0x0b0
  CHECK(4, x14, 0x0b0)
ISA_END
