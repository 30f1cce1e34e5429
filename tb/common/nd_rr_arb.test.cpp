// Unit tests of nd_rr_arb (rtl/common/nd_rr_arb.sv) with 1 (no state), 2 and 5 requesters (the NoC's
// VC and port arbiters; 5 is not a power of two). The grant is compared every cycle with a reference
// round-robin pointer, and the properties the header promises (one-hot grant among requesters, fairness,
// bounded wait, the grant held without advance_i) are checked on their own as well.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdint>
#include <random>
#include <vector>

#include "Vcommon_rr_arb_n1.h"
#include "Vcommon_rr_arb_n2.h"
#include "Vcommon_rr_arb_n5.h"
#include "dut.hpp"
#include "options.hpp"

namespace {

struct ArbN1 {
  using V = Vcommon_rr_arb_n1;
  static constexpr unsigned kN = 1;
};
struct ArbN2 {
  using V = Vcommon_rr_arb_n2;
  static constexpr unsigned kN = 2;
};
struct ArbN5 {
  using V = Vcommon_rr_arb_n5;
  static constexpr unsigned kN = 5;
};

// The DUT next to the reference: `prio_` is the requester with the highest priority (0 after reset);
// a committed grant at k makes it k+1 (mod N).
template <class Cfg>
class ArbBench {
 public:
  static constexpr unsigned kN = Cfg::kN;
  static constexpr uint32_t kAll = (1u << kN) - 1;

  explicit ArbBench(uint64_t salt) : rng_(nd::test_seed() * 0x9E3779B97F4A7C15ull ^ salt) {
    dut_->req_i = 0;
    dut_->advance_i = 0;
    dut_.reset();
  }

  nd::Dut<typename Cfg::V>& dut() { return dut_; }
  std::mt19937_64& rng() { return rng_; }
  unsigned prio() const { return prio_; }
  // Off: only the header's properties are checked in step(), so that a test of one property (fairness,
  // bounded wait) fails on that property alone and not on the first disagreement with the reference.
  void compare_with_reference(bool on) { compare_ = on; }

  // The reference grant: the first requester at or after prio_, wrapping; -1 when nobody requests.
  int expected(uint32_t req) const {
    for (unsigned i = 0; i < kN; ++i) {
      const unsigned k = (prio_ + i) % kN;
      if (req >> k & 1u) return static_cast<int>(k);
    }
    return -1;
  }

  // Drives one cycle, checks the grant (before the edge: it is combinational) and clocks. Returns the
  // granted index or -1.
  int step(uint32_t req, bool advance) {
    dut_->req_i = req;
    dut_->advance_i = advance;
    dut_.eval();
    const uint32_t gnt = dut_->gnt_o;
    INFO("cycle " << dut_.cycle() << " req " << req << " advance " << advance << " gnt " << gnt
                  << " reference priority " << prio_);
    // The header's promises, checked without the reference...
    REQUIRE((gnt & (gnt - 1)) == 0);    // at most one grant
    REQUIRE((gnt & ~req) == 0);         // only to a requester
    REQUIRE((gnt != 0) == (req != 0));  // somebody is granted whenever somebody asks
    const int k = gnt ? __builtin_ctz(gnt) : -1;
    REQUIRE(dut_->idx_o == static_cast<unsigned>(k < 0 ? 0 : k));
    // ...and the exact choice against the reference pointer.
    if (compare_) REQUIRE(k == expected(req));
    dut_.tick();
    if (advance && k >= 0) prio_ = (static_cast<unsigned>(k) + 1) % kN;
    return k;
  }

  // Asynchronous reset: the pointer goes back to requester 0 at once.
  void reset_now() {
    dut_->rst_ni = 0;
    dut_.eval();
    prio_ = 0;
    REQUIRE(dut_->gnt_o == (dut_->req_i & (~dut_->req_i + 1) & kAll));  // lowest requester in reset
    dut_.tick();
    dut_->rst_ni = 1;
    dut_.eval();
  }

  // Sets the pointer to p (the next grant goes to p first) by committing one grant to p-1.
  void point_to(unsigned p) {
    const unsigned k = (p + kN - 1) % kN;
    REQUIRE(step(1u << k, true) == static_cast<int>(k));
    REQUIRE(prio_ == p % kN);
  }

 private:
  nd::Dut<typename Cfg::V> dut_;
  std::mt19937_64 rng_;
  unsigned prio_ = 0;
  bool compare_ = true;
};

}  // namespace

TEMPLATE_TEST_CASE("nd_rr_arb: the grant matches a round-robin reference under random requests",
                   "[common][unit]", ArbN1, ArbN2, ArbN5) {
  INFO("seed " << nd::test_seed() << ", NumReq " << TestType::kN);
  ArbBench<TestType> b(1);
  static const double kProb[] = {0.0, 0.1, 0.5, 0.9, 1.0};
  std::uniform_int_distribution<int> pick(0, 4), phase_len(8, 64);
  double p_req = 0.5, p_adv = 0.5;
  long granted = 0, idle_advance = 0, held = 0, resets = 0;
  for (long c = 0, phase_end = 0; c < 20000; ++c) {
    if (c >= phase_end) {
      p_req = kProb[pick(b.rng())];
      p_adv = kProb[pick(b.rng())];
      phase_end = c + phase_len(b.rng());
    }
    if (c % 997 == 996) {
      b.reset_now();
      ++resets;
    }
    uint32_t req = 0;
    for (unsigned i = 0; i < TestType::kN; ++i)
      req |= uint32_t(std::bernoulli_distribution(p_req)(b.rng())) << i;
    const bool adv = std::bernoulli_distribution(p_adv)(b.rng());
    const int k = b.step(req, adv);
    granted += k >= 0;
    idle_advance += adv && k < 0;
    held += !adv && k >= 0;
  }
  CHECK(granted > 5000);
  CHECK(idle_advance > 100);  // advance_i without a request must not move the pointer
  CHECK(held > 100);          // a grant without advance_i must not move it either
  CHECK(resets == 20);
}

TEMPLATE_TEST_CASE("nd_rr_arb: with every requester asserted each is granted once in any NumReq cycles",
                   "[common][unit]", ArbN1, ArbN2, ArbN5) {
  constexpr unsigned kN = TestType::kN;
  ArbBench<TestType> b(2);
  for (unsigned start = 0; start < kN; ++start) {
    INFO("pointer at " << start << " before the run");
    b.point_to(start);
    b.compare_with_reference(false);
    std::vector<int> grants;
    for (unsigned c = 0; c < 4 * kN; ++c) grants.push_back(b.step(ArbBench<TestType>::kAll, true));
    CHECK(grants.front() == static_cast<int>(start));
    b.compare_with_reference(true);
    for (std::size_t w = 0; w + kN <= grants.size(); ++w) {
      std::vector<int> window(grants.begin() + w, grants.begin() + w + kN);
      std::sort(window.begin(), window.end());
      for (unsigned i = 0; i < kN; ++i) REQUIRE(window[i] == static_cast<int>(i));
    }
  }
}

TEMPLATE_TEST_CASE("nd_rr_arb: a persistent requester waits for at most NumReq-1 grants to others",
                   "[common][unit]", ArbN1, ArbN2, ArbN5) {
  constexpr unsigned kN = TestType::kN;
  INFO("seed " << nd::test_seed() << ", NumReq " << kN);
  ArbBench<TestType> b(3);
  b.compare_with_reference(false);
  // Clients that, once they ask, keep asking until they are granted with advance_i (a committed grant).
  // Committed grants to others while a client waits are counted; so are cycles when every grant commits.
  for (const double p_adv : {1.0, 0.5}) {
    INFO("probability of advance_i " << p_adv);
    std::vector<bool> waiting(kN, false);
    std::vector<unsigned> others(kN, 0), cycles(kN, 0);
    unsigned worst_others = 0, worst_cycles = 0;
    for (long c = 0; c < 20000; ++c) {
      uint32_t req = 0;
      for (unsigned i = 0; i < kN; ++i) {
        if (!waiting[i] && std::bernoulli_distribution(0.7)(b.rng())) waiting[i] = true;
        if (waiting[i]) req |= 1u << i;
      }
      const bool adv = std::bernoulli_distribution(p_adv)(b.rng());
      const int k = b.step(req, adv);
      for (unsigned i = 0; i < kN; ++i) {
        if (!waiting[i]) continue;
        if (adv && k == static_cast<int>(i)) {
          waiting[i] = false;
          others[i] = cycles[i] = 0;
          continue;
        }
        ++cycles[i];
        if (adv && k >= 0) ++others[i];
        REQUIRE(others[i] <= kN - 1);
        if (p_adv == 1.0) REQUIRE(cycles[i] <= kN - 1);
        worst_others = std::max(worst_others, others[i]);
        worst_cycles = std::max(worst_cycles, cycles[i]);
      }
    }
    CHECK(worst_others == kN - 1);  // the bounds are reached (so the checks above have teeth)
    CHECK(worst_cycles >= kN - 1);
  }
}

TEMPLATE_TEST_CASE("nd_rr_arb: without advance_i the grant holds and the pointer stays", "[common][unit]",
                   ArbN1, ArbN2, ArbN5) {
  constexpr unsigned kN = TestType::kN;
  constexpr uint32_t kAll = ArbBench<TestType>::kAll;
  INFO("seed " << nd::test_seed() << ", NumReq " << kN);
  ArbBench<TestType> b(4);
  std::uniform_int_distribution<uint32_t> any_req(1, kAll);
  std::uniform_int_distribution<int> hold_len(1, 20);
  for (int r = 0; r < 200; ++r) {
    b.point_to(std::uniform_int_distribution<unsigned>(0, kN - 1)(b.rng()));
    const unsigned p = b.prio();
    // The same request vector without advance_i: the same grant every cycle.
    const uint32_t req = any_req(b.rng());
    const int first = b.step(req, false);
    for (int i = hold_len(b.rng()); i > 0; --i) REQUIRE(b.step(req, false) == first);
    // Other request vectors without advance_i, then advance_i with nobody asking: still no move.
    for (int i = hold_len(b.rng()); i > 0; --i) b.step(any_req(b.rng()), false);
    for (int i = hold_len(b.rng()); i > 0; --i) REQUIRE(b.step(0, true) == -1);
    REQUIRE(b.prio() == p);
    REQUIRE(b.step(kAll, false) == static_cast<int>(p));
    // One committed grant: the granted requester goes last, its successor first.
    REQUIRE(b.step(kAll, true) == static_cast<int>(p));
    REQUIRE(b.step(kAll, false) == static_cast<int>((p + 1) % kN));
  }
}
