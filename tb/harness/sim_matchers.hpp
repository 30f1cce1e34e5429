// Catch2 matchers for simulation errors. A test that expects an RTL assertion names it:
//   REQUIRE_THROWS_MATCHES(dut.tick(), nd::SimError, nd::AssertionFired("BufferOverflow_A"));
// fails when the code does not throw, throws something else, or another assertion fires.
#pragma once

#include <catch2/catch.hpp>
#include <string>

#include "errors.hpp"

namespace nd {

class AssertionFired : public Catch::MatcherBase<SimError> {
 public:
  explicit AssertionFired(std::string name) : name_(std::move(name)) {}
  bool match(const SimError& e) const override { return e.assertion() == name_; }
  std::string describe() const override { return "is the failure of RTL assertion " + name_; }

 private:
  std::string name_;
};

}  // namespace nd

// Failure messages show the error's text instead of "{?}".
namespace Catch {
template <>
struct StringMaker<nd::SimError> {
  static std::string convert(const nd::SimError& e) { return e.what(); }
};
}  // namespace Catch
