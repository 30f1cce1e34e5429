// Fetcher of the matrix unit: runs the fetch jobs in order and owns the SRAM read channel (docs/mxu.md).
// - MAC: asks for the A and B panel lines, alternating A and B, each only when its line buffer has room
//   reserved for it (lines in the buffer + in flight + asked < LineDepth); runs ahead of the array.
// - ZERO: once the bank's earlier operations are done, zeroes the bank (zero_o, one cycle).
// - LOAD: once the bank's earlier operations are done, asks for the 8 lines holding the C rows; each
//   response writes one row (c_we_o); the eighth completes the LOAD (load_done_o).
//
// Job input: valid/ready (job_valid_i && job_ready_o takes a mxu_fetch_job_t).
// Read channel: rd_req_o / rd_addr_o come from registers and are held until rd_gnt_i; every granted
// request gets one rd_rsp_valid_i, in order, at least one cycle later (a tag FIFO remembers where each
// response goes); responses cannot be refused, so nothing is asked without room (tags included).
// a_pop_i / b_pop_i: lines the array removes from the buffers this cycle (frees reservations).
`include "nd_assert.svh"

module nd_mxu_fetch #(
  parameter int unsigned LineDepth = 4,
  localparam int unsigned JobW = 191,
  localparam int unsigned TagDepth = 2 * LineDepth + 2
) (
  input  logic            clk_i,
  input  logic            rst_ni,
  // jobs
  input  logic            job_valid_i,
  output logic            job_ready_o,
  input  logic [JobW-1:0] job_i,
  // per-bank sequence counters (bank b in bits [3b+2:3b])
  input  logic [5:0]      mac_done_i,
  input  logic [5:0]      st_done_i,
  // line buffers
  input  logic [1:0]      a_pop_i,
  input  logic [1:0]      b_pop_i,
  output logic            a_push_o,
  output logic            b_push_o,
  output logic [1023:0]   line_o,
  // C bank writes
  output logic            zero_o,
  output logic            zero_bank_o,
  output logic            c_we_o,
  output logic            c_bank_o,
  output logic [2:0]      c_row_o,
  output logic [255:0]    c_data_o,
  output logic            load_done_o,
  // SRAM read channel
  output logic            rd_req_o,
  output logic [31:0]     rd_addr_o,
  input  logic            rd_gnt_i,
  input  logic            rd_rsp_valid_i,
  input  logic [1023:0]   rd_rsp_data_i,
  // status
  output logic            idle_o
);
  `include "nd_mxu_types.svh"

  `ND_STATIC_ASSERT(gen_check_width, JobW == $bits(mxu_fetch_job_t), "nd_mxu_fetch: JobW != job width")

  localparam int unsigned RsvW = $clog2(LineDepth + 1);
  localparam int unsigned TagW = $clog2(TagDepth + 1);

  typedef enum logic [1:0] {
    TagA = 2'd0,
    TagB = 2'd1,
    TagC = 2'd2
  } tag_kind_e;

  typedef struct packed {
    tag_kind_e  kind;
    logic       bank;
    logic [2:0] row;
    logic [1:0] seg;  // 32-byte word of the line (C rows)
    logic       last;
  } tag_t;

  // ---- Job queue --------------------------------------------------------------------------------------
  logic           jq_valid, jq_pop;
  logic [1:0]     unused_jq_usage;
  logic [JobW-1:0] jq_data;
  mxu_fetch_job_t job;
  nd_fifo #(.Width(JobW), .Depth(2), .CheckHold(1'b0)) u_jobs (
    .clk_i, .rst_ni,
    .valid_i (job_valid_i),
    .ready_o (job_ready_o),
    .data_i  (job_i),
    .valid_o (jq_valid),
    .ready_i (jq_pop),
    .data_o  (jq_data),
    .usage_o (unused_jq_usage)
  );
  assign job = mxu_fetch_job_t'(jq_data);

  // ---- State --------------------------------------------------------------------------------------------
  logic            started_q, started_d;  // the MAC job at the head has issued lines
  logic [13:0]     a_left_q, a_left_d, b_left_q, b_left_d;
  logic [24:0]     a_line_q, a_line_d, b_line_q, b_line_d;
  logic            turn_b_q, turn_b_d;    // next preference: B
  logic [2:0]      row_q, row_d;          // LOAD row
  logic [31:0]     c_addr_q, c_addr_d;    // LOAD row address
  logic [RsvW-1:0] a_rsv_q, a_rsv_d, b_rsv_q, b_rsv_d;
  logic [TagW-1:0] tag_rsv_q, tag_rsv_d;
  logic            req_q, req_d;
  logic [31:0]     req_addr_q, req_addr_d;
  tag_t            req_tag_q, req_tag_d;

  // Effective values: a job that has not started yet is read from the queue head.
  logic [13:0] a_left_e, b_left_e;
  logic [24:0] a_line_e, b_line_e;
  logic        turn_b_e;
  logic [31:0] c_addr_e;
  assign a_left_e = started_q ? a_left_q : job.a.n;
  assign b_left_e = started_q ? b_left_q : job.b.n;
  assign a_line_e = started_q ? a_line_q : job.a.line;
  assign b_line_e = started_q ? b_line_q : job.b.line;
  assign turn_b_e = started_q ? turn_b_q : 1'b0;
  assign c_addr_e = (row_q == '0) ? job.addr : c_addr_q;

  logic hz_ok, slot_free, tag_ok, can_a, can_b, pick_a, pick_b, pick_c;
  assign hz_ok     = (mac_done_i[3*job.bank+:3] == job.need_mac) && (st_done_i[3*job.bank+:3] == job.need_st);
  assign slot_free = !req_q || rd_gnt_i;
  assign tag_ok    = tag_rsv_q < TagW'(TagDepth);
  assign can_a     = jq_valid && (job.kind == MxuFetchMac) && (a_left_e != '0) && (a_rsv_q < RsvW'(LineDepth));
  assign can_b     = jq_valid && (job.kind == MxuFetchMac) && (b_left_e != '0) && (b_rsv_q < RsvW'(LineDepth));
  assign pick_a    = slot_free && tag_ok && can_a && (!turn_b_e || !can_b);
  assign pick_b    = slot_free && tag_ok && can_b && !pick_a;
  assign pick_c    = slot_free && tag_ok && jq_valid && (job.kind == MxuFetchLoad) && hz_ok;

  always_comb begin
    started_d  = started_q;
    a_left_d   = a_left_q;
    b_left_d   = b_left_q;
    a_line_d   = a_line_q;
    b_line_d   = b_line_q;
    turn_b_d   = turn_b_q;
    row_d      = row_q;
    c_addr_d   = c_addr_q;
    jq_pop     = 1'b0;
    zero_o     = 1'b0;
    req_d      = req_q && !rd_gnt_i;
    req_addr_d = req_addr_q;
    req_tag_d  = req_tag_q;

    if (pick_a || pick_b) begin
      a_left_d   = a_left_e - 14'(pick_a);
      b_left_d   = b_left_e - 14'(pick_b);
      a_line_d   = pick_a ? a_line_e + 25'(job.a.stride) : a_line_e;
      b_line_d   = pick_b ? b_line_e + 25'(job.b.stride) : b_line_e;
      turn_b_d   = pick_a;
      req_d      = 1'b1;
      req_addr_d = {pick_a ? a_line_e : b_line_e, 7'b0};
      req_tag_d  = '{kind: pick_a ? TagA : TagB, bank: 1'b0, row: 3'd0, seg: 2'd0, last: 1'b0};
      if (a_left_d == '0 && b_left_d == '0) begin
        jq_pop    = 1'b1;
        started_d = 1'b0;
      end else begin
        started_d = 1'b1;
      end
    end else if (pick_c) begin
      row_d      = row_q + 3'd1;
      c_addr_d   = c_addr_e + job.stride;
      req_d      = 1'b1;
      req_addr_d = {c_addr_e[31:7], 7'b0};
      req_tag_d  = '{kind: TagC, bank: job.bank, row: row_q, seg: c_addr_e[6:5], last: row_q == 3'd7};
      jq_pop     = row_q == 3'd7;
    end else if (jq_valid && job.kind == MxuFetchZero && hz_ok) begin
      zero_o = 1'b1;
      jq_pop = 1'b1;
    end
  end
  assign zero_bank_o = job.bank;

  // ---- Outstanding reads ---------------------------------------------------------------------------------
  logic    tq_valid, unused_tq_ready;
  logic [$clog2(TagDepth+1)-1:0] unused_tq_usage;
  logic [8:0] tq_data;
  tag_t    rsp_tag;
  nd_fifo #(.Width(9), .Depth(TagDepth), .CheckHold(1'b0)) u_tags (
    .clk_i, .rst_ni,
    .valid_i (req_q && rd_gnt_i),
    .ready_o (unused_tq_ready),
    .data_i  (req_tag_q),
    .valid_o (tq_valid),
    .ready_i (rd_rsp_valid_i),
    .data_o  (tq_data),
    .usage_o (unused_tq_usage)
  );
  assign rsp_tag = tag_t'(tq_data);

  assign a_push_o    = rd_rsp_valid_i && rsp_tag.kind == TagA;
  assign b_push_o    = rd_rsp_valid_i && rsp_tag.kind == TagB;
  assign line_o      = rd_rsp_data_i;
  assign c_we_o      = rd_rsp_valid_i && rsp_tag.kind == TagC;
  assign c_bank_o    = rsp_tag.bank;
  assign c_row_o     = rsp_tag.row;
  assign c_data_o    = rd_rsp_data_i[256*rsp_tag.seg+:256];
  assign load_done_o = c_we_o && rsp_tag.last;

  assign a_rsv_d   = a_rsv_q + RsvW'(pick_a) - RsvW'(a_pop_i);
  assign b_rsv_d   = b_rsv_q + RsvW'(pick_b) - RsvW'(b_pop_i);
  assign tag_rsv_d = tag_rsv_q + TagW'(pick_a || pick_b || pick_c) - TagW'(rd_rsp_valid_i);

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      started_q  <= 1'b0;
      a_left_q   <= '0;
      b_left_q   <= '0;
      a_line_q   <= '0;
      b_line_q   <= '0;
      turn_b_q   <= 1'b0;
      row_q      <= '0;
      c_addr_q   <= '0;
      a_rsv_q    <= '0;
      b_rsv_q    <= '0;
      tag_rsv_q  <= '0;
      req_q      <= 1'b0;
      req_addr_q <= '0;
      req_tag_q  <= '0;
    end else begin
      started_q  <= started_d;
      a_left_q   <= a_left_d;
      b_left_q   <= b_left_d;
      a_line_q   <= a_line_d;
      b_line_q   <= b_line_d;
      turn_b_q   <= turn_b_d;
      row_q      <= row_d;
      c_addr_q   <= c_addr_d;
      a_rsv_q    <= a_rsv_d;
      b_rsv_q    <= b_rsv_d;
      tag_rsv_q  <= tag_rsv_d;
      req_q      <= req_d;
      req_addr_q <= req_addr_d;
      req_tag_q  <= req_tag_d;
    end
  end

  assign rd_req_o  = req_q;
  assign rd_addr_o = req_addr_q;
  assign idle_o    = !jq_valid && !req_q && (tag_rsv_q == '0);

  `ND_ASSERT(UnexpectedReadResponse_A, !rd_rsp_valid_i || tq_valid)
  `ND_ASSERT(ReadRequestHeld_A, req_q && !rd_gnt_i |=> req_q && $stable(req_addr_q))
  `ND_ASSERT(ReservationInRange_A, a_rsv_q <= RsvW'(LineDepth) && b_rsv_q <= RsvW'(LineDepth))

endmodule
