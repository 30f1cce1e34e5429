// Single-core GEMM on the matrix unit: C (m x n, FP32) = A (m x k) * B (k x n), A and B both BF16 or both
// CFP8 (docs/mxu.md). The host fills `mxu_job` before starting the core; any m, n, k (k <= 65535):
// 1. pack A into k-major 8-row strips and B into k-major 8-column strips, padding the last strip of each
//    with zero codes up to 8 rows / columns (skipped when the host already gives panels: `packed`);
// 2. one MAC (zero start, whole k) and one STORE per 8 x 8 tile, alternating the two C banks, the tiles
//    stored into a padded FP32 buffer (row stride n rounded up to 8);
// 3. wait, write the status block, copy the m x n valid part to C (unless `packed`: then C is the padded
//    buffer itself).
// Cycle and instruction counts of each phase go back into the job. Ends with tohost = 1 (pass), or a fail
// code when the job is malformed (2) or the MXU reports an error (3).
#include <stdint.h>

#include "nanodojo.h"
#include "nd_mxu.h"

struct mxu_job {
  uint32_t magic;
  uint32_t m, n, k;
  uint32_t fmt;  // ND_MXU_BF16 / ND_MXU_E4M3 / ND_MXU_E5M2, for A and B
  uint32_t a_bias, b_bias;
  uint32_t a, b;          // row-major codes (2 bytes BF16, 1 byte CFP8), or panels when packed
  uint32_t apack, bpack;  // panel buffers (128-byte aligned)
  uint32_t cpad;          // padded FP32 tiles (32-byte aligned)
  uint32_t c;             // result, m x n FP32 row-major
  uint32_t status;        // 32-byte status block
  uint32_t packed;
  // outputs
  uint32_t cycles_pack, cycles_mxu, cycles_copy, instret_mxu;
};

// In .data (initialized), so crt0 does not clear what the host wrote.
volatile struct mxu_job mxu_job = {.magic = 0x4D58554Au};

static inline uint32_t rdcycle(void) {
  uint32_t x;
  __asm__ volatile("rdcycle %0" : "=r"(x));
  return x;
}
static inline uint32_t rdinstret(void) {
  uint32_t x;
  __asm__ volatile("rdinstret %0" : "=r"(x));
  return x;
}

static void pack(uint32_t src, uint32_t dst, uint32_t rows, uint32_t cols, uint32_t k, int a_side,
                 uint32_t esize) {
  // A: strip s holds rows 8s..8s+7 (element (i, kk) of the strip at kk * 8 + i); rows = m, cols = k.
  // B: strip s holds columns 8s..8s+7 (element (kk, j) at kk * 8 + j); rows = k, cols = n.
  const uint32_t strips = ((a_side ? rows : cols) + 7) / 8;
  for (uint32_t s = 0; s < strips; ++s) {
    for (uint32_t kk = 0; kk < k; ++kk) {
      for (uint32_t e = 0; e < 8; ++e) {
        const uint32_t r = a_side ? 8 * s + e : kk;
        const uint32_t c = a_side ? kk : 8 * s + e;
        const int valid = a_side ? r < rows : c < cols;
        const uint32_t at = (s * k + kk) * 8 + e;
        if (esize == 2) {
          ((volatile uint16_t*)dst)[at] = valid ? ((const volatile uint16_t*)src)[r * cols + c] : 0;
        } else {
          ((volatile uint8_t*)dst)[at] = valid ? ((const volatile uint8_t*)src)[r * cols + c] : 0;
        }
      }
    }
  }
}

int main(void) {
  volatile struct mxu_job* j = &mxu_job;
  const uint32_t m = j->m, n = j->n, k = j->k;
  if (m == 0 || n == 0 || k == 0 || k > 65535 || j->fmt > ND_MXU_E5M2) return 2;
  const uint32_t esize = j->fmt == ND_MXU_BF16 ? 2 : 1;
  const uint32_t ms = (m + 7) / 8, ns = (n + 7) / 8, n8 = 8 * ns;

  uint32_t t0 = rdcycle();
  uint32_t apanels = j->apack, bpanels = j->bpack;
  if (j->packed) {
    apanels = j->a;
    bpanels = j->b;
  } else {
    pack(j->a, apanels, m, k, k, 1, esize);
    pack(j->b, bpanels, k, n, k, 0, esize);
  }
  uint32_t t1 = rdcycle();
  const uint32_t i1 = rdinstret();

  const uint32_t bias_a = j->fmt == ND_MXU_BF16 ? 0 : j->a_bias;
  const uint32_t bias_b = j->fmt == ND_MXU_BF16 ? 0 : j->b_bias;
  nd_mxu_cfg(ND_MXU_CFG(j->fmt, bias_a, j->fmt, bias_b, ND_MXU_OUT_FP32, 0, ND_MXU_RNE));
  nd_mxu_shape(k, 1, 1);
  const uint32_t strip = k * 8 * esize;  // bytes of one panel
  const uint32_t cpad = j->cpad, row_stride = n8 * 4;
  for (uint32_t s = 0; s < ms; ++s) {
    const uint32_t a = apanels + s * strip;
    const uint32_t c_row = cpad + s * 8 * row_stride;
    uint32_t u = 0;
    for (; u + 1 < ns; u += 2) {  // two tiles per iteration: bank 0, then bank 1
      nd_mxu_mac(0, 1, a, bpanels + u * strip);
      nd_mxu_store(0, c_row + u * 32, row_stride);
      nd_mxu_mac(1, 1, a, bpanels + (u + 1) * strip);
      nd_mxu_store(1, c_row + (u + 1) * 32, row_stride);
    }
    if (u < ns) {
      nd_mxu_mac(0, 1, a, bpanels + u * strip);
      nd_mxu_store(0, c_row + u * 32, row_stride);
    }
  }
  nd_mxu_status(j->status, 0, 0);
  nd_mxu_wait();
  const uint32_t t2 = rdcycle();
  const uint32_t i2 = rdinstret();

  if (!j->packed) {
    volatile uint32_t* c = (volatile uint32_t*)j->c;
    const volatile uint32_t* p = (const volatile uint32_t*)cpad;
    for (uint32_t i = 0; i < m; ++i) {
      for (uint32_t jj = 0; jj < n; ++jj) c[i * n + jj] = p[i * n8 + jj];
    }
  }
  const uint32_t t3 = rdcycle();
  j->cycles_pack = t1 - t0;
  j->cycles_mxu = t2 - t1;
  j->cycles_copy = t3 - t2;
  j->instret_mxu = i2 - i1;
  const uint32_t st = ((const volatile uint32_t*)j->status)[ND_MXU_ST_WORD];
  return (st >> 8) & 1u ? 3 : 0;
}
