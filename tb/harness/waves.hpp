// Wave files of Verilated models, shared by Dut<V>, the simulator program and the netlist checks.
//
// - Format: Verilator builds a model for one trace format, and nanodojo's models use FST (--trace-fst). A
// path
//   ending in ".vcd" is written as FST beside it (<path>.fst) and converted with GTKWave's fst2vcd when the
//   file is closed; the FST is then removed. Any other name is written as FST.
// - Window: only cycles in [from, to] are dumped (the first dump holds every value, so a window opens with a
//   complete picture).
// - Scope and depth (Verilator's $dumpvars filter, applied before the file opens): scope "TOP.a.b" (or "a.b";
//   several separated by commas) dumps only that part of the hierarchy; depth D keeps D levels of it (depth 1
//   = the signals of the top module, or of the scope, themselves). 0 = no limit.
// - --waves-on-fail: a failing run is run again with the same seed and only the last N cycles before the
//   failure dumped (see docs/waves.md); last_cycle() is the cycle the failing run reached.
#pragma once

#include <verilated.h>
#include <verilated_fst_c.h>

#include <cstdint>
#include <memory>
#include <string>
#include <type_traits>
#include <utility>

#include "options.hpp"

namespace nd {

// True when model V was built with tracing (nd_verilate without LEAN), i.e. it has trace().
template <class V, class = void>
struct has_waves : std::false_type {};
template <class V>
struct has_waves<V, std::void_t<decltype(std::declval<V&>().trace(std::declval<VerilatedFstC*>(), 0))>>
    : std::true_type {};
template <class V>
inline constexpr bool has_waves_v = has_waves<V>::value;

class WaveFile {
 public:
  template <class V>
  WaveFile(V& model, VerilatedContext& ctx, const WaveOptions& w) : waves_(w) {
    if (w.fail_cycle > 0) {
      waves_.from = w.fail_cycle > w.on_fail ? w.fail_cycle - w.on_fail : 0;
      waves_.to = w.fail_cycle;
    }
    ctx.traceEverOn(true);
    fst_ = std::make_unique<VerilatedFstC>();
    apply_filters(*fst_, w);
    static_assert(has_waves_v<V>, "WaveFile needs a model built with tracing");
    model.trace(fst_.get(), 99);  // the level argument is unused by Verilator 5; the filter does it
    open();
  }
  WaveFile(const WaveFile&) = delete;
  WaveFile& operator=(const WaveFile&) = delete;
  ~WaveFile();  // closes; never throws (a failed VCD conversion is reported on stderr)

  // Dumps the values at simulation time `time` when `cycle` lies in the window.
  void dump(uint64_t cycle, uint64_t time) {
    if (cycle >= waves_.from && cycle <= waves_.to) fst_->dump(time);
  }
  // Closes the file (and converts it to VCD when asked); throws SimError when the conversion fails.
  void close();
  const std::string& path() const { return waves_.path; }

 private:
  void open();
  static void apply_filters(VerilatedFstC& fst, const WaveOptions& w);

  WaveOptions waves_;
  std::unique_ptr<VerilatedFstC> fst_;
  std::string fst_path_;
  bool closed_ = false;
};

// True when `path` asks for VCD (ends in ".vcd").
bool wants_vcd(const std::string& path);

// Converts an FST file to VCD with fst2vcd (GTKWave); throws SimError naming the file when it fails.
void fst_to_vcd(const std::string& fst, const std::string& vcd);

// Cycle count of the most recently clocked Dut in this process (the cycle a failure happened at).
uint64_t& last_cycle();

}  // namespace nd
