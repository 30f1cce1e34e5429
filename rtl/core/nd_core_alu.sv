// Integer ALU and branch comparator of the scalar core (RV32I arithmetic, logic, shifts, compares).
// Purely combinational; shifts use the low five bits of operand b as the RISC-V ISA requires.
module nd_core_alu import nd_core_pkg::*; (
  input  alu_op_e     op_i,
  input  logic [31:0] a_i,
  input  logic [31:0] b_i,
  output logic [31:0] result_o,
  // branch condition (funct3 of the branch) evaluated on the same operands
  input  logic [2:0]  cond_i,
  output logic        cond_true_o
);

  logic [4:0]  shamt;
  logic        lt_s, lt_u, eq;

  assign shamt = b_i[4:0];
  assign lt_s  = $signed(a_i) < $signed(b_i);
  assign lt_u  = a_i < b_i;
  assign eq    = a_i == b_i;

  always_comb begin
    case (op_i)
      AluAdd:    result_o = a_i + b_i;
      AluSub:    result_o = a_i - b_i;
      AluSll:    result_o = a_i << shamt;
      AluSlt:    result_o = {31'b0, lt_s};
      AluSltu:   result_o = {31'b0, lt_u};
      AluXor:    result_o = a_i ^ b_i;
      AluSrl:    result_o = a_i >> shamt;
      AluSra:    result_o = $unsigned($signed(a_i) >>> shamt);
      AluOr:     result_o = a_i | b_i;
      AluAnd:    result_o = a_i & b_i;
      AluPassB: result_o = b_i;
      default:    result_o = a_i + b_i;
    endcase
  end

  always_comb begin
    case (cond_i)
      3'b000:  cond_true_o = eq;     // beq
      3'b001:  cond_true_o = ~eq;    // bne
      3'b100:  cond_true_o = lt_s;   // blt
      3'b101:  cond_true_o = ~lt_s;  // bge
      3'b110:  cond_true_o = lt_u;   // bltu
      3'b111:  cond_true_o = ~lt_u;  // bgeu
      default: cond_true_o = 1'b0;
    endcase
  end

endmodule
