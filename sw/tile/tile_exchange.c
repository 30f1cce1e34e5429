// Boot and neighbour exchange on a tile (docs/node.md): every node reads its position and the tile shape
// from its registers, fills an outbox with a pattern of its own coordinates, DMA-writes it into the inbox
// slot of each neighbour (north, east, south, west), then raises each neighbour's flag (a FLAG is sent only
// after the writes before it are acknowledged). It waits until its own flag counts all its neighbours,
// checks every inbox, reads each neighbour's outbox back with a remote READ, and checks the DMA status.
// Exit code: 0 pass; 1 + direction for a wrong inbox, 5 + direction for a wrong remote read, 9 for a DMA
// error, 10 for a flag count above the number of neighbours.
#include "nanodojo.h"
#include "nd_dma.h"

#define WORDS 40  // 160 bytes: more than one packet when MaxPacketBytes is small

// Every node runs this binary, so these addresses are the same on every node. Inbox and flag live in .data
// (loaded by the host), not .bss: a fast neighbour may write them before this node's start-up code runs.
static uint32_t outbox[WORDS] __attribute__((aligned(16)));
static uint32_t inbox[4][WORDS] __attribute__((aligned(16), section(".data")));
static volatile uint32_t flag __attribute__((aligned(16), section(".data")));
static uint32_t readback[4][WORDS] __attribute__((aligned(16)));

static uint32_t pattern(uint32_t x, uint32_t y, uint32_t i) {
  return (y << 24) | (x << 16) | (i * 2654435761u >> 16);
}

int main(void) {
  const uint32_t id = ND_MMIO32(ND_MMIO_NODE_ID);
  const uint32_t x = id & 0xffu, y = (id >> 8) & 0xffu;
  const uint32_t tile = ND_MMIO32(ND_MMIO_TILE);
  const uint32_t rows = (tile >> 8) & 0xffu, cols = tile & 0xffu;
  for (uint32_t i = 0; i < WORDS; ++i) outbox[i] = pattern(x, y, i);

  // Neighbours in direction d = 0 north, 1 east, 2 south, 3 west; a node writes into slot (d + 2) % 4 of
  // its neighbour in direction d (the slot named after where the data came from).
  static const int dx[4] = {0, 1, 0, -1}, dy[4] = {-1, 0, 1, 0};
  uint32_t expected = 0;
  ND_DMA_SHAPE(sizeof outbox, 1);
  for (int d = 0; d < 4; ++d) {
    const int nx = (int)x + dx[d], ny = (int)y + dy[d];
    if (nx < 0 || ny < 0 || nx >= (int)cols || ny >= (int)rows) continue;
    ND_DMA_WRITE((uint32_t)outbox, ND_GADDR(nx, ny, (uint32_t)inbox[(d + 2) % 4]));
    ++expected;
  }
  for (int d = 0; d < 4; ++d) {
    const int nx = (int)x + dx[d], ny = (int)y + dy[d];
    if (nx < 0 || ny < 0 || nx >= (int)cols || ny >= (int)rows) continue;
    ND_DMA_FLAG(1, ND_GADDR(nx, ny, (uint32_t)&flag));
  }
  while (flag < expected) {
  }
  if (flag != expected) return 10;

  for (int d = 0; d < 4; ++d) {
    const int nx = (int)x + dx[d], ny = (int)y + dy[d];
    if (nx < 0 || ny < 0 || nx >= (int)cols || ny >= (int)rows) continue;
    for (uint32_t i = 0; i < WORDS; ++i)
      if (inbox[d][i] != pattern((uint32_t)nx, (uint32_t)ny, i)) return 1 + d;
    ND_DMA_READ((uint32_t)readback[d], ND_GADDR(nx, ny, (uint32_t)outbox));
  }
  nd_dma_wait();
  for (int d = 0; d < 4; ++d) {
    const int nx = (int)x + dx[d], ny = (int)y + dy[d];
    if (nx < 0 || ny < 0 || nx >= (int)cols || ny >= (int)rows) continue;
    for (uint32_t i = 0; i < WORDS; ++i)
      if (readback[d][i] != pattern((uint32_t)nx, (uint32_t)ny, i)) return 5 + d;
  }
  if (ND_DMA_STATUS_ERROR(ND_DMA_REG(ND_REG_DMA_STATUS))) return 9;
  nd_printf("node %u,%u: %u neighbours ok\n", (unsigned)x, (unsigned)y, (unsigned)expected);
  return 0;
}
