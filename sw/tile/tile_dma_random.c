// Random DMA traffic between all nodes of a tile, checked the way the NoC scoreboard checks packets: nothing
// lost, duplicated or corrupted (docs/node.md "Verification").
//
// In each of ROUNDS rounds every node writes one 2D block (1..3 rows of 1..ROW_WORDS words, random per
// source, destination and round) into its own slot at every other node, from an outbox with another row
// stride, then sends every other node a FLAG (+1). Each node then waits for its flag to count every other
// node's rounds and checks: every block holds the source's pattern, every word of a slot outside its block
// is still 0 (no write landed where it should not), and the flag never counts more than it should (no flag
// delivered twice). Finally it reads one of its blocks back from every other node with a 2D READ and
// compares. The host writes `seed` before starting the nodes. Exit code: 0 pass, 1 data, 2 word outside a
// block written, 3 flag count, 4 read-back, 5 DMA error.
#include "nanodojo.h"
#include "nd_dma.h"

#define ROUNDS 3
#define MAX_NODES 16
#define ROW_WORDS 16  // words per slot row: the remote row stride is 64 bytes
#define ROWS 3
#define SLOT_WORDS (ROW_WORDS * ROWS)
#define OUT_WORDS 20  // words per outbox row: the local row stride is 80 bytes

uint32_t seed __attribute__((section(".data"))) = 1;
// Written by other nodes, possibly before this node's start-up code runs: in .data, not .bss.
static uint32_t inbox[ROUNDS][MAX_NODES][SLOT_WORDS] __attribute__((aligned(16), section(".data")));
static volatile uint32_t flag __attribute__((aligned(16), section(".data")));
static uint32_t outbox[ROUNDS][MAX_NODES][ROWS][OUT_WORDS] __attribute__((aligned(16)));
static uint32_t back[SLOT_WORDS] __attribute__((aligned(16)));

static uint32_t mix(uint32_t x) {
  x ^= x >> 16;
  x *= 0x7feb352du;
  x ^= x >> 15;
  x *= 0x846ca68bu;
  return x ^ (x >> 16);
}
// The block node s sends node d in round r: rows and words per row.
static void shape(uint32_t s, uint32_t d, uint32_t r, uint32_t* rows, uint32_t* words) {
  const uint32_t h = mix(seed ^ mix(s * 0x10000u + d * 0x100u + r));
  *rows = 1 + h % ROWS;
  *words = 1 + (h >> 8) % ROW_WORDS;
}
static uint32_t pattern(uint32_t s, uint32_t d, uint32_t r, uint32_t row, uint32_t i) {
  return mix(seed + (s << 24) + (d << 16) + (r << 8) + row * ROW_WORDS + i) | 1u;  // never 0
}

int main(void) {
  const uint32_t id = ND_MMIO32(ND_MMIO_NODE_ID);
  const uint32_t tile = ND_MMIO32(ND_MMIO_TILE);
  const uint32_t cols = tile & 0xffu, nodes = ((tile >> 8) & 0xffu) * cols;
  const uint32_t me = ((id >> 8) & 0xffu) * cols + (id & 0xffu);
  if (nodes > MAX_NODES) return 6;

  for (uint32_t r = 0; r < ROUNDS; ++r) {
    for (uint32_t d = 0; d < nodes; ++d) {
      if (d == me) continue;
      uint32_t rows, words;
      shape(me, d, r, &rows, &words);
      for (uint32_t row = 0; row < rows; ++row)
        for (uint32_t i = 0; i < words; ++i) outbox[r][d][row][i] = pattern(me, d, r, row, i);
      ND_DMA_SHAPE(words * 4, rows);
      ND_DMA_STRIDE(OUT_WORDS * 4, ROW_WORDS * 4);
      ND_DMA_WRITE((uint32_t)&outbox[r][d][0][0], ND_GADDR(d % cols, d / cols, (uint32_t)&inbox[r][me][0]));
    }
    for (uint32_t d = 0; d < nodes; ++d)
      if (d != me) ND_DMA_FLAG(1, ND_GADDR(d % cols, d / cols, (uint32_t)&flag));
  }

  const uint32_t expected = (nodes - 1) * ROUNDS;
  while (flag < expected) {
  }
  for (volatile int i = 0; i < 200;
       ++i) {  // a flag delivered twice would arrive in this time (> 1000 cycles)
  }
  if (flag != expected) return 3;

  for (uint32_t r = 0; r < ROUNDS; ++r) {
    for (uint32_t s = 0; s < nodes; ++s) {
      if (s == me) continue;
      uint32_t rows, words;
      shape(s, me, r, &rows, &words);
      for (uint32_t row = 0; row < ROWS; ++row) {
        for (uint32_t i = 0; i < ROW_WORDS; ++i) {
          const uint32_t w = inbox[r][s][row * ROW_WORDS + i];
          if (row < rows && i < words) {
            if (w != pattern(s, me, r, row, i)) return 1;
          } else if (w != 0) {
            return 2;
          }
        }
      }
    }
  }

  // Read back one of the blocks this node wrote into every other node, row by row into a packed buffer.
  for (uint32_t t = 0; t < nodes; ++t) {
    if (t == me) continue;
    {
      const uint32_t r = (me + t) % ROUNDS;
      uint32_t rows, words;
      shape(me, t, r, &rows, &words);
      ND_DMA_SHAPE(words * 4, rows);
      ND_DMA_STRIDE(words * 4, ROW_WORDS * 4);
      ND_DMA_READ((uint32_t)back, ND_GADDR(t % cols, t / cols, (uint32_t)&inbox[r][me][0]));
      nd_dma_wait();
      for (uint32_t row = 0; row < rows; ++row)
        for (uint32_t i = 0; i < words; ++i)
          if (back[row * words + i] != pattern(me, t, r, row, i)) return 4;
    }
  }
  if (ND_DMA_STATUS_ERROR(ND_DMA_REG(ND_REG_DMA_STATUS))) return 5;
  nd_printf("node %u: %u blocks checked\n", (unsigned)me, (unsigned)(expected));
  return 0;
}
