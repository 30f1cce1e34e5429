// Arbiter of one nd_node_mem bank: five slots, one access per clock, round robin with a one-clock
// preference for the MXU read.
//
// Slots, in the order of the priority after reset: 0 MXU read, 1 MXU write, 2 DMA, 3 NI, 4 core. The core
// slot serves the core's data access when it addresses this bank, else its instruction fetch.
//
// Interface (all combinational from the inputs and registers):
//   req_i[3:0]   requests of slots 0..3 for this bank.
//   data_req_i   core data access to this bank; instr_req_i core instruction fetch from this bank.
//   gnt_o[3:0]   grants of slots 0..3; data_gnt_o, instr_gnt_o the core's. At most one grant in total;
//                a grant whenever anything requests.
//
// MXU read preference: the MXU read streams one line per clock at full rate and has no slack (a lost grant
// is a lost step of the array), while the other requesters can wait a clock. While the MXU read requests
// this bank, another slot takes part in the round robin only once it has lost a clock (lost_q: it
// requested in the previous clock and was not granted). A request that collides with the MXU read is so
// served one clock later, when the MXU read has usually moved on to another bank, instead of taking the
// line from the MXU. Among the slots taking part, plain round robin: every grant is used (the access
// happens in this clock), so the pointer advances on every grant and the granted slot gets the lowest
// priority from the next clock on.
// Worst-case waits: a slot that keeps requesting is granted before at most 4 grants to the others (waits
// at most 4 clocks). The MXU read takes part in every clock. Another slot may give way in its first clock;
// that clock's grant goes to a slot which from then on ranks behind it, so at most 3 more come first.
//
// Loop freedom: the core's instruction request depends combinationally on its data grant. data_gnt_o is
// computed from an evaluation that does not read instr_req_i (slots 0..3 and the data request alone);
// the evaluation that also sees the instruction request only differs from it when there is no data
// request for this bank, where data_gnt_o is 0 in both. The two evaluations are separate signals, so
// no signal on the data-grant path reads instr_req_i (Verilator sees no combinational loop).
`include "nd_assert.svh"

module nd_node_mem_arb (
  input  logic       clk_i,
  input  logic       rst_ni,
  input  logic [3:0] req_i,
  input  logic       data_req_i,
  input  logic       instr_req_i,
  output logic [3:0] gnt_o,
  output logic       data_gnt_o,
  output logic       instr_gnt_o
);

  // mask_q: a one for every slot that has priority over the wrap-around (slots after the last grant).
  logic [4:0] mask_q, mask_d;

  // lost_q: slots that requested in the previous clock and were not granted. elig: the slots that may
  // take part now (all of them unless the MXU read requests).
  logic [4:0] lost_q, lost_d, elig;
  assign elig = req_i[0] ? (lost_q | 5'b00001) : 5'b11111;

  // Evaluation without the instruction request: only the data grant is taken from it.
  logic [4:0] req_d, req_d_m, gnt_d;
  assign req_d      = {data_req_i, req_i} & elig;
  assign req_d_m    = req_d & mask_q;
  assign gnt_d      = (|req_d_m) ? (req_d_m & (~req_d_m + 5'd1)) : (req_d & (~req_d + 5'd1));
  assign data_gnt_o = gnt_d[4];

  // Evaluation with the instruction request in the core slot: every other grant.
  logic [4:0] raw_f, req_f, req_f_m, gnt_f;
  assign raw_f       = {data_req_i | instr_req_i, req_i};
  assign req_f       = raw_f & elig;
  assign req_f_m     = req_f & mask_q;
  assign gnt_f       = (|req_f_m) ? (req_f_m & (~req_f_m + 5'd1)) : (req_f & (~req_f + 5'd1));
  assign gnt_o       = gnt_f[3:0];
  assign instr_gnt_o = gnt_f[4] && !data_req_i;

  assign mask_d = (|gnt_f) ? ~((gnt_f << 1) - 5'd1) : mask_q;
  assign lost_d = raw_f & ~gnt_f;

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      mask_q <= '1;
      lost_q <= '0;
    end else begin
      mask_q <= mask_d;
      lost_q <= lost_d;
    end
  end

  `ND_ASSERT(ArbOneGrant_A, $onehot0({gnt_o, data_gnt_o, instr_gnt_o}))
  `ND_ASSERT(ArbGrantWhenReq_A, (|{req_i, data_req_i, instr_req_i}) == (|{gnt_o, data_gnt_o, instr_gnt_o}))
  `ND_ASSERT(ArbDataSame_A, data_req_i |-> (gnt_d == gnt_f))
  `ND_ASSERT(ArbRdPreferred_A, (req_i[0] && !gnt_o[0]) |-> |(gnt_f & lost_q))

endmodule
