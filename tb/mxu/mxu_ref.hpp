// Reference side of the MXU tests (plain C++17, no Verilator headers): command encoding (docs/mxu.md),
// panel layouts in a byte memory, and MxuModel, which mirrors the unit's architectural state (two C banks,
// configuration, stochastic-rounding generator, sticky flags) on top of the golden model (tb/model/fp).
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "fp_rng.hpp"
#include "fp_types.hpp"

namespace nd::mxu {

enum class OpFmt : uint8_t { kBf16 = 0, kE4M3 = 1, kE5M2 = 2 };
enum class OutFmt : uint8_t { kFp32 = 0, kBf16 = 1, kE4M3 = 2, kE5M2 = 3 };

const char* name(OpFmt f);
const char* name(OutFmt f);

// One core_cmd_t: {funct7, funct3, rs1, rs2}.
struct Cmd {
  uint8_t f7 = 0;
  uint8_t f3 = 0;
  uint32_t rs1 = 0;
  uint32_t rs2 = 0;
};

struct Cfg {
  OpFmt a_fmt = OpFmt::kBf16;
  OpFmt b_fmt = OpFmt::kBf16;
  int a_bias = 0;
  int b_bias = 0;
  OutFmt out_fmt = OutFmt::kFp32;
  int out_bias = 0;
  bool sr = false;
};

uint32_t cfg_word(const Cfg& c);
Cmd cmd_cfg(const Cfg& c, bool load_seed = false, uint32_t seed = 0);
Cmd cmd_shape(uint32_t k, uint32_t a_stride_lines = 1, uint32_t b_stride_lines = 1);
Cmd cmd_mac(int bank, bool zero, uint32_t a_addr, uint32_t b_addr);
Cmd cmd_zero(int bank);
Cmd cmd_load(int bank, uint32_t addr, uint32_t stride);
Cmd cmd_store(int bank, uint32_t addr, uint32_t stride);
Cmd cmd_status(uint32_t addr, bool clear_flags = false, bool clear_counters = false);

// Error codes of status word 0 [11:9].
enum ErrCode : int {
  kErrNone = 0,
  kErrUnknownFunct = 1,
  kErrReserved = 2,
  kErrBadFormat = 3,
  kErrBadBias = 4,
  kErrBadShape = 5,
  kErrMisaligned = 6,
  kErrOutOfRange = 7
};

inline int elem_bytes(OpFmt f) { return f == OpFmt::kBf16 ? 2 : 1; }
inline int krow_bytes(OpFmt f) { return 8 * elem_bytes(f); }
inline int rows_per_line(OpFmt f) { return 128 / krow_bytes(f); }
inline int out_row_bytes(OutFmt f) { return f == OutFmt::kFp32 ? 32 : f == OutFmt::kBf16 ? 16 : 8; }
inline bool is_bf16(OpFmt f) { return f == OpFmt::kBf16; }

// Lines a panel of k k-rows at addr occupies (docs/mxu.md "Panel layouts").
int panel_lines(OpFmt f, uint32_t addr, int k);
// Writes a panel: element e of k-row kk is code(kk, e) (BF16 codes in 16 bits, CFP8 in the low 8).
void write_panel(std::vector<uint8_t>& mem, uint32_t addr, int stride_lines, OpFmt f, int k,
                 const std::function<uint16_t(int, int)>& code);

// Operand codes of one tile: A is 8 x k (row-major), B is k x 8 (row-major).
struct Operands {
  int k = 0;
  std::vector<uint16_t> a, b;
};
void write_a(std::vector<uint8_t>& mem, uint32_t addr, int stride_lines, OpFmt f, const Operands& op);
void write_b(std::vector<uint8_t>& mem, uint32_t addr, int stride_lines, OpFmt f, const Operands& op);

// The unit's architectural state, computed with the golden model.
class MxuModel {
 public:
  explicit MxuModel(int klanes) : klanes_(klanes) {}
  void configure(const Cfg& c) { cfg_ = c; }
  void seed(uint32_t s) { rng_.reseed(s); }
  void zero(int bank);
  void load(int bank, const uint32_t* c64);  // FP32 row-major
  // MAC of k products per output; zero: lane 0 starts from +0.
  void mac(int bank, bool zero, const Operands& op);
  // Bytes of the 8 rows in the output format, row-major (out_row_bytes each), converting in element order.
  std::vector<uint8_t> store(int bank);
  const uint32_t* bank(int b) const { return bank_[b]; }
  fp::Flags flags() const { return flags_; }
  void clear_flags() { flags_ = 0; }
  const Cfg& cfg() const { return cfg_; }

 private:
  int klanes_;
  Cfg cfg_;
  uint32_t bank_[2][64] = {};
  fp::Xorshift32 rng_;
  fp::Flags flags_ = 0;
};

// FP32 decode of operand codes (BF16 or CFP8 with its bias), ORing the unpack flags.
std::vector<uint32_t> decode(OpFmt f, int bias, const std::vector<uint16_t>& codes, fp::Flags* flags);

}  // namespace nd::mxu
