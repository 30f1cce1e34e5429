// The TestFloat vector replay behind `nanodojo fpcheck`: the shipped example files pass, a corrupted
// expectation is counted as a failure, and malformed files raise nd::InputError with file and line.
#include <catch2/catch.hpp>

#include <sstream>

#include "errors.hpp"
#include "fp_vectors.hpp"

using namespace nd::fp;

namespace {
const std::string kDir = ND_FP_VECTORS_DIR;
}

TEST_CASE("fpcheck: the example vector files pass through the RTL", "[fp][unit]") {
  struct File {
    const char* op;
    const char* name;
    long cases;
  };
  for (const File& f :
       {File{"f32_mulAdd", "f32_mulAdd.tv", 24}, File{"f32_add", "f32_add.tv", 11},
        File{"f32_to_bf16", "f32_to_bf16.tv", 10}, File{"bf16_to_f32", "bf16_to_f32.tv", 5}}) {
    const VectorReport r = replay_vector_file(kDir + "/" + f.name, parse_vector_op(f.op));
    INFO(f.name << (r.failures.empty() ? "" : ": " + r.failures[0]));
    CHECK(r.passed == f.cases);
    CHECK(r.failed == 0);
  }
}

TEST_CASE("fpcheck: wrong expectations are counted as failures, NaNs compared loosely", "[fp][unit]") {
  std::istringstream in(
      "3F800000 40000000 40400000 40A00001 00\n"  // wrong result
      "3F800000 3F800000 33800000 3F800000 00\n"  // missing inexact flag
      "7F800000 00000000 3F800000 7FC00001 10\n"  // another NaN: matches unless check_nans
      "3F800000 40000000 40400000 40A00000 00\n");
  const VectorReport r = replay_vectors(in, "inline", VectorOp::kF32MulAdd);
  CHECK(r.passed == 2);
  CHECK(r.failed == 2);
  REQUIRE(r.failures.size() == 2);
  CHECK(r.failures[0].rfind("inline:1:", 0) == 0);
  std::istringstream again(in.str());
  CHECK(replay_vectors(again, "inline", VectorOp::kF32MulAdd, true).failed == 3);
}

TEST_CASE("fpcheck: bad input names the file, the line and the field", "[fp][unit]") {
  auto message = [](const std::string& text, VectorOp op) {
    std::istringstream in(text);
    try {
      replay_vectors(in, "v.tv", op);
    } catch (const nd::InputError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  CHECK(message("# c\n3F800000 40000000 00\n", VectorOp::kF32MulAdd).rfind("v.tv:2: key 'fields'", 0) == 0);
  CHECK(message("3F80000Z 3F800000 00\n", VectorOp::kBf16ToF32).rfind("v.tv:1: key 'field 1'", 0) == 0);
  CHECK(message("3F800 3F800000 00\n", VectorOp::kBf16ToF32).rfind("v.tv:1: key 'field 1'", 0) == 0);
  CHECK(message("3F80 3F800000 20\n", VectorOp::kBf16ToF32).rfind("v.tv:1: key 'field 3'", 0) == 0);
  CHECK_THROWS_AS(parse_vector_op("f32_div"), nd::InputError);
  CHECK_THROWS_AS(replay_vector_file(kDir + "/missing.tv", VectorOp::kF32Add), nd::InputError);
  CHECK_THROWS_AS(replay_vector_file(kDir + "/bad_field_count.tv", VectorOp::kF32MulAdd), nd::InputError);
}
