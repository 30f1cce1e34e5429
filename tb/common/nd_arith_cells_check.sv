// Test top of the arithmetic cells in rtl/common (tb/common/arith_cells.test.cpp): each cell in the
// configuration the FP units use and in small ones a test covers exhaustively. Purely combinational;
// clk_i and rst_ni exist because the C++ harness (nd::Dut) drives them.
module nd_arith_cells_check (
  input  logic        clk_i,
  input  logic        rst_ni,
  // nd_lzc: Width 24 (padded to 32, as in the FMA), 16 (a power of two), 5 and 1
  input  logic [23:0] lzc24_i,
  output logic [4:0]  lzc24_o,
  input  logic [15:0] lzc16_i,
  output logic [4:0]  lzc16_o,
  input  logic [4:0]  lzc5_i,
  output logic [2:0]  lzc5_o,
  input  logic        lzc1_i,
  output logic        lzc1_o,
  // nd_shift_sticky: Width 56 with a 12-bit amount (the narrow FMA's window), Width 8 with a 4-bit amount
  input  logic [55:0] sh56_i,
  input  logic [11:0] sh56_amt_i,
  output logic [55:0] sh56_o,
  output logic        sh56_sticky_o,
  input  logic [7:0]  sh8_i,
  input  logic [3:0]  sh8_amt_i,
  output logic [7:0]  sh8_o,
  output logic        sh8_sticky_o,
  // nd_sr_round: FracW 16 (the narrowing converters) and 4
  input  logic        sr16_lsb_i,
  input  logic [15:0] sr16_frac_i,
  input  logic        sr16_sticky_i,
  input  logic        sr16_stochastic_i,
  input  logic [15:0] sr16_rand_i,
  output logic        sr16_up_o,
  input  logic        sr4_lsb_i,
  input  logic [3:0]  sr4_frac_i,
  input  logic        sr4_sticky_i,
  input  logic        sr4_stochastic_i,
  input  logic [3:0]  sr4_rand_i,
  output logic        sr4_up_o
);

  nd_lzc #(.Width(24)) u_lzc24 (.in_i(lzc24_i), .cnt_o(lzc24_o));
  nd_lzc #(.Width(16)) u_lzc16 (.in_i(lzc16_i), .cnt_o(lzc16_o));
  nd_lzc #(.Width(5)) u_lzc5 (.in_i(lzc5_i), .cnt_o(lzc5_o));
  nd_lzc #(.Width(1)) u_lzc1 (.in_i(lzc1_i), .cnt_o(lzc1_o));

  nd_shift_sticky #(.Width(56), .ShW(12)) u_sh56 (
    .in_i     (sh56_i),
    .shamt_i  (sh56_amt_i),
    .out_o    (sh56_o),
    .sticky_o (sh56_sticky_o)
  );
  nd_shift_sticky #(.Width(8), .ShW(4)) u_sh8 (
    .in_i     (sh8_i),
    .shamt_i  (sh8_amt_i),
    .out_o    (sh8_o),
    .sticky_o (sh8_sticky_o)
  );

  nd_sr_round #(.FracW(16)) u_sr16 (
    .lsb_i        (sr16_lsb_i),
    .frac_i       (sr16_frac_i),
    .sticky_i     (sr16_sticky_i),
    .stochastic_i (sr16_stochastic_i),
    .rand_i       (sr16_rand_i),
    .round_up_o   (sr16_up_o)
  );
  nd_sr_round #(.FracW(4)) u_sr4 (
    .lsb_i        (sr4_lsb_i),
    .frac_i       (sr4_frac_i),
    .sticky_i     (sr4_sticky_i),
    .stochastic_i (sr4_stochastic_i),
    .rand_i       (sr4_rand_i),
    .round_up_o   (sr4_up_o)
  );

  logic unused_clk;
  assign unused_clk = clk_i ^ rst_ni;

endmodule
