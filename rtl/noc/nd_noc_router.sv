// 5-port mesh router (local, north, east, south, west): input-buffered with NumVcs virtual channels
// of BufDepth flits per port, credit flow control, wormhole switching, XY routing, combined VC and
// switch allocation in one cycle, registered outputs. A flit spends one cycle in the router (buffer
// write, then allocation and crossbar into the output register) and one on the link: 2 cycles per
// hop at zero load. See docs/noc.md.
//
// The position comes in on pos_x_i / pos_y_i (tie to constants) rather than as parameters, so every
// router of a mesh is the same module: Verilator then builds one router model for all instances
// instead of one per position (the mesh compiles in a fraction of the time).
//
// Every port p has one link in and one link out, flattened at [p*W +: W]; port order nd_noc_pkg::port_e.
// The local port's link in is loc_*_i; in_*_i carry the four mesh links only (ports 1..4, same indexing).
// Link in (credit flow control): in_valid_i[p] (loc_valid_i) is a one-cycle pulse with one flit (type, VC,
//   data); in_credit_o[p*NumVcs + v] pulses once for every flit that left input buffer (p, v).
// (The local link is apart because the mesh drives it from its top-level inputs: in one vector with the
// links, Verilator would evaluate every port's input logic in its input-combinational region, twice per
// cycle; docs/noc.md "Simulation models".)
// Link out: out_valid_o[p] pulses once per flit (registered); out_credit_i[p*NumVcs + v] returns one
//   slot of the receiver's VC v. The receiver starts with BufDepth free slots per VC.
// Counter / debug read port (combinational): cnt_o = counter cnt_sel_i of port cnt_port_i, see
//   nd_noc_pkg::cnt_kind_e; cnt_sel_i[7:4] selects the VC for per-VC debug values.
module nd_noc_router import nd_noc_pkg::*; #(
  parameter int unsigned NumVcs = 4,
  parameter int unsigned BufDepth = 6,
  parameter int unsigned AllocIters = 2,  // allocator iterations per cycle (nd_noc_alloc)
  parameter int unsigned VcPolicy = VC_SEPARATE,  // VCs a message class may take (nd_noc_pkg)
  // Crossbar inputs per input port (input speedup): 2 lets two VCs of a port leave at once, to different
  // outputs; 1 is BookSim's matched router and the tile's (docs/noc.md "Input speedup").
  parameter int unsigned InSpeedup = 2,
  parameter int unsigned FlitWidth = 128,
  parameter int unsigned Rows = 4,  // mesh size, for the edge assertions
  parameter int unsigned Cols = 4,
  // 1: the read port shows the per-VC debug values (DbgInUsage .. DbgOutOwner); 0 reads them as 0 and
  // drops their logic (the lean simulation models: docs/noc.md "Simulation models").
  parameter int unsigned DebugRead = 1,
  localparam int unsigned VcW = (NumVcs > 1) ? $clog2(NumVcs) : 1
) (
  input  logic                           clk_i,
  input  logic                           rst_ni,
  input  coord_t                         pos_x_i,  // column (0 = west)
  input  coord_t                         pos_y_i,  // row (0 = north)
  input  logic                           loc_valid_i,
  input  logic [1:0]                     loc_type_i,
  input  logic [VcW-1:0]                 loc_vc_i,
  input  logic [FlitWidth-1:0]           loc_data_i,
  input  logic [NUM_PORTS-1:1]           in_valid_i,
  input  logic [NUM_PORTS*2-1:2]         in_type_i,
  input  logic [NUM_PORTS*VcW-1:VcW]     in_vc_i,
  input  logic [NUM_PORTS*FlitWidth-1:FlitWidth] in_data_i,
  output logic [NUM_PORTS*NumVcs-1:0]    in_credit_o,
  output logic [NUM_PORTS-1:0]           out_valid_o,
  output logic [NUM_PORTS*2-1:0]         out_type_o,
  output logic [NUM_PORTS*VcW-1:0]       out_vc_o,
  output logic [NUM_PORTS*FlitWidth-1:0] out_data_o,
  input  logic [NUM_PORTS*NumVcs-1:0]    out_credit_i,
  input  logic [PORT_W-1:0]              cnt_port_i,
  input  logic [CNT_SEL_W-1:0]           cnt_sel_i,
  output logic [31:0]                    cnt_o
);
  `include "nd_assert.svh"
  /* verilator no_inline_module */

  // Supported configurations (docs/noc.md): checked at elaboration, so a bad -G value fails the build.
  `ND_STATIC_ASSERT(gen_check_vcs, NumVcs == 2 || NumVcs == 4,
                    "nd_noc_router: NumVcs must be 2 or 4 (each message class needs VCs of its own)")
  `ND_STATIC_ASSERT(gen_check_depth, BufDepth >= 2 && BufDepth <= 16,
                    "nd_noc_router: BufDepth must be 2..16")
  `ND_STATIC_ASSERT(gen_check_iters, AllocIters >= 1 && AllocIters <= 4,
                    "nd_noc_router: AllocIters must be 1..4")
  `ND_STATIC_ASSERT(gen_check_policy, VcPolicy <= VC_SHARED,
                    "nd_noc_router: VcPolicy must be 0 (separate), 1 (borrow) or 2 (shared)")
  `ND_STATIC_ASSERT(gen_check_speedup, InSpeedup == 1 || InSpeedup == 2,
                    "nd_noc_router: InSpeedup must be 1 or 2")
  `ND_STATIC_ASSERT(gen_check_debug, DebugRead <= 1, "nd_noc_router: DebugRead must be 0 or 1")
  `ND_STATIC_ASSERT(gen_check_width, FlitWidth >= HDR_W,
                    "nd_noc_router: FlitWidth must hold the 32-bit route header")
  `ND_STATIC_ASSERT(gen_check_rows, Rows >= 1 && Rows <= (1 << COORD_W),
                    "nd_noc_router: Rows must be 1..16 (4-bit header coordinates)")
  `ND_STATIC_ASSERT(gen_check_cols, Cols >= 1 && Cols <= (1 << COORD_W),
                    "nd_noc_router: Cols must be 1..16 (4-bit header coordinates)")

  localparam int unsigned UsageW = $clog2(BufDepth + 1);

  // Input ports -> allocator.
  logic [NUM_PORTS-1:0][NumVcs-1:0] req_valid, req_head, req_class, pop;
  logic [NUM_PORTS-1:0][NumVcs-1:0][1:0] req_type;
  logic [NUM_PORTS-1:0][NumVcs-1:0][PORT_W-1:0] req_port;
  logic [NUM_PORTS-1:0][NumVcs-1:0][VcW-1:0] req_ovc;
  // Crossbar inputs: the flits each input port's lanes picked (unpacked: indexed by the winner).
  logic [InSpeedup-1:0][1:0] sel_type[NUM_PORTS];
  logic [InSpeedup-1:0][FlitWidth-1:0] sel_data[NUM_PORTS];
  logic [NUM_PORTS-1:0][InSpeedup-1:0][VcW-1:0] in_vc;
  logic [NUM_PORTS-1:0][NumVcs-1:0][VcW-1:0] alloc_vc;
  // Allocator -> output ports.
  logic [NUM_PORTS-1:0] send, send_lane, credit_stall, alloc_stall;
  logic [NUM_PORTS-1:0][PORT_W-1:0] send_in;
  logic [NUM_PORTS-1:0][VcW-1:0] send_vc;
  logic [NUM_PORTS-1:0][NumVcs-1:0] has_credit, vc_free;
  // Debug and counters.
  // (Unpacked per port: the read port then selects one port's value instead of packing all five.)
  logic [NumVcs-1:0][UsageW-1:0] usage[NUM_PORTS];
  logic [NumVcs-1:0][7:0] in_state[NUM_PORTS];
  logic [NumVcs-1:0][UsageW-1:0] credits[NUM_PORTS];
  logic [NumVcs-1:0][3:0] owner[NUM_PORTS];
  logic [31:0] flits_in[NUM_PORTS], flits_out[NUM_PORTS], cstall_cnt[NUM_PORTS], astall_cnt[NUM_PORTS];

  for (genvar p = 0; p < NUM_PORTS; p++) begin : gen_in
    logic f_valid;
    logic [1:0] f_type;
    logic [VcW-1:0] f_vc;
    logic [FlitWidth-1:0] f_data;
    if (p == PortLocal) begin : gen_loc
      assign {f_valid, f_type, f_vc, f_data} = {loc_valid_i, loc_type_i, loc_vc_i, loc_data_i};
    end else begin : gen_link
      assign {f_valid, f_type, f_vc, f_data} =
          {in_valid_i[p], in_type_i[p*2+:2], in_vc_i[p*VcW+:VcW], in_data_i[p*FlitWidth+:FlitWidth]};
    end
    nd_noc_input_port #(
      .NumVcs   (NumVcs),
      .BufDepth (BufDepth),
      .FlitWidth(FlitWidth),
      .Rows     (Rows),
      .Cols     (Cols),
      .VcPolicy (VcPolicy),
      .InSpeedup(InSpeedup)
    ) u_in (
      .clk_i       (clk_i),
      .rst_ni      (rst_ni),
      .pos_x_i     (pos_x_i),
      .pos_y_i     (pos_y_i),
      .flit_valid_i(f_valid),
      .flit_type_i (f_type),
      .flit_vc_i   (f_vc),
      .flit_data_i (f_data),
      .credit_o    (in_credit_o[p*NumVcs+:NumVcs]),
      .req_valid_o (req_valid[p]),
      .req_type_o  (req_type[p]),
      .req_port_o  (req_port[p]),
      .req_ovc_o   (req_ovc[p]),
      .req_class_o (req_class[p]),
      .sel_vc_i    (in_vc[p]),
      .sel_type_o  (sel_type[p]),
      .sel_data_o  (sel_data[p]),
      .pop_i       (pop[p]),
      .alloc_vc_i  (alloc_vc[p]),
      .usage_o     (usage[p]),
      .state_o     (in_state[p]),
      .flits_in_o  (flits_in[p])
    );
    for (genvar v = 0; v < NumVcs; v++) begin : gen_head
      assign req_head[p][v] = req_type[p][v][0];
    end
  end

  nd_noc_alloc #(
    .NumVcs    (NumVcs),
    .AllocIters(AllocIters),
    .VcPolicy  (VcPolicy),
    .InSpeedup (InSpeedup)
  ) u_alloc (
    .clk_i         (clk_i),
    .rst_ni        (rst_ni),
    .req_valid_i   (req_valid),
    .req_head_i    (req_head),
    .req_port_i    (req_port),
    .req_ovc_i     (req_ovc),
    .req_class_i   (req_class),
    .has_credit_i  (has_credit),
    .vc_free_i     (vc_free),
    .pop_o         (pop),
    .in_vc_o       (in_vc),
    .alloc_vc_o    (alloc_vc),
    .send_o        (send),
    .send_in_o     (send_in),
    .send_lane_o   (send_lane),
    .send_vc_o     (send_vc),
    .credit_stall_o(credit_stall),
    .alloc_stall_o (alloc_stall)
  );

  // Crossbar: every output takes the flit on the lane of its winning input.
  for (genvar p = 0; p < NUM_PORTS; p++) begin : gen_out
    logic [PORT_W-1:0] src;
    logic [1:0] xb_type;
    logic [FlitWidth-1:0] xb_data;
    assign src = send_in[p];
    if (InSpeedup == 1) begin : gen_one_lane
      logic unused_lane;  // always 0 with one lane
      assign unused_lane = send_lane[p];
      assign xb_type = sel_type[src][0];
      assign xb_data = sel_data[src][0];
    end else begin : gen_lanes
      assign xb_type = sel_type[src][send_lane[p]];
      assign xb_data = sel_data[src][send_lane[p]];
    end

    nd_noc_output_port #(
      .NumVcs   (NumVcs),
      .BufDepth (BufDepth),
      .FlitWidth(FlitWidth)
    ) u_out (
      .clk_i         (clk_i),
      .rst_ni        (rst_ni),
      .send_i        (send[p]),
      .send_type_i   (xb_type),
      .send_vc_i     (send_vc[p]),
      .send_data_i   (xb_data),
      .send_in_port_i(src),
      .has_credit_o  (has_credit[p]),
      .vc_free_o     (vc_free[p]),
      .credit_stall_i(credit_stall[p]),
      .alloc_stall_i (alloc_stall[p]),
      .flit_valid_o  (out_valid_o[p]),
      .flit_type_o   (out_type_o[p*2+:2]),
      .flit_vc_o     (out_vc_o[p*VcW+:VcW]),
      .flit_data_o   (out_data_o[p*FlitWidth+:FlitWidth]),
      .credit_i      (out_credit_i[p*NumVcs+:NumVcs]),
      .credits_o     (credits[p]),
      .owner_o       (owner[p]),
      .flits_out_o   (flits_out[p]),
      .credit_stall_o(cstall_cnt[p]),
      .alloc_stall_o (astall_cnt[p])
    );
  end

  // Counter / debug read port.
  logic [3:0] cnt_kind, cnt_vc;
  assign cnt_kind = cnt_sel_i[3:0];
  assign cnt_vc   = cnt_sel_i[7:4];
  always_comb begin
    cnt_o = '0;
    if ((32'(cnt_port_i) < NUM_PORTS) && (32'(cnt_vc) < NumVcs || cnt_kind < 4'd8)) begin
      case (cnt_kind)
        CntFlitsOut:    cnt_o = flits_out[cnt_port_i];
        CntCreditStall: cnt_o = cstall_cnt[cnt_port_i];
        CntAllocStall:  cnt_o = astall_cnt[cnt_port_i];
        CntFlitsIn:     cnt_o = flits_in[cnt_port_i];
        DbgInUsage:     cnt_o = (DebugRead != 0) ? 32'(usage[cnt_port_i][VcW'(cnt_vc)]) : '0;
        DbgInState:     cnt_o = (DebugRead != 0) ? 32'(in_state[cnt_port_i][VcW'(cnt_vc)]) : '0;
        DbgOutCredits:  cnt_o = (DebugRead != 0) ? 32'(credits[cnt_port_i][VcW'(cnt_vc)]) : '0;
        DbgOutOwner:    cnt_o = (DebugRead != 0) ? 32'(owner[cnt_port_i][VcW'(cnt_vc)]) : '0;
        DbgPosition:    cnt_o = {24'd0, pos_y_i, pos_x_i};
        default:        cnt_o = '0;
      endcase
    end
  end

  // Edge ports have no neighbour: XY routing never sends a flit there. The west port of column 0 is the
  // host port (docs/noc.md "Host ports"), where packets with dst_host leave the mesh.
  `ND_ASSERT(NoFlitOffNorthEdge_A, (pos_y_i == '0) |-> !send[PortNorth])
  `ND_ASSERT(NoFlitOffSouthEdge_A, (32'(pos_y_i) == Rows - 1) |-> !send[PortSouth])
  `ND_ASSERT(NoFlitOffEastEdge_A, (32'(pos_x_i) == Cols - 1) |-> !send[PortEast])
  `ND_ASSERT(PositionInMesh_A, (32'(pos_x_i) < Cols) && (32'(pos_y_i) < Rows))
endmodule
