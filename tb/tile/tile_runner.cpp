#include "tile_runner.hpp"

#include <chrono>
#include <sstream>

#include "errors.hpp"
#include "hex.hpp"

namespace nd::tile {

namespace {
constexpr uint32_t reg(uint32_t offset) { return node::kRegBase + offset; }
using namespace node::reg;
constexpr uint32_t kCtrlRun = 1u;
constexpr uint32_t kStatusHalted = 1u, kStatusExited = 4u;
}  // namespace

std::string NodeResult::describe() const {
  switch (status) {
    case core::RunStatus::kPass:
      return "PASS";
    case core::RunStatus::kFail:
      return "FAIL with code " + std::to_string(code);
    case core::RunStatus::kTrap:
      return "unhandled trap: " + core::trap_cause_name(trap.cause) + " at pc " + hex(trap.pc);
    case core::RunStatus::kCycleLimit:
      return "did not finish within the cycle limit";
  }
  return "?";
}

bool TileRunResult::passed() const {
  bool any = false;
  for (const auto& n : nodes) {
    if (!n.loaded) continue;
    any = true;
    if (n.status != core::RunStatus::kPass) return false;
  }
  return any;
}

double TileRunResult::cycles_per_second() const {
  return wall_seconds > 0 ? static_cast<double>(load_cycles + cycles) / wall_seconds : 0.0;
}

TileRunner::TileRunner(TileIf& tile, const TileRunOptions& options)
    : tile_(tile), opt_(options), host_(tile) {
  programs_.resize(tile.shape().nodes());
  console_.resize(tile.shape().nodes());
  host_.on_cycle = [this] {
    if (running_ && opt_.on_run_cycle) opt_.on_run_cycle();
    for (int n = 0; n < tile_.shape().nodes(); ++n) {
      if (auto c = tile_.console(n)) {
        console_[n].push_back(*c);
        if (opt_.on_console) opt_.on_console(n, *c);
      }
    }
  };
}

core::LoadOptions TileRunner::load_options() const {
  core::LoadOptions o;
  o.sram_bytes = tile_.shape().sram_bytes;
  return o;
}

void TileRunner::load(int node, const core::ProgramImage& image) {
  if (!loading_) {
    loading_ = true;
    load_start_ = tile_.cycle();
  }
  std::vector<core::ImageWord> words = image.words();
  // Contiguous runs of words become one write (cut into packets by the host).
  for (std::size_t i = 0; i < words.size();) {
    std::size_t j = i;
    std::vector<uint8_t> bytes;
    while (j < words.size() && words[j].addr == words[i].addr + 4 * (j - i)) {
      for (int b = 0; b < 4; ++b) bytes.push_back(static_cast<uint8_t>(words[j].data >> (8 * b)));
      ++j;
    }
    host_.write(node, words[i].addr, bytes);
    i = j;
  }
  programs_.at(node) = {true, image.tohost};
}

TileRunResult TileRunner::run() {
  const auto wall0 = std::chrono::steady_clock::now();
  const int nodes = tile_.shape().nodes();
  TileRunResult r;
  r.nodes.resize(nodes);
  host_.drain();
  r.load_cycles = tile_.cycle() - load_start_;

  for (int n = 0; n < nodes; ++n) {
    r.nodes[n].loaded = programs_[n].loaded;
    if (r.nodes[n].loaded) host_.write32(n, reg(kCtrl), kCtrlRun);
  }
  host_.drain();
  const uint64_t t0 = tile_.cycle();
  running_ = true;

  std::vector<bool> done(nodes);
  for (int n = 0; n < nodes; ++n) done[n] = !r.nodes[n].loaded;
  auto all_done = [&] {
    for (int n = 0; n < nodes; ++n)
      if (!done[n]) return false;
    return true;
  };
  while (!all_done() && tile_.cycle() - t0 < opt_.max_cycles) {
    // One poll round: the status register and the tohost word of every running node.
    std::vector<std::pair<uint32_t, uint32_t>> tickets(nodes);
    for (int n = 0; n < nodes; ++n) {
      if (done[n]) continue;
      tickets[n].first = host_.read32_async(n, reg(kCoreStatus));
      if (programs_[n].tohost) tickets[n].second = host_.read32_async(n, *programs_[n].tohost);
    }
    host_.drain();
    for (int n = 0; n < nodes; ++n) {
      if (done[n]) continue;
      const uint32_t status = *host_.poll(tickets[n].first);
      const uint32_t tohost = tickets[n].second ? *host_.poll(tickets[n].second) : 0;
      NodeResult& nr = r.nodes[n];
      if (status & kStatusHalted) {
        nr.status = core::RunStatus::kTrap;
        done[n] = true;
      } else if ((status & kStatusExited) || (tohost & 1u)) {
        nr.exit_word = (status & kStatusExited) ? host_.read32(n, reg(kExit)) : tohost;
        nr.code = nr.exit_word >> 1;
        nr.status = nr.code == 0 ? core::RunStatus::kPass : core::RunStatus::kFail;
        done[n] = true;
      }
    }
    if (opt_.on_poll && !all_done()) opt_.on_poll(tile_.cycle() - t0);
    for (uint32_t c = 0; c < opt_.poll_interval && !all_done(); ++c) host_.step();
  }
  running_ = false;
  r.cycles = tile_.cycle() - t0;

  auto read64 = [&](int n, uint32_t lo, uint32_t hi) {
    return static_cast<uint64_t>(host_.read32(n, reg(hi))) << 32 | host_.read32(n, reg(lo));
  };
  for (int n = 0; n < nodes; ++n) {
    NodeResult& nr = r.nodes[n];
    nr.console = console_[n];
    if (!nr.loaded) continue;
    nr.instret = read64(n, kInstretLo, kInstretHi);
    nr.cycles = read64(n, kRunCyclesLo, kRunCyclesHi);
    if (nr.status == core::RunStatus::kTrap) {
      nr.trap.cause = host_.read32(n, reg(kTrapCause));
      nr.trap.pc = host_.read32(n, reg(kTrapPc));
    }
  }
  r.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall0).count();
  return r;
}

}  // namespace nd::tile
