// Driving the Verilated nd_core_system from a test: idle inputs, and writing a program image into its SRAM
// through the testbench backdoor port (one word per cycle, with fetch_en_i low). The image itself
// (ProgramImage::words()) does not depend on this port: the node will write the same words through the
// mesh.
#pragma once

#include <cstdint>
#include <vector>

#include "Vcore_system.h"
#include "dut.hpp"
#include "program_image.hpp"

namespace nd::core {

// Fetch disabled, backdoor port idle; no MXU or DMA in this system: both queues accept, units never busy.
inline void idle_inputs(Dut<Vcore_system>& dut, uint32_t hart_id) {
  dut->hart_id_i = hart_id;
  dut->fetch_en_i = 0;
  dut->mem_we_i = 0;
  dut->mem_addr_i = 0;
  dut->mem_wdata_i = 0;
  dut->mxu_cmd_ready_i = 1;
  dut->mxu_busy_i = 0;
  dut->dma_cmd_ready_i = 1;
  dut->dma_busy_i = 0;
}

// Returns the number of cycles spent (one per word); the port is left idle.
inline uint64_t backdoor_load(Dut<Vcore_system>& dut, const std::vector<ImageWord>& words) {
  const uint64_t start = dut.cycle();
  for (const ImageWord& w : words) {
    dut->mem_we_i = 1;
    dut->mem_addr_i = w.addr;
    dut->mem_wdata_i = w.data;
    dut.tick();
  }
  dut->mem_we_i = 0;
  return dut.cycle() - start;
}

}  // namespace nd::core
