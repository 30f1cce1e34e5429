// BF16 -> FP32 unpack (combinational): exact for numbers; a NaN becomes the canonical 0x7FC00000,
// a signaling NaN raises Invalid, a subnormal input raises Denormal.
//
// Contract: purely combinational from bf16_i to f32_o / flags_o; clk_i and rst_ni only clock the
// assertions, so the unit can stand alone as a Verilator top.
`include "nd_assert.svh"

module nd_fp_bf16_to_f32 import nd_fp_pkg::*; (
  input  logic      clk_i,
  input  logic      rst_ni,
  input  logic [15:0] bf16_i,
  output logic [31:0] f32_o,
  output fp_flags_t   flags_o
);

  logic exp_max, exp_zero, frac_zero, is_nan;
  assign exp_max   = &bf16_i[14:7];
  assign exp_zero  = ~|bf16_i[14:7];
  assign frac_zero = ~|bf16_i[6:0];
  assign is_nan    = exp_max & ~frac_zero;

  always_comb begin
    flags_o          = FP_FLAGS_NONE;
    flags_o.invalid  = is_nan & ~bf16_i[6];
    flags_o.denormal = exp_zero & ~frac_zero;
    f32_o            = is_nan ? F32_CANONICAL_NAN : {bf16_i, 16'h0000};
  end

  // A number's FP32 image has a zero low half; a NaN's is canonical.
  `ND_ASSERT(ExactWidening_A, (f32_o[15:0] == 16'h0) || (f32_o == F32_CANONICAL_NAN))
  `ND_ASSERT_KNOWN(OutputKnown_A, {f32_o, flags_o})

endmodule
