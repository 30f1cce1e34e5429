// Writes a program image into nd_core_system's SRAM through the testbench backdoor port (one word per
// cycle, with fetch_en_i low). The image itself (ProgramImage::words()) does not depend on this port: the
// node will write the same words through the mesh.
#pragma once

#include <cstdint>
#include <vector>

#include "Vcore_system.h"
#include "dut.hpp"
#include "program_image.hpp"

namespace nd::core {

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
