// Lane reducer of the MXU: takes the KLanes accumulators of all 64 outputs when a MAC finishes
// (fin_valid_i && fin_ready_o) and writes the reduced tile into the C bank, one row per clock, with the
// golden model's tree: KLanes 1: acc0; 2: acc0 + acc1; 4: (acc0 + acc1) + (acc2 + acc3), every addition an
// FP32 RNE addition (nd_fp_fma SigW = 24 as a * 1.0 + c, exactly the model's add32). The eighth row
// completes the MAC (done_o for bank_o). fin_ready_o is high while idle or while writing the last row.
// flags_o: OR of this cycle's addition flags.
`include "nd_assert.svh"

module nd_mxu_reduce import nd_fp_pkg::*; #(
  parameter int unsigned KLanes = 4
) (
  input  logic                   clk_i,
  input  logic                   rst_ni,
  input  logic                   fin_valid_i,
  output logic                   fin_ready_o,
  input  logic                   fin_bank_i,
  input  logic [2048*KLanes-1:0] acc_i,
  output logic                   we_o,
  output logic                   bank_o,
  output logic [2:0]             row_o,
  output logic [255:0]           row_data_o,
  output logic                   done_o,
  output logic                   idle_o,
  output fp_flags_t              flags_o
);

  localparam logic [31:0] F32_ONE = 32'h3F80_0000;
  localparam int unsigned RowW = 256 * KLanes;  // one row of outputs, all lanes

  logic [2048*KLanes-1:0] buf_q, buf_d;
  logic                   busy_q, busy_d, bank_q, bank_d;
  logic [2:0]             row_q, row_d;
  logic                   take;

  assign fin_ready_o = !busy_q || (row_q == 3'd7);
  assign take        = fin_valid_i && fin_ready_o;

  always_comb begin
    buf_d  = buf_q;
    busy_d = busy_q;
    bank_d = bank_q;
    row_d  = row_q;
    if (busy_q) begin
      row_d = row_q + 3'd1;
      if (row_q == 3'd7) busy_d = 1'b0;
    end
    if (take) begin
      buf_d  = acc_i;
      busy_d = 1'b1;
      bank_d = fin_bank_i;
      row_d  = '0;
    end
  end

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      buf_q  <= '0;
      busy_q <= 1'b0;
      bank_q <= 1'b0;
      row_q  <= '0;
    end else begin
      buf_q  <= buf_d;
      busy_q <= busy_d;
      bank_q <= bank_d;
      row_q  <= row_d;
    end
  end

  // The adders' internals are not traced; the row they produce is (row_data_o).
  /* verilator tracing_off */

  // ---- One row: 8 outputs, each a tree over its lanes ---------------------------------------------------
  logic [RowW-1:0] row_acc;
  fp_flags_t       out_flags[8];
  assign row_acc = buf_q[RowW*row_q+:RowW];

  for (genvar j = 0; j < 8; j++) begin : gen_out
    logic [32*KLanes-1:0] x;
    assign x = row_acc[32*KLanes*j+:32*KLanes];
    if (KLanes == 1) begin : gen_one
      assign row_data_o[32*j+:32] = x;
      assign out_flags[j]         = FP_FLAGS_NONE;
    end else if (KLanes == 2) begin : gen_two
      fp_flags_t f01;
      nd_fp_fma #(.SigW(24)) u_add01 (
        .clk_i, .rst_ni, .a_i(x[31:0]), .b_i(F32_ONE), .c_i(x[63:32]), .res_o(row_data_o[32*j+:32]),
        .flags_o(f01)
      );
      assign out_flags[j] = f01;
    end else begin : gen_four
      logic [31:0] s01, s23;
      fp_flags_t   f01, f23, fs;
      nd_fp_fma #(.SigW(24)) u_add01 (
        .clk_i, .rst_ni, .a_i(x[31:0]), .b_i(F32_ONE), .c_i(x[63:32]), .res_o(s01), .flags_o(f01)
      );
      nd_fp_fma #(.SigW(24)) u_add23 (
        .clk_i, .rst_ni, .a_i(x[95:64]), .b_i(F32_ONE), .c_i(x[127:96]), .res_o(s23), .flags_o(f23)
      );
      nd_fp_fma #(.SigW(24)) u_add (
        .clk_i, .rst_ni, .a_i(s01), .b_i(F32_ONE), .c_i(s23), .res_o(row_data_o[32*j+:32]), .flags_o(fs)
      );
      assign out_flags[j] = f01 | f23 | fs;
    end
  end

  always_comb begin
    flags_o = FP_FLAGS_NONE;
    if (busy_q) begin
      for (int unsigned j = 0; j < 8; j++) flags_o = flags_o | out_flags[j];
    end
  end

  assign we_o   = busy_q;
  assign bank_o = bank_q;
  assign row_o  = row_q;
  assign done_o = busy_q && (row_q == 3'd7);
  assign idle_o = !busy_q;

  `ND_STATIC_ASSERT(gen_check_klanes, KLanes == 1 || KLanes == 2 || KLanes == 4,
                    "nd_mxu_reduce: KLanes must be 1, 2 or 4")

endmodule
