// FP32 -> BF16 / CFP8 store path (one cycle): the narrowing converters plus the seeded stochastic-
// rounding generator. Each valid element under stochastic rounding takes R from the generator, which
// then advances once; elements under RNE leave it untouched. So a stream of elements is reproducible
// from its seed (docs/numerics.md).
//
// Interface: valid_i / f32_i / target_i / bias_i (CFP8 only) / rnd_mode_i in, always accepted (no
// back-pressure); the result appears one cycle later on valid_o / data_o (BF16 in [15:0], CFP8 in
// [7:0] with [15:8] zero) / flags_o, held until the next valid element. seed_load_i loads seed_i into
// the generator; it must not coincide with a valid stochastic element (asserted).
`include "nd_assert.svh"

module nd_fp_f32_narrow import nd_fp_pkg::*; (
  input  logic        clk_i,
  input  logic        rst_ni,
  // Generator seed
  input  logic        seed_load_i,
  input  logic [31:0] seed_i,
  // Element in
  input  logic        valid_i,
  input  logic [31:0] f32_i,
  input  logic [1:0]  target_i,  // 0: BF16, 1: CFP8 1.4.3, 2: CFP8 1.5.2
  input  logic [5:0]  bias_i,    // CFP8 only
  input  fp_rnd_e     rnd_mode_i,
  // Result out
  output logic        valid_o,
  output logic [15:0] data_o,
  output fp_flags_t   flags_o
);

  logic [15:0] rand16;
  logic        step;
  logic [31:0] unused_state, unused_next;
  assign step = valid_i & (rnd_mode_i == RndStochastic);

  nd_xorshift32 u_rng (
    .clk_i,
    .rst_ni,
    .load_i  (seed_load_i),
    .seed_i,
    .step_i  (step),
    .state_o (unused_state),
    .next_o  (unused_next),
    .rand_o  (rand16)
  );

  logic [15:0] bf16;
  logic [7:0]  cfp8;
  fp_flags_t   bf16_flags, cfp8_flags;
  cfp8_fmt_e   fmt;
  assign fmt = (target_i == 2'd2) ? Cfp8E5M2 : Cfp8E4M3;

  nd_fp_f32_to_bf16 u_to_bf16 (
    .clk_i,
    .rst_ni,
    .f32_i,
    .rnd_mode_i,
    .rand_i  (rand16),
    .bf16_o  (bf16),
    .flags_o (bf16_flags)
  );

  nd_fp_f32_to_cfp8 u_to_cfp8 (
    .clk_i,
    .rst_ni,
    .f32_i,
    .fmt_i   (fmt),
    .bias_i,
    .rnd_mode_i,
    .rand_i  (rand16),
    .cfp8_o  (cfp8),
    .flags_o (cfp8_flags)
  );

  logic        valid_q, valid_d;
  logic [15:0] data_q, data_d;
  fp_flags_t   flags_q, flags_d;
  always_comb begin
    valid_d = valid_i;
    data_d  = data_q;
    flags_d = flags_q;
    if (valid_i) begin
      data_d  = (target_i == 2'd0) ? bf16 : {8'h00, cfp8};
      flags_d = (target_i == 2'd0) ? bf16_flags : cfp8_flags;
    end
  end

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      valid_q <= 1'b0;
      data_q  <= '0;
      flags_q <= FP_FLAGS_NONE;
    end else begin
      valid_q <= valid_d;
      data_q  <= data_d;
      flags_q <= flags_d;
    end
  end

  assign valid_o = valid_q;
  assign data_o  = data_q;
  assign flags_o = flags_q;

  `ND_ASSERT(TargetLegal_A, !valid_i || target_i != 2'd3)
  `ND_ASSERT(SeedNotDuringStochastic_A, !(seed_load_i && step))

endmodule
