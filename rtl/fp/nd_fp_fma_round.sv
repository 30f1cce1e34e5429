// Normalize-and-round stage of the FMA (combinational): takes the magnitude of the aligned sum (a W-bit
// window whose bit W-2 weighs 2^top_i) and rounds it once, to nearest even, onto the FP32 grid
// (24 significant bits, or the subnormal grid 2^-149 below 2^-126). Raises Inexact, Underflow (tiny
// after rounding: below 2^-126 - 2^-151) and Overflow (result infinity). mag_i must be nonzero.
module nd_fp_fma_round import nd_fp_pkg::*; #(
  parameter int unsigned W = 48
) (
  input  logic               sign_i,
  input  logic [W-1:0]       mag_i,
  input  logic signed [11:0] top_i,
  output logic [31:0]        res_o,
  output fp_flags_t          flags_o
);

  localparam int unsigned LzW = $clog2(W + 1);
  typedef logic signed [11:0] exp_t;

  logic [LzW-1:0] lz;
  nd_lzc #(.Width(W)) u_lzc (.in_i(mag_i), .cnt_o(lz));

  // Exponent of the MSB, and the left shift that puts the rounding LSB at bit W-24 (negative: the value
  // lies below the subnormal range and shifts right, collecting a sticky bit).
  exp_t msb_exp, shl, exp_q;
  assign msb_exp = top_i + exp_t'(1) - exp_t'({1'b0, lz});
  assign shl     = exp_t'({1'b0, lz}) + ((msb_exp < -exp_t'(126)) ? (msb_exp + exp_t'(126)) : exp_t'(0));
  assign exp_q   = (msb_exp < -exp_t'(126)) ? -exp_t'(126) : msb_exp;

  // shl < 0: shift right by -shl (the cell saturates at W: everything below becomes the sticky bit).
  logic [W-1:0] norm, shr_out;
  logic         shift_sticky, shr_sticky;
  logic [11:0]  shr;
  assign shr = (shl >= 0) ? 12'd0 : 12'(-shl);

  nd_shift_sticky #(.Width(W), .ShW(12)) u_shr (
    .in_i     (mag_i),
    .shamt_i  (shr),
    .out_o    (shr_out),
    .sticky_o (shr_sticky)
  );

  always_comb begin
    if (shl >= 0) begin
      norm         = mag_i << shl;
      shift_sticky = 1'b0;
    end else begin
      norm         = shr_out;
      shift_sticky = shr_sticky;
    end
  end

  logic [23:0] q;
  logic        round_bit, sticky, inexact, round_up, tiny;
  logic [24:0] q_rnd;
  exp_t        biased;
  assign q         = norm[W-1:W-24];
  assign round_bit = norm[W-25];
  assign sticky    = (|norm[W-26:0]) | shift_sticky;
  assign inexact   = round_bit | sticky;
  assign round_up  = round_bit & (sticky | q[0]);
  assign q_rnd     = {1'b0, q} + {24'b0, round_up};
  // Tiny after rounding: below 2^-126, unless 2^-127 and the 24 bits below it are all ones.
  assign tiny      = (msb_exp < -exp_t'(126)) & ~((msb_exp == -exp_t'(127)) & (&norm[W-2:W-26]));

  always_comb begin
    if (q_rnd[24]) begin
      biased = exp_q + exp_t'(128);
    end else if (q_rnd[23]) begin
      biased = exp_q + exp_t'(127);
    end else begin
      biased = '0;
    end
  end

  always_comb begin
    flags_o           = FP_FLAGS_NONE;
    flags_o.inexact   = inexact;
    flags_o.underflow = tiny & inexact;
    if (biased >= exp_t'(255)) begin
      res_o            = {sign_i, 8'hFF, 23'h0};
      flags_o.overflow = 1'b1;
      flags_o.inexact  = 1'b1;
    end else begin
      res_o = {sign_i, biased[7:0], q_rnd[24] ? 23'h0 : q_rnd[22:0]};
    end
  end

endmodule
