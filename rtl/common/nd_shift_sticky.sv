// Right shift with a sticky bit (combinational): out_o = in_i >> shamt_i, and sticky_o is the OR of
// every bit shifted out. Shift amounts of Width or more give out_o = 0 and sticky_o = |in_i. Rounding
// logic uses the pair to keep the exact value's position between two grid points: the shifted value
// with the sticky bit ORed into its LSB lies in the same open interval of width 2 LSBs as the exact one.
//
// Parameters: Width >= 1; ShW (bits of the shift amount) 1..32. Checked at elaboration.
`include "nd_assert.svh"

module nd_shift_sticky #(
  parameter int unsigned Width = 32,
  parameter int unsigned ShW = 6
) (
  input  logic [Width-1:0] in_i,
  input  logic [ShW-1:0]   shamt_i,
  output logic [Width-1:0] out_o,
  output logic             sticky_o
);

  `ND_STATIC_ASSERT(gen_check_width, Width >= 1, "nd_shift_sticky: Width must be at least 1")
  `ND_STATIC_ASSERT(gen_check_shw, ShW >= 1 && ShW <= 32, "nd_shift_sticky: ShW must be 1 to 32")

  // The shift in a window of twice the width, saturated at Width: the lower half collects what falls out.
  localparam int unsigned SatW = $clog2(Width + 1);
  logic [SatW-1:0]    sh;
  logic [2*Width-1:0] ext;
  always_comb begin
    if (64'(shamt_i) >= 64'(Width)) begin
      sh = SatW'(Width);
    end else begin
      sh = SatW'(shamt_i);
    end
    ext      = {in_i, {Width{1'b0}}} >> sh;
    out_o    = ext[2*Width-1:Width];
    sticky_o = |ext[Width-1:0];
  end

endmodule
