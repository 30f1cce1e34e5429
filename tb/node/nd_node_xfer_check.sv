// Test top of the node's data movement (tb/node/node_xfer.test.cpp): two nodes, A at (0, 0) and B at
// (1, 0), each a DMA engine and a network interface on its own nd_noc_router (a 1 x 2 mesh, A's east link
// to B's west link). Every SRAM and register port is brought out to the C++ models, node n's signals at
// [n*W +: W] of each vector. dma_rst_ni[n] resets node n's DMA engine alone (the compute reset of a node).
// Node B's NI serves only SramBytesB bytes while both DMA engines check against SramBytes, so a DMA access
// to B between the two is refused by B's NI: the way the tests provoke remote errors (DMA error 7).
module nd_node_xfer_check #(
  parameter int unsigned NumVcs = 2,
  parameter int unsigned BufDepth = 4,
  parameter int unsigned InSpeedup = 1,  // the routers' (nd_noc_router)
  parameter int unsigned SramBytes = 65536,
  parameter int unsigned SramBytesB = 32768,  // node B's NI (its DMA and node A's assume SramBytes)
  parameter int unsigned MaxPacketBytes = 256,
  parameter int unsigned QueueDepth = 4,
  localparam int unsigned N = 2,
  localparam int unsigned VcW = (NumVcs > 1) ? $clog2(NumVcs) : 1
) (
  input  logic            clk_i,
  input  logic            rst_ni,
  input  logic [N-1:0]    dma_rst_ni,
  // DMA commands
  input  logic [N-1:0]    cmd_valid_i,
  output logic [N-1:0]    cmd_ready_o,
  input  logic [N*74-1:0] cmd_i,
  output logic [N-1:0]    busy_o,
  // DMA SRAM read ports
  output logic [N-1:0]     dmem_req_o,
  output logic [N*32-1:0]  dmem_addr_o,
  input  logic [N-1:0]     dmem_gnt_i,
  input  logic [N*1024-1:0] dmem_rdata_i,
  // NI SRAM ports
  output logic [N-1:0]     nmem_req_o,
  output logic [N-1:0]     nmem_we_o,
  output logic [N*32-1:0]  nmem_addr_o,
  output logic [N*1024-1:0] nmem_wdata_o,
  output logic [N*128-1:0] nmem_be_o,
  input  logic [N-1:0]     nmem_gnt_i,
  input  logic [N*128-1:0] nmem_rdata_i,
  // NI register ports
  output logic [N-1:0]     reg_req_o,
  output logic [N-1:0]     reg_we_o,
  output logic [N*12-1:0]  reg_addr_o,
  output logic [N*32-1:0]  reg_wdata_o,
  input  logic [N-1:0]     reg_gnt_i,
  input  logic [N*32-1:0]  reg_rdata_i,
  // status
  output logic [N-1:0]     err_o,
  output logic [N*4-1:0]   err_code_o,
  output logic [N*32-1:0]  cnt_done_o,
  output logic [N*32-1:0]  cnt_bytes_out_o,
  output logic [N*32-1:0]  cnt_bytes_in_o,
  output logic [N*32-1:0]  cnt_stall_o,
  output logic [N-1:0]     ni_err_o,
  output logic [N*8-1:0]   ni_err_cnt_o,
  output logic [N*32-1:0]  ni_reqs_o,
  output logic [N-1:0]     ack_o  // WRITE_ACK arriving at node n (observation)
);
  // Router port numbers (nd_noc_pkg::port_e; the test top is read before the packages, so it cannot import).
  localparam int unsigned P = 5;
  localparam int unsigned PortLocal = 0;
  localparam int unsigned PortEast = 2;
  localparam int unsigned PortWest = 4;

  // Router links, per router r: the flat port vectors of nd_noc_router (link inputs: ports 1..4).
  logic [P-1:1]           in_valid[N];
  logic [P*2-1:2]         in_type[N];
  logic [P*VcW-1:VcW]     in_vc[N];
  logic [P*128-1:128]     in_data[N];
  logic [P-1:0]           out_valid[N];
  logic [P*2-1:0]         out_type[N];
  logic [P*VcW-1:0]       out_vc[N];
  logic [P*128-1:0]       out_data[N];
  logic [P*NumVcs-1:0]    in_credit[N], out_credit[N];

  for (genvar n = 0; n < N; n++) begin : gen_node
    localparam int unsigned O = 1 - n;                       // the other router
    localparam int unsigned MyLink = (n == 0) ? PortEast : PortWest;
    localparam int unsigned OtherLink = (n == 0) ? PortWest : PortEast;

    logic         dma_valid, dma_ready, ack, ack_err, rdone, rerr;
    logic [1:0]   dma_type;
    logic [127:0] dma_data;
    logic [15:0]  rbytes;
    logic [31:0]  unused_cnt;
    logic              ni_inj_valid;
    logic [1:0]        ni_inj_type;
    logic [VcW-1:0]    ni_inj_vc;
    logic [127:0]      ni_inj_data;
    logic [NumVcs-1:0] ni_ej_credit;


    // Router inputs: the local port from the NI (loc_*), the link from the other router, nothing else.
    always_comb begin
      in_valid[n] = '0;
      in_type[n]  = '0;
      in_vc[n]    = '0;
      in_data[n]  = '0;
      out_credit[n] = '0;
      in_valid[n][MyLink]                 = out_valid[O][OtherLink];
      in_type[n][MyLink*2+:2]             = out_type[O][OtherLink*2+:2];
      in_vc[n][MyLink*VcW+:VcW]           = out_vc[O][OtherLink*VcW+:VcW];
      in_data[n][MyLink*128+:128]         = out_data[O][OtherLink*128+:128];
      out_credit[n][MyLink*NumVcs+:NumVcs] = in_credit[O][OtherLink*NumVcs+:NumVcs];
      out_credit[n][PortLocal*NumVcs+:NumVcs] = ni_ej_credit;
    end

    nd_noc_router #(
      .NumVcs(NumVcs), .BufDepth(BufDepth), .InSpeedup(InSpeedup), .FlitWidth(128), .Rows(1), .Cols(N)
    ) u_router (
      .clk_i      (clk_i),
      .rst_ni     (rst_ni),
      .pos_x_i    (4'(n)),
      .pos_y_i    ('0),
      .loc_valid_i(ni_inj_valid),
      .loc_type_i (ni_inj_type),
      .loc_vc_i   (ni_inj_vc),
      .loc_data_i (ni_inj_data),
      .in_valid_i (in_valid[n]),
      .in_type_i  (in_type[n]),
      .in_vc_i    (in_vc[n]),
      .in_data_i  (in_data[n]),
      .in_credit_o(in_credit[n]),
      .out_valid_o(out_valid[n]),
      .out_type_o (out_type[n]),
      .out_vc_o   (out_vc[n]),
      .out_data_o (out_data[n]),
      .out_credit_i(out_credit[n]),
      .cnt_port_i ('0),
      .cnt_sel_i  ('0),
      .cnt_o      (unused_cnt)
    );

    nd_node_ni #(
      .NumVcs(NumVcs), .BufDepth(BufDepth), .SramBytes((n == 0) ? SramBytes : SramBytesB),
      .MaxPacketBytes(MaxPacketBytes)
    ) u_ni (
      .clk_i        (clk_i),
      .rst_ni       (rst_ni),
      .pos_x_i      (4'(n)),
      .pos_y_i      ('0),
      .inj_valid_o  (ni_inj_valid),
      .inj_type_o   (ni_inj_type),
      .inj_vc_o     (ni_inj_vc),
      .inj_data_o   (ni_inj_data),
      .inj_credit_i (in_credit[n][PortLocal*NumVcs+:NumVcs]),
      .ej_valid_i   (out_valid[n][PortLocal]),
      .ej_type_i    (out_type[n][PortLocal*2+:2]),
      .ej_vc_i      (out_vc[n][PortLocal*VcW+:VcW]),
      .ej_data_i    (out_data[n][PortLocal*128+:128]),
      .ej_credit_o  (ni_ej_credit),
      .dma_rst_ni   (dma_rst_ni[n]),
      .dma_valid_i  (dma_valid),
      .dma_ready_o  (dma_ready),
      .dma_type_i   (dma_type),
      .dma_data_i   (dma_data),
      .dma_ack_o        (ack),
      .dma_ack_err_o    (ack_err),
      .dma_rdata_done_o (rdone),
      .dma_rdata_err_o  (rerr),
      .dma_rdata_bytes_o(rbytes),
      .mem_req_o    (nmem_req_o[n]),
      .mem_we_o     (nmem_we_o[n]),
      .mem_addr_o   (nmem_addr_o[n*32+:32]),
      .mem_wdata_o  (nmem_wdata_o[n*1024+:1024]),
      .mem_be_o     (nmem_be_o[n*128+:128]),
      .mem_gnt_i    (nmem_gnt_i[n]),
      .mem_rdata_i  (nmem_rdata_i[n*128+:128]),
      .reg_req_o    (reg_req_o[n]),
      .reg_we_o     (reg_we_o[n]),
      .reg_addr_o   (reg_addr_o[n*12+:12]),
      .reg_wdata_o  (reg_wdata_o[n*32+:32]),
      .reg_gnt_i    (reg_gnt_i[n]),
      .reg_rdata_i  (reg_rdata_i[n*32+:32]),
      .err_o        (ni_err_o[n]),
      .err_count_o    (ni_err_cnt_o[n*8+:8]),
      .cnt_reqs_o   (ni_reqs_o[n*32+:32])
    );
    assign ack_o[n] = ack;

    nd_node_dma #(
      .Rows(1), .Cols(N), .SramBytes(SramBytes), .MaxPacketBytes(MaxPacketBytes), .QueueDepth(QueueDepth)
    ) u_dma (
      .clk_i          (clk_i),
      .rst_ni         (rst_ni && dma_rst_ni[n]),
      .pos_x_i        (4'(n)),
      .pos_y_i        ('0),
      .cmd_valid_i    (cmd_valid_i[n]),
      .cmd_ready_o    (cmd_ready_o[n]),
      .cmd_i          (cmd_i[n*74+:74]),
      .busy_o         (busy_o[n]),
      .mem_req_o      (dmem_req_o[n]),
      .mem_addr_o     (dmem_addr_o[n*32+:32]),
      .mem_gnt_i      (dmem_gnt_i[n]),
      .mem_rdata_i    (dmem_rdata_i[n*1024+:1024]),
      .flit_valid_o   (dma_valid),
      .flit_ready_i   (dma_ready),
      .flit_type_o    (dma_type),
      .flit_data_o    (dma_data),
      .ack_i          (ack),
      .ack_err_i      (ack_err),
      .rdata_done_i   (rdone),
      .rdata_err_i    (rerr),
      .rdata_bytes_i  (rbytes),
      .err_o          (err_o[n]),
      .err_code_o     (err_code_o[n*4+:4]),
      .cnt_done_o     (cnt_done_o[n*32+:32]),
      .cnt_bytes_out_o(cnt_bytes_out_o[n*32+:32]),
      .cnt_bytes_in_o (cnt_bytes_in_o[n*32+:32]),
      .cnt_stall_o    (cnt_stall_o[n*32+:32])
    );
  end
endmodule
