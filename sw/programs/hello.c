// hello: console output and the formatting of nd_printf (checked against a host build of this file).
#include <stdint.h>

#include "nd_console.h"

int main(void) {
  nd_printf("hello from nanodojo\n");
  nd_printf("int: [%d] [%i] [%d] [%d]\n", 0, 42, -7, (int)0x80000000);
  nd_printf("unsigned: [%u] [%u] [%x] [%X] [%o]\n", 0u, 4294967295u, 0xdeadbeefu, 0xcafeu, 8u);
  nd_printf("width: [%5d] [%-5d] [%05d] [%+d] [% d] [%*d]\n", 42, 42, -42, 42, 42, 6, 7);
  nd_printf("precision: [%.3d] [%.0d] [%8.4x] [%#x] [%#o] [%#X]\n", 5, 0, 0xab, 255u, 8u, 0xbeefu);
  nd_printf("long: [%ld] [%lu] [%lld] [%llx]\n", -123456L, 123456UL, -1234567890123LL, 0x123456789abcdefULL);
  nd_printf("narrow: [%hd] [%hhu] [%hx]\n", 70000, 300, 0x12345);
  nd_printf("char/string: [%c] [%3c] [%-3c] [%s] [%8s] [%-8s] [%.3s]\n", 'a', 'b', 'c', "str", "right",
            "left", "truncate");
  nd_printf("percent: [%%] size_t: [%zu]\n", sizeof(uint32_t));
  int n = nd_printf("count");
  nd_printf(" -> %d characters\n", n);
  return 0;
}
