// Combined VC and switch allocator of the mesh router, one cycle, separable input-first with
// round-robin arbiters (see docs/noc.md, "Allocation").
//
// Requests (all registered state, no combinational input from other routers): for every input port
//   i and VC v, the flit at the head of the buffer (valid, type, output port, output VC held by its
//   packet). Output state: per output port and VC, whether a credit is available and whether the
//   VC is free for a new packet. req_class_i is the message class of a head flit's packet.
// A flit is eligible when it can leave this cycle: a body/tail flit needs a credit on the output VC
//   its packet holds; a head flit needs a free output VC with a credit among those its message class
//   may take (VcPolicy, nd_noc_pkg::vc_allowed; with VC_SEPARATE the class is that of the input VC).
// Stage 1 (per input): a round-robin arbiter picks one eligible VC. Stage 2 (per output): a
//   round-robin arbiter picks one input among those whose pick targets it (both in one
//   nd_noc_alloc_iter). Each further iteration (AllocIters in all, default 2), an nd_noc_alloc_iter
//   with its own arbiters, lets the inputs that lost try another eligible VC whose output is still
//   unclaimed (as in multi-iteration iSLIP). A head flit that wins gets
//   an output VC from a per-output, per-class round-robin arbiter over the free VCs with credit; since
//   an output grants one input per cycle, VC and switch allocation never conflict. Input pointers
//   advance only when their pick also won the output (iSLIP-style), output and VC pointers on use.
// Grants: pop_o[i][v] removes the flit; send_o[p] with send_in_o[p] (input index) and send_vc_o[p]
//   drives output p; alloc_vc_o[i] is the output VC given to input i's winning flit.
module nd_noc_alloc import nd_noc_pkg::*; #(
  parameter int unsigned NumVcs = 2,
  parameter int unsigned AllocIters = 2,  // separable iterations per cycle (1 = plain input-first)
  parameter int unsigned VcPolicy = VC_SEPARATE,  // which output VCs a head flit's class may take
  localparam int unsigned VcW = (NumVcs > 1) ? $clog2(NumVcs) : 1
) (
  input  logic                                      clk_i,
  input  logic                                      rst_ni,
  input  logic [NUM_PORTS-1:0][NumVcs-1:0]          req_valid_i,
  input  logic [NUM_PORTS-1:0][NumVcs-1:0]          req_head_i,
  input  logic [NUM_PORTS-1:0][NumVcs-1:0][PORT_W-1:0] req_port_i,
  input  logic [NUM_PORTS-1:0][NumVcs-1:0][VcW-1:0] req_ovc_i,
  input  logic [NUM_PORTS-1:0][NumVcs-1:0]          req_class_i,
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
  // With separate VCs a flit's class is that of its input VC (a constant); otherwise the header's.
  localparam bit ClassFromHeader = VcPolicy != VC_SEPARATE;

  // Output VCs each message class may take (a localparam: evaluated once, at elaboration).
  function automatic logic [NUM_CLASSES-1:0][NumVcs-1:0] class_masks();
    logic [NUM_CLASSES-1:0][NumVcs-1:0] m;
    for (int unsigned c = 0; c < NUM_CLASSES; c++)
      for (int unsigned v = 0; v < NumVcs; v++) m[c][v] = vc_allowed(VcPolicy, NumVcs, c, v);
    return m;
  endfunction
  localparam logic [NUM_CLASSES-1:0][NumVcs-1:0] ClassMask = class_masks();

  // Per output and class: free VCs with a credit, and the round-robin choice among them.
  logic [NUM_PORTS-1:0][NUM_CLASSES-1:0][NumVcs-1:0] cand_vc;
  logic [NUM_PORTS-1:0][NUM_CLASSES-1:0][NumVcs-1:0] pick_vc_oh;
  logic [NUM_PORTS-1:0][NUM_CLASSES-1:0][VcW-1:0] pick_vc;
  logic [NUM_PORTS-1:0][NUM_CLASSES-1:0] vc_adv;
  logic [NUM_PORTS-1:0][NUM_CLASSES-1:0] any_free;

  for (genvar p = 0; p < NUM_PORTS; p++) begin : gen_out_vc
    for (genvar c = 0; c < NUM_CLASSES; c++) begin : gen_class
      assign cand_vc[p][c]  = vc_free_i[p] & has_credit_i[p] & ClassMask[c];
      assign any_free[p][c] = |(vc_free_i[p] & ClassMask[c]);
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
      localparam int unsigned C = v / VcsPerClass;  // the class that owns input VC v
      logic [PORT_W-1:0] p;
      assign p = req_port_i[i][v];
      // The class whose output VCs a head flit may take: the header's, or (a constant, which leaves the
      // separate-VC router as it was) the input VC's.
      always_comb begin
        elig[i][v]   = 1'b0;
        cstall[i][v] = 1'b0;
        if (req_valid_i[i][v] && (32'(p) < NUM_PORTS)) begin
          if (req_head_i[i][v]) begin
            elig[i][v]   = |cand_vc[p][ClassFromHeader ? 32'(req_class_i[i][v]) : C];
            cstall[i][v] = any_free[p][ClassFromHeader ? 32'(req_class_i[i][v]) : C] &&
                           !(|cand_vc[p][ClassFromHeader ? 32'(req_class_i[i][v]) : C]);
          end else begin
            elig[i][v]   = has_credit_i[p][req_ovc_i[i][v]];
            cstall[i][v] = !has_credit_i[p][req_ovc_i[i][v]];
          end
        end
      end
    end
  end

  // AllocIters iterations of the same cell: iteration k lets the inputs that lost every earlier
  // iteration try another eligible VC whose output no earlier iteration claimed. Each iteration passes
  // on the grants so far (*_in from the previous one, *_out to the next); an input wins and an output
  // is claimed at most once, so the grants combine by OR.
  // At least one iteration, so that an AllocIters of 0 reaches nd_noc_router's parameter check.
  localparam int unsigned Iters = (AllocIters > 0) ? AllocIters : 1;
  for (genvar k = 0; k < Iters; k++) begin : gen_iter
    logic [NUM_PORTS-1:0] won_in, won_out, sent_in, sent_out;
    logic [NUM_PORTS-1:0][NumVcs-1:0] pop_in, pop_out;
    logic [NUM_PORTS-1:0][VcW-1:0] vc_in, vc_out;
    logic [NUM_PORTS-1:0][PORT_W-1:0] port_in, port_out, idx_in, idx_out;
    logic [NUM_PORTS-1:0][NUM_PORTS-1:0] ogn_in, ogn_out;
    if (k == 0) begin : gen_first
      assign won_in  = '0;
      assign sent_in = '0;
      assign pop_in  = '0;
      assign vc_in   = '0;
      assign port_in = '0;
      assign idx_in  = '0;
      assign ogn_in  = '0;
    end else begin : gen_next
      assign won_in  = gen_iter[k-1].won_out;
      assign sent_in = gen_iter[k-1].sent_out;
      assign pop_in  = gen_iter[k-1].pop_out;
      assign vc_in   = gen_iter[k-1].vc_out;
      assign port_in = gen_iter[k-1].port_out;
      assign idx_in  = gen_iter[k-1].idx_out;
      assign ogn_in  = gen_iter[k-1].ogn_out;
    end

    logic [NUM_PORTS-1:0][NumVcs-1:0] elig_k, gnt;
    logic [NUM_PORTS-1:0][VcW-1:0] vc;
    logic [NUM_PORTS-1:0][PORT_W-1:0] port, idx;
    logic [NUM_PORTS-1:0] won, send;
    logic [NUM_PORTS-1:0][NUM_PORTS-1:0] ogn;
    for (genvar i = 0; i < NUM_PORTS; i++) begin : gen_in
      for (genvar v = 0; v < NumVcs; v++) begin : gen_vc
        assign elig_k[i][v] = elig[i][v] && !won_in[i] && !sent_in[req_port_i[i][v]];
      end
    end

    nd_noc_alloc_iter #(
      .NumVcs(NumVcs)
    ) u_iter (
      .clk_i     (clk_i),
      .rst_ni    (rst_ni),
      .elig_i    (elig_k),
      .req_port_i(req_port_i),
      .in_gnt_o  (gnt),
      .in_vc_o   (vc),
      .in_port_o (port),
      .in_won_o  (won),
      .send_o    (send),
      .out_gnt_o (ogn),
      .out_idx_o (idx)
    );

    for (genvar i = 0; i < NUM_PORTS; i++) begin : gen_pass
      assign pop_out[i]  = pop_in[i] | (won[i] ? gnt[i] : '0);
      assign vc_out[i]   = vc_in[i] | (won[i] ? vc[i] : '0);
      assign port_out[i] = port_in[i] | (won[i] ? port[i] : '0);
      assign idx_out[i]  = idx_in[i] | (send[i] ? idx[i] : '0);
      assign ogn_out[i]  = ogn_in[i] | (send[i] ? ogn[i] : '0);
    end
    assign won_out  = won_in | won;
    assign sent_out = sent_in | send;

    if (k > 0) begin : gen_check
      `ND_ASSERT(LaterIterationOnFreeOutputs_A, (send & sent_in) == '0)
      `ND_ASSERT(LaterIterationOnLosingInputs_A, (won & won_in) == '0)
    end
  end

  localparam int unsigned Last = Iters - 1;
  logic [NUM_PORTS-1:0] in_won;
  logic [NUM_PORTS-1:0][PORT_W-1:0] in_port;
  logic [NUM_PORTS-1:0][NUM_PORTS-1:0] out_gnt;
  assign in_won    = gen_iter[Last].won_out;
  assign send_o    = gen_iter[Last].sent_out;
  assign pop_o     = gen_iter[Last].pop_out;
  assign in_vc_o   = gen_iter[Last].vc_out;
  assign in_port   = gen_iter[Last].port_out;
  assign send_in_o = gen_iter[Last].idx_out;
  assign out_gnt   = gen_iter[Last].ogn_out;

  logic [NUM_PORTS-1:0] win_head, win_class;
  for (genvar i = 0; i < NUM_PORTS; i++) begin : gen_grant
    assign alloc_vc_o[i] = send_vc_o[in_port[i]];
  end

  for (genvar p = 0; p < NUM_PORTS; p++) begin : gen_send
    // The winner's flit: head flits take the VC pick of their class, others keep their VC.
    logic [VcW-1:0] win_vc;
    assign win_vc       = in_vc_o[send_in_o[p]];
    assign win_head[p]  = req_head_i[send_in_o[p]][win_vc];
    assign win_class[p] = ClassFromHeader ? req_class_i[send_in_o[p]][win_vc]
                                          : (32'(win_vc) / VcsPerClass) != 0;
    assign send_vc_o[p] = win_head[p] ? pick_vc[p][win_class[p]] : req_ovc_i[send_in_o[p]][win_vc];
    for (genvar c = 0; c < NUM_CLASSES; c++) begin : gen_vc_adv
      assign vc_adv[p][c] = send_o[p] && win_head[p] && (win_class[p] == 1'(c));
    end
  end

  // Per-output stall events: some flit for p waited for a credit / lost allocation this cycle. A waiting
  // flit marks its output with a one-hot shift (a port >= NUM_PORTS, excluded by PortInRange_A, marks none).
  logic [NUM_PORTS-1:0][NumVcs-1:0] waiting;
  assign waiting = req_valid_i & ~pop_o;
  always_comb begin
    credit_stall_o = '0;
    alloc_stall_o  = '0;
    for (int unsigned i = 0; i < NUM_PORTS; i++) begin
      for (int unsigned v = 0; v < NumVcs; v++) begin
        if (waiting[i][v]) begin
          if (cstall[i][v]) credit_stall_o |= NUM_PORTS'(1) << req_port_i[i][v];
          else alloc_stall_o |= NUM_PORTS'(1) << req_port_i[i][v];
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
endmodule
