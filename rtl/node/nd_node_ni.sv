// Network interface of the node (docs/node.md "Network interface"): between the router's local port and
// the node's SRAM, registers and DMA engine.
//   injection: request flits of the DMA on VC 0 (first request VC) and response flits of the target engine
//              on VC NumVcs/2 (first response VC), interleaved flit by flit (round robin between the two
//              when both have a flit and a credit), one registered flit per cycle
//   ejection:  per class, BufDepth-flit buffers per VC (nd_node_ni_rx) feeding the target engine
//              (requests, nd_node_ni_target) and the response sink (responses, nd_node_ni_resp)
//   SRAM:      one request/grant port shared by the target engine and the response sink (round robin, a
//              request that waits for its grant keeps the port): reads of 16-byte blocks, writes of lines
//              with byte enables (the target writes the WRITE data a gathered line at a time, the response
//              sink one READ_DATA flit at a time)
//
// Handshake contract:
// - Router local input (credit flow control, docs/noc.md): inj_valid_o pulses with inj_type_o / inj_vc_o /
//   inj_data_o; a flit goes out on VC v only with one of the BufDepth credits of v, returned by
//   inj_credit_i[v].
// - Router local output: ej_valid_i pulses with ej_type_i / ej_vc_i / ej_data_i; the NI buffers BufDepth
//   flits per VC and pulses ej_credit_o[v] (registered) once per flit it consumed from VC v.
// - DMA flits: dma_valid_i / dma_ready_o / dma_type_i / dma_data_i (request class, head built by the DMA),
//   held until taken. dma_ready_o depends combinationally on dma_valid_i (the round robin). When the DMA
//   engine is reset (dma_rst_ni low) in the middle of a packet, the NI closes that packet with a tail flit
//   of zeros, so the wormhole path is released; the target then sees a packet shorter than its length,
//   writes the flits it got (plus that zero flit) and answers with the error bit.
// - DMA events: dma_ack_o (+ dma_ack_err_o) per WRITE_ACK received, dma_rdata_done_o (+ dma_rdata_err_o,
//   dma_rdata_bytes_o)
//   per READ_DATA written into SRAM; one-cycle pulses.
// - SRAM: mem_req_o with mem_we_o / mem_addr_o (16-byte aligned) / mem_wdata_o / mem_be_o held until
//   mem_gnt_i; read data (the 16-byte block at mem_addr_o) on mem_rdata_i in the cycle after the grant; a
//   write writes the bytes of the 128-byte line of mem_addr_o that mem_be_o enables (byte b: mem_be_o[b],
//   mem_wdata_o[8b+:8]). Registers: reg_req_o with reg_we_o /
//   reg_addr_o (offset in the 4 KiB window) / reg_wdata_o held until reg_gnt_i, read data the cycle after.
// - Status: err_o (a request was refused, sticky), err_count_o (refused requests, saturating), cnt_reqs_o
//   (request packets served). Reset clears them.
// Deadlock freedom: the response sink never waits for anything but an SRAM grant, so the response VCs always
// drain; the target engine may wait for response credits, but never the other way round, and requests and
// responses never share a VC or a buffer here or in the routers.
module nd_node_ni import nd_node_pkg::*; import nd_noc_pkg::*; #(
  parameter int unsigned NumVcs = 2,
  parameter int unsigned BufDepth = 4,
  parameter int unsigned SramBytes = 262144,
  parameter int unsigned MaxPacketBytes = 256,
  localparam int unsigned VcW = (NumVcs > 1) ? $clog2(NumVcs) : 1
) (
  input  logic              clk_i,
  input  logic              rst_ni,
  input  coord_t            pos_x_i,
  input  coord_t            pos_y_i,
  // router local input port
  output logic              inj_valid_o,
  output logic [1:0]        inj_type_o,
  output logic [VcW-1:0]    inj_vc_o,
  output logic [127:0]      inj_data_o,
  input  logic [NumVcs-1:0] inj_credit_i,
  // router local output port
  input  logic              ej_valid_i,
  input  logic [1:0]        ej_type_i,
  input  logic [VcW-1:0]    ej_vc_i,
  input  logic [127:0]      ej_data_i,
  output logic [NumVcs-1:0] ej_credit_o,
  // DMA request flits and events
  input  logic              dma_rst_ni,   // the DMA engine's reset (compute reset): closes its open packet
  input  logic              dma_valid_i,
  output logic              dma_ready_o,
  input  logic [1:0]        dma_type_i,
  input  logic [127:0]      dma_data_i,
  output logic              dma_ack_o,
  output logic              dma_ack_err_o,
  output logic              dma_rdata_done_o,
  output logic              dma_rdata_err_o,
  output logic [15:0]       dma_rdata_bytes_o,
  // SRAM port
  output logic              mem_req_o,
  output logic              mem_we_o,
  output logic [31:0]       mem_addr_o,
  output logic [1023:0]     mem_wdata_o,
  output logic [127:0]      mem_be_o,
  input  logic              mem_gnt_i,
  input  logic [127:0]      mem_rdata_i,
  // register port
  output logic              reg_req_o,
  output logic              reg_we_o,
  output logic [11:0]       reg_addr_o,
  output logic [31:0]       reg_wdata_o,
  input  logic              reg_gnt_i,
  input  logic [31:0]       reg_rdata_i,
  // status
  output logic              err_o,
  output logic [7:0]        err_count_o,
  output logic [31:0]       cnt_reqs_o
);
  `include "nd_assert.svh"

  `ND_STATIC_ASSERT(gen_check_vcs, NumVcs == 2 || NumVcs == 4, "nd_node_ni: NumVcs must be 2 or 4")
  `ND_STATIC_ASSERT(gen_check_depth, BufDepth >= 2 && BufDepth <= 16, "nd_node_ni: BufDepth must be 2..16")
  `ND_STATIC_ASSERT(gen_check_sram, SramBytes >= 4096 && (SramBytes & (SramBytes - 1)) == 0 &&
                    SramBytes <= (1 << 30), "nd_node_ni: SramBytes must be a power of two, 4 KiB .. 1 GiB")
  `ND_STATIC_ASSERT(gen_check_pkt, MaxPacketBytes >= 4 && MaxPacketBytes <= 65532 && MaxPacketBytes % 4 == 0,
                    "nd_node_ni: MaxPacketBytes must be a multiple of 4, 4 .. 65532")

  localparam int unsigned Half = NumVcs / 2;
  localparam int unsigned CredW = $clog2(BufDepth + 1);
  localparam logic [VcW-1:0] ReqVc = '0;
  localparam logic [VcW-1:0] RspVc = VcW'(Half);

  // ---- Ejection: per-class buffers -----------------------------------------------------------------------
  logic [NumVcs-1:0] ej_push;
  always_comb begin
    ej_push = '0;
    if (ej_valid_i) ej_push[ej_vc_i] = 1'b1;
  end

  logic         rq_valid, rq_ready, rs_in_valid, rs_in_ready;
  logic [1:0]   rq_type, rs_in_type;
  logic [127:0] rq_data, rs_in_data;

  nd_node_ni_rx #(.NumVcs(Half), .BufDepth(BufDepth)) u_rx_req (
    .clk_i   (clk_i),
    .rst_ni  (rst_ni),
    .push_i  (ej_push[Half-1:0]),
    .type_i  (ej_type_i),
    .data_i  (ej_data_i),
    .credit_o(ej_credit_o[Half-1:0]),
    .valid_o (rq_valid),
    .ready_i (rq_ready),
    .type_o  (rq_type),
    .data_o  (rq_data)
  );
  nd_node_ni_rx #(.NumVcs(Half), .BufDepth(BufDepth)) u_rx_rsp (
    .clk_i   (clk_i),
    .rst_ni  (rst_ni),
    .push_i  (ej_push[NumVcs-1:Half]),
    .type_i  (ej_type_i),
    .data_i  (ej_data_i),
    .credit_o(ej_credit_o[NumVcs-1:Half]),
    .valid_o (rs_in_valid),
    .ready_i (rs_in_ready),
    .type_o  (rs_in_type),
    .data_o  (rs_in_data)
  );

  // ---- Engines -------------------------------------------------------------------------------------------
  logic         t_req, t_we, t_gnt, s_req, s_gnt;
  logic [31:0]  t_addr, s_addr;
  logic [1023:0] t_wdata;
  logic [127:0]  s_wdata, t_be;
  logic [15:0]   s_be;
  logic         rsp_valid, rsp_ready, served, oor;
  logic [1:0]   rsp_type;
  logic [127:0] rsp_data;

  nd_node_ni_target #(.SramBytes(SramBytes), .MaxPacketBytes(MaxPacketBytes)) u_target (
    .clk_i      (clk_i),
    .rst_ni     (rst_ni),
    .pos_x_i    (pos_x_i),
    .pos_y_i    (pos_y_i),
    .rq_valid_i (rq_valid),
    .rq_ready_o (rq_ready),
    .rq_type_i  (rq_type),
    .rq_data_i  (rq_data),
    .rs_valid_o (rsp_valid),
    .rs_ready_i (rsp_ready),
    .rs_type_o  (rsp_type),
    .rs_data_o  (rsp_data),
    .mem_req_o  (t_req),
    .mem_we_o   (t_we),
    .mem_addr_o (t_addr),
    .mem_wdata_o(t_wdata),
    .mem_be_o   (t_be),
    .mem_gnt_i  (t_gnt),
    .mem_rdata_i(mem_rdata_i),
    .reg_req_o  (reg_req_o),
    .reg_we_o   (reg_we_o),
    .reg_addr_o (reg_addr_o),
    .reg_wdata_o(reg_wdata_o),
    .reg_gnt_i  (reg_gnt_i),
    .reg_rdata_i(reg_rdata_i),
    .served_o   (served),
    .oor_o      (oor)
  );

  nd_node_ni_resp #(.SramBytes(SramBytes), .MaxPacketBytes(MaxPacketBytes)) u_resp (
    .clk_i        (clk_i),
    .rst_ni       (rst_ni),
    .valid_i      (rs_in_valid),
    .ready_o      (rs_in_ready),
    .type_i       (rs_in_type),
    .data_i       (rs_in_data),
    .mem_req_o    (s_req),
    .mem_addr_o   (s_addr),
    .mem_wdata_o  (s_wdata),
    .mem_be_o     (s_be),
    .mem_gnt_i    (s_gnt),
    .ack_o        (dma_ack_o),
    .ack_err_o    (dma_ack_err_o),
    .rdata_done_o (dma_rdata_done_o),
    .rdata_err_o  (dma_rdata_err_o),
    .rdata_bytes_o(dma_rdata_bytes_o)
  );

  // ---- SRAM port: target engine (0) and response sink (1) ------------------------------------------------
  logic       hold_q, hold_d, own_q, own_d, pick;
  logic [1:0] arb_gnt;
  logic       arb_idx;
  nd_rr_arb #(.NumReq(2)) u_mem_arb (
    .clk_i    (clk_i),
    .rst_ni   (rst_ni),
    .req_i    ({s_req, t_req}),
    .advance_i(mem_gnt_i && !hold_q),
    .gnt_o    (arb_gnt),
    .idx_o    (arb_idx)
  );
  assign pick        = hold_q ? own_q : arb_idx;
  assign mem_req_o   = pick ? s_req : t_req;
  assign mem_we_o    = pick ? 1'b1 : t_we;
  assign mem_addr_o  = pick ? s_addr : t_addr;
  // The response sink writes one 16-byte block: its lane of the line.
  assign mem_wdata_o = pick ? {8{s_wdata}} : t_wdata;
  assign mem_be_o    = pick ? (128'(s_be) << {s_addr[6:4], 4'd0}) : t_be;
  assign t_gnt       = mem_gnt_i && !pick;
  assign s_gnt       = mem_gnt_i && pick;
  assign hold_d      = mem_req_o && !mem_gnt_i;
  assign own_d       = pick;

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) hold_q <= 1'b0;
    else         hold_q <= hold_d;
  end
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) own_q <= 1'b0;
    else         own_q <= own_d;
  end

  // ---- Injection: DMA requests on ReqVc, responses on RspVc, flit by flit ---------------------------------
  logic [NumVcs-1:0][CredW-1:0] cred_q, cred_d;
  logic             can_req, can_rsp, send_req, send_rsp, last_rsp_q, last_rsp_d;
  logic             inj_valid_q, inj_valid_d;
  logic [1:0]       inj_type_q, inj_type_d;
  logic [VcW-1:0]   inj_vc_q, inj_vc_d;
  logic [127:0]     inj_data_q, inj_data_d;

  // An open DMA packet (head sent, tail not yet) is closed by a zero tail flit if the engine is reset.
  logic dma_open_q, dma_open_d, abort_q, abort_d, closing, req_valid;
  logic [1:0]   req_type;
  logic [127:0] req_data;
  // Once seen, the reset is remembered until the closing tail is out (credits may delay it).
  assign closing   = dma_open_q && (abort_q || !dma_rst_ni);
  assign abort_d   = dma_open_d && closing;
  assign req_valid = closing || (dma_valid_i && dma_rst_ni);
  assign req_type  = closing ? FlitTail : dma_type_i;
  assign req_data  = closing ? '0 : dma_data_i;
  assign can_req     = req_valid && (cred_q[ReqVc] != '0);
  assign can_rsp     = rsp_valid && (cred_q[RspVc] != '0);
  assign send_rsp    = can_rsp && (!can_req || !last_rsp_q);
  assign send_req    = can_req && !send_rsp;
  assign dma_ready_o = send_req && !closing;
  assign dma_open_d  = send_req ? !req_type[1] : dma_open_q;
  assign rsp_ready   = send_rsp;

  always_comb begin
    for (int unsigned v = 0; v < NumVcs; v++) begin
      cred_d[v] = cred_q[v] + CredW'(inj_credit_i[v]) -
                  CredW'((send_req && VcW'(v) == ReqVc) || (send_rsp && VcW'(v) == RspVc));
    end
    last_rsp_d  = send_rsp ? 1'b1 : (send_req ? 1'b0 : last_rsp_q);
    inj_valid_d = send_req || send_rsp;
    inj_type_d  = send_rsp ? rsp_type : req_type;
    inj_vc_d    = send_rsp ? RspVc : ReqVc;
    inj_data_d  = send_rsp ? rsp_data : req_data;
  end

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) cred_q <= {NumVcs{CredW'(BufDepth)}};
    else         cred_q <= cred_d;
  end
  for (genvar v = 0; v < NumVcs; v++) begin : gen_cred
    `ND_ASSERT(CreditNoOverflow_A, !(inj_credit_i[v] && cred_q[v] == CredW'(BufDepth)))
  end
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) abort_q <= 1'b0;
    else         abort_q <= abort_d;
  end
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) dma_open_q <= 1'b0;
    else         dma_open_q <= dma_open_d;
  end
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) last_rsp_q <= 1'b0;
    else         last_rsp_q <= last_rsp_d;
  end
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) inj_valid_q <= 1'b0;
    else         inj_valid_q <= inj_valid_d;
  end
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) inj_type_q <= '0;
    else         inj_type_q <= inj_type_d;
  end
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) inj_vc_q <= '0;
    else         inj_vc_q <= inj_vc_d;
  end
  always_ff @(posedge clk_i) begin
    inj_data_q <= inj_data_d;
  end
  assign inj_valid_o = inj_valid_q;
  assign inj_type_o  = inj_type_q;
  assign inj_vc_o    = inj_vc_q;
  assign inj_data_o  = inj_data_q;

  // ---- Status ---------------------------------------------------------------------------------------------
  logic        err_q, err_d;
  logic [7:0]  err_cnt_q, err_cnt_d;
  logic [31:0] reqs_q, reqs_d;
  assign err_d     = err_q || oor;
  assign err_cnt_d = err_cnt_q + 8'((oor && err_cnt_q != 8'hFF) ? 1 : 0);
  assign reqs_d    = reqs_q + 32'(served);
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) err_q <= 1'b0;
    else         err_q <= err_d;
  end
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) err_cnt_q <= '0;
    else         err_cnt_q <= err_cnt_d;
  end
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) reqs_q <= '0;
    else         reqs_q <= reqs_d;
  end
  assign err_o      = err_q;
  assign err_count_o  = err_cnt_q;
  assign cnt_reqs_o = reqs_q;

  logic unused_ni;
  assign unused_ni = ^arb_gnt;

  `ND_ASSERT(DmaRequestClass_A, dma_valid_i && dma_type_i[0] |-> dma_data_i[HDR_CLASS_BIT] == MsgRequest)
  // The DMA's packets are whole: a head only between packets, a body or tail only inside one.
  `ND_ASSERT(DmaPacketsWhole_A, dma_valid_i && dma_rst_ni && !closing |-> dma_type_i[0] == !dma_open_q)
  `ND_ASSERT(ResponseClass_A, rsp_valid && rsp_type[0] |-> rsp_data[HDR_CLASS_BIT] == MsgResponse)
  `ND_ASSERT(MemHeld_A, mem_req_o && !mem_gnt_i |=> mem_req_o && $stable(mem_addr_o) && $stable(mem_we_o))
  `ND_ASSERT(OneSender_A, !(send_req && send_rsp))
endmodule
