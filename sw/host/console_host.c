// Host shim of the nanodojo console: lets a program under sw/programs/ build natively, so its output can
// be compared with the output of the same C code on the simulated core (tb/core/core_program.test.cpp).
#include <stdio.h>
#include <stdlib.h>

#include "nd_console.h"

void nd_putc(char c) { putchar((unsigned char)c); }

void nd_exit(int code) {
  fflush(stdout);
  exit(code);
}
