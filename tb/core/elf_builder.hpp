// Builds small ELF32 RISC-V executables in memory for the loader's tests, with knobs to break every
// field the loader checks (class, machine, flags, segments, entry, symbols). Test helper only.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace nd::core::test {

struct BuilderSegment {
  uint32_t type = 1;  // PT_LOAD
  uint32_t addr = 0;
  uint32_t flags = 5;  // R+X
  std::vector<uint8_t> bytes;
  uint32_t memsz = 0;            // 0 = bytes.size()
  int64_t offset_override = -1;  // >= 0: p_offset written as this value
  int64_t filesz_override = -1;  // >= 0: p_filesz written as this value
};

struct BuilderSymbol {
  std::string name;
  uint32_t value = 0;
  uint32_t size = 0;
  uint8_t info = 0x11;  // STB_GLOBAL, STT_OBJECT
  uint16_t shndx = 1;   // any defined section
};

struct ElfBuilder {
  uint8_t ei_class = 1, ei_data = 1, ei_version = 1;
  uint16_t type = 2, machine = 243;
  uint32_t flags = 0, entry = 0;
  uint16_t phentsize = 32;
  bool with_sections = true;
  std::vector<BuilderSegment> segments;
  std::vector<BuilderSymbol> symbols;

  // A valid program: 16 bytes of code at 0, a 64-byte data segment at 0x100 of which 8 bytes are in
  // the file, `tohost` at 0x100 and `main` at 0x4.
  static ElfBuilder valid();

  std::vector<uint8_t> build() const;
};

}  // namespace nd::core::test
