// DMA engine commands for C programs: the custom-1 encodings of docs/node.md "DMA engine" on top of
// ND_DMA_CMD, global addresses and the DMA / NI status registers.
//
// Typical use (copy rows x bytes from local src to node (x, y) at offset dst, then raise a flag there):
//   ND_DMA_SHAPE(bytes, rows);
//   ND_DMA_STRIDE(local_stride, remote_stride);
//   ND_DMA_WRITE(src, ND_GADDR(x, y, dst));
//   ND_DMA_FLAG(1, ND_GADDR(x, y, flag_offset));   // sent once every earlier WRITE is acknowledged
//   nd_dma_wait();                                 // queue empty, every packet acknowledged / answered
// Commands queue up (the core stalls only while the queue is full). A command with an error is dropped and
// its code recorded (ND_DMA_STATUS_CODE); check ND_DMA_STATUS after nd_dma_wait().
#ifndef ND_DMA_H
#define ND_DMA_H

#include <stdint.h>

#include "nd_intrinsics.h"

// Commands the engine's queue holds (nd_node.sv DmaQueueDepth): a program that posts no more than this many
// ahead of the engine never stalls on the queue (a larger number only makes the core wait).
#define ND_DMA_QUEUE_DEPTH 16u

// Global address of byte `off` of node (x, y): {y[3:0], x[3:0], offset[23:0]}.
#define ND_GADDR(x, y, off) \
  (((uint32_t)(y)&15u) << 28 | ((uint32_t)(x)&15u) << 24 | ((uint32_t)(off)&0xFFFFFFu))

// Commands (funct3). Reserved fields must be 0.
#define ND_DMA_F3_SHAPE 0
#define ND_DMA_F3_STRIDE 1
#define ND_DMA_F3_WRITE 2
#define ND_DMA_F3_READ 3
#define ND_DMA_F3_FLAG 4
#define ND_DMA_F3_CLEAR 5

#if defined(__riscv)
// Row bytes (multiple of 4, 4 .. 65532) and rows (1 .. 65535) of later WRITE / READ (reset: 4 bytes, 1 row).
#define ND_DMA_SHAPE(row_bytes, rows) ND_DMA_CMD(ND_DMA_F3_SHAPE, 0, (row_bytes), (rows))
// Row strides in bytes (multiples of 4): local side, remote side (reset: 0, 0).
#define ND_DMA_STRIDE(local_stride, remote_stride) \
  ND_DMA_CMD(ND_DMA_F3_STRIDE, 0, (local_stride), (remote_stride))
// Local SRAM -> remote SRAM (global address).
#define ND_DMA_WRITE(local_src, gaddr_dst) ND_DMA_CMD(ND_DMA_F3_WRITE, 0, (local_src), (gaddr_dst))
// Remote SRAM (global address) -> local SRAM.
#define ND_DMA_READ(local_dst, gaddr_src) ND_DMA_CMD(ND_DMA_F3_READ, 0, (local_dst), (gaddr_src))
// Adds `inc` to the 32-bit word at the global address once every earlier WRITE is acknowledged.
#define ND_DMA_FLAG(inc, gaddr_flag) ND_DMA_CMD(ND_DMA_F3_FLAG, 0, (inc), (gaddr_flag))
// what: ND_DMA_CLEAR_ERROR and/or ND_DMA_CLEAR_COUNTERS.
#define ND_DMA_CLEAR(what) ND_DMA_CMD(ND_DMA_F3_CLEAR, 0, (what), 0)
#endif  // __riscv

#define ND_DMA_CLEAR_ERROR 1u
#define ND_DMA_CLEAR_COUNTERS 2u

// Error codes (ND_DMA_STATUS [7:4]).
#define ND_DMA_ERR_NONE 0u
#define ND_DMA_ERR_COMMAND 1u       // unknown command or reserved field set
#define ND_DMA_ERR_SHAPE 2u         // zero or too large shape
#define ND_DMA_ERR_MISALIGNED 3u    // address, length or stride not a multiple of 4
#define ND_DMA_ERR_LOCAL_RANGE 4u   // a byte of the transfer outside the local SRAM
#define ND_DMA_ERR_NODE 5u          // remote node outside the tile
#define ND_DMA_ERR_REMOTE_RANGE 6u  // a byte outside the remote SRAM
#define ND_DMA_ERR_REMOTE 7u        // the remote node refused an access (error bit in the response)

// Register offsets in the node's register window (docs/node.md "Memory map").
#define ND_REG_BASE 0x40000000u
#define ND_REG_DMA_STATUS 0x100u     // R: [0] busy, [1] error, [7:4] error code
#define ND_REG_DMA_DONE 0x104u       // R: transfer and flag commands completed
#define ND_REG_DMA_BYTES_OUT 0x108u  // R: data bytes sent by WRITEs
#define ND_REG_DMA_BYTES_IN 0x10Cu   // R: data bytes received by READs
#define ND_REG_DMA_STALL 0x110u      // R: cycles with a flit offered and not taken
#define ND_REG_NI_STATUS 0x140u      // R: [0] refused remote access (sticky), [15:8] count (saturating)
#define ND_REG_NI_REQS 0x144u        // R: request packets served

#define ND_DMA_REG(off) (*(volatile uint32_t*)(uintptr_t)(ND_REG_BASE + (off)))
#define ND_DMA_STATUS_BUSY(s) ((s)&1u)
#define ND_DMA_STATUS_ERROR(s) (((s) >> 1) & 1u)
#define ND_DMA_STATUS_CODE(s) (((s) >> 4) & 15u)

#endif  // ND_DMA_H
