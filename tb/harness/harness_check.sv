// Test fixture for the C++ harness itself (not part of the product RTL): a counter with an assertion
// that fires when fail_i is high, so the harness tests can check reset, waits, waves and that an RTL
// assertion fails the test.
`include "nd_assert.svh"
module harness_check (
  input  logic       clk_i,
  input  logic       rst_ni,
  input  logic       en_i,
  input  logic       fail_i,
  output logic [7:0] count_o
);
  logic [7:0] count_q, count_d;
  assign count_d = en_i ? count_q + 8'd1 : count_q;
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) count_q <= '0;
    else count_q <= count_d;
  end
  assign count_o = count_q;

  `ND_ASSERT(FailNotRaised_A, !fail_i)
endmodule
