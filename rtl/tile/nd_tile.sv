// nanodojo tile (docs/node.md "Tile"): Rows x Cols nodes on the 2D mesh, with a host port on the west edge
// of every row. The routers are those of nd_noc_mesh (node n's router is the mesh's router n); each node
// connects to its router's local port. Node n = y * Cols + x sits at column x, row y.
//
// Host ports (one per row y, the west link of router (0, y)): the router-link protocol of docs/noc.md.
//   host_in_valid_i[y] pulses one flit (type, VC, data) into the mesh; the host starts with BufDepth credits
//   per VC and gets one back per host_in_credit_o[y * NumVcs + v] pulse. host_out_valid_o[y] pulses one flit
//   for the host; the host returns one credit per flit on host_out_credit_i[y * NumVcs + v].
// Observation per node n (lane n): retired instructions, console bytes, halt and run state; counters of the
// routers through the mesh's read port (cnt_*).
module nd_tile import nd_noc_pkg::*, nd_node_pkg::*; #(
  parameter int unsigned Rows = 2,
  parameter int unsigned Cols = 2,
  parameter int unsigned KLanes = 4,
  parameter int unsigned SramBytes = 262144,
  parameter int unsigned NumVcs = 2,  // one VC per class: the tile's GEMMs gain nothing from 4 (docs/node.md)
  parameter int unsigned BufDepth = 4,
  parameter int unsigned AllocIters = 2,
  parameter int unsigned InSpeedup = 1,  // the router's input speedup (docs/noc.md): 1 with one VC per class
  parameter int unsigned MaxPacketBytes = 256,
  localparam int unsigned VcW = (NumVcs > 1) ? $clog2(NumVcs) : 1,
  localparam int unsigned N = Rows * Cols,
  localparam int unsigned FW = NODE_FLIT_W
) (
  input  logic                   clk_i,
  input  logic                   rst_ni,
  // host ports
  input  logic [Rows-1:0]        host_in_valid_i,
  input  logic [2*Rows-1:0]      host_in_type_i,
  input  logic [VcW*Rows-1:0]    host_in_vc_i,
  input  logic [FW*Rows-1:0]     host_in_data_i,
  output logic [NumVcs*Rows-1:0] host_in_credit_o,
  output logic [Rows-1:0]        host_out_valid_o,
  output logic [2*Rows-1:0]      host_out_type_o,
  output logic [VcW*Rows-1:0]    host_out_vc_o,
  output logic [FW*Rows-1:0]     host_out_data_o,
  input  logic [NumVcs*Rows-1:0] host_out_credit_i,
  // observation
  output logic [N-1:0]           retire_valid_o,
  output logic [N-1:0]           console_valid_o,
  output logic [8*N-1:0]         console_data_o,
  output logic [N-1:0]           halted_o,
  output logic [N-1:0]           running_o,
  input  logic [CNT_NODE_W-1:0]  cnt_node_i,
  input  logic [PORT_W-1:0]      cnt_port_i,
  input  logic [CNT_SEL_W-1:0]   cnt_sel_i,
  output logic [31:0]            cnt_o
);

  logic [N-1:0]        inj_valid, ej_valid;
  logic [2*N-1:0]      inj_type, ej_type;
  logic [VcW*N-1:0]    inj_vc, ej_vc;
  logic [FW*N-1:0]     inj_data, ej_data;
  logic [NumVcs*N-1:0] inj_credit, ej_credit;

  nd_noc_mesh #(
    .Rows (Rows), .Cols (Cols), .NumVcs (NumVcs), .BufDepth (BufDepth), .AllocIters (AllocIters),
    .InSpeedup (InSpeedup),
    .FlitWidth (FW)
  ) u_mesh (
    .clk_i, .rst_ni,
    .inj_valid_i (inj_valid), .inj_type_i (inj_type), .inj_vc_i (inj_vc), .inj_data_i (inj_data),
    .inj_credit_o (inj_credit),
    .ej_valid_o (ej_valid), .ej_type_o (ej_type), .ej_vc_o (ej_vc), .ej_data_o (ej_data),
    .ej_credit_i (ej_credit),
    .host_in_valid_i, .host_in_type_i, .host_in_vc_i, .host_in_data_i, .host_in_credit_o,
    .host_out_valid_o, .host_out_type_o, .host_out_vc_o, .host_out_data_o, .host_out_credit_i,
    .cnt_node_i, .cnt_port_i, .cnt_sel_i, .cnt_o
  );

  for (genvar y = 0; y < Rows; y++) begin : gen_row
    for (genvar x = 0; x < Cols; x++) begin : gen_col
      localparam int unsigned Node = y * Cols + x;
      logic [31:0] unused_pc;
      nd_node #(
        .Rows (Rows), .Cols (Cols), .KLanes (KLanes), .SramBytes (SramBytes), .NumVcs (NumVcs),
        .BufDepth (BufDepth), .MaxPacketBytes (MaxPacketBytes)
      ) u_node (
        .clk_i, .rst_ni,
        .pos_x_i (COORD_W'(x)), .pos_y_i (COORD_W'(y)),
        .inj_valid_o (inj_valid[Node]), .inj_type_o (inj_type[Node*2+:2]), .inj_vc_o (inj_vc[Node*VcW+:VcW]),
        .inj_data_o (inj_data[Node*FW+:FW]), .inj_credit_i (inj_credit[Node*NumVcs+:NumVcs]),
        .ej_valid_i (ej_valid[Node]), .ej_type_i (ej_type[Node*2+:2]), .ej_vc_i (ej_vc[Node*VcW+:VcW]),
        .ej_data_i (ej_data[Node*FW+:FW]), .ej_credit_o (ej_credit[Node*NumVcs+:NumVcs]),
        .retire_valid_o (retire_valid_o[Node]), .retire_pc_o (unused_pc),
        .console_valid_o (console_valid_o[Node]), .console_data_o (console_data_o[Node*8+:8]),
        .halted_o (halted_o[Node]), .running_o (running_o[Node])
      );
    end
  end

endmodule
