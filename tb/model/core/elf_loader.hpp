// ELF32 loader for programs of the nanodojo core: plain C++17 (no Verilator), used by the program runner
// and the `nanodojo core` command.
//
// load_elf() reads a RISC-V 32-bit little-endian executable, validates it against the node's memory
// map and returns the bytes to place in SRAM plus the symbol table. Every problem (not an ELF, wrong
// class/machine/ABI, compressed code, truncated file, a segment outside SRAM or overlapping another,
// an entry point other than the reset pc, a missing `tohost`) throws nd::InputError naming the file and
// the offending field or segment; the loader never reads outside the file's bytes.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace nd::core {

// Where a program may be loaded and how it must start.
struct ElfLoadOptions {
  uint32_t sram_base = 0x00000000;
  uint32_t sram_bytes = 256 * 1024;
  uint32_t reset_pc = 0x00000000;  // the core fetches its first instruction here
  bool require_tohost = true;      // programs end by storing to `tohost`
};

// One PT_LOAD segment: `data` holds p_memsz bytes (file bytes, then zeros up to p_memsz).
struct ElfSegment {
  uint32_t addr = 0;  // load (physical) address, p_paddr
  uint32_t file_size = 0;
  bool executable = false;
  bool writable = false;
  std::vector<uint8_t> data;
};

struct ElfSymbol {
  uint32_t value = 0;
  uint32_t size = 0;
};

struct ElfImage {
  std::string path;
  uint32_t entry = 0;
  std::vector<ElfSegment> segments;
  std::map<std::string, ElfSymbol> symbols;  // named symbols of .symtab (globals win over locals)
  std::optional<uint32_t> tohost;            // address of `tohost` when present
  std::optional<uint32_t> fromhost;          // address of `fromhost` when present

  std::optional<ElfSymbol> symbol(const std::string& name) const;
  // Total number of bytes the segments occupy in SRAM.
  uint64_t loaded_bytes() const;
};

// Reads and validates `path`. Throws nd::InputError (file = path, key = the ELF field or segment).
ElfImage load_elf(const std::string& path, const ElfLoadOptions& options = {});

// Same on bytes already in memory; `name` is used in error messages.
ElfImage parse_elf(const std::vector<uint8_t>& bytes, const std::string& name,
                   const ElfLoadOptions& options = {});

}  // namespace nd::core
