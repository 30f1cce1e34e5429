// Rounding decision (combinational) for round to nearest even or stochastic rounding, for any datapath
// that has cut a value into kept bits and a discarded part:
//   lsb_i     the least significant kept bit;
//   frac_i    the first FracW discarded bits (the discarded part as a fraction of the kept LSB, truncated);
//   sticky_i  the OR of every discarded bit below frac_i.
// round_up_o says whether to add one to the kept bits (magnitude; the caller handles sign and carries):
//   stochastic_i = 0: round to nearest, ties to even: above half an LSB, or exactly half and lsb_i odd;
//   stochastic_i = 1: stochastic: frac_i + rand_i >= 2^FracW (rand_i uniform, so the probability of
//                     rounding away is frac_i / 2^FracW; sticky_i does not take part).
//
// Parameters: FracW 2..32 (checked at elaboration).
`include "nd_assert.svh"

module nd_sr_round #(
  parameter int unsigned FracW = 16
) (
  input  logic             lsb_i,
  input  logic [FracW-1:0] frac_i,
  input  logic             sticky_i,
  input  logic             stochastic_i,
  input  logic [FracW-1:0] rand_i,
  output logic             round_up_o
);

  `ND_STATIC_ASSERT(gen_check_fracw, FracW >= 2 && FracW <= 32, "nd_sr_round: FracW must be 2 to 32")

  logic             rne_up, carry;
  logic [FracW-1:0] unused_sum;
  assign rne_up              = frac_i[FracW-1] & ((frac_i[FracW-2:0] != '0) | sticky_i | lsb_i);
  assign {carry, unused_sum} = {1'b0, frac_i} + {1'b0, rand_i};
  assign round_up_o          = stochastic_i ? carry : rne_up;

endmodule
