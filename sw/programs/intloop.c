// intloop: the integer-loop benchmark. intloop_kernel() is a loop of straight-line, mostly independent
// ALU operations (add, sub, xor, and, or, shifts, set-less-than, one multiply) unrolled so that the
// loop branch is a small fraction of the work; the benchmark (make bench-core) reports the IPC of the
// whole program and of intloop_kernel alone (`nanodojo core --region intloop_kernel`).
#include <stdint.h>

#include "nd_console.h"

#define ITERATIONS 1000

__attribute__((noinline)) uint32_t intloop_kernel(uint32_t n, uint32_t seed) {
  uint32_t a = seed, b = seed ^ 0x9e3779b9u, c = 3, d = 4, e = 5, f = 6, g = 7, h = 8;
  for (uint32_t i = 0; i < n; ++i) {
    a += b ^ i;
    c -= d | 1u;
    e ^= f + 0x1234u;
    g += h << 2;
    b = (b << 7) | (b >> 25);
    d ^= c >> 3;
    f += e & 0xff00ffu;
    h -= g >> 5;
    a ^= c + e;
    b += d - f;
    c += (uint32_t)((int32_t)g < (int32_t)h);
    d = (d << 1) ^ (a >> 31);
    e += a << 3;
    f ^= b >> 11;
    g ^= e | f;
    h += a * 5u;
  }
  return a ^ b ^ c ^ d ^ e ^ f ^ g ^ h;
}

int main(void) {
  uint32_t r = 0;
  for (uint32_t s = 1; s <= 4; ++s) r ^= intloop_kernel(ITERATIONS, s * 0x01000193u) + s;
  nd_printf("intloop: %u iterations x 4, result %08x\n", ITERATIONS, (unsigned)r);
  return 0;
}
