// Memory map of one nanodojo node as a program sees it (docs/isa.md is the reference, docs/software.md
// the program's view), and small helpers for the node registers and the performance counters.
#ifndef ND_MMIO_H
#define ND_MMIO_H

#include <stdint.h>

#define ND_SRAM_BASE 0x00000000u
#define ND_MMIO_BASE 0x40000000u
#define ND_MMIO_CONSOLE (ND_MMIO_BASE + 0x0u)   // W: console TX, low byte of the store
#define ND_MMIO_NODE_ID (ND_MMIO_BASE + 0x4u)   // R: node id (= mhartid: x in [7:0], y in [15:8])
#define ND_MMIO_CYCLE_LO (ND_MMIO_BASE + 0x8u)  // R: free-running cycle counter, low word
#define ND_MMIO_CYCLE_HI (ND_MMIO_BASE + 0xCu)  // R: free-running cycle counter, high word

// Registers of a tile node (docs/node.md "Memory map"; the DMA and NI ones are in nd_dma.h); on core_system
// they read 0 and ignore writes.
#define ND_MMIO_TILE (ND_MMIO_BASE + 0x010u)           // R: {rows[15:8], cols[7:0]}
#define ND_MMIO_CTRL (ND_MMIO_BASE + 0x020u)           // RW: [0] run, [1] compute reset
#define ND_MMIO_CORE_STATUS (ND_MMIO_BASE + 0x024u)    // R: [0] halted, [1] running, [2] exited
#define ND_MMIO_INSTRET_LO (ND_MMIO_BASE + 0x030u)     // R: instructions retired since compute reset
#define ND_MMIO_RUN_CYCLES_LO (ND_MMIO_BASE + 0x038u)  // R: cycles run since compute reset
#define ND_MMIO_EXIT (ND_MMIO_BASE + 0x040u)           // RW: exit word, written by nd_exit

#define ND_MMIO32(addr) (*(volatile uint32_t*)(uintptr_t)(addr))
#define ND_MMIO8(addr) (*(volatile uint8_t*)(uintptr_t)(addr))

#if defined(__riscv)

// Node coordinates from mhartid.
static inline uint32_t nd_hart_id(void) {
  uint32_t v;
  __asm__ volatile("csrr %0, mhartid" : "=r"(v));
  return v;
}
static inline uint32_t nd_node_x(void) { return nd_hart_id() & 0xffu; }
static inline uint32_t nd_node_y(void) { return (nd_hart_id() >> 8) & 0xffu; }

// Low words of the cycle and retired-instruction counters (wrap after 2^32).
static inline uint32_t nd_rdcycle(void) {
  uint32_t v;
  __asm__ volatile("csrr %0, mcycle" : "=r"(v));
  return v;
}
static inline uint32_t nd_rdinstret(void) {
  uint32_t v;
  __asm__ volatile("csrr %0, minstret" : "=r"(v));
  return v;
}

#endif  // __riscv

#endif  // ND_MMIO_H
