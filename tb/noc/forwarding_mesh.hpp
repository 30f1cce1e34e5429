// ForwardingMesh: a MeshIf that passes every call on to the mesh it wraps. Test wrappers derive from it and
// override only the behaviour they change (a fault, a reset that does nothing, a check before each edge).
#pragma once

#include <memory>
#include <utility>

#include "mesh_if.hpp"

namespace nd::noc {

class ForwardingMesh : public MeshIf {
 public:
  explicit ForwardingMesh(std::unique_ptr<MeshIf> m) : m_(std::move(m)) {}
  MeshShape shape() const override { return m_->shape(); }
  void inject(int node, const Flit& f) override { m_->inject(node, f); }
  bool inject_credit(int node, int vc) const override { return m_->inject_credit(node, vc); }
  std::optional<Flit> ejected(int node) const override { return m_->ejected(node); }
  void ejecting(std::vector<int>& nodes) const override { m_->ejecting(nodes); }
  void inject_credits(std::vector<int>& lanes) const override { m_->inject_credits(lanes); }
  void return_credit(int node, int vc) override { m_->return_credit(node, vc); }
  void tick() override { m_->tick(); }
  uint64_t cycle() const override { return m_->cycle(); }
  void reset(uint64_t cycles) override { m_->reset(cycles); }
  uint32_t counter(int node, int port, CounterSel sel) override { return m_->counter(node, port, sel); }
  uint32_t counter_vc(int node, int port, CounterSel sel, int vc) override {
    return m_->counter_vc(node, port, sel, vc);
  }
  std::string debug_state() override { return m_->debug_state(); }

 protected:
  MeshIf& inner() const { return *m_; }

 private:
  std::unique_ptr<MeshIf> m_;
};

}  // namespace nd::noc
