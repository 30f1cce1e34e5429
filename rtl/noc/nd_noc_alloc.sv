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
//   round-robin arbiter picks one input among those whose pick targets it. Each further iteration
//   (AllocIters in all, default 2), with arbiters of its own, lets the inputs that lost try another
//   eligible VC whose output is still unclaimed (as in multi-iteration iSLIP). A head flit that wins
//   gets an output VC from a per-output, per-class round-robin arbiter over the free VCs with credit;
//   since an output grants one input per cycle, VC and switch allocation never conflict. Input pointers
//   advance only when their pick also won the output (iSLIP-style), output and VC pointers on use.
// Input speedup (InSpeedup, 1 or 2): an input port has InSpeedup crossbar inputs (lanes), so up to
//   InSpeedup of its VCs may win, each for a different output; with 2, an input that won an earlier
//   iteration on lane 0 may still win a later one on lane 1 (docs/noc.md "Input speedup").
// Grants: pop_o[i][v] removes the flit; send_o[p] with send_in_o[p] (input index), send_lane_o[p] (that
//   input's lane) and send_vc_o[p] drives output p; in_vc_o[i][l] is the VC on lane l of input i;
//   alloc_vc_o[i][v] is the output VC given to VC v of input i when it pops. send_in_o, send_lane_o,
//   send_vc_o, in_vc_o and alloc_vc_o are 0 where nothing is granted.
module nd_noc_alloc import nd_noc_pkg::*; #(
  parameter int unsigned NumVcs = 4,
  parameter int unsigned AllocIters = 2,  // separable iterations per cycle (1 = plain input-first)
  parameter int unsigned VcPolicy = VC_SEPARATE,  // which output VCs a head flit's class may take
  parameter int unsigned InSpeedup = 2,  // crossbar inputs (lanes) per input port: 1 or 2
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
  output logic [NUM_PORTS-1:0][InSpeedup-1:0][VcW-1:0] in_vc_o,
  output logic [NUM_PORTS-1:0][NumVcs-1:0][VcW-1:0] alloc_vc_o,
  output logic [NUM_PORTS-1:0]                      send_o,
  output logic [NUM_PORTS-1:0][PORT_W-1:0]          send_in_o,
  output logic [NUM_PORTS-1:0]                      send_lane_o,
  output logic [NUM_PORTS-1:0][VcW-1:0]             send_vc_o,
  output logic [NUM_PORTS-1:0]                      credit_stall_o,
  output logic [NUM_PORTS-1:0]                      alloc_stall_o
);
  `include "nd_assert.svh"
  `include "nd_rr_arb.svh"

  localparam int unsigned VcsPerClass = NumVcs / NUM_CLASSES;
  localparam int unsigned LaneW = 2;  // wins per input so far (0..InSpeedup)
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

  // Per output and class: free VCs with a credit (the candidates of a head flit), and whether any is free.
  logic [NUM_PORTS-1:0][NUM_CLASSES-1:0][NumVcs-1:0] cand_vc;
  logic [NUM_PORTS-1:0][NUM_CLASSES-1:0] any_free;
  for (genvar p = 0; p < NUM_PORTS; p++) begin : gen_out_vc
    for (genvar c = 0; c < NUM_CLASSES; c++) begin : gen_class
      assign cand_vc[p][c]  = vc_free_i[p] & has_credit_i[p] & ClassMask[c];
      assign any_free[p][c] = |(vc_free_i[p] & ClassMask[c]);
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

  // Allocation, in one block that does nothing in a cycle without an eligible flit (no grant, no pointer
  // moves): Verilator then skips the whole block, which at light load is most routers in most cycles.
  // Iteration k (AllocIters in all, at least one so that 0 reaches nd_noc_router's check) lets the
  // inputs with a free lane (with one lane: that lost every earlier iteration) try another eligible VC
  // whose output no earlier iteration claimed, with arbiters of its own. Every arbiter is nd_rr_arb's round
  // robin, through its macros (rtl/common/nd_rr_arb.svh): nd_rr_arb cells would be evaluated in every cycle.
  localparam int unsigned Iters = (AllocIters > 0) ? AllocIters : 1;
  logic [Iters-1:0][NUM_PORTS-1:0][NumVcs-1:0]       in_mask_q, in_mask_d;
  logic [Iters-1:0][NUM_PORTS-1:0][NUM_PORTS-1:0]    out_mask_q, out_mask_d;
  logic [NUM_PORTS-1:0][NUM_CLASSES-1:0][NumVcs-1:0] vc_mask_q, vc_mask_d;
  logic [NUM_PORTS-1:0][LaneW-1:0]                   in_wins;
  logic [NUM_PORTS-1:0][VcW-1:0]                     send_ivc;  // input VC of the flit sent on p
  logic [NUM_PORTS-1:0][NUM_PORTS-1:0]               out_gnt;

  always_comb begin
    logic [NUM_PORTS-1:0][NumVcs-1:0]    ireq, igrant;
    logic [NUM_PORTS-1:0][VcW-1:0]       ivc;
    logic [NUM_PORTS-1:0][PORT_W-1:0]    iport;
    logic [NUM_PORTS-1:0][NUM_PORTS-1:0] oreq, ogrant;
    logic [NUM_PORTS-1:0]                iwon;
    logic [NumVcs-1:0]                   vgrant;
    logic [PORT_W-1:0]                   src;
    logic [VcW-1:0]                      wvc;
    logic                                wcls;
    pop_o       = '0;
    in_vc_o     = '0;
    in_wins     = '0;
    send_o      = '0;
    send_in_o   = '0;
    send_lane_o = '0;
    send_ivc    = '0;
    send_vc_o   = '0;
    alloc_vc_o  = '0;
    out_gnt     = '0;
    in_mask_d   = in_mask_q;
    out_mask_d  = out_mask_q;
    vc_mask_d   = vc_mask_q;
    ireq   = '0;
    igrant = '0;
    ivc    = '0;
    iport  = '0;
    oreq   = '0;
    ogrant = '0;
    iwon   = '0;
    vgrant = '0;
    src    = '0;
    wvc    = '0;
    wcls   = 1'b0;
    if (elig != '0) begin
      for (int unsigned k = 0; k < Iters; k++) begin
        // Stage 1: per input, one of its eligible VCs (an input without a free lane, or a VC whose
        // output is claimed, no longer asks; a VC that won has its output claimed).
        for (int unsigned i = 0; i < NUM_PORTS; i++) begin
          for (int unsigned v = 0; v < NumVcs; v++) begin
            ireq[i][v] = elig[i][v] && (32'(in_wins[i]) < InSpeedup) && !send_o[req_port_i[i][v]];
          end
          `ND_RR_GRANT(igrant[i], ireq[i], in_mask_q[k][i])
          ivc[i] = '0;
          for (int unsigned v = 0; v < NumVcs; v++) begin
            if (igrant[i][v]) ivc[i] = VcW'(v);
          end
          iport[i] = req_port_i[i][ivc[i]];
        end
        // Stage 2: per output, one of the inputs whose pick targets it.
        iwon = '0;
        for (int unsigned p = 0; p < NUM_PORTS; p++) begin
          for (int unsigned i = 0; i < NUM_PORTS; i++) begin
            oreq[p][i] = (ireq[i] != '0) && (iport[i] == PORT_W'(p));
          end
          `ND_RR_GRANT(ogrant[p], oreq[p], out_mask_q[k][p])
          if (oreq[p] != '0) begin
            `ND_RR_NEXT_MASK(out_mask_d[k][p], ogrant[p])
            send_o[p]  = 1'b1;
            out_gnt[p] = ogrant[p];
            for (int unsigned i = 0; i < NUM_PORTS; i++) begin
              if (ogrant[p][i]) begin
                send_in_o[p]   = PORT_W'(i);
                send_lane_o[p] = in_wins[i][0];
                send_ivc[p]    = ivc[i];
              end
            end
            iwon |= ogrant[p];
          end
        end
        // An input pointer moves only when its pick won (iSLIP).
        for (int unsigned i = 0; i < NUM_PORTS; i++) begin
          if (iwon[i]) begin
            `ND_RR_NEXT_MASK(in_mask_d[k][i], igrant[i])
            in_vc_o[i][in_wins[i][0]] = ivc[i];
            in_wins[i] = in_wins[i] + LaneW'(1);
            pop_o[i]   |= igrant[i];
          end
        end
      end
      // Output VCs: a winning head flit takes the round-robin pick among the free VCs with a credit
      // that its class may take; other flits keep the VC their packet holds.
      for (int unsigned p = 0; p < NUM_PORTS; p++) begin
        if (send_o[p]) begin
          src  = send_in_o[p];
          wvc  = send_ivc[p];
          wcls = ClassFromHeader ? req_class_i[src][wvc] : ((32'(wvc) / VcsPerClass) != 0);
          if (req_head_i[src][wvc]) begin
            `ND_RR_GRANT(vgrant, cand_vc[p][wcls], vc_mask_q[p][wcls])
            for (int unsigned v = 0; v < NumVcs; v++) begin
              if (vgrant[v]) send_vc_o[p] = VcW'(v);
            end
            `ND_RR_NEXT_MASK(vc_mask_d[p][wcls], vgrant)
          end else begin
            send_vc_o[p] = req_ovc_i[src][wvc];
          end
          alloc_vc_o[src][wvc] = send_vc_o[p];
        end
      end
    end
  end

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      in_mask_q  <= '1;
      out_mask_q <= '1;
      vc_mask_q  <= '1;
    end else begin
      in_mask_q  <= in_mask_d;
      out_mask_q <= out_mask_d;
      vc_mask_q  <= vc_mask_d;
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
    `ND_ASSERT(LanesPerInput_A, $countones(won_at) <= InSpeedup)
    `ND_ASSERT(PopsPerInput_A, $countones(pop_o[i]) <= InSpeedup)
    `ND_ASSERT(PopIffWon_A, $countones(pop_o[i]) == $countones(won_at))
    `ND_ASSERT(WinsCounted_A, 32'(in_wins[i]) == $countones(won_at))
    `ND_ASSERT(OneInputPerOutput_A, $onehot0(out_gnt[i]) && (send_o[i] == (|out_gnt[i])))
    for (genvar v = 0; v < NumVcs; v++) begin : gen_vc
      `ND_ASSERT(PortInRange_A, req_valid_i[i][v] |-> (32'(req_port_i[i][v]) < NUM_PORTS))
    end
  end
  `ND_ASSERT(PopOnlyEligible_A, (pop_o & ~elig) == '0)
  `ND_ASSERT(OneSendPerPop_A, $countones(send_o) == $countones(pop_o))
endmodule
