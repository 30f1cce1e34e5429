// Leading-zero counter (combinational): cnt_o = number of zeros above the most significant set bit of
// in_i, or Width when in_i is zero. Binary search over a power-of-two padded copy (the padding below
// the input is ones, so it never adds to the count): log2(Width) stages, each testing whether the upper
// half of the remaining window is zero and shifting it out if so.
//
// Parameters: Width >= 1 (checked at elaboration).
`include "nd_assert.svh"

module nd_lzc #(
  parameter int unsigned Width = 24,
  localparam int unsigned CntW = $clog2(Width + 1)
) (
  input  logic [Width-1:0] in_i,
  output logic [CntW-1:0]  cnt_o
);

  `ND_STATIC_ASSERT(gen_check_width, Width >= 1, "nd_lzc: Width must be at least 1")

  localparam int unsigned Levels = (Width > 1) ? $clog2(Width) : 1;
  localparam int unsigned P = 1 << Levels;

  logic [P-1:0]    padded, v;
  logic [CntW-1:0] cnt;

  if (P > Width) begin : gen_pad
    assign padded = {in_i, {(P - Width){1'b1}}};
  end else begin : gen_no_pad
    assign padded = in_i;
  end

  always_comb begin
    v   = padded;
    cnt = '0;
    for (int unsigned s = Levels; s > 0; s--) begin
      if ((v >> (P - (1 << (s - 1)))) == '0) begin
        cnt[s-1] = 1'b1;
        v        = v << (1 << (s - 1));
      end
    end
    cnt_o = (in_i == '0) ? CntW'(Width) : cnt;
  end

endmodule
