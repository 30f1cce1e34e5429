// Matrix unit (MXU): 8 x 8 FP32 output tiles from BF16 / CFP8 panels, KLanes products per output per clock,
// bit-exact to the golden model (docs/mxu.md, docs/numerics.md). This top holds the command queue, the
// dispatcher (CFG / SHAPE state, per-bank sequence counters that order the engines), the two C banks, the
// sticky flags, the error record and the counters, around the fetcher, the array, the reducer and the
// store engine.
//
// Interfaces (all synchronous to clk_i, asynchronous active-low reset):
// - Commands: cmd_valid_i / cmd_ready_o / cmd_i (core_cmd_t layout {funct7, funct3, rs1, rs2}); valid and
//   payload are held until ready (checked by the queue). busy_o is high while a command is queued or
//   running; it rises in the cycle after a command is accepted.
// - SRAM read channel: rd_req_o / rd_addr_o (128-byte line) held until rd_gnt_i; one rd_rsp_valid_i /
//   rd_rsp_data_i per granted read, in order, >= 1 cycle after the grant, never refused.
// - SRAM write channel: wr_req_o / wr_addr_o (32-byte word) / wr_data_o / wr_be_o held until wr_gnt_i; the
//   write happens at the grant, no response.
// - Observation: the sticky flags, the error record and the counters of the status block (docs/mxu.md).
// Reset clears everything, queued commands included; the memory must drop the responses still due.
`include "nd_assert.svh"

module nd_mxu import nd_fp_pkg::*; #(
  parameter int unsigned KLanes = 4,
  parameter int unsigned QueueDepth = 4,
  parameter int unsigned LineDepth = 4,
  parameter int unsigned MemBytes = 262144
) (
  input  logic          clk_i,
  input  logic          rst_ni,
  // command queue
  input  logic          cmd_valid_i,
  output logic          cmd_ready_o,
  input  logic [73:0]   cmd_i,
  output logic          busy_o,
  // SRAM read channel
  output logic          rd_req_o,
  output logic [31:0]   rd_addr_o,
  input  logic          rd_gnt_i,
  input  logic          rd_rsp_valid_i,
  input  logic [1023:0] rd_rsp_data_i,
  // SRAM write channel
  output logic          wr_req_o,
  output logic [31:0]   wr_addr_o,
  output logic [255:0]  wr_data_o,
  output logic [31:0]   wr_be_o,
  input  logic          wr_gnt_i,
  // observation
  output logic [5:0]    flags_o,
  output logic          error_o,
  output logic [2:0]    error_code_o,
  output logic [31:0]   cnt_cmds_o,
  output logic [31:0]   cnt_busy_o,
  output logic [31:0]   cnt_mac_o,
  output logic [31:0]   cnt_stall_operand_o,
  output logic [31:0]   cnt_stall_queue_o,
  output logic [31:0]   cnt_stall_store_o
);
  `include "nd_mxu_types.svh"

  `ND_STATIC_ASSERT(gen_check_klanes, KLanes == 1 || KLanes == 2 || KLanes == 4, "nd_mxu: KLanes must be 1, 2 or 4")
  `ND_STATIC_ASSERT(gen_check_queue, QueueDepth >= 1, "nd_mxu: QueueDepth must be at least 1")


  // ---- Command queue and decode ---------------------------------------------------------------------------
  logic        q_valid, q_pop;
  logic [$clog2(QueueDepth+1)-1:0] unused_q_usage;
  logic [73:0] q_cmd;
  nd_fifo #(.Width(74), .Depth(QueueDepth)) u_queue (
    .clk_i, .rst_ni,
    .valid_i (cmd_valid_i),
    .ready_o (cmd_ready_o),
    .data_i  (cmd_i),
    .valid_o (q_valid),
    .ready_i (q_pop),
    .data_o  (q_cmd),
    .usage_o (unused_q_usage)
  );

  logic [6:0]  f7;
  logic [2:0]  f3;
  logic [31:0] rs1, rs2;
  assign {f7, f3, rs1, rs2} = q_cmd;

  mxu_cfg_t    cfg_q, cfg_d;
  logic [15:0] k_q, k_d, a_stride_q, a_stride_d, b_stride_q, b_stride_d;
  mxu_op_e     op;
  mxu_err_e    err;
  mxu_panel_t  a_pan, b_pan;
  logic [2:0]  op_raw, err_raw;
  logic [58:0] a_raw, b_raw;
  nd_mxu_decode #(.MemBytes(MemBytes)) u_decode (
    .clk_i, .rst_ni,
    .cmd_i      (q_cmd),
    .cfg_i      (cfg_q),
    .k_i        (k_q),
    .a_stride_i (a_stride_q),
    .b_stride_i (b_stride_q),
    .op_o       (op_raw),
    .err_o      (err_raw),
    .a_o        (a_raw),
    .b_o        (b_raw)
  );
  assign op    = mxu_op_e'(op_raw);
  assign err   = mxu_err_e'(err_raw);
  assign a_pan = mxu_panel_t'(a_raw);
  assign b_pan = mxu_panel_t'(b_raw);

  // ---- Engines' handshakes and status ---------------------------------------------------------------------
  logic fetch_ready, array_ready, store_ready;
  logic fetch_idle, array_idle, reduce_idle, store_idle, all_idle;
  logic status_busy_q, status_busy_d;  // a STATUS is in the store engine: nothing else dispatches
  logic legal, can_go, dispatch, bank;
  logic [5:0] mac_iss_q, mac_iss_d, mac_done_q, mac_done_d, st_iss_q, st_iss_d, st_done_q, st_done_d;
  logic [2:0] need_mac, need_st;

  assign all_idle = fetch_idle && array_idle && reduce_idle && store_idle;
  assign legal    = err == MxuErrNone;
  assign bank     = f7[0];
  assign need_mac = mac_iss_q[3*bank+:3];
  assign need_st  = st_iss_q[3*bank+:3];

  always_comb begin
    unique case (op)
      MxuOpCfg:    can_go = !f7[0] || store_ready;
      MxuOpShape:  can_go = 1'b1;
      MxuOpMac:    can_go = fetch_ready && array_ready;
      MxuOpZero:   can_go = fetch_ready;
      MxuOpLoad:   can_go = fetch_ready;
      MxuOpStore:  can_go = store_ready;
      MxuOpStatus: can_go = all_idle;
      default:     can_go = 1'b0;
    endcase
  end
  assign dispatch = q_valid && !status_busy_q && legal && can_go;
  assign q_pop    = q_valid && !status_busy_q && (!legal || can_go);

  // Jobs.
  mxu_fetch_job_t fjob;
  mxu_array_job_t ajob;
  mxu_store_job_t sjob;
  logic           fjob_valid, ajob_valid, sjob_valid;
  always_comb begin
    fjob = '{kind: (op == MxuOpMac) ? MxuFetchMac : (op == MxuOpZero) ? MxuFetchZero : MxuFetchLoad,
             bank: bank, need_mac: need_mac, need_st: need_st, a: a_pan, b: b_pan, addr: rs1, stride: rs2};
    ajob = '{bank: bank, zero: f7[1], need_mac: need_mac, need_st: need_st, k: k_q, a_r0: a_pan.r0,
             b_r0: b_pan.r0, a_fmt: cfg_q.a_fmt, b_fmt: cfg_q.b_fmt, a_bias: cfg_q.a_bias, b_bias: cfg_q.b_bias};
    sjob = '{kind: (op == MxuOpStore) ? MxuStoreTile : (op == MxuOpStatus) ? MxuStoreStatus : MxuStoreSeed,
             bank: bank, need_mac: need_mac, addr: rs1, stride: rs2, out_fmt: cfg_q.out_fmt,
             out_bias: cfg_q.out_bias, rnd: cfg_q.rnd, clear_flags: f7[0], clear_cnt: f7[1], seed: rs2};
    fjob_valid = dispatch && (op == MxuOpMac || op == MxuOpZero || op == MxuOpLoad);
    ajob_valid = dispatch && (op == MxuOpMac);
    sjob_valid = dispatch && (op == MxuOpStore || op == MxuOpStatus || (op == MxuOpCfg && f7[0]));
  end

  // State of CFG / SHAPE.
  always_comb begin
    cfg_d      = cfg_q;
    k_d        = k_q;
    a_stride_d = a_stride_q;
    b_stride_d = b_stride_q;
    if (dispatch && op == MxuOpCfg) cfg_d = mxu_cfg_t'(rs1[25:0]);
    if (dispatch && op == MxuOpShape) begin
      k_d        = rs1[15:0];
      a_stride_d = rs2[15:0];
      b_stride_d = rs2[31:16];
    end
  end

  // ---- Line buffers, fetcher, array, reducer, store engine -------------------------------------------------
  logic [1023:0] line, a_line0, a_line1, b_line0, b_line1;
  logic          a_push, b_push, a_valid0, a_valid1, b_valid0, b_valid1;
  logic [1:0]    a_pop, b_pop;
  logic [$clog2(LineDepth+1)-1:0] unused_a_usage, unused_b_usage;

  nd_mxu_line_buf #(.Depth(LineDepth)) u_abuf (
    .clk_i, .rst_ni, .push_i(a_push), .line_i(line), .pop_i(a_pop),
    .line0_o(a_line0), .line1_o(a_line1), .valid0_o(a_valid0), .valid1_o(a_valid1), .usage_o(unused_a_usage)
  );
  nd_mxu_line_buf #(.Depth(LineDepth)) u_bbuf (
    .clk_i, .rst_ni, .push_i(b_push), .line_i(line), .pop_i(b_pop),
    .line0_o(b_line0), .line1_o(b_line1), .valid0_o(b_valid0), .valid1_o(b_valid1), .usage_o(unused_b_usage)
  );

  logic         zero_ev, zero_bank, c_we, c_bank, load_done;
  logic [2:0]   c_row;
  logic [255:0] c_data;
  nd_mxu_fetch #(.LineDepth(LineDepth)) u_fetch (
    .clk_i, .rst_ni,
    .job_valid_i (fjob_valid), .job_ready_o (fetch_ready), .job_i (fjob),
    .mac_done_i (mac_done_q), .st_done_i (st_done_q),
    .a_pop_i (a_pop), .b_pop_i (b_pop), .a_push_o (a_push), .b_push_o (b_push), .line_o (line),
    .zero_o (zero_ev), .zero_bank_o (zero_bank),
    .c_we_o (c_we), .c_bank_o (c_bank), .c_row_o (c_row), .c_data_o (c_data), .load_done_o (load_done),
    .rd_req_o, .rd_addr_o, .rd_gnt_i, .rd_rsp_valid_i, .rd_rsp_data_i,
    .idle_o (fetch_idle)
  );

  logic [2047:0]          cbank_q[2], cbank_d[2];
  logic                   arr_c_bank, fin_valid, fin_bank, fin_ready, red_ready, fin_st_ok;
  logic [2:0]             fin_need_st;
  logic [2048*KLanes-1:0] acc;
  logic                   step, stall_operand, stall_wait, arr_has_job;
  fp_flags_t              arr_flags, red_flags, st_flags;
  nd_mxu_array #(.KLanes(KLanes)) u_array (
    .clk_i, .rst_ni,
    .job_valid_i (ajob_valid), .job_ready_o (array_ready), .job_i (ajob),
    .mac_done_i (mac_done_q),
    .a_line0_i (a_line0), .a_line1_i (a_line1), .a_valid0_i (a_valid0), .a_valid1_i (a_valid1),
    .a_pop_o (a_pop),
    .b_line0_i (b_line0), .b_line1_i (b_line1), .b_valid0_i (b_valid0), .b_valid1_i (b_valid1),
    .b_pop_o (b_pop),
    .c_bank_o (arr_c_bank), .c_init_i (cbank_q[arr_c_bank]),
    .fin_valid_o (fin_valid), .fin_bank_o (fin_bank), .fin_need_st_o (fin_need_st), .fin_ready_i (fin_ready),
    .acc_o (acc),
    .step_o (step), .stall_operand_o (stall_operand), .stall_wait_o (stall_wait), .has_job_o (arr_has_job),
    .idle_o (array_idle), .flags_o (arr_flags)
  );

  logic         red_we, red_bank, red_done;
  logic [2:0]   red_row;
  logic [255:0] red_data;
  nd_mxu_reduce #(.KLanes(KLanes)) u_reduce (
    .clk_i, .rst_ni,
    .fin_valid_i (fin_valid && fin_st_ok), .fin_ready_o (red_ready), .fin_bank_i (fin_bank), .acc_i (acc),
    .we_o (red_we), .bank_o (red_bank), .row_o (red_row), .row_data_o (red_data), .done_o (red_done),
    .idle_o (reduce_idle), .flags_o (red_flags)
  );

  logic         st_rd_bank, st_done_ev, st_bank, status_done, clear_flags, clear_cnt, st_tile;
  logic [2:0]   st_rd_row;
  logic [255:0] status_q, status_d;  // status block, captured when the STATUS dispatches
  nd_mxu_store u_store (
    .clk_i, .rst_ni,
    .job_valid_i (sjob_valid), .job_ready_o (store_ready), .job_i (sjob), .mac_done_i (mac_done_q),
    .rd_bank_o (st_rd_bank), .rd_row_o (st_rd_row), .row_i (cbank_q[st_rd_bank][256*st_rd_row+:256]),
    .status_i (status_q),
    .wr_req_o, .wr_addr_o, .wr_data_o, .wr_be_o, .wr_gnt_i,
    .st_done_o (st_done_ev), .st_bank_o (st_bank), .status_done_o (status_done),
    .clear_flags_o (clear_flags), .clear_cnt_o (clear_cnt), .idle_o (store_idle), .tile_o (st_tile),
    .flags_o (st_flags)
  );

  // The reduced tile may only be written once the earlier stores of its bank have read it.
  assign fin_st_ok = st_done_q[3*fin_bank+:3] == fin_need_st;
  assign fin_ready = red_ready && fin_st_ok;

  // ---- C banks ------------------------------------------------------------------------------------------------
  always_comb begin
    for (int unsigned b = 0; b < 2; b++) begin
      cbank_d[b] = cbank_q[b];
      if (zero_ev && zero_bank == 1'(b)) cbank_d[b] = '0;
      if (c_we && c_bank == 1'(b)) cbank_d[b][256*c_row+:256] = c_data;
      if (red_we && red_bank == 1'(b)) cbank_d[b][256*red_row+:256] = red_data;
    end
  end

  // ---- Sequence counters ------------------------------------------------------------------------------------------
  always_comb begin
    mac_iss_d  = mac_iss_q;
    st_iss_d   = st_iss_q;
    mac_done_d = mac_done_q;
    st_done_d  = st_done_q;
    for (int unsigned b = 0; b < 2; b++) begin
      if (fjob_valid && bank == 1'(b)) mac_iss_d[3*b+:3] = mac_iss_q[3*b+:3] + 3'd1;
      if (dispatch && op == MxuOpStore && bank == 1'(b)) st_iss_d[3*b+:3] = st_iss_q[3*b+:3] + 3'd1;
      mac_done_d[3*b+:3] = mac_done_q[3*b+:3] + 3'(zero_ev && zero_bank == 1'(b)) +
                           3'(load_done && c_bank == 1'(b)) + 3'(red_done && red_bank == 1'(b));
      if (st_done_ev && st_bank == 1'(b)) st_done_d[3*b+:3] = st_done_q[3*b+:3] + 3'd1;
    end
  end

  // ---- Flags, error, counters, status block --------------------------------------------------------------------
  fp_flags_t   flags_q, flags_d;
  logic        err_q, err_d;
  logic [2:0]  err_code_q, err_code_d, err_f3_q, err_f3_d;
  logic [6:0]  err_f7_q, err_f7_d;
  logic [31:0] err_rs1_q, err_rs1_d;
  logic [31:0] cnt_q[6], cnt_d[6];  // cmds, busy, mac, stall operand, stall queue, stall store
  logic [5:0]  cnt_inc;
  logic        head_store_blocked;

  assign head_store_blocked = q_valid && legal && !status_busy_q && (op == MxuOpStore) && !store_ready;
  assign busy_o = q_valid || !all_idle || status_busy_q;
  assign cnt_inc[0] = dispatch;
  assign cnt_inc[1] = busy_o;
  assign cnt_inc[2] = step;
  assign cnt_inc[3] = stall_operand;
  assign cnt_inc[4] = busy_o && !step && !arr_has_job && !q_valid;
  assign cnt_inc[5] = busy_o && !step && (stall_wait || (!arr_has_job && head_store_blocked));

  always_comb begin
    flags_d    = flags_q | arr_flags | red_flags | st_flags;
    err_d      = err_q;
    err_code_d = err_code_q;
    err_f3_d   = err_f3_q;
    err_f7_d   = err_f7_q;
    err_rs1_d  = err_rs1_q;
    if (q_pop && !legal && !err_q) begin
      err_d      = 1'b1;
      err_code_d = err;
      err_f3_d   = f3;
      err_f7_d   = f7;
      err_rs1_d  = rs1;
    end
    for (int unsigned c = 0; c < 6; c++) cnt_d[c] = cnt_q[c] + 32'(cnt_inc[c]);
    status_d = status_q;
    if (dispatch && op == MxuOpStatus) begin
      status_d = {cnt_q[5], cnt_q[4], cnt_q[3], cnt_q[2], cnt_q[1], cnt_q[0], err_rs1_q,
                  10'h0, err_f7_q, err_f3_q, err_code_q, err_q, 2'b0, flags_q};
    end
    if (status_done && clear_flags) begin
      flags_d    = FP_FLAGS_NONE;
      err_d      = 1'b0;
      err_code_d = '0;
      err_f3_d   = '0;
      err_f7_d   = '0;
      err_rs1_d  = '0;
    end
    if (status_done && clear_cnt) begin
      for (int unsigned c = 0; c < 6; c++) cnt_d[c] = '0;
    end
  end

  assign status_busy_d = (status_busy_q && !status_done) || (dispatch && op == MxuOpStatus);

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      cfg_q         <= '0;
      k_q           <= 16'd8;
      a_stride_q    <= 16'd1;
      b_stride_q    <= 16'd1;
      mac_iss_q     <= '0;
      mac_done_q    <= '0;
      st_iss_q      <= '0;
      st_done_q     <= '0;
      cbank_q[0]    <= '0;
      cbank_q[1]    <= '0;
      flags_q       <= FP_FLAGS_NONE;
      err_q         <= 1'b0;
      err_code_q    <= '0;
      err_f3_q      <= '0;
      err_f7_q      <= '0;
      err_rs1_q     <= '0;
      status_q      <= '0;
      status_busy_q <= 1'b0;
      for (int unsigned c = 0; c < 6; c++) cnt_q[c] <= '0;
    end else begin
      cfg_q         <= cfg_d;
      k_q           <= k_d;
      a_stride_q    <= a_stride_d;
      b_stride_q    <= b_stride_d;
      mac_iss_q     <= mac_iss_d;
      mac_done_q    <= mac_done_d;
      st_iss_q      <= st_iss_d;
      st_done_q     <= st_done_d;
      cbank_q[0]    <= cbank_d[0];
      cbank_q[1]    <= cbank_d[1];
      flags_q       <= flags_d;
      err_q         <= err_d;
      err_code_q    <= err_code_d;
      err_f3_q      <= err_f3_d;
      err_f7_q      <= err_f7_d;
      err_rs1_q     <= err_rs1_d;
      status_q      <= status_d;
      status_busy_q <= status_busy_d;
      for (int unsigned c = 0; c < 6; c++) cnt_q[c] <= cnt_d[c];
    end
  end

  assign flags_o             = flags_q;
  assign error_o             = err_q;
  assign error_code_o        = err_code_q;
  assign cnt_cmds_o          = cnt_q[0];
  assign cnt_busy_o          = cnt_q[1];
  assign cnt_mac_o           = cnt_q[2];
  assign cnt_stall_operand_o = cnt_q[3];
  assign cnt_stall_queue_o   = cnt_q[4];
  assign cnt_stall_store_o   = cnt_q[5];

  // The engines never write a bank twice in a cycle, nor one that a store is reading (sequence counters).
  `ND_ASSERT(BankWriteConflict_A, !(c_we && red_we && c_bank == red_bank))
  `ND_ASSERT(StoreBankStable_A, !(st_tile && ((red_we && red_bank == st_rd_bank) ||
                                              (c_we && c_bank == st_rd_bank) || (zero_ev && zero_bank == st_rd_bank))))

endmodule
