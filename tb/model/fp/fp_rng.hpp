// Random-number source of stochastic rounding: Marsaglia's xorshift32 (shifts 13, 17, 5).
//
// The state advances once per converted element, in element order, and the element's 16-bit R is the
// upper half of the new state. A seed of 0 (the one state xorshift32 cannot leave) is replaced by
// kZeroSeedReplacement. The RTL generator (rtl/common/nd_xorshift32.sv) implements the same sequence.
#pragma once

#include <cstdint>

namespace nd {
namespace fp {

class Xorshift32 {
 public:
  static constexpr uint32_t kZeroSeedReplacement = 0x9E3779B9u;

  explicit Xorshift32(uint32_t seed = 1) { reseed(seed); }
  void reseed(uint32_t seed) { state_ = seed != 0 ? seed : kZeroSeedReplacement; }

  static constexpr uint32_t step(uint32_t s) {
    s ^= s << 13;
    s ^= s >> 17;
    s ^= s << 5;
    return s;
  }
  // Advances the state and returns R for the next element.
  uint16_t next16() {
    state_ = step(state_);
    return static_cast<uint16_t>(state_ >> 16);
  }
  uint32_t state() const { return state_; }

 private:
  uint32_t state_;
};

}  // namespace fp
}  // namespace nd
