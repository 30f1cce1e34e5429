#include "program_image.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <map>

#include "errors.hpp"
#include "hex.hpp"

namespace nd::core {
namespace {

constexpr uint32_t kEhdrSize = 52, kPhdrSize = 32, kShdrSize = 40, kSymSize = 16;
constexpr uint8_t kClass32 = 1, kDataLsb = 1, kVersionCurrent = 1;
constexpr uint16_t kTypeExec = 2, kMachineRiscv = 243;
constexpr uint32_t kPtLoad = 1, kPfX = 1, kPfW = 2;
constexpr uint32_t kShtSymtab = 2, kShtStrtab = 3;
constexpr uint32_t kEfRvc = 0x1, kEfFloatAbi = 0x6, kEfRve = 0x8;
constexpr uint8_t kSttSection = 3, kSttFile = 4, kStbLocal = 0;
constexpr uint64_t kMaxFileBytes = 64ull << 20;

// Bounds-checked little-endian reads from the file image.
class Reader {
 public:
  Reader(const std::vector<uint8_t>& b, const std::string& name) : b_(b), name_(name) {}
  uint64_t size() const { return b_.size(); }
  bool fits(uint64_t off, uint64_t len) const { return off <= b_.size() && len <= b_.size() - off; }
  void need(uint64_t off, uint64_t len, const std::string& key, const std::string& what) const {
    if (!fits(off, len))
      throw InputError(name_, 0, key,
                       "truncated file: " + what + " at offset " + std::to_string(off) + " (+" +
                           std::to_string(len) + " bytes) extends past the end of the file (" +
                           std::to_string(b_.size()) + " bytes)");
  }
  uint8_t u8(uint64_t off) const { return b_[off]; }
  uint16_t u16(uint64_t off) const { return static_cast<uint16_t>(b_[off] | (b_[off + 1] << 8)); }
  uint32_t u32(uint64_t off) const {
    return static_cast<uint32_t>(b_[off]) | static_cast<uint32_t>(b_[off + 1]) << 8 |
           static_cast<uint32_t>(b_[off + 2]) << 16 | static_cast<uint32_t>(b_[off + 3]) << 24;
  }
  const uint8_t* ptr(uint64_t off) const { return b_.data() + off; }

 private:
  const std::vector<uint8_t>& b_;
  const std::string& name_;
};

struct Section {
  uint32_t type, offset, size, link, entsize;
};

void read_symbols(const Reader& r, const std::string& name, uint32_t shoff, uint16_t shnum,
                  uint16_t shentsize, ProgramImage& img) {
  if (shoff == 0 || shnum == 0) return;
  if (shentsize != kShdrSize)
    throw InputError(
        name, 0, "e_shentsize",
        "section header size " + std::to_string(shentsize) + ", ELF32 needs " + std::to_string(kShdrSize));
  r.need(shoff, uint64_t{shnum} * kShdrSize, "e_shoff", "section header table");
  std::vector<Section> sec(shnum);
  for (uint16_t i = 0; i < shnum; ++i) {
    const uint64_t o = shoff + uint64_t{i} * kShdrSize;
    sec[i] = {r.u32(o + 4), r.u32(o + 16), r.u32(o + 20), r.u32(o + 24), r.u32(o + 36)};
  }
  for (uint16_t i = 0; i < shnum; ++i) {
    if (sec[i].type != kShtSymtab) continue;
    const std::string key = "section " + std::to_string(i) + " (.symtab)";
    const Section& st = sec[i];
    if (st.entsize != kSymSize)
      throw InputError(name, 0, key, "symbol entry size " + std::to_string(st.entsize) + ", expected 16");
    r.need(st.offset, st.size, key, "symbol table");
    if (st.link >= shnum || sec[st.link].type != kShtStrtab)
      throw InputError(name, 0, key, "sh_link " + std::to_string(st.link) + " is not a string table");
    const Section& str = sec[st.link];
    r.need(str.offset, str.size, "section " + std::to_string(st.link), "string table");
    for (uint32_t k = 1; k < st.size / kSymSize; ++k) {
      const uint64_t o = st.offset + uint64_t{k} * kSymSize;
      const uint32_t name_off = r.u32(o), value = r.u32(o + 4), size = r.u32(o + 8);
      const uint8_t info = r.u8(o + 12);
      const uint16_t shndx = r.u16(o + 14);
      const uint8_t type = info & 0xf, bind = info >> 4;
      if (name_off == 0 || shndx == 0 || type == kSttSection || type == kSttFile) continue;
      if (name_off >= str.size)
        throw InputError(name, 0, key,
                         "symbol " + std::to_string(k) + " name offset outside its string table");
      const char* s = reinterpret_cast<const char*>(r.ptr(str.offset + name_off));
      const size_t max_len = str.size - name_off;
      const size_t len = strnlen(s, max_len);
      if (len == max_len)
        throw InputError(name, 0, key, "symbol " + std::to_string(k) + " name is not terminated");
      const std::string sym(s, len);
      if (bind == kStbLocal && img.symbols.count(sym)) continue;  // globals win over locals
      img.symbols[sym] = ImageSymbol{value, size};
    }
  }
}

}  // namespace

std::optional<ImageSymbol> ProgramImage::symbol(const std::string& name) const {
  const auto it = symbols.find(name);
  if (it == symbols.end()) return std::nullopt;
  return it->second;
}

uint64_t ProgramImage::loaded_bytes() const {
  uint64_t n = 0;
  for (const auto& s : segments) n += s.data.size();
  return n;
}

std::vector<ImageWord> ProgramImage::words() const {
  std::map<uint32_t, uint32_t> merged;
  for (const auto& seg : segments) {
    for (size_t i = 0; i < seg.data.size(); ++i) {
      const uint32_t a = seg.addr + static_cast<uint32_t>(i);
      merged[a & ~3u] |= uint32_t{seg.data[i]} << (8 * (a & 3u));
    }
  }
  std::vector<ImageWord> out;
  out.reserve(merged.size());
  for (const auto& [addr, data] : merged) out.push_back({addr, data});
  return out;
}

ProgramImage parse_elf(const std::vector<uint8_t>& bytes, const std::string& name, const LoadOptions& opt) {
  const Reader r(bytes, name);
  ProgramImage img;
  img.path = name;
  if (bytes.size() < 4 || std::memcmp(bytes.data(),
                                      "\x7f"
                                      "ELF",
                                      4) != 0)
    throw InputError(name, 0, "e_ident", "not an ELF file (the first bytes are not 0x7f 'E' 'L' 'F')");
  r.need(0, kEhdrSize, "e_ident", "ELF header");
  if (r.u8(4) != kClass32)
    throw InputError(name, 0, "e_ident[EI_CLASS]",
                     "ELF class " + std::to_string(r.u8(4)) + (r.u8(4) == 2 ? " (64-bit)" : "") +
                         "; the core runs 32-bit programs (ELFCLASS32 = 1)");
  if (r.u8(5) != kDataLsb)
    throw InputError(
        name, 0, "e_ident[EI_DATA]",
        "data encoding " + std::to_string(r.u8(5)) + "; the core is little-endian (ELFDATA2LSB = 1)");
  if (r.u8(6) != kVersionCurrent)
    throw InputError(name, 0, "e_ident[EI_VERSION]",
                     "ELF version " + std::to_string(r.u8(6)) + ", expected 1");
  const uint16_t type = r.u16(16), machine = r.u16(18);
  if (type != kTypeExec)
    throw InputError(
        name, 0, "e_type",
        "ELF type " + std::to_string(type) + " is not an executable (ET_EXEC = 2); link the program");
  if (machine != kMachineRiscv)
    throw InputError(name, 0, "e_machine",
                     "machine " + std::to_string(machine) + " is not RISC-V (EM_RISCV = 243)");
  const uint32_t flags = r.u32(36);
  if (flags & kEfRvc)
    throw InputError(
        name, 0, "e_flags",
        "built with compressed instructions (RVC); the core implements RV32IM: use -march=rv32im");
  if (flags & kEfFloatAbi)
    throw InputError(name, 0, "e_flags", "built for a hardware floating-point ABI; use -mabi=ilp32");
  if (flags & kEfRve) throw InputError(name, 0, "e_flags", "built for RV32E; use -march=rv32im -mabi=ilp32");
  img.entry = r.u32(24);
  const uint32_t phoff = r.u32(28), shoff = r.u32(32);
  const uint16_t phentsize = r.u16(42), phnum = r.u16(44), shentsize = r.u16(46), shnum = r.u16(48);

  if (phnum == 0) throw InputError(name, 0, "e_phnum", "no program headers: nothing to load");
  if (phentsize != kPhdrSize)
    throw InputError(name, 0, "e_phentsize",
                     "program header size " + std::to_string(phentsize) + ", ELF32 needs 32");
  r.need(phoff, uint64_t{phnum} * kPhdrSize, "e_phoff", "program header table");

  const uint64_t sram_lo = opt.sram_base, sram_hi = uint64_t{opt.sram_base} + opt.sram_bytes;
  const std::string sram_range = hex(sram_lo) + ".." + hex(sram_hi - 1);
  for (uint16_t i = 0; i < phnum; ++i) {
    const uint64_t o = phoff + uint64_t{i} * kPhdrSize;
    const uint32_t p_type = r.u32(o), p_offset = r.u32(o + 4), p_paddr = r.u32(o + 12);
    const uint32_t p_filesz = r.u32(o + 16), p_memsz = r.u32(o + 20), p_flags = r.u32(o + 24);
    if (p_type != kPtLoad || p_memsz == 0) continue;
    const std::string key = "segment " + std::to_string(i);
    if (p_filesz > p_memsz)
      throw InputError(
          name, 0, key,
          "p_filesz " + std::to_string(p_filesz) + " exceeds p_memsz " + std::to_string(p_memsz));
    r.need(p_offset, p_filesz, key, "segment data");
    const uint64_t lo = p_paddr, hi = uint64_t{p_paddr} + p_memsz;
    if (lo < sram_lo || hi > sram_hi)
      throw InputError(name, 0, key,
                       "loads " + hex(lo) + ".." + hex(hi - 1) + " (" + std::to_string(p_memsz) +
                           " bytes), outside the SRAM " + sram_range);
    ImageSegment seg;
    seg.addr = p_paddr;
    seg.file_size = p_filesz;
    seg.executable = (p_flags & kPfX) != 0;
    seg.writable = (p_flags & kPfW) != 0;
    seg.data.assign(p_memsz, 0);
    std::copy_n(r.ptr(p_offset), p_filesz, seg.data.begin());
    img.segments.push_back(std::move(seg));
  }
  if (img.segments.empty()) throw InputError(name, 0, "e_phnum", "no loadable (PT_LOAD) segment");
  std::vector<const ImageSegment*> sorted;
  for (const auto& s : img.segments) sorted.push_back(&s);
  std::sort(sorted.begin(), sorted.end(), [](auto* a, auto* b) { return a->addr < b->addr; });
  for (size_t i = 1; i < sorted.size(); ++i) {
    if (uint64_t{sorted[i - 1]->addr} + sorted[i - 1]->data.size() > sorted[i]->addr)
      throw InputError(name, 0, "segment at " + hex(sorted[i]->addr),
                       "overlaps the segment at " + hex(sorted[i - 1]->addr));
  }
  const auto inside = [&](uint32_t a) {
    return std::any_of(img.segments.begin(), img.segments.end(),
                       [&](const ImageSegment& s) { return a >= s.addr && a - s.addr < s.data.size(); });
  };
  if (img.entry != opt.reset_pc)
    throw InputError(name, 0, "e_entry",
                     "entry point " + hex(img.entry) + ", but the core starts at " + hex(opt.reset_pc) +
                         " (link with sw/link.ld, _start first)");
  if (!inside(img.entry))
    throw InputError(name, 0, "e_entry", "entry point " + hex(img.entry) + " is not inside a loaded segment");

  read_symbols(r, name, shoff, shnum, shentsize, img);
  for (const char* sym : {"tohost", "fromhost"}) {
    const auto s = img.symbol(sym);
    if (!s) continue;
    if (s->value % 4 != 0 || s->value < sram_lo || uint64_t{s->value} + 4 > sram_hi)
      throw InputError(
          name, 0, sym,
          "symbol at " + hex(s->value) + " must be a word-aligned address in the SRAM " + sram_range);
    (std::string(sym) == "tohost" ? img.tohost : img.fromhost) = s->value;
  }
  if (opt.require_tohost && !img.tohost)
    throw InputError(name, 0, "tohost",
                     shnum == 0 || shoff == 0
                         ? "no symbol table (stripped?): the runner needs the address of `tohost`"
                         : "the program defines no `tohost` symbol (link sw/lib/tohost.S or define it)");
  return img;
}

ProgramImage load_elf(const std::string& path, const LoadOptions& options) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path, 0, "", std::string("cannot open the program: ") + std::strerror(errno));
  in.seekg(0, std::ios::end);
  const std::streamoff size = in.tellg();
  if (size < 0) throw InputError(path, 0, "", "cannot read the program (not a regular file?)");
  if (static_cast<uint64_t>(size) > kMaxFileBytes)
    throw InputError(path, 0, "", "file of " + std::to_string(size) + " bytes is too large for a program");
  in.seekg(0, std::ios::beg);
  std::vector<uint8_t> bytes(static_cast<size_t>(size));
  if (size > 0 && !in.read(reinterpret_cast<char*>(bytes.data()), size))
    throw InputError(path, 0, "", "cannot read the program");
  return parse_elf(bytes, path, options);
}

}  // namespace nd::core
