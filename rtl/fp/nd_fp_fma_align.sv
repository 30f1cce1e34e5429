// Alignment shifter of the FMA (combinational): shifts val_i right by dist_i (clamped to 0..W) and ORs
// every bit that falls below window bit 1 into bit 0 (the sticky bit). The result then lies in the same
// open interval of width 2 LSBs as the exact shifted value, which is all the rounding needs.
module nd_fp_fma_align #(
  parameter int unsigned W = 48
) (
  input  logic [W-1:0]       val_i,
  input  logic signed [11:0] dist_i,
  output logic [W-1:0]       win_o
);

  logic [11:0]    shamt;
  logic [2*W-1:0] ext;
  always_comb begin
    if (dist_i < 12'sd0) begin
      shamt = '0;
    end else if (dist_i > 12'(W)) begin
      shamt = 12'(W);
    end else begin
      shamt = dist_i;
    end
    ext   = {val_i, {W{1'b0}}} >> shamt;
    win_o = {ext[2*W-1:W+1], ext[W] | (|ext[W-1:0])};
  end

endmodule
