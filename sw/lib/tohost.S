// Host communication words, the convention of the RISC-V bare-metal tests (riscv-tests, HTIF).
//
// A store of (code << 1) | 1 to tohost ends the program: code 0 = pass, anything else = fail with
// that code. The runner watches the core's store port for the address of the symbol `tohost`, so the
// ELF must keep its symbol table. fromhost is reserved (the runner never writes it). Both are 64-bit
// words in their own 64-byte line, as in riscv-tests, so programs written for that layout run unchanged.
  .section .tohost, "aw", @progbits
  .balign 64
  .globl tohost
  .type tohost, @object
tohost:
  .word 0, 0
  .size tohost, 8
  .balign 64
  .globl fromhost
  .type fromhost, @object
fromhost:
  .word 0, 0
  .size fromhost, 8
