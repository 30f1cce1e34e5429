// Core system for simulation: the scalar core, its SRAM scratchpad and the MMIO registers.
//
// The testbench loads the program through the backdoor port while fetch_en_i is 0, then raises
// fetch_en_i; the core fetches from address 0. It observes retired instructions, every store the
// core performs (SRAM or MMIO, in program order, once), console bytes and the halt report, and
// serves the MXU/DMA command queues (valid/ready, payload core_cmd_t, see nd_core_pkg).
//
// Backdoor port: mem_we_i writes mem_wdata_i to the word at mem_addr_i (byte address, word
// aligned); mem_rdata_o is the word at the address presented in the previous cycle.
// Store observation: store_addr_o is the byte address of the access (lowest enabled byte),
// store_data_o/store_be_o the 32-bit bus data and byte lanes (sb/sh data is replicated in all lanes).
// Memory map: SRAM at 0..SramBytes-1, MMIO window at MMIO_BASE (nd_core_mmio), nothing else.
`include "nd_assert.svh"

module nd_core_system import nd_core_pkg::*; #(
  parameter int unsigned SramBytes = 262144
) (
  input  logic                  clk_i,
  input  logic                  rst_ni,
  input  logic [31:0]           hart_id_i,
  input  logic                  fetch_en_i,
  // testbench backdoor
  input  logic                  mem_we_i,
  input  logic [31:0]           mem_addr_i,
  input  logic [31:0]           mem_wdata_i,
  output logic [31:0]           mem_rdata_o,
  // observation
  output logic                  retire_valid_o,
  output logic [31:0]           retire_pc_o,
  output logic [31:0]           retire_insn_o,
  output logic                  store_valid_o,
  output logic [31:0]           store_addr_o,
  output logic [31:0]           store_data_o,
  output logic [3:0]            store_be_o,
  output logic                  console_valid_o,
  output logic [7:0]            console_data_o,
  output logic                  halted_o,
  output logic [31:0]           trap_cause_o,
  output logic [31:0]           trap_pc_o,
  output logic [31:0]           trap_insn_o,
  output logic [31:0]           trap_tval_o,
  // command queues
  output logic                  mxu_cmd_valid_o,
  input  logic                  mxu_cmd_ready_i,
  output logic [CORE_CMD_W-1:0] mxu_cmd_o,
  input  logic                  mxu_busy_i,
  output logic                  dma_cmd_valid_o,
  input  logic                  dma_cmd_ready_i,
  output logic [CORE_CMD_W-1:0] dma_cmd_o,
  input  logic                  dma_busy_i
);

  logic        instr_req;
  logic [31:0] instr_addr, instr_rdata;
  logic        data_req, data_we;
  logic [3:0]  data_be;
  logic [31:0] data_addr, data_wdata, data_rdata, sram_rdata, mmio_rdata;
  logic        data_is_mmio, sram_req, mmio_req;
  logic        rsp_mmio_q, rsp_mmio_d;  // the read data due in this cycle comes from the MMIO block
  core_cmd_t   mxu_cmd, dma_cmd;

  nd_core #(.SramBytes(SramBytes)) u_core (
    .clk_i, .rst_ni, .hart_id_i, .fetch_en_i,
    .instr_req_o(instr_req), .instr_addr_o(instr_addr), .instr_gnt_i(1'b1),
    .instr_rdata_i(instr_rdata),
    .data_req_o(data_req), .data_we_o(data_we), .data_be_o(data_be), .data_addr_o(data_addr),
    .data_wdata_o(data_wdata), .data_gnt_i(1'b1), .data_rdata_i(data_rdata),
    .mxu_cmd_valid_o, .mxu_cmd_ready_i, .mxu_cmd_o(mxu_cmd), .mxu_busy_i,
    .dma_cmd_valid_o, .dma_cmd_ready_i, .dma_cmd_o(dma_cmd), .dma_busy_i,
    .retire_valid_o, .retire_pc_o, .retire_insn_o,
    .halted_o, .trap_cause_o, .trap_pc_o, .trap_insn_o, .trap_tval_o
  );

  assign data_is_mmio = (data_addr & MMIO_MASK) == MMIO_BASE;
  assign sram_req     = data_req && !data_is_mmio;
  assign mmio_req     = data_req && data_is_mmio;

  nd_core_sram #(.SramBytes(SramBytes)) u_sram (
    .clk_i, .rst_ni,
    .instr_req_i(instr_req), .instr_addr_i(instr_addr), .instr_rdata_o(instr_rdata),
    .data_req_i(sram_req), .data_we_i(data_we), .data_be_i(data_be), .data_addr_i(data_addr),
    .data_wdata_i(data_wdata), .data_rdata_o(sram_rdata),
    .mem_we_i, .mem_addr_i, .mem_wdata_i, .mem_rdata_o
  );

  nd_core_mmio u_mmio (
    .clk_i, .rst_ni, .hart_id_i,
    .req_i(mmio_req), .we_i(data_we), .be_i(data_be), .offset_i(data_addr[11:0]),
    .wdata_i(data_wdata), .rdata_o(mmio_rdata),
    .console_valid_o, .console_data_o
  );

  assign rsp_mmio_d = data_req ? data_is_mmio : rsp_mmio_q;
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) rsp_mmio_q <= 1'b0;
    else         rsp_mmio_q <= rsp_mmio_d;
  end
  assign data_rdata = rsp_mmio_q ? mmio_rdata : sram_rdata;

  // Store observation straight from the data port (every request is granted in this system).
  assign store_valid_o = data_req && data_we;
  assign store_data_o  = data_wdata;
  assign store_be_o    = data_be;
  always_comb begin
    store_addr_o = data_addr;
    if (data_be[0])      store_addr_o[1:0] = 2'd0;
    else if (data_be[1]) store_addr_o[1:0] = 2'd1;
    else if (data_be[2]) store_addr_o[1:0] = 2'd2;
    else                 store_addr_o[1:0] = 2'd3;
  end

  assign mxu_cmd_o = mxu_cmd;
  assign dma_cmd_o = dma_cmd;

  `ND_ASSERT(StoreHasLanes_A, store_valid_o |-> (store_be_o != 4'b0000))

endmodule
