// FP32 -> BF16 narrowing (combinational) with round-to-nearest-even or stochastic rounding.
// - BF16 has FP32's exponent range, so the result is the upper half of the input rounded at bit 16
//   (the carry runs into the exponent; past the largest finite value it gives infinity: Overflow).
// - Stochastic: with f = the 16 discarded bits and R = rand_i, round away from zero when f + R >= 2^16
//   (the rounding decision is the shared cell nd_sr_round).
// - NaN -> 0x7FC0 with the NaN's sign (Invalid when signaling); infinities pass through.
// - Underflow = tiny and inexact; tininess after rounding under RNE, before rounding under SR.
//
// Contract: purely combinational; rand_i is used only under RndStochastic. clk_i and rst_ni only clock
// the assertions.
`include "nd_assert.svh"

module nd_fp_f32_to_bf16 import nd_fp_pkg::*; (
  input  logic        clk_i,
  input  logic        rst_ni,
  input  logic [31:0] f32_i,
  input  fp_rnd_e     rnd_mode_i,
  input  logic [15:0] rand_i,
  output logic [15:0] bf16_o,
  output fp_flags_t   flags_o
);

  logic        sign, exp_max, exp_zero, is_nan, is_inf;
  logic [14:0] keep;
  logic [15:0] disc;
  assign sign     = f32_i[31];
  assign exp_max  = &f32_i[30:23];
  assign exp_zero = ~|f32_i[30:23];
  assign is_nan   = exp_max & (f32_i[22:0] != '0);
  assign is_inf   = exp_max & (f32_i[22:0] == '0);
  assign keep     = f32_i[30:16];
  assign disc     = f32_i[15:0];

  logic round_up;
  nd_sr_round #(.FracW(16)) u_round (
    .lsb_i        (keep[0]),
    .frac_i       (disc),
    .sticky_i     (1'b0),
    .stochastic_i (rnd_mode_i == RndStochastic),
    .rand_i,
    .round_up_o   (round_up)
  );

  logic [14:0] rounded;
  logic        inexact, tiny;
  assign rounded = keep + {14'b0, round_up};  // keep <= 0x7F7F: no wrap past 0x7F80
  assign inexact = disc != '0;
  // Below 2^-126 is tiny, except (RNE) from 2^-126 - 2^-135 up, which rounds to 2^-126 with an
  // unbounded exponent: the top nine fraction bits all ones.
  assign tiny = exp_zero & ~((rnd_mode_i == RndRne) & (&f32_i[22:14]));

  always_comb begin
    flags_o = FP_FLAGS_NONE;
    if (is_nan) begin
      bf16_o          = {sign, BF16_QNAN_MAG};
      flags_o.invalid = ~f32_i[22];
    end else if (is_inf) begin
      bf16_o = {sign, 15'h7F80};
    end else begin
      bf16_o            = {sign, rounded};
      flags_o.inexact   = inexact;
      flags_o.underflow = tiny & inexact;
      flags_o.overflow  = rounded == 15'h7F80;
    end
  end

  // Overflow implies Inexact, and a finite input never produces a NaN code.
  `ND_ASSERT(OverflowInexact_A, !flags_o.overflow || flags_o.inexact)
  `ND_ASSERT(NoNanFromNumber_A, is_nan || !(&bf16_o[14:7] && bf16_o[6:0] != '0))
  `ND_ASSERT_KNOWN(OutputKnown_A, {bf16_o, flags_o})

endmodule
