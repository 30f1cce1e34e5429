// Rows x Cols mesh of nd_noc_router; every router's local port is brought out for the testbench.
//
// Node n = y * Cols + x (x = column from the west, y = row from the north) owns lane n of every flat
// vector: [n*W +: W] for a field of W bits.
// Injection (TB -> local input port, credit flow control): inj_valid_i[n] is a one-cycle pulse with
//   one flit (type, VC, data). The TB starts with BufDepth credits per VC, spends one per flit and
//   gets one back for every pulse on inj_credit_o[n*NumVcs + v].
// Ejection (local output port -> TB): ej_valid_o[n] pulses once per flit; the TB returns one credit
//   per consumed flit on ej_credit_i[n*NumVcs + v] (the router starts with BufDepth per VC).
// Host ports: the west link of router (0, y) for every row y, same protocol as a router link (docs/noc.md):
//   host_in_* carries flits from the host into router (0, y) (the host starts with BufDepth credits per VC
//   and gets them back on host_in_credit_o), host_out_* carries the flits routed out of the mesh to the host
//   (packets with dst_host set, docs/node.md); the host returns one credit per flit on host_out_credit_i.
//   A mesh without a host leaves the inputs at 0 (no flits, no credits); no packet is routed there.
// SelfCredit = 1 (the lean simulation models, docs/noc.md "Simulation models"): the local and host output
//   ports get a credit back in the cycle their flit is on ej_* / host_out_*, as from a sink that takes every
//   flit at once; ej_credit_i and host_out_credit_i are unused, and so are host_in_* (a lean model carries
//   no host traffic). Timing is that of a TB that returns each credit in the cycle it sees the flit, but no
//   router logic depends on a top-level input's credit then, and the only router inputs driven by top-level
//   inputs are the local ports' (loc_*_i), so Verilator keeps the rest of the routers' logic out of its
//   input-combinational region, which runs twice per cycle (docs/noc.md "Simulation models").
// Counter / debug read port (combinational): cnt_o = counter cnt_sel_i of port cnt_port_i of router
//   cnt_node_i (nd_noc_pkg::cnt_kind_e); 0 for a node or port that does not exist. DebugRead = 0 (the lean
//   models too) reads the per-VC debug values as 0 and drops their logic; the counters stay.
module nd_noc_mesh import nd_noc_pkg::*; #(
  parameter int unsigned Rows = 2,
  parameter int unsigned Cols = 2,
  parameter int unsigned NumVcs = 4,
  parameter int unsigned BufDepth = 6,
  parameter int unsigned AllocIters = 2,
  parameter int unsigned VcPolicy = VC_SEPARATE,  // nd_noc_pkg: VC_SEPARATE, VC_BORROW, VC_SHARED
  parameter int unsigned InSpeedup = 2,  // nd_noc_router: crossbar inputs per input port (1 or 2)
  parameter int unsigned FlitWidth = 128,
  parameter int unsigned SelfCredit = 0,
  parameter int unsigned DebugRead = 1,  // nd_noc_router: 0 drops the per-VC debug values (lean models)
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
  // host ports (west edge, one per row)
  input  logic [Rows-1:0]           host_in_valid_i,
  input  logic [2*Rows-1:0]         host_in_type_i,
  input  logic [VcW*Rows-1:0]       host_in_vc_i,
  input  logic [FlitWidth*Rows-1:0] host_in_data_i,
  output logic [NumVcs*Rows-1:0]    host_in_credit_o,
  output logic [Rows-1:0]           host_out_valid_o,
  output logic [2*Rows-1:0]         host_out_type_o,
  output logic [VcW*Rows-1:0]       host_out_vc_o,
  output logic [FlitWidth*Rows-1:0] host_out_data_o,
  input  logic [NumVcs*Rows-1:0]    host_out_credit_i,
  // counters
  input  logic [CNT_NODE_W-1:0]   cnt_node_i,
  input  logic [PORT_W-1:0]       cnt_port_i,
  input  logic [CNT_SEL_W-1:0]    cnt_sel_i,
  output logic [31:0]             cnt_o
);
  `include "nd_assert.svh"

  // The routers check NumVcs, BufDepth and FlitWidth; the mesh checks its size and SelfCredit.
  `ND_STATIC_ASSERT(gen_check_rows, Rows >= 1 && Rows <= (1 << COORD_W),
                    "nd_noc_mesh: Rows must be 1..16 (4-bit header coordinates)")
  `ND_STATIC_ASSERT(gen_check_cols, Cols >= 1 && Cols <= (1 << COORD_W),
                    "nd_noc_mesh: Cols must be 1..16 (4-bit header coordinates)")
  `ND_STATIC_ASSERT(gen_check_self_credit, SelfCredit <= 1, "nd_noc_mesh: SelfCredit must be 0 or 1")

  localparam int unsigned P = NUM_PORTS;

  // Router outputs, one lane per (node, port) at [node * P + port]. Unpacked on purpose: every lane is
  // written and read whole, which keeps the Verilated model small (no mesh-wide packed vectors).
  logic out_valid[N*P];
  logic [1:0] out_type[N*P];
  logic [VcW-1:0] out_vc[N*P];
  logic [FlitWidth-1:0] out_data[N*P];
  logic [NumVcs-1:0] in_credit[N*P];  // credits an input port returns upstream
  logic [31:0] r_cnt[N];

  for (genvar y = 0; y < Rows; y++) begin : gen_row
    for (genvar x = 0; x < Cols; x++) begin : gen_col
      localparam int unsigned Node = y * Cols + x;

      // This router's input side, per link port (1..4), and its flat port vectors. The local port's flit
      // goes from inj_*_i straight to the router's loc_*_i.
      logic in_valid[1:P-1];
      logic [1:0] in_type[1:P-1];
      logic [VcW-1:0] in_vc[1:P-1];
      logic [FlitWidth-1:0] in_data[1:P-1];
      logic [NumVcs-1:0] out_credit[P];
      logic [P-1:1] f_in_valid;
      logic [P*2-1:2] f_in_type;
      logic [P*VcW-1:VcW] f_in_vc;
      logic [P*FlitWidth-1:FlitWidth] f_in_data;
      logic [P-1:0] f_out_valid;
      logic [P*2-1:0] f_out_type;
      logic [P*VcW-1:0] f_out_vc;
      logic [P*FlitWidth-1:0] f_out_data;
      logic [P*NumVcs-1:0] f_in_credit, f_out_credit;

      for (genvar p = 0; p < P; p++) begin : gen_flat
        if (p != PortLocal) begin : gen_link_in
          assign f_in_valid[p] = in_valid[p];
          assign f_in_type[p*2+:2] = in_type[p];
          assign f_in_vc[p*VcW+:VcW] = in_vc[p];
          assign f_in_data[p*FlitWidth+:FlitWidth] = in_data[p];
        end
        assign f_out_credit[p*NumVcs+:NumVcs] = out_credit[p];
        assign out_valid[Node*P+p] = f_out_valid[p];
        assign out_type[Node*P+p] = f_out_type[p*2+:2];
        assign out_vc[Node*P+p] = f_out_vc[p*VcW+:VcW];
        assign out_data[Node*P+p] = f_out_data[p*FlitWidth+:FlitWidth];
        assign in_credit[Node*P+p] = f_in_credit[p*NumVcs+:NumVcs];
      end

      nd_noc_router #(
        .NumVcs    (NumVcs),
        .BufDepth  (BufDepth),
        .AllocIters(AllocIters),
        .VcPolicy  (VcPolicy),
        .InSpeedup (InSpeedup),
        .FlitWidth (FlitWidth),
        .Rows      (Rows),
        .Cols      (Cols),
        .DebugRead (DebugRead)
      ) u_router (
        .clk_i       (clk_i),
        .rst_ni      (rst_ni),
        .pos_x_i     (COORD_W'(x)),
        .pos_y_i     (COORD_W'(y)),
        .loc_valid_i (inj_valid_i[Node]),
        .loc_type_i  (inj_type_i[Node*2+:2]),
        .loc_vc_i    (inj_vc_i[Node*VcW+:VcW]),
        .loc_data_i  (inj_data_i[Node*FlitWidth+:FlitWidth]),
        .in_valid_i  (f_in_valid),
        .in_type_i   (f_in_type),
        .in_vc_i     (f_in_vc),
        .in_data_i   (f_in_data),
        .in_credit_o (f_in_credit),
        .out_valid_o (f_out_valid),
        .out_type_o  (f_out_type),
        .out_vc_o    (f_out_vc),
        .out_data_o  (f_out_data),
        .out_credit_i(f_out_credit),
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
          assign inj_credit_o[Node*NumVcs+:NumVcs] = in_credit[L];
          assign ej_valid_o[Node] = out_valid[L];
          assign ej_type_o[Node*2+:2] = out_type[L];
          assign ej_vc_o[Node*VcW+:VcW] = out_vc[L];
          if (SelfCredit != 0) begin : gen_self
            assign out_credit[p] = out_valid[L] ? NumVcs'(1) << out_vc[L] : '0;
          end else begin : gen_tb
            assign out_credit[p] = ej_credit_i[Node*NumVcs+:NumVcs];
          end
        end else if (p == PortWest && x == 0) begin : gen_host
          if (SelfCredit != 0) begin : gen_no_host_in
            // A lean model has no host traffic: the host link in is tied off, so that no router's link
            // inputs come from top-level inputs and all of them share one model (docs/noc.md).
            assign in_valid[p] = 1'b0;
            assign in_type[p] = '0;
            assign in_vc[p] = '0;
            assign in_data[p] = '0;
          end else begin : gen_host_in
            assign in_valid[p] = host_in_valid_i[y];
            assign in_type[p] = host_in_type_i[y*2+:2];
            assign in_vc[p] = host_in_vc_i[y*VcW+:VcW];
            assign in_data[p] = host_in_data_i[y*FlitWidth+:FlitWidth];
          end
          assign host_in_credit_o[y*NumVcs+:NumVcs] = in_credit[L];
          assign host_out_valid_o[y] = out_valid[L];
          assign host_out_type_o[y*2+:2] = out_type[L];
          assign host_out_vc_o[y*VcW+:VcW] = out_vc[L];
          assign host_out_data_o[y*FlitWidth+:FlitWidth] = out_data[L];
          if (SelfCredit != 0) begin : gen_self
            assign out_credit[p] = out_valid[L] ? NumVcs'(1) << out_vc[L] : '0;
          end else begin : gen_tb
            assign out_credit[p] = host_out_credit_i[y*NumVcs+:NumVcs];
          end
        end else if (HasNbr) begin : gen_link
          assign in_valid[p] = out_valid[R];
          assign in_type[p] = out_type[R];
          assign in_vc[p] = out_vc[R];
          assign in_data[p] = out_data[R];
          assign out_credit[p] = in_credit[R];
        end else begin : gen_edge
          assign in_valid[p] = 1'b0;
          assign in_type[p] = '0;
          assign in_vc[p] = '0;
          assign in_data[p] = '0;
          assign out_credit[p] = '0;
          logic edge_valid;
          assign edge_valid = out_valid[L];
          `ND_ASSERT(NoFlitOffMesh_A, !edge_valid)
          // The edge output (always idle) and the edge input's credits go nowhere.
          logic unused_edge;
          assign unused_edge = ^{out_type[L], out_vc[L], out_data[L], in_credit[L]};
        end
      end
    end
  end

  if (SelfCredit != 0) begin : gen_self_credit
    logic unused_tb_credit;
    assign unused_tb_credit = ^{ej_credit_i, host_out_credit_i, host_in_valid_i, host_in_type_i, host_in_vc_i,
                                host_in_data_i};
  end

  // Ejected flits' data, in one loop: one slice assign per node would be merged by Verilator into a chain
  // of concatenations of the whole ej_data_o, which copies it once per node in every cycle (quadratic in
  // the mesh size; 4 % of the lean 8x8's instructions).
  always_comb begin
    for (int unsigned n = 0; n < N; n++) begin
      ej_data_o[n*FlitWidth+:FlitWidth] = out_data[n*P+32'(PortLocal)];
    end
  end

  // Counter read port.
  always_comb begin
    cnt_o = '0;
    for (int unsigned n = 0; n < N; n++) begin
      if (32'(cnt_node_i) == n) cnt_o = r_cnt[n];
    end
  end
endmodule
