// Rv32Iss: see rv32_iss.hpp. Semantics follow docs/isa.md line by line.
#include "rv32_iss.hpp"

#include <stdexcept>

namespace nd::core {

namespace {

constexpr uint32_t kMmioBase = 0x40000000u;
constexpr uint32_t kMmioMask = 0xfffff000u;

int32_t sx(uint32_t v, int bits) { return static_cast<int32_t>(v << (32 - bits)) >> (32 - bits); }

}  // namespace

Rv32Iss::Rv32Iss(uint32_t sram_bytes, uint32_t hart_id)
    : sram_bytes_(sram_bytes), hart_id_(hart_id), mem_(sram_bytes, 0) {}

void Rv32Iss::write_bytes(uint32_t addr, const std::vector<uint8_t>& bytes) {
  for (size_t i = 0; i < bytes.size(); ++i) mem_.at(addr + i) = bytes[i];
}

void Rv32Iss::write_word(uint32_t addr, uint32_t value) {
  for (uint32_t b = 0; b < 4; ++b) mem_.at(addr + b) = static_cast<uint8_t>(value >> (8 * b));
}

uint32_t Rv32Iss::read_word(uint32_t addr) const {
  uint32_t v = 0;
  for (uint32_t b = 0; b < 4; ++b) v |= uint32_t{mem_.at((addr & ~3u) + b)} << (8 * b);
  return v;
}

void Rv32Iss::take_trap(IssStep& s, uint32_t cause, uint32_t tval) {
  s.trap = true;
  s.cause = cause;
  s.tval = tval;
  mepc_ = pc_;
  mcause_ = cause;
  mtval_ = tval;
  mpie_ = mie_;
  mie_ = false;
  if (mtvec_ == 0) {
    halted_ = true;
    s.halted = true;
  } else {
    pc_ = mtvec_;
  }
}

// op: 1 rw, 2 rs, 3 rc. Returns false for an illegal access.
bool Rv32Iss::csr_access(uint32_t a, uint32_t op, uint32_t operand, bool write, uint32_t& old) {
  bool known = true;
  switch (a) {
    case 0x300:
      old = (3u << 11) | (mpie_ ? 0x80u : 0u) | (mie_ ? 0x8u : 0u);
      break;
    case 0x301:
      old = 0x40801100u;
      break;
    case 0x304:
    case 0x344:
    case 0x320:
      old = 0;
      break;
    case 0x305:
      old = mtvec_;
      break;
    case 0x340:
      old = mscratch_;
      break;
    case 0x341:
      old = mepc_;
      break;
    case 0x342:
      old = mcause_;
      break;
    case 0x343:
      old = mtval_;
      break;
    case 0xB00:
    case 0xC00:
    case 0xB80:
    case 0xC80:
      old = 0;
      break;  // cycle counters: not modelled
    case 0xB02:
    case 0xC02:
      old = static_cast<uint32_t>(instret_);
      break;
    case 0xB82:
    case 0xC82:
      old = static_cast<uint32_t>(instret_ >> 32);
      break;
    case 0xF11:
    case 0xF12:
    case 0xF13:
      old = 0;
      break;
    case 0xF14:
      old = hart_id_;
      break;
    default: {
      const uint32_t grp = a >> 5, idx = a & 31u;
      if ((grp == 0x58 || grp == 0x60) && idx >= 3) {  // mhpmcounterN / hpmcounterN
        old = idx < 8 ? hpm_[idx - 3] : 0;
      } else if ((grp == 0x5c || grp == 0x64 || grp == 0x19) && idx >= 3) {  // ...h, mhpmevent
        old = 0;
      } else {
        known = false;
      }
    }
  }
  if (!known) return false;
  if (!write) return true;
  if ((a >> 10) == 3) return false;  // read-only CSR written
  const uint32_t v = op == 2 ? (old | operand) : op == 3 ? (old & ~operand) : operand;
  switch (a) {
    case 0x300:
      mie_ = v & 0x8u;
      mpie_ = v & 0x80u;
      break;
    case 0x305:
      mtvec_ = v & ~3u;
      break;
    case 0x340:
      mscratch_ = v;
      break;
    case 0x341:
      mepc_ = v & ~3u;
      break;
    case 0x342:
      mcause_ = v;
      break;
    case 0x343:
      mtval_ = v;
      break;
    case 0xB02:
      instret_ = (instret_ & 0xffffffff00000000ull) | v;
      instret_ -= 1;
      break;
    case 0xB82:
      instret_ = (instret_ & 0xffffffffull) | (uint64_t{v} << 32);
      instret_ -= 1;
      break;
    default:
      if ((a >> 5) == 0x58 && (a & 31u) >= 3 && (a & 31u) < 8) hpm_[(a & 31u) - 3] = v;
      break;
  }
  return true;
}

IssStep Rv32Iss::step() {
  IssStep s;
  s.pc = pc_;
  if (halted_) {
    s.halted = true;
    return s;
  }
  if (pc_ >= sram_bytes_) {
    take_trap(s, 1, pc_);
    return s;
  }
  const uint32_t in = read_word(pc_);
  s.insn = in;
  const uint32_t opc = in & 0x7fu, rd = (in >> 7) & 31u, f3 = (in >> 12) & 7u, rs1 = (in >> 15) & 31u;
  const uint32_t rs2 = (in >> 20) & 31u, f7 = in >> 25;
  const uint32_t a = x_[rs1], b = x_[rs2];
  const uint32_t imm_i = static_cast<uint32_t>(sx(in >> 20, 12));
  const uint32_t imm_s = static_cast<uint32_t>(sx(((in >> 25) << 5) | ((in >> 7) & 31u), 12));
  const uint32_t imm_b = static_cast<uint32_t>(
      sx(((in >> 31) << 12) | (((in >> 7) & 1u) << 11) | (((in >> 25) & 63u) << 5) | (((in >> 8) & 15u) << 1),
         13));
  const uint32_t imm_j = static_cast<uint32_t>(sx(((in >> 31) << 20) | (((in >> 12) & 255u) << 12) |
                                                      (((in >> 20) & 1u) << 11) | (((in >> 21) & 1023u) << 1),
                                                  21));
  uint32_t next = pc_ + 4;
  bool wr = false;
  uint32_t val = 0;
  auto illegal = [&] { take_trap(s, 2, in); };

  switch (opc) {
    case 0x37:
      wr = true;
      val = in & 0xfffff000u;
      break;
    case 0x17:
      wr = true;
      val = pc_ + (in & 0xfffff000u);
      break;
    case 0x6f:
    case 0x67: {
      if (opc == 0x67 && f3 != 0) return illegal(), s;
      const uint32_t t = opc == 0x6f ? pc_ + imm_j : (a + imm_i) & ~1u;
      if (t & 2u) return take_trap(s, 0, t), s;
      wr = true;
      val = pc_ + 4;
      next = t;
      break;
    }
    case 0x63: {
      bool taken;
      switch (f3) {
        case 0:
          taken = a == b;
          break;
        case 1:
          taken = a != b;
          break;
        case 4:
          taken = static_cast<int32_t>(a) < static_cast<int32_t>(b);
          break;
        case 5:
          taken = static_cast<int32_t>(a) >= static_cast<int32_t>(b);
          break;
        case 6:
          taken = a < b;
          break;
        case 7:
          taken = a >= b;
          break;
        default:
          return illegal(), s;
      }
      if (taken) {
        if ((pc_ + imm_b) & 2u) return take_trap(s, 0, pc_ + imm_b), s;
        next = pc_ + imm_b;
      }
      break;
    }
    case 0x03:
    case 0x23: {
      const bool load = opc == 0x03;
      if (load ? (f3 == 3 || f3 > 5) : f3 > 2) return illegal(), s;
      const uint32_t ea = a + (load ? imm_i : imm_s);
      const uint32_t size = f3 & 3u;
      if ((size == 1 && (ea & 1u)) || (size == 2 && (ea & 3u))) return take_trap(s, load ? 4 : 6, ea), s;
      const bool mmio = (ea & kMmioMask) == kMmioBase;
      if (!mmio && ea >= sram_bytes_) return take_trap(s, load ? 5 : 7, ea), s;
      if (load) {
        uint32_t word;
        if (mmio) {
          const uint32_t off = ea & 0xffcu;
          word = off == 4 ? hart_id_ : 0;
        } else {
          word = read_word(ea);
        }
        const uint32_t sh = word >> (8 * (ea & 3u));
        val = size == 0   ? (f3 & 4u ? sh & 0xffu : static_cast<uint32_t>(sx(sh & 0xffu, 8)))
              : size == 1 ? (f3 & 4u ? sh & 0xffffu : static_cast<uint32_t>(sx(sh & 0xffffu, 16)))
                          : sh;
        wr = true;
      } else {
        IssStore st;
        st.addr = ea;
        st.be = (size == 0 ? 1u : size == 1 ? 3u : 15u) << (ea & 3u);
        st.data = size == 0 ? (b & 0xffu) * 0x01010101u : size == 1 ? (b & 0xffffu) * 0x00010001u : b;
        s.store = st;
        if (mmio) {
          if ((ea & 0xfffu) == 0) console_.push_back(static_cast<char>(b & 0xffu));
        } else {
          for (uint32_t k = 0; k < 4; ++k) {
            if (st.be >> k & 1u) mem_.at((ea & ~3u) + k) = static_cast<uint8_t>(st.data >> (8 * k));
          }
        }
      }
      break;
    }
    case 0x13: {
      const uint32_t sh = rs2;
      wr = true;
      switch (f3) {
        case 0:
          val = a + imm_i;
          break;
        case 2:
          val = static_cast<int32_t>(a) < static_cast<int32_t>(imm_i);
          break;
        case 3:
          val = a < imm_i;
          break;
        case 4:
          val = a ^ imm_i;
          break;
        case 6:
          val = a | imm_i;
          break;
        case 7:
          val = a & imm_i;
          break;
        case 1:
          if (f7 != 0) return illegal(), s;
          val = a << sh;
          break;
        default:
          if (f7 == 0)
            val = a >> sh;
          else if (f7 == 0x20)
            val = static_cast<uint32_t>(static_cast<int32_t>(a) >> sh);
          else
            return illegal(), s;
      }
      break;
    }
    case 0x33: {
      wr = true;
      if (f7 == 1) {
        const int64_t sa = static_cast<int32_t>(a), sb = static_cast<int32_t>(b);
        const uint64_t ua = a, ub = b;
        switch (f3) {
          case 0:
            val = a * b;
            break;
          case 1:
            val = static_cast<uint32_t>(static_cast<uint64_t>(sa * sb) >> 32);
            break;
          case 2:
            val = static_cast<uint32_t>(static_cast<uint64_t>(sa * static_cast<int64_t>(ub)) >> 32);
            break;
          case 3:
            val = static_cast<uint32_t>((ua * ub) >> 32);
            break;
          case 4:
            val = b == 0 ? ~0u : (a == 0x80000000u && b == ~0u) ? a : static_cast<uint32_t>(sa / sb);
            break;
          case 5:
            val = b == 0 ? ~0u : a / b;
            break;
          case 6:
            val = b == 0 ? a : (a == 0x80000000u && b == ~0u) ? 0 : static_cast<uint32_t>(sa % sb);
            break;
          default:
            val = b == 0 ? a : a % b;
            break;
        }
      } else if (f7 == 0 || (f7 == 0x20 && (f3 == 0 || f3 == 5))) {
        const uint32_t sh = b & 31u;
        switch (f3) {
          case 0:
            val = f7 ? a - b : a + b;
            break;
          case 1:
            val = a << sh;
            break;
          case 2:
            val = static_cast<int32_t>(a) < static_cast<int32_t>(b);
            break;
          case 3:
            val = a < b;
            break;
          case 4:
            val = a ^ b;
            break;
          case 5:
            val = f7 ? static_cast<uint32_t>(static_cast<int32_t>(a) >> sh) : a >> sh;
            break;
          case 6:
            val = a | b;
            break;
          default:
            val = a & b;
            break;
        }
      } else {
        return illegal(), s;
      }
      break;
    }
    case 0x0f:
      if (f3 > 1) return illegal(), s;
      break;
    case 0x73: {
      if (f3 == 0) {
        const uint32_t rest = in >> 7;
        if (rest == 0) return take_trap(s, 11, 0), s;
        if (rest == 0x2000u) return take_trap(s, 3, pc_), s;
        if (rest == (0x302u << 13)) {
          next = mepc_;
          mie_ = mpie_;
          mpie_ = true;
        } else if (rest != (0x105u << 13)) {
          return illegal(), s;
        }
        break;
      }
      if (f3 == 4) return illegal(), s;
      const uint32_t operand = (f3 & 4u) ? rs1 : a;
      const bool write = (f3 & 3u) == 1 || rs1 != 0;
      uint32_t old = 0;
      if (!csr_access(in >> 20, f3 & 3u, operand, write, old)) return illegal(), s;
      wr = true;
      val = old;
      break;
    }
    case 0x0b:
    case 0x2b:
      if (f3 != 7) s.command = IssCommand{opc == 0x2b, f3, f7, a, b};
      break;
    default:
      return illegal(), s;
  }
  if (wr && rd != 0) x_[rd] = val;
  pc_ = next;
  ++instret_;
  return s;
}

}  // namespace nd::core
