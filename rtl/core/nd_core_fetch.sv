// Fetch stage of the scalar core and the decode stage's instruction register.
//
// Each cycle it picks the next fetch address (execute redirect, else decode prediction, else the
// sequential address) and, when the decode slot will be free, requests it on the instruction port.
// The word arrives in the cycle after the grant and is presented to decode as d_insn_o; if decode is
// stalled, the word is kept in a holding register. An address outside the SRAM is not requested: the
// slot is filled with an access-fault marker (d_fault_o) that the execute stage turns into a trap.
//
// Instruction port: instr_req_o/instr_addr_o may change before the grant (a redirect wins);
// instr_rdata_i is sampled only in the cycle after instr_req_o && instr_gnt_i.
// Decode handshake: d_valid_o with d_pc_o/d_insn_o/d_fault_o stays until advance_i (decode hands the
// instruction to execute) or flush_i (execute redirects or halts; the slot is emptied).
`include "nd_assert.svh"

module nd_core_fetch #(
  parameter int unsigned SramBytes = 262144
) (
  input  logic        clk_i,
  input  logic        rst_ni,
  input  logic        run_i,          // fetching allowed (fetch_en and not halted)
  input  logic        redirect_i,     // execute stage: continue at redirect_pc_i
  input  logic [31:0] redirect_pc_i,
  input  logic        predict_i,      // decode stage: predicted-taken jump to predict_pc_i
  input  logic [31:0] predict_pc_i,
  input  logic        advance_i,      // the decode instruction moves to execute this cycle
  input  logic        flush_i,        // the decode instruction is discarded this cycle
  // instruction port
  output logic        instr_req_o,
  output logic [31:0] instr_addr_o,
  input  logic        instr_gnt_i,
  input  logic [31:0] instr_rdata_i,
  // decode stage contents
  output logic        d_valid_o,
  output logic [31:0] d_pc_o,
  output logic [31:0] d_insn_o,
  output logic        d_fault_o
);

  logic [31:0] f_last_q, f_last_d;   // address presented to the instruction port last cycle
  logic        f_adv_q, f_adv_d;     // ... and it was fetched (the sequential address moves on)
  logic        d_valid_q, d_valid_d, d_live_q, d_live_d, d_fault_q, d_fault_d;
  logic [31:0] d_pc_q, d_pc_d, d_buf_q, d_buf_d;
  logic [31:0] f_seq, fetch_addr;
  logic        d_free, fetch_want, fetch_fault, fetch_ok;

  assign d_insn_o = d_fault_q ? 32'h0 : (d_live_q ? instr_rdata_i : d_buf_q);
  assign d_free   = !d_valid_q || advance_i || flush_i;

  // The sequential address is incremented from a register, off the redirect paths.
  assign f_seq        = f_adv_q ? f_last_q + 32'd4 : f_last_q;
  assign fetch_addr   = redirect_i ? redirect_pc_i : (predict_i ? predict_pc_i : f_seq);
  assign fetch_fault  = {1'b0, fetch_addr} >= 33'(SramBytes);
  assign fetch_want   = run_i && d_free;
  assign instr_req_o  = fetch_want && !fetch_fault;
  assign instr_addr_o = fetch_addr;
  assign fetch_ok     = fetch_want && (fetch_fault || instr_gnt_i);

  always_comb begin
    f_last_d  = fetch_addr;
    f_adv_d   = fetch_ok;
    d_valid_d = 1'b0;
    d_pc_d    = d_pc_q;
    d_live_d  = 1'b0;
    d_fault_d = d_fault_q;
    d_buf_d   = d_buf_q;
    if (d_valid_q && !d_free) begin
      d_valid_d = 1'b1;           // hold; keep the word once the memory output moves on
      d_buf_d   = d_insn_o;
    end else if (fetch_ok) begin
      d_valid_d = 1'b1;
      d_pc_d    = fetch_addr;
      d_live_d  = !fetch_fault;
      d_fault_d = fetch_fault;
    end
  end

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      f_last_q  <= '0;
      f_adv_q   <= 1'b0;
      d_valid_q <= 1'b0;
      d_live_q  <= 1'b0;
      d_fault_q <= 1'b0;
      d_pc_q    <= '0;
      d_buf_q   <= '0;
    end else begin
      f_last_q  <= f_last_d;
      f_adv_q   <= f_adv_d;
      d_valid_q <= d_valid_d;
      d_live_q  <= d_live_d;
      d_fault_q <= d_fault_d;
      d_pc_q    <= d_pc_d;
      d_buf_q   <= d_buf_d;
    end
  end

  assign d_valid_o = d_valid_q;
  assign d_pc_o    = d_pc_q;
  assign d_fault_o = d_fault_q;

  `ND_ASSERT(FetchAdvanceNeedsValid_A, advance_i |-> d_valid_q)
  `ND_ASSERT(FetchAdvanceNotFlushed_A, !(advance_i && flush_i))
  `ND_ASSERT(FetchAddrAligned_A, instr_req_o |-> (instr_addr_o[1:0] == 2'b00))

endmodule
