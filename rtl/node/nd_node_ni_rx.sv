// Ejection buffers of one message class in the network interface (docs/node.md "Network interface"): one
// FIFO of BufDepth flits per VC of the class, credit return per consumed flit, and a packet-level selector
// that hands whole packets, one at a time, to the class's engine.
//
// Handshake contract:
// - Link side (credit flow control, docs/noc.md): push_i[v] writes the flit (type_i, data_i) into VC v's
//   buffer; the sender never pushes into a full buffer (it holds BufDepth credits per VC; asserted).
//   credit_o[v] pulses, registered, in the cycle after a flit left VC v's buffer.
// - Engine side: valid_o / ready_i / type_o / data_o. Between packets the selector picks a VC with a flit
//   (round robin) and stays on it until that packet's tail was taken, so the engine sees packets whole.
module nd_node_ni_rx #(
  parameter int unsigned NumVcs = 1,    // VCs of this class
  parameter int unsigned BufDepth = 4
) (
  input  logic              clk_i,
  input  logic              rst_ni,
  input  logic [NumVcs-1:0] push_i,
  input  logic [1:0]        type_i,
  input  logic [127:0]      data_i,
  output logic [NumVcs-1:0] credit_o,
  output logic              valid_o,
  input  logic              ready_i,
  output logic [1:0]        type_o,
  output logic [127:0]      data_o
);
  `include "nd_assert.svh"

  localparam int unsigned IdxW = (NumVcs > 1) ? $clog2(NumVcs) : 1;
  localparam int unsigned UseW = $clog2(BufDepth + 1);

  logic [NumVcs-1:0]   f_valid, f_ready, f_pop, credit_q, credit_d;
  logic [129:0]        f_data[NumVcs];
  logic [UseW-1:0]     f_usage[NumVcs];

  for (genvar v = 0; v < NumVcs; v++) begin : gen_vc
    nd_fifo #(
      .Width    (130),
      .Depth    (BufDepth),
      .CheckHold(1'b0)
    ) u_buf (
      .clk_i  (clk_i),
      .rst_ni (rst_ni),
      .valid_i(push_i[v]),
      .ready_o(f_ready[v]),
      .data_i ({type_i, data_i}),
      .valid_o(f_valid[v]),
      .ready_i(f_pop[v]),
      .data_o (f_data[v]),
      .usage_o(f_usage[v])
    );
    `ND_ASSERT(NoBufferOverflow_A, push_i[v] |-> f_ready[v])
  end

  // Packet selector.
  logic            locked_q, locked_d;
  logic [IdxW-1:0] cur_q, cur_d, arb_idx, sel;
  logic [NumVcs-1:0] arb_gnt;
  logic            take;

  nd_rr_arb #(
    .NumReq(NumVcs)
  ) u_arb (
    .clk_i    (clk_i),
    .rst_ni   (rst_ni),
    .req_i    (locked_q ? '0 : f_valid),
    .advance_i(take && !locked_q),
    .gnt_o    (arb_gnt),
    .idx_o    (arb_idx)
  );

  assign sel     = locked_q ? cur_q : arb_idx;
  assign valid_o = f_valid[sel];
  assign {type_o, data_o} = f_data[sel];
  assign take    = valid_o && ready_i;

  always_comb begin
    f_pop = '0;
    if (take) f_pop[sel] = 1'b1;
    credit_d = f_pop;
    locked_d = locked_q;
    cur_d    = cur_q;
    if (take) begin
      locked_d = !type_o[1];  // stay on this VC until the tail
      cur_d    = sel;
    end
  end

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) locked_q <= 1'b0;
    else         locked_q <= locked_d;
  end
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) cur_q <= '0;
    else         cur_q <= cur_d;
  end
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) credit_q <= '0;
    else         credit_q <= credit_d;
  end
  assign credit_o = credit_q;

  logic unused_rx;
  always_comb begin
    unused_rx = ^arb_gnt;
    for (int unsigned v = 0; v < NumVcs; v++) unused_rx ^= ^f_usage[v];
  end

  // Packets are whole on a VC: between packets the selected flit is a head, inside one it is not.
  `ND_ASSERT(HeadBetweenPackets_A, valid_o && !locked_q |-> type_o[0])
  `ND_ASSERT(NoHeadInsidePacket_A, valid_o && locked_q |-> !type_o[0])
endmodule
