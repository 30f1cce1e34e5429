// FP32 -> CFP8 narrowing (combinational) to 1.4.3 or 1.5.2 with a 6-bit bias, RNE or stochastic.
// - The input significand is shifted onto the target grid (denormal grid below 2^(1-bias)); the
//   rounded code is ((max(E, 1) - 1) << m) + kept + round_up, so carries run into the exponent.
// - Stochastic: f = the first 16 discarded bits, R = rand_i; round away from zero when f + R >= 2^16
//   (the rounding decision is the shared cell nd_sr_round).
// - Saturation after rounding: codes past 0x7F, and infinities, give the signed largest finite value
//   (Overflow | Inexact); a NaN gives the largest finite value with the NaN's sign (Invalid).
// - Underflow = tiny and inexact; tininess after rounding under RNE, before rounding under SR.
//   FP32 subnormals lie far below every CFP8 grid: they give signed zero (Underflow | Inexact).
//
// Contract: purely combinational; rand_i is used only under RndStochastic. clk_i and rst_ni only clock
// the assertions.
`include "nd_assert.svh"

module nd_fp_f32_to_cfp8 import nd_fp_pkg::*; (
  input  logic        clk_i,
  input  logic        rst_ni,
  input  logic [31:0] f32_i,
  input  cfp8_fmt_e   fmt_i,
  input  logic [5:0]  bias_i,
  input  fp_rnd_e     rnd_mode_i,
  input  logic [15:0] rand_i,
  output logic [7:0]  cfp8_o,
  output fp_flags_t   flags_o
);

  localparam int unsigned MaxShift = 40;  // enough to move any significand below the 16 f bits

  logic       sign, exp_max, exp_zero, is_nan, is_inf, is_zero;
  logic [7:0] exp_in;
  assign sign     = f32_i[31];
  assign exp_in   = f32_i[30:23];
  assign exp_max  = &exp_in;
  assign exp_zero = ~|exp_in;
  assign is_nan   = exp_max & (f32_i[22:0] != '0);
  assign is_inf   = exp_max & (f32_i[22:0] == '0);
  assign is_zero  = exp_zero & (f32_i[22:0] == '0);

  // Target exponent field of a normal input: ew = e - 127 + bias (signed, -126..190).
  logic signed [9:0] ew;
  logic        [9:0] shift_raw;
  logic        [5:0] shift;
  assign ew        = $signed({2'b00, exp_in}) - 10'sd127 + $signed({4'b0000, bias_i});
  assign shift_raw = (ew >= 10'sd1) ? 10'd0 : 10'(10'sd1 - ew);  // denormal targets: 1 - ew
  assign shift     = (shift_raw > 10'(MaxShift)) ? 6'(MaxShift) : shift_raw[5:0];

  // Significand at the top of a 64-bit window, shifted right onto the target grid (no bit is lost:
  // the shift is at most 40 and 40 zero bits sit below the significand).
  logic [63:0] win;
  assign win = {1'b1, f32_i[22:0], 40'h0} >> shift;

  // Kept bits (hidden + m fraction bits), the 16 f bits and the sticky rest, per layout.
  logic [3:0]  kept;
  logic [15:0] fbits;
  logic        sticky;
  logic        top_ones;  // first m+1 fraction bits all ones (tininess after rounding)
  always_comb begin
    unique case (fmt_i)
      Cfp8E4M3: begin
        kept     = win[63:60];
        fbits    = win[59:44];
        sticky   = win[43:0] != '0;
        top_ones = &f32_i[22:19];
      end
      Cfp8E5M2: begin
        kept     = {1'b0, win[63:61]};
        fbits    = win[60:45];
        sticky   = win[44:0] != '0;
        top_ones = &f32_i[22:20];
      end
      default: begin
        kept     = '0;
        fbits    = '0;
        sticky   = 1'b0;
        top_ones = 1'b0;
      end
    endcase
  end

  logic round_up;
  nd_sr_round #(.FracW(16)) u_round (
    .lsb_i        (kept[0]),
    .frac_i       (fbits),
    .sticky_i     (sticky),
    .stochastic_i (rnd_mode_i == RndStochastic),
    .rand_i,
    .round_up_o   (round_up)
  );

  // Code magnitude before saturation: ((max(ew, 1) - 1) << m) + kept + round_up, up to 189 << 3.
  logic [11:0] exp_part, code_mag;
  always_comb begin
    exp_part = (ew >= 10'sd1) ? {2'b00, ew - 10'sd1} : 12'd0;
    unique case (fmt_i)
      Cfp8E4M3: exp_part = exp_part << 3;
      Cfp8E5M2: exp_part = exp_part << 2;
      default:  exp_part = '0;
    endcase
    code_mag = exp_part + {8'b0, kept} + {11'b0, round_up};
  end

  logic inexact, tiny, overflow;
  assign inexact  = (fbits != '0) | sticky;
  // Tiny: below 2^(1-bias), i.e. ew < 1; under RNE not when ew = 0 and the value rounds up to
  // 2^(1-bias) with an unbounded exponent (first m+1 fraction bits all ones).
  assign tiny     = (ew < 10'sd1) & ~((rnd_mode_i == RndRne) & (ew == 10'sd0) & top_ones);
  assign overflow = code_mag > 12'h07F;

  always_comb begin
    flags_o = FP_FLAGS_NONE;
    if (is_nan) begin
      cfp8_o          = {sign, CFP8_MAX_MAG};
      flags_o.invalid = 1'b1;
    end else if (is_inf) begin
      cfp8_o           = {sign, CFP8_MAX_MAG};
      flags_o.overflow = 1'b1;
      flags_o.inexact  = 1'b1;
    end else if (is_zero) begin
      cfp8_o = {sign, 7'h00};
    end else if (exp_zero) begin
      cfp8_o            = {sign, 7'h00};
      flags_o.underflow = 1'b1;
      flags_o.inexact   = 1'b1;
    end else if (overflow) begin
      cfp8_o           = {sign, CFP8_MAX_MAG};
      flags_o.overflow = 1'b1;
      flags_o.inexact  = 1'b1;
    end else begin
      cfp8_o            = {sign, code_mag[6:0]};
      flags_o.inexact   = inexact;
      flags_o.underflow = tiny & inexact;
    end
  end

  logic unused_bits;
  assign unused_bits = ^shift_raw[9:6];

  `ND_ASSERT(OverflowInexact_A, !flags_o.overflow || flags_o.inexact)
  `ND_ASSERT(UnderflowInexact_A, !flags_o.underflow || flags_o.inexact)
  `ND_ASSERT_KNOWN(OutputKnown_A, {cfp8_o, flags_o})

endmodule
