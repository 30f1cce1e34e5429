// One iteration of the router's separable input-first allocator: per input a round-robin pick among
// the eligible VCs, then per output a round-robin pick among the inputs whose pick targets it.
// nd_noc_alloc runs two of these (two-iteration iSLIP, docs/noc.md "Allocation").
//
// Contract (combinational from elig_i / req_port_i and the arbiters' pointers, one cycle):
//   elig_i[i][v]     the flit at the head of input i's VC v may leave this cycle; req_port_i[i][v] is
//                    the output port it wants (must be < NUM_PORTS when eligible).
//   in_gnt_o[i]      one-hot VC picked by input i (zero when it has no eligible VC); in_vc_o[i] its
//                    index, in_port_o[i] its output port.
//   send_o[p]        some input picked output p; out_gnt_o[p] is the one-hot input granted and
//                    out_idx_o[p] its index. Every requested output grants exactly one input.
//   in_won_o[i]      input i's pick won its output.
// Pointers: an input arbiter advances only when its pick won the output (iSLIP), so an input that
// loses keeps its choice; an output arbiter advances on every grant. The caller commits every grant.
module nd_noc_alloc_iter import nd_noc_pkg::*; #(
  parameter int unsigned NumVcs = 2,
  localparam int unsigned VcW = (NumVcs > 1) ? $clog2(NumVcs) : 1
) (
  input  logic                                         clk_i,
  input  logic                                         rst_ni,
  // requests
  input  logic [NUM_PORTS-1:0][NumVcs-1:0]             elig_i,
  input  logic [NUM_PORTS-1:0][NumVcs-1:0][PORT_W-1:0] req_port_i,
  // per input: its pick and whether it won
  output logic [NUM_PORTS-1:0][NumVcs-1:0]             in_gnt_o,
  output logic [NUM_PORTS-1:0][VcW-1:0]                in_vc_o,
  output logic [NUM_PORTS-1:0][PORT_W-1:0]             in_port_o,
  output logic [NUM_PORTS-1:0]                         in_won_o,
  // per output: the input granted
  output logic [NUM_PORTS-1:0]                         send_o,
  output logic [NUM_PORTS-1:0][NUM_PORTS-1:0]          out_gnt_o,
  output logic [NUM_PORTS-1:0][PORT_W-1:0]             out_idx_o
);
  logic [NUM_PORTS-1:0] in_req;
  logic [NUM_PORTS-1:0][NUM_PORTS-1:0] out_req;

  // Stage 1: one VC per input.
  for (genvar i = 0; i < NUM_PORTS; i++) begin : gen_in
    nd_rr_arb #(
      .NumReq(NumVcs)
    ) u_in_arb (
      .clk_i    (clk_i),
      .rst_ni   (rst_ni),
      .req_i    (elig_i[i]),
      .advance_i(in_won_o[i]),
      .gnt_o    (in_gnt_o[i]),
      .idx_o    (in_vc_o[i])
    );
    assign in_req[i]    = |elig_i[i];
    assign in_port_o[i] = req_port_i[i][in_vc_o[i]];
  end

  // Stage 2: one input per output.
  for (genvar p = 0; p < NUM_PORTS; p++) begin : gen_out
    for (genvar i = 0; i < NUM_PORTS; i++) begin : gen_req
      assign out_req[p][i] = in_req[i] && (in_port_o[i] == PORT_W'(p));
    end
    nd_rr_arb #(
      .NumReq(NUM_PORTS)
    ) u_out_arb (
      .clk_i    (clk_i),
      .rst_ni   (rst_ni),
      .req_i    (out_req[p]),
      .advance_i(send_o[p]),
      .gnt_o    (out_gnt_o[p]),
      .idx_o    (out_idx_o[p])
    );
    assign send_o[p] = |out_req[p];
  end

  // An input won if some output granted it: the OR of the outputs' one-hot grant vectors (bit i = input i).
  always_comb begin
    in_won_o = '0;
    for (int unsigned p = 0; p < NUM_PORTS; p++) in_won_o |= out_gnt_o[p];
  end
endmodule
