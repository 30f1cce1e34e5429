// One output of the MXU array: KLanes FP32 lane accumulators, each fed by one nd_fp_fma (SigW = 8).
// On a step (step_i), lane l with en_i[l] computes acc_l = fma(a_l, b_l, c_l), where c_l is the lane's
// accumulator, or on a command's first step (first_i) its initial value: c_init_i for lane 0, +0 for the
// others. A lane without en_i keeps c_l (so on a first step it takes its initial value). flags_o is the
// OR of the enabled lanes' FMA flags in a step cycle (zero otherwise).
//
// Contract: a_i / b_i lanes are FP32 images of BF16 / CFP8 values (low 16 fraction bits zero); acc_o is
// the registered accumulators (lane l in bits [32l+31:32l]). Replicated 64 times: one C++ class in the
// model, no run-time functions here (docs/development.md, "Replicated modules").
`include "nd_assert.svh"

module nd_mxu_pe import nd_fp_pkg::*; #(
  parameter int unsigned KLanes = 4
) (
  input  logic                   clk_i,
  input  logic                   rst_ni,
  input  logic                   step_i,
  input  logic                   first_i,
  input  logic [KLanes-1:0]      en_i,
  input  logic [32*KLanes-1:0]   a_i,
  input  logic [32*KLanes-1:0]   b_i,
  input  logic [31:0]            c_init_i,
  output logic [32*KLanes-1:0]   acc_o,
  output fp_flags_t              flags_o
);
  /* verilator no_inline_module */
  // Not traced (64 copies of KLanes FMAs would dominate the model's size); acc_o is traced by the array.
  /* verilator tracing_off */

  logic [32*KLanes-1:0] acc_q, acc_d;
  fp_flags_t            lane_flags[KLanes];

  for (genvar l = 0; l < KLanes; l++) begin : gen_lane
    logic [31:0] c, res;
    fp_flags_t   fl;
    if (l == 0) begin : gen_c0
      assign c = first_i ? c_init_i : acc_q[31:0];
    end else begin : gen_cn
      assign c = first_i ? 32'h0 : acc_q[32*l+:32];
    end
    nd_fp_fma #(.SigW(8)) u_fma (
      .clk_i, .rst_ni,
      .a_i     (a_i[32*l+:32]),
      .b_i     (b_i[32*l+:32]),
      .c_i     (c),
      .res_o   (res),
      .flags_o (fl)
    );
    assign acc_d[32*l+:32] = !step_i ? acc_q[32*l+:32] : (en_i[l] ? res : c);
    assign lane_flags[l]   = (step_i && en_i[l]) ? fl : FP_FLAGS_NONE;
  end

  always_comb begin
    flags_o = FP_FLAGS_NONE;
    for (int unsigned l = 0; l < KLanes; l++) flags_o = flags_o | lane_flags[l];
  end

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      acc_q <= '0;
    end else begin
      acc_q <= acc_d;
    end
  end

  assign acc_o = acc_q;

endmodule
