// Tests of the program image and its ELF32 loader: a valid image, its SRAM words, every malformed field
// the loader must reject with a clear error, every truncation and random corruption (never a crash), and
// the real programs built from sw/.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <functional>
#include <random>

#include "elf_builder.hpp"
#include "errors.hpp"
#include "options.hpp"
#include "program_image.hpp"

using nd::InputError;
using nd::core::LoadOptions;
using nd::core::parse_elf;
using nd::core::test::ElfBuilder;

namespace {

// Parses `e` and requires an InputError whose key is `key` and whose message contains `text`.
void require_rejected(const ElfBuilder& e, const std::string& key, const std::string& text,
                      const LoadOptions& opt = {}) {
  try {
    parse_elf(e.build(), "bad.elf", opt);
    FAIL("accepted an ELF that should fail on '" << key << "'");
  } catch (const InputError& err) {
    INFO(err.what());
    CHECK(err.file() == "bad.elf");
    CHECK(err.line() == 0);
    CHECK(err.key() == key);
    CHECK(std::string(err.what()).find(text) != std::string::npos);
  }
}

}  // namespace

TEST_CASE("the loader accepts a valid image and returns segments, entry and symbols", "[core][unit]") {
  const auto img = parse_elf(ElfBuilder::valid().build(), "ok.elf");
  CHECK(img.entry == 0);
  REQUIRE(img.segments.size() == 2);
  CHECK(img.segments[0].addr == 0);
  CHECK(img.segments[0].executable);
  CHECK(img.segments[0].data.size() == 16);
  CHECK(img.segments[0].data[0] == 0x13);
  CHECK(img.segments[1].addr == 0x100);
  CHECK(img.segments[1].writable);
  CHECK(img.segments[1].file_size == 8);
  REQUIRE(img.segments[1].data.size() == 64);
  CHECK(img.segments[1].data[7] == 8);
  CHECK(img.segments[1].data[8] == 0);  // zero fill up to p_memsz
  CHECK(img.segments[1].data[63] == 0);
  CHECK(img.loaded_bytes() == 80);
  REQUIRE(img.tohost);
  CHECK(*img.tohost == 0x100);
  CHECK_FALSE(img.fromhost);
  REQUIRE(img.symbol("main"));
  CHECK(img.symbol("main")->value == 4);
  CHECK(img.symbol("main")->size == 12);
  CHECK_FALSE(img.symbol("nonexistent"));
}

TEST_CASE("an image's SRAM words merge its segments, zero-filling bytes no segment covers", "[core][unit]") {
  using nd::core::ImageSegment;
  using nd::core::ImageWord;
  nd::core::ProgramImage img;
  ImageSegment a;
  a.addr = 0x12;  // two bytes at the top of word 0x10
  a.data = {0xaa, 0xbb};
  ImageSegment b;
  b.addr = 0x14;  // a word and one byte
  b.data = {1, 2, 3, 4, 5};
  ImageSegment c;
  c.addr = 0x8;  // an earlier segment listed last
  c.data = {0x11, 0x22, 0x33, 0x44};
  img.segments = {a, b, c};
  const std::vector<ImageWord> want = {
      {0x8, 0x44332211}, {0x10, 0xbbaa0000}, {0x14, 0x04030201}, {0x18, 0x05}};
  CHECK(img.words() == want);
  CHECK(img.loaded_bytes() == 11);
  // The valid test image: 16 bytes of code at 0, 64 bytes of data at 0x100.
  const auto words = parse_elf(ElfBuilder::valid().build(), "ok.elf").words();
  REQUIRE(words.size() == 4 + 16);
  CHECK(words[0].addr == 0);
  CHECK(words[0].data == 0x00000013);
  CHECK(words[4].addr == 0x100);
  CHECK(words.back().addr == 0x13c);
}

TEST_CASE("the loader rejects malformed headers naming the field", "[core][unit]") {
  auto e = ElfBuilder::valid();
  SECTION("64-bit class") {
    e.ei_class = 2;
    require_rejected(e, "e_ident[EI_CLASS]", "64-bit");
  }
  SECTION("big-endian") {
    e.ei_data = 2;
    require_rejected(e, "e_ident[EI_DATA]", "little-endian");
  }
  SECTION("ELF version") {
    e.ei_version = 0;
    require_rejected(e, "e_ident[EI_VERSION]", "version 0");
  }
  SECTION("relocatable object, not an executable") {
    e.type = 1;
    require_rejected(e, "e_type", "not an executable");
  }
  SECTION("x86-64 machine") {
    e.machine = 62;
    require_rejected(e, "e_machine", "not RISC-V");
  }
  SECTION("compressed instructions") {
    e.flags = 0x1;
    require_rejected(e, "e_flags", "RVC");
  }
  SECTION("hard-float ABI") {
    e.flags = 0x4;
    require_rejected(e, "e_flags", "floating-point");
  }
  SECTION("entry point other than the reset pc") {
    e.entry = 0x4;
    require_rejected(e, "e_entry", "starts at 0x00000000");
  }
  SECTION("wrong program header size") {
    e.phentsize = 56;
    require_rejected(e, "e_phentsize", "56");
  }
  SECTION("no loadable segment") {
    for (auto& s : e.segments) s.type = 4;  // PT_NOTE
    require_rejected(e, "e_phnum", "no loadable");
  }
}

TEST_CASE("the loader rejects segments outside SRAM, overlapping or past the end of the file",
          "[core][unit]") {
  auto e = ElfBuilder::valid();
  SECTION("segment above SRAM") {
    e.segments[1].addr = 0x80000000;
    require_rejected(e, "segment 1", "outside the SRAM 0x00000000..0x0003ffff");
  }
  SECTION("segment crossing the end of SRAM") {
    e.segments[1].addr = 0x3fff0;
    require_rejected(e, "segment 1", "outside the SRAM");
  }
  SECTION("segment that fits a larger SRAM only") {
    e.segments[1].addr = 0x3ff00;
    LoadOptions small;
    small.sram_bytes = 64 * 1024;
    require_rejected(e, "segment 1", "outside the SRAM 0x00000000..0x0000ffff", small);
  }
  SECTION("segment wrapping around 2^32") {
    e.segments[1].addr = 0xfffffff0;
    require_rejected(e, "segment 1", "outside the SRAM");
  }
  SECTION("file size larger than memory size") {
    e.segments[1].filesz_override = 100;
    require_rejected(e, "segment 1", "exceeds p_memsz");
  }
  SECTION("segment data past the end of the file") {
    e.segments[1].offset_override = 0x7fff0000;
    require_rejected(e, "segment 1", "truncated file");
  }
  SECTION("overlapping segments") {
    e.segments[1].addr = 0x8;
    require_rejected(e, "segment at 0x00000008", "overlaps");
  }
}

TEST_CASE("the loader requires a tohost symbol at a word address in SRAM", "[core][unit]") {
  auto e = ElfBuilder::valid();
  SECTION("no tohost") {
    e.symbols.erase(e.symbols.begin());
    require_rejected(e, "tohost", "no `tohost` symbol");
  }
  SECTION("stripped program") {
    e.with_sections = false;
    require_rejected(e, "tohost", "stripped");
  }
  SECTION("misaligned tohost") {
    e.symbols[0].value = 0x102;
    require_rejected(e, "tohost", "word-aligned");
  }
  SECTION("tohost outside SRAM") {
    e.symbols[0].value = 0x40000000;
    require_rejected(e, "tohost", "word-aligned");
  }
  SECTION("optional when the caller does not need it") {
    e.symbols.erase(e.symbols.begin());
    LoadOptions opt;
    opt.require_tohost = false;
    CHECK_FALSE(parse_elf(e.build(), "x.elf", opt).tohost);
  }
}

TEST_CASE("the loader rejects non-ELF input, empty and truncated files", "[core][unit]") {
  CHECK_THROWS_AS(parse_elf({}, "empty.elf"), InputError);
  const std::vector<uint8_t> text{'#', '!', '/', 'b', 'i', 'n', '/', 's', 'h', '\n'};
  CHECK_THROWS_WITH(parse_elf(text, "script.sh"), Catch::Contains("not an ELF file"));
  const auto full = ElfBuilder::valid().build();
  // Section headers come last, so every proper prefix misses something the loader needs.
  for (size_t n = 0; n < full.size(); ++n) {
    const std::vector<uint8_t> cut(full.begin(), full.begin() + static_cast<std::ptrdiff_t>(n));
    INFO("truncated to " << n << " of " << full.size() << " bytes");
    CHECK_THROWS_AS(parse_elf(cut, "cut.elf"), InputError);
  }
  CHECK_NOTHROW(parse_elf(full, "full.elf"));
}

TEST_CASE("random corruption gives a valid image or an InputError, never a crash", "[core][unit]") {
  const auto full = ElfBuilder::valid().build();
  std::mt19937 rng(static_cast<uint32_t>(nd::test_seed()));
  INFO("seed " << nd::test_seed());
  int rejected = 0;
  for (int trial = 0; trial < 3000; ++trial) {
    auto b = full;
    const int flips = 1 + static_cast<int>(rng() % 4);
    for (int k = 0; k < flips; ++k) b[rng() % b.size()] ^= static_cast<uint8_t>(1u << (rng() % 8));
    try {
      const auto img = parse_elf(b, "fuzz.elf");
      for (const auto& s : img.segments) CHECK(uint64_t{s.addr} + s.data.size() <= 256 * 1024);
    } catch (const InputError&) {
      ++rejected;
    }
  }
  CHECK(rejected > 0);
}

TEST_CASE("load_elf reports a missing file and loads the programs built from sw/", "[core][unit]") {
  CHECK_THROWS_WITH(nd::core::load_elf("/nonexistent/prog.elf"),
                    Catch::StartsWith("/nonexistent/prog.elf: ") && Catch::Contains("cannot open"));
  const std::string path = std::string(ND_SW_OUT) + "/hello.elf";
  const auto img = nd::core::load_elf(path);
  CHECK(img.entry == 0);
  REQUIRE(img.tohost);
  CHECK(*img.tohost % 64 == 0);
  REQUIRE(img.fromhost);
  CHECK(*img.fromhost == *img.tohost + 64);
  CHECK(img.symbol("_start")->value == 0);
  CHECK(img.symbol("main"));
  CHECK(img.symbol("nd_printf"));
  CHECK(img.segments.front().executable);
  // The first instruction of crt0 (li x1, 0 = addi x1, x0, 0) sits at address 0.
  const auto& text = img.segments.front().data;
  CHECK((text[0] | text[1] << 8 | text[2] << 16 | text[3] << 24) == 0x00000093);
}
