// FP32 fused multiply-add (combinational): res = a * b + c with one round-to-nearest-even rounding,
// IEEE 754 behaviour for zeros, subnormals, infinities and NaNs, and the exception flags.
// - a_i and b_i are FP32 patterns whose significands have at most SigW bits (hidden bit included):
//   SigW = 8 for BF16 / CFP8 operands (the low 16 fraction bits must be zero), SigW = 24 for full FP32.
//   The product a * b is exact (2 * SigW bits).
// - The exact product and c are aligned in a window of W = max(2 * SigW, 24) + 32 bits under the larger
//   one; bits of the smaller operand that fall below the window's bit 1 are ORed into bit 0. The result
//   then rounds exactly as the exact sum would (docs/numerics.md explains why), is normalized onto the
//   FP32 grid (subnormal grid 2^-149 below 2^-126) and rounded once.
// - Every NaN result is 0x7FC00000. Invalid: a signaling NaN operand, inf * 0 (also with a quiet-NaN c),
//   inf - inf. Underflow: tiny after rounding and inexact. Exact zero sums are +0 unless both a * b and
//   c are negative zeros.
//
// Contract: purely combinational; clk_i and rst_ni only clock the assertions.
`include "nd_assert.svh"

module nd_fp_fma import nd_fp_pkg::*; #(
  parameter int unsigned SigW = 8
) (
  input  logic        clk_i,
  input  logic        rst_ni,
  input  logic [31:0] a_i,
  input  logic [31:0] b_i,
  input  logic [31:0] c_i,
  output logic [31:0] res_o,
  output fp_flags_t   flags_o
);

  localparam int unsigned PW = 2 * SigW;
  localparam int unsigned NMax = (PW > 24) ? PW : 24;
  localparam int unsigned W = NMax + 32;
  localparam int unsigned LzPW = $clog2(PW + 1);
  typedef logic signed [11:0] exp_t;

  // ---- Unpack -------------------------------------------------------------------------------------
  logic [SigW-1:0] sig_a, sig_b;
  logic [23:0]     sig_c;
  exp_t            ea, eb, ec;  // weight of each significand's LSB
  logic a_nan, b_nan, c_nan, a_inf, b_inf, c_inf, a_zero, b_zero, any_snan;
  logic sa, sb, sc, sp;

  assign sig_a = {|a_i[30:23], a_i[22 -: SigW - 1]};
  assign sig_b = {|b_i[30:23], b_i[22 -: SigW - 1]};
  assign sig_c = {|c_i[30:23], c_i[22:0]};
  assign ea = exp_t'({4'b0, (a_i[30:23] == 8'h00) ? 8'h01 : a_i[30:23]}) - exp_t'(127 + SigW - 1);
  assign eb = exp_t'({4'b0, (b_i[30:23] == 8'h00) ? 8'h01 : b_i[30:23]}) - exp_t'(127 + SigW - 1);
  assign ec = exp_t'({4'b0, (c_i[30:23] == 8'h00) ? 8'h01 : c_i[30:23]}) - exp_t'(150);

  assign a_nan  = (&a_i[30:23]) & (sig_a[SigW-2:0] != '0);
  assign b_nan  = (&b_i[30:23]) & (sig_b[SigW-2:0] != '0);
  assign c_nan  = (&c_i[30:23]) & (c_i[22:0] != '0);
  assign a_inf  = (&a_i[30:23]) & (sig_a[SigW-2:0] == '0);
  assign b_inf  = (&b_i[30:23]) & (sig_b[SigW-2:0] == '0);
  assign c_inf  = (&c_i[30:23]) & (c_i[22:0] == '0);
  assign a_zero = sig_a == '0;
  assign b_zero = sig_b == '0;
  assign any_snan = (a_nan & ~a_i[22]) | (b_nan & ~b_i[22]) | (c_nan & ~c_i[22]);
  assign sa = a_i[31];
  assign sb = b_i[31];
  assign sc = c_i[31];
  assign sp = sa ^ sb;

  // ---- Exact product and alignment ------------------------------------------------------------------
  logic [PW-1:0]   prod;
  logic [LzPW-1:0] lz_p;
  logic [4:0]      lz_c;
  logic            p_zero, c_zero;
  exp_t            top_p, top_c, top;  // exponent of each operand's MSB; top = the larger
  assign prod   = sig_a * sig_b;
  assign p_zero = prod == '0;
  assign c_zero = sig_c == '0;

  nd_lzc #(.Width(PW)) u_lzc_p (.in_i(prod), .cnt_o(lz_p));
  nd_lzc #(.Width(24)) u_lzc_c (.in_i(sig_c), .cnt_o(lz_c));

  assign top_p = ea + eb + exp_t'(PW - 1) - exp_t'({1'b0, lz_p});
  assign top_c = ec + exp_t'(23) - exp_t'({1'b0, lz_c});
  always_comb begin
    if (p_zero) begin
      top = top_c;
    end else if (c_zero) begin
      top = top_p;
    end else begin
      top = (top_p > top_c) ? top_p : top_c;
    end
  end

  // Each operand normalized with its MSB at window bit W-2, then shifted right by its distance to top.
  logic [W-1:0] p_norm, c_norm, p_win, c_win;
  assign p_norm = {1'b0, prod << lz_p, {(W - 1 - PW){1'b0}}};
  assign c_norm = {1'b0, sig_c << lz_c, {(W - 25){1'b0}}};

  // Shift each right by its distance to top (never negative: top is the larger); the bits that fall
  // below the window are ORed into bit 0 (docs/numerics.md: the rounding only needs the 2-LSB interval).
  logic [11:0]  dist_p, dist_c;
  logic [W-1:0] p_shr, c_shr;
  logic         p_sticky, c_sticky;
  assign dist_p = (top_p > top) ? 12'd0 : 12'(top - top_p);
  assign dist_c = (top_c > top) ? 12'd0 : 12'(top - top_c);

  nd_shift_sticky #(.Width(W), .ShW(12)) u_align_p (
    .in_i     (p_zero ? '0 : p_norm),
    .shamt_i  (dist_p),
    .out_o    (p_shr),
    .sticky_o (p_sticky)
  );
  nd_shift_sticky #(.Width(W), .ShW(12)) u_align_c (
    .in_i     (c_zero ? '0 : c_norm),
    .shamt_i  (dist_c),
    .out_o    (c_shr),
    .sticky_o (c_sticky)
  );
  assign p_win = {p_shr[W-1:1], p_shr[0] | p_sticky};
  assign c_win = {c_shr[W-1:1], c_shr[0] | c_sticky};

  // ---- Add or subtract magnitudes ---------------------------------------------------------------------
  logic         sub, neg, sum_sign;
  logic [W:0]   diff;
  logic [W-1:0] mag;
  assign sub  = sp ^ sc;
  assign diff = {1'b0, p_win} - {1'b0, c_win};
  assign neg  = diff[W];
  always_comb begin
    if (!sub) begin
      mag      = p_win + c_win;  // bit W-1 is free for the carry
      sum_sign = sp;
    end else begin
      mag      = neg ? W'(-diff) : diff[W-1:0];
      sum_sign = neg ? sc : sp;
    end
  end

  // ---- Normalize onto the FP32 grid and round (RNE) -------------------------------------------------------
  logic [31:0] round_res;
  fp_flags_t   round_flags;
  nd_fp_fma_round #(.W(W)) u_round (
    .sign_i  (sum_sign),
    .mag_i   (mag),
    .top_i   (top),
    .res_o   (round_res),
    .flags_o (round_flags)
  );

  // ---- Specials and result select ---------------------------------------------------------------------
  logic inf_times_zero;
  assign inf_times_zero = (a_inf & b_zero) | (a_zero & b_inf);

  always_comb begin
    flags_o = FP_FLAGS_NONE;
    if (a_nan | b_nan | c_nan) begin
      res_o           = F32_CANONICAL_NAN;
      flags_o.invalid = any_snan | inf_times_zero;
    end else if (inf_times_zero) begin
      res_o           = F32_CANONICAL_NAN;
      flags_o.invalid = 1'b1;
    end else if (a_inf | b_inf) begin
      if (c_inf && (sc != sp)) begin
        res_o           = F32_CANONICAL_NAN;
        flags_o.invalid = 1'b1;
      end else begin
        res_o = {sp, 8'hFF, 23'h0};
      end
    end else if (c_inf) begin
      res_o = c_i;
    end else if (mag == '0) begin
      res_o = {(p_zero & c_zero) ? (sp & sc) : 1'b0, 31'h0};  // exact zero: +0 unless -0 + -0
    end else begin
      res_o   = round_res;
      flags_o = round_flags;
    end
  end

  // ---- Assertions ----------------------------------------------------------------------------------------
  if (SigW < 24) begin : gen_narrow_check
    // The narrow variant's contract: multiplicands carry no fraction bits below their SigW - 1.
    `ND_ASSERT(NarrowOperandA_A, a_i[23-SigW:0] == '0)
    `ND_ASSERT(NarrowOperandB_A, b_i[23-SigW:0] == '0)
  end
  `ND_ASSERT(NanIsCanonical_A, !((&res_o[30:23]) && res_o[22:0] != '0) || res_o == F32_CANONICAL_NAN)
  `ND_ASSERT(UnderflowInexact_A, !flags_o.underflow || flags_o.inexact)
  `ND_ASSERT_KNOWN(OutputKnown_A, {res_o, flags_o})

endmodule
