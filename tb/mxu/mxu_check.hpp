// Scoreboarded MXU runs: every command goes to the RTL (through MxuBench) and to MxuModel, which writes
// the same bytes into an expected memory image; check() runs the unit to idle and compares the whole
// memory and the sticky flags. Random operand codes for every format, with or without special values.
#pragma once

#include <catch2/catch.hpp>
#include <cstdint>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "hex.hpp"
#include "mxu_bench.hpp"
#include "mxu_ref.hpp"
#include "options.hpp"

namespace nd::mxu {

constexpr uint32_t kMemBytes = 262144;

// A seed for one test's random stream from the run's seed (nd::test_seed()) and a constant naming the test
// (splitmix64's mixer), so tests draw different numbers from the same run seed.
inline uint64_t test_stream(uint64_t salt) {
  uint64_t z = test_seed() + 0x9E3779B97F4A7C15ull * (salt + 1);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

// Random operand codes. special = 0: moderate finite values only; otherwise roughly special percent of
// the codes are zeros of both signs, subnormals / denormals, huge or tiny values, infinities and NaNs (BF16).
class CodeGen {
 public:
  explicit CodeGen(uint64_t seed) : rng_(seed) {}
  int uniform(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
  bool chance(int pct) { return uniform(0, 99) < pct; }
  uint64_t u64() { return rng_(); }

  uint16_t code(OpFmt f, int special) {
    const uint16_t s = static_cast<uint16_t>(uniform(0, 1));
    if (!is_bf16(f)) {
      if (special > 0 && chance(special)) {
        switch (uniform(0, 3)) {
          case 0:
            return static_cast<uint16_t>(s << 7);  // signed zero
          case 1:
            return static_cast<uint16_t>(s << 7 | uniform(1, f == OpFmt::kE4M3 ? 7 : 3));  // denormal
          case 2:
            return static_cast<uint16_t>(s << 7 | 0x7F);  // largest
          default:
            return static_cast<uint16_t>(s << 7 | uniform(0x70, 0x7E));
        }
      }
      return static_cast<uint16_t>(uniform(0, 255));
    }
    if (special > 0 && chance(special)) {
      switch (uniform(0, 7)) {
        case 0:
          return static_cast<uint16_t>(s << 15);
        case 1:
          return static_cast<uint16_t>(s << 15 | uniform(1, 0x7F));  // subnormal
        case 2:
          return static_cast<uint16_t>(s << 15 | uniform(0xF0, 0xFE) << 7 | uniform(0, 0x7F));  // huge
        case 3:
          return static_cast<uint16_t>(s << 15 | uniform(1, 12) << 7 | uniform(0, 0x7F));  // tiny
        case 4:
          return static_cast<uint16_t>(s << 15 | 0x7F80);  // infinity
        case 5:
          return static_cast<uint16_t>(s << 15 | 0x7F80 | uniform(1, 0x7F));  // NaN, quiet or signaling
        default:
          return static_cast<uint16_t>(s << 15 | uniform(0x7F, 0x87) << 7 | uniform(0, 0x7F));  // near 1
      }
    }
    return static_cast<uint16_t>(s << 15 | uniform(118, 136) << 7 | uniform(0, 0x7F));
  }

  Operands operands(OpFmt fa, OpFmt fb, int k, int special) {
    Operands op;
    op.k = k;
    for (int i = 0; i < 8 * k; ++i) op.a.push_back(code(fa, special));
    for (int i = 0; i < 8 * k; ++i) op.b.push_back(code(fb, special));
    return op;
  }

  int random_k() {
    const int r = uniform(0, 9);
    return r < 5 ? uniform(1, 32) : r < 8 ? uniform(33, 128) : uniform(129, 512);
  }

  Cfg random_cfg(bool cfp8) {
    Cfg c;
    if (cfp8) {
      c.a_fmt = chance(50) ? OpFmt::kE4M3 : OpFmt::kE5M2;
      c.b_fmt = chance(50) ? OpFmt::kE4M3 : OpFmt::kE5M2;
      c.a_bias = uniform(0, 63);
      c.b_bias = uniform(0, 63);
      if (chance(60)) {  // biases that keep products in a sensible range
        c.a_bias = uniform(3, 20);
        c.b_bias = uniform(3, 20);
      }
    }
    c.out_fmt = static_cast<OutFmt>(uniform(0, 3));
    c.out_bias = (c.out_fmt == OutFmt::kE4M3 || c.out_fmt == OutFmt::kE5M2) ? uniform(0, 40) : 0;
    c.sr = c.out_fmt != OutFmt::kFp32 && chance(50);
    return c;
  }

 private:
  std::mt19937_64 rng_;
};

template <class V>
class Checked {
 public:
  Checked(int klanes, uint64_t seed, MemCfg mc = {})
      : tb(kMemBytes, seed, mc), model(klanes), gen(seed ^ 0x5A5Au) {
    expect = tb.mem;
  }

  MxuBench<V> tb;
  MxuModel model;
  CodeGen gen;
  std::vector<uint8_t> expect;
  uint32_t k = 8;
  std::vector<std::string> log;  // commands so far, printed on a mismatch

  void cfg(const Cfg& c, bool load_seed = false, uint32_t seed = 0) {
    tb.push(cmd_cfg(c, load_seed, seed));
    model.configure(c);
    if (load_seed) model.seed(seed);
    note("cfg a=" + std::string(name(c.a_fmt)) + "/" + std::to_string(c.a_bias) + " b=" + name(c.b_fmt) +
         "/" + std::to_string(c.b_bias) + " out=" + name(c.out_fmt) + "/" + std::to_string(c.out_bias) +
         (c.sr ? " sr" : " rne") + (load_seed ? " seed=" + hex(seed) : ""));
  }
  void shape(uint32_t kk, uint32_t sa = 1, uint32_t sb = 1) {
    tb.push(cmd_shape(kk, sa, sb));
    k = kk;
    note("shape k=" + std::to_string(kk) + " sa=" + std::to_string(sa) + " sb=" + std::to_string(sb));
  }
  // A fresh panel address for k k-rows at a line stride (operand area 0 .. 128 KiB, reused after a check()),
  // starting at a random k-row of its first line when offset is set.
  uint32_t panel(OpFmt f, int kk, int stride = 1, bool offset = true) {
    const int g = rows_per_line(f);
    const int r0 = offset ? gen.uniform(0, g - 1) : 0;
    const uint32_t span = static_cast<uint32_t>(((r0 + kk + g - 1) / g - 1) * stride + 1) * 128u;
    if (next_ + span > kOperandBytes) {
      check();
      next_ = 0;
    }
    const uint32_t addr = next_ + static_cast<uint32_t>(r0 * krow_bytes(f));
    next_ += span;
    return addr;
  }

  // Writes the operands as panels (both memories) and issues the MAC.
  void mac(int bank, bool zero, const Operands& op, uint32_t a_addr, uint32_t b_addr, int sa = 1,
           int sb = 1) {
    REQUIRE(static_cast<uint32_t>(op.k) == k);
    const Cfg& c = model.cfg();
    write_a(tb.mem, a_addr, sa, c.a_fmt, op);
    write_b(tb.mem, b_addr, sb, c.b_fmt, op);
    write_a(expect, a_addr, sa, c.a_fmt, op);
    write_b(expect, b_addr, sb, c.b_fmt, op);
    tb.push(cmd_mac(bank, zero, a_addr, b_addr));
    model.mac(bank, zero, op);
    note("mac bank=" + std::to_string(bank) + (zero ? " zero" : "") + " a=" + hex(a_addr) +
         " b=" + hex(b_addr));
  }
  void store(int bank, uint32_t addr, uint32_t stride) {
    const std::vector<uint8_t> rows = model.store(bank);
    const int rb = out_row_bytes(model.cfg().out_fmt);
    for (int r = 0; r < 8; ++r) {
      for (int b = 0; b < rb; ++b) expect.at(addr + r * stride + b) = rows[r * rb + b];
    }
    tb.push(cmd_store(bank, addr, stride));
    note("store bank=" + std::to_string(bank) + " at " + hex(addr) + " stride " + std::to_string(stride));
  }
  void zero(int bank) {
    tb.push(cmd_zero(bank));
    model.zero(bank);
    note("zero bank=" + std::to_string(bank));
  }
  // Writes c (FP32 row-major) at addr with a row stride and loads it.
  void load(int bank, const uint32_t* c, uint32_t addr, uint32_t stride) {
    for (int r = 0; r < 8; ++r) {
      for (int j = 0; j < 8; ++j) {
        for (int b = 0; b < 4; ++b) {
          const uint8_t v = static_cast<uint8_t>(c[r * 8 + j] >> (8 * b));
          tb.mem.at(addr + r * stride + 4 * j + b) = v;
          expect.at(addr + r * stride + 4 * j + b) = v;
        }
      }
    }
    tb.push(cmd_load(bank, addr, stride));
    model.load(bank, c);
    note("load bank=" + std::to_string(bank) + " at " + hex(addr));
  }

  // Runs to idle and compares memory and flags; operand memory may be reused afterwards.
  void check(uint64_t limit = 2000000) {
    tb.run_until_idle(limit);
    next_ = 0;
    size_t bad = expect.size();
    for (size_t i = 0; i < expect.size(); ++i) {
      if (tb.mem[i] != expect[i]) {
        bad = i;
        break;
      }
    }
    if (bad != expect.size()) {
      std::ostringstream os;
      os << "memory differs first at " << hex(static_cast<uint32_t>(bad)) << ": RTL " << hex(tb.mem[bad])
         << ", model " << hex(expect[bad]) << "; commands:";
      for (size_t i = log.size() > 12 ? log.size() - 12 : 0; i < log.size(); ++i) os << "\n  " << log[i];
      FAIL(os.str());
    }
    INFO("flags RTL " << fp::flags_to_string(static_cast<fp::Flags>(tb->flags_o)) << ", model "
                      << fp::flags_to_string(model.flags()));
    REQUIRE(static_cast<int>(tb->flags_o) == static_cast<int>(model.flags()));
    REQUIRE(tb->error_o == 0);
  }

 private:
  void note(const std::string& s) { log.push_back(s); }
  static constexpr uint32_t kOperandBytes = 0x20000;
  uint32_t next_ = 0;
};

}  // namespace nd::mxu
