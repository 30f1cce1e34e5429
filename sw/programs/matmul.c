// matmul: integer matrix multiply C = A * B (N x N, int32, wrapping) in i-j-k and i-k-j order and with
// B transposed; prints the row checksums and fails if the three orders disagree.
#include <stdint.h>

#include "nd_console.h"

#define N 20

static int32_t a[N][N], b[N][N], bt[N][N], c0[N][N], c1[N][N], c2[N][N];

int main(void) {
  uint32_t s = 1u;
  for (int i = 0; i < N; ++i) {
    for (int j = 0; j < N; ++j) {
      s = s * 1664525u + 1013904223u;
      a[i][j] = (int32_t)(s >> 8) % 1000 - 500;
      s = s * 1664525u + 1013904223u;
      b[i][j] = (int32_t)(s >> 12) - (1 << 19);
      bt[j][i] = b[i][j];
    }
  }
  for (int i = 0; i < N; ++i) {
    for (int j = 0; j < N; ++j) {
      uint32_t acc = 0;  // unsigned: wrapping is defined and identical on every host
      for (int k = 0; k < N; ++k) acc += (uint32_t)a[i][k] * (uint32_t)b[k][j];
      c0[i][j] = (int32_t)acc;
    }
  }
  for (int i = 0; i < N; ++i) {
    for (int k = 0; k < N; ++k) {
      const uint32_t aik = (uint32_t)a[i][k];
      for (int j = 0; j < N; ++j) c1[i][j] = (int32_t)((uint32_t)c1[i][j] + aik * (uint32_t)b[k][j]);
    }
  }
  for (int i = 0; i < N; ++i) {
    for (int j = 0; j < N; ++j) {
      uint32_t acc = 0;
      for (int k = 0; k < N; ++k) acc += (uint32_t)a[i][k] * (uint32_t)bt[j][k];
      c2[i][j] = (int32_t)acc;
    }
  }
  int bad = 0;
  uint32_t total = 0;
  for (int i = 0; i < N; ++i) {
    uint32_t row = 0;
    for (int j = 0; j < N; ++j) {
      row = row * 31u + (uint32_t)c0[i][j];
      bad += c0[i][j] != c1[i][j] || c0[i][j] != c2[i][j];
    }
    total ^= row;
    nd_printf("row %2d: %08x  c[%d][0] = %d\n", i, (unsigned)row, i, (int)c0[i][0]);
  }
  nd_printf("checksum %08x, %d mismatches\n", (unsigned)total, bad);
  return bad ? 1 : 0;
}
