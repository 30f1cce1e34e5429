// TileIf: one Verilated nd_tile (rtl/tile/nd_tile.sv) as the host driver and the tests see it, free of
// Verilator types. One cycle = read outputs, drive inputs, tick().
//
// Host ports (one per row y, the west link of router (0, y); docs/noc.md "Host ports"):
// - host_inject(y, flit) drives one flit into the mesh this cycle; the caller owns the credits (BufDepth per
//   VC at reset, one back for every host_credit(y, vc) seen after a tick).
// - host_out(y) is the flit the mesh delivered to the host in the last tick, if any; the caller returns
//   one credit per flit with host_return_credit(y, vc).
// Observation per node n = y * cols + x: console byte, retired-instruction pulse, halted and running.
// Every RTL assertion makes tick() throw nd::SimError.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "noc_flit.hpp"
#include "tile_shape.hpp"
#include "waves.hpp"

namespace nd::tile {

using noc::Flit;

class TileIf {
 public:
  virtual ~TileIf() = default;
  virtual const TileShape& shape() const = 0;
  virtual void host_inject(int row, const Flit& f) = 0;
  virtual bool host_credit(int row, int vc) const = 0;
  virtual std::optional<Flit> host_out(int row) const = 0;
  virtual void host_return_credit(int row, int vc) = 0;
  virtual std::optional<char> console(int node) const = 0;
  virtual bool retired(int node) const = 0;
  virtual bool halted(int node) const = 0;
  virtual bool running(int node) const = 0;
  virtual void tick() = 0;
  virtual uint64_t cycle() const = 0;  // ticks since reset was released
  // Asserts the tile's rst_ni (asynchronous) for `cycles` clock edges with the host ports idle, then releases
  // it, in the middle of a run if need be: every node and router comes back as after power-on (docs/node.md
  // "Reset"); the host starts afresh (a new Host: its credits and requests are gone). cycle() keeps counting.
  virtual void reset(uint64_t cycles = 2) = 0;
};

// The compiled tiles (docs/node.md "Tile models"): "2x2" and "4x4" with KLanes 1 always; "1x1", "2x2" and
// "4x4" with KLanes 4 when the build has ND_TILE_K4 (make demo, make bench). Throws nd::InputError (file
// `source`, key "tile") for a size and KLanes that are not built.
// `lean` asks for a model built without assertions and waves (bench_tile's speed runs) and falls back to the
// checked one when there is none.
std::unique_ptr<TileIf> make_tile(const std::string& size, const WaveOptions& waves,
                                  const std::string& source, int klanes = 1, bool lean = false);

}  // namespace nd::tile
