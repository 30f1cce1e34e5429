// Assertion macros shared by all nanodojo RTL.
//
// Assertions are concurrent SVA properties sampled on the rising clock edge and disabled while the
// asynchronous active-low reset is asserted. They are compiled in for simulation (Verilator --assert)
// and compiled out when SYNTHESIS is defined, so synthesis tools never see them.
//
//   `ND_ASSERT(Name_A, prop)                    uses clk_i / rst_ni of the enclosing module
//   `ND_ASSERT_CLK(Name_A, prop, clk, rst_n)    explicit clock and reset
//   `ND_ASSERT_KNOWN(Name_A, sig)               sig has no X/Z bits outside reset
//   `ND_STATIC_ASSERT(gen_name, cond, msg)      elaboration-time parameter check (module scope)
//
// A failing assertion reports "$error" with the property name; the C++ harness turns that into a
// failed test (nd::SimError).
`ifndef ND_ASSERT_SVH
`define ND_ASSERT_SVH

`ifndef SYNTHESIS
`define ND_ASSERT_CLK(__name, __prop, __clk, __rst_n) \
  __name: assert property (@(posedge __clk) disable iff (!(__rst_n)) (__prop)) \
    else $error("assertion %s failed", `"__name`");
`define ND_ASSERT_KNOWN_CLK(__name, __sig, __clk, __rst_n) \
  `ND_ASSERT_CLK(__name, !$isunknown(__sig), __clk, __rst_n)
`else
`define ND_ASSERT_CLK(__name, __prop, __clk, __rst_n)
`define ND_ASSERT_KNOWN_CLK(__name, __sig, __clk, __rst_n)
`endif

// Parameter checks happen at elaboration, in simulation and synthesis alike: a bad -G value fails the
// build with the message (Verilator builds models with -Werror-USERERROR, so -Wno-fatal does not hide it).
// Use at module scope, one unique generate-block name per check, e.g.
//   `ND_STATIC_ASSERT(gen_check_vcs, NumVcs inside {1, 2, 4}, "NumVcs must be 1, 2 or 4")
`define ND_STATIC_ASSERT(__gen_name, __cond, __msg) \
  if (!(__cond)) begin : __gen_name \
    $error(__msg); \
  end

`define ND_ASSERT(__name, __prop) `ND_ASSERT_CLK(__name, __prop, clk_i, rst_ni)
`define ND_ASSERT_KNOWN(__name, __sig) `ND_ASSERT_KNOWN_CLK(__name, __sig, clk_i, rst_ni)

`endif  // ND_ASSERT_SVH
