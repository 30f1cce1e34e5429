// Start-up code for C programs on a nanodojo node (see docs/software.md).
//
// The core begins at pc 0 with undefined registers. _start clears every register, sets gp and sp,
// clears .bss, calls main() and ends the program with the value main returned: it stores
// (code << 1) | 1 to tohost (code 0 = pass), the convention of the RISC-V bare-metal tests. No trap
// handler is installed (mtvec stays 0), so an exception stops the simulation with a trap report.
  .section .text.init, "ax", @progbits
  .globl _start
  .type _start, @function
_start:
  // Registers may hold anything after reset: start from a known state.
  li x1, 0
  li x2, 0
  li x3, 0
  li x4, 0
  li x5, 0
  li x6, 0
  li x7, 0
  li x8, 0
  li x9, 0
  li x10, 0
  li x11, 0
  li x12, 0
  li x13, 0
  li x14, 0
  li x15, 0
  li x16, 0
  li x17, 0
  li x18, 0
  li x19, 0
  li x20, 0
  li x21, 0
  li x22, 0
  li x23, 0
  li x24, 0
  li x25, 0
  li x26, 0
  li x27, 0
  li x28, 0
  li x29, 0
  li x30, 0
  li x31, 0

  .option push
  .option norelax
  la gp, __global_pointer$
  .option pop
  la sp, __stack_top

  // Clear .bss and .sbss (word aligned by the linker script).
  la t0, __bss_start
  la t1, __bss_end
1:
  bgeu t0, t1, 2f
  sw zero, 0(t0)
  addi t0, t0, 4
  j 1b
2:
  li a0, 0
  li a1, 0
  call main
  tail nd_exit
  .size _start, . - _start

// void nd_exit(int code): reports code to the host through tohost, then through the node's EXIT register
// (docs/node.md: it ends the node's run; outside a node the store is ignored) and never returns.
  .text
  .globl nd_exit
  .type nd_exit, @function
nd_exit:
  slli a0, a0, 1
  ori a0, a0, 1
  la t0, tohost
  sw a0, 0(t0)
  li t0, 0x40000040
  sw a0, 0(t0)
1:
  j 1b
  .size nd_exit, . - nd_exit
