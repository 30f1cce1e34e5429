// Bit-field access on Verilator port types: CData/SData/IData/QData (integral) and VlWide<N>, for the
// testbench's model wrappers (MeshDut, TileDut). put/get a field of up to 32 bits at any bit position.
#pragma once

#include <verilated.h>

#include <cstdint>
#include <type_traits>
#include <vector>

namespace nd {

namespace bits {
template <class T>
std::enable_if_t<std::is_integral_v<T>, void> put(T& sig, unsigned lsb, unsigned width, uint32_t v) {
  const uint64_t mask = ((width >= 64) ? ~0ull : ((1ull << width) - 1)) << lsb;
  sig = static_cast<T>((static_cast<uint64_t>(sig) & ~mask) | ((static_cast<uint64_t>(v) << lsb) & mask));
}
template <class T>
std::enable_if_t<std::is_integral_v<T>, uint32_t> get(const T& sig, unsigned lsb, unsigned width) {
  const uint64_t mask = (width >= 64) ? ~0ull : ((1ull << width) - 1);
  return static_cast<uint32_t>((static_cast<uint64_t>(sig) >> lsb) & mask);
}
template <std::size_t W>
void put(VlWide<W>& sig, unsigned lsb, unsigned width, uint32_t v) {
  if (width == 32 && lsb % 32 == 0) {
    sig.at(lsb / 32) = v;
    return;
  }
  for (unsigned i = 0; i < width; ++i) {
    const unsigned b = lsb + i;
    const uint32_t m = 1u << (b % 32);
    sig.at(b / 32) = ((v >> i) & 1u) ? (sig.at(b / 32) | m) : (sig.at(b / 32) & ~m);
  }
}
template <std::size_t W>
uint32_t get(const VlWide<W>& sig, unsigned lsb, unsigned width) {
  if (width == 32 && lsb % 32 == 0) return sig.at(lsb / 32);
  uint32_t v = 0;
  for (unsigned i = 0; i < width; ++i) {
    const unsigned b = lsb + i;
    v |= ((sig.at(b / 32) >> (b % 32)) & 1u) << i;
  }
  return v;
}
// Calls f(i) for every set bit i of the first `width` bits of sig, in increasing order (a word at a time:
// the cost follows the set bits, not the width).
template <class T, class F>
std::enable_if_t<std::is_integral_v<T>, void> for_each_set(const T& sig, unsigned width, F f) {
  uint64_t w = static_cast<uint64_t>(sig) & ((width >= 64) ? ~0ull : ((1ull << width) - 1));
  for (; w != 0; w &= w - 1) f(static_cast<unsigned>(__builtin_ctzll(w)));
}
template <std::size_t W, class F>
void for_each_set(const VlWide<W>& sig, unsigned width, F f) {
  for (unsigned i = 0; i * 32 < width; ++i) {
    uint32_t w = sig.at(i) & ((width - i * 32 >= 32) ? ~0u : ((1u << (width - i * 32)) - 1));
    for (; w != 0; w &= w - 1) f(i * 32 + static_cast<unsigned>(__builtin_ctz(w)));
  }
}
// The indices of the set bits among the first `width` bits of sig, in increasing order, into `out`.
template <class T>
void set_bits(const T& sig, unsigned width, std::vector<int>& out) {
  out.clear();
  for_each_set(sig, width, [&](unsigned i) { out.push_back(static_cast<int>(i)); });
}
template <class T>
std::enable_if_t<std::is_integral_v<T>, void> clear(T& sig) {
  sig = 0;
}
template <std::size_t W>
void clear(VlWide<W>& sig) {
  for (std::size_t i = 0; i < W; ++i) sig.at(i) = 0;
}
}  // namespace bits

}  // namespace nd
