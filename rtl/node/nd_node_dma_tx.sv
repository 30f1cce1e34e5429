// Packet sender of the DMA engine (docs/node.md "DMA engine"): turns one checked WRITE, READ or FLAG
// command into request packets on a valid/ready flit stream. WRITE rows are cut into packets of at most
// MaxPacketBytes, each a head flit and the realigned data flits read from SRAM (nd_node_line_stream +
// nd_node_realign); READ sends one READ request (head+tail) per such piece; FLAG one FLAG_ADD.
//
// Handshake contract:
// - Job: start_i with the command's fields, allowed only while idle_o (asserted); the caller has checked
//   ranges and alignment. idle_o rises again in the cycle after the command's last flit was taken.
// - Flits: flit_valid_o / flit_ready_i / flit_type_o / flit_data_o, held until taken; a packet's flits are
//   contiguous. The head flit is built here (request class, dst from the global address, src = pos_*_i).
// - Events (one-cycle pulses, in the cycle the head flit is taken): sent_ack_o for a packet that will be
//   acknowledged (WRITE, FLAG_ADD), sent_read_o for a READ request; sent_bytes_o = data bytes of a WRITE
//   packet (0 otherwise); last_o with the head of the command's last packet.
// - SRAM: read-only request/grant port of nd_node_line_stream (128-byte lines, data the cycle after grant).
module nd_node_dma_tx import nd_node_pkg::*; import nd_noc_pkg::*; #(
  parameter int unsigned MaxPacketBytes = 256
) (
  input  logic         clk_i,
  input  logic         rst_ni,
  input  coord_t       pos_x_i,
  input  coord_t       pos_y_i,
  // job
  input  logic         start_i,
  input  dma_cmd_e     op_i,        // DmaWrite, DmaRead or DmaFlag
  input  logic [31:0]  local_i,     // local address (WRITE source, READ destination)
  input  logic [31:0]  remote_i,    // global address {y, x, offset}
  input  logic [15:0]  row_bytes_i,
  input  logic [15:0]  rows_i,
  input  logic [31:0]  lstride_i,
  input  logic [31:0]  rstride_i,
  input  logic [31:0]  inc_i,       // FLAG increment
  output logic         idle_o,
  // flit stream to the NI (request class)
  output logic         flit_valid_o,
  input  logic         flit_ready_i,
  output logic [1:0]   flit_type_o,
  output logic [127:0] flit_data_o,
  // events
  output logic         sent_ack_o,
  output logic         sent_read_o,
  output logic [15:0]  sent_bytes_o,
  output logic         last_o,
  // SRAM read port
  output logic          mem_req_o,
  output logic [31:0]   mem_addr_o,
  input  logic          mem_gnt_i,
  input  logic [1023:0] mem_rdata_i
);
  `include "nd_assert.svh"

  typedef enum logic [1:0] {TxIdle, TxHead, TxData} tx_state_e;

  tx_state_e   st_q, st_d;
  dma_cmd_e    op_q, op_d;
  logic [31:0] lrow_q, lrow_d;        // local address of the current row
  logic [23:0] rrow_q, rrow_d;        // remote offset of the current row
  logic [3:0]  rx_q, rx_d, ry_q, ry_d;
  logic [15:0] off_q, off_d;          // bytes of the current row already sent
  logic [15:0] rows_left_q, rows_left_d;
  logic [15:0] row_bytes_q, row_bytes_d;
  logic [31:0] lstride_q, lstride_d, rstride_q, rstride_d, inc_q, inc_d;

  // Current packet.
  logic [15:0] rest, pkt_len;
  logic [31:0] pkt_local;
  logic [23:0] pkt_remote;
  logic        row_end, cmd_end;
  assign rest       = row_bytes_q - off_q;
  assign pkt_len    = (op_q == DmaFlag) ? 16'd4 :
                      (rest > 16'(MaxPacketBytes)) ? 16'(MaxPacketBytes) : rest;
  assign pkt_local  = lrow_q + 32'(off_q);
  assign pkt_remote = rrow_q + 24'(off_q);
  assign row_end    = (op_q == DmaFlag) || (off_q + pkt_len == row_bytes_q);
  assign cmd_end    = row_end && (rows_left_q == 16'd1 || op_q == DmaFlag);

  pkt_head_t head;
  always_comb begin
    head           = '0;
    head.dst_x     = rx_q;
    head.dst_y     = ry_q;
    head.src_x     = pos_x_i;
    head.src_y     = pos_y_i;
    head.msg_class = MsgRequest;
    head.op        = (op_q == DmaWrite) ? OpWrite : (op_q == DmaRead) ? OpRead : OpFlagAdd;
    head.len       = pkt_len;
    head.addr      = {8'd0, pkt_remote};
    head.aux       = (op_q == DmaRead) ? pkt_local : (op_q == DmaFlag) ? inc_q : 32'd0;
  end

  // Data path of a WRITE packet: SRAM blocks at source alignment -> destination-aligned flits. The data is
  // read ahead, so that a packet's first data flit follows its head in the next cycle:
  // - the next packet's SRAM reads start while this packet's data still goes out, as soon as every line of
  //   this packet has been requested (pre_q: started); its blocks wait in the line stream behind this
  //   packet's, and the realignment takes exactly each packet's own blocks;
  // - a command's first packet starts its reads in its first TxHead cycle (fetched_q: this packet's reads
  //   have started), not when the head is taken.
  // The realignment starts in each WRITE packet's first TxHead cycle: it is idle exactly then.
  logic         head_take, rd_start, ra_start, pre_start, pre_q, pre_d, fetched_q, fetched_d;
  logic         rd_next, rd_idle, rd_valid, rd_ready, ra_idle, ra_valid, ra_last;
  logic [127:0] rd_data, ra_data;
  // The next packet of the command (when this one is not its last): local address and length.
  logic [31:0]  nxt_local, rd_local;
  logic [15:0]  nxt_rest, nxt_len, rd_len;
  logic [16:0]  src_span;
  assign nxt_local = row_end ? lrow_q + lstride_q : pkt_local + 32'(pkt_len);
  assign nxt_rest  = row_end ? row_bytes_q : rest - pkt_len;
  assign nxt_len   = (nxt_rest > 16'(MaxPacketBytes)) ? 16'(MaxPacketBytes) : nxt_rest;
  assign head_take = (st_q == TxHead) && flit_ready_i;
  assign pre_start = (st_q == TxData) && !cmd_end && !pre_q && rd_next;
  assign rd_start  = ((st_q == TxHead) && (op_q == DmaWrite) && !fetched_q) || pre_start;
  assign ra_start  = (st_q == TxHead) && (op_q == DmaWrite) && ra_idle;
  assign rd_local  = pre_start ? nxt_local : pkt_local;
  assign rd_len    = pre_start ? nxt_len : pkt_len;
  assign src_span  = 17'(rd_local[3:0]) + 17'(rd_len) + 17'd15;

  nd_node_line_stream u_rd (
    .clk_i      (clk_i),
    .rst_ni     (rst_ni),
    .start_i    (rd_start),
    .addr_i     ({rd_local[31:4], 4'b0}),
    .count_i    (src_span[16:4]),
    .next_o     (rd_next),
    .idle_o     (rd_idle),
    .mem_req_o  (mem_req_o),
    .mem_addr_o (mem_addr_o),
    .mem_gnt_i  (mem_gnt_i),
    .mem_rdata_i(mem_rdata_i),
    .out_valid_o(rd_valid),
    .out_ready_i(rd_ready),
    .out_data_o (rd_data)
  );

  nd_node_realign u_realign (
    .clk_i      (clk_i),
    .rst_ni     (rst_ni),
    .start_i    (ra_start),
    .src_off_i  (pkt_local[3:0]),
    .dst_off_i  (pkt_remote[3:0]),
    .len_i      (pkt_len),
    .idle_o     (ra_idle),
    .in_valid_i (rd_valid),
    .in_ready_o (rd_ready),
    .in_data_i  (rd_data),
    .out_valid_o(ra_valid),
    .out_ready_i(flit_ready_i && (st_q == TxData)),
    .out_data_o (ra_data),
    .out_last_o (ra_last)
  );

  always_comb begin
    flit_valid_o = 1'b0;
    flit_type_o  = FlitBody;
    flit_data_o  = ra_data;
    if (st_q == TxHead) begin
      flit_valid_o = 1'b1;
      flit_type_o  = (op_q == DmaWrite) ? FlitHead : FlitHeadTail;
      flit_data_o  = head;
    end else if (st_q == TxData) begin
      flit_valid_o = ra_valid;
      flit_type_o  = ra_last ? FlitTail : FlitBody;
    end
  end

  assign idle_o       = (st_q == TxIdle);
  assign sent_ack_o   = head_take && (op_q != DmaRead);
  assign sent_read_o  = head_take && (op_q == DmaRead);
  assign sent_bytes_o = (head_take && op_q == DmaWrite) ? pkt_len : 16'd0;
  assign last_o       = head_take && cmd_end;

  // Move to the next packet once this one is out: the head for READ / FLAG, the last data flit for WRITE.
  logic pkt_done;
  assign pkt_done = (head_take && op_q != DmaWrite) ||
                    ((st_q == TxData) && ra_valid && ra_last && flit_ready_i);

  always_comb begin
    st_d        = st_q;
    op_d        = op_q;
    lrow_d      = lrow_q;
    rrow_d      = rrow_q;
    rx_d        = rx_q;
    ry_d        = ry_q;
    off_d       = off_q;
    rows_left_d = rows_left_q;
    row_bytes_d = row_bytes_q;
    lstride_d   = lstride_q;
    rstride_d   = rstride_q;
    inc_d       = inc_q;
    if (start_i) begin
      st_d        = TxHead;
      op_d        = op_i;
      lrow_d      = local_i;
      rrow_d      = remote_i[23:0];
      rx_d        = remote_i[27:24];
      ry_d        = remote_i[31:28];
      off_d       = '0;
      rows_left_d = rows_i;
      row_bytes_d = row_bytes_i;
      lstride_d   = lstride_i;
      rstride_d   = rstride_i;
      inc_d       = inc_i;
    end else begin
      if (head_take && op_q == DmaWrite) st_d = TxData;
      if (pkt_done) begin
        st_d = TxHead;
        if (cmd_end) begin
          st_d = TxIdle;
        end else if (row_end) begin
          off_d       = '0;
          rows_left_d = rows_left_q - 16'd1;
          lrow_d      = lrow_q + lstride_q;
          rrow_d      = rrow_q + rstride_q[23:0];
        end else begin
          off_d = off_q + pkt_len;
        end
      end
    end
  end

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) st_q <= TxIdle;
    else         st_q <= st_d;
  end
  // At a packet's end the next packet's reads have started if they were read ahead; a new job starts none.
  assign pre_d     = !start_i && !pkt_done && (pre_q || pre_start);
  assign fetched_d = !start_i && (pkt_done ? (pre_q || pre_start) : (fetched_q || rd_start));
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) pre_q <= 1'b0;
    else         pre_q <= pre_d;
  end
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) fetched_q <= 1'b0;
    else         fetched_q <= fetched_d;
  end
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) op_q <= DmaWrite;
    else         op_q <= op_d;
  end
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) lrow_q <= '0;
    else         lrow_q <= lrow_d;
  end
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) rrow_q <= '0;
    else         rrow_q <= rrow_d;
  end
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) rx_q <= '0;
    else         rx_q <= rx_d;
  end
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) ry_q <= '0;
    else         ry_q <= ry_d;
  end
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) off_q <= '0;
    else         off_q <= off_d;
  end
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) rows_left_q <= '0;
    else         rows_left_q <= rows_left_d;
  end
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) row_bytes_q <= '0;
    else         row_bytes_q <= row_bytes_d;
  end
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) lstride_q <= '0;
    else         lstride_q <= lstride_d;
  end
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) rstride_q <= '0;
    else         rstride_q <= rstride_d;
  end
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) inc_q <= '0;
    else         inc_q <= inc_d;
  end

  logic unused_tx;
  assign unused_tx = ^{rd_idle, src_span[3:0], rstride_q[31:24]};

  `ND_ASSERT(StartWhenIdle_A, start_i |-> idle_o)
  `ND_ASSERT(StartOp_A, start_i |-> op_i inside {DmaWrite, DmaRead, DmaFlag})
  `ND_ASSERT(FlitHeld_A, flit_valid_o && !flit_ready_i |=> flit_valid_o && $stable(flit_data_o) &&
                                                           $stable(flit_type_o))
  `ND_ASSERT(PacketLen_A, st_q == TxHead |-> pkt_len != '0 && pkt_len[1:0] == 2'b0 &&
                                             pkt_len <= 16'(MaxPacketBytes))
  // A data packet not read ahead starts with the line stream idle.
  `ND_ASSERT(FirstReadIdle_A, rd_start && !pre_start |-> rd_idle && ra_idle)
  // The command's last packet is sent with both data engines idle.
  `ND_ASSERT(LastPacketDrains_A, pkt_done && cmd_end |=> rd_idle && ra_idle)
endmodule
