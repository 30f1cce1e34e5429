// Custom instructions of the nanodojo core (encodings in docs/isa.md), wrapped with the assembler's
// .insn directive so any RV32IM toolchain builds them.
//
// custom-0 (opcode 0x0b) issues a command to the matrix unit (MXU), custom-1 (opcode 0x2b) to the DMA
// engine. Both are R-type: funct3 0..6 selects the command, funct7 is a command modifier, and the values
// of rs1 and rs2 travel with the command into the unit's queue (rd is not written: x0). The core stalls
// while the queue is full. funct3 = 7 is the unit's wait/fence: it stalls until the queue is drained and
// the unit reports idle, so later loads see everything the unit wrote.
//
// funct3 and funct7 must be compile-time constants (they are encoded into the instruction).
#ifndef ND_INTRINSICS_H
#define ND_INTRINSICS_H

#include <stdint.h>

#define ND_CUSTOM_WAIT_F3 7

#if defined(__riscv)

// Issue MXU command (funct3 f3 in 0..6, funct7 f7 in 0..127) with operands a (rs1) and b (rs2).
#define ND_MXU_CMD(f3, f7, a, b)                                                                  \
  __asm__ volatile(".insn r CUSTOM_0, %0, %1, x0, %2, %3" ::"i"(f3), "i"(f7), "r"((uint32_t)(a)), \
                   "r"((uint32_t)(b))                                                             \
                   : "memory")

// Issue DMA command (funct3 f3 in 0..6, funct7 f7 in 0..127) with operands a (rs1) and b (rs2).
#define ND_DMA_CMD(f3, f7, a, b)                                                                  \
  __asm__ volatile(".insn r CUSTOM_1, %0, %1, x0, %2, %3" ::"i"(f3), "i"(f7), "r"((uint32_t)(a)), \
                   "r"((uint32_t)(b))                                                             \
                   : "memory")

// Wait until the MXU's queue is empty and the MXU is idle.
static inline void nd_mxu_wait(void) { __asm__ volatile(".insn r CUSTOM_0, 7, 0, x0, x0, x0" ::: "memory"); }

// Wait until the DMA engine's queue is empty and the engine is idle.
static inline void nd_dma_wait(void) { __asm__ volatile(".insn r CUSTOM_1, 7, 0, x0, x0, x0" ::: "memory"); }

#endif  // __riscv

#endif  // ND_INTRINSICS_H
