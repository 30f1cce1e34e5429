// Console output and program exit for nanodojo programs.
//
// On the core, nd_putc() stores the byte to the console register (ND_MMIO_CONSOLE) and nd_exit() ends
// the program through tohost (sw/crt0.S). The same functions exist on the host (sw/host/console_host.c:
// stdout and exit()), so a program's output can be checked against a native build of the same C code.
// nd_printf() is a small printf (sw/lib/printf.c): conversions d i u x X o c s p %, flags - 0 + space,
// width and precision (also *), length modifiers hh h l ll z. No floating point.
#ifndef ND_CONSOLE_H
#define ND_CONSOLE_H

#include <stdarg.h>

#ifdef __cplusplus
extern "C" {
#endif

void nd_putc(char c);
void nd_puts(const char* s);  // writes s without adding a newline
int nd_printf(const char* fmt, ...) __attribute__((format(printf, 1, 2)));
int nd_vprintf(const char* fmt, va_list ap);
void nd_exit(int code) __attribute__((noreturn));

#ifdef __cplusplus
}
#endif

#endif  // ND_CONSOLE_H
