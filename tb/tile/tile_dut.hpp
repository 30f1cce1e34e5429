// TileDut<V>: TileIf over one Verilated nd_tile model V (any size), driven through nd::Dut<V>. See
// tile_if.hpp for the protocol.
#pragma once

#include <stdexcept>
#include <string>

#include "dut.hpp"
#include "tile_if.hpp"
#include "vl_bits.hpp"

namespace nd::tile {

template <class V>
class TileDut final : public TileIf {
 public:
  TileDut(const TileShape& s, const WaveOptions& waves) : shape_(s), dut_(waves) {
    vcw_ = 1;
    while ((1 << vcw_) < s.num_vcs) ++vcw_;
    clear_inputs();
    // The counter read port names a port no router has (read as 0): the routers' read-port logic, evaluated
    // on every evaluation, then selects nothing (as MeshDut between its reads).
    dut_->cnt_node_i = 0;
    dut_->cnt_port_i = static_cast<uint8_t>((1u << noc::kPortW) - 1);
    dut_->cnt_sel_i = 0;
    dut_.reset(2);
    base_ = dut_.cycle();
  }

  const TileShape& shape() const override { return shape_; }

  void host_inject(int row, const Flit& f) override {
    check_row(row);
    if (f.data.size() != kWords) throw std::logic_error("host_inject: a node flit has 4 data words");
    if (bits::get(dut_->host_in_valid_i, row, 1))
      throw std::logic_error("host_inject: row " + std::to_string(row) + " already injects this cycle");
    bits::put(dut_->host_in_valid_i, row, 1, 1);
    bits::put(dut_->host_in_type_i, 2 * row, 2, static_cast<uint32_t>(f.type));
    bits::put(dut_->host_in_vc_i, vcw_ * row, vcw_, f.vc);
    for (unsigned w = 0; w < kWords; ++w)
      bits::put(dut_->host_in_data_i, (row * kWords + w) * 32, 32, f.data[w]);
  }

  bool host_credit(int row, int vc) const override {
    check_row(row);
    return bits::get(model().host_in_credit_o, row * shape_.num_vcs + vc, 1) != 0;
  }

  std::optional<Flit> host_out(int row) const override {
    check_row(row);
    const V& m = model();
    if (!bits::get(m.host_out_valid_o, row, 1)) return std::nullopt;
    Flit f;
    f.type = static_cast<noc::FlitType>(bits::get(m.host_out_type_o, 2 * row, 2));
    f.vc = bits::get(m.host_out_vc_o, vcw_ * row, vcw_);
    f.data.resize(kWords);
    for (unsigned w = 0; w < kWords; ++w)
      f.data[w] = bits::get(m.host_out_data_o, (row * kWords + w) * 32, 32);
    return f;
  }

  void host_return_credit(int row, int vc) override {
    check_row(row);
    bits::put(dut_->host_out_credit_i, row * shape_.num_vcs + vc, 1, 1);
  }

  std::optional<char> console(int node) const override {
    if (!bits::get(model().console_valid_o, node, 1)) return std::nullopt;
    return static_cast<char>(bits::get(model().console_data_o, 8 * node, 8));
  }
  bool retired(int node) const override { return bits::get(model().retire_valid_o, node, 1) != 0; }
  bool halted(int node) const override { return bits::get(model().halted_o, node, 1) != 0; }
  bool running(int node) const override { return bits::get(model().running_o, node, 1) != 0; }

  void tick() override {
    dut_.tick();
    clear_inputs();
  }
  uint64_t cycle() const override { return dut_.cycle() - base_; }

  void reset(uint64_t cycles) override {
    clear_inputs();
    dut_.reset(cycles);
  }

  nd::Dut<V>& dut() { return dut_; }

 private:
  static constexpr unsigned kWords = 4;  // 128-bit flits

  const V& model() const { return const_cast<nd::Dut<V>&>(dut_).top(); }
  void check_row(int row) const {
    if (row < 0 || row >= shape_.rows)
      throw std::logic_error("host port row " + std::to_string(row) + " outside the tile");
  }
  void clear_inputs() {
    bits::clear(dut_->host_in_valid_i);
    bits::clear(dut_->host_out_credit_i);
  }

  TileShape shape_;
  nd::Dut<V> dut_;
  int vcw_ = 1;
  uint64_t base_ = 0;
};

}  // namespace nd::tile
