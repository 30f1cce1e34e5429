// GEMM across a grid of nodes, C = A x B on the MXU (docs/kernels.md): a 2D all-gather with stationary C.
//
// The grid is R x C nodes from (0, 0); node (x, y) is grid row r = y, column c = x and computes the C block
// of row block r and column block c. The host gives each node its job (sw/include/nd_gemm.h) and its own
// part of the operands, row-major and unpadded: some rows of A's row block r (all of K) and some columns of
// B's column block c (all of K). The kernel plans its sends and the tables of its tile loop from the job,
// then
// 1. packs its own B part into MXU panels (k-major 8-column strips, the last strip of the matrix padded
//    with zero codes) at its place in its B_c buffer, and sends it to every other node of its grid column
//    (one 2D DMA WRITE each, into the same buffer offset there), each followed by a FLAG on the receiver's
//    flag word for this sender;
// 2. packs its own A part (k-major 8-row strips) into its A_r buffer while the B parts travel, and sends it
//    to every other node of its grid row the same way; sends are posted as far as the DMA queue holds them
//    (all of them on grids up to 4 x 4), the rest between MXU commands so the core never waits on the queue;
// 3. computes its tiles block by block (A part x B part), A part by A part in the order they arrive (its own
//    first), each times every B part (its own first; the peers' came in during the packing), waiting for a
//    peer's flag only when its part is needed. Each tile is one MAC over the whole K (zero start) and one
//    STORE, alternating the two C banks, so the MXU multiplies one tile while it stores the previous one and
//    the DMA keeps filling the buffers meanwhile;
// 4. writes the MXU status block, waits for the MXU and the DMA, and records its cycle counts.
// Every node runs this binary. Exit code 0, or ND_GEMM_ERR_* (sw/include/nd_gemm.h).
#include <stdint.h>

#include "nanodojo.h"
#include "nd_dma.h"
#include "nd_gemm.h"
#include "nd_mxu.h"

// In .data: the host writes it before the core starts, and crt0 must not clear it.
volatile uint32_t gemm_job[ND_GJ_WORDS] = {ND_GEMM_MAGIC};

static inline uint32_t rdcycle(void) {
  uint32_t x;
  __asm__ volatile("rdcycle %0" : "=r"(x));
  return x;
}

static inline uint32_t part_first(uint32_t p) { return p & 0xFFFFu; }
static inline uint32_t part_strips(uint32_t p) { return p >> 16; }

// Packing (docs/kernels.md "Packing and padding"). A: `rows` valid rows of k codes (row-major at src) ->
// `strips` k-major 8-row panels at dst, element (i, kk) of a strip at (kk * 8 + i) codes; B: k rows of `cols`
// valid codes -> `strips` k-major 8-column panels, element (kk, j) of a strip at (kk * 8 + j) codes. Codes
// past the valid rows / columns are zero. Word-wide fast paths transpose 2 BF16 rows x 2 k (4 CFP8 rows x 4
// k) per step and copy whole B k-rows as words; the element loops handle the rest.

// One A row (or a zero row) into column e of its strip, element by element.
#define PACK_A_ROW(T)                                                        \
  static void pack_a_row_##T(const T* s, T* d, uint32_t valid, uint32_t k) { \
    for (uint32_t kk = 0; kk < k; ++kk) d[kk * 8] = valid ? s[kk] : 0;       \
  }
PACK_A_ROW(uint16_t)
PACK_A_ROW(uint8_t)

static inline int aligned4(const void* p) { return ((uintptr_t)p & 3u) == 0; }

static void pack_a_bf16(const uint16_t* src, uint16_t* dst, uint32_t rows, uint32_t strips, uint32_t k) {
  for (uint32_t i = 0; i < 8 * strips; i += 2) {
    uint16_t* d = dst + (i / 8) * k * 8 + i % 8;
    const uint16_t *s0 = src + i * k, *s1 = s0 + k;
    if (i + 1 < rows && k % 2 == 0 && aligned4(s0)) {
      const uint32_t *a = (const uint32_t*)s0, *b = (const uint32_t*)s1;
      uint32_t* o = (uint32_t*)d;
      for (uint32_t kk = 0; kk < k; kk += 2, o += 8) {
        const uint32_t x = *a++, y = *b++;
        o[0] = (x & 0xFFFFu) | (y << 16);      // k-row kk: rows i, i + 1
        o[4] = (x >> 16) | (y & 0xFFFF0000u);  // k-row kk + 1
      }
    } else {
      pack_a_row_uint16_t(s0, d, i < rows, k);
      pack_a_row_uint16_t(s1, d + 1, i + 1 < rows, k);
    }
  }
}

static void pack_a_cfp8(const uint8_t* src, uint8_t* dst, uint32_t rows, uint32_t strips, uint32_t k) {
  for (uint32_t i = 0; i < 8 * strips; i += 4) {
    uint8_t* d = dst + (i / 8) * k * 8 + i % 8;
    const uint8_t* s0 = src + i * k;
    if (i + 3 < rows && k % 4 == 0 && aligned4(s0)) {
      const uint32_t* a = (const uint32_t*)s0;
      uint32_t* o = (uint32_t*)d;
      const uint32_t w = k / 4;  // words per row
      for (uint32_t kk = 0; kk < k; kk += 4, ++a, o += 8) {
        const uint32_t x0 = a[0], x1 = a[w], x2 = a[2 * w], x3 = a[3 * w];
        // 4 x 4 byte transpose: t = rows 0, 1 of k-rows {0, 2} and {1, 3}; u = rows 2, 3.
        const uint32_t t0 = (x0 & 0x00FF00FFu) | ((x1 & 0x00FF00FFu) << 8);
        const uint32_t t1 = ((x0 >> 8) & 0x00FF00FFu) | (x1 & 0xFF00FF00u);
        const uint32_t u0 = (x2 & 0x00FF00FFu) | ((x3 & 0x00FF00FFu) << 8);
        const uint32_t u1 = ((x2 >> 8) & 0x00FF00FFu) | (x3 & 0xFF00FF00u);
        o[0] = (t0 & 0xFFFFu) | (u0 << 16);
        o[2] = (t1 & 0xFFFFu) | (u1 << 16);
        o[4] = (t0 >> 16) | (u0 & 0xFFFF0000u);
        o[6] = (t1 >> 16) | (u1 & 0xFFFF0000u);
      }
    } else {
      for (uint32_t e = 0; e < 4; ++e) pack_a_row_uint8_t(s0 + e * k, d + e, i + e < rows, k);
    }
  }
}

#define PACK_B(T)                                                                            \
  static void pack_b_##T(const T* src, T* dst, uint32_t cols, uint32_t strips, uint32_t k) { \
    for (uint32_t s = 0; s < strips; ++s) {                                                  \
      const uint32_t n = cols - 8 * s < 8 ? cols - 8 * s : 8;                                \
      for (uint32_t kk = 0; kk < k; ++kk) {                                                  \
        const T* r = src + kk * cols + 8 * s;                                                \
        T* d = dst + (s * k + kk) * 8;                                                       \
        if (n == 8 && aligned4(r)) {                                                         \
          const uint32_t* r32 = (const uint32_t*)r;                                          \
          uint32_t* d32 = (uint32_t*)d;                                                      \
          for (uint32_t w = 0; w < 2 * sizeof(T); ++w) d32[w] = r32[w];                      \
          continue;                                                                          \
        }                                                                                    \
        uint32_t j = 0;                                                                      \
        for (; j < n; ++j) d[j] = r[j];                                                      \
        for (; j < 8; ++j) d[j] = 0;                                                         \
      }                                                                                      \
    }                                                                                        \
  }
PACK_B(uint16_t)
PACK_B(uint8_t)

static void pack_a(uint32_t esize, uint32_t src, uint32_t dst, uint32_t rows, uint32_t strips, uint32_t k) {
  if (esize == 2)
    pack_a_bf16((const uint16_t*)src, (uint16_t*)dst, rows, strips, k);
  else
    pack_a_cfp8((const uint8_t*)src, (uint8_t*)dst, rows, strips, k);
}

static void pack_b(uint32_t esize, uint32_t src, uint32_t dst, uint32_t cols, uint32_t strips, uint32_t k) {
  if (esize == 2)
    pack_b_uint16_t((const uint16_t*)src, (uint16_t*)dst, cols, strips, k);
  else
    pack_b_uint8_t((const uint8_t*)src, (uint8_t*)dst, cols, strips, k);
}

// The parts this node sends: one 2D DMA WRITE of `strips` panels of `strip_bytes` at local `addr` to the
// same address of node (x, y), then a FLAG adding 1 to that node's flag word `flag` once the data is there.
// SHAPE and STRIDE go before a send only when its shape differs from the previous one's; `slots_end` counts
// the queue slots (commands) of this send and every earlier one. The first `n_ready` sends have their data
// packed.
struct send {
  uint32_t addr, strips, strip_bytes, x, y, flag, shape, slots_end;
};
static struct send sends[2 * ND_GEMM_MAX_GRID];
static uint32_t n_sends, n_ready, n_issued;

// Posts the next ready sends while their commands fit the DMA queue beside those not known to be done, so
// the engine goes from one send to the next without the core and the core never stalls on the queue.
// DMA_DONE counts the WRITE and the FLAG of each send; it is brought up to date when nothing is outstanding
// (docs/node.md), so it is a prefix of the sends and may lag: the estimate of the slots in use errs high.
// A 4 x 4 grid posts its three B sends at once (8 commands), then its three A sends.
static void pump(void) {
  if (n_issued == n_ready) return;
  // DMA_DONE counts from 0: the host resets the node before the job (tb/tile/gemm_run.cpp).
  const uint32_t done = ND_DMA_REG(ND_REG_DMA_DONE) >> 1;
  const uint32_t used = done == 0 ? 0 : sends[done - 1].slots_end;
  for (; n_issued < n_ready && sends[n_issued].slots_end - used <= ND_DMA_QUEUE_DEPTH; ++n_issued) {
    const struct send* s = &sends[n_issued];
    if (s->shape) {
      ND_DMA_SHAPE(s->strip_bytes, s->strips);
      ND_DMA_STRIDE(s->strip_bytes, s->strip_bytes);
    }
    ND_DMA_WRITE(s->addr, ND_GADDR(s->x, s->y, s->addr));
    ND_DMA_FLAG(1, ND_GADDR(s->x, s->y, s->flag));
  }
}

static void add_send(uint32_t addr, uint32_t strips, uint32_t strip_bytes, uint32_t x, uint32_t y,
                     uint32_t flag) {
  if (strips == 0) return;
  struct send* s = &sends[n_sends];
  const struct send* prev = n_sends == 0 ? 0 : s - 1;
  s->addr = addr;
  s->strips = strips;
  s->strip_bytes = strip_bytes;
  s->x = x;
  s->y = y;
  s->flag = flag;
  s->shape = prev == 0 || prev->strips != strips || prev->strip_bytes != strip_bytes;
  s->slots_end = (prev == 0 ? 0 : prev->slots_end) + (s->shape ? 4 : 2);
  ++n_sends;
}

// Spins until the flag word is set, keeping the sends going; returns the cycles spent.
static uint32_t wait_flag(uint32_t flag) {
  const volatile uint32_t* f = (const volatile uint32_t*)flag;
  if (*f != 0) return 0;
  const uint32_t t = rdcycle();
  while (*f == 0) pump();
  return rdcycle() - t;
}

// MAC + STORE of the tiles of one row of B strips, `n` of them from panel b and C tile ct, alternating the
// banks starting with bank `first` (bank numbers are encoded in the instructions, so they are constants
// here); the sends go on between pairs.
#define TILE_PAIRS(first, second)                  \
  do {                                             \
    for (; n >= 2; n -= 2) {                       \
      nd_mxu_mac(first, 1, a, b);                  \
      nd_mxu_store(first, ct, cstride);            \
      nd_mxu_mac(second, 1, a, b + b_strip);       \
      nd_mxu_store(second, ct + out_row, cstride); \
      b += 2 * b_strip;                            \
      ct += 2 * out_row;                           \
      if (sending) pump();                         \
    }                                              \
    if (n != 0) {                                  \
      nd_mxu_mac(first, 1, a, b);                  \
      nd_mxu_store(first, ct, cstride);            \
    }                                              \
  } while (0)

// What the tile loop needs, set once by main(): for every A part (grid column p) and B part (grid row q)
// its first panel, its strips, where its tiles go in the C block and its flag word (0 for the node's own
// part, or once seen), so the loop does no multiplications and no divisions (the core's divider takes 32
// cycles, and a K = 256 BF16 tile only 64 at KLanes 4).
static struct {
  uint32_t a[ND_GEMM_MAX_GRID], a_n[ND_GEMM_MAX_GRID], c_row[ND_GEMM_MAX_GRID], a_flag[ND_GEMM_MAX_GRID];
  uint32_t b[ND_GEMM_MAX_GRID], b_n[ND_GEMM_MAX_GRID], c_col[ND_GEMM_MAX_GRID], b_flag[ND_GEMM_MAX_GRID];
  uint32_t a_strip, b_strip, c_strip, cstride, out_row;
  uint32_t wait, tiles;  // cycles spent waiting for flags, tiles issued
} g;

// The tiles of block (A part of grid column p, B part of grid row q): every A strip of the one times every
// B strip of the other, once both parts are there.
static inline __attribute__((always_inline)) void block(uint32_t p, uint32_t q) {
  if (g.a_n[p] == 0 || g.b_n[q] == 0) return;
  if (g.a_flag[p] != 0) {
    g.wait += wait_flag(g.a_flag[p]);
    g.a_flag[p] = 0;
  }
  if (g.b_flag[q] != 0) {
    g.wait += wait_flag(g.b_flag[q]);
    g.b_flag[q] = 0;
  }
  const uint32_t b_strip = g.b_strip, cstride = g.cstride, out_row = g.out_row;
  const int sending = n_issued < n_sends;  // in a register: no loads in the loop once all are sent
  uint32_t a = g.a[p], crow = g.c_row[p] + g.c_col[q];
  for (uint32_t x = g.a_n[p]; x != 0; --x, a += g.a_strip, crow += g.c_strip) {
    // One row of tiles: few instructions per tile, because the core fetches them from the banks the MXU
    // streams its operands from (every fetch that meets an operand read in a bank can cost a step).
    uint32_t b = g.b[q], ct = crow, n = g.b_n[q];
    if (g.tiles & 1u) {  // the previous tile used bank 0: keep alternating
      TILE_PAIRS(1, 0);
    } else {
      TILE_PAIRS(0, 1);
    }
    g.tiles += g.b_n[q];
  }
  gemm_job[ND_GJ_TILES] = g.tiles;  // progress, for the host
}

int main(void) {
  volatile uint32_t* j = gemm_job;
  const uint32_t t0 = rdcycle();
  const uint32_t id = ND_MMIO32(ND_MMIO_NODE_ID);
  const uint32_t c = id & 0xffu, r = (id >> 8) & 0xffu;
  const uint32_t grid_r = (j[ND_GJ_GRID] >> 8) & 0xffu, grid_c = j[ND_GJ_GRID] & 0xffu;
  const uint32_t k = j[ND_GJ_K];
  const uint32_t aes = j[ND_GJ_ESIZE] & 0xffu, bes = (j[ND_GJ_ESIZE] >> 8) & 0xffu;
  if (j[ND_GJ_MAGIC] != ND_GEMM_MAGIC || grid_r == 0 || grid_c == 0 || grid_r > ND_GEMM_MAX_GRID ||
      grid_c > ND_GEMM_MAX_GRID || r >= grid_r || c >= grid_c || k == 0 || k > 65535 ||
      (aes != 1 && aes != 2) || (bes != 1 && bes != 2)) {
    j[ND_GJ_RESULT] = ND_GEMM_ERR_JOB;
    return ND_GEMM_ERR_JOB;
  }
  const uint32_t a_strip = k * 8 * aes, b_strip = k * 8 * bes;  // bytes of one panel
  const uint32_t a_panels = j[ND_GJ_A_PANELS], b_panels = j[ND_GJ_B_PANELS];
  const uint32_t flags = j[ND_GJ_FLAGS];
  const uint32_t a_own = j[ND_GJ_A_PART + c], b_own = j[ND_GJ_B_PART + r];
  const uint32_t a_own_addr = a_panels + part_first(a_own) * a_strip;
  const uint32_t b_own_addr = b_panels + part_first(b_own) * b_strip;

  // The plan, from the job alone: the sends of steps 1 and 2 and the tables of step 3. It comes before the
  // packing, so the sends and the first MAC follow the packing at once. Sends in the order the receivers
  // need the parts: a node needs the B parts of the grid rows r + 1, r + 2, ... and the A parts of the grid
  // columns c + 1, c + 2, ..., so this node sends its B part to the row d above it and its A part to the
  // column d to its left, for d = 1, 2, ...
  for (uint32_t d = 1, up = r; d < grid_r; ++d) {
    up = up == 0 ? grid_r - 1 : up - 1;
    add_send(b_own_addr, part_strips(b_own), b_strip, c, up, flags + 4 * (16 + r));
  }
  const uint32_t b_sends = n_sends;
  for (uint32_t d = 1, left = c; d < grid_c; ++d) {
    left = left == 0 ? grid_c - 1 : left - 1;
    add_send(a_own_addr, part_strips(a_own), a_strip, left, r, flags + 4 * c);
  }
  // Tables of the tile loop.
  const uint32_t cbuf = j[ND_GJ_C];
  g.a_strip = a_strip;
  g.b_strip = b_strip;
  g.cstride = j[ND_GJ_C_STRIDE];
  g.c_strip = 8 * g.cstride;
  g.out_row = j[ND_GJ_OUT_ROW];
  for (uint32_t p = 0; p < grid_c; ++p) {
    const uint32_t ap = j[ND_GJ_A_PART + p];
    g.a[p] = a_panels + part_first(ap) * a_strip;
    g.a_n[p] = part_strips(ap);
    g.c_row[p] = cbuf + part_first(ap) * g.c_strip;
    g.a_flag[p] = p == c ? 0 : flags + 4 * p;
  }
  for (uint32_t q = 0; q < grid_r; ++q) {
    const uint32_t bp = j[ND_GJ_B_PART + q];
    g.b[q] = b_panels + part_first(bp) * b_strip;
    g.b_n[q] = part_strips(bp);
    g.c_col[q] = part_first(bp) * g.out_row;
    g.b_flag[q] = q == r ? 0 : flags + 4 * (16 + q);
  }

  // 1. Pack the own B part and post its sends; 2. pack the own A part meanwhile and post its sends.
  pack_b(bes, j[ND_GJ_B_RAW], b_own_addr, j[ND_GJ_B_COLS], part_strips(b_own), k);
  n_ready = b_sends;
  pump();
  pack_a(aes, j[ND_GJ_A_RAW], a_own_addr, j[ND_GJ_A_ROWS], part_strips(a_own), k);
  const uint32_t t1 = rdcycle();
  n_ready = n_sends;
  pump();

  // 3. Tiles, block by block: the A parts in the order they arrive (own, columns c + 1, c + 2, ...), each
  //    times the B parts of rows r, r + 1, ... Every block (A part, B part) comes exactly once.
  nd_mxu_cfg_seed(j[ND_GJ_CFG], j[ND_GJ_SEED]);
  nd_mxu_shape(k, 1, 1);
  for (uint32_t s = 0, p = c; s < grid_c; ++s, p = p + 1 == grid_c ? 0 : p + 1)
    for (uint32_t t = 0, q = r; t < grid_r; ++t, q = q + 1 == grid_r ? 0 : q + 1) block(p, q);

  // 4. Status, completion, counts.
  while (n_issued < n_sends) pump();
  nd_mxu_status(j[ND_GJ_STATUS], 0, 0);
  nd_mxu_wait();
  const uint32_t t2 = rdcycle();
  nd_dma_wait();
  const uint32_t st = ((const volatile uint32_t*)j[ND_GJ_STATUS])[ND_MXU_ST_WORD];
  const uint32_t dma = ND_DMA_REG(ND_REG_DMA_STATUS);
  const uint32_t result = (st >> 8) & 1u ? ND_GEMM_ERR_MXU : ND_DMA_STATUS_ERROR(dma) ? ND_GEMM_ERR_DMA : 0;
  j[ND_GJ_CYCLES_PACK] = t1 - t0;
  j[ND_GJ_CYCLES_COMPUTE] = t2 - t1;
  j[ND_GJ_CYCLES_WAIT] = g.wait;
  j[ND_GJ_CYCLES_TOTAL] = rdcycle() - t0;
  j[ND_GJ_RESULT] = result;
  return (int)result;
}
