// Core + MXU simulation (nd_mxu_core_top) with one C++ memory behind the core's instruction and data ports
// and the MXU's read and write channels; runs a program to its tohost store, and the GEMM kernel
// sw/kernels/mxu_gemm.c with a job written into its `mxu_job` block.
//
// Memory model: the core's ports are always granted (read data in the next cycle); MXU reads are answered
// in order after `mxu_latency` cycles, MXU writes granted at once. MMIO stores (console) are dropped and MMIO
// loads read 0. Every run is bounded by a cycle limit.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <vector>

#include "Vmxu_core.h"
#include "dut.hpp"
#include "errors.hpp"
#include "program_image.hpp"

namespace nd::mxu {

struct CoreResult {
  uint32_t tohost = 0;  // (code << 1) | 1
  bool halted = false;
  uint32_t trap_cause = 0, trap_pc = 0;
  uint64_t cycles = 0;
  uint64_t retired = 0;
};

class CoreMxuSim {
 public:
  static constexpr uint32_t kSramBytes = 262144;

  explicit CoreMxuSim(const std::string& elf, const WaveOptions& waves = default_waves())
      : mem(kSramBytes, 0), image_(core::load_elf(elf)), dut_(waves) {
    for (const auto& seg : image_.segments) {
      for (size_t i = 0; i < seg.data.size(); ++i) mem.at(seg.addr + i) = seg.data[i];
    }
  }

  std::vector<uint8_t> mem;
  int mxu_latency = 2;

  uint32_t symbol(const std::string& name) const {
    const auto s = image_.symbol(name);
    if (!s) throw InputError(image_.path, 0, name, "symbol not found");
    return s->value;
  }
  uint32_t word(uint32_t a) const {
    return mem.at(a) | mem.at(a + 1) << 8 | mem.at(a + 2) << 16 | static_cast<uint32_t>(mem.at(a + 3)) << 24;
  }
  void put_word(uint32_t a, uint32_t v) {
    for (int b = 0; b < 4; ++b) mem.at(a + b) = static_cast<uint8_t>(v >> (8 * b));
  }
  Vmxu_core* operator->() { return dut_.operator->(); }

  CoreResult run(uint64_t max_cycles) {
    Vmxu_core& t = dut_.top();
    t.hart_id_i = 0;
    t.fetch_en_i = 0;
    t.instr_gnt_i = 1;
    t.data_gnt_i = 1;
    t.mxu_rd_gnt_i = 1;
    t.mxu_wr_gnt_i = 1;
    t.mxu_rd_rsp_valid_i = 0;
    dut_.reset(4);
    t.fetch_en_i = 1;
    const uint32_t tohost = *image_.tohost;
    CoreResult r;
    uint32_t instr_word = 0, data_word = 0;
    for (; r.cycles < max_cycles && r.tohost == 0 && !t.halted_o; ++r.cycles) {
      const uint64_t now = dut_.cycle();
      t.instr_rdata_i = instr_word;
      t.data_rdata_i = data_word;
      t.mxu_rd_rsp_valid_i = 0;
      if (!due_.empty() && due_.front().at <= now) {
        t.mxu_rd_rsp_valid_i = 1;
        for (int w = 0; w < 32; ++w) t.mxu_rd_rsp_data_i[w] = due_.front().words[w];
        due_.pop_front();
      }
      dut_.eval();
      if (t.instr_req_o) instr_word = t.instr_addr_o < kSramBytes ? word(t.instr_addr_o & ~3u) : 0;
      if (t.data_req_o) {
        const uint32_t a = t.data_addr_o;
        const bool sram = a < kSramBytes;
        if (t.data_we_o) {
          for (int b = 0; b < 4; ++b) {
            if (sram && (t.data_be_o >> b & 1u))
              mem[(a & ~3u) + b] = static_cast<uint8_t>(t.data_wdata_o >> (8 * b));
          }
          if ((a & ~3u) == tohost && (t.data_wdata_o & 1u)) r.tohost = t.data_wdata_o;
        } else {
          data_word = sram ? word(a & ~3u) : 0;
        }
      }
      if (t.mxu_rd_req_o) {
        Rsp rsp;
        rsp.at = std::max<uint64_t>(now + static_cast<uint64_t>(mxu_latency),
                                    due_.empty() ? 0 : due_.back().at + 1);
        for (int w = 0; w < 32; ++w) rsp.words[w] = word(t.mxu_rd_addr_o + 4 * w);
        due_.push_back(rsp);
      }
      if (t.mxu_wr_req_o) {
        for (int b = 0; b < 32; ++b) {
          if (t.mxu_wr_be_o >> b & 1u)
            mem.at(t.mxu_wr_addr_o + b) = static_cast<uint8_t>(t.mxu_wr_data_o[b / 4] >> (8 * (b % 4)));
        }
      }
      dut_.tick();
      if (t.retire_valid_o) ++r.retired;
    }
    r.halted = t.halted_o;
    r.trap_cause = t.trap_cause_o;
    r.trap_pc = t.trap_pc_o;
    if (r.tohost == 0 && !r.halted)
      throw SimError(dut_.cycle(), "program did not finish within the cycle limit");
    return r;
  }

 private:
  struct Rsp {
    uint64_t at;
    uint32_t words[32];
  };
  core::ProgramImage image_;
  Dut<Vmxu_core> dut_;
  std::deque<Rsp> due_;
};

}  // namespace nd::mxu
