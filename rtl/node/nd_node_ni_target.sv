// Target engine of the network interface (docs/node.md "Network interface"): serves the request packets
// addressed to this node one at a time and answers each with exactly one response packet.
//   WRITE    -> SRAM line writes (or one register write) with byte enables from address and length, WRITE_ACK:
//               the data flits of one 128-byte line are gathered and written in one access, so a packet of
//               256 bytes takes 2 or 3 bank accesses instead of 16
//   READ     -> READ_DATA to the requester: SRAM blocks realigned to the requester's address (aux), or one
//               register read replicated into all four word lanes
//   FLAG_ADD -> read the 16-byte block, add aux to the 32-bit word, write it back, WRITE_ACK
// A request that is out of range (SRAM beyond SramBytes; register window other than one aligned word;
// length 0, not a multiple of 4 or above MaxPacketBytes; misaligned address), has an unknown op, or whose
// flits do not match its length is not performed (its flits are consumed) and is answered with the error
// bit: WRITE_ACK for WRITE, FLAG_ADD and unknown ops, a READ_DATA head without data for READ.
//
// Handshake contract:
// - Requests: rq_valid_i / rq_ready_o / rq_type_i / rq_data_i, whole packets in order (nd_node_ni_rx).
// - Responses: rs_valid_o / rs_ready_i / rs_type_o / rs_data_o, held until taken. A WRITE_ACK goes into a
//   one-entry acknowledgement slot when its request is done and leaves from there, so the next SRAM WRITE
//   head is taken in the cycle after a WRITE's tail; any other head waits until the slot is empty, and
//   a request done while the slot is still full waits for it (state TResp).
// - SRAM: mem_req_o with we/addr/wdata/be held until mem_gnt_i; read data on mem_rdata_i the cycle after
//   the grant. Reads: one 16-byte block at mem_addr_o. Writes: a whole line (mem_wdata_o, 128 byte enables
//   mem_be_o) at the line of mem_addr_o. A gathered line waits for its grant in a write register while the
//   next line is gathered; a data flit that completes a line is taken only when that register is free or
//   being granted. Register port (node-local window 0x4000_0000, 4 KiB): the same protocol, 32-bit words.
//   A WRITE_ACK leaves only after every write of its request was granted (the slot's wait bit).
// - Status pulses: served_o once per response sent, oor_o once per request refused.
module nd_node_ni_target import nd_node_pkg::*; import nd_noc_pkg::*; #(
  parameter int unsigned SramBytes = 262144,
  parameter int unsigned MaxPacketBytes = 256
) (
  input  logic         clk_i,
  input  logic         rst_ni,
  input  coord_t       pos_x_i,
  input  coord_t       pos_y_i,
  input  logic         rq_valid_i,
  output logic         rq_ready_o,
  input  logic [1:0]   rq_type_i,
  input  logic [127:0] rq_data_i,
  output logic         rs_valid_o,
  input  logic         rs_ready_i,
  output logic [1:0]   rs_type_o,
  output logic [127:0] rs_data_o,
  output logic         mem_req_o,
  output logic         mem_we_o,
  output logic [31:0]  mem_addr_o,
  output logic [1023:0] mem_wdata_o,
  output logic [127:0] mem_be_o,
  input  logic         mem_gnt_i,
  input  logic [127:0] mem_rdata_i,
  output logic         reg_req_o,
  output logic         reg_we_o,
  output logic [11:0]  reg_addr_o,
  output logic [31:0]  reg_wdata_o,
  input  logic         reg_gnt_i,
  input  logic [31:0]  reg_rdata_i,
  output logic         served_o,
  output logic         oor_o
);
  `include "nd_assert.svh"

  typedef enum logic [3:0] {
    TIdle, TWrite, TDrain, TResp, TRdHead, TRdData, TRegRd, TRegWait, TRegData, TFlagRd, TFlagWait, TFlagWr
  } t_state_e;

  t_state_e    st_q, st_d;
  pkt_head_t   hdr_q, hdr_d;
  logic        err_q, err_d, reg_q, reg_d;
  logic [12:0] j_q, j_d;       // data flit index
  logic [31:0] word_q, word_d; // register read data, flag sum

  // ---- Checks of the request head on the input ----------------------------------------------------------
  pkt_head_t h;
  logic      h_sram_ok, h_reg_ok, h_ok, h_tail;
  assign h         = pkt_head_t'(rq_data_i);
  assign h_tail    = rq_type_i[1];
  assign h_sram_ok = (h.addr[1:0] == '0) && (h.len != '0) && (h.len[1:0] == '0) &&
                     (h.len <= 16'(MaxPacketBytes)) && (33'(h.addr) + 33'(h.len) <= 33'(SramBytes));
  assign h_reg_ok  = (h.addr[31:12] == 20'h40000) && (h.addr[1:0] == '0) && (h.len == 16'd4);
  always_comb begin
    unique case (h.op)
      OpWrite:   h_ok = (h_sram_ok || h_reg_ok) && !h_tail;
      OpRead:    h_ok = (h_sram_ok || h_reg_ok) && (h.aux[1:0] == '0) && h_tail;
      OpFlagAdd: h_ok = h_sram_ok && (h.len == 16'd4) && h_tail;
      default:   h_ok = 1'b0;
    endcase
  end

  // ---- Data flits of the current request (hdr_q) --------------------------------------------------------
  logic [16:0] span;
  logic [12:0] nflits;
  logic [3:0]  lo, hi, end_off;
  logic [15:0] be;
  logic        in_range;
  logic [27:0] blk;            // destination block of data flit j_q
  assign blk      = hdr_q.addr[31:4] + 28'(j_q);
  assign span     = 17'(hdr_q.addr[3:0]) + 17'(hdr_q.len) + 17'd15;
  assign nflits   = span[16:4];
  assign end_off  = hdr_q.addr[3:0] + hdr_q.len[3:0] - 4'd1;
  assign lo       = (j_q == '0) ? hdr_q.addr[3:0] : 4'd0;
  assign hi       = (j_q == nflits - 13'd1) ? end_off : 4'd15;
  assign in_range = (j_q < nflits);
  always_comb begin
    for (int unsigned k = 0; k < 16; k++) be[k] = in_range && (4'(k) >= lo) && (4'(k) <= hi);
  end

  // Line gathering of WRITE data (SRAM only): flit j goes to lane blk[2:0] of the line buffer; the line is
  // closed by its last lane, the packet's last in-range flit or the tail, and moves to the write register
  // (wr_*) when any of its bytes is enabled.
  logic [1023:0] line_q, line_d, wr_data_q, wr_data_d;
  logic [127:0]  lbe_q, lbe_d, wr_be_q, wr_be_d, flit_be, line_be;
  logic [24:0]   wr_line_q, wr_line_d;
  logic          wr_q, wr_d, line_close, line_push, wr_free;
  assign flit_be    = 128'(be) << {blk[2:0], 4'd0};
  assign line_be    = lbe_q | flit_be;
  assign line_close = (blk[2:0] == 3'd7) || (j_q == nflits - 13'd1) || rq_type_i[1];
  assign line_push  = line_close && (line_be != '0);
  assign wr_free    = !wr_q || mem_gnt_i;

  // Acknowledgement slot: the WRITE_ACK of the last request done (ack_q, head ack_hd_q), sent once its
  // last line write was granted (ackw_q: a line of it is still in the write register). Any head but an
  // SRAM WRITE's waits in TIdle while the slot is full, so READ_DATA never passes an acknowledgement, READ
  // and FLAG_ADD find the write register empty, and a register write (CTRL's run bit, say) never takes
  // effect before the SRAM writes of an earlier request.
  pkt_head_t ack_hd_q, ack_hd_d;
  logic      ack_q, ack_d, ackw_q, ackw_d, ack_place, ack_take, ack_free, idle_hold, done;
  assign ack_take  = ack_q && !ackw_q && rs_ready_i;
  assign ack_free  = !ack_q || ack_take;
  assign idle_hold = ack_q && !(h.op == OpWrite && h_sram_ok);

  // READ from SRAM: blocks at the target's alignment, flits at the requester's (hdr_q.aux).
  logic         rd_start, rd_req, rd_valid, rd_ready, rd_idle, ra_idle, ra_valid, ra_ready, ra_last;
  logic [31:0]  rd_addr;
  logic [127:0] rd_data, ra_data;
  logic [16:0]  h_span;
  assign h_span   = 17'(h.addr[3:0]) + 17'(h.len) + 17'd15;
  assign rd_start = (st_q == TIdle) && rq_valid_i && !idle_hold && (h.op == OpRead) && h_ok && h_sram_ok;
  assign ra_ready = (st_q == TRdData) && rs_ready_i;

  nd_node_rd_stream u_rd (
    .clk_i      (clk_i),
    .rst_ni     (rst_ni),
    .start_i    (rd_start),
    .addr_i     ({h.addr[31:4], 4'b0}),
    .count_i    (h_span[16:4]),
    .idle_o     (rd_idle),
    .mem_req_o  (rd_req),
    .mem_addr_o (rd_addr),
    .mem_gnt_i  (mem_gnt_i),
    .mem_rdata_i(mem_rdata_i),
    .out_valid_o(rd_valid),
    .out_ready_i(rd_ready),
    .out_data_o (rd_data)
  );

  nd_node_realign u_realign (
    .clk_i      (clk_i),
    .rst_ni     (rst_ni),
    .start_i    (rd_start),
    .src_off_i  (h.addr[3:0]),
    .dst_off_i  (h.aux[3:0]),
    .len_i      (h.len),
    .idle_o     (ra_idle),
    .in_valid_i (rd_valid),
    .in_ready_o (rd_ready),
    .in_data_i  (rd_data),
    .out_valid_o(ra_valid),
    .out_ready_i(ra_ready),
    .out_data_o (ra_data),
    .out_last_o (ra_last)
  );

  // ---- Response head ------------------------------------------------------------------------------------
  pkt_head_t rsp;
  logic      rsp_read;
  assign rsp_read = (hdr_q.op == OpRead);
  always_comb begin
    rsp           = '0;
    rsp.dst_x     = hdr_q.src_x;
    rsp.dst_y     = hdr_q.src_y;
    rsp.dst_host  = hdr_q.src_host;
    rsp.src_x     = pos_x_i;
    rsp.src_y     = pos_y_i;
    rsp.msg_class = MsgResponse;
    rsp.op        = rsp_read ? OpReadData : OpWriteAck;
    rsp.err       = err_q;
    rsp.len       = hdr_q.len;
    rsp.addr      = rsp_read ? hdr_q.aux : hdr_q.addr;
  end

  // ---- Outputs per state ----------------------------------------------------------------------------------
  logic [1:0] wlane;
  assign wlane = hdr_q.addr[3:2];
  always_comb begin
    rq_ready_o  = 1'b0;
    rs_valid_o  = 1'b0;
    rs_type_o   = FlitHeadTail;
    rs_data_o   = rsp;
    mem_req_o   = wr_q || rd_req;
    mem_we_o    = wr_q;
    mem_addr_o  = wr_q ? {wr_line_q, 7'd0} : rd_addr;
    mem_wdata_o = wr_data_q;
    mem_be_o    = wr_be_q;
    reg_req_o   = 1'b0;
    reg_we_o    = 1'b0;
    reg_addr_o  = hdr_q.addr[11:0];
    reg_wdata_o = rq_data_i[32*wlane+:32];
    unique case (st_q)
      TIdle:  rq_ready_o = !idle_hold;
      TWrite: begin
        if (reg_q) begin
          reg_req_o  = rq_valid_i && in_range;
          reg_we_o   = 1'b1;
          rq_ready_o = !in_range || reg_gnt_i;
        end else begin
          rq_ready_o = !line_push || wr_free;
        end
      end
      TDrain: rq_ready_o = 1'b1;
      TRdHead: begin
        rs_valid_o = 1'b1;
        rs_type_o  = FlitHead;
      end
      TRdData: begin
        rs_valid_o = ra_valid;
        rs_type_o  = ra_last ? FlitTail : FlitBody;
        rs_data_o  = ra_data;
      end
      TRegRd: reg_req_o = 1'b1;
      TRegData: begin
        rs_valid_o = 1'b1;
        rs_type_o  = FlitTail;
        rs_data_o  = {4{word_q}};
      end
      TFlagRd: begin
        mem_req_o  = 1'b1;
        mem_addr_o = {hdr_q.addr[31:4], 4'b0};
      end
      TFlagWr: begin
        mem_req_o   = 1'b1;
        mem_we_o    = 1'b1;
        mem_addr_o  = {hdr_q.addr[31:4], 4'b0};
        mem_wdata_o = {32{word_q}};
        mem_be_o    = 128'(16'hF) << {hdr_q.addr[6:4], wlane, 2'b00};
      end
      default: ;
    endcase
    if (ack_q) begin  // the slot's acknowledgement (no READ_DATA is under way while it is full)
      rs_valid_o = !ackw_q;
      rs_type_o  = FlitHeadTail;
      rs_data_o  = ack_hd_q;
    end
  end

  // ---- Next state ------------------------------------------------------------------------------------------
  logic rq_take, rs_take;
  assign rq_take = rq_valid_i && rq_ready_o;
  assign rs_take = rs_valid_o && rs_ready_i;

  always_comb begin
    st_d   = st_q;
    hdr_d  = hdr_q;
    err_d  = err_q;
    reg_d  = reg_q;
    j_d    = j_q;
    word_d = word_q;
    oor_o  = 1'b0;
    served_o = ack_take;
    done     = 1'b0;  // the request is performed: its acknowledgement goes to the slot, or waits in TResp
    unique case (st_q)
      TIdle: if (rq_take) begin
        hdr_d = h;
        err_d = !h_ok;
        reg_d = !h_sram_ok;
        j_d   = '0;
        oor_o = !h_ok;
        if (!h_ok)                st_d = h_tail ? TResp : TDrain;
        else if (h.op == OpWrite) st_d = TWrite;
        else if (h.op == OpRead)  st_d = TRdHead;
        else                      st_d = TFlagRd;
      end
      TWrite: if (rq_take) begin
        j_d = j_q + 13'd1;
        if (rq_type_i[1]) begin
          err_d = (j_q != nflits - 13'd1);  // the flits must match the length
          done  = 1'b1;
        end
      end
      TDrain: if (rq_take && rq_type_i[1]) done = 1'b1;
      TResp: done = 1'b1;
      TRdHead: if (rs_take) begin
        if (err_q) begin
          st_d     = TIdle;
          served_o = 1'b1;
        end else begin
          st_d = reg_q ? TRegRd : TRdData;
        end
      end
      TRdData: if (rs_take && ra_last) begin
        st_d     = TIdle;
        served_o = 1'b1;
      end
      TRegRd: if (reg_gnt_i) st_d = TRegWait;
      TRegWait: begin
        word_d = reg_rdata_i;
        st_d   = TRegData;
      end
      TRegData: if (rs_take) begin
        st_d     = TIdle;
        served_o = 1'b1;
      end
      TFlagRd: if (mem_gnt_i) st_d = TFlagWait;
      TFlagWait: begin
        word_d = mem_rdata_i[32*wlane+:32] + hdr_q.aux;
        st_d   = TFlagWr;
      end
      TFlagWr: if (mem_gnt_i) done = 1'b1;
      default: st_d = TIdle;
    endcase
    ack_place = done && ack_free;
    if (done) st_d = ack_free ? TIdle : TResp;
  end

  // Line buffer and write register: a taken SRAM data flit enters the line buffer; a pushed line leaves it
  // for the write register, which empties when granted.
  logic take_data;
  assign take_data = (st_q == TWrite) && !reg_q && rq_take;
  always_comb begin
    line_d    = line_q;
    lbe_d     = lbe_q;
    wr_d      = wr_q && !mem_gnt_i;
    wr_data_d = wr_data_q;
    wr_be_d   = wr_be_q;
    wr_line_d = wr_line_q;
    if (take_data) begin
      line_d[{blk[2:0], 7'd0}+:128] = rq_data_i;
      lbe_d = line_be;
      if (line_close) lbe_d = '0;
      if (line_push) begin
        wr_d      = 1'b1;
        wr_data_d = line_d;
        wr_be_d   = line_be;
        wr_line_d = blk[27:3];
      end
    end
  end
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) wr_q <= 1'b0;
    else         wr_q <= wr_d;
  end

  // A placed acknowledgement waits for every line of its request still in or entering the write register
  // (wr_d); the register takes no other line before that one is granted.
  always_comb begin
    ack_d    = (ack_q && !ack_take) || ack_place;
    ackw_d   = ack_place ? wr_d : (ackw_q && !mem_gnt_i);
    ack_hd_d = ack_hd_q;
    if (ack_place) begin
      ack_hd_d     = rsp;
      ack_hd_d.err = err_d;
    end
  end
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) ack_q <= 1'b0;
    else         ack_q <= ack_d;
  end
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) ackw_q <= 1'b0;
    else         ackw_q <= ackw_d;
  end
  always_ff @(posedge clk_i) ack_hd_q <= ack_hd_d;
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) lbe_q <= '0;
    else         lbe_q <= lbe_d;
  end
  // Data storage without reset (only enabled bytes are ever written).
  always_ff @(posedge clk_i) begin
    line_q    <= line_d;
    wr_data_q <= wr_data_d;
    wr_be_q   <= wr_be_d;
    wr_line_q <= wr_line_d;
  end

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) st_q <= TIdle;
    else         st_q <= st_d;
  end
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) hdr_q <= '0;
    else         hdr_q <= hdr_d;
  end
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) err_q <= 1'b0;
    else         err_q <= err_d;
  end
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) reg_q <= 1'b0;
    else         reg_q <= reg_d;
  end
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) j_q <= '0;
    else         j_q <= j_d;
  end
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) word_q <= '0;
    else         word_q <= word_d;
  end

  logic unused_t;
  assign unused_t = ^{span[3:0], h_span[3:0], rd_idle, ra_idle};

  `ND_ASSERT(HeadWhenIdle_A, st_q == TIdle && rq_valid_i |-> rq_type_i[0])
  `ND_ASSERT(ReadEnginesIdle_A, rd_start |-> rd_idle && ra_idle)
  `ND_ASSERT(ResponseHeld_A, rs_valid_o && !rs_ready_i |=> rs_valid_o && $stable(rs_data_o) &&
                                                         $stable(rs_type_o))
  `ND_ASSERT(MemHeld_A, mem_req_o && !mem_gnt_i |=> mem_req_o && $stable(mem_addr_o) && $stable(mem_we_o) &&
                                                  $stable(mem_be_o) && $stable(mem_wdata_o))
  `ND_ASSERT(RegHeld_A, reg_req_o && !reg_gnt_i |=> reg_req_o && $stable(reg_addr_o) && $stable(reg_we_o))
  `ND_ASSERT(WriteInRange_A, mem_req_o && mem_we_o |-> 32'(mem_addr_o) < SramBytes)
  // A gathered line is never written beside a READ or a FLAG_ADD; outside its own packet it belongs to the
  // acknowledgement in the slot, which waits for it.
  `ND_ASSERT(LineWriteNotBesideRead_A, wr_q |-> !rd_req && st_q != TFlagRd && st_q != TFlagWr &&
                                               st_q != TRdHead && st_q != TRdData)
  `ND_ASSERT(LineEmptyAtHead_A, st_q == TIdle |-> lbe_q == '0 && (!wr_q || ackw_q))
  `ND_ASSERT(AckWaitsForLine_A, ackw_q |-> ack_q && wr_q)
endmodule
