// DMA engine of the node (docs/node.md "DMA engine"): a queue of custom-1 commands (core_cmd_t), SHAPE /
// STRIDE state, checks of every WRITE / READ / FLAG before anything is sent, the packet sender
// (nd_node_dma_tx), completion tracking (acknowledgements and read responses reported by the NI), the
// FLAG fence, the sticky error record and the status counters of the node registers.
//
// Handshake contract:
// - Commands: cmd_valid_i / cmd_ready_o / cmd_i ({funct7, funct3, rs1, rs2}), held until ready (checked by
//   the queue). busy_o is high while a command is queued or being sent and while any packet is not yet
//   acknowledged / answered; it rises in the cycle after a command is accepted (the core counts that cycle
//   itself) and stays high until the engine is idle.
// - Commands are executed in order. A command with an error is dropped (nothing sent) and records its code
//   if no error is recorded yet; an error never stops the engine. FLAG waits until every earlier WRITE and
//   FLAG_ADD of the engine is acknowledged (acks outstanding = 0) before its packet goes out.
// - Flits: valid/ready request-class stream to the NI (nd_node_dma_tx).
// - SRAM: read-only request/grant port, 128-byte lines (nd_node_line_stream), data the cycle after the grant.
// - Events from the NI: ack_i (with ack_err_i) once per WRITE_ACK for this node; rdata_done_i (with
//   rdata_err_i, rdata_bytes_i) once per READ_DATA packet written into SRAM. Events with nothing
//   outstanding (packets sent before a reset of the engine) are ignored.
// - Status: err_o / err_code_o (first error, sticky until CLEAR [0]); counters (cleared by CLEAR [1]):
//   cnt_done_o counts transfer and flag commands whose packets are all acknowledged (it is brought up to
//   date whenever nothing is outstanding), cnt_bytes_out_o WRITE data bytes sent, cnt_bytes_in_o data bytes
//   of error-free read responses, cnt_stall_o cycles with a flit offered to the NI and not taken.
module nd_node_dma import nd_node_pkg::*; import nd_noc_pkg::*; #(
  parameter int unsigned Rows = 2,
  parameter int unsigned Cols = 2,
  parameter int unsigned SramBytes = 262144,
  parameter int unsigned MaxPacketBytes = 256,
  parameter int unsigned QueueDepth = 4
) (
  input  logic         clk_i,
  input  logic         rst_ni,
  input  coord_t       pos_x_i,
  input  coord_t       pos_y_i,
  // commands
  input  logic         cmd_valid_i,
  output logic         cmd_ready_o,
  input  logic [73:0]  cmd_i,
  output logic         busy_o,
  // SRAM read port
  output logic         mem_req_o,
  output logic [31:0]  mem_addr_o,
  input  logic         mem_gnt_i,
  input  logic [1023:0] mem_rdata_i,  // one line
  // request flits to the NI
  output logic         flit_valid_o,
  input  logic         flit_ready_i,
  output logic [1:0]   flit_type_o,
  output logic [127:0] flit_data_o,
  // events from the NI
  input  logic         ack_i,
  input  logic         ack_err_i,
  input  logic         rdata_done_i,
  input  logic         rdata_err_i,
  input  logic [15:0]  rdata_bytes_i,
  // status
  output logic         err_o,
  output logic [3:0]   err_code_o,
  output logic [31:0]  cnt_done_o,
  output logic [31:0]  cnt_bytes_out_o,
  output logic [31:0]  cnt_bytes_in_o,
  output logic [31:0]  cnt_stall_o
);
  `include "nd_assert.svh"

  `ND_STATIC_ASSERT(gen_check_sram, SramBytes >= 4096 && SramBytes <= (1 << 24) &&
                    (SramBytes & (SramBytes - 1)) == 0,
                    "nd_node_dma: SramBytes must be a power of two, 4 KiB .. 16 MiB")
  `ND_STATIC_ASSERT(gen_check_pkt, MaxPacketBytes >= 4 && MaxPacketBytes <= 65532 && MaxPacketBytes % 4 == 0,
                    "nd_node_dma: MaxPacketBytes must be a multiple of 4, 4 .. 65532")
  `ND_STATIC_ASSERT(gen_check_queue, QueueDepth >= 1, "nd_node_dma: QueueDepth must be at least 1")
  `ND_STATIC_ASSERT(gen_check_mesh, Rows >= 1 && Rows <= 16 && Cols >= 1 && Cols <= 16,
                    "nd_node_dma: Rows and Cols must be 1..16")

  // ---- Queue and decode --------------------------------------------------------------------------------
  logic        q_valid, q_pop;
  logic [73:0] q_cmd;
  logic [$clog2(QueueDepth+1)-1:0] unused_usage;
  nd_fifo #(.Width(74), .Depth(QueueDepth)) u_queue (
    .clk_i  (clk_i),
    .rst_ni (rst_ni),
    .valid_i(cmd_valid_i),
    .ready_o(cmd_ready_o),
    .data_i (cmd_i),
    .valid_o(q_valid),
    .ready_i(q_pop),
    .data_o (q_cmd),
    .usage_o(unused_usage)
  );

  logic [6:0]  f7;
  logic [2:0]  f3;
  logic [31:0] rs1, rs2;
  assign {f7, f3, rs1, rs2} = q_cmd;

  logic [15:0] row_bytes_q, row_bytes_d, rows_q, rows_d;
  logic [31:0] lstride_q, lstride_d, rstride_q, rstride_d;

  // Extent of a 2D transfer: base + (rows - 1) * stride + row bytes, without wrapping.
  logic [15:0] rows_m1;
  logic [49:0] lend, rend;
  logic [3:0]  rnode_x, rnode_y;
  assign rows_m1 = rows_q - 16'd1;
  assign lend    = 50'(rs1) + 50'(rows_m1) * 50'(lstride_q) + 50'(row_bytes_q);
  assign rend    = 50'(rs2[23:0]) + 50'(rows_m1) * 50'(rstride_q) + 50'(row_bytes_q);
  assign rnode_x = rs2[27:24];
  assign rnode_y = rs2[31:28];

  logic       node_bad;
  dma_err_e   chk;  // error of the command at the head of the queue
  assign node_bad = (32'(rnode_x) >= Cols) || (32'(rnode_y) >= Rows);
  always_comb begin
    chk = DmaErrNone;
    unique case (f3)
      DmaShape: begin
        if (f7 != '0)                                                   chk = DmaErrCommand;
        else if (rs1 == '0 || rs1 > 32'd65532 || rs2 == '0 || rs2 > 32'd65535) chk = DmaErrShape;
        else if (rs1[1:0] != '0)                                        chk = DmaErrMisaligned;
      end
      DmaStride: begin
        if (f7 != '0)                                                   chk = DmaErrCommand;
        else if (rs1[1:0] != '0 || rs2[1:0] != '0)                      chk = DmaErrMisaligned;
      end
      DmaWrite, DmaRead: begin
        if (f7 != '0)                                                   chk = DmaErrCommand;
        else if (rs1[1:0] != '0 || rs2[1:0] != '0)                      chk = DmaErrMisaligned;
        else if (lend > 50'(SramBytes))                                 chk = DmaErrLocalRange;
        else if (node_bad)                                              chk = DmaErrNode;
        else if (rend > 50'(SramBytes))                                 chk = DmaErrRemoteRange;
      end
      DmaFlag: begin
        if (f7 != '0)                                                   chk = DmaErrCommand;
        else if (rs2[1:0] != '0)                                        chk = DmaErrMisaligned;
        else if (node_bad)                                              chk = DmaErrNode;
        else if (32'(rs2[23:0]) + 32'd4 > SramBytes)                    chk = DmaErrRemoteRange;
      end
      DmaClear: begin
        if (f7 != '0 || rs1[31:2] != '0 || rs2 != '0)                   chk = DmaErrCommand;
      end
      default: chk = DmaErrCommand;
    endcase
  end

  // ---- Dispatch -----------------------------------------------------------------------------------------
  logic [15:0] acks_q, acks_d, reads_q, reads_d;  // packets outstanding
  logic        tx_idle, transfer, fence_open, start;
  assign transfer   = (f3 == DmaWrite) || (f3 == DmaRead) || (f3 == DmaFlag);
  assign fence_open = (f3 != DmaFlag) || (acks_q == '0);
  // A transfer starts when the sender is free (and, for FLAG, the fence is open); any other command, and
  // a command with an error, is done at once.
  assign start = q_valid && (chk == DmaErrNone) && transfer && tx_idle && fence_open;
  assign q_pop = q_valid && ((chk != DmaErrNone) || !transfer || start);

  logic        sent_ack, sent_read, tx_last;
  logic [15:0] sent_bytes;
  nd_node_dma_tx #(
    .MaxPacketBytes(MaxPacketBytes)
  ) u_tx (
    .clk_i       (clk_i),
    .rst_ni      (rst_ni),
    .pos_x_i     (pos_x_i),
    .pos_y_i     (pos_y_i),
    .start_i     (start),
    .op_i        (dma_cmd_e'(f3)),
    .local_i     (rs1),
    .remote_i    (rs2),
    .row_bytes_i (row_bytes_q),
    .rows_i      (rows_q),
    .lstride_i   (lstride_q),
    .rstride_i   (rstride_q),
    .inc_i       (rs1),
    .idle_o      (tx_idle),
    .flit_valid_o(flit_valid_o),
    .flit_ready_i(flit_ready_i),
    .flit_type_o (flit_type_o),
    .flit_data_o (flit_data_o),
    .sent_ack_o  (sent_ack),
    .sent_read_o (sent_read),
    .sent_bytes_o(sent_bytes),
    .last_o      (tx_last),
    .mem_req_o   (mem_req_o),
    .mem_addr_o  (mem_addr_o),
    .mem_gnt_i   (mem_gnt_i),
    .mem_rdata_i (mem_rdata_i)
  );

  // ---- State, outstanding packets, completion, errors, counters ----------------------------------------
  logic ack_in, rdata_in, flush, exec, clr_err, clr_cnt;
  logic [15:0] sent_cmds_q, sent_cmds_d;  // fully sent commands not yet counted as done
  assign ack_in   = ack_i && (acks_q != '0);
  assign rdata_in = rdata_done_i && (reads_q != '0);
  // Nothing outstanding: every command sent so far is complete.
  assign flush    = (acks_q == '0) && (reads_q == '0);
  assign exec     = q_valid && (chk == DmaErrNone);
  assign clr_err  = exec && (f3 == DmaClear) && rs1[0];
  assign clr_cnt  = exec && (f3 == DmaClear) && rs1[1];

  logic        err_q, err_d;
  logic [3:0]  code_q, code_d;
  logic [31:0] done_q, done_d, bout_q, bout_d, bin_q, bin_d, stall_q, stall_d;

  always_comb begin
    row_bytes_d = row_bytes_q;
    rows_d      = rows_q;
    lstride_d   = lstride_q;
    rstride_d   = rstride_q;
    if (exec && f3 == DmaShape) begin
      row_bytes_d = rs1[15:0];
      rows_d      = rs2[15:0];
    end
    if (exec && f3 == DmaStride) begin
      lstride_d = rs1;
      rstride_d = rs2;
    end
    acks_d      = acks_q + 16'(sent_ack) - 16'(ack_in);
    reads_d     = reads_q + 16'(sent_read) - 16'(rdata_in);
    sent_cmds_d = (flush ? 16'd0 : sent_cmds_q) + 16'(tx_last);

    err_d  = clr_err ? 1'b0 : err_q;
    code_d = clr_err ? 4'd0 : code_q;
    if (!err_d && q_valid && chk != DmaErrNone) begin
      err_d  = 1'b1;
      code_d = chk;
    end else if (!err_d && ((ack_in && ack_err_i) || (rdata_in && rdata_err_i))) begin
      err_d  = 1'b1;
      code_d = DmaErrRemote;
    end

    done_d  = done_q + (flush ? 32'(sent_cmds_q) : 32'd0);
    bout_d  = bout_q + 32'(sent_bytes);
    bin_d   = bin_q + ((rdata_in && !rdata_err_i) ? 32'(rdata_bytes_i) : 32'd0);
    stall_d = stall_q + 32'(flit_valid_o && !flit_ready_i);
    if (clr_cnt) begin
      done_d  = '0;
      bout_d  = '0;
      bin_d   = '0;
      stall_d = '0;
    end
  end

  assign busy_o          = q_valid || !tx_idle || (acks_q != '0) || (reads_q != '0) || (sent_cmds_q != '0);
  assign err_o           = err_q;
  assign err_code_o      = code_q;
  assign cnt_done_o      = done_q;
  assign cnt_bytes_out_o = bout_q;
  assign cnt_bytes_in_o  = bin_q;
  assign cnt_stall_o     = stall_q;

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) row_bytes_q <= 16'd4;
    else         row_bytes_q <= row_bytes_d;
  end
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) rows_q <= 16'd1;
    else         rows_q <= rows_d;
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
    if (!rst_ni) acks_q <= '0;
    else         acks_q <= acks_d;
  end
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) reads_q <= '0;
    else         reads_q <= reads_d;
  end
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) sent_cmds_q <= '0;
    else         sent_cmds_q <= sent_cmds_d;
  end
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) err_q <= 1'b0;
    else         err_q <= err_d;
  end
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) code_q <= '0;
    else         code_q <= code_d;
  end
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) done_q <= '0;
    else         done_q <= done_d;
  end
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) bout_q <= '0;
    else         bout_q <= bout_d;
  end
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) bin_q <= '0;
    else         bin_q <= bin_d;
  end
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) stall_q <= '0;
    else         stall_q <= stall_d;
  end

  logic unused_rs;
  assign unused_rs = ^{lend[1:0], rend[1:0]};

  // The fence: a FLAG_ADD leaves only with no WRITE or FLAG_ADD unacknowledged.
  `ND_ASSERT(FlagFence_A, start && f3 == DmaFlag |-> acks_q == '0)
  `ND_ASSERT(AcksNoOverflow_A, !(acks_q == '1 && sent_ack))
  `ND_ASSERT(ReadsNoOverflow_A, !(reads_q == '1 && sent_read))
  `ND_ASSERT(BusyWhileQueued_A, q_valid |-> busy_o)
  `ND_ASSERT_KNOWN(CmdValidKnown_A, cmd_valid_i)
endmodule
