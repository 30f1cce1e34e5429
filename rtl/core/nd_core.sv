// nanodojo scalar core: in-order RV32IM + Zicsr pipeline with precise traps and MXU/DMA command issue.
//
// Four stages: F (fetch address to the synchronous instruction memory), D (instruction word arrives,
// decode, register read, static branch prediction), E (ALU, multiply, iterative divide, branch
// resolution, CSRs, trap decision, data request, command issue) and W (load data arrives, register
// write, retire). Full forwarding W->E and W->D; one stall cycle when an instruction needs the
// result of the load right ahead of it. Details in docs/core.md.
//
// Interfaces (all synchronous to clk_i):
// - Instruction port (nd_core_fetch): instr_req_o/instr_addr_o may change before instr_gnt_i (a redirect
//   wins); instr_rdata_i carries the word in the cycle after the grant.
// - Data port: data_req_o with we/be/addr/wdata, held until data_gnt_i; data_rdata_i carries the
//   read word in the cycle after the grant (byte enables apply to writes; reads return the word).
//   The core only issues accesses inside the SRAM (0..SramBytes-1) or the MMIO window; anything else
//   raises an access-fault trap before a request is made.
// - Command queues (custom-0 -> MXU, custom-1 -> DMA): valid/ready; valid and payload are held
//   until ready. busy_i must be high while the unit holds queued or running commands (a command
//   accepted in the previous cycle also counts as outstanding for the wait instruction).
// - Halt: a trap while mtvec == 0 stops the core (halted_o) with cause/pc/insn/tval reported.
`include "nd_assert.svh"

module nd_core import nd_core_pkg::*; #(
  parameter int unsigned SramBytes = 262144
) (
  input  logic             clk_i,
  input  logic             rst_ni,
  input  logic [31:0]      hart_id_i,
  input  logic             fetch_en_i,
  // instruction port
  output logic             instr_req_o,
  output logic [31:0]      instr_addr_o,
  input  logic             instr_gnt_i,
  input  logic [31:0]      instr_rdata_i,
  // data port
  output logic             data_req_o,
  output logic             data_we_o,
  output logic [3:0]       data_be_o,
  output logic [31:0]      data_addr_o,
  output logic [31:0]      data_wdata_o,
  input  logic             data_gnt_i,
  input  logic [31:0]      data_rdata_i,
  // MXU command queue
  output logic             mxu_cmd_valid_o,
  input  logic             mxu_cmd_ready_i,
  output core_cmd_t        mxu_cmd_o,
  input  logic             mxu_busy_i,
  // DMA command queue
  output logic             dma_cmd_valid_o,
  input  logic             dma_cmd_ready_i,
  output core_cmd_t        dma_cmd_o,
  input  logic             dma_busy_i,
  // observation
  output logic             retire_valid_o,
  output logic [31:0]      retire_pc_o,
  output logic [31:0]      retire_insn_o,
  output logic             halted_o,
  output logic [31:0]      trap_cause_o,
  output logic [31:0]      trap_pc_o,
  output logic [31:0]      trap_insn_o,
  output logic [31:0]      trap_tval_o
);

  // ---------------------------------------------------------------------------------------------
  // Declarations
  // ---------------------------------------------------------------------------------------------
  // decode stage contents (held in nd_core_fetch)
  logic        d_valid, d_fault;
  logic [31:0] d_pc;
  // execute / writeback state
  ex_stage_t   e_q, e_d;
  logic [31:0] e_rs1_q, e_rs1_d, e_rs2_q, e_rs2_d;
  wb_stage_t   w_q, w_d;
  // halt report
  logic        halted_q, halted_d;
  halt_report_t report_q, report_d;
  // outstanding command handshakes for the wait instruction
  logic        mxu_acc_q, mxu_acc_d, dma_acc_q, dma_acc_d;

  // decode
  logic [31:0] d_insn;
  decoded_t    d_dec;
  logic [31:0] d_rs1_val, d_rs2_val, d_target;
  logic        d_predict, load_use, d_to_e, d_redirect;

  // execute
  decoded_t    ed;
  logic [31:0] fwd_a, fwd_b, opa, opb, alu_res;
  logic        cond_true, taken;
  logic [31:0] tgt, pc_plus4, mem_addr;
  logic        mem_misaligned, in_sram, in_mmio, is_mem;
  logic [65:0] mul_full;
  logic [31:0] mul_res;
  logic        div_start, div_done, div_busy;
  logic [31:0] div_res;
  logic [31:0] csr_rdata, mtvec, mepc;
  logic        csr_illegal;
  logic        e_trap, e_stall, e_fire, commit, halting, trap_enter;
  logic [31:0] e_cause, e_tval;
  logic        mispredict, e_redirect, e_flush;
  logic [31:0] e_redirect_pc;
  logic        mem_stall, div_stall, cmd_stall, wait_stall;
  logic [31:0] e_result, w_wdata;
  logic [NUM_HPM-1:0] hpm_event;

  // ---------------------------------------------------------------------------------------------
  // F and the decode instruction register
  // ---------------------------------------------------------------------------------------------
  nd_core_fetch #(.SramBytes(SramBytes)) u_fetch (
    .clk_i, .rst_ni,
    .run_i(fetch_en_i && !halted_q && !halting),
    .redirect_i(e_redirect), .redirect_pc_i(e_redirect_pc),
    .predict_i(d_redirect), .predict_pc_i(d_target),
    .advance_i(d_to_e), .flush_i(e_flush),
    .instr_req_o, .instr_addr_o, .instr_gnt_i, .instr_rdata_i,
    .d_valid_o(d_valid), .d_pc_o(d_pc), .d_insn_o(d_insn), .d_fault_o(d_fault)
  );

  // ---------------------------------------------------------------------------------------------
  // D: decode, register read, prediction, load-use hazard
  // ---------------------------------------------------------------------------------------------
  nd_core_decode u_decode (.insn_i(d_insn), .dec_o(d_dec));

  nd_core_regfile u_regfile (
    .clk_i, .rst_ni,
    .raddr_a_i(d_dec.rs1), .rdata_a_o(d_rs1_val),
    .raddr_b_i(d_dec.rs2), .rdata_b_o(d_rs2_val),
    .we_i(w_q.valid && w_q.rd_we), .waddr_i(w_q.rd), .wdata_i(w_wdata)
  );

  // Static prediction: jal and backward branches are taken (fetch redirected from D).
  assign d_target  = d_pc + d_dec.imm;
  assign d_predict = !d_fault && !d_dec.illegal && !d_target[1]
                     && (d_dec.is_jal || (d_dec.is_branch && d_dec.imm[31]));

  assign load_use = e_q.valid && e_q.dec.is_load && e_q.dec.rd_we && (e_q.dec.rd != '0)
                    && ((d_dec.rs1_used && d_dec.rs1 == e_q.dec.rd)
                        || (d_dec.rs2_used && d_dec.rs2 == e_q.dec.rd));

  assign d_to_e     = d_valid && (!e_q.valid || !e_stall) && !load_use && !e_flush;
  assign d_redirect = d_to_e && d_predict;

  // ---------------------------------------------------------------------------------------------
  // E: operands with forwarding from W
  // ---------------------------------------------------------------------------------------------
  assign ed = e_q.dec;
  assign fwd_a = (w_q.valid && w_q.rd_we && w_q.rd != '0 && w_q.rd == ed.rs1) ? w_q.result : e_rs1_q;
  assign fwd_b = (w_q.valid && w_q.rd_we && w_q.rd != '0 && w_q.rd == ed.rs2) ? w_q.result : e_rs2_q;

  always_comb begin
    case (ed.opa_sel)
      OpaPc:   opa = e_q.pc;
      OpaZero: opa = '0;
      default:  opa = fwd_a;
    endcase
  end
  assign opb = ed.opb_imm ? ed.imm : fwd_b;

  nd_core_alu u_alu (
    .op_i(ed.alu_op), .a_i(opa), .b_i(opb), .result_o(alu_res),
    .cond_i(ed.funct3), .cond_true_o(cond_true)
  );

  // control flow
  assign pc_plus4 = e_q.pc + 32'd4;
  assign tgt      = ((ed.is_jalr ? fwd_a : e_q.pc) + ed.imm) & ~32'd1;
  assign taken    = ed.is_jal || ed.is_jalr || (ed.is_branch && cond_true);

  // memory address and checks
  assign is_mem         = ed.is_load || ed.is_store;
  assign mem_addr       = alu_res;
  assign mem_misaligned = (ed.mem_size == 2'd1 && mem_addr[0])
                          || (ed.mem_size == 2'd2 && mem_addr[1:0] != 2'b00);
  assign in_sram        = {1'b0, mem_addr} < 33'(SramBytes);
  assign in_mmio        = (mem_addr & MMIO_MASK) == MMIO_BASE;

  // multiply (single cycle) and divide (iterative)
  assign mul_full = $signed({(ed.funct3 == 3'd1 || ed.funct3 == 3'd2) && fwd_a[31], fwd_a})
                  * $signed({(ed.funct3 == 3'd1) && fwd_b[31], fwd_b});
  assign mul_res  = (ed.funct3[1:0] == 2'd0) ? mul_full[31:0] : mul_full[63:32];
  logic unused_mul;
  assign unused_mul = ^mul_full[65:64];

  assign div_start = e_q.valid && ed.is_div && !e_trap && !div_busy;
  nd_core_div u_div (
    .clk_i, .rst_ni,
    .start_i(div_start), .op_i(ed.funct3[1:0]), .a_i(fwd_a), .b_i(fwd_b),
    .ack_i(e_fire && ed.is_div && div_done), .kill_i(1'b0),
    .busy_o(div_busy), .done_o(div_done), .result_o(div_res)
  );

  // traps, in priority order
  always_comb begin
    e_trap  = 1'b1;
    e_cause = '0;
    e_tval  = '0;
    if (e_q.fetch_fault) begin
      e_cause = CAUSE_INSN_ACCESS;
      e_tval  = e_q.pc;
    end else if (ed.illegal || csr_illegal) begin
      e_cause = CAUSE_ILLEGAL;
      e_tval  = e_q.insn;
    end else if (ed.is_ecall) begin
      e_cause = CAUSE_ECALL_M;
    end else if (ed.is_ebreak) begin
      e_cause = CAUSE_BREAKPOINT;
      e_tval  = e_q.pc;
    end else if (taken && tgt[1]) begin
      e_cause = CAUSE_INSN_MISALIGNED;
      e_tval  = tgt;
    end else if (is_mem && mem_misaligned) begin
      e_cause = ed.is_store ? CAUSE_STORE_MISALIGNED : CAUSE_LOAD_MISALIGNED;
      e_tval  = mem_addr;
    end else if (is_mem && !in_sram && !in_mmio) begin
      e_cause = ed.is_store ? CAUSE_STORE_ACCESS : CAUSE_LOAD_ACCESS;
      e_tval  = mem_addr;
    end else begin
      e_trap = 1'b0;
    end
    e_trap = e_trap && e_q.valid;
  end

  // stalls (never for an instruction that traps)
  assign mem_stall  = is_mem && !data_gnt_i;
  assign div_stall  = ed.is_div && !div_done;
  assign cmd_stall  = !ed.is_wait && ((ed.unit == UnitMxu && !mxu_cmd_ready_i)
                                      || (ed.unit == UnitDma && !dma_cmd_ready_i));
  assign wait_stall = ed.is_wait && ((ed.unit == UnitMxu && (mxu_busy_i || mxu_acc_q))
                                     || (ed.unit == UnitDma && (dma_busy_i || dma_acc_q)));
  assign e_stall    = e_q.valid && !e_trap && (mem_stall || div_stall || cmd_stall || wait_stall);

  assign e_fire     = e_q.valid && !e_stall;
  assign commit     = e_fire && !e_trap;
  assign halting    = e_trap && (mtvec == '0);
  assign trap_enter = e_trap && (mtvec != '0);

  assign mispredict = (ed.is_branch || ed.is_jal) && (taken != e_q.pred_taken);
  assign e_redirect = trap_enter || (commit && (mispredict || ed.is_jalr || ed.is_mret || ed.is_fencei));
  assign e_flush    = e_redirect || halting;
  always_comb begin
    if (trap_enter)                     e_redirect_pc = mtvec;
    else if (ed.is_mret)                e_redirect_pc = mepc;
    else if (taken && !ed.is_fencei)    e_redirect_pc = tgt;
    else                                e_redirect_pc = pc_plus4;
  end

  nd_core_csr u_csr (
    .clk_i, .rst_ni, .hart_id_i,
    .csr_req_i(e_q.valid && ed.is_csr), .csr_op_i(ed.funct3[1:0]), .csr_addr_i(ed.imm[11:0]),
    .csr_operand_i(ed.funct3[2] ? {27'b0, ed.rs1} : fwd_a),
    .csr_write_i(ed.funct3[1:0] == 2'd1 || ed.rs1 != '0),
    .commit_i(commit), .csr_rdata_o(csr_rdata), .csr_illegal_o(csr_illegal),
    .trap_i(e_trap), .trap_cause_i(e_cause), .trap_pc_i(e_q.pc), .trap_tval_i(e_tval),
    .mret_i(commit && ed.is_mret),
    .instret_i(commit), .hpm_event_i(hpm_event),
    .mtvec_o(mtvec), .mepc_o(mepc)
  );

  always_comb begin
    if (ed.is_jal || ed.is_jalr) e_result = pc_plus4;
    else if (ed.is_csr)          e_result = csr_rdata;
    else if (ed.is_mul)          e_result = mul_res;
    else if (ed.is_div)          e_result = div_res;
    else                         e_result = alu_res;
  end

  // data request
  assign data_req_o   = e_q.valid && is_mem && !e_trap;
  assign data_we_o    = ed.is_store;
  assign data_addr_o  = {mem_addr[31:2], 2'b00};
  always_comb begin
    case (ed.mem_size)
      2'd0:    data_be_o = 4'b0001 << mem_addr[1:0];
      2'd1:    data_be_o = 4'b0011 << mem_addr[1:0];
      default: data_be_o = 4'b1111;
    endcase
    case (ed.mem_size)
      2'd0:    data_wdata_o = {4{fwd_b[7:0]}};
      2'd1:    data_wdata_o = {2{fwd_b[15:0]}};
      default: data_wdata_o = fwd_b;
    endcase
  end

  // command issue
  assign mxu_cmd_valid_o = e_q.valid && !e_trap && ed.unit == UnitMxu && !ed.is_wait;
  assign dma_cmd_valid_o = e_q.valid && !e_trap && ed.unit == UnitDma && !ed.is_wait;
  assign mxu_cmd_o = '{funct7: ed.funct7, funct3: ed.funct3, rs1: fwd_a, rs2: fwd_b};
  assign dma_cmd_o = '{funct7: ed.funct7, funct3: ed.funct3, rs1: fwd_a, rs2: fwd_b};

  // performance events
  always_comb begin
    hpm_event               = '0;
    hpm_event[HPM_LOAD_USE] = d_valid && load_use && !e_flush;
    hpm_event[HPM_REDIRECT] = e_redirect;
    hpm_event[HPM_UNIT]     = e_q.valid && !e_trap && (cmd_stall || wait_stall);
    hpm_event[HPM_DIV]      = e_q.valid && !e_trap && div_stall;
    hpm_event[HPM_MEM]      = (e_q.valid && !e_trap && mem_stall) || (instr_req_o && !instr_gnt_i);
  end

  // ---------------------------------------------------------------------------------------------
  // Stage register updates
  // ---------------------------------------------------------------------------------------------
  always_comb begin
    e_d     = e_q;
    e_rs1_d = fwd_a;              // a stalled instruction keeps its forwarded operands
    e_rs2_d = fwd_b;
    if (d_to_e) begin
      e_d.valid       = 1'b1;
      e_d.pc          = d_pc;
      e_d.insn        = d_insn;
      e_d.fetch_fault = d_fault;
      e_d.pred_taken  = d_predict;
      e_d.dec         = d_dec;
      e_rs1_d         = d_rs1_val;
      e_rs2_d         = d_rs2_val;
    end else if (!e_stall) begin
      e_d.valid = 1'b0;
    end

    w_d              = w_q;
    w_d.valid        = commit;
    w_d.pc           = e_q.pc;
    w_d.insn         = e_q.insn;
    w_d.rd_we        = commit && ed.rd_we;
    w_d.rd           = ed.rd;
    w_d.result       = e_result;
    w_d.is_load      = ed.is_load;
    w_d.mem_size     = ed.mem_size;
    w_d.mem_unsigned = ed.mem_unsigned;
    w_d.addr_lo      = mem_addr[1:0];

    halted_d = halted_q || halting;
    report_d = halting ? '{cause: e_cause, pc: e_q.pc, insn: e_q.insn, tval: e_tval} : report_q;
    // A command accepted in this cycle still counts as outstanding for a wait in the next one.
    mxu_acc_d = mxu_cmd_valid_o && mxu_cmd_ready_i;
    dma_acc_d = dma_cmd_valid_o && dma_cmd_ready_i;
  end

  assign w_wdata = w_q.is_load ? load_align(data_rdata_i, w_q.addr_lo, w_q.mem_size, w_q.mem_unsigned)
                               : w_q.result;

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      e_q       <= '0;
      e_rs1_q   <= '0;
      e_rs2_q   <= '0;
      w_q       <= '0;
      halted_q  <= 1'b0;
      report_q  <= '0;
      mxu_acc_q <= 1'b0;
      dma_acc_q <= 1'b0;
    end else begin
      e_q       <= e_d;
      e_rs1_q   <= e_rs1_d;
      e_rs2_q   <= e_rs2_d;
      w_q       <= w_d;
      halted_q  <= halted_d;
      report_q  <= report_d;
      mxu_acc_q <= mxu_acc_d;
      dma_acc_q <= dma_acc_d;
    end
  end

  // ---------------------------------------------------------------------------------------------
  // Outputs
  // ---------------------------------------------------------------------------------------------
  assign retire_valid_o = w_q.valid;
  assign retire_pc_o    = w_q.pc;
  assign retire_insn_o  = w_q.insn;
  assign halted_o       = halted_q;
  assign trap_cause_o   = report_q.cause;
  assign trap_pc_o      = report_q.pc;
  assign trap_insn_o    = report_q.insn;
  assign trap_tval_o    = report_q.tval;

  // ---------------------------------------------------------------------------------------------
  // Assertions
  // ---------------------------------------------------------------------------------------------
  `ND_ASSERT_KNOWN(InstrReqKnown_A, instr_req_o)
  `ND_ASSERT_KNOWN(DataReqKnown_A, data_req_o)
  `ND_ASSERT(InstrReqInSram_A, instr_req_o |-> ({1'b0, instr_addr_o} < 33'(SramBytes)))
  // A pending data request is held unchanged until granted.
  `ND_ASSERT(DataReqHeld_A, (data_req_o && !data_gnt_i) |=>
             (data_req_o && $stable(data_addr_o) && $stable(data_we_o) && $stable(data_be_o)
              && $stable(data_wdata_o)))
  // Commands: valid is held with a stable payload until ready.
  `ND_ASSERT(MxuCmdHeld_A, (mxu_cmd_valid_o && !mxu_cmd_ready_i) |=> (mxu_cmd_valid_o && $stable(mxu_cmd_o)))
  `ND_ASSERT(DmaCmdHeld_A, (dma_cmd_valid_o && !dma_cmd_ready_i) |=> (dma_cmd_valid_o && $stable(dma_cmd_o)))
  // Loads never forward from W to E: the load-use stall keeps their consumers in D.
  `ND_ASSERT(NoLoadForwardToE_A, !(e_q.valid && w_q.valid && w_q.is_load && w_q.rd_we && w_q.rd != '0
             && ((ed.rs1_used && ed.rs1 == w_q.rd) || (ed.rs2_used && ed.rs2 == w_q.rd))))
  // Nothing retires or is requested once the core has halted.
  `ND_ASSERT(NoFetchWhenHalted_A, halted_q |-> !instr_req_o)
  `ND_ASSERT(RetirePcAligned_A, retire_valid_o |-> (retire_pc_o[1:0] == 2'b00))

endmodule
