#include "core_runner.hpp"

#include <chrono>
#include <limits>
#include <vector>

#include "Vcore_system.h"
#include "core_system_dut.hpp"
#include "dut.hpp"
#include "errors.hpp"
#include "hex.hpp"

namespace nd::core {
namespace {

constexpr uint64_t kResetCycles = 4;

}  // namespace

std::string trap_cause_name(uint32_t cause) {
  switch (cause) {
    case 0:
      return "instruction address misaligned";
    case 1:
      return "instruction access fault";
    case 2:
      return "illegal instruction";
    case 3:
      return "breakpoint";
    case 4:
      return "load address misaligned";
    case 5:
      return "load access fault";
    case 6:
      return "store address misaligned";
    case 7:
      return "store access fault";
    case 8:
      return "environment call from U-mode";
    case 11:
      return "environment call from M-mode";
    default:
      return "cause " + std::to_string(cause);
  }
}

const char* status_name(RunStatus s) {
  switch (s) {
    case RunStatus::kPass:
      return "pass";
    case RunStatus::kFail:
      return "fail";
    case RunStatus::kTrap:
      return "trap";
    case RunStatus::kCycleLimit:
      return "cycle-limit";
  }
  return "unknown";
}

std::string RunResult::describe() const {
  switch (status) {
    case RunStatus::kPass:
      return "PASS";
    case RunStatus::kFail:
      return "FAIL with code " + std::to_string(code) + " (tohost = " + hex(tohost_value) + ")";
    case RunStatus::kTrap:
      return "unhandled trap: " + trap_cause_name(trap.cause) + " (mcause " + std::to_string(trap.cause) +
             ") at pc " + hex(trap.pc) + ", instruction " + hex(trap.insn) + ", mtval " + hex(trap.tval);
    case RunStatus::kCycleLimit:
      return "cycle limit of " + std::to_string(cycles) +
             " cycles reached without a store to tohost (last pc " + hex(last_pc) + ")";
  }
  return "unknown";
}

struct CoreRunner::Impl {
  RunOptions opt;
  std::unique_ptr<Dut<Vcore_system>> dut_ptr;  // created by load(), when the load length is known
  std::optional<uint32_t> tohost;
  uint64_t load_cycles = 0;

  explicit Impl(const RunOptions& o) : opt(o) {}

  Dut<Vcore_system>& dut() {
    if (!dut_ptr) throw SimError(0, "CoreRunner: no program loaded (call load() first)");
    return *dut_ptr;
  }

  void idle_inputs() { core::idle_inputs(*dut_ptr, (opt.hart_x & 0xffu) | (opt.hart_y & 0xffu) << 8); }
};

CoreRunner::CoreRunner(const RunOptions& options) : impl_(std::make_unique<Impl>(options)) {}
CoreRunner::~CoreRunner() = default;

void CoreRunner::load(const ProgramImage& image) {
  Impl& m = *impl_;
  const std::vector<ImageWord> words = image.words();
  // The wave window is given in run cycles (0 = fetch enable); reset and loading come before and are
  // dumped only when the window starts at 0.
  const uint64_t pre_run = kResetCycles + words.size() + 1;
  WaveOptions w = m.opt.waves;
  w.from = w.from == 0 ? 0 : w.from + pre_run;
  w.to = w.to > std::numeric_limits<uint64_t>::max() - pre_run ? w.to : w.to + pre_run;
  m.dut_ptr.reset();
  m.dut_ptr = std::make_unique<Dut<Vcore_system>>(w, m.opt.seed);
  auto& dut = *m.dut_ptr;
  m.idle_inputs();
  dut.reset(kResetCycles);
  const uint64_t start = dut.cycle();
  backdoor_load(dut, words);
  dut.tick();
  m.tohost = image.tohost;
  m.load_cycles = dut.cycle() - start;
}

uint32_t CoreRunner::read_word(uint32_t addr) {
  auto& dut = impl_->dut();
  dut->mem_we_i = 0;
  dut->mem_addr_i = addr & ~3u;
  dut.tick();
  return dut->mem_rdata_o;
}

RunResult CoreRunner::run() {
  Impl& m = *impl_;
  RunResult r;
  r.load_cycles = m.load_cycles;
  auto& dut = m.dut();
  const auto t0 = std::chrono::steady_clock::now();
  auto& top = dut.top();
  top.fetch_en_i = 1;
  bool region_current = false;
  bool done = false;
  while (!done) {
    if (r.cycles >= m.opt.max_cycles) {
      r.status = RunStatus::kCycleLimit;
      break;
    }
    dut.tick();
    ++r.cycles;
    if (top.retire_valid_o) {
      ++r.instret;
      r.last_pc = top.retire_pc_o;
      if (m.opt.region) {
        region_current = r.last_pc >= m.opt.region->first && r.last_pc < m.opt.region->second;
        if (region_current) ++r.region_instret;
      }
    }
    if (region_current) ++r.region_cycles;
    if (top.console_valid_o) {
      const char c = static_cast<char>(top.console_data_o);
      r.console.push_back(c);
      if (m.opt.on_console) m.opt.on_console(c);
    }
    if (top.store_valid_o && m.tohost && (top.store_addr_o & ~3u) == *m.tohost) {
      uint32_t value = 0;
      for (int lane = 0; lane < 4; ++lane) {
        if (top.store_be_o >> lane & 1u) value |= top.store_data_o & (0xffu << (8 * lane));
      }
      if (value & 1u) {
        r.tohost_value = value;
        r.code = value >> 1;
        r.status = r.code == 0 ? RunStatus::kPass : RunStatus::kFail;
        done = true;
      } else if (value != 0) {
        throw SimError(dut.cycle(),
                       "store of " + hex(value) + " to tohost at pc " + hex(r.last_pc) +
                           ": only (code << 1) | 1 ends a program; host calls are not supported");
      }
    }
    if (!done && top.halted_o) {
      r.status = RunStatus::kTrap;
      r.trap = {top.trap_cause_o, top.trap_pc_o, top.trap_insn_o, top.trap_tval_o};
      done = true;
    }
  }
  top.fetch_en_i = 0;
  r.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return r;
}

RunResult run_program(const std::string& path, const RunOptions& options) {
  const ProgramImage image = load_elf(path);
  CoreRunner runner(options);
  runner.load(image);
  return runner.run();
}

}  // namespace nd::core
