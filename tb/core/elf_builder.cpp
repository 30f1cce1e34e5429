#include "elf_builder.hpp"

namespace nd::core::test {
namespace {

void put16(std::vector<uint8_t>& b, size_t off, uint32_t v) {
  b[off] = static_cast<uint8_t>(v);
  b[off + 1] = static_cast<uint8_t>(v >> 8);
}
void put32(std::vector<uint8_t>& b, size_t off, uint32_t v) {
  for (int i = 0; i < 4; ++i) b[off + i] = static_cast<uint8_t>(v >> (8 * i));
}
void append(std::vector<uint8_t>& b, const std::vector<uint8_t>& x) { b.insert(b.end(), x.begin(), x.end()); }
void align(std::vector<uint8_t>& b, size_t a) {
  while (b.size() % a) b.push_back(0);
}

}  // namespace

ElfBuilder ElfBuilder::valid() {
  ElfBuilder e;
  BuilderSegment text;
  text.addr = 0;
  text.bytes = {0x13, 0, 0, 0, 0x13, 0, 0, 0, 0x13, 0, 0, 0, 0x6f, 0, 0, 0};  // nop, nop, nop, j .
  BuilderSegment data;
  data.addr = 0x100;
  data.flags = 6;  // R+W
  data.bytes = {1, 2, 3, 4, 5, 6, 7, 8};
  data.memsz = 64;
  e.segments = {text, data};
  e.symbols = {{"tohost", 0x100, 8}, {"main", 0x4, 12, 0x12}};
  return e;
}

std::vector<uint8_t> ElfBuilder::build() const {
  std::vector<uint8_t> b(52, 0);
  const size_t phoff = b.size();
  b.resize(b.size() + 32 * segments.size(), 0);
  std::vector<size_t> seg_off;
  for (const auto& s : segments) {
    align(b, 4);
    seg_off.push_back(b.size());
    append(b, s.bytes);
  }
  // .strtab and .symtab, then the section headers: [0] null, [1] .symtab, [2] .strtab.
  std::vector<uint8_t> strtab{0};
  std::vector<uint8_t> symtab(16, 0);
  for (const auto& sym : symbols) {
    std::vector<uint8_t> e(16, 0);
    put32(e, 0, static_cast<uint32_t>(strtab.size()));
    put32(e, 4, sym.value);
    put32(e, 8, sym.size);
    e[12] = sym.info;
    put16(e, 14, sym.shndx);
    append(symtab, e);
    strtab.insert(strtab.end(), sym.name.begin(), sym.name.end());
    strtab.push_back(0);
  }
  align(b, 4);
  const size_t symoff = b.size();
  append(b, symtab);
  const size_t stroff = b.size();
  append(b, strtab);
  align(b, 4);
  const size_t shoff = b.size();
  if (with_sections) {
    std::vector<uint8_t> sh(3 * 40, 0);
    put32(sh, 40 + 4, 2);  // SHT_SYMTAB
    put32(sh, 40 + 16, static_cast<uint32_t>(symoff));
    put32(sh, 40 + 20, static_cast<uint32_t>(symtab.size()));
    put32(sh, 40 + 24, 2);  // sh_link -> .strtab
    put32(sh, 40 + 36, 16);
    put32(sh, 80 + 4, 3);  // SHT_STRTAB
    put32(sh, 80 + 16, static_cast<uint32_t>(stroff));
    put32(sh, 80 + 20, static_cast<uint32_t>(strtab.size()));
    append(b, sh);
  }

  b[0] = 0x7f, b[1] = 'E', b[2] = 'L', b[3] = 'F';
  b[4] = ei_class, b[5] = ei_data, b[6] = ei_version;
  put16(b, 16, type);
  put16(b, 18, machine);
  put32(b, 20, 1);
  put32(b, 24, entry);
  put32(b, 28, static_cast<uint32_t>(phoff));
  put32(b, 32, with_sections ? static_cast<uint32_t>(shoff) : 0);
  put32(b, 36, flags);
  put16(b, 40, 52);
  put16(b, 42, phentsize);
  put16(b, 44, static_cast<uint32_t>(segments.size()));
  put16(b, 46, 40);
  put16(b, 48, with_sections ? 3 : 0);
  for (size_t i = 0; i < segments.size(); ++i) {
    const auto& s = segments[i];
    const size_t o = phoff + 32 * i;
    const uint32_t filesz = s.filesz_override >= 0 ? static_cast<uint32_t>(s.filesz_override)
                                                   : static_cast<uint32_t>(s.bytes.size());
    put32(b, o, s.type);
    put32(b, o + 4,
          s.offset_override >= 0 ? static_cast<uint32_t>(s.offset_override)
                                 : static_cast<uint32_t>(seg_off[i]));
    put32(b, o + 8, s.addr);
    put32(b, o + 12, s.addr);
    put32(b, o + 16, filesz);
    put32(b, o + 20, s.memsz ? s.memsz : static_cast<uint32_t>(s.bytes.size()));
    put32(b, o + 24, s.flags);
    put32(b, o + 28, 4);
  }
  return b;
}

}  // namespace nd::core::test
