// make_mesh(): the compiled nd_noc_mesh variants behind MeshIf, and the header helpers.
#include "mesh_if.hpp"

#include "Vnoc_mesh_2x2.h"
#include "Vnoc_mesh_4x4.h"
#include "Vnoc_mesh_8x8.h"
#include "errors.hpp"
#include "mesh_dut.hpp"

namespace nd::noc {

namespace {
template <class V>
std::unique_ptr<MeshIf> make_dut(const MeshShape& s, const nd::WaveOptions& waves) {
  return std::make_unique<MeshDut<V>>(s, waves);
}

struct Compiled {
  MeshShape shape;
  bool waves;  // built with tracing (a lean model is not)
  std::unique_ptr<MeshIf> (*make)(const MeshShape&, const nd::WaveOptions&);
};

const Compiled kCompiled[] = {
    {{2, 2, 2, 4, 128}, nd::has_waves_v<Vnoc_mesh_2x2>, make_dut<Vnoc_mesh_2x2>},
    {{4, 4, 2, 4, 128}, nd::has_waves_v<Vnoc_mesh_4x4>, make_dut<Vnoc_mesh_4x4>},
    {{8, 8, 2, 4, 128}, nd::has_waves_v<Vnoc_mesh_8x8>, make_dut<Vnoc_mesh_8x8>},
};

const Compiled* find_compiled(const MeshShape& s) {
  for (const auto& c : kCompiled)
    if (c.shape == s) return &c;
  return nullptr;
}
}  // namespace

std::string to_string(const MeshShape& s) {
  return std::to_string(s.rows) + "x" + std::to_string(s.cols) + ", " + std::to_string(s.num_vcs) +
         " VCs x " + std::to_string(s.buf_depth) + " flits x " + std::to_string(s.flit_width) + " bits";
}

std::vector<MeshShape> compiled_meshes() {
  std::vector<MeshShape> v;
  for (const auto& c : kCompiled) v.push_back(c.shape);
  return v;
}

bool mesh_has_waves(const MeshShape& s) {
  const Compiled* c = find_compiled(s);
  return c && c->waves;
}

std::unique_ptr<MeshIf> make_mesh(const MeshShape& s, const nd::WaveOptions& waves, const std::string& name) {
  if (const Compiled* c = find_compiled(s)) return c->make(s, waves);
  // Name the first field no compiled mesh agrees with, given the fields before it.
  std::string list;
  for (const auto& k : kCompiled) list += (list.empty() ? "" : "; ") + to_string(k.shape);
  std::string key = "flit_width";
  bool rows = false, cols = false, vcs = false, depth = false;
  for (const auto& k : kCompiled) {
    const MeshShape& c = k.shape;
    rows |= c.rows == s.rows;
    cols |= c.rows == s.rows && c.cols == s.cols;
    vcs |= c.rows == s.rows && c.cols == s.cols && c.num_vcs == s.num_vcs;
    depth |= c.rows == s.rows && c.cols == s.cols && c.num_vcs == s.num_vcs && c.buf_depth == s.buf_depth;
  }
  key = !rows ? "rows" : !cols ? "cols" : !vcs ? "num_vcs" : !depth ? "buf_depth" : "flit_width";
  throw nd::InputError(name, 0, key, "no compiled mesh for " + to_string(s) + " (compiled: " + list + ")");
}

uint32_t encode_header(const Header& h) {
  return (static_cast<uint32_t>(h.dst_x) & 0xfu) | (static_cast<uint32_t>(h.dst_y) & 0xfu) << 4 |
         (static_cast<uint32_t>(h.src_x) & 0xfu) << 8 | (static_cast<uint32_t>(h.src_y) & 0xfu) << 12 |
         (static_cast<uint32_t>(h.msg_class) & 1u) << 16;
}

Header decode_header(uint32_t w) {
  Header h;
  h.dst_x = w & 0xfu;
  h.dst_y = (w >> 4) & 0xfu;
  h.src_x = (w >> 8) & 0xfu;
  h.src_y = (w >> 12) & 0xfu;
  h.msg_class = (w >> 16) & 1u;
  return h;
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
