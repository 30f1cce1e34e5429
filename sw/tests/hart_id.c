// hart_id: prints the node coordinates from mhartid and from the node-id register (they must agree).
#include <stdint.h>

#include "nanodojo.h"

int main(void) {
  const uint32_t csr = nd_hart_id();
  const uint32_t mmio = ND_MMIO32(ND_MMIO_NODE_ID);
  nd_printf("node x %u y %u\n", (unsigned)nd_node_x(), (unsigned)nd_node_y());
  return csr == mmio ? 0 : 1;
}
