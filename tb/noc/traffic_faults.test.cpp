// The traffic driver's checks can fail: a mesh wrapper that corrupts, misroutes or withholds credits
// makes run_traffic() throw nd::SimError with a message naming what went wrong.
#include <catch2/catch.hpp>

#include "errors.hpp"
#include "forwarding_mesh.hpp"
#include "mesh_if.hpp"
#include "options.hpp"
#include "traffic_config.hpp"
#include "traffic_driver.hpp"

using namespace nd::noc;
using namespace nd::traffic;

namespace {
// Forwards to a real mesh, with one fault switched on after `after` ejected flits.
class FaultyMesh : public ForwardingMesh {
 public:
  enum class Fault { Payload, DropCredits, DropFlit };
  FaultyMesh(std::unique_ptr<MeshIf> m, Fault f, int after)
      : ForwardingMesh(std::move(m)), fault_(f), after_(after) {}
  std::optional<Flit> ejected(int node) const override {
    auto f = inner().ejected(node);
    if (!f) return f;
    if (++seen_ == after_ && fault_ == Fault::Payload) f->data.back() ^= 0x100;
    if (seen_ == after_ && fault_ == Fault::DropFlit) {
      dropped_ = node;
      dropped_vc_ = static_cast<int>(f->vc);
      return std::nullopt;
    }
    return f;
  }
  void return_credit(int node, int vc) override {
    if (fault_ == Fault::DropCredits && seen_ >= after_) return;  // the sinks stop consuming
    inner().return_credit(node, vc);
  }
  void tick() override {
    if (dropped_ >= 0) inner().return_credit(dropped_, dropped_vc_);  // a lost flit still frees its slot
    dropped_ = -1;
    inner().tick();
  }

 private:
  Fault fault_;
  int after_;
  mutable int seen_ = 0;
  mutable int dropped_ = -1;
  mutable int dropped_vc_ = 0;
};

NocConfig config() {
  NocConfig c;
  c.file = "test";
  c.build = compiled_shape(2, 2);
  c.run.lengths.lengths = {1};
  c.run.warmup = 100;
  c.run.measure = 500;
  c.run.watchdog = 200;
  return c;
}

std::string failure(FaultyMesh::Fault f, int after, double rate) {
  FaultyMesh mesh(make_mesh(config().build, nd::test_waves("traffic_fault"), "test"), f, after);
  TrafficRunOptions o;
  o.rate = rate;
  o.seed = nd::test_seed();
  try {
    run_traffic(mesh, config(), o);
  } catch (const nd::SimError& e) {
    return e.what();
  }
  return "no failure";
}
}  // namespace

TEST_CASE("a corrupted flit fails the run", "[noc][system]") {
  CHECK_THAT(failure(FaultyMesh::Fault::Payload, 50, 0.3), Catch::Contains("payload word 3 corrupted"));
}

TEST_CASE("a lost flit fails the run", "[noc][system]") {
  CHECK_THAT(failure(FaultyMesh::Fault::DropFlit, 50, 0.3),
             Catch::Contains("overtook") || Catch::Contains("never arrived"));
}

TEST_CASE("a stuck network trips the watchdog, which prints the router state", "[noc][system]") {
  const std::string msg = failure(FaultyMesh::Fault::DropCredits, 50, 0.5);
  CHECK_THAT(msg,
             Catch::Contains("watchdog") && Catch::Contains("nothing injected or ejected for 200 cycles"));
  CHECK_THAT(msg, Catch::Contains("credits"));
}
