// Instruction decoder of the scalar core: RV32I, M, Zicsr, mret, fence/fence.i, wfi (as a nop) and the
// nanodojo custom-0 (MXU) / custom-1 (DMA) command instructions.
//
// Purely combinational. Every encoding that is not listed in docs/isa.md sets `illegal`; the
// execute stage raises the illegal-instruction trap for it (CSR address legality is checked there).
module nd_core_decode import nd_core_pkg::*; (
  input  logic [31:0] insn_i,
  output decoded_t    dec_o
);

  logic [6:0] opcode;
  logic [2:0] funct3;
  logic [6:0] funct7;
  logic [4:0] rs1, rs2, rd;
  logic [31:0] imm_i, imm_s, imm_b, imm_u, imm_j;

  assign opcode = insn_i[6:0];
  assign funct3 = insn_i[14:12];
  assign funct7 = insn_i[31:25];
  assign rd     = insn_i[11:7];
  assign rs1    = insn_i[19:15];
  assign rs2    = insn_i[24:20];

  assign imm_i = {{21{insn_i[31]}}, insn_i[30:20]};
  assign imm_s = {{21{insn_i[31]}}, insn_i[30:25], insn_i[11:7]};
  assign imm_b = {{20{insn_i[31]}}, insn_i[7], insn_i[30:25], insn_i[11:8], 1'b0};
  assign imm_u = {insn_i[31:12], 12'b0};
  assign imm_j = {{12{insn_i[31]}}, insn_i[19:12], insn_i[20], insn_i[30:21], 1'b0};

  always_comb begin
    dec_o = '0;
    dec_o.alu_op  = AluAdd;
    dec_o.opa_sel = OpaRs1;
    dec_o.unit    = UnitNone;
    dec_o.rs1     = rs1;
    dec_o.rs2     = rs2;
    dec_o.rd      = rd;
    dec_o.funct3  = funct3;
    dec_o.funct7  = funct7;
    dec_o.mem_size     = funct3[1:0];
    dec_o.mem_unsigned = funct3[2];

    case (opcode)
      OPC_LUI: begin
        dec_o.alu_op  = AluPassB;
        dec_o.opb_imm = 1'b1;
        dec_o.imm     = imm_u;
        dec_o.rd_we   = 1'b1;
      end
      OPC_AUIPC: begin
        dec_o.opa_sel = OpaPc;
        dec_o.opb_imm = 1'b1;
        dec_o.imm     = imm_u;
        dec_o.rd_we   = 1'b1;
      end
      OPC_JAL: begin
        dec_o.is_jal = 1'b1;
        dec_o.imm    = imm_j;
        dec_o.rd_we  = 1'b1;
      end
      OPC_JALR: begin
        dec_o.is_jalr  = 1'b1;
        dec_o.imm      = imm_i;
        dec_o.rs1_used = 1'b1;
        dec_o.rd_we    = 1'b1;
        dec_o.illegal  = (funct3 != 3'b000);
      end
      OPC_BRANCH: begin
        dec_o.is_branch = 1'b1;
        dec_o.imm       = imm_b;
        dec_o.rs1_used  = 1'b1;
        dec_o.rs2_used  = 1'b1;
        dec_o.illegal   = (funct3 == 3'b010) || (funct3 == 3'b011);
      end
      OPC_LOAD: begin
        dec_o.is_load  = 1'b1;
        dec_o.imm      = imm_i;
        dec_o.opb_imm  = 1'b1;
        dec_o.rs1_used = 1'b1;
        dec_o.rd_we    = 1'b1;
        dec_o.illegal  = (funct3 == 3'b011) || (funct3 == 3'b110) || (funct3 == 3'b111);
      end
      OPC_STORE: begin
        dec_o.is_store = 1'b1;
        dec_o.imm      = imm_s;
        dec_o.opb_imm  = 1'b1;
        dec_o.rs1_used = 1'b1;
        dec_o.rs2_used = 1'b1;
        dec_o.illegal  = (funct3[2] == 1'b1) || (funct3[1:0] == 2'b11);
      end
      OPC_OP_IMM: begin
        dec_o.imm      = imm_i;
        dec_o.opb_imm  = 1'b1;
        dec_o.rs1_used = 1'b1;
        dec_o.rd_we    = 1'b1;
        case (funct3)
          3'b000: dec_o.alu_op = AluAdd;
          3'b010: dec_o.alu_op = AluSlt;
          3'b011: dec_o.alu_op = AluSltu;
          3'b100: dec_o.alu_op = AluXor;
          3'b110: dec_o.alu_op = AluOr;
          3'b111: dec_o.alu_op = AluAnd;
          3'b001: begin
            dec_o.alu_op  = AluSll;
            dec_o.illegal = (funct7 != 7'b0000000);
          end
          3'b101: begin
            dec_o.alu_op  = funct7[5] ? AluSra : AluSrl;
            dec_o.illegal = (funct7 != 7'b0000000) && (funct7 != 7'b0100000);
          end
          default: dec_o.illegal = 1'b1;
        endcase
      end
      OPC_OP: begin
        dec_o.rs1_used = 1'b1;
        dec_o.rs2_used = 1'b1;
        dec_o.rd_we    = 1'b1;
        if (funct7 == 7'b0000001) begin
          dec_o.is_mul = ~funct3[2];
          dec_o.is_div = funct3[2];
        end else if (funct7 == 7'b0000000) begin
          case (funct3)
            3'b000: dec_o.alu_op = AluAdd;
            3'b001: dec_o.alu_op = AluSll;
            3'b010: dec_o.alu_op = AluSlt;
            3'b011: dec_o.alu_op = AluSltu;
            3'b100: dec_o.alu_op = AluXor;
            3'b101: dec_o.alu_op = AluSrl;
            3'b110: dec_o.alu_op = AluOr;
            3'b111: dec_o.alu_op = AluAnd;
            default: dec_o.illegal = 1'b1;
          endcase
        end else if (funct7 == 7'b0100000 && (funct3 == 3'b000 || funct3 == 3'b101)) begin
          dec_o.alu_op = (funct3 == 3'b000) ? AluSub : AluSra;
        end else begin
          dec_o.illegal = 1'b1;
        end
      end
      OPC_MISC_MEM: begin
        // fence is a nop (one in-order hart, one memory); fence.i flushes the fetched instructions.
        dec_o.is_fencei = (funct3 == 3'b001);
        dec_o.illegal   = (funct3 != 3'b000) && (funct3 != 3'b001);
      end
      OPC_SYSTEM: begin
        if (funct3 == 3'b000) begin
          case (insn_i[31:7])
            25'h0000000: dec_o.is_ecall = 1'b1;                           // ecall
            25'h0002000: dec_o.is_ebreak = 1'b1;                          // ebreak
            {12'h302, 13'h0}: dec_o.is_mret = 1'b1;                       // mret
            {12'h105, 13'h0}: ;                                           // wfi: nop
            default: dec_o.illegal = 1'b1;
          endcase
        end else if (funct3 == 3'b100) begin
          dec_o.illegal = 1'b1;
        end else begin
          dec_o.is_csr   = 1'b1;
          dec_o.imm      = {20'b0, insn_i[31:20]};    // CSR address
          dec_o.rs1_used = ~funct3[2];                // register form reads rs1, immediate form uses zimm
          dec_o.rd_we    = 1'b1;
        end
      end
      OPC_CUSTOM0, OPC_CUSTOM1: begin
        dec_o.unit     = (opcode == OPC_CUSTOM0) ? UnitMxu : UnitDma;
        dec_o.is_wait  = (funct3 == CUST_F3_WAIT);
        dec_o.rs1_used = (funct3 != CUST_F3_WAIT);
        dec_o.rs2_used = (funct3 != CUST_F3_WAIT);
      end
      default: dec_o.illegal = 1'b1;
    endcase

    // Encodings that are not 32-bit instructions (no C extension) are illegal.
    if (insn_i[1:0] != 2'b11) dec_o.illegal = 1'b1;
    if (dec_o.illegal) begin
      dec_o.rd_we    = 1'b0;
      dec_o.rs1_used = 1'b0;
      dec_o.rs2_used = 1'b0;
    end
  end

endmodule
