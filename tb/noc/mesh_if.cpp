// make_mesh(): the compiled nd_noc_mesh variants behind MeshIf, and the header helpers.
#include "mesh_if.hpp"

#include <algorithm>
#include <iterator>

#include "Vnoc_mesh_2x2.h"
#include "Vnoc_mesh_2x2_shared.h"
#include "Vnoc_mesh_4x4.h"
#include "Vnoc_mesh_4x4_4vc.h"
#include "Vnoc_mesh_4x4_4vc_lean.h"
#include "Vnoc_mesh_4x4_borrow.h"
#include "Vnoc_mesh_4x4_lean.h"
#include "Vnoc_mesh_4x4_nd_noc_pkg.h"
#include "Vnoc_mesh_8x8.h"
#include "Vnoc_mesh_8x8_4vc.h"
#include "errors.hpp"
#include "mesh_dut.hpp"
#include "mesh_variant_includes.inc"  // the router study's lean meshes (ND_NOC_VARIANTS), usually none

namespace nd::noc {

// The packet format of noc_flit.hpp and the read-port selectors of mesh_if.hpp are those of nd_noc_pkg:
// compared with the package as Verilator elaborated it (constants and enums marked public there).
namespace {
using Pkg = Vnoc_mesh_4x4_nd_noc_pkg;
static_assert(kNumPorts == Pkg::NUM_PORTS && kPortW == Pkg::PORT_W && kCoordW == Pkg::COORD_W &&
              kHdrW == Pkg::HDR_W);
static_assert(kHdrDstXLsb == Pkg::HDR_DST_X_LSB && kHdrDstYLsb == Pkg::HDR_DST_Y_LSB &&
              kHdrSrcXLsb == Pkg::HDR_SRC_X_LSB && kHdrSrcYLsb == Pkg::HDR_SRC_Y_LSB &&
              kHdrClassBit == Pkg::HDR_CLASS_BIT && kHdrDstHostBit == Pkg::HDR_DST_HOST_BIT &&
              kHdrSrcHostBit == Pkg::HDR_SRC_HOST_BIT);
static_assert(kNumClasses == Pkg::NUM_CLASSES && int(MsgClass::Request) == Pkg::MsgRequest &&
              int(MsgClass::Response) == Pkg::MsgResponse);
static_assert(int(VcPolicy::Separate) == Pkg::VC_SEPARATE && int(VcPolicy::Borrow) == Pkg::VC_BORROW &&
              int(VcPolicy::Shared) == Pkg::VC_SHARED);
static_assert(int(FlitType::Body) == Pkg::FlitBody && int(FlitType::Head) == Pkg::FlitHead &&
              int(FlitType::Tail) == Pkg::FlitTail && int(FlitType::HeadTail) == Pkg::FlitHeadTail);
static_assert(int(Port::Local) == Pkg::PortLocal && int(Port::North) == Pkg::PortNorth &&
              int(Port::East) == Pkg::PortEast && int(Port::South) == Pkg::PortSouth &&
              int(Port::West) == Pkg::PortWest);
static_assert(int(CounterSel::FlitsOut) == Pkg::CntFlitsOut &&
              int(CounterSel::CreditStall) == Pkg::CntCreditStall &&
              int(CounterSel::AllocStall) == Pkg::CntAllocStall &&
              int(CounterSel::FlitsIn) == Pkg::CntFlitsIn && int(CounterSel::InUsage) == Pkg::DbgInUsage &&
              int(CounterSel::InState) == Pkg::DbgInState &&
              int(CounterSel::OutCredits) == Pkg::DbgOutCredits &&
              int(CounterSel::OutOwner) == Pkg::DbgOutOwner && int(CounterSel::Position) == Pkg::DbgPosition);
}  // namespace

void MeshIf::ejecting(std::vector<int>& nodes) const {
  nodes.clear();
  for (int n = 0; n < shape().nodes(); ++n) nodes.push_back(n);
}

void MeshIf::inject_credits(std::vector<int>& lanes) const {
  lanes.clear();
  const MeshShape s = shape();
  for (int n = 0; n < s.nodes(); ++n)
    for (int v = 0; v < s.num_vcs; ++v)
      if (inject_credit(n, v)) lanes.push_back(n * s.num_vcs + v);
}

namespace {
template <class V>
std::unique_ptr<MeshIf> make_dut(const MeshShape& s, const nd::WaveOptions& waves) {
  return std::make_unique<MeshDut<V>>(s, waves);
}

struct Compiled {
  MeshShape shape;
  bool waves;  // built with tracing and assertions (a lean model has neither)
  std::unique_ptr<MeshIf> (*make)(const MeshShape&, const nd::WaveOptions&);
};

const Compiled kCompiled[] = {
    {compiled_shape(2, 2), nd::has_waves_v<Vnoc_mesh_2x2>, make_dut<Vnoc_mesh_2x2>},
    {compiled_shape(4, 2), nd::has_waves_v<Vnoc_mesh_4x4>, make_dut<Vnoc_mesh_4x4>},
    {compiled_shape(4, 2), nd::has_waves_v<Vnoc_mesh_4x4_lean>, make_dut<Vnoc_mesh_4x4_lean>},
    {compiled_shape(4, 4), nd::has_waves_v<Vnoc_mesh_4x4_4vc>, make_dut<Vnoc_mesh_4x4_4vc>},
    {compiled_shape(4, 4), nd::has_waves_v<Vnoc_mesh_4x4_4vc_lean>, make_dut<Vnoc_mesh_4x4_4vc_lean>},
    {compiled_shape(4, 2, VcPolicy::Borrow), nd::has_waves_v<Vnoc_mesh_4x4_borrow>,
     make_dut<Vnoc_mesh_4x4_borrow>},
    {compiled_shape(2, 2, VcPolicy::Shared), nd::has_waves_v<Vnoc_mesh_2x2_shared>,
     make_dut<Vnoc_mesh_2x2_shared>},
    {compiled_shape(8, 2), nd::has_waves_v<Vnoc_mesh_8x8>, make_dut<Vnoc_mesh_8x8>},
    {compiled_shape(8, 4), nd::has_waves_v<Vnoc_mesh_8x8_4vc>, make_dut<Vnoc_mesh_8x8_4vc>},
#include "mesh_variant_entries.inc"
};

// The entry of this shape that matches the preference, else the other one; nullptr when none.
const Compiled* find_compiled(const MeshShape& s, MeshModel prefer) {
  const Compiled* other = nullptr;
  for (const auto& c : kCompiled) {
    if (!(c.shape == s)) continue;
    if (c.waves == (prefer == MeshModel::Checked)) return &c;
    other = &c;
  }
  return other;
}
}  // namespace

const char* model_name(MeshModel m) { return m == MeshModel::Checked ? "checked" : "lean"; }

std::vector<MeshShape> compiled_meshes() {
  std::vector<MeshShape> v;
  for (const auto& c : kCompiled)
    if (std::find(v.begin(), v.end(), c.shape) == v.end()) v.push_back(c.shape);
  return v;
}

bool mesh_has_waves(const MeshShape& s) {
  const Compiled* c = find_compiled(s, MeshModel::Checked);
  return c && c->waves;
}

MeshModel mesh_model(const MeshShape& s, MeshModel prefer) {
  const Compiled* c = find_compiled(s, prefer);
  return c && c->waves ? MeshModel::Checked : MeshModel::Lean;
}

std::unique_ptr<MeshIf> make_mesh(const MeshShape& s, const nd::WaveOptions& waves, const std::string& name,
                                  MeshModel prefer) {
  if (const Compiled* c = find_compiled(s, waves.enabled() ? MeshModel::Checked : prefer))
    return c->make(s, waves);
  // Name the first field no compiled mesh agrees with, given the fields before it.
  std::string list;
  for (const auto& k : compiled_meshes()) list += (list.empty() ? "" : "; ") + to_string(k);
  // How many fields, in this order, a compiled mesh agrees with before the first that differs.
  static const char* const kFields[] = {"rows",       "cols",        "num_vcs",   "buf_depth",
                                        "flit_width", "alloc_iters", "vc_policy", "in_speedup"};
  std::size_t agreed = 0;
  for (const auto& k : kCompiled) {
    const MeshShape& c = k.shape;
    const bool same[] = {c.rows == s.rows,
                         c.cols == s.cols,
                         c.num_vcs == s.num_vcs,
                         c.buf_depth == s.buf_depth,
                         c.flit_width == s.flit_width,
                         c.alloc_iters == s.alloc_iters,
                         c.vc_policy == s.vc_policy,
                         c.in_speedup == s.in_speedup};
    std::size_t n = 0;
    while (n < std::size(same) && same[n]) ++n;
    agreed = std::max(agreed, n);
  }
  const std::string key = kFields[std::min(agreed, std::size(kFields) - 1)];
  throw nd::InputError(name, 0, key, "no compiled mesh for " + to_string(s) + " (compiled: " + list + ")");
}

Flit make_head_flit(const MeshShape& s, FlitType type, unsigned vc, const Header& h) {
  Flit f{type, vc, std::vector<uint32_t>(s.flit_width / 32, 0)};
  f.data[0] = encode_header(h);
  return f;
}

Flit make_payload_flit(const MeshShape& s, FlitType type, unsigned vc, uint32_t seed) {
  Flit f{type, vc, std::vector<uint32_t>(s.flit_width / 32, 0)};
  uint32_t x = seed * 2654435761u + 0x9e3779b9u;
  for (auto& w : f.data) {
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    w = x;
  }
  return f;
}

}  // namespace nd::noc
