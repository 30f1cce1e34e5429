// divmath: number theory on the M extension's divider: gcd, a prime sieve, integer square roots,
// Collatz lengths and C's signed division rules (truncation toward zero, remainder sign).
#include <stdint.h>

#include "nd_console.h"

static uint32_t gcd(uint32_t x, uint32_t y) {
  while (y != 0) {
    const uint32_t t = x % y;
    x = y;
    y = t;
  }
  return x;
}

static uint32_t isqrt(uint32_t n) {  // Newton's method on integers
  if (n < 2) return n;
  uint32_t x = n / 2 + 1, y = (x + n / x) / 2;
  while (y < x) {
    x = y;
    y = (x + n / x) / 2;
  }
  return x;
}

static uint8_t composite[4000];

int main(void) {
  nd_printf("gcd(1071, 462) = %u, gcd(2^31, 6^10) = %u\n", (unsigned)gcd(1071, 462),
            (unsigned)gcd(0x80000000u, 60466176u));
  int primes = 0;
  uint32_t last = 0, sum = 0;
  for (uint32_t i = 2; i < sizeof composite; ++i) {
    if (composite[i]) continue;
    ++primes;
    last = i;
    sum += i;
    for (uint32_t j = i * i; j < sizeof composite; j += i) composite[j] = 1;
  }
  nd_printf("primes below %u: %d, largest %u, sum %u\n", (unsigned)sizeof composite, primes, (unsigned)last,
            (unsigned)sum);
  const uint32_t roots[] = {0, 1, 15, 16, 17, 1000000, 4294967295u};
  for (unsigned i = 0; i < sizeof roots / sizeof roots[0]; ++i)
    nd_printf("isqrt(%u) = %u\n", (unsigned)roots[i], (unsigned)isqrt(roots[i]));
  uint32_t best = 0, best_len = 0;
  for (uint32_t n = 1; n < 3000; ++n) {
    uint32_t x = n, len = 0;
    while (x != 1) {
      x = (x % 2) ? 3 * x + 1 : x / 2;
      ++len;
    }
    if (len > best_len) best = n, best_len = len;
  }
  nd_printf("longest Collatz chain below 3000: %u (%u steps)\n", (unsigned)best, (unsigned)best_len);
  const int32_t num[] = {7, -7, 7, -7, 1000000007, -2147483647};
  const int32_t den[] = {2, 2, -2, -2, 97, 10};
  for (unsigned i = 0; i < sizeof num / sizeof num[0]; ++i)
    nd_printf("%d / %d = %d rem %d\n", (int)num[i], (int)den[i], (int)(num[i] / den[i]),
              (int)(num[i] % den[i]));
  return primes == 550 ? 0 : 1;
}
