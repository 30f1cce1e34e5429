// MAC array of the MXU: runs the MAC jobs in order, one step per clock when the operands are there.
// A step takes n = min(KLanes, k left) k-rows of A and of B from the line buffers (rows may straddle the
// two oldest lines), unpacks them to FP32 (BF16 or CFP8 with its bias) and feeds the 8 x 8 PEs; k-row
// r0 + k of a panel goes to lane k mod KLanes, as the golden model's lanes (docs/numerics.md). The first
// step of a job starts lane 0 from the bank's C (c_init_i, or +0 for a zero-start MAC), once every earlier
// MAC / LOAD / ZERO of the bank is done (sequence counters); earlier stores of the bank only read it, so
// they are waited for when the result is written (fin_need_st_o, checked by the top before the reducer
// takes the lanes). After the last step the lanes wait in the PEs until the reducer takes them
// (fin_valid_o / fin_ready_i, same cycle as the next job's first step at best).
//
// Job input: valid/ready (mxu_array_job_t). Line buffers: a_pop_o / b_pop_o lines are removed at the edge.
// flags_o: OR of the unpack flags of the elements used and the FMA flags of the enabled lanes this cycle.
`include "nd_assert.svh"

module nd_mxu_array import nd_fp_pkg::*; #(
  parameter int unsigned KLanes = 4,
  localparam int unsigned JobW = 48
) (
  input  logic                     clk_i,
  input  logic                     rst_ni,
  // jobs
  input  logic                     job_valid_i,
  output logic                     job_ready_o,
  input  logic [JobW-1:0]          job_i,
  // per-bank sequence counter of MAC / LOAD / ZERO completions
  input  logic [5:0]               mac_done_i,
  // line buffers
  input  logic [1023:0]            a_line0_i,
  input  logic [1023:0]            a_line1_i,
  input  logic                     a_valid0_i,
  input  logic                     a_valid1_i,
  output logic [1:0]               a_pop_o,
  input  logic [1023:0]            b_line0_i,
  input  logic [1023:0]            b_line1_i,
  input  logic                     b_valid0_i,
  input  logic                     b_valid1_i,
  output logic [1:0]               b_pop_o,
  // C of the job's bank (lane-0 start)
  output logic                     c_bank_o,
  input  logic [2047:0]            c_init_i,
  // finished lanes to the reducer
  output logic                     fin_valid_o,
  output logic                     fin_bank_o,
  output logic [2:0]               fin_need_st_o,  // stores of the bank that must finish before the write
  input  logic                     fin_ready_i,
  output logic [2048*KLanes-1:0]   acc_o,
  // status
  output logic                     step_o,
  output logic                     stall_operand_o,
  output logic                     stall_wait_o,
  output logic                     has_job_o,
  output logic                     idle_o,
  output fp_flags_t                flags_o
);
  `include "nd_mxu_types.svh"

  `ND_STATIC_ASSERT(gen_check_klanes, KLanes == 1 || KLanes == 2 || KLanes == 4,
                    "nd_mxu_array: KLanes must be 1, 2 or 4")
  `ND_STATIC_ASSERT(gen_check_width, JobW == $bits(mxu_array_job_t), "nd_mxu_array: JobW != job width")

  // ---- Job queue ------------------------------------------------------------------------------------------
  logic            jq_valid, jq_pop;
  logic [1:0]      unused_usage;
  logic [JobW-1:0] jq_data;
  mxu_array_job_t  job;
  nd_fifo #(.Width(JobW), .Depth(2), .CheckHold(1'b0)) u_jobs (
    .clk_i, .rst_ni,
    .valid_i (job_valid_i),
    .ready_o (job_ready_o),
    .data_i  (job_i),
    .valid_o (jq_valid),
    .ready_i (jq_pop),
    .data_o  (jq_data),
    .usage_o (unused_usage)
  );
  assign job = mxu_array_job_t'(jq_data);

  // ---- Step control -------------------------------------------------------------------------------------
  logic [15:0] kdone_q, kdone_d, rem;
  logic [3:0]  pa_q, pa_d, pb_q, pb_d;  // k-row of the oldest line where the next step starts
  logic        fin_q, fin_d, fin_bank_q, fin_bank_d;
  logic [2:0]  fin_st_q, fin_st_d;
  logic        first, last, cfp8, hz_ok, fin_block, a_ok, b_ok, go;
  logic [2:0]  n;                       // k-rows in this step
  logic [4:0]  pa, pb, pa_end, pb_end, g;

  assign first = kdone_q == '0;
  assign rem   = job.k - kdone_q;
  assign last  = rem <= 16'(KLanes);
  assign n     = last ? rem[2:0] : 3'(KLanes);
  assign cfp8  = job.a_fmt != 2'd0;
  assign g     = cfp8 ? 5'd16 : 5'd8;
  assign pa    = {1'b0, first ? job.a_r0 : pa_q};
  assign pb    = {1'b0, first ? job.b_r0 : pb_q};
  assign pa_end = pa + 5'(n);
  assign pb_end = pb + 5'(n);

  assign hz_ok     = mac_done_i[3*job.bank+:3] == job.need_mac;
  assign fin_block = fin_q && !fin_ready_i;
  assign a_ok      = a_valid0_i && (pa_end <= g || a_valid1_i);
  assign b_ok      = b_valid0_i && (pb_end <= g || b_valid1_i);
  assign go        = jq_valid && hz_ok && !fin_block && a_ok && b_ok;

  always_comb begin
    kdone_d    = kdone_q;
    pa_d       = pa_q;
    pb_d       = pb_q;
    jq_pop     = 1'b0;
    a_pop_o    = 2'd0;
    b_pop_o    = 2'd0;
    fin_d      = fin_q && !fin_ready_i;
    fin_bank_d = fin_bank_q;
    fin_st_d   = fin_st_q;
    if (go) begin
      pa_d = 4'(pa_end & (g - 5'd1));
      pb_d = 4'(pb_end & (g - 5'd1));
      if (last) begin
        kdone_d    = '0;
        jq_pop     = 1'b1;
        a_pop_o    = (pa_end > g) ? 2'd2 : 2'd1;
        b_pop_o    = (pb_end > g) ? 2'd2 : 2'd1;
        fin_d      = 1'b1;
        fin_bank_d = job.bank;
        fin_st_d   = job.need_st;
      end else begin
        kdone_d = kdone_q + 16'(n);
        a_pop_o = (pa_end >= g) ? 2'd1 : 2'd0;
        b_pop_o = (pb_end >= g) ? 2'd1 : 2'd0;
      end
    end
  end

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      kdone_q    <= '0;
      pa_q       <= '0;
      pb_q       <= '0;
      fin_q      <= 1'b0;
      fin_bank_q <= 1'b0;
      fin_st_q   <= '0;
    end else begin
      kdone_q    <= kdone_d;
      pa_q       <= pa_d;
      pb_q       <= pb_d;
      fin_q      <= fin_d;
      fin_bank_q <= fin_bank_d;
      fin_st_q   <= fin_st_d;
    end
  end

  // The per-lane and per-element wires and the converters are not traced (they would dominate the model's
  // size); the step control above and the ports are.
  /* verilator tracing_off */

  // ---- Row select and unpack ------------------------------------------------------------------------------
  // Lane l takes k-row pa + l: from the oldest line below G, else from the second one.
  logic [KLanes-1:0]    en;
  logic [32*KLanes-1:0] a_f32[8], b_f32[8];  // [element] lanes packed
  fp_flags_t            unpack_flags[KLanes];

  for (genvar l = 0; l < KLanes; l++) begin : gen_lane
    logic [4:0]    qa, qb;
    logic [1023:0] la, lb;
    logic [127:0]  ra, rb;  // the k-row: BF16 8 x 16 bits, CFP8 8 x 8 bits in [63:0]
    fp_flags_t     fa[8], fb[8];
    fp_flags_t     lane_fl;
    assign en[l] = 3'(l) < n;
    assign qa    = pa + 5'(l);
    assign qb    = pb + 5'(l);
    assign la    = (qa < g) ? a_line0_i : a_line1_i;
    assign lb    = (qb < g) ? b_line0_i : b_line1_i;
    assign ra    = cfp8 ? {64'h0, la[64*qa[3:0]+:64]} : la[128*qa[2:0]+:128];
    assign rb    = cfp8 ? {64'h0, lb[64*qb[3:0]+:64]} : lb[128*qb[2:0]+:128];

    for (genvar e = 0; e < 8; e++) begin : gen_elem
      logic [31:0] a_bf, a_c8, b_bf, b_c8;
      fp_flags_t   fa_bf, fa_c8, fb_bf, fb_c8;
      nd_fp_bf16_to_f32 u_a_bf16 (.clk_i, .rst_ni, .bf16_i(ra[16*e+:16]), .f32_o(a_bf), .flags_o(fa_bf));
      nd_fp_bf16_to_f32 u_b_bf16 (.clk_i, .rst_ni, .bf16_i(rb[16*e+:16]), .f32_o(b_bf), .flags_o(fb_bf));
      nd_fp_cfp8_to_f32 u_a_cfp8 (
        .clk_i, .rst_ni, .cfp8_i(ra[8*e+:8]), .fmt_i(cfp8_fmt_e'(job.a_fmt == 2'd2)), .bias_i(job.a_bias),
        .f32_o(a_c8), .flags_o(fa_c8)
      );
      nd_fp_cfp8_to_f32 u_b_cfp8 (
        .clk_i, .rst_ni, .cfp8_i(rb[8*e+:8]), .fmt_i(cfp8_fmt_e'(job.b_fmt == 2'd2)), .bias_i(job.b_bias),
        .f32_o(b_c8), .flags_o(fb_c8)
      );
      assign a_f32[e][32*l+:32] = cfp8 ? a_c8 : a_bf;
      assign b_f32[e][32*l+:32] = cfp8 ? b_c8 : b_bf;
      assign fa[e] = cfp8 ? fa_c8 : fa_bf;
      assign fb[e] = cfp8 ? fb_c8 : fb_bf;
    end

    always_comb begin
      lane_fl = FP_FLAGS_NONE;
      for (int unsigned e = 0; e < 8; e++) lane_fl = lane_fl | fa[e] | fb[e];
    end
    assign unpack_flags[l] = (go && en[l]) ? lane_fl : FP_FLAGS_NONE;
  end

  // ---- PEs --------------------------------------------------------------------------------------------------
  fp_flags_t pe_flags[64];
  for (genvar i = 0; i < 8; i++) begin : gen_row
    for (genvar j = 0; j < 8; j++) begin : gen_col
      nd_mxu_pe #(.KLanes(KLanes)) u_pe (
        .clk_i, .rst_ni,
        .step_i   (go),
        .first_i  (first),
        .en_i     (en),
        .a_i      (a_f32[i]),
        .b_i      (b_f32[j]),
        .c_init_i (job.zero ? 32'h0 : c_init_i[32*(8*i+j)+:32]),
        .acc_o    (acc_o[32*KLanes*(8*i+j)+:32*KLanes]),
        .flags_o  (pe_flags[8*i+j])
      );
    end
  end

  always_comb begin
    flags_o = FP_FLAGS_NONE;
    for (int unsigned l = 0; l < KLanes; l++) flags_o = flags_o | unpack_flags[l];
    for (int unsigned p = 0; p < 64; p++) flags_o = flags_o | pe_flags[p];
  end

  assign c_bank_o        = job.bank;
  assign fin_valid_o     = fin_q;
  assign fin_bank_o      = fin_bank_q;
  assign fin_need_st_o   = fin_st_q;
  assign step_o          = go;
  assign stall_operand_o = jq_valid && hz_ok && !fin_block && !(a_ok && b_ok);
  assign stall_wait_o    = jq_valid && (!hz_ok || fin_block);
  assign has_job_o       = jq_valid;
  assign idle_o          = !jq_valid && !fin_q;

  `ND_ASSERT(JobHasK_A, !jq_valid || job.k != '0)
  `ND_ASSERT(OperandFormatsMatch_A, !jq_valid || ((job.a_fmt == 2'd0) == (job.b_fmt == 2'd0)))

endmodule
