// Matrix-unit (MXU) commands for C programs: encodings of docs/mxu.md on top of ND_MXU_CMD (custom-0).
//
// Typical tile loop (A as k-major 8-row strips, B as k-major 8-column strips, see docs/mxu.md):
//   nd_mxu_cfg(ND_MXU_CFG(ND_MXU_BF16, 0, ND_MXU_BF16, 0, ND_MXU_OUT_FP32, 0, ND_MXU_RNE));
//   nd_mxu_shape(k, 1, 1);
//   for each tile t: nd_mxu_mac(t & 1, 1, a_panel, b_panel); nd_mxu_store(t & 1, c, row_stride);
//   nd_mxu_status(status_block, 0, 0); nd_mxu_wait();
// Commands queue up (the core stalls only when the queue is full); nd_mxu_wait() returns once every
// command has finished, so loads after it see the stored tiles and the status block.
#ifndef ND_MXU_H
#define ND_MXU_H

#include <stdint.h>

#include "nd_intrinsics.h"

// Operand formats (CFG word [1:0] A, [3:2] B).
#define ND_MXU_BF16 0u
#define ND_MXU_E4M3 1u
#define ND_MXU_E5M2 2u
// Output formats (CFG word [5:4]).
#define ND_MXU_OUT_FP32 0u
#define ND_MXU_OUT_BF16 1u
#define ND_MXU_OUT_E4M3 2u
#define ND_MXU_OUT_E5M2 3u
// Rounding of stores (CFG word [6]).
#define ND_MXU_RNE 0u
#define ND_MXU_SR 1u

// The CFG word: formats, 6-bit biases (0 for BF16 operands and FP32 / BF16 outputs), rounding.
#define ND_MXU_CFG(afmt, abias, bfmt, bbias, ofmt, obias, rnd)                               \
  ((uint32_t)(afmt) | (uint32_t)(bfmt) << 2 | (uint32_t)(ofmt) << 4 | (uint32_t)(rnd) << 6 | \
   ((uint32_t)(abias)&63u) << 8 | ((uint32_t)(bbias)&63u) << 14 | ((uint32_t)(obias)&63u) << 20)

// Status block written by nd_mxu_status (8 words).
#define ND_MXU_ST_WORD 0      // [5:0] flags, [8] error, [11:9] code, [14:12] funct3, [21:15] funct7
#define ND_MXU_ST_ERR_RS1 1   // rs1 of the first illegal command
#define ND_MXU_ST_CMDS 2      // legal commands dispatched before the STATUS
#define ND_MXU_ST_BUSY 3      // busy cycles
#define ND_MXU_ST_MAC 4       // MAC-active cycles
#define ND_MXU_ST_STALL_OP 5  // stall: operand not available
#define ND_MXU_ST_STALL_Q 6   // stall: queue empty
#define ND_MXU_ST_STALL_ST 7  // stall: store back-pressure

#if defined(__riscv)

// Configuration for the commands behind it; optionally loads the stochastic-rounding seed.
static inline void nd_mxu_cfg(uint32_t cfg) { ND_MXU_CMD(0, 0, cfg, 0); }
static inline void nd_mxu_cfg_seed(uint32_t cfg, uint32_t seed) { ND_MXU_CMD(0, 1, cfg, seed); }
// K (1..65535) and the line strides of the A and B panels (in 128-byte lines, >= 1).
static inline void nd_mxu_shape(uint32_t k, uint32_t a_stride, uint32_t b_stride) {
  ND_MXU_CMD(1, 0, k, a_stride | b_stride << 16);
}
// MAC into bank 0 or 1; zero = 1 starts from +0 instead of the bank's C. bank and zero must be constants.
#define nd_mxu_mac(bank, zero, a, b) ND_MXU_CMD(2, (bank) | (zero) << 1, (a), (b))
#define nd_mxu_zero(bank) ND_MXU_CMD(3, (bank), 0, 0)
#define nd_mxu_load(bank, c, row_stride) ND_MXU_CMD(3, (bank) | 2, (c), (row_stride))
#define nd_mxu_store(bank, c, row_stride) ND_MXU_CMD(4, (bank), (c), (row_stride))
// Status block (32-byte aligned); clear_flags / clear_counters must be constants.
#define nd_mxu_status(block, clear_flags, clear_counters) \
  ND_MXU_CMD(5, (clear_flags) | (clear_counters) << 1, (block), 0)

#endif  // __riscv

#endif  // ND_MXU_H
