// Operand line buffer of the matrix unit: a FIFO of Depth 1024-bit lines whose two oldest entries are
// visible at once, so a MAC step can take k-rows that straddle two lines.
//
// Push side: push_i writes line_i; the writer reserves room before asking memory for a line, so a push
// into a full buffer is a design error (LineOverflow_A). Pop side: line0_o / line1_o are the oldest and
// the second-oldest line, valid0_o / valid1_o say whether they are present; pop_i (0, 1 or 2) removes
// that many oldest lines at the clock edge (never more than are present: LineUnderflow_A). A push and a
// pop may happen in the same cycle. Outputs depend only on registers.
`include "nd_assert.svh"

module nd_mxu_line_buf #(
  parameter int unsigned Depth = 4,
  localparam int unsigned PtrW = $clog2(Depth),
  localparam int unsigned CntW = $clog2(Depth + 1)
) (
  input  logic            clk_i,
  input  logic            rst_ni,
  input  logic            push_i,
  input  logic [1023:0]   line_i,
  input  logic [1:0]      pop_i,
  output logic [1023:0]   line0_o,
  output logic [1023:0]   line1_o,
  output logic            valid0_o,
  output logic            valid1_o,
  output logic [CntW-1:0] usage_o
);

  `ND_STATIC_ASSERT(gen_check_depth, (Depth >= 2) && ((Depth & (Depth - 1)) == 0),
                    "nd_mxu_line_buf: Depth must be a power of two >= 2")

  logic [1023:0]   mem_q[Depth];
  logic [PtrW-1:0] wr_q, wr_d, rd_q, rd_d, rd_next;
  logic [CntW-1:0] cnt_q, cnt_d;

  assign rd_next  = rd_q + PtrW'(1);
  assign line0_o  = mem_q[rd_q];
  assign line1_o  = mem_q[rd_next];
  assign valid0_o = cnt_q != '0;
  assign valid1_o = cnt_q > CntW'(1);
  assign usage_o  = cnt_q;

  always_comb begin
    wr_d  = wr_q + PtrW'(push_i);
    rd_d  = rd_q + PtrW'(pop_i);
    cnt_d = cnt_q + CntW'(push_i) - CntW'(pop_i);
  end

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      wr_q  <= '0;
      rd_q  <= '0;
      cnt_q <= '0;
    end else begin
      wr_q  <= wr_d;
      rd_q  <= rd_d;
      cnt_q <= cnt_d;
    end
  end

  // Storage: one register per entry, loaded when the push goes to that entry; no reset (an entry is only
  // read while the count says it holds a line).
  for (genvar e = 0; e < Depth; e++) begin : gen_mem
    logic [1023:0] entry_d;
    assign entry_d = (push_i && (wr_q == PtrW'(e))) ? line_i : mem_q[e];
    always_ff @(posedge clk_i) begin
      mem_q[e] <= entry_d;
    end
  end

  `ND_ASSERT(LineOverflow_A, !push_i || (cnt_q != CntW'(Depth)) || (pop_i != 2'd0))
  `ND_ASSERT(LineUnderflow_A, CntW'(pop_i) <= cnt_q)

endmodule
