// Seeded xorshift32 random-number generator (Marsaglia; shifts 13, 17, 5).
//
// next_o is step(state), the value the state takes on the next clock when step_i is high; rand_o is its
// upper 16 bits, the R of the element being converted in this cycle. load_i (priority over step_i) loads
// seed_i, where a seed of 0, the state xorshift32 cannot leave, is replaced by ZeroSeedReplacement.
// Same sequence as the golden model's nd::fp::Xorshift32.
`include "nd_assert.svh"

module nd_xorshift32 #(
  parameter logic [31:0] ResetSeed           = 32'h0000_0001,
  parameter logic [31:0] ZeroSeedReplacement = 32'h9E37_79B9
) (
  input  logic        clk_i,
  input  logic        rst_ni,
  input  logic        load_i,
  input  logic [31:0] seed_i,
  input  logic        step_i,
  output logic [31:0] state_o,
  output logic [31:0] next_o,
  output logic [15:0] rand_o
);

  logic [31:0] state_q, state_d, x1, x2, x3;
  assign x1     = state_q ^ (state_q << 13);
  assign x2     = x1 ^ (x1 >> 17);
  assign x3     = x2 ^ (x2 << 5);
  assign next_o = x3;
  assign rand_o = x3[31:16];

  always_comb begin
    state_d = state_q;
    if (load_i) begin
      state_d = (seed_i == '0) ? ZeroSeedReplacement : seed_i;
    end else if (step_i) begin
      state_d = x3;
    end
  end

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      state_q <= ResetSeed;
    end else begin
      state_q <= state_d;
    end
  end

  assign state_o = state_q;

  // xorshift32 maps nonzero states to nonzero states; zero would lock the generator.
  `ND_ASSERT(StateNonZero_A, state_q != '0)

endmodule
