// Machine-mode CSR file of the scalar core (Zicsr): status, trap registers, counters, hart id.
//
// Used by the execute stage. The CSR access (csr_req_i with address/op/operand) is checked
// combinationally: csr_rdata_o is the old value, csr_illegal_o flags an unknown CSR or a write to a
// read-only one. Nothing changes state unless commit_i is high in the same cycle (the instruction
// leaves execute without a trap). trap_i performs the machine-mode trap entry (mepc, mcause, mtval,
// mstatus.MPIE <- MIE, MIE <- 0); mret_i the return (MIE <- MPIE, MPIE <- 1). The counters mcycle,
// minstret and mhpmcounter3..7 count every cycle / instret_i / hpm_event_i. A CSR write replaces the
// increment of that cycle: writing one half of mcycle or minstret leaves the other half as it was (the
// writing instruction does not count itself, and no carry crosses into or out of the written half).
`include "nd_assert.svh"

module nd_core_csr import nd_core_pkg::*; (
  input  logic               clk_i,
  input  logic               rst_ni,
  input  logic [31:0]        hart_id_i,
  // CSR instruction in execute
  input  logic               csr_req_i,
  input  logic [1:0]         csr_op_i,      // funct3[1:0]: 1 rw, 2 rs, 3 rc
  input  logic [11:0]        csr_addr_i,
  input  logic [31:0]        csr_operand_i, // rs1 value or zero-extended zimm
  input  logic               csr_write_i,   // the instruction writes (rw always; rs/rc if rs1/zimm != 0)
  input  logic               commit_i,
  output logic [31:0]        csr_rdata_o,
  output logic               csr_illegal_o,
  // traps and returns
  input  logic               trap_i,
  input  logic [31:0]        trap_cause_i,
  input  logic [31:0]        trap_pc_i,
  input  logic [31:0]        trap_tval_i,
  input  logic               mret_i,
  // events
  input  logic               instret_i,
  input  logic [NUM_HPM-1:0] hpm_event_i,
  // state the pipeline needs
  output logic [31:0]        mtvec_o,
  output logic [31:0]        mepc_o
);

  logic        mie_q, mie_d, mpie_q, mpie_d;
  logic [31:0] mtvec_q, mtvec_d, mscratch_q, mscratch_d, mepc_q, mepc_d;
  logic [31:0] mcause_q, mcause_d, mtval_q, mtval_d;
  logic [63:0] mcycle_q, mcycle_d, minstret_q, minstret_d;
  logic [31:0] hpm_q[NUM_HPM];
  logic [31:0] hpm_d[NUM_HPM];

  logic [31:0] mstatus;
  logic        known, read_only;
  logic [31:0] wval;
  logic        we;

  assign mstatus = {19'b0, 2'b11, 3'b0, mpie_q, 3'b0, mie_q, 3'b0};

  // Read mux and legality.
  always_comb begin
    csr_rdata_o = '0;
    known       = 1'b1;
    case (csr_addr_i)
      CSR_MSTATUS:                 csr_rdata_o = mstatus;
      CSR_MISA:                    csr_rdata_o = MISA_VALUE;
      CSR_MIE, CSR_MIP:            csr_rdata_o = '0;
      CSR_MTVEC:                   csr_rdata_o = mtvec_q;
      CSR_MCOUNTINHIBIT:           csr_rdata_o = '0;
      CSR_MSCRATCH:                csr_rdata_o = mscratch_q;
      CSR_MEPC:                    csr_rdata_o = mepc_q;
      CSR_MCAUSE:                  csr_rdata_o = mcause_q;
      CSR_MTVAL:                   csr_rdata_o = mtval_q;
      CSR_MCYCLE, CSR_CYCLE:       csr_rdata_o = mcycle_q[31:0];
      CSR_MCYCLEH, CSR_CYCLEH:     csr_rdata_o = mcycle_q[63:32];
      CSR_MINSTRET, CSR_INSTRET:   csr_rdata_o = minstret_q[31:0];
      CSR_MINSTRETH, CSR_INSTRETH: csr_rdata_o = minstret_q[63:32];
      CSR_MVENDORID, CSR_MARCHID, CSR_MIMPID: csr_rdata_o = '0;
      CSR_MHARTID:                 csr_rdata_o = hart_id_i;
      default: begin
        // mhpmcounter3..31(h), hpmcounter3..31(h), mhpmevent3..31: 3..7 implemented, rest read zero.
        if ((csr_addr_i[11:5] == 7'b1011_000 || csr_addr_i[11:5] == 7'b1100_000)
            && csr_addr_i[4:0] >= 5'd3) begin
          csr_rdata_o = '0;
          for (int unsigned i = 0; i < NUM_HPM; i++) begin
            if (csr_addr_i[4:0] == 5'(i + 3)) csr_rdata_o = hpm_q[i];
          end
        end else if ((csr_addr_i[11:5] == 7'b1011_100 || csr_addr_i[11:5] == 7'b1100_100
                      || csr_addr_i[11:5] == 7'b0011_001) && csr_addr_i[4:0] >= 5'd3) begin
          csr_rdata_o = '0;
        end else begin
          known = 1'b0;
        end
      end
    endcase
  end

  assign read_only     = (csr_addr_i[11:10] == 2'b11);
  assign csr_illegal_o = csr_req_i && (!known || (read_only && csr_write_i));

  always_comb begin
    case (csr_op_i)
      2'd2:    wval = csr_rdata_o | csr_operand_i;
      2'd3:    wval = csr_rdata_o & ~csr_operand_i;
      default: wval = csr_operand_i;
    endcase
  end
  assign we = csr_req_i && csr_write_i && commit_i && !csr_illegal_o;

  always_comb begin
    mie_d      = mie_q;
    mpie_d     = mpie_q;
    mtvec_d    = mtvec_q;
    mscratch_d = mscratch_q;
    mepc_d     = mepc_q;
    mcause_d   = mcause_q;
    mtval_d    = mtval_q;
    mcycle_d   = mcycle_q + 64'd1;
    // Increment off the flops, then select: the late event signals only drive the final mux.
    minstret_d = instret_i ? minstret_q + 64'd1 : minstret_q;
    for (int unsigned i = 0; i < NUM_HPM; i++) hpm_d[i] = hpm_event_i[i] ? hpm_q[i] + 32'd1 : hpm_q[i];

    if (we) begin
      case (csr_addr_i)
        CSR_MSTATUS: begin
          mie_d  = wval[3];
          mpie_d = wval[7];
        end
        CSR_MTVEC:     mtvec_d = {wval[31:2], 2'b00};  // direct mode only
        CSR_MSCRATCH:  mscratch_d = wval;
        CSR_MEPC:      mepc_d = {wval[31:2], 2'b00};
        CSR_MCAUSE:    mcause_d = wval;
        CSR_MTVAL:     mtval_d = wval;
        // A counter write replaces that cycle's increment in both halves: the half not written
        // keeps its value (no carry into it, no increment of it).
        CSR_MCYCLE:    mcycle_d = {mcycle_q[63:32], wval};
        CSR_MCYCLEH:   mcycle_d = {wval, mcycle_q[31:0]};
        CSR_MINSTRET:  minstret_d = {minstret_q[63:32], wval};
        CSR_MINSTRETH: minstret_d = {wval, minstret_q[31:0]};
        default: begin
          for (int unsigned i = 0; i < NUM_HPM; i++) begin
            if (csr_addr_i == 12'hB00 + 12'(i + 3)) hpm_d[i] = wval;
          end
        end
      endcase
    end

    if (trap_i) begin
      mepc_d   = trap_pc_i;
      mcause_d = trap_cause_i;
      mtval_d  = trap_tval_i;
      mpie_d   = mie_q;
      mie_d    = 1'b0;
    end else if (mret_i) begin
      mie_d  = mpie_q;
      mpie_d = 1'b1;
    end
  end

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      mie_q      <= 1'b0;
      mpie_q     <= 1'b0;
      mtvec_q    <= '0;
      mscratch_q <= '0;
      mepc_q     <= '0;
      mcause_q   <= '0;
      mtval_q    <= '0;
      mcycle_q   <= '0;
      minstret_q <= '0;
    end else begin
      mie_q      <= mie_d;
      mpie_q     <= mpie_d;
      mtvec_q    <= mtvec_d;
      mscratch_q <= mscratch_d;
      mepc_q     <= mepc_d;
      mcause_q   <= mcause_d;
      mtval_q    <= mtval_d;
      mcycle_q   <= mcycle_d;
      minstret_q <= minstret_d;
    end
  end

  for (genvar i = 0; i < NUM_HPM; i++) begin : gen_hpm
    always_ff @(posedge clk_i or negedge rst_ni) begin
      if (!rst_ni) hpm_q[i] <= '0;
      else         hpm_q[i] <= hpm_d[i];
    end
  end

  assign mtvec_o = mtvec_q;
  assign mepc_o  = mepc_q;

  // A trap and an mret never happen in the same cycle, and neither together with a CSR write.
  `ND_ASSERT(CsrTrapMretExclusive_A, !(trap_i && mret_i))
  `ND_ASSERT(CsrNoWriteOnTrap_A, !(trap_i && we))
  `ND_ASSERT(CsrTrapPcAligned_A, trap_i |-> (trap_pc_i[1:0] == 2'b00))

endmodule
