// Rows x Cols mesh of noc_router; every router's local port is brought out for the testbench.
//
// Node n = y * Cols + x (x = column from the west, y = row from the north) owns lane n of every flat
// vector: [n*W +: W] for a field of W bits.
// Injection (TB -> local input port, credit flow control): inj_valid_i[n] is a one-cycle pulse with
//   one flit (type, VC, data). The TB starts with BufDepth credits per VC, spends one per flit and
//   gets one back for every pulse on inj_credit_o[n*NumVcs + v].
// Ejection (local output port -> TB): ej_valid_o[n] pulses once per flit; the TB returns one credit
//   per consumed flit on ej_credit_i[n*NumVcs + v] (the router starts with BufDepth per VC).
// Counter / debug read port (combinational): cnt_o = counter cnt_sel_i of port cnt_port_i of router
//   cnt_node_i (noc_pkg::cnt_kind_e); 0 for a node or port that does not exist.
module noc_mesh import noc_pkg::*; #(
  parameter int unsigned Rows = 2,
  parameter int unsigned Cols = 2,
  parameter int unsigned NumVcs = 2,
  parameter int unsigned BufDepth = 4,
  parameter int unsigned FlitWidth = 128,
  localparam int unsigned VcW = (NumVcs > 1) ? $clog2(NumVcs) : 1,
  localparam int unsigned N = Rows * Cols
) (
  input  logic                    clk_i,
  input  logic                    rst_ni,
  // injection
  input  logic [N-1:0]            inj_valid_i,
  input  logic [2*N-1:0]          inj_type_i,
  input  logic [VcW*N-1:0]        inj_vc_i,
  input  logic [FlitWidth*N-1:0]  inj_data_i,
  output logic [NumVcs*N-1:0]     inj_credit_o,
  // ejection
  output logic [N-1:0]            ej_valid_o,
  output logic [2*N-1:0]          ej_type_o,
  output logic [VcW*N-1:0]        ej_vc_o,
  output logic [FlitWidth*N-1:0]  ej_data_o,
  input  logic [NumVcs*N-1:0]     ej_credit_i,
  // counters
  input  logic [CNT_NODE_W-1:0]   cnt_node_i,
  input  logic [PORT_W-1:0]       cnt_port_i,
  input  logic [CNT_SEL_W-1:0]    cnt_sel_i,
  output logic [31:0]             cnt_o
);
  `include "nd_assert.svh"

  localparam int unsigned P = NUM_PORTS;

  // Router-side view of every port of every router, lane [n*P + p].
  logic [N*P-1:0] r_in_valid, r_out_valid;
  logic [N*P*2-1:0] r_in_type, r_out_type;
  logic [N*P*VcW-1:0] r_in_vc, r_out_vc;
  logic [N*P*FlitWidth-1:0] r_in_data, r_out_data;
  logic [N*P*NumVcs-1:0] r_in_credit, r_out_credit;
  logic [N-1:0][31:0] r_cnt;

  for (genvar y = 0; y < Rows; y++) begin : gen_row
    for (genvar x = 0; x < Cols; x++) begin : gen_col
      localparam int unsigned Node = y * Cols + x;

      noc_router #(
        .NumVcs   (NumVcs),
        .BufDepth (BufDepth),
        .FlitWidth(FlitWidth),
        .Rows     (Rows),
        .Cols     (Cols),
        .X        (x),
        .Y        (y)
      ) u_router (
        .clk_i       (clk_i),
        .rst_ni      (rst_ni),
        .in_valid_i  (r_in_valid[Node*P+:P]),
        .in_type_i   (r_in_type[Node*P*2+:P*2]),
        .in_vc_i     (r_in_vc[Node*P*VcW+:P*VcW]),
        .in_data_i   (r_in_data[Node*P*FlitWidth+:P*FlitWidth]),
        .in_credit_o (r_in_credit[Node*P*NumVcs+:P*NumVcs]),
        .out_valid_o (r_out_valid[Node*P+:P]),
        .out_type_o  (r_out_type[Node*P*2+:P*2]),
        .out_vc_o    (r_out_vc[Node*P*VcW+:P*VcW]),
        .out_data_o  (r_out_data[Node*P*FlitWidth+:P*FlitWidth]),
        .out_credit_i(r_out_credit[Node*P*NumVcs+:P*NumVcs]),
        .cnt_port_i  (cnt_port_i),
        .cnt_sel_i   (cnt_sel_i),
        .cnt_o       (r_cnt[Node])
      );

      // Each input port p is fed by the neighbour in direction p through that neighbour's opposite
      // output port q; credits flow back the other way. Ports at the mesh edge are tied off.
      for (genvar p = 0; p < P; p++) begin : gen_port
        localparam bit HasNbr = (p == PortNorth) ? (y > 0) :
                                (p == PortSouth) ? (y < Rows - 1) :
                                (p == PortWest)  ? (x > 0) :
                                (p == PortEast)  ? (x < Cols - 1) : 1'b0;
        localparam int unsigned Nbr = (p == PortNorth) ? Node - Cols :
                                      (p == PortSouth) ? Node + Cols :
                                      (p == PortWest)  ? Node - 1 :
                                      (p == PortEast)  ? Node + 1 : Node;
        localparam int unsigned Q = (p == PortNorth) ? 32'(PortSouth) :
                                    (p == PortSouth) ? 32'(PortNorth) :
                                    (p == PortWest)  ? 32'(PortEast) :
                                    (p == PortEast)  ? 32'(PortWest) : 32'(PortLocal);
        localparam int unsigned L = Node * P + p;  // this router's lane
        localparam int unsigned R = Nbr * P + Q;   // the neighbour's facing lane
        if (p == PortLocal) begin : gen_local
          assign r_in_valid[L] = inj_valid_i[Node];
          assign r_in_type[L*2+:2] = inj_type_i[Node*2+:2];
          assign r_in_vc[L*VcW+:VcW] = inj_vc_i[Node*VcW+:VcW];
          assign r_in_data[L*FlitWidth+:FlitWidth] = inj_data_i[Node*FlitWidth+:FlitWidth];
          assign inj_credit_o[Node*NumVcs+:NumVcs] = r_in_credit[L*NumVcs+:NumVcs];
          assign ej_valid_o[Node] = r_out_valid[L];
          assign ej_type_o[Node*2+:2] = r_out_type[L*2+:2];
          assign ej_vc_o[Node*VcW+:VcW] = r_out_vc[L*VcW+:VcW];
          assign ej_data_o[Node*FlitWidth+:FlitWidth] = r_out_data[L*FlitWidth+:FlitWidth];
          assign r_out_credit[L*NumVcs+:NumVcs] = ej_credit_i[Node*NumVcs+:NumVcs];
        end else if (HasNbr) begin : gen_link
          assign r_in_valid[L] = r_out_valid[R];
          assign r_in_type[L*2+:2] = r_out_type[R*2+:2];
          assign r_in_vc[L*VcW+:VcW] = r_out_vc[R*VcW+:VcW];
          assign r_in_data[L*FlitWidth+:FlitWidth] = r_out_data[R*FlitWidth+:FlitWidth];
          assign r_out_credit[L*NumVcs+:NumVcs] = r_in_credit[R*NumVcs+:NumVcs];
        end else begin : gen_edge
          assign r_in_valid[L] = 1'b0;
          assign r_in_type[L*2+:2] = '0;
          assign r_in_vc[L*VcW+:VcW] = '0;
          assign r_in_data[L*FlitWidth+:FlitWidth] = '0;
          assign r_out_credit[L*NumVcs+:NumVcs] = '0;
          `ND_ASSERT(NoFlitOffMesh_A, !r_out_valid[L])
        end
      end
    end
  end

  // Counter read port.
  always_comb begin
    cnt_o = '0;
    for (int unsigned n = 0; n < N; n++) begin
      if (32'(cnt_node_i) == n) cnt_o = r_cnt[n];
    end
  end

  // Outputs of edge ports (always idle) and credits of edge inputs go nowhere.
  logic unused_edge;
  assign unused_edge = ^{r_out_type, r_out_vc, r_out_data, r_in_credit, r_out_valid};
endmodule
