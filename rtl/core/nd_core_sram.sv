// Word-organised SRAM scratchpad of the core system (simulation model, no reset).
//
// Three synchronous ports, each returning its read word in the cycle after the address:
// - instruction port: read only, always granted;
// - data port: read or byte-enabled write, always granted;
// - backdoor port for the testbench: read every cycle (mem_rdata_o is the word at the previous
//   cycle's address) and whole-word write on mem_we_i.
// A data-port write and a backdoor write to the same word in the same cycle: the data port wins.
// Addresses are byte addresses; the low two bits are ignored and the address wraps modulo the size.
`include "nd_assert.svh"

module nd_core_sram #(
  parameter int unsigned SramBytes = 262144
) (
  input  logic        clk_i,
  input  logic        rst_ni,
  // instruction port
  input  logic        instr_req_i,
  input  logic [31:0] instr_addr_i,
  output logic [31:0] instr_rdata_o,
  // data port
  input  logic        data_req_i,
  input  logic        data_we_i,
  input  logic [3:0]  data_be_i,
  input  logic [31:0] data_addr_i,
  input  logic [31:0] data_wdata_i,
  output logic [31:0] data_rdata_o,
  // backdoor port
  input  logic        mem_we_i,
  input  logic [31:0] mem_addr_i,
  input  logic [31:0] mem_wdata_i,
  output logic [31:0] mem_rdata_o
);

  localparam int unsigned Words = SramBytes / 4;
  localparam int unsigned AddrW = $clog2(Words);

  `ND_STATIC_ASSERT(gen_check_words, Words >= 2 && (Words & (Words - 1)) == 0 && SramBytes % 4 == 0,
                    "nd_core_sram: SramBytes must be a power of two, at least 8")

  logic [31:0] mem_q[Words];
  logic [31:0] instr_rdata_q, instr_rdata_d, data_rdata_q, data_rdata_d, mem_rdata_q, mem_rdata_d;
  logic [3:0]  lane_we;

  logic [AddrW-1:0] instr_idx, data_idx, bd_idx;
  assign instr_idx = instr_addr_i[AddrW+1:2];
  assign data_idx  = data_addr_i[AddrW+1:2];
  assign bd_idx    = mem_addr_i[AddrW+1:2];

  // Memory array, written like an SRAM macro (the array exception of the always_ff rule, see
  // docs/development.md): one guarded write per port and byte lane, enables computed outside. The data
  // port's write comes last, so it wins over a backdoor write to the same word.
  assign lane_we = {4{data_req_i && data_we_i}} & data_be_i;
  always_ff @(posedge clk_i) begin
    if (mem_we_i) mem_q[bd_idx] <= mem_wdata_i;
    for (int unsigned b = 0; b < 4; b++) begin
      if (lane_we[b]) mem_q[data_idx][8*b+:8] <= data_wdata_i[8*b+:8];
    end
  end

  // Read registers: a port's output word changes only when it reads.
  assign instr_rdata_d = instr_req_i ? mem_q[instr_idx] : instr_rdata_q;
  assign data_rdata_d  = (data_req_i && !data_we_i) ? mem_q[data_idx] : data_rdata_q;
  assign mem_rdata_d   = mem_q[bd_idx];

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      instr_rdata_q <= '0;
      data_rdata_q  <= '0;
      mem_rdata_q   <= '0;
    end else begin
      instr_rdata_q <= instr_rdata_d;
      data_rdata_q  <= data_rdata_d;
      mem_rdata_q   <= mem_rdata_d;
    end
  end

  assign instr_rdata_o = instr_rdata_q;
  assign data_rdata_o  = data_rdata_q;
  assign mem_rdata_o   = mem_rdata_q;

  logic unused_addr;
  assign unused_addr = ^{instr_addr_i[31:AddrW+2], instr_addr_i[1:0], data_addr_i[31:AddrW+2],
                         data_addr_i[1:0], mem_addr_i[31:AddrW+2], mem_addr_i[1:0]};

endmodule
