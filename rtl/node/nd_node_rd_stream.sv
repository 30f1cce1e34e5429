// Reads a run of consecutive 16-byte SRAM blocks through a request/grant read port and hands them on as a
// valid/ready stream, in address order (docs/node.md "SRAM (nd_node_mem)" for the port protocol).
//
// Handshake contract:
// - Job: start_i with addr_i (16-byte aligned) and count_i blocks (>= 1); allowed only while idle_o
//   (asserted). idle_o is high when every block of the last job was requested, returned and taken.
// - SRAM: mem_req_o / mem_addr_o held until mem_gnt_i (the grant may be withheld any number of cycles);
//   the data of a granted read is on mem_rdata_i in the next cycle and cannot be refused. A request goes out
//   only while the buffer has room for it and for the read still in flight, so every response has a slot.
// - Output: out_valid_o / out_ready_i / out_data_o, a first-word-fall-through buffer of Depth blocks
//   (Depth 3 streams one block per cycle through the one-cycle grant-to-data latency).
module nd_node_rd_stream #(
  parameter int unsigned Depth = 3
) (
  input  logic         clk_i,
  input  logic         rst_ni,
  input  logic         start_i,
  input  logic [31:0]  addr_i,
  input  logic [12:0]  count_i,
  output logic         idle_o,
  // SRAM read port
  output logic         mem_req_o,
  output logic [31:0]  mem_addr_o,
  input  logic         mem_gnt_i,
  input  logic [127:0] mem_rdata_i,
  // blocks
  output logic         out_valid_o,
  input  logic         out_ready_i,
  output logic [127:0] out_data_o
);
  `include "nd_assert.svh"

  `ND_STATIC_ASSERT(gen_check_depth, Depth >= 2, "nd_node_rd_stream: Depth must be at least 2")

  localparam int unsigned UseW = $clog2(Depth + 1);

  logic [12:0]     left_q, left_d;
  logic [27:0]     blk_q, blk_d;
  logic            inflight_q, inflight_d;
  logic [UseW-1:0] usage;
  logic            fifo_ready;

  assign mem_req_o  = (left_q != '0) && ((32'(usage) + 32'(inflight_q)) < Depth);
  assign mem_addr_o = {blk_q, 4'b0};
  assign idle_o     = (left_q == '0) && !inflight_q && !out_valid_o;

  always_comb begin
    left_d     = left_q;
    blk_d      = blk_q;
    inflight_d = mem_req_o && mem_gnt_i;
    if (start_i) begin
      left_d = count_i;
      blk_d  = addr_i[31:4];
    end else if (mem_req_o && mem_gnt_i) begin
      left_d = left_q - 13'd1;
      blk_d  = blk_q + 28'd1;
    end
  end

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) left_q <= '0;
    else         left_q <= left_d;
  end
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) blk_q <= '0;
    else         blk_q <= blk_d;
  end
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) inflight_q <= 1'b0;
    else         inflight_q <= inflight_d;
  end

  nd_fifo #(
    .Width    (128),
    .Depth    (Depth),
    .CheckHold(1'b0)
  ) u_buf (
    .clk_i  (clk_i),
    .rst_ni (rst_ni),
    .valid_i(inflight_q),
    .ready_o(fifo_ready),
    .data_i (mem_rdata_i),
    .valid_o(out_valid_o),
    .ready_i(out_ready_i),
    .data_o (out_data_o),
    .usage_o(usage)
  );

  logic unused_addr;
  assign unused_addr = ^addr_i[3:0];

  `ND_ASSERT(StartWhenIdle_A, start_i |-> idle_o)
  `ND_ASSERT(StartAligned_A, start_i |-> addr_i[3:0] == 4'b0 && count_i != '0)
  `ND_ASSERT(ResponseHasRoom_A, inflight_q |-> fifo_ready)
  `ND_ASSERT(RequestHeld_A, mem_req_o && !mem_gnt_i |=> mem_req_o && $stable(mem_addr_o))
endmodule
