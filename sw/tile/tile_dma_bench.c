// DMA benchmarks on a tile (tb/tile/tile_bench_main.cpp sets the parameters in .data and reads the results
// back over the mesh; docs/node.md "DMA benchmark").
//   mode 0  WRITE bandwidth: node `src` writes `bytes` to node `peer` (rows of 4 KiB), cycles until
//   acknowledged mode 1  READ latency: node `src` reads 4 bytes from `peer`, 16 times; cycles of the last one
//   mode 2  READ bandwidth: node `src` reads `bytes` from `peer`
//   mode 3  all-to-all: every node writes `bytes` to every other node, then flags it; cycles until this
//           node's writes are acknowledged and every other node's flag has arrived
// Cycles are mcycle differences around the commands and the wait, so they include issuing the commands.
#include "nanodojo.h"
#include "nd_dma.h"

#define BUF_BYTES (64 * 1024)

uint32_t bench_mode __attribute__((section(".data"))) = 0;
uint32_t bench_src __attribute__((section(".data"))) = 0;
uint32_t bench_peer __attribute__((section(".data"))) = 1;
uint32_t bench_bytes __attribute__((section(".data"))) = 4096;
uint32_t bench_cycles __attribute__((section(".data"))) = 0;
static volatile uint32_t flag __attribute__((aligned(16), section(".data")));
static uint8_t src_buf[BUF_BYTES] __attribute__((aligned(16)));
static uint8_t dst_buf[BUF_BYTES] __attribute__((aligned(16)));

static void transfer(int write, uint32_t peer, uint32_t cols, uint32_t local, uint32_t remote,
                     uint32_t bytes) {
  const uint32_t row = bytes < 4096 ? bytes : 4096;
  ND_DMA_SHAPE(row, bytes / row);
  ND_DMA_STRIDE(row, row);
  if (write)
    ND_DMA_WRITE(local, ND_GADDR(peer % cols, peer / cols, remote));
  else
    ND_DMA_READ(local, ND_GADDR(peer % cols, peer / cols, remote));
}

int main(void) {
  const uint32_t id = ND_MMIO32(ND_MMIO_NODE_ID);
  const uint32_t tile = ND_MMIO32(ND_MMIO_TILE);
  const uint32_t cols = tile & 0xffu, nodes = ((tile >> 8) & 0xffu) * cols;
  const uint32_t me = ((id >> 8) & 0xffu) * cols + (id & 0xffu);
  if (bench_mode != 3 && me != bench_src) return 0;
  if (bench_bytes > BUF_BYTES || bench_bytes % 4 != 0) return 1;

  uint32_t t0 = nd_rdcycle(), t1 = t0;
  switch (bench_mode) {
    case 0:
    case 2:
      t0 = nd_rdcycle();
      transfer(bench_mode == 0, bench_peer, cols, (uint32_t)(bench_mode == 0 ? src_buf : dst_buf),
               (uint32_t)(bench_mode == 0 ? dst_buf : src_buf), bench_bytes);
      nd_dma_wait();
      t1 = nd_rdcycle();
      break;
    case 1:
      ND_DMA_SHAPE(4, 1);
      for (int i = 0; i < 16; ++i) {
        t0 = nd_rdcycle();
        ND_DMA_READ((uint32_t)dst_buf, ND_GADDR(bench_peer % cols, bench_peer / cols, (uint32_t)src_buf));
        nd_dma_wait();
        t1 = nd_rdcycle();
      }
      break;
    case 3: {
      const uint32_t slot = bench_bytes;  // node s writes slot s of every other node's dst_buf
      if (slot * nodes > BUF_BYTES) return 1;
      t0 = nd_rdcycle();
      for (uint32_t k = 1; k < nodes; ++k) {
        const uint32_t d = (me + k) % nodes;  // start at different destinations
        transfer(1, d, cols, (uint32_t)src_buf, (uint32_t)dst_buf + me * slot, slot);
      }
      for (uint32_t k = 1; k < nodes; ++k) {
        const uint32_t d = (me + k) % nodes;
        ND_DMA_FLAG(1, ND_GADDR(d % cols, d / cols, (uint32_t)&flag));
      }
      nd_dma_wait();
      while (flag < nodes - 1) {
      }
      t1 = nd_rdcycle();
      break;
    }
    default:
      return 2;
  }
  bench_cycles = t1 - t0;
  if (ND_DMA_STATUS_ERROR(ND_DMA_REG(ND_REG_DMA_STATUS))) return 3;
  return 0;
}
