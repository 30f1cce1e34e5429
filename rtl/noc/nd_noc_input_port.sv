// Input port of the mesh router: per-VC flit FIFOs, the XY route computation for head flits, the
// per-VC packet state of wormhole switching, and the credit return to the upstream sender.
//
// Link side (credit flow control, no ready): flit_valid_i is a one-cycle pulse carrying one flit
//   for VC flit_vc_i. The sender only sends with a credit, so the VC buffer is never full when a flit
//   arrives (checked). credit_o[v] is a one-cycle pulse (registered) for every flit that left the
//   buffer of VC v; the sender starts with BufDepth credits per VC.
// Allocator side: for every VC, req_* describe the flit at the head of its buffer (valid, type,
//   output port, output VC held by its packet, message class of a head flit). pop_i[v] removes that
//   flit in the cycle it wins switch allocation (up to InSpeedup VCs at once); for a head flit,
//   alloc_vc_i[v] is the output VC the allocator gave the packet, which the body and tail flits reuse.
//   A packet's flits stay contiguous within its VC.
//   sel_vc_i[l] chooses the VC whose head flit appears on sel_type_o[l] / sel_data_o[l] (crossbar input
//   lane l, one per unit of input speedup).
module nd_noc_input_port import nd_noc_pkg::*; #(
  parameter int unsigned NumVcs = 4,
  parameter int unsigned BufDepth = 6,
  parameter int unsigned FlitWidth = 128,
  parameter int unsigned Rows = 4,
  parameter int unsigned Cols = 4,
  parameter int unsigned VcPolicy = VC_SEPARATE,  // which VCs a head flit's class may arrive on
  parameter int unsigned InSpeedup = 2,  // crossbar lanes: VCs that may leave in one cycle
  localparam int unsigned VcW = (NumVcs > 1) ? $clog2(NumVcs) : 1,
  localparam int unsigned UsageW = $clog2(BufDepth + 1)
) (
  input  logic                        clk_i,
  input  logic                        rst_ni,
  input  coord_t                      pos_x_i,  // this router's column (constant)
  input  coord_t                      pos_y_i,  // this router's row (constant)
  // link from the upstream router (or the local injection port)
  input  logic                        flit_valid_i,
  input  logic [1:0]                  flit_type_i,
  input  logic [VcW-1:0]              flit_vc_i,
  input  logic [FlitWidth-1:0]        flit_data_i,
  output logic [NumVcs-1:0]           credit_o,
  // per-VC request to the allocator
  output logic [NumVcs-1:0]           req_valid_o,
  output logic [NumVcs-1:0][1:0]      req_type_o,
  output logic [NumVcs-1:0][PORT_W-1:0] req_port_o,
  output logic [NumVcs-1:0][VcW-1:0]  req_ovc_o,
  output logic [NumVcs-1:0]           req_class_o,
  input  logic [InSpeedup-1:0][VcW-1:0] sel_vc_i,
  output logic [InSpeedup-1:0][1:0]   sel_type_o,
  output logic [InSpeedup-1:0][FlitWidth-1:0] sel_data_o,
  input  logic [NumVcs-1:0]           pop_i,
  input  logic [NumVcs-1:0][VcW-1:0]  alloc_vc_i,
  // debug / counters
  output logic [NumVcs-1:0][UsageW-1:0] usage_o,
  output logic [NumVcs-1:0][7:0]      state_o,
  output logic [31:0]                 flits_in_o
);
  `include "nd_assert.svh"

  logic [NumVcs-1:0] fifo_ready;
  logic [NumVcs-1:0] active_q, active_d;
  logic [NumVcs-1:0][PORT_W-1:0] out_port_q, out_port_d;
  logic [NumVcs-1:0][VcW-1:0] out_vc_q, out_vc_d;
  logic [NumVcs-1:0] credit_q, credit_d;
  logic [31:0] flits_in_q, flits_in_d;
  logic [FlitWidth+1:0] head_flit[NumVcs];  // flit at the head of each VC buffer

  for (genvar v = 0; v < NumVcs; v++) begin : gen_vc
    logic [FlitWidth+1:0] fifo_out;
    logic write;
    port_e route;
    coord_t dst_x, dst_y;
    logic dst_host;
    logic is_head;

    assign write = flit_valid_i && (flit_vc_i == VcW'(v));

    // Credit flow control: a flit never arrives at a full buffer (NoBufferOverflow_A), so the FIFO's
    // valid/ready hold check has nothing to check here.
    nd_fifo #(
      .Width    (FlitWidth + 2),
      .Depth    (BufDepth),
      .CheckHold(1'b0)
    ) u_fifo (
      .clk_i  (clk_i),
      .rst_ni (rst_ni),
      .valid_i(write),
      .ready_o(fifo_ready[v]),
      .data_i ({flit_type_i, flit_data_i}),
      .valid_o(req_valid_o[v]),
      .ready_i(pop_i[v]),
      .data_o (fifo_out),
      .usage_o(usage_o[v])
    );

    assign req_type_o[v] = fifo_out[FlitWidth+:2];
    assign head_flit[v] = fifo_out;
    assign is_head = fifo_out[FlitWidth];
    // Dimension-order (XY) route: correct x first (east/west), then y (north/south), then eject; a
    // packet for the host (dst_host, dst_x = 0) leaves router (0, dst_y) through its west port instead.
    // Written out rather than as a package function: a run-time function call inside the replicated
    // router would keep Verilator from sharing its code across the mesh (docs/development.md).
    assign dst_x = fifo_out[HDR_DST_X_LSB+:COORD_W];
    assign dst_y = fifo_out[HDR_DST_Y_LSB+:COORD_W];
    assign dst_host = fifo_out[HDR_DST_HOST_BIT];
    always_comb begin
      if (dst_x > pos_x_i) route = PortEast;
      else if (dst_x < pos_x_i) route = PortWest;
      else if (dst_y > pos_y_i) route = PortSouth;
      else if (dst_y < pos_y_i) route = PortNorth;
      else route = dst_host ? PortWest : PortLocal;
    end
    assign req_port_o[v] = is_head ? route : out_port_q[v];
    assign req_ovc_o[v] = out_vc_q[v];
    assign req_class_o[v] = fifo_out[HDR_CLASS_BIT];

    // Wormhole state: a head that leaves opens the packet (unless it is also the tail); the tail
    // closes it. Body and tail flits follow the head's output port and output VC.
    always_comb begin
      active_d[v]   = active_q[v];
      out_port_d[v] = out_port_q[v];
      out_vc_d[v]   = out_vc_q[v];
      if (pop_i[v]) begin
        if (is_head) begin
          out_port_d[v] = route;
          out_vc_d[v]   = alloc_vc_i[v];
        end
        active_d[v] = !fifo_out[FlitWidth+1];
      end
    end

    assign state_o[v] = {4'(out_vc_q[v]), out_port_q[v], active_q[v]};

    // Header checks of arriving head flits. The verdict is registered and asserted one cycle later,
    // so that the assertion samples one bit instead of the whole flit (keeps simulation fast).
    `ND_ASSERT(NoBufferOverflow_A, write |-> fifo_ready[v])
    `ND_ASSERT(HeadOnlyBetweenPackets_A, req_valid_o[v] |-> (is_head == !active_q[v]))
`ifndef SYNTHESIS
    logic [COORD_W-1:0] arr_dst_x, arr_dst_y;
    logic bad_dst_d, bad_dst_q, bad_class_d, bad_class_q;
    localparam bit [NUM_CLASSES-1:0] ClassOk = {vc_allowed(VcPolicy, NumVcs, 1, v),
                                                vc_allowed(VcPolicy, NumVcs, 0, v)};
    assign arr_dst_x = flit_data_i[HDR_DST_X_LSB+:COORD_W];
    assign arr_dst_y = flit_data_i[HDR_DST_Y_LSB+:COORD_W];
    assign bad_dst_d = write && flit_type_i[0] && ((32'(arr_dst_x) >= Cols) || (32'(arr_dst_y) >= Rows));
    assign bad_class_d = write && flit_type_i[0] && !ClassOk[flit_data_i[HDR_CLASS_BIT]];
    always_ff @(posedge clk_i or negedge rst_ni) begin
      if (!rst_ni) begin
        bad_dst_q   <= 1'b0;
        bad_class_q <= 1'b0;
      end else begin
        bad_dst_q   <= bad_dst_d;
        bad_class_q <= bad_class_d;
      end
    end
    `ND_ASSERT(DstInMesh_A, !bad_dst_q)
    `ND_ASSERT(ClassMatchesVc_A, !bad_class_q)
`endif
    `ND_ASSERT(PopOnlyValid_A, pop_i[v] |-> req_valid_o[v])
  end

  for (genvar l = 0; l < InSpeedup; l++) begin : gen_lane
    assign {sel_type_o[l], sel_data_o[l]} = head_flit[sel_vc_i[l]];
  end

  // A credit goes upstream (registered) for every flit that leaves a VC buffer.
  always_comb begin
    credit_d   = pop_i;
    flits_in_d = flits_in_q + 32'(flit_valid_i);
  end

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      active_q   <= '0;
      out_port_q <= '0;
      out_vc_q   <= '0;
      credit_q   <= '0;
      flits_in_q <= '0;
    end else begin
      active_q   <= active_d;
      out_port_q <= out_port_d;
      out_vc_q   <= out_vc_d;
      credit_q   <= credit_d;
      flits_in_q <= flits_in_d;
    end
  end

  assign credit_o   = credit_q;
  assign flits_in_o = flits_in_q;

  `ND_ASSERT_KNOWN(FlitValidKnown_A, flit_valid_i)
  `ND_ASSERT(VcInRange_A, flit_valid_i |-> (32'(flit_vc_i) < NumVcs))
  `ND_ASSERT(PopsPerCycle_A, $countones(pop_i) <= InSpeedup)
endmodule
