// One bank of nd_node_mem: Lines lines of 1024 bits (128 bytes), one access per clock, no reset of the
// contents (simulation model of an SRAM macro with a registered output).
//
// Interface (synchronous to clk_i):
//   re_i          read the line at idx_i: rdata_o holds it from the next clock until the next read.
//   be_i[127:0]   write: byte b of wdata_i goes to byte b of the line at idx_i where be_i[b] is set.
//   A clock has either a read or a write (or nothing); the owner (nd_node_mem's arbiter) never asks for
//   both (BankReadOrWrite_A).
`include "nd_assert.svh"

module nd_node_mem_bank #(
  parameter int unsigned Lines = 512,
  localparam int unsigned IdxW = (Lines > 1) ? $clog2(Lines) : 1
) (
  input  logic            clk_i,
  input  logic            rst_ni,
  input  logic            re_i,
  input  logic [127:0]    be_i,
  input  logic [IdxW-1:0] idx_i,
  input  logic [1023:0]   wdata_i,
  output logic [1023:0]   rdata_o
);

  `ND_STATIC_ASSERT(gen_check_lines, Lines >= 2 && (Lines & (Lines - 1)) == 0,
                    "nd_node_mem_bank: Lines must be a power of two, at least 2")

  logic [1023:0] line, rdata_q, rdata_d;

  // Memory array, written like an SRAM macro (the array exception of the always_ff rule, see
  // docs/development.md): one array per 32-bit word of the line, one guarded write per byte lane, enables,
  // index and data computed outside.
  for (genvar w = 0; w < 32; w++) begin : gen_word
    logic [31:0] mem_q[Lines];
    always_ff @(posedge clk_i) begin
      for (int unsigned b = 0; b < 4; b++) begin
        if (be_i[4*w+b]) mem_q[idx_i][8*b+:8] <= wdata_i[32*w+8*b+:8];
      end
    end
    assign line[32*w+:32] = mem_q[idx_i];
  end

  assign rdata_d = re_i ? line : rdata_q;

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) rdata_q <= '0;
    else         rdata_q <= rdata_d;
  end

  assign rdata_o = rdata_q;

  `ND_ASSERT(BankReadOrWrite_A, !(re_i && (|be_i)))

endmodule
