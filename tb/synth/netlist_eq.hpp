// Netlist-vs-RTL check: drives the generated wrapper eq_<block> (RTL instance and Yosys netlist instance on
// shared inputs, see scripts/synth/eq_wrapper.py) with random inputs and reset pulses, and fails on the first
// cycle where any output differs, naming the output port.
//
// Both instances start from all-zero state (randReset(0)) and see a falling reset edge before the first
// comparison: flops without reset then agree from the first cycle, flops with an asynchronous reset hold
// their reset values (whatever encoding Yosys gave a state machine), so a difference can only come from the
// netlist computing something else than the RTL. Cycles: ND_NETLIST_CYCLES (default 3000). Seed: --seed.
// Waves: --waves DIR writes netlist_<block>.fst.
#pragma once

#include <verilated.h>
#include <verilated_fst_c.h>

#include <cstdint>
#include <cstdlib>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "errors.hpp"
#include "options.hpp"

namespace nd {
namespace eq_detail {

// Random value in a Verilator port of `bits` bits (scalar types and VlWide).
template <class T>
void randomize(T& v, int bits, std::mt19937_64& rng) {
  const uint64_t r = rng();
  v = static_cast<T>(bits >= 64 ? r : (r & ((uint64_t{1} << bits) - 1)));
}
template <std::size_t N>
void randomize(VlWide<N>& v, int bits, std::mt19937_64& rng) {
  for (std::size_t i = 0; i < N; ++i) {
    const int left = bits - static_cast<int>(32 * i);
    const uint32_t mask = left >= 32 ? 0xffffffffu : ((1u << (left > 0 ? left : 0)) - 1);
    v[i] = static_cast<uint32_t>(rng()) & mask;
  }
}

template <class T>
bool bit(const T& v, int i) {
  return (static_cast<uint64_t>(v) >> i) & 1u;
}
template <std::size_t N>
bool bit(const VlWide<N>& v, int i) {
  return (v[i / 32] >> (i % 32)) & 1u;
}

inline uint64_t env_cycles() {
  const char* s = std::getenv("ND_NETLIST_CYCLES");
  if (!s || !*s) return 3000;
  char* end = nullptr;
  const unsigned long long n = std::strtoull(s, &end, 10);
  if (*end != '\0' || n == 0)
    throw InputError("ND_NETLIST_CYCLES", 0, "", "not a positive number: " + std::string(s));
  return n;
}

}  // namespace eq_detail

template <class V>
void check_netlist(const std::string& block, int stim_bits, const std::vector<std::string>& outputs) {
  const uint64_t cycles = eq_detail::env_cycles();
  const WaveOptions waves = test_waves("netlist_" + block);
  auto ctx = std::make_unique<VerilatedContext>();
  ctx->fatalOnError(false);
  ctx->randReset(0);
  if (waves.enabled()) ctx->traceEverOn(true);
  auto model = std::make_unique<V>(ctx.get(), "TOP");
  std::unique_ptr<VerilatedFstC> trace;
  if (waves.enabled()) {
    trace = std::make_unique<VerilatedFstC>();
    model->trace(trace.get(), waves.depth > 0 ? waves.depth : 99);
    trace->open(waves.path.c_str());
  }
  std::mt19937_64 rng(test_seed() * 0x9e3779b97f4a7c15ull + std::hash<std::string>{}(block));
  INFO("block " << block << ", seed " << test_seed() << ", " << cycles << " cycles");

  uint64_t cycle = 0;
  std::string failure;
  auto eval = [&](const char* phase) {
    model->eval();
    if (trace && cycle >= waves.from && cycle <= waves.to) trace->dump(ctx->time());
    ctx->timeInc(1);
    if (!failure.empty()) return;
    for (std::size_t i = 0; i < outputs.size(); ++i) {
      if (eq_detail::bit(model->mismatch_o, static_cast<int>(i))) {
        failure = "cycle " + std::to_string(cycle) + " (" + phase + "): output " + outputs[i] +
                  " of the netlist differs from the RTL";
        return;
      }
    }
  };

  // A falling reset edge before the first comparison: the asynchronous-reset flops of both sides take their
  // reset values. Without it the first clock would compare the all-zero start state, which is not the same
  // state on both sides when Yosys re-encoded a state machine (one-hot: the reset state is 001, not 000).
  model->clk_i = 0;
  model->rst_ni = 1;
  model->eval();
  model->rst_ni = 0;
  eval("reset");
  int reset_left = 2;  // reset held for the first cycles, then pulsed at random
  for (; cycle < cycles && failure.empty(); ++cycle) {
    if (reset_left == 0 && rng() % 1024 == 0) reset_left = 1 + static_cast<int>(rng() % 3);
    model->rst_ni = reset_left > 0 ? 0 : 1;
    if (reset_left > 0) --reset_left;
    eq_detail::randomize(model->stim_i, stim_bits, rng);
    eval("inputs");
    model->clk_i = 1;
    eval("rising edge");
    model->clk_i = 0;
    eval("falling edge");
  }
  if (trace) trace->close();
  model->final();
  if (!failure.empty()) FAIL(block << ": " << failure);
  SUCCEED(block << ": netlist == RTL for " << cycles << " cycles");
}

}  // namespace nd
