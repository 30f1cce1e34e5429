// Reads a run of consecutive 16-byte SRAM blocks a whole 128-byte line at a time and hands them on as a
// valid/ready stream of blocks, in address order (the DMA engine's source reads, docs/node.md "DMA engine").
//
// One bank access per line instead of one per block: a stream that reads 16 bytes per clock from one bank
// for 8 clocks in a row collides with any other such stream in the same bank (the NI writing incoming
// data), and two such streams under round robin stay in step at half speed each. A line read takes the
// bank for one clock in eight.
//
// Handshake contract:
// - Job: start_i with addr_i (16-byte aligned) and count_i blocks (>= 1); allowed while next_o, that is
//   once every line of the earlier jobs has been requested (asserted): the new job's blocks follow theirs
//   on the output, so a caller can start its next run while the last one still drains. idle_o is high when
//   every block of every job was read and taken.
// - SRAM: mem_req_o / mem_addr_o (128-byte aligned) held until mem_gnt_i (the grant may be withheld any
//   number of cycles); the line of a granted read is on mem_rdata_i in the next cycle and cannot be
//   refused. mem_req_o depends on registers only.
// - Output: out_valid_o / out_ready_i / out_data_o, a first-word-fall-through buffer of Depth blocks.
//   Line register and buffer stream one block per cycle: the next line is requested in the cycle the
//   line register hands on its last block, and its first block goes to the buffer in the cycle it arrives.
module nd_node_line_stream #(
  parameter int unsigned Depth = 2
) (
  input  logic          clk_i,
  input  logic          rst_ni,
  input  logic          start_i,
  input  logic [31:0]   addr_i,
  input  logic [12:0]   count_i,
  output logic          next_o,
  output logic          idle_o,
  // SRAM read port (lines)
  output logic          mem_req_o,
  output logic [31:0]   mem_addr_o,
  input  logic          mem_gnt_i,
  input  logic [1023:0] mem_rdata_i,
  // blocks
  output logic          out_valid_o,
  input  logic          out_ready_i,
  output logic [127:0]  out_data_o
);
  `include "nd_assert.svh"

  `ND_STATIC_ASSERT(gen_check_depth, Depth >= 1, "nd_node_line_stream: Depth must be at least 1")

  // Request side: blocks not yet requested and the next block's address.
  logic [12:0] left_q, left_d;
  logic [27:0] blk_q, blk_d;
  // The line granted in the previous cycle: its first block and its number of blocks.
  logic        inflight_q, inflight_d;
  logic [2:0]  inf_first_q, inf_first_d;
  logic [3:0]  inf_n_q, inf_n_d;
  // Line register: the line, the next block to hand on and the blocks left in it.
  logic [1023:0] line_q;
  logic [2:0]    idx_q, idx_d;
  logic [3:0]    cnt_q, cnt_d;

  logic         fifo_ready, push;
  logic [127:0] push_data;
  logic [3:0]   line_n;  // blocks of the next line: up to the line's end or the run's
  logic         unused_usage;

  assign line_n     = (32'(left_q) < 32'd8 - 32'(blk_q[2:0])) ? 4'(left_q) : 4'd8 - 4'(blk_q[2:0]);
  assign mem_req_o  = (left_q != '0) && !inflight_q && ((cnt_q == '0) || ((cnt_q == 4'd1) && fifo_ready));
  assign mem_addr_o = {blk_q[27:3], 7'b0};
  assign next_o     = (left_q == '0);
  assign idle_o     = next_o && !inflight_q && (cnt_q == '0) && !out_valid_o;

  // The buffer takes a block from the arriving line or from the line register, one per cycle.
  assign push      = fifo_ready && (inflight_q || (cnt_q != '0));
  assign push_data = inflight_q ? mem_rdata_i[{inf_first_q, 7'd0}+:128] : line_q[{idx_q, 7'd0}+:128];

  always_comb begin
    left_d      = left_q;
    blk_d       = blk_q;
    inflight_d  = mem_req_o && mem_gnt_i;
    inf_first_d = inf_first_q;
    inf_n_d     = inf_n_q;
    if (start_i) begin
      left_d = count_i;
      blk_d  = addr_i[31:4];
    end else if (mem_req_o && mem_gnt_i) begin
      left_d      = left_q - 13'(line_n);
      blk_d       = {blk_q[27:3] + 25'd1, 3'b0};
      inf_first_d = blk_q[2:0];
      inf_n_d     = line_n;
    end
    idx_d = idx_q;
    cnt_d = cnt_q;
    if (inflight_q) begin
      idx_d = inf_first_q + 3'(push);
      cnt_d = inf_n_q - 4'(push);
    end else if (push) begin
      idx_d = idx_q + 3'd1;
      cnt_d = cnt_q - 4'd1;
    end
  end

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      left_q      <= '0;
      blk_q       <= '0;
      inflight_q  <= 1'b0;
      inf_first_q <= '0;
      inf_n_q     <= '0;
      idx_q       <= '0;
      cnt_q       <= '0;
    end else begin
      left_q      <= left_d;
      blk_q       <= blk_d;
      inflight_q  <= inflight_d;
      inf_first_q <= inf_first_d;
      inf_n_q     <= inf_n_d;
      idx_q       <= idx_d;
      cnt_q       <= cnt_d;
    end
  end

  // The line itself needs no reset: cnt_q says which of its blocks are valid.
  always_ff @(posedge clk_i) begin
    if (inflight_q) line_q <= mem_rdata_i;
  end

  localparam int unsigned UseW = $clog2(Depth + 1);
  logic [UseW-1:0] usage;
  nd_fifo #(
    .Width    (128),
    .Depth    (Depth),
    .CheckHold(1'b0)
  ) u_buf (
    .clk_i  (clk_i),
    .rst_ni (rst_ni),
    .valid_i(push),
    .ready_o(fifo_ready),
    .data_i (push_data),
    .valid_o(out_valid_o),
    .ready_i(out_ready_i),
    .data_o (out_data_o),
    .usage_o(usage)
  );
  assign unused_usage = ^{usage, addr_i[3:0]};

  `ND_ASSERT(StartWhenNext_A, start_i |-> next_o)
  `ND_ASSERT(StartAligned_A, start_i |-> addr_i[3:0] == 4'b0 && count_i != '0)
  `ND_ASSERT(LineFree_A, inflight_q |-> cnt_q == '0)
  `ND_ASSERT(LineBlocks_A, inflight_q |-> inf_n_q != '0 && 32'(inf_first_q) + 32'(inf_n_q) <= 32'd8)
  `ND_ASSERT(RequestHeld_A, mem_req_o && !mem_gnt_i |=> mem_req_o && $stable(mem_addr_o))
endmodule
