// Store engine of the MXU: runs the store jobs in order on the SRAM write channel (docs/mxu.md).
// - STORE: once the bank's earlier MAC / LOAD / ZERO are done, writes the 8 rows of the bank, row r at
//   addr + r * stride, in the output format: FP32 as is, or through 8 narrowing units per row (BF16 or
//   CFP8 with its bias, RNE or stochastic). Under stochastic rounding element e of a row takes R from the
//   e+1-th xorshift32 step after the current state, and a granted row advances the state by 8: one step
//   per element in row-major order, as the golden model's encoders.
// - STATUS: writes the 32-byte status block status_i; status_done_o (with the clear bits) at the grant.
// - SEED: loads the generator (seed 0 becomes 0x9E3779B9), one cycle.
//
// Job input: valid/ready (mxu_store_job_t). Write channel: wr_req_o with address, data and byte enables
// depends only on registers and the bank contents, which do not change while a store of that bank runs;
// all are held until wr_gnt_i. rd_bank_o / rd_row_o select the bank row on row_i (combinational).
`include "nd_assert.svh"

module nd_mxu_store import nd_fp_pkg::*; #(
  localparam int unsigned JobW = 113
) (
  input  logic            clk_i,
  input  logic            rst_ni,
  // jobs
  input  logic            job_valid_i,
  output logic            job_ready_o,
  input  logic [JobW-1:0] job_i,
  input  logic [5:0]      mac_done_i,
  // bank row read, status block
  output logic            rd_bank_o,
  output logic [2:0]      rd_row_o,
  input  logic [255:0]    row_i,
  input  logic [255:0]    status_i,
  // SRAM write channel
  output logic            wr_req_o,
  output logic [31:0]     wr_addr_o,
  output logic [255:0]    wr_data_o,
  output logic [31:0]     wr_be_o,
  input  logic            wr_gnt_i,
  // completion
  output logic            st_done_o,
  output logic            st_bank_o,
  output logic            status_done_o,
  output logic            clear_flags_o,
  output logic            clear_cnt_o,
  output logic            idle_o,
  output logic            tile_o,  // a STORE is writing (its bank must not change)
  output fp_flags_t       flags_o
);
  `include "nd_mxu_types.svh"

  `ND_STATIC_ASSERT(gen_check_width, JobW == $bits(mxu_store_job_t), "nd_mxu_store: JobW != job width")

  localparam logic [31:0] ZERO_SEED_REPLACEMENT = 32'h9E37_79B9;

  // ---- Job queue ------------------------------------------------------------------------------------------
  logic            jq_valid, jq_pop;
  logic [1:0]      unused_usage;
  logic [JobW-1:0] jq_data;
  mxu_store_job_t  job;
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
  assign job = mxu_store_job_t'(jq_data);

  // ---- Generator: 8 steps per row -------------------------------------------------------------------------
  logic [31:0] state_q, state_d, state_next;
  logic [15:0] rand16[8];  // R of element e: upper half of the (e+1)-th step
  always_comb begin
    logic [31:0] s;
    s = state_q;
    for (int unsigned e = 0; e < 8; e++) begin
      s = s ^ (s << 13);
      s = s ^ (s >> 17);
      s = s ^ (s << 5);
      rand16[e] = s[31:16];
    end
    state_next = s;
  end

  // ---- Row conversion ---------------------------------------------------------------------------------------
  logic        rnd_sr;
  logic [15:0] bf16[8];
  logic [7:0]  cfp8[8];
  fp_flags_t   fl_bf16[8], fl_cfp8[8];
  assign rnd_sr = job.rnd;
  for (genvar e = 0; e < 8; e++) begin : gen_elem
    nd_fp_f32_to_bf16 u_bf16 (
      .clk_i, .rst_ni,
      .f32_i      (row_i[32*e+:32]),
      .rnd_mode_i (fp_rnd_e'(rnd_sr)),
      .rand_i     (rand16[e]),
      .bf16_o     (bf16[e]),
      .flags_o    (fl_bf16[e])
    );
    nd_fp_f32_to_cfp8 u_cfp8 (
      .clk_i, .rst_ni,
      .f32_i      (row_i[32*e+:32]),
      .fmt_i      (cfp8_fmt_e'(job.out_fmt == 2'd3)),
      .bias_i     (job.out_bias),
      .rnd_mode_i (fp_rnd_e'(rnd_sr)),
      .rand_i     (rand16[e]),
      .cfp8_o     (cfp8[e]),
      .flags_o    (fl_cfp8[e])
    );
  end

  logic [255:0] row_bytes;  // the row's bytes from byte 0
  logic [31:0]  row_be;     // its byte lanes from byte 0
  fp_flags_t    row_flags;
  always_comb begin
    row_bytes = row_i;
    row_be    = 32'hFFFF_FFFF;
    row_flags = FP_FLAGS_NONE;
    unique case (job.out_fmt)
      2'd0: begin
      end
      2'd1: begin
        row_bytes = {128'h0, bf16[7], bf16[6], bf16[5], bf16[4], bf16[3], bf16[2], bf16[1], bf16[0]};
        row_be    = 32'h0000_FFFF;
        for (int unsigned e = 0; e < 8; e++) row_flags = row_flags | fl_bf16[e];
      end
      default: begin
        row_bytes = {192'h0, cfp8[7], cfp8[6], cfp8[5], cfp8[4], cfp8[3], cfp8[2], cfp8[1], cfp8[0]};
        row_be    = 32'h0000_00FF;
        for (int unsigned e = 0; e < 8; e++) row_flags = row_flags | fl_cfp8[e];
      end
    endcase
  end

  // ---- Sequencing -------------------------------------------------------------------------------------------
  logic [2:0]  row_q, row_d;
  logic [31:0] addr_q, addr_d, cur_addr;
  logic        hz_ok, tile_go, status_go, granted;
  assign cur_addr  = (row_q == '0) ? job.addr : addr_q;
  assign hz_ok     = mac_done_i[3*job.bank+:3] == job.need_mac;
  assign tile_go   = jq_valid && (job.kind == MxuStoreTile) && hz_ok;
  assign status_go = jq_valid && (job.kind == MxuStoreStatus);
  assign granted   = (tile_go || status_go) && wr_gnt_i;

  always_comb begin
    wr_req_o  = tile_go || status_go;
    wr_addr_o = {cur_addr[31:5], 5'b0};
    wr_data_o = status_go ? status_i : (row_bytes << {cur_addr[4:0], 3'b0});
    wr_be_o   = status_go ? 32'hFFFF_FFFF : (row_be << cur_addr[4:0]);
  end

  always_comb begin
    state_d       = state_q;
    row_d         = row_q;
    addr_d        = addr_q;
    jq_pop        = 1'b0;
    st_done_o     = 1'b0;
    status_done_o = 1'b0;
    flags_o       = FP_FLAGS_NONE;
    if (jq_valid && job.kind == MxuStoreSeed) begin
      state_d = (job.seed == '0) ? ZERO_SEED_REPLACEMENT : job.seed;
      jq_pop  = 1'b1;
    end else if (granted && status_go) begin
      status_done_o = 1'b1;
      jq_pop        = 1'b1;
    end else if (granted) begin
      row_d   = row_q + 3'd1;
      addr_d  = cur_addr + job.stride;
      flags_o = row_flags;
      if (rnd_sr && job.out_fmt != 2'd0) state_d = state_next;
      if (row_q == 3'd7) begin
        st_done_o = 1'b1;
        jq_pop    = 1'b1;
      end
    end
  end

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      state_q <= 32'h0000_0001;
      row_q   <= '0;
      addr_q  <= '0;
    end else begin
      state_q <= state_d;
      row_q   <= row_d;
      addr_q  <= addr_d;
    end
  end

  assign rd_bank_o     = job.bank;
  assign rd_row_o      = row_q;
  assign st_bank_o     = job.bank;
  assign clear_flags_o = job.clear_flags;
  assign clear_cnt_o   = job.clear_cnt;
  assign idle_o        = !jq_valid;
  assign tile_o        = tile_go;

  `ND_ASSERT(WriteRequestHeld_A, wr_req_o && !wr_gnt_i |=> wr_req_o && $stable(wr_addr_o) && $stable(wr_data_o))
  `ND_ASSERT(StateNonZero_A, state_q != '0)

endmodule
