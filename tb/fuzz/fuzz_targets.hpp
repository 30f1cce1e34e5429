// What each fuzz harness does with one input: the loader of one kind of user file, called as the nanodojo
// program calls it, plus the checks on what it returned. Shared by the harnesses (<name>.fuzz.cpp) and the
// regression test (fuzz_regress.test.cpp), which replays tb/fuzz/corpus/<name>/ in `make test`.
// A loader may return or throw nd::InputError; std::logic_error here means it returned something wrong.
#pragma once

#include <cstdint>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "fp_vectors.hpp"
#include "gemm_plan.hpp"
#include "mesh_if.hpp"
#include "program_image.hpp"
#include "tile_scenario.hpp"
#include "traffic_config.hpp"
#include "traffic_source.hpp"

namespace nd::fuzz {

// The traffic sources (golden model) a loaded config drives, for a few cycles: every packet they create must
// be well formed for the mesh (patterns, hotspots, lengths, classes as the config gave them).
inline void run_sources(const traffic::NocConfig& c) {
  traffic::TrafficSources src(c.source_params(c.run.rate), c.run.seed);
  std::vector<traffic::Packet> created;
  for (uint64_t cycle = 0; cycle < 32; ++cycle) {
    src.generate(cycle, true, created);
    for (int n = 0; n < src.nodes(); ++n) (void)src.next_flit(n);
  }
  for (const auto& p : created)
    if (p.src < 0 || p.src >= c.build.nodes() || p.dst < 0 || p.dst >= c.build.nodes() || p.len < 1 ||
        p.cls < 0 || p.cls > 1)
      throw std::logic_error("a source created a packet outside the mesh, without flits or of no class");
}

// A traffic config as `nanodojo run CONFIG.yaml` reads it, the check against the compiled meshes, then its
// traffic sources.
inline void traffic_config(const std::string& bytes, const std::string& file) {
  const traffic::NocConfig c = traffic::load_noc_config_text(bytes, file);
  traffic::check_compiled(c, {noc::compiled_shape(2, 2), noc::compiled_shape(4, 2), noc::compiled_shape(4, 4),
                              noc::compiled_shape(8, 2)});
  run_sources(c);
}

// A tile scenario as `nanodojo run SCENARIO.yaml` and `nanodojo tile --scenario` read it, then the plan of
// each GEMM phase on the tile (sizes, formats, grid, SRAM room after a kernel image ending at 16 KiB).
inline void tile_scenario(const std::string& bytes, const std::string& file) {
  const tile::TileScenario s = tile::load_tile_scenario_text(bytes, file);
  const auto shape = tile::compiled_tile(s.tile, s.klanes);
  if (!shape) throw std::logic_error("the scenario loader accepted a tile that is not compiled");
  for (const auto& ph : s.phases) {
    if (ph.kind == tile::ScenarioPhase::Kind::kTraffic) run_sources(ph.traffic);
    if (ph.kind != tile::ScenarioPhase::Kind::kGemm) continue;
    const tile::GemmPlan p = tile::plan_gemm(ph.gemm, *shape, 0x4000);
    // Every node's C block (8 rows per A strip, one output row per B strip) lies inside the plan's room.
    for (const auto& n : p.nodes) {
      const uint64_t c_block = 8ull * static_cast<uint64_t>(n.a_block.count) *
                               static_cast<uint64_t>(n.b_block.count) *
                               static_cast<uint64_t>(mxu::out_row_bytes(ph.gemm.out_fmt));
      if (uint64_t{p.layout.c} + c_block > p.layout.end || p.layout.end > shape->sram_bytes)
        throw std::logic_error("the GEMM plan's C block of node " + std::to_string(n.node) +
                               " leaves its room");
    }
  }
}

// An ELF program as `nanodojo core` and the tile runner load it, then the SRAM words of its image.
inline void elf(const std::string& bytes, const std::string& file) {
  const core::LoadOptions lo;
  const core::ProgramImage image =
      core::parse_elf(std::vector<uint8_t>(bytes.begin(), bytes.end()), file, lo);
  if (image.loaded_bytes() > lo.sram_bytes) throw std::logic_error("the image is larger than SRAM");
  for (const auto& w : image.words())
    if (w.addr % 4 || w.addr < lo.sram_base || w.addr - lo.sram_base >= lo.sram_bytes)
      throw std::logic_error("an image word outside SRAM");
}

// A vector file as `nanodojo fpcheck --op OP FILE` reads it; the input's first byte picks the operation.
inline void fp_vectors(const std::string& bytes, const std::string& file) {
  if (bytes.empty()) return;
  const auto op = static_cast<fp::VectorOp>(static_cast<uint8_t>(bytes[0]) % 8);
  std::istringstream in(bytes.substr(1));
  fp::VectorReader reader(in, file, op);
  for (fp::VectorCase c; reader.next(&c);)
    if (c.line < 1) throw std::logic_error("a case without a line number");
}

}  // namespace nd::fuzz
