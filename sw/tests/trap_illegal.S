// trap_illegal: an all-zero word is not a valid instruction (cause 2, illegal instruction); with mtvec
// still 0 the core halts and reports it. Bare program: no crt0.
  .section .text.init, "ax", @progbits
  .globl _start
_start:
  li a0, 1
  .globl trap_illegal_insn
trap_illegal_insn:
  .word 0x00000000
  la t0, tohost
  sw a0, 0(t0)
1:
  j 1b

  .section .tohost, "aw", @progbits
  .balign 64
  .globl tohost
tohost:
  .word 0, 0
