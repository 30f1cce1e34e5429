// Round-robin arbiter: grants one of NumReq requesters per cycle, fair over time.
//
// Interface:
//   req_i     one bit per requester.
//   gnt_o     one-hot grant, always to a requester; all zero exactly when req_i is zero.
//             Combinational from req_i and the priority pointer.
//   idx_o     index of the granted requester (0 when none).
//   advance_i the grant was used: the pointer moves so that the granted requester gets the lowest
//             priority from the next cycle on. advance_i without a grant (req_i zero) does nothing.
//             Without advance_i the pointer stays, so the same req_i gets the same grant again (the
//             grant is held for as long as the caller neither advances nor changes req_i); this lets a
//             caller arbitrate speculatively and commit only when a later stage agrees.
// Priority after reset: 0, 1, ..., NumReq-1. After a committed grant at index k: k+1, k+2, ...,
// NumReq-1, 0, ..., k. So with every requester asserted and advance_i high, each requester is granted
// once in any NumReq consecutive cycles; a requester that keeps req_i high is granted before at most
// NumReq-1 committed grants to others.
// Purely combinational path req_i -> gnt_o, idx_o; the only state is the pointer register. NumReq = 1
// has no state: gnt_o = req_i.
module nd_rr_arb #(
  parameter int unsigned NumReq = 4,
  localparam int unsigned IdxW = (NumReq > 1) ? $clog2(NumReq) : 1
) (
  input  logic              clk_i,
  input  logic              rst_ni,
  input  logic [NumReq-1:0] req_i,
  input  logic              advance_i,
  output logic [NumReq-1:0] gnt_o,
  output logic [IdxW-1:0]   idx_o
);
  `include "nd_assert.svh"
  `include "nd_rr_arb.svh"

  `ND_STATIC_ASSERT(gen_check_num_req, NumReq >= 1, "nd_rr_arb: NumReq must be at least 1")

  if (NumReq == 1) begin : gen_single
    assign gnt_o = req_i;
    assign idx_o = '0;
    logic unused_single;
    assign unused_single = ^{clk_i, rst_ni, advance_i};
  end else begin : gen_multi
    // mask_q has a one for every index with priority over the wrap-around: all indices above the
    // last committed grant.
    logic [NumReq-1:0] mask_q, mask_d;
    always_comb begin
      `ND_RR_GRANT(gnt_o, req_i, mask_q)
    end

    always_comb begin
      idx_o = '0;
      for (int unsigned i = 0; i < NumReq; i++) begin
        if (gnt_o[i]) idx_o = IdxW'(i);
      end
    end

    // After granting bit k, indices k+1.. have priority.
    always_comb begin
      mask_d = mask_q;
      if (advance_i && (|gnt_o)) begin
        `ND_RR_NEXT_MASK(mask_d, gnt_o)
      end
    end

    always_ff @(posedge clk_i or negedge rst_ni) begin
      if (!rst_ni) mask_q <= '1;
      else         mask_q <= mask_d;
    end

    `ND_ASSERT(GntOneHot_A, $onehot0(gnt_o))
    `ND_ASSERT(GntSubsetOfReq_A, (gnt_o & ~req_i) == '0)
    `ND_ASSERT(GntWhenReq_A, (|req_i) == (|gnt_o))
  end
endmodule
