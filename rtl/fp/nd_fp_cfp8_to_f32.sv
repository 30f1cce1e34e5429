// CFP8 -> FP32 unpack (combinational) for the 1.4.3 and 1.5.2 layouts with a 6-bit exponent bias.
//   E != 0: (-1)^s * 1.M * 2^(E - bias)      E = 0, M != 0: (-1)^s * 0.M * 2^(1 - bias) (Denormal flag)
//   E = 0, M = 0: signed zero.                No infinities or NaNs: every code is a finite number.
// Every CFP8 value is a normal FP32 number (or zero), so the conversion is exact.
//
// Contract: purely combinational from (cfp8_i, fmt_i, bias_i) to f32_o / flags_o; clk_i and rst_ni
// only clock the assertions.
`include "nd_assert.svh"

module nd_fp_cfp8_to_f32 import nd_fp_pkg::*; (
  input  logic        clk_i,
  input  logic        rst_ni,
  input  logic [7:0]  cfp8_i,
  input  cfp8_fmt_e   fmt_i,
  input  logic [5:0]  bias_i,
  output logic [31:0] f32_o,
  output fp_flags_t   flags_o
);

  // Both layouts as a 5-bit exponent field and a 3-bit fraction (1.5.2's fraction gets a zero LSB).
  logic [4:0] exp_field;
  logic [2:0] man;
  always_comb begin
    unique case (fmt_i)
      Cfp8E4M3: begin
        exp_field = {1'b0, cfp8_i[6:3]};
        man       = cfp8_i[2:0];
      end
      Cfp8E5M2: begin
        exp_field = cfp8_i[6:2];
        man       = {cfp8_i[1:0], 1'b0};
      end
      default: begin
        exp_field = '0;
        man       = '0;
      end
    endcase
  end

  // Denormal: 0.M * 2^(1-b) = 1.M' * 2^(1-b-(lz+1)), lz = leading zeros of M (0..2).
  logic [1:0] lz;
  logic [2:0] man_norm;
  always_comb begin
    if (man[2]) begin
      lz = 2'd0;
    end else if (man[1]) begin
      lz = 2'd1;
    end else begin
      lz = 2'd2;
    end
    man_norm = man << (lz + 2'd1);
  end

  logic       is_zero, is_denormal;
  logic [7:0] f32_exp;  // biased: 65..158 for normals, 62..127 for denormals
  assign is_zero     = (exp_field == '0) && (man == '0);
  assign is_denormal = (exp_field == '0) && (man != '0);

  always_comb begin
    if (exp_field != '0) begin
      f32_exp = 8'd127 + {3'b0, exp_field} - {2'b0, bias_i};
    end else begin
      f32_exp = 8'd127 - {2'b0, bias_i} - {6'b0, lz};
    end
  end

  always_comb begin
    flags_o          = FP_FLAGS_NONE;
    flags_o.denormal = is_denormal;
    if (is_zero) begin
      f32_o = {cfp8_i[7], 31'h0};
    end else begin
      f32_o = {cfp8_i[7], f32_exp, (is_denormal ? man_norm : man), 20'h0};
    end
  end

  // Results are always normal FP32 numbers or zeros, never infinities or NaNs.
  `ND_ASSERT(NormalResult_A, is_zero || (f32_o[30:23] != 8'h00 && f32_o[30:23] != 8'hFF))
  `ND_ASSERT_KNOWN(OutputKnown_A, {f32_o, flags_o})

endmodule
