// Shared types, encodings and the memory map of the nanodojo scalar core (RV32IM + Zicsr).
//
// Everything the pipeline stages pass between each other is declared here as a packed struct so the
// stage registers read as one assignment each. docs/isa.md documents the encodings; docs/core.md the
// pipeline that uses these types.
package nd_core_pkg;

  // ---------------------------------------------------------------------------------------------
  // Memory map
  // ---------------------------------------------------------------------------------------------
  localparam logic [31:0] MMIO_BASE = 32'h4000_0000;
  localparam logic [31:0] MMIO_MASK = 32'hFFFF_F000;  // 4 KiB MMIO window
  localparam logic [11:0] MMIO_CONSOLE = 12'h000;      // W: console TX byte (low byte of the store)
  localparam logic [11:0] MMIO_NODE_ID = 12'h004;      // R: node id (= mhartid)
  localparam logic [11:0] MMIO_CYCLE_LO = 12'h008;     // R: free-running cycle counter, low word
  localparam logic [11:0] MMIO_CYCLE_HI = 12'h00C;     // R: free-running cycle counter, high word

  // ---------------------------------------------------------------------------------------------
  // Opcodes (instr[6:0])
  // ---------------------------------------------------------------------------------------------
  localparam logic [6:0] OPC_LOAD = 7'b0000011;
  localparam logic [6:0] OPC_CUSTOM0 = 7'b0001011;  // MXU commands
  localparam logic [6:0] OPC_MISC_MEM = 7'b0001111;
  localparam logic [6:0] OPC_OP_IMM = 7'b0010011;
  localparam logic [6:0] OPC_AUIPC = 7'b0010111;
  localparam logic [6:0] OPC_STORE = 7'b0100011;
  localparam logic [6:0] OPC_CUSTOM1 = 7'b0101011;  // DMA commands
  localparam logic [6:0] OPC_OP = 7'b0110011;
  localparam logic [6:0] OPC_LUI = 7'b0110111;
  localparam logic [6:0] OPC_BRANCH = 7'b1100011;
  localparam logic [6:0] OPC_JALR = 7'b1100111;
  localparam logic [6:0] OPC_JAL = 7'b1101111;
  localparam logic [6:0] OPC_SYSTEM = 7'b1110011;

  // Custom instructions: funct3 values 0..6 are commands passed to the unit's queue unchanged;
  // funct3 = 7 is the wait/fence for that unit (stalls until its queue is drained and it is idle).
  localparam logic [2:0] CUST_F3_WAIT = 3'd7;

  // ---------------------------------------------------------------------------------------------
  // Command queue payload (custom-0 -> MXU, custom-1 -> DMA)
  // Bit layout of the flat vector: [73:67] funct7, [66:64] funct3, [63:32] rs1 value, [31:0] rs2 value.
  // ---------------------------------------------------------------------------------------------
  typedef struct packed {
    logic [6:0]  funct7;
    logic [2:0]  funct3;
    logic [31:0] rs1;
    logic [31:0] rs2;
  } core_cmd_t;
  localparam int unsigned CORE_CMD_W = $bits(core_cmd_t);

  // ---------------------------------------------------------------------------------------------
  // Trap causes (mcause values, all synchronous exceptions)
  // ---------------------------------------------------------------------------------------------
  localparam logic [31:0] CAUSE_INSN_MISALIGNED = 32'd0;
  localparam logic [31:0] CAUSE_INSN_ACCESS = 32'd1;
  localparam logic [31:0] CAUSE_ILLEGAL = 32'd2;
  localparam logic [31:0] CAUSE_BREAKPOINT = 32'd3;
  localparam logic [31:0] CAUSE_LOAD_MISALIGNED = 32'd4;
  localparam logic [31:0] CAUSE_LOAD_ACCESS = 32'd5;
  localparam logic [31:0] CAUSE_STORE_MISALIGNED = 32'd6;
  localparam logic [31:0] CAUSE_STORE_ACCESS = 32'd7;
  localparam logic [31:0] CAUSE_ECALL_M = 32'd11;

  // ---------------------------------------------------------------------------------------------
  // CSR addresses
  // ---------------------------------------------------------------------------------------------
  localparam logic [11:0] CSR_MSTATUS = 12'h300;
  localparam logic [11:0] CSR_MISA = 12'h301;
  localparam logic [11:0] CSR_MIE = 12'h304;
  localparam logic [11:0] CSR_MTVEC = 12'h305;
  localparam logic [11:0] CSR_MCOUNTINHIBIT = 12'h320;
  localparam logic [11:0] CSR_MSCRATCH = 12'h340;
  localparam logic [11:0] CSR_MEPC = 12'h341;
  localparam logic [11:0] CSR_MCAUSE = 12'h342;
  localparam logic [11:0] CSR_MTVAL = 12'h343;
  localparam logic [11:0] CSR_MIP = 12'h344;
  localparam logic [11:0] CSR_MCYCLE = 12'hB00;
  localparam logic [11:0] CSR_MINSTRET = 12'hB02;
  localparam logic [11:0] CSR_MCYCLEH = 12'hB80;
  localparam logic [11:0] CSR_MINSTRETH = 12'hB82;
  localparam logic [11:0] CSR_CYCLE = 12'hC00;
  localparam logic [11:0] CSR_INSTRET = 12'hC02;
  localparam logic [11:0] CSR_CYCLEH = 12'hC80;
  localparam logic [11:0] CSR_INSTRETH = 12'hC82;
  localparam logic [11:0] CSR_MVENDORID = 12'hF11;
  localparam logic [11:0] CSR_MARCHID = 12'hF12;
  localparam logic [11:0] CSR_MIMPID = 12'hF13;
  localparam logic [11:0] CSR_MHARTID = 12'hF14;

  // Implemented hardware performance counters mhpmcounter3..7 (events fixed, see docs/isa.md).
  localparam int unsigned NUM_HPM = 5;
  localparam int unsigned HPM_LOAD_USE = 0;  // mhpmcounter3: cycles D stalled on a load-use hazard
  localparam int unsigned HPM_REDIRECT = 1;  // mhpmcounter4: bubbles from execute-stage redirects
  localparam int unsigned HPM_UNIT = 2;      // mhpmcounter5: cycles stalled on MXU/DMA issue or wait
  localparam int unsigned HPM_DIV = 3;       // mhpmcounter6: cycles stalled on the divider
  localparam int unsigned HPM_MEM = 4;       // mhpmcounter7: cycles without fetch or data grant

  // misa: MXL = 1 (32 bit), extensions I and M, plus X (non-standard extensions present).
  localparam logic [31:0] MISA_VALUE = 32'h4000_0000 | (32'd1 << 8) | (32'd1 << 12) | (32'd1 << 23);

  // ---------------------------------------------------------------------------------------------
  // Decoded instruction
  // ---------------------------------------------------------------------------------------------
  typedef enum logic [3:0] {
    AluAdd,
    AluSub,
    AluSll,
    AluSlt,
    AluSltu,
    AluXor,
    AluSrl,
    AluSra,
    AluOr,
    AluAnd,
    AluPassB
  } alu_op_e;

  typedef enum logic [1:0] {
    OpaRs1,
    OpaPc,
    OpaZero
  } opa_sel_e;

  typedef enum logic [1:0] {
    UnitNone,
    UnitMxu,
    UnitDma
  } unit_e;

  typedef struct packed {
    alu_op_e     alu_op;
    opa_sel_e    opa_sel;
    logic        opb_imm;      // operand b is the immediate (else rs2)
    logic [31:0] imm;
    logic [4:0]  rs1;
    logic [4:0]  rs2;
    logic [4:0]  rd;
    logic        rs1_used;
    logic        rs2_used;
    logic        rd_we;
    logic        is_load;
    logic        is_store;
    logic [1:0]  mem_size;     // 0 byte, 1 half, 2 word
    logic        mem_unsigned;
    logic        is_branch;
    logic [2:0]  funct3;       // branch condition / mul-div op / csr op / custom funct3
    logic [6:0]  funct7;
    logic        is_jal;
    logic        is_jalr;
    logic        is_mul;
    logic        is_div;
    logic        is_csr;
    logic        is_mret;
    logic        is_ecall;
    logic        is_ebreak;
    logic        is_fencei;
    unit_e       unit;         // custom instruction target
    logic        is_wait;      // custom wait/fence (with unit)
    logic        illegal;
  } decoded_t;

  // ---------------------------------------------------------------------------------------------
  // Stage registers
  // ---------------------------------------------------------------------------------------------
  // Decode -> execute.
  typedef struct packed {
    logic        valid;
    logic [31:0] pc;
    logic [31:0] insn;
    logic        fetch_fault;  // instruction access fault at pc
    logic        pred_taken;   // decode redirected fetch to the branch / jal target
    decoded_t    dec;
  } ex_stage_t;

  // Execute -> writeback.
  typedef struct packed {
    logic        valid;
    logic [31:0] pc;
    logic [31:0] insn;
    logic        rd_we;
    logic [4:0]  rd;
    logic [31:0] result;       // ALU / CSR / mul / div / link result
    logic        is_load;
    logic [1:0]  mem_size;
    logic        mem_unsigned;
    logic [1:0]  addr_lo;
  } wb_stage_t;

  // Halt report: the trap that stopped the core (a trap while mtvec == 0).
  typedef struct packed {
    logic [31:0] cause;
    logic [31:0] pc;
    logic [31:0] insn;
    logic [31:0] tval;
  } halt_report_t;

  // Load data alignment: pick the addressed byte/half of the 32-bit read word and extend it.
  function automatic logic [31:0] load_align(logic [31:0] rdata, logic [1:0] addr_lo,
                                             logic [1:0] size, logic is_unsigned);
    logic [31:0] shifted;
    logic [31:0] res;
    shifted = rdata >> {addr_lo, 3'b000};
    case (size)
      2'd0: res = {{24{~is_unsigned & shifted[7]}}, shifted[7:0]};
      2'd1: res = {{16{~is_unsigned & shifted[15]}}, shifted[15:0]};
      default: res = shifted;
    endcase
    return res;
  endfunction

endpackage
