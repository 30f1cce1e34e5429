// MeshDut<V>: MeshIf over one Verilated nd_noc_mesh model V (any size), driven through nd::Dut<V>.
// Used by make_mesh() and by tests that want the concrete model. See mesh_if.hpp for the protocol.
#pragma once

#include <algorithm>
#include <cstring>
#include <sstream>
#include <stdexcept>
#include <type_traits>

#include "dut.hpp"
#include "mesh_if.hpp"
#include "vl_bits.hpp"

namespace nd::noc {

namespace bits = ::nd::bits;

template <class V>
class MeshDut final : public MeshIf {
 public:
  MeshDut(const MeshShape& s, const nd::WaveOptions& waves) : shape_(s), dut_(waves) {
    vcw_ = 1;
    while ((1 << vcw_) < s.num_vcs) ++vcw_;
    words_ = s.flit_width / 32;
    clear_inputs();
    idle_read_port();
    dut_.reset(2);
    base_ = dut_.cycle();
  }

  MeshShape shape() const override { return shape_; }

  void inject(int node, const Flit& f) override {
    check_node(node, "inject");
    if (f.data.size() != static_cast<std::size_t>(words_))
      throw std::logic_error("inject: flit has " + std::to_string(f.data.size()) +
                             " data words, mesh needs " + std::to_string(words_));
    if (f.vc >= static_cast<unsigned>(shape_.num_vcs)) throw std::logic_error("inject: VC out of range");
    if (bits::get(dut_->inj_valid_i, node, 1))
      throw std::logic_error("inject: node " + std::to_string(node) + " already injects this cycle");
    bits::put(dut_->inj_valid_i, node, 1, 1);
    bits::put(dut_->inj_type_i, 2 * node, 2, static_cast<uint32_t>(f.type));
    bits::put(dut_->inj_vc_i, vcw_ * node, vcw_, f.vc);
    for (int w = 0; w < words_; ++w) bits::put(dut_->inj_data_i, (node * words_ + w) * 32, 32, f.data[w]);
  }

  bool inject_credit(int node, int vc) const override {
    check_node(node, "inject_credit");
    return bits::get(model().inj_credit_o, node * shape_.num_vcs + vc, 1) != 0;
  }

  std::optional<Flit> ejected(int node) const override {
    check_node(node, "ejected");
    const V& m = model();
    if (!bits::get(m.ej_valid_o, node, 1)) return std::nullopt;
    Flit f;
    f.type = static_cast<FlitType>(bits::get(m.ej_type_o, 2 * node, 2));
    f.vc = bits::get(m.ej_vc_o, vcw_ * node, vcw_);
    f.data.resize(words_);
    for (int w = 0; w < words_; ++w) f.data[w] = bits::get(m.ej_data_o, (node * words_ + w) * 32, 32);
    return f;
  }

  void ejecting(std::vector<int>& nodes) const override {
    bits::set_bits(model().ej_valid_o, shape_.nodes(), nodes);
  }

  void inject_credits(std::vector<int>& lanes) const override {
    bits::set_bits(model().inj_credit_o, shape_.nodes() * shape_.num_vcs, lanes);
  }

  void return_credit(int node, int vc) override {
    check_node(node, "return_credit");
    const unsigned b = node * shape_.num_vcs + vc;
    if (bits::get(dut_->ej_credit_i, b, 1))
      throw std::logic_error("return_credit: credit for node " + std::to_string(node) + " VC " +
                             std::to_string(vc) + " already returned this cycle");
    bits::put(dut_->ej_credit_i, b, 1, 1);
  }

  void tick() override {
    if constexpr (kSelfCredit) check_self_credit();
    dut_.tick();  // settles this cycle's inputs, then the rising and falling edges
    clear_inputs();
  }

  uint64_t cycle() const override { return dut_.cycle() - base_; }

  void reset(uint64_t cycles) override {
    clear_inputs();
    dut_.reset(cycles);
  }

  uint32_t counter(int node, int port, CounterSel sel) override { return read(node, port, sel, 0); }
  uint32_t counter_vc(int node, int port, CounterSel sel, int vc) override {
    return read(node, port, sel, vc);
  }

  std::string debug_state() override {
    std::ostringstream os;
    static const char* kPort[] = {"L", "N", "E", "S", "W"};
    os << "cycle " << cycle() << ", mesh " << to_string(shape_) << "\n";
    if constexpr (kSelfCredit) {
      os << "  (a lean model keeps no per-VC router state; rerun with --checked for it, RTL assertions and "
            "waves)\n";
      return os.str();
    }
    for (int n = 0; n < shape_.nodes(); ++n) {
      std::ostringstream line;
      for (int p = 0; p < kNumPorts; ++p) {
        for (int v = 0; v < shape_.num_vcs; ++v) {
          const uint32_t use = read(n, p, CounterSel::InUsage, v);
          const uint32_t st = read(n, p, CounterSel::InState, v);
          const uint32_t cr = read(n, p, CounterSel::OutCredits, v);
          const uint32_t own = read(n, p, CounterSel::OutOwner, v);
          if (use != 0 || (st & 1u))
            line << " in " << kPort[p] << v << ": " << use << " flits" << ((st & 1u) ? ", packet to " : "")
                 << ((st & 1u) ? kPort[(st >> 1) & 7u] : "") << ((st & 1u) ? std::to_string(st >> 4) : "")
                 << ";";
          if (cr != static_cast<uint32_t>(shape_.buf_depth) || (own & 16u))
            line << " out " << kPort[p] << v << ": " << cr << " credits"
                 << ((own & 16u) ? std::string(", held by in ") + kPort[own & 7u] : "") << ";";
        }
      }
      if (!line.str().empty())
        os << "  node " << n << " (x " << node_x(shape_, n) << ", y " << node_y(shape_, n)
           << "):" << line.str() << "\n";
    }
    return os.str();
  }

  nd::Dut<V>& dut() { return dut_; }

 private:
  const V& model() const { return const_cast<nd::Dut<V>&>(dut_).top(); }

  // A lean model returns its own ejection credits (nd_noc_mesh SelfCredit, docs/noc.md "Simulation
  // models"): exactly as a TB that takes every flit in the cycle it is ejected and sends no host traffic.
  // Anything else would be ignored by the RTL, so it stops the run here. It is also built without the
  // per-VC debug values of the read port (DebugRead = 0), which read() and debug_state() refuse.
  static constexpr bool kSelfCredit = !nd::has_waves_v<V>;
  void check_self_credit() {
    const V& m = model();
    // The credit lanes returned must be exactly those of the flits ejected: compared a word at a time,
    // node by node only to name the first difference.
    want_.clear();
    bits::for_each_set(m.ej_valid_o, shape_.nodes(), [&](unsigned n) {
      want_.push_back(static_cast<int>(n) * shape_.num_vcs +
                      static_cast<int>(bits::get(m.ej_vc_o, vcw_ * n, vcw_)));
    });
    bits::set_bits(m.ej_credit_i, shape_.nodes() * shape_.num_vcs, got_);
    if (got_ != want_) {
      const auto diff = std::mismatch(want_.begin(), want_.end(), got_.begin(), got_.end());
      const bool missing =
          diff.first != want_.end() && (diff.second == got_.end() || *diff.first < *diff.second);
      const int lane = missing ? *diff.first : *diff.second;
      throw std::logic_error("lean mesh: node " + std::to_string(lane / shape_.num_vcs) + " VC " +
                             std::to_string(lane % shape_.num_vcs) +
                             (missing ? " ejected a flit whose credit was not returned at once"
                                      : " got a credit for no flit ejected this cycle") +
                             " (a lean model returns its own credits; use the checked model)");
    }
    for (int y = 0; y < shape_.rows; ++y)
      if (bits::get(m.host_out_valid_o, y, 1) != 0 || bits::get(m.host_in_valid_i, y, 1) != 0 ||
          bits::get(m.host_out_credit_i, y * shape_.num_vcs, shape_.num_vcs) != 0)
        throw std::logic_error("lean mesh: host port of row " + std::to_string(y) +
                               " in use (a lean model has none; use the checked model)");
  }

  void check_node(int node, const char* what) const {
    if (node < 0 || node >= shape_.nodes())
      throw std::logic_error(std::string(what) + ": node " + std::to_string(node) + " outside the mesh");
  }

  uint32_t read(int node, int port, CounterSel sel, int vc) {
    check_node(node, "counter");
    // A lean model reads the per-VC debug values as 0 (nd_noc_mesh DebugRead = 0): refuse rather than
    // answer wrongly.
    if (kSelfCredit && sel >= CounterSel::InUsage && sel <= CounterSel::OutOwner)
      throw std::logic_error("lean mesh: no per-VC debug values (selector " +
                             std::to_string(static_cast<int>(sel)) + "); use the checked model");
    dut_->cnt_node_i = static_cast<uint8_t>(node);
    dut_->cnt_port_i = static_cast<uint8_t>(port);
    dut_->cnt_sel_i = static_cast<uint8_t>((static_cast<unsigned>(vc) << 4) | static_cast<unsigned>(sel));
    dut_.top().eval();  // combinational read port: no clock edge, no trace sample
    const uint32_t v = dut_->cnt_o;
    idle_read_port();
    return v;
  }

  // Between reads the read port names a port that no router has (nd_noc_router reads 0 there): the routers'
  // read-port logic, which Verilator evaluates on every evaluation (its select inputs are top-level inputs),
  // then selects nothing.
  void idle_read_port() {
    dut_->cnt_node_i = 0;
    dut_->cnt_port_i = static_cast<uint8_t>((1u << kPortW) - 1);
    dut_->cnt_sel_i = 0;
  }

  // The host ports (nd_noc_mesh host_*) are idle unless a test drives them (router_host_port.test.cpp);
  // inputs start with random values (Verilator's random reset), so they are cleared too.
  void clear_inputs() {
    bits::clear(dut_->inj_valid_i);
    bits::clear(dut_->ej_credit_i);
    bits::clear(dut_->host_in_valid_i);
    bits::clear(dut_->host_out_credit_i);
  }

  MeshShape shape_;
  nd::Dut<V> dut_;
  int vcw_ = 1;
  int words_ = 4;
  uint64_t base_ = 0;
  std::vector<int> want_, got_;  // check_self_credit()'s scratch lists
};

}  // namespace nd::noc
