// Tests of the harness itself: reset, bounded waits, RTL assertions failing the test, wave files.
#include <catch2/catch.hpp>
#include <filesystem>

#include "Vharness_check.h"
#include "dut.hpp"
#include "sim_matchers.hpp"

using nd::Dut;

TEST_CASE("Dut resets, ticks and counts cycles", "[harness][unit]") {
  Dut<Vharness_check> dut;
  dut->en_i = 0;
  dut->fail_i = 0;
  dut.reset(3);
  CHECK(dut->count_o == 0);
  dut->en_i = 1;
  dut.ticks(5);
  CHECK(dut->count_o == 5);
  CHECK(dut.cycle() == 8);
}

TEST_CASE("wait_until returns the cycles waited and throws when the limit runs out", "[harness][unit]") {
  Dut<Vharness_check> dut;
  dut->en_i = 1;
  dut->fail_i = 0;
  dut.reset();
  CHECK(dut.wait_until([&] { return dut->count_o == 10; }, 100, "count 10") == 10);
  CHECK_THROWS_AS(dut.wait_until([&] { return dut->count_o == 0; }, 20, "wrap"), nd::SimError);
}

TEST_CASE("an RTL assertion failure throws SimError naming the assertion", "[harness][unit]") {
  Dut<Vharness_check> dut;
  dut->en_i = 0;
  dut->fail_i = 1;  // ignored while reset is asserted
  dut.reset();
  REQUIRE_THROWS_MATCHES(dut.tick(), nd::SimError, nd::AssertionFired("FailNotRaised_A"));
  try {
    dut.tick();
    FAIL("the failed assertion is sticky: the next eval throws again");
  } catch (const nd::SimError& e) {
    CHECK(e.where() == "harness_check.sv:20");
    CHECK(std::string(e.what()).find("FailNotRaised_A") != std::string::npos);
    CHECK_FALSE(nd::AssertionFired("SomeOther_A").match(e));
  }
}

TEST_CASE("a timeout is a SimError that names no assertion", "[harness][unit]") {
  Dut<Vharness_check> dut;
  dut->en_i = 0;
  dut->fail_i = 0;
  dut.reset();
  try {
    dut.wait_until([] { return false; }, 3, "never");
    FAIL("wait_until returned");
  } catch (const nd::SimError& e) {
    CHECK(e.assertion().empty());
    CHECK_FALSE(nd::AssertionFired("FailNotRaised_A").match(e));
  }
}

TEST_CASE("RTL error lines are parsed into assertion, location and scope", "[harness][unit]") {
  nd::RtlError e;
  REQUIRE(nd::parse_rtl_error(
      "[40] %Error: nd_noc_input_port.sv:120: Assertion failed in TOP.nd_noc_mesh.u_r.u_in.BufferOverflow_A: "
      "assertion BufferOverflow_A failed",
      e));
  CHECK(e.assertion == "BufferOverflow_A");
  CHECK(e.where == "nd_noc_input_port.sv:120");
  CHECK(e.scope == "TOP.nd_noc_mesh.u_r.u_in");
  REQUIRE(nd::parse_rtl_error("%Error: top.sv:7: bad thing", e));
  CHECK(e.assertion.empty());
  CHECK(e.where == "top.sv:7");
  CHECK_FALSE(nd::parse_rtl_error("hello from the console", e));
}

TEST_CASE("waves are written to the requested file", "[harness][unit]") {
  const auto dir = std::filesystem::temp_directory_path() / "nd_harness_waves";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  nd::WaveOptions w;
  w.path = (dir / "counter.fst").string();
  {
    Dut<Vharness_check> dut(w);
    dut->en_i = 1;
    dut->fail_i = 0;
    dut.reset();
    dut.ticks(20);
  }
  REQUIRE(std::filesystem::exists(w.path));
  CHECK(std::filesystem::file_size(w.path) > 100);
  std::filesystem::remove_all(dir);
}

TEST_CASE("two Duts in one thread each report their own assertion and are destroyed cleanly",
          "[harness][unit]") {
  Dut<Vharness_check> a;
  Dut<Vharness_check> b;
  for (Dut<Vharness_check>* d : {&b, &a}) {
    (*d)->en_i = 0;
    (*d)->fail_i = 0;
    d->reset();
  }
  b->fail_i = 1;  // only b fails: a keeps running
  REQUIRE_THROWS_MATCHES(b.tick(), nd::SimError, nd::AssertionFired("FailNotRaised_A"));
  a->en_i = 1;
  a.ticks(3);
  CHECK(a->count_o == 3);
  a->fail_i = 1;
  REQUIRE_THROWS_MATCHES(a.tick(), nd::SimError, nd::AssertionFired("FailNotRaised_A"));
}
