// trap_load: a load from an address outside SRAM and MMIO raises a load access fault (cause 5) with
// no handler installed, so the core halts. The faulting load is at the global label trap_load_insn so
// the test can check the reported pc.
#include <stdint.h>

#include "nd_console.h"

int main(void) {
  nd_printf("before the trap\n");
  uint32_t v;
  __asm__ volatile(
      "li t0, 0x80000010\n"
      ".globl trap_load_insn\n"
      "trap_load_insn:\n"
      "lw %0, 0(t0)\n"
      : "=r"(v)
      :
      : "t0", "memory");
  nd_printf("after the trap: %u\n", (unsigned)v);
  return 0;
}
