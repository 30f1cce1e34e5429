// Console output of a program running on the core: each byte is one store to the console register.
#include "nd_console.h"
#include "nd_mmio.h"

void nd_putc(char c) { ND_MMIO8(ND_MMIO_CONSOLE) = (uint8_t)c; }
