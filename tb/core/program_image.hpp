// The program image of the nanodojo core and its ELF32 loader: plain C++17 (no Verilator), the one way
// every test, the program runner and `nanodojo core` turn a program into memory contents.
//
// load_elf() reads a RISC-V 32-bit little-endian executable, validates it against the node's memory
// map and returns a ProgramImage: the segments to place in SRAM, the symbol table and the tohost
// address. Every problem (not an ELF, wrong class/machine/ABI, compressed code, truncated file, a
// segment outside SRAM or overlapping another, an entry point other than the reset pc, a missing
// `tohost`) throws nd::InputError naming the file and the offending field or segment; the loader never
// reads outside the file's bytes. How the image reaches memory is up to the caller: words() lists the
// SRAM words to write (the backdoor port of nd_core_system today, the mesh in a node later).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace nd::core {

// Where a program may be loaded and how it must start.
struct LoadOptions {
  uint32_t sram_base = 0x00000000;
  uint32_t sram_bytes = 256 * 1024;
  uint32_t reset_pc = 0x00000000;  // the core fetches its first instruction here
  bool require_tohost = true;      // programs end by storing to `tohost`
};

// One PT_LOAD segment: `data` holds p_memsz bytes (file bytes, then zeros up to p_memsz).
struct ImageSegment {
  uint32_t addr = 0;  // load (physical) address, p_paddr
  uint32_t file_size = 0;
  bool executable = false;
  bool writable = false;
  std::vector<uint8_t> data;
};

struct ImageSymbol {
  uint32_t value = 0;
  uint32_t size = 0;
};

// One SRAM word of an image: word-aligned byte address and its little-endian contents.
struct ImageWord {
  uint32_t addr = 0;
  uint32_t data = 0;
  bool operator==(const ImageWord& o) const { return addr == o.addr && data == o.data; }
};

struct ProgramImage {
  std::string path;
  uint32_t entry = 0;
  std::vector<ImageSegment> segments;
  std::map<std::string, ImageSymbol> symbols;  // named symbols of .symtab (globals win over locals)
  std::optional<uint32_t> tohost;              // address of `tohost` when present
  std::optional<uint32_t> fromhost;            // address of `fromhost` when present

  std::optional<ImageSymbol> symbol(const std::string& name) const;
  // Total number of bytes the segments occupy in SRAM.
  uint64_t loaded_bytes() const;
  // Every word a segment touches, in address order; bytes of a partly covered word that no segment
  // covers are 0.
  std::vector<ImageWord> words() const;
};

// Reads and validates `path`. Throws nd::InputError (file = path, key = the ELF field or segment).
ProgramImage load_elf(const std::string& path, const LoadOptions& options = {});

// Same on bytes already in memory; `name` is used in error messages.
ProgramImage parse_elf(const std::vector<uint8_t>& bytes, const std::string& name,
                       const LoadOptions& options = {});

}  // namespace nd::core
