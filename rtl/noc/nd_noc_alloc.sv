// Combined VC and switch allocator of the mesh router, one cycle, separable input-first with
// round-robin arbiters (see docs/noc.md, "Allocation").
//
// Requests (all registered state, no combinational input from other routers): for every input port
//   i and VC v, the flit at the head of the buffer (valid, type, output port, output VC held by its
//   packet). Output state: per output port and VC, whether a credit is available and whether the
//   VC is free for a new packet.
// A flit is eligible when it can leave this cycle: a body/tail flit needs a credit on the output VC
//   its packet holds; a head flit needs a free output VC of its message class with a credit.
// Stage 1 (per input): a round-robin arbiter picks one eligible VC. Stage 2 (per output): a
//   round-robin arbiter picks one input among those whose pick targets it (both in one
//   nd_noc_alloc_iter). A second iteration, a second nd_noc_alloc_iter with its own arbiters, lets
//   the inputs that lost try another eligible VC whose output is still unclaimed (as in
//   two-iteration iSLIP). A head flit that wins gets
//   an output VC from a per-output, per-class round-robin arbiter over the free VCs with credit; since
//   an output grants one input per cycle, VC and switch allocation never conflict. Input pointers
//   advance only when their pick also won the output (iSLIP-style), output and VC pointers on use.
// Grants: pop_o[i][v] removes the flit; send_o[p] with send_in_o[p] (input index) and send_vc_o[p]
//   drives output p; alloc_vc_o[i] is the output VC given to input i's winning flit.
module nd_noc_alloc import nd_noc_pkg::*; #(
  parameter int unsigned NumVcs = 2,
  localparam int unsigned VcW = (NumVcs > 1) ? $clog2(NumVcs) : 1
) (
  input  logic                                      clk_i,
  input  logic                                      rst_ni,
  input  logic [NUM_PORTS-1:0][NumVcs-1:0]          req_valid_i,
  input  logic [NUM_PORTS-1:0][NumVcs-1:0]          req_head_i,
  input  logic [NUM_PORTS-1:0][NumVcs-1:0][PORT_W-1:0] req_port_i,
  input  logic [NUM_PORTS-1:0][NumVcs-1:0][VcW-1:0] req_ovc_i,
  input  logic [NUM_PORTS-1:0][NumVcs-1:0]          has_credit_i,
  input  logic [NUM_PORTS-1:0][NumVcs-1:0]          vc_free_i,
  output logic [NUM_PORTS-1:0][NumVcs-1:0]          pop_o,
  output logic [NUM_PORTS-1:0][VcW-1:0]             in_vc_o,
  output logic [NUM_PORTS-1:0][VcW-1:0]             alloc_vc_o,
  output logic [NUM_PORTS-1:0]                      send_o,
  output logic [NUM_PORTS-1:0][PORT_W-1:0]          send_in_o,
  output logic [NUM_PORTS-1:0][VcW-1:0]             send_vc_o,
  output logic [NUM_PORTS-1:0]                      credit_stall_o,
  output logic [NUM_PORTS-1:0]                      alloc_stall_o
);
  `include "nd_assert.svh"

  localparam int unsigned VcsPerClass = NumVcs / NUM_CLASSES;

  // VCs owned by each message class.
  function automatic logic [NumVcs-1:0] class_mask(int unsigned c);
    logic [NumVcs-1:0] m;
    for (int unsigned v = 0; v < NumVcs; v++) m[v] = (v / VcsPerClass) == c;
    return m;
  endfunction

  // Per output and class: free VCs with a credit, and the round-robin choice among them.
  logic [NUM_PORTS-1:0][NUM_CLASSES-1:0][NumVcs-1:0] cand_vc;
  logic [NUM_PORTS-1:0][NUM_CLASSES-1:0][NumVcs-1:0] pick_vc_oh;
  logic [NUM_PORTS-1:0][NUM_CLASSES-1:0][VcW-1:0] pick_vc;
  logic [NUM_PORTS-1:0][NUM_CLASSES-1:0] vc_adv;
  logic [NUM_PORTS-1:0][NUM_CLASSES-1:0] any_free;

  for (genvar p = 0; p < NUM_PORTS; p++) begin : gen_out_vc
    for (genvar c = 0; c < NUM_CLASSES; c++) begin : gen_class
      assign cand_vc[p][c]  = vc_free_i[p] & has_credit_i[p] & class_mask(c);
      assign any_free[p][c] = |(vc_free_i[p] & class_mask(c));
      nd_rr_arb #(
        .NumReq(NumVcs)
      ) u_vc_arb (
        .clk_i    (clk_i),
        .rst_ni   (rst_ni),
        .req_i    (cand_vc[p][c]),
        .advance_i(vc_adv[p][c]),
        .gnt_o    (pick_vc_oh[p][c]),
        .idx_o    (pick_vc[p][c])
      );
      logic unused_oh;
      assign unused_oh = ^pick_vc_oh[p][c];
    end
  end

  // Eligibility and stall classification of every buffered head-of-VC flit.
  logic [NUM_PORTS-1:0][NumVcs-1:0] elig, cstall;
  for (genvar i = 0; i < NUM_PORTS; i++) begin : gen_elig
    for (genvar v = 0; v < NumVcs; v++) begin : gen_vc
      localparam int unsigned C = v / VcsPerClass;
      logic [PORT_W-1:0] p;
      assign p = req_port_i[i][v];
      always_comb begin
        elig[i][v]   = 1'b0;
        cstall[i][v] = 1'b0;
        if (req_valid_i[i][v] && (32'(p) < NUM_PORTS)) begin
          if (req_head_i[i][v]) begin
            elig[i][v]   = |cand_vc[p][C];
            cstall[i][v] = any_free[p][C] && !(|cand_vc[p][C]);
          end else begin
            elig[i][v]   = has_credit_i[p][req_ovc_i[i][v]];
            cstall[i][v] = !has_credit_i[p][req_ovc_i[i][v]];
          end
        end
      end
    end
  end

  // Two iterations of the same cell: the second lets the inputs that lost try another eligible VC
  // whose output the first left unclaimed.
  logic [NUM_PORTS-1:0][NumVcs-1:0] in_gnt1, in_gnt2, elig2;
  logic [NUM_PORTS-1:0][VcW-1:0] in_vc1, in_vc2;
  logic [NUM_PORTS-1:0] in_won1, in_won2, in_won;
  logic [NUM_PORTS-1:0][PORT_W-1:0] in_port1, in_port2, in_port;
  logic [NUM_PORTS-1:0][NUM_PORTS-1:0] out_gnt1, out_gnt2;
  logic [NUM_PORTS-1:0][PORT_W-1:0] out_idx1, out_idx2;
  logic [NUM_PORTS-1:0] send1, send2;

  nd_noc_alloc_iter #(
    .NumVcs(NumVcs)
  ) u_iter1 (
    .clk_i     (clk_i),
    .rst_ni    (rst_ni),
    .elig_i    (elig),
    .req_port_i(req_port_i),
    .in_gnt_o  (in_gnt1),
    .in_vc_o   (in_vc1),
    .in_port_o (in_port1),
    .in_won_o  (in_won1),
    .send_o    (send1),
    .out_gnt_o (out_gnt1),
    .out_idx_o (out_idx1)
  );

  for (genvar i = 0; i < NUM_PORTS; i++) begin : gen_elig2
    for (genvar v = 0; v < NumVcs; v++) begin : gen_vc
      assign elig2[i][v] = elig[i][v] && !in_won1[i] && !send1[req_port_i[i][v]];
    end
  end

  nd_noc_alloc_iter #(
    .NumVcs(NumVcs)
  ) u_iter2 (
    .clk_i     (clk_i),
    .rst_ni    (rst_ni),
    .elig_i    (elig2),
    .req_port_i(req_port_i),
    .in_gnt_o  (in_gnt2),
    .in_vc_o   (in_vc2),
    .in_port_o (in_port2),
    .in_won_o  (in_won2),
    .send_o    (send2),
    .out_gnt_o (out_gnt2),
    .out_idx_o (out_idx2)
  );

  // Grants of both iterations: an output is claimed at most once, an input wins at most once.
  logic [NUM_PORTS-1:0][NUM_PORTS-1:0] out_gnt;
  logic [NUM_PORTS-1:0] win_head, win_class;
  for (genvar i = 0; i < NUM_PORTS; i++) begin : gen_grant
    assign in_won[i]     = in_won1[i] || in_won2[i];
    assign in_vc_o[i]    = in_won2[i] ? in_vc2[i] : in_vc1[i];
    assign in_port[i]    = in_won2[i] ? in_port2[i] : in_port1[i];
    assign pop_o[i]      = in_won1[i] ? in_gnt1[i] : (in_won2[i] ? in_gnt2[i] : '0);
    assign alloc_vc_o[i] = send_vc_o[in_port[i]];
  end

  for (genvar p = 0; p < NUM_PORTS; p++) begin : gen_send
    assign send_o[p]    = send1[p] || send2[p];
    assign send_in_o[p] = send1[p] ? out_idx1[p] : out_idx2[p];
    assign out_gnt[p]   = send1[p] ? out_gnt1[p] : out_gnt2[p];
    // The winner's flit: head flits take the VC pick of their class, others keep their VC.
    logic [VcW-1:0] win_vc;
    assign win_vc       = in_vc_o[send_in_o[p]];
    assign win_head[p]  = req_head_i[send_in_o[p]][win_vc];
    assign win_class[p] = (32'(win_vc) / VcsPerClass) != 0;
    assign send_vc_o[p] = win_head[p] ? pick_vc[p][win_class[p]] : req_ovc_i[send_in_o[p]][win_vc];
    for (genvar c = 0; c < NUM_CLASSES; c++) begin : gen_vc_adv
      assign vc_adv[p][c] = send_o[p] && win_head[p] && (win_class[p] == 1'(c));
    end
  end

  // Per-output stall events: some flit for p waited for a credit / lost allocation this cycle.
  always_comb begin
    credit_stall_o = '0;
    alloc_stall_o  = '0;
    for (int unsigned i = 0; i < NUM_PORTS; i++) begin
      for (int unsigned v = 0; v < NumVcs; v++) begin
        if (req_valid_i[i][v] && !pop_o[i][v] && (32'(req_port_i[i][v]) < NUM_PORTS)) begin
          if (cstall[i][v]) credit_stall_o[req_port_i[i][v]] = 1'b1;
          else alloc_stall_o[req_port_i[i][v]] = 1'b1;
        end
      end
    end
  end

  for (genvar i = 0; i < NUM_PORTS; i++) begin : gen_assert
    logic [NUM_PORTS-1:0] won_at;
    for (genvar p = 0; p < NUM_PORTS; p++) begin : gen_col
      assign won_at[p] = out_gnt[p][i];
    end
    `ND_ASSERT(OneOutputPerInput_A, $onehot0(won_at))
    `ND_ASSERT(OnePopPerInput_A, $onehot0(pop_o[i]))
    `ND_ASSERT(PopIffWon_A, (|pop_o[i]) == in_won[i])
    for (genvar v = 0; v < NumVcs; v++) begin : gen_vc
      `ND_ASSERT(PortInRange_A, req_valid_i[i][v] |-> (32'(req_port_i[i][v]) < NUM_PORTS))
    end
  end
  `ND_ASSERT(PopOnlyEligible_A, (pop_o & ~elig) == '0)
  `ND_ASSERT(SecondIterationOnFreeOutputs_A, (send1 & send2) == '0)
endmodule
