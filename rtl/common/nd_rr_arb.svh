// Round-robin arbitration as statements, shared by the nd_rr_arb cell and by procedural code that
// arbitrates inside a conditional block (nd_noc_alloc: Verilator skips a block whose condition is false,
// but evaluates every cell instance in every cycle; a function instead of a macro would give Verilator
// per-instance temporaries, docs/development.md).
//
//   `ND_RR_GRANT(gnt, req, mask)   gnt = one-hot grant: the lowest request at or above the pointer, that
//                                  is among the bits set in mask, else the lowest request; zero when req is.
//   `ND_RR_NEXT_MASK(mask, gnt)    mask = the pointer after a committed grant gnt: every index above it
//                                  (none above the top index), so the granted requester is served last.
// gnt, req and mask are vectors of one width (the number of requesters); after reset mask is all ones.
// x & -x is the lowest set bit of x; -(g << 1) sets every bit above the one-hot g.
`ifndef ND_RR_ARB_SVH
`define ND_RR_ARB_SVH

`define ND_RR_GRANT(__gnt, __req, __mask) \
  __gnt = (((__req) & (__mask)) != '0) ? (((__req) & (__mask)) & -((__req) & (__mask))) \
                                       : ((__req) & -(__req));

`define ND_RR_NEXT_MASK(__mask, __gnt) \
  __mask = -((__gnt) << 1);

`endif  // ND_RR_ARB_SVH
