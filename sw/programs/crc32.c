// crc32: CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320) computed bit by bit and with a 256-entry
// table over generated data; checks the standard check value of "123456789" (0xCBF43926).
#include <stdint.h>

#include "nd_console.h"

static uint32_t table[256];
static uint8_t buf[2048];

static uint32_t crc32_bitwise(const uint8_t* p, uint32_t n) {
  uint32_t crc = 0xffffffffu;
  for (uint32_t i = 0; i < n; ++i) {
    crc ^= p[i];
    for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
  }
  return ~crc;
}

static void make_table(void) {
  for (uint32_t i = 0; i < 256; ++i) {
    uint32_t c = i;
    for (int k = 0; k < 8; ++k) c = (c & 1u) ? (c >> 1) ^ 0xedb88320u : c >> 1;
    table[i] = c;
  }
}

static uint32_t crc32_table(const uint8_t* p, uint32_t n) {
  uint32_t crc = 0xffffffffu;
  for (uint32_t i = 0; i < n; ++i) crc = table[(crc ^ p[i]) & 0xffu] ^ (crc >> 8);
  return ~crc;
}

int main(void) {
  static const uint8_t check[] = "123456789";
  make_table();
  const uint32_t c0 = crc32_bitwise(check, 9);
  const uint32_t c1 = crc32_table(check, 9);
  nd_printf("crc32(\"123456789\") = %08x (bitwise) %08x (table)\n", (unsigned)c0, (unsigned)c1);
  uint32_t lcg = 12345u;
  for (uint32_t i = 0; i < sizeof buf; ++i) {
    lcg = lcg * 1103515245u + 12345u;
    buf[i] = (uint8_t)(lcg >> 16);
  }
  int mismatches = 0;
  for (uint32_t len = 1; len <= sizeof buf; len *= 2) {
    const uint32_t a = crc32_bitwise(buf, len), b = crc32_table(buf, len);
    nd_printf("len %4u: %08x %s\n", (unsigned)len, (unsigned)b, a == b ? "ok" : "MISMATCH");
    mismatches += a != b;
  }
  if (c0 != 0xcbf43926u || c1 != 0xcbf43926u) return 1;
  return mismatches ? 2 : 0;
}
