// GEMM across a grid of nodes, C = A x B on the MXU (docs/kernels.md): a 2D all-gather with stationary C.
//
// The grid is R x C nodes from (0, 0); node (x, y) is grid row r = y, column c = x and computes the C block
// of row block r and column block c. The host gives each node its job (sw/include/nd_gemm.h) and its own
// part of the operands, row-major and unpadded: some rows of A's row block r (all of K) and some columns of
// B's column block c (all of K). The kernel
// 1. packs its own parts into MXU panels (k-major 8-row strips of A, 8-column strips of B), padding the
//    last strip of the matrix with zero codes, at their place in its A_r and B_c buffers;
// 2. sends its A part to every other node of its grid row and its B part to every other node of its grid
//    column (one 2D DMA WRITE each, into the same buffer offsets there), each followed by a FLAG on the
//    receiver's flag word for this sender; peers are served in the order they will need the part, one send
//    at a time, issued between MXU commands so the core never waits on the DMA queue;
// 3. computes its tiles part by part: first the tiles of its own A part x its own B part, then moving on to
//    the parts of the next peers, waiting for a peer's flag only when its part is needed. Each tile is one
//    MAC over the whole K (zero start) and one STORE, alternating the two C banks, so the MXU multiplies
//    one tile while it stores the previous one and the DMA keeps filling the buffers meanwhile;
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
struct send {
  uint32_t addr, strips, strip_bytes, x, y, flag;
};
static struct send sends[2 * ND_GEMM_MAX_GRID];
static uint32_t n_sends, n_issued;

// Issues the next send when the previous one's WRITE has completed (DMA_DONE counts the WRITE and the FLAG
// of each send), so the DMA queue (4 commands) never fills and the core never stalls on it.
static inline void pump(void) {
  if (n_issued == n_sends || ND_DMA_REG(ND_REG_DMA_DONE) + 1 < 2 * n_issued) return;
  const struct send* s = &sends[n_issued++];
  ND_DMA_SHAPE(s->strip_bytes, s->strips);
  ND_DMA_STRIDE(s->strip_bytes, s->strip_bytes);
  ND_DMA_WRITE(s->addr, ND_GADDR(s->x, s->y, s->addr));
  ND_DMA_FLAG(1, ND_GADDR(s->x, s->y, s->flag));
}

static void add_send(uint32_t addr, uint32_t strips, uint32_t strip_bytes, uint32_t x, uint32_t y,
                     uint32_t flag) {
  if (strips == 0) return;
  struct send* s = &sends[n_sends++];
  s->addr = addr;
  s->strips = strips;
  s->strip_bytes = strip_bytes;
  s->x = x;
  s->y = y;
  s->flag = flag;
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

  // 1. Pack the own parts.
  pack_a(aes, j[ND_GJ_A_RAW], a_own_addr, j[ND_GJ_A_ROWS], part_strips(a_own), k);
  pack_b(bes, j[ND_GJ_B_RAW], b_own_addr, j[ND_GJ_B_COLS], part_strips(b_own), k);
  const uint32_t t1 = rdcycle();

  // 2. Sends in the order the receivers need the parts (step 3): every node first multiplies its own A part
  //    by the B parts of its column, so the B parts go first; the node d rows (columns) back needs this
  //    node's part at its step d. pump() issues them one by one while the MXU works.
  for (uint32_t d = 1; d < grid_r; ++d)
    add_send(b_own_addr, part_strips(b_own), b_strip, c, (r + grid_r - d) % grid_r, flags + 4 * (16 + r));
  for (uint32_t d = 1; d < grid_c; ++d)
    add_send(a_own_addr, part_strips(a_own), a_strip, (c + grid_c - d) % grid_c, r, flags + 4 * c);
  pump();

  // 3. Tiles, part by part: own parts first, then peer parts in the order they arrive.
  nd_mxu_cfg_seed(j[ND_GJ_CFG], j[ND_GJ_SEED]);
  nd_mxu_shape(k, 1, 1);
  const uint32_t cbuf = j[ND_GJ_C], cstride = j[ND_GJ_C_STRIDE], out_row = j[ND_GJ_OUT_ROW];
  uint32_t wait = 0, tiles = 0;
  for (uint32_t dp = 0; dp < grid_c; ++dp) {
    const uint32_t p = (c + dp) % grid_c, ap = j[ND_GJ_A_PART + p];
    if (part_strips(ap) == 0) continue;
    if (p != c) wait += wait_flag(flags + 4 * p);
    for (uint32_t dq = 0; dq < grid_r; ++dq) {
      const uint32_t q = (r + dq) % grid_r, bp = j[ND_GJ_B_PART + q];
      if (part_strips(bp) == 0) continue;
      if (q != r) wait += wait_flag(flags + 4 * (16 + q));
      for (uint32_t i = part_first(ap); i < part_first(ap) + part_strips(ap); ++i) {
        // One row of tiles: few instructions per tile, because the core fetches them from the banks the
        // MXU streams its operands from (every fetch that meets an operand read in a bank can cost a step).
        const uint32_t a = a_panels + i * a_strip;
        uint32_t b = b_panels + part_first(bp) * b_strip;
        uint32_t ct = cbuf + i * 8 * cstride + part_first(bp) * out_row;
        uint32_t n = part_strips(bp);
        const int sending = n_issued < n_sends;  // in a register: no loads in the loop once all are sent
        if (tiles & 1u) {                        // the previous tile used bank 0: keep alternating
          TILE_PAIRS(1, 0);
        } else {
          TILE_PAIRS(0, 1);
        }
        tiles += part_strips(bp);
        j[ND_GJ_TILES] = tiles;  // progress, for the host
      }
    }
  }

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
  j[ND_GJ_CYCLES_WAIT] = wait;
  j[ND_GJ_CYCLES_TOTAL] = rdcycle() - t0;
  j[ND_GJ_RESULT] = result;
  return (int)result;
}
