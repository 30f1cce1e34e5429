// MeshIf: a runtime-polymorphic view of one Verilated nd_noc_mesh, so traffic generators, scoreboards and
// the simulator work on every compiled mesh size without templates. See docs/noc.md for the protocol.
// Flits, headers and mesh shapes are the one packet format of noc_flit.hpp (tb/model/noc).
//
// One cycle = read outputs (ejected(), inject_credit(), or ejecting() / inject_credits() for the whole
// mesh), drive inputs (inject(), return_credit()), tick(). tick() clears everything driven, so an input is
// active for exactly one cycle.
// Credit protocol at the local ports is the router's own: the injector starts with buf_depth credits
// per VC and spends one per flit; the ejection side must return one credit per consumed flit per VC
// (the router starts with buf_depth credits for the ejection port).
// RTL assertion failures (credit overflow, injecting without a credit, a class on the wrong VC, ...)
// surface as nd::SimError from tick().
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "noc_flit.hpp"
#include "options.hpp"

namespace nd::noc {

// Router ports (nd_noc_pkg::port_e).
enum class Port : int { Local = 0, North = 1, East = 2, South = 3, West = 4 };

// Counters and debug values of the read port (nd_noc_pkg::cnt_kind_e). The counters are per router port,
// 32 bits, wrapping, cleared by reset; the Dbg* values are per port and VC (counter_vc()).
enum class CounterSel : uint8_t {
  FlitsOut = 0,     // flits forwarded through this output port
  CreditStall = 1,  // cycles in which a flit for this output waited for a credit
  AllocStall = 2,   // cycles in which a flit for this output lost VC or switch allocation
  FlitsIn = 3,      // flits received at this input port
  InUsage = 8,      // flits in input buffer (port, vc)
  InState = 9,      // input VC state {out_vc[7:4], out_port[3:1], packet open[0]}
  OutCredits = 10,  // credits of output (port, vc)
  OutOwner = 11,    // output VC owner {busy[4], input port[2:0]}
  Position = 12,    // router position {y[7:4], x[3:0]}
};

class MeshIf {  // one cycle = read outputs, drive inputs, tick()
 public:
  virtual ~MeshIf() = default;
  virtual MeshShape shape() const = 0;
  virtual void inject(int node, const Flit& f) = 0;         // drive local input this cycle (one flit max)
  virtual bool inject_credit(int node, int vc) const = 0;   // credit pulse visible after the last tick
  virtual std::optional<Flit> ejected(int node) const = 0;  // flit leaving the local output after last tick
  virtual void return_credit(int node, int vc) = 0;         // return one ejection credit this cycle
  // The same outputs for the whole mesh at once, for a driver that visits only the busy nodes:
  // ejecting() lists, in increasing order, the nodes for which ejected() may hold a flit (no other node's
  // does; the default lists every node), inject_credits() the lanes node * num_vcs + vc for which
  // inject_credit() holds (the default asks inject_credit() for each). A compiled mesh lists exactly those,
  // reading the ports a word at a time.
  virtual void ejecting(std::vector<int>& nodes) const;
  virtual void inject_credits(std::vector<int>& lanes) const;
  virtual void tick() = 0;             // clock edge; clears driven inputs
  virtual uint64_t cycle() const = 0;  // ticks since reset was released
  virtual uint32_t counter(int node, int port, CounterSel sel) = 0;
  virtual std::string debug_state() = 0;  // every router's VC / credit state, human readable
  // Per-VC debug value (sel = one of the Dbg* selectors InUsage .. OutOwner).
  virtual uint32_t counter_vc(int node, int port, CounterSel sel, int vc) = 0;
  // Asserts rst_ni (asynchronous) for `cycles` clock edges with every input idle, then releases it, in the
  // middle of a run if need be: the mesh comes back as after power-on (docs/noc.md "Reset"); the caller
  // restarts its own side of the credit protocol. cycle() keeps counting.
  virtual void reset(uint64_t cycles = 2) = 0;
};

// A compiled mesh is checked (RTL assertions, waves) or lean (neither, faster; docs/noc.md "Simulation
// models"). Some shapes have both.
enum class MeshModel { Checked, Lean };
const char* model_name(MeshModel m);  // "checked" / "lean"

// Compiled variants; throws nd::InputError(name, 0, key, ...) naming the first shape field (rows, cols,
// num_vcs, buf_depth, flit_width, alloc_iters, vc_policy, in_speedup) that no compiled mesh matches. `name`
// says where the shape came from (e.g. the config file) and is used only in that message. The mesh comes out
// of reset. `prefer` picks between the two models of a shape that has both; waves need the checked one.
std::unique_ptr<MeshIf> make_mesh(const MeshShape& s, const nd::WaveOptions& waves, const std::string& name,
                                  MeshModel prefer = MeshModel::Checked);
// The model make_mesh would build for this shape and preference (the shape must be compiled).
MeshModel mesh_model(const MeshShape& s, MeshModel prefer);
std::vector<MeshShape> compiled_meshes();  // every compiled shape once
// Whether the compiled mesh of this shape can write waves (false for a shape with only a lean model).
bool mesh_has_waves(const MeshShape& s);
// The shape of the compiled meshes (tb/noc/CMakeLists.txt) of this size and VC count: 2 VCs x 4 flits with
// input speedup 1 (BookSim's matched router, the tile's) or the default router, 4 VCs x 6 flits with input
// speedup 2 (with the VC policy given). Study variants may differ.
inline MeshShape compiled_shape(int size, int num_vcs, VcPolicy policy = VcPolicy::Separate) {
  return num_vcs == 2 ? MeshShape{size, size, 2, 4, 128, 2, policy, 1}
                      : MeshShape{size, size, num_vcs, 6, 128, 2, policy, 2};
}

// A flit with the given header (head/head-tail) or payload word pattern, sized for the mesh.
Flit make_head_flit(const MeshShape& s, FlitType type, unsigned vc, const Header& h);
Flit make_payload_flit(const MeshShape& s, FlitType type, unsigned vc, uint32_t seed);

}  // namespace nd::noc
