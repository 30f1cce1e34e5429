// Command check and decode of the matrix unit (combinational): the operation of a core_cmd_t, its error code
// (docs/mxu.md "Illegal commands": the first rule that fails, in the table's order) and, for a MAC, the
// geometry of its A and B panels under the configuration and shape in force.
//
// Contract: purely combinational from (cmd_i, cfg_i, k_i, a_stride_i, b_stride_i); clk_i and rst_ni only
// clock the assertions. err_o = MxuErrNone means op_o is valid and the command may execute.
`include "nd_assert.svh"

module nd_mxu_decode #(
  parameter int unsigned MemBytes = 262144
) (
  input  logic        clk_i,
  input  logic        rst_ni,
  input  logic [73:0] cmd_i,       // {funct7, funct3, rs1, rs2}
  input  logic [25:0] cfg_i,       // mxu_cfg_t in force
  input  logic [15:0] k_i,         // SHAPE in force
  input  logic [15:0] a_stride_i,
  input  logic [15:0] b_stride_i,
  output logic [2:0]  op_o,        // mxu_op_e
  output logic [2:0]  err_o,       // mxu_err_e
  output logic [58:0] a_o,         // mxu_panel_t of a MAC
  output logic [58:0] b_o
);
  `include "nd_mxu_types.svh"

  `ND_STATIC_ASSERT(gen_check_mem, (MemBytes % 128 == 0) && (MemBytes >= 128) && (MemBytes <= 32'h8000_0000),
                    "nd_mxu_decode: MemBytes must be a multiple of 128 between 128 and 2^31")

  localparam logic [39:0] MEM_END = 40'(MemBytes);

  logic [6:0]  f7;
  logic [2:0]  f3;
  logic [31:0] rs1, rs2;
  assign {f7, f3, rs1, rs2} = cmd_i;

  mxu_cfg_t cfg, new_cfg;
  assign cfg     = mxu_cfg_t'(cfg_i);
  assign new_cfg = mxu_cfg_t'(rs1[25:0]);

  // ---- MAC panels under the configuration in force ---------------------------------------------------
  // k-row = 16 bytes (BF16) or 8 (CFP8); G = k-rows per line = 8 or 16.
  logic        cfp8;
  logic        a_misaligned, b_misaligned;
  mxu_panel_t  a_pan, b_pan;
  logic [39:0] a_last, b_last;  // byte address one past the last line touched
  assign cfp8 = cfg.a_fmt != 2'd0;

  always_comb begin
    a_pan.line   = rs1[31:7];
    b_pan.line   = rs2[31:7];
    a_pan.stride = a_stride_i;
    b_pan.stride = b_stride_i;
    if (cfp8) begin
      a_pan.r0     = rs1[6:3];
      b_pan.r0     = rs2[6:3];
      a_pan.n      = 14'((17'(rs1[6:3]) + 17'(k_i) + 17'd15) >> 4);
      b_pan.n      = 14'((17'(rs2[6:3]) + 17'(k_i) + 17'd15) >> 4);
      a_misaligned = rs1[2:0] != '0;
      b_misaligned = rs2[2:0] != '0;
    end else begin
      a_pan.r0     = {1'b0, rs1[6:4]};
      b_pan.r0     = {1'b0, rs2[6:4]};
      a_pan.n      = 14'((17'(rs1[6:4]) + 17'(k_i) + 17'd7) >> 3);
      b_pan.n      = 14'((17'(rs2[6:4]) + 17'(k_i) + 17'd7) >> 3);
      a_misaligned = rs1[3:0] != '0;
      b_misaligned = rs2[3:0] != '0;
    end
    a_last = (40'(a_pan.line) + 40'(14'(a_pan.n - 14'd1)) * 40'(a_stride_i) + 40'd1) << 7;
    b_last = (40'(b_pan.line) + 40'(14'(b_pan.n - 14'd1)) * 40'(b_stride_i) + 40'd1) << 7;
  end
  assign a_o = a_pan;
  assign b_o = b_pan;

  // ---- Output rows of a STORE: 32, 16 or 8 bytes ----------------------------------------------------------
  logic [5:0]  row_bytes;
  logic [39:0] row_end;  // one past the last byte of row 7 at a stride
  always_comb begin
    unique case (cfg.out_fmt)
      2'd0:    row_bytes = 6'd32;
      2'd1:    row_bytes = 6'd16;
      default: row_bytes = 6'd8;
    endcase
  end
  assign row_end = 40'(rs1) + 40'(rs2) * 40'd7 + ((f3 == 3'd4) ? 40'(row_bytes) : 40'd32);

  // ---- Check -----------------------------------------------------------------------------------------------
  logic new_a_bf16, new_b_bf16;
  assign new_a_bf16 = new_cfg.a_fmt == 2'd0;
  assign new_b_bf16 = new_cfg.b_fmt == 2'd0;

  always_comb begin
    op_o  = MxuOpCfg;
    err_o = MxuErrNone;
    unique case (f3)
      3'd0: begin  // CFG
        op_o = MxuOpCfg;
        if (f7[6:1] != '0 || rs1[31:26] != '0 || new_cfg.reserved || (!f7[0] && rs2 != '0)) begin
          err_o = MxuErrReserved;
        end else if (new_cfg.a_fmt == 2'd3 || new_cfg.b_fmt == 2'd3 || new_a_bf16 != new_b_bf16) begin
          err_o = MxuErrBadFormat;
        end else if ((new_a_bf16 && new_cfg.a_bias != '0) || (new_b_bf16 && new_cfg.b_bias != '0) ||
                     (new_cfg.out_fmt <= 2'd1 && new_cfg.out_bias != '0)) begin
          err_o = MxuErrBadBias;
        end
      end
      3'd1: begin  // SHAPE
        op_o = MxuOpShape;
        if (f7 != '0 || rs1[31:16] != '0) begin
          err_o = MxuErrReserved;
        end else if (rs1[15:0] == '0 || rs2[15:0] == '0 || rs2[31:16] == '0) begin
          err_o = MxuErrBadShape;
        end
      end
      3'd2: begin  // MAC
        op_o = MxuOpMac;
        if (f7[6:2] != '0) begin
          err_o = MxuErrReserved;
        end else if (a_misaligned || b_misaligned) begin
          err_o = MxuErrMisaligned;
        end else if (a_last > MEM_END || b_last > MEM_END) begin
          err_o = MxuErrOutOfRange;
        end
      end
      3'd3: begin  // ZERO / LOAD
        op_o = f7[1] ? MxuOpLoad : MxuOpZero;
        if (f7[6:2] != '0 || (!f7[1] && (rs1 != '0 || rs2 != '0))) begin
          err_o = MxuErrReserved;
        end else if (f7[1] && (rs1[4:0] != '0 || rs2[4:0] != '0)) begin
          err_o = MxuErrMisaligned;
        end else if (f7[1] && row_end > MEM_END) begin
          err_o = MxuErrOutOfRange;
        end
      end
      3'd4: begin  // STORE
        op_o = MxuOpStore;
        if (f7[6:1] != '0) begin
          err_o = MxuErrReserved;
        end else if (((rs1[4:0] | rs2[4:0]) & 5'(row_bytes - 6'd1)) != '0) begin
          err_o = MxuErrMisaligned;
        end else if (row_end > MEM_END) begin
          err_o = MxuErrOutOfRange;
        end
      end
      3'd5: begin  // STATUS
        op_o = MxuOpStatus;
        if (f7[6:2] != '0 || rs2 != '0) begin
          err_o = MxuErrReserved;
        end else if (rs1[4:0] != '0) begin
          err_o = MxuErrMisaligned;
        end else if (40'(rs1) + 40'd32 > MEM_END) begin
          err_o = MxuErrOutOfRange;
        end
      end
      default: begin
        op_o  = MxuOpCfg;
        err_o = MxuErrUnknownFunct;
      end
    endcase
  end

  logic unused_cfg;
  assign unused_cfg = ^{cfg[25:6], cfg[3:2], new_cfg.reserved, new_cfg.rnd};

  `ND_ASSERT(PanelHasLines_A, (f3 != 3'd2) || (k_i == '0) || (a_pan.n != '0 && b_pan.n != '0))

endmodule
