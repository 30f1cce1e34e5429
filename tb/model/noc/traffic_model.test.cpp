// Tests of the traffic model on its own: patterns, flit encoding, sources, scoreboard, statistics.
#include <catch2/catch.hpp>
#include <deque>
#include <set>

#include "errors.hpp"
#include "options.hpp"
#include "traffic_packet.hpp"
#include "traffic_pattern.hpp"
#include "traffic_scoreboard.hpp"
#include "traffic_source.hpp"

using namespace nd::traffic;

TEST_CASE("deterministic patterns map nodes as defined", "[noc][model]") {
  Rng rng(nd::test_seed());
  auto at = [](int x, int y) { return y * 4 + x; };
  const TrafficPattern tr(4, 4, {Pattern::Transpose, {}, 0});
  const TrafficPattern bc(4, 4, {Pattern::BitComplement, {}, 0});
  const TrafficPattern to(4, 4, {Pattern::Tornado, {}, 0});
  CHECK(tr.dest(at(1, 2), rng) == at(2, 1));
  CHECK(tr.dest(at(3, 3), rng) == at(3, 3));
  CHECK(bc.dest(at(0, 0), rng) == at(3, 3));
  CHECK(bc.dest(at(1, 2), rng) == at(2, 1));
  CHECK(to.dest(at(0, 0), rng) == at(1, 1));
  CHECK(to.dest(at(3, 1), rng) == at(0, 2));
  const TrafficPattern to8(8, 8, {Pattern::Tornado, {}, 0});
  CHECK(to8.dest(0, rng) == 3 * 8 + 3);
  CHECK_THROWS_AS(TrafficPattern(2, 4, {Pattern::Transpose, {}, 0}), std::invalid_argument);
  CHECK_THROWS_AS(TrafficPattern(2, 2, {Pattern::Hotspot, {4}, 0.5}), std::invalid_argument);
}

TEST_CASE("random patterns reach the destinations they should", "[noc][model]") {
  Rng rng(nd::test_seed());
  SECTION("uniform covers every node, the source included, evenly") {
    const TrafficPattern p(4, 4, {Pattern::Uniform, {}, 0});
    std::vector<int> hist(16, 0);
    for (int i = 0; i < 32000; ++i) ++hist[p.dest(5, rng)];
    for (int h : hist) CHECK(std::abs(h - 2000) < 250);
  }
  SECTION("neighbor picks only N/E/S/W neighbours") {
    const TrafficPattern p(4, 4, {Pattern::Neighbor, {}, 0});
    std::set<int> seen;
    for (int i = 0; i < 1000; ++i) seen.insert(p.dest(0, rng));
    CHECK(seen == std::set<int>{1, 4});
    seen.clear();
    for (int i = 0; i < 1000; ++i) seen.insert(p.dest(5, rng));
    CHECK(seen == std::set<int>{1, 4, 6, 9});
  }
  SECTION("hotspot sends the configured share to the hotspot") {
    const TrafficPattern p(4, 4, {Pattern::Hotspot, {}, 0.5});
    REQUIRE(p.hotspots() == std::vector<int>{10});
    int hot = 0;
    for (int i = 0; i < 20000; ++i) hot += p.dest(0, rng) == 10;
    CHECK(std::abs(hot - 10000 * (1 + 1.0 / 16)) < 400);
  }
}

TEST_CASE("pattern names parse and print", "[noc][model]") {
  for (Pattern p : all_patterns()) CHECK(parse_pattern(pattern_name(p)) == p);
  CHECK(parse_pattern("bit-complement") == Pattern::BitComplement);
  CHECK_FALSE(parse_pattern("shuffle"));
}

TEST_CASE("packet flits carry their id, index and the route header", "[noc][model]") {
  const MeshShape m{4, 4, 2, 4, 128};
  Packet p;
  p.id = 77;
  p.src = 1;
  p.dst = 14;
  p.len = 3;
  CHECK(make_flit(p, 0, m, 0).type == FlitType::Head);
  CHECK(make_flit(p, 1, m, 0).type == FlitType::Body);
  CHECK(make_flit(p, 2, m, 0).type == FlitType::Tail);
  CHECK(make_flit(p, 2, m, 0).data[0] == 77);
  CHECK(make_flit(p, 2, m, 0).data[1] == (2u | 3u << 16));
  p.len = 1;
  const Flit f = make_flit(p, 0, m, 1);
  CHECK(f.type == FlitType::HeadTail);
  CHECK(f.vc == 1);
  CHECK(f.data[0] == nd::noc::encode_header({2, 3, 1, 0, 0, 0}));
  CHECK(f.data[1] == 77);
  CHECK(f.data[3] == payload_word(77, 0, 3));
}

TEST_CASE("sources inject at the offered rate with the configured lengths", "[noc][model]") {
  const double rate = GENERATE(0.05, 0.3, 0.8);
  SourceParams sp;
  sp.rate = rate;
  sp.lengths.lengths = {1, 4};
  sp.lengths.weights = {1, 1};
  REQUIRE(sp.lengths.mean() == Approx(2.5));
  TrafficSources src(sp, nd::test_seed());
  std::vector<Packet> created;
  const int cycles = 20000;
  uint64_t flits = 0;
  int responses = 0;
  for (int c = 0; c < cycles; ++c) src.generate(c, true, created);
  for (const auto& p : created) {
    flits += p.len;
    responses += p.cls;
    CHECK((p.len == 1 || p.len == 4));
  }
  INFO("seed " << nd::test_seed() << " rate " << rate);
  CHECK(double(flits) / (16.0 * cycles) == Approx(rate).epsilon(0.05));
  CHECK(double(responses) / created.size() == Approx(0.5).epsilon(0.1));
  CHECK(src.queued_flits() == flits);
}

TEST_CASE("sources obey credits and keep each packet on one VC of its class", "[noc][model]") {
  SourceParams sp;
  sp.mesh = {2, 2, 4, 2, 128};  // 2 VCs per class, 2 credits each
  sp.rate = 1.0;
  sp.lengths.lengths = {3};
  TrafficSources src(sp, nd::test_seed());
  std::vector<Packet> created;
  for (int c = 0; c < 200; ++c) src.generate(c, false, created);
  int sent = 0;
  std::vector<std::optional<uint32_t>> open(4);
  while (auto inj = src.next_flit(0)) {
    ++sent;
    const Packet* p = nullptr;
    for (const auto& q : created) {
      if (q.id == inj->packet) p = &q;
    }
    REQUIRE(p);
    CHECK(inj->flit.vc / 2 == static_cast<unsigned>(p->cls));
    if (inj->head) {
      CHECK_FALSE(open[inj->flit.vc]);
      open[inj->flit.vc] = inj->packet;
    } else {
      CHECK(open[inj->flit.vc] == inj->packet);
    }
    if (nd::noc::is_tail(inj->flit.type)) open[inj->flit.vc].reset();
  }
  // Each class's first packet takes its first VC and stops after 2 of 3 flits (no credit left). The
  // class's second packet takes the second VC unless it goes to the same destination: the source never
  // runs two packets of one stream side by side (that could reorder them).
  int expect = 0;
  for (int cls = 0; cls < 2; ++cls) {
    std::vector<const Packet*> q;
    for (const auto& p : created)
      if (p.src == 0 && p.cls == cls) q.push_back(&p);
    REQUIRE(q.size() >= 2);
    const bool second = q[1]->dst != q[0]->dst;
    INFO("seed " << nd::test_seed() << " class " << cls << ": destinations " << q[0]->dst << ", "
                 << q[1]->dst);
    CHECK(src.credits(0, 2 * cls) == 0);
    CHECK(src.credits(0, 2 * cls + 1) == (second ? 0 : 2));
    expect += second ? 4 : 2;
  }
  CHECK(sent == expect);  // the credits that could be used were, then nothing more
  src.credit(0, 0, 300);  // VC 0's packet can finish
  const auto tail = src.next_flit(0);
  REQUIRE(tail);
  CHECK(tail->flit.vc == 0);
  CHECK(tail->flit.type == FlitType::Tail);
  src.credit(0, 2, 301);
  src.credit(0, 2, 301);
  CHECK_THROWS_AS(src.credit(0, 2, 302), nd::SimError);
}
