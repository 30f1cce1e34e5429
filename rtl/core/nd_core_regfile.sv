// Integer register file of the scalar core: 31 x 32-bit registers (x0 reads zero), two combinational
// read ports and one write port. A write and a read of the same register in the same cycle return the
// value being written (write-through), so the decode stage sees the writeback stage's result.
module nd_core_regfile (
  input  logic        clk_i,
  input  logic        rst_ni,
  // read ports (combinational)
  input  logic [4:0]  raddr_a_i,
  output logic [31:0] rdata_a_o,
  input  logic [4:0]  raddr_b_i,
  output logic [31:0] rdata_b_o,
  // write port (takes effect at the clock edge; x0 writes are dropped)
  input  logic        we_i,
  input  logic [4:0]  waddr_i,
  input  logic [31:0] wdata_i
);

  logic [31:0] regs[32];  // x0 (constant zero) and the flops of x1..x31

  assign regs[0] = '0;

  for (genvar i = 1; i < 32; i++) begin : gen_reg
    logic        en;
    logic [31:0] reg_q, reg_d;
    assign en      = we_i && (waddr_i == 5'(i));
    assign reg_d   = en ? wdata_i : reg_q;
    assign regs[i] = reg_q;
    always_ff @(posedge clk_i or negedge rst_ni) begin
      if (!rst_ni) reg_q <= '0;
      else         reg_q <= reg_d;
    end
  end

  assign rdata_a_o = (we_i && waddr_i != '0 && waddr_i == raddr_a_i) ? wdata_i : regs[raddr_a_i];
  assign rdata_b_o = (we_i && waddr_i != '0 && waddr_i == raddr_b_i) ? wdata_i : regs[raddr_b_i];

endmodule
