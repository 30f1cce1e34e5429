// Output port of the mesh router: the output (link) register, one credit counter per downstream
// VC, the ownership of every downstream VC by a packet in flight, and the per-port counters.
//
// Allocator side: send_i is asserted in the cycle a flit wins switch allocation for this port; the
//   flit (type, VC, data) is registered and appears on the link in the next cycle. A head flit that
//   is not also a tail takes ownership of its output VC until its tail passes (wormhole); a VC is
//   offered to a new packet (vc_free_o) as soon as the previous tail has left, even if flits of the
//   old packet still sit in the downstream buffer.
// Link side (credit flow control): flit_valid_o is a one-cycle pulse per flit; credit_i[v] returns
//   one slot of downstream VC v. A counter starts at BufDepth and never under- or overflows (checked).
module nd_noc_output_port import nd_noc_pkg::*; #(
  parameter int unsigned NumVcs = 4,
  parameter int unsigned BufDepth = 6,
  parameter int unsigned FlitWidth = 128,
  localparam int unsigned VcW = (NumVcs > 1) ? $clog2(NumVcs) : 1,
  localparam int unsigned CredW = $clog2(BufDepth + 1)
) (
  input  logic                        clk_i,
  input  logic                        rst_ni,
  // from the allocator / crossbar
  input  logic                        send_i,
  input  logic [1:0]                  send_type_i,
  input  logic [VcW-1:0]              send_vc_i,
  input  logic [FlitWidth-1:0]        send_data_i,
  input  logic [PORT_W-1:0]           send_in_port_i,
  output logic [NumVcs-1:0]           has_credit_o,
  output logic [NumVcs-1:0]           vc_free_o,
  // counter events of this cycle
  input  logic                        credit_stall_i,
  input  logic                        alloc_stall_i,
  // link to the downstream router (or the local ejection port)
  output logic                        flit_valid_o,
  output logic [1:0]                  flit_type_o,
  output logic [VcW-1:0]              flit_vc_o,
  output logic [FlitWidth-1:0]        flit_data_o,
  input  logic [NumVcs-1:0]           credit_i,
  // debug / counters
  output logic [NumVcs-1:0][CredW-1:0] credits_o,
  output logic [NumVcs-1:0][3:0]      owner_o,
  output logic [31:0]                 flits_out_o,
  output logic [31:0]                 credit_stall_o,
  output logic [31:0]                 alloc_stall_o
);
  `include "nd_assert.svh"

  logic [NumVcs-1:0][CredW-1:0] cred_q, cred_d;
  logic [NumVcs-1:0] busy_q, busy_d;
  logic [NumVcs-1:0][PORT_W-1:0] owner_q, owner_d;
  logic valid_q, valid_d;
  logic [1:0] type_q, type_d;
  logic [VcW-1:0] vc_q, vc_d;
  logic [FlitWidth-1:0] data_q, data_d;
  logic [31:0] flits_q, flits_d, cstall_q, cstall_d, astall_q, astall_d;

  for (genvar v = 0; v < NumVcs; v++) begin : gen_vc
    logic take;
    assign take = send_i && (send_vc_i == VcW'(v));

    always_comb begin
      cred_d[v]  = cred_q[v] - CredW'(take) + CredW'(credit_i[v]);
      busy_d[v]  = busy_q[v];
      owner_d[v] = owner_q[v];
      if (take) begin
        // Head opens the VC, tail closes it; a head-tail flit leaves it free.
        busy_d[v] = !send_type_i[1];
        if (send_type_i[0]) owner_d[v] = send_in_port_i;
      end
    end

    // A credit arriving this cycle can be spent this cycle (credit_i comes from a register).
    assign has_credit_o[v] = (cred_q[v] != '0) || credit_i[v];
    assign vc_free_o[v] = !busy_q[v];
    assign owner_o[v] = {busy_q[v], owner_q[v]};

    `ND_ASSERT(CreditNoUnderflow_A, take |-> (cred_q[v] != '0) || credit_i[v])
    `ND_ASSERT(CreditNoOverflow_A, credit_i[v] |-> (cred_q[v] != CredW'(BufDepth)) || take)
    `ND_ASSERT(HeadOnFreeVc_A, take && send_type_i[0] |-> !busy_q[v])
    `ND_ASSERT(BodyOnOwnedVc_A, take && !send_type_i[0] |->
               busy_q[v] && (owner_q[v] == send_in_port_i))
  end

  always_comb begin
    flits_d  = flits_q + 32'(send_i);
    cstall_d = cstall_q + 32'(credit_stall_i);
    astall_d = astall_q + 32'(alloc_stall_i);
  end

  // Link register: valid for one cycle per flit; the payload is loaded only with a flit and holds
  // otherwise (read only while flit_valid_o).
  always_comb begin
    valid_d = send_i;
    type_d  = send_i ? send_type_i : type_q;
    vc_d    = send_i ? send_vc_i : vc_q;
    data_d  = send_i ? send_data_i : data_q;
  end

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      cred_q   <= {NumVcs{CredW'(BufDepth)}};
      busy_q   <= '0;
      owner_q  <= '0;
      valid_q  <= 1'b0;
      flits_q  <= '0;
      cstall_q <= '0;
      astall_q <= '0;
    end else begin
      cred_q   <= cred_d;
      busy_q   <= busy_d;
      owner_q  <= owner_d;
      valid_q  <= valid_d;
      flits_q  <= flits_d;
      cstall_q <= cstall_d;
      astall_q <= astall_d;
    end
  end

  // Link register payload: no reset.
  always_ff @(posedge clk_i) begin
    type_q <= type_d;
    vc_q   <= vc_d;
    data_q <= data_d;
  end

  assign flit_valid_o   = valid_q;
  assign flit_type_o    = type_q;
  assign flit_vc_o      = vc_q;
  assign flit_data_o    = data_q;
  assign credits_o      = cred_q;
  assign flits_out_o    = flits_q;
  assign credit_stall_o = cstall_q;
  assign alloc_stall_o  = astall_q;

  `ND_ASSERT_KNOWN(SendKnown_A, send_i)
  `ND_ASSERT_KNOWN(CreditKnown_A, credit_i)
endmodule
