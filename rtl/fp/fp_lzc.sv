// Leading-zero counter (combinational): cnt_o = number of zeros above the most significant set bit of
// in_i, or Width when in_i is zero. A priority scan; synthesis turns it into a balanced tree.
module fp_lzc #(
  parameter int unsigned Width = 24,
  localparam int unsigned CntW = $clog2(Width + 1)
) (
  input  logic [Width-1:0] in_i,
  output logic [CntW-1:0]  cnt_o
);

  always_comb begin
    cnt_o = CntW'(Width);
    for (int unsigned i = 0; i < Width; i++) begin
      if (in_i[i]) cnt_o = CntW'(Width - 1 - i);
    end
  end

endmodule
