// Memory-mapped registers of the core system at MMIO_BASE (4 KiB window, see docs/isa.md):
// +0x000 console TX (write: low byte of the store is emitted on console_valid_o/console_data_o),
// +0x004 node id (read: hart id), +0x008/+0x00C free-running cycle counter low/high (read).
// Unmapped offsets read zero and ignore writes; writes to read-only registers are ignored.
//
// Handshake: a request (req_i) is always accepted in the cycle it is presented; read data is
// returned in the next cycle on rdata_o, like the SRAM.
`include "nd_assert.svh"

module nd_core_mmio import nd_core_pkg::*; (
  input  logic        clk_i,
  input  logic        rst_ni,
  input  logic [31:0] hart_id_i,
  input  logic        req_i,
  input  logic        we_i,
  input  logic [3:0]  be_i,
  input  logic [11:0] offset_i,
  input  logic [31:0] wdata_i,
  output logic [31:0] rdata_o,
  output logic        console_valid_o,
  output logic [7:0]  console_data_o
);

  logic [63:0] cycle_q, cycle_d;
  logic [31:0] rdata_q, rdata_d;
  logic        console_valid_q, console_valid_d;
  logic [7:0]  console_data_q, console_data_d;

  always_comb begin
    cycle_d = cycle_q + 64'd1;
    rdata_d = '0;
    case (offset_i)
      MMIO_NODE_ID:  rdata_d = hart_id_i;
      MMIO_CYCLE_LO: rdata_d = cycle_q[31:0];
      MMIO_CYCLE_HI: rdata_d = cycle_q[63:32];
      default:       rdata_d = '0;
    endcase
    if (!req_i || we_i) rdata_d = rdata_q;
    console_valid_d = req_i && we_i && be_i[0] && (offset_i == MMIO_CONSOLE);
    console_data_d  = console_valid_d ? wdata_i[7:0] : console_data_q;
  end

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      cycle_q         <= '0;
      rdata_q         <= '0;
      console_valid_q <= 1'b0;
      console_data_q  <= '0;
    end else begin
      cycle_q         <= cycle_d;
      rdata_q         <= rdata_d;
      console_valid_q <= console_valid_d;
      console_data_q  <= console_data_d;
    end
  end

  assign rdata_o         = rdata_q;
  assign console_valid_o = console_valid_q;
  assign console_data_o  = console_data_q;

  logic unused_wdata;
  assign unused_wdata = ^{wdata_i[31:8], be_i[3:1]};

  `ND_ASSERT_KNOWN(MmioConsoleKnown_A, console_valid_o)

endmodule
