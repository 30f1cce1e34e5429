// Dut<V>: one Verilated model with its context and optional FST trace, clocked by the testbench.
//
// Contract (see docs/development.md):
// - The top has inputs clk_i and rst_ni (asynchronous, active low).
// - tick() = rising edge, then falling edge. Drive inputs after tick() returns (i.e. while the clock is
//   low); read outputs after tick() returns. cycle() counts completed ticks.
// - Waves: as `waves` asks (waves.hpp); by default, in a test run with --waves DIR, one file per test case
//   named after it (default_waves()), so `make waves TEST=...` works for every test.
// - Every wait is bounded: wait_until() throws nd::SimError when its cycle limit runs out.
// - An RTL assertion ($error/$fatal from SVA) makes the next eval throw nd::SimError naming the assertion
//   and its file:line (SimError::assertion(), where()), so the test that caused it fails, and a test that
//   expects one assertion can check it is that one (sim_matchers.hpp).
// - Members are owned in this order: context, model, trace (destroyed in reverse: the trace is closed
//   before the model goes away).
#pragma once

#include <verilated.h>

#include <cstdint>
#include <memory>
#include <string>

#include "errors.hpp"
#include "options.hpp"
#include "vl_hooks.hpp"
#include "waves.hpp"

namespace nd {

template <class V>
class Dut {
 public:
  explicit Dut(const WaveOptions& waves = default_waves(), uint64_t seed = test_seed()) : waves_(waves) {
    ctx_ = std::make_unique<VerilatedContext>();
    ctx_->fatalOnError(false);  // assertion failures are reported through gotError() -> SimError
    ctx_->randReset(2);         // uninitialized state gets seeded random values, not zeros
    ctx_->randSeed(static_cast<int>(seed & 0x7fffffff));
    if constexpr (!has_waves_v<V>) {
      if (waves_.enabled() || waves_.on_fail > 0)
        throw InputError("<command line>", 0, "--waves",
                         "this model is built without waves (a lean model, see docs/waves.md); "
                         "use a smaller configuration to get waves");
    }
    if (waves_.enabled()) ctx_->traceEverOn(true);
    use_context();
    model_ = std::make_unique<V>(ctx_.get(), "TOP");
    if constexpr (has_waves_v<V>) {
      if (waves_.enabled()) trace_ = std::make_unique<WaveFile>(*model_, *ctx_, waves_);
    }
    model_->clk_i = 0;
    model_->rst_ni = 0;
    eval();
  }

  Dut(const Dut&) = delete;
  Dut& operator=(const Dut&) = delete;

  ~Dut() {
    use_context();
    trace_.reset();  // closes the file (converting it when VCD was asked for)
    model_->final();
    model_.reset();
  }

  V* operator->() { return model_.get(); }
  V& top() { return *model_; }
  VerilatedContext& context() { return *ctx_; }
  uint64_t cycle() const { return cycle_; }
  const WaveOptions& waves() const { return waves_; }

  // One clock cycle: rising edge, falling edge.
  void tick() {
    use_context();
    // Settle the inputs driven since the last edge first: SVA samples the values of the last eval,
    // so without this an assertion on inputs would check the previous cycle's inputs. A lean model
    // (no assertions, no waves) has nothing that samples there: the rising-edge eval settles the inputs
    // before it clocks the flops, so it takes two evaluations per cycle instead of three.
    if constexpr (has_waves_v<V>) model_->eval();
    model_->clk_i = 1;
    eval();
    model_->clk_i = 0;
    eval();
    ++cycle_;
    last_cycle() = cycle_;
  }

  void ticks(uint64_t n) {
    for (uint64_t i = 0; i < n; ++i) tick();
  }

  // Asserts rst_ni for `cycles` clock edges (at least one), then releases it.
  void reset(uint64_t cycles = 2) {
    model_->rst_ni = 0;
    eval();
    ticks(cycles > 0 ? cycles : 1);
    model_->rst_ni = 1;
    eval();
  }

  // Ticks until pred() holds (checked before each tick); throws after max_cycles ticks.
  template <class Pred>
  uint64_t wait_until(Pred pred, uint64_t max_cycles, const std::string& what) {
    for (uint64_t n = 0; n <= max_cycles; ++n) {
      if (pred()) return n;
      if (n < max_cycles) tick();
    }
    throw SimError(cycle_, "timed out after " + std::to_string(max_cycles) + " cycles waiting for " + what);
  }

  // Evaluates the model at the current time and dumps the trace (inside the wave window).
  void eval() {
    use_context();
    model_->eval();
    if (trace_) trace_->dump(cycle_, ctx_->time());
    ctx_->timeInc(1);
    if (ctx_->gotError()) {
      if (!error_) error_ = std::make_unique<SimError>(rtl_error());
      throw *error_;  // the first error stays the cause: every later eval reports it again
    }
    if (ctx_->gotFinish()) throw SimError(cycle_, "RTL called $finish");
  }

 private:
  // Verilator's runtime reports $stop/$error, and erases a model's scopes at destruction, through the
  // thread's current context, not the model's own: with two Duts in one thread, an assertion of the second
  // would mark the first's context and destroying a model would touch the other's (freed) context. Every
  // entry into the runtime therefore makes this Dut's context the thread's.
  void use_context() { Verilated::threadContextp(ctx_.get()); }

  // The RTL error the runtime reported during the last eval (vl_hooks.hpp), as a SimError.
  SimError rtl_error() const {
    const RtlError e = take_rtl_error();
    if (e.assertion.empty())
      return SimError(cycle_,
                      "RTL error" + (e.where.empty() ? std::string() : " at " + e.where) + ": " +
                          (e.message.empty() ? "see the %Error line above" : e.message),
                      "", e.where);
    return SimError(cycle_, "assertion " + e.assertion + " failed at " + e.where + " in " + e.scope,
                    e.assertion, e.where);
  }

  WaveOptions waves_;
  std::unique_ptr<VerilatedContext> ctx_;
  std::unique_ptr<V> model_;
  std::unique_ptr<WaveFile> trace_;
  uint64_t cycle_ = 0;
  std::unique_ptr<SimError> error_;
};

}  // namespace nd
