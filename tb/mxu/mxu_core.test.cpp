// The GEMM kernel (sw/kernels/mxu_gemm.c) on the core + MXU top: BF16 and CFP8 operands, sizes that are not
// multiples of 8 (the kernel pads), results bit-identical to the golden model's gemm (KLanes 4), flags too.
#include <catch2/catch.hpp>
#include <string>

#include "hex.hpp"
#include "mxu_check.hpp"
#include "mxu_gemm_job.hpp"

using namespace nd::mxu;

namespace {

const std::string kElf = std::string(ND_SW_OUT) + "/mxu_gemm.elf";

void check(const GemmJob& job, uint64_t salt) {
  const GemmOutcome o = run_gemm(kElf, job, test_stream(salt), 5000000);
  INFO("m " << job.m << " n " << job.n << " k " << job.k << " " << name(job.fmt) << " biases " << job.a_bias
            << "/" << job.b_bias);
  REQUIRE(!o.run.halted);
  REQUIRE(o.run.tohost == 1);
  REQUIRE(o.c.size() == o.expect.size());
  for (size_t i = 0; i < o.c.size(); ++i) {
    INFO("C(" << i / static_cast<size_t>(job.n) << ", " << i % static_cast<size_t>(job.n) << ")");
    REQUIRE(nd::hex(o.c[i]) == nd::hex(o.expect[i]));
  }
  REQUIRE(static_cast<int>(o.flags) == static_cast<int>(o.expect_flags));
  REQUIRE((o.status[0] & 0x3Fu) == o.expect_flags);
}

}  // namespace

TEST_CASE("mxu core: GEMM kernel, BF16, sizes not multiples of 8", "[mxu][unit]") {
  check({13, 21, 37, OpFmt::kBf16, 0, 0, false}, 0xC001);
  check({8, 8, 1, OpFmt::kBf16, 0, 0, false}, 0xC002);
}

TEST_CASE("mxu core: GEMM kernel, CFP8 1.4.3 and 1.5.2 with biases", "[mxu][unit]") {
  check({9, 7, 50, OpFmt::kE4M3, 7, 9, false}, 0xC003);
  check({17, 10, 19, OpFmt::kE5M2, 15, 3, false}, 0xC004);
}

TEST_CASE("mxu core: GEMM kernel on host-packed panels, 16 x 16 x 64 BF16", "[mxu][unit]") {
  check({16, 16, 64, OpFmt::kBf16, 0, 0, true}, 0xC005);
}
