// Core + MXU simulation top: the scalar core (nd_core) feeding the matrix unit (nd_mxu) through its custom-0
// command queue, with every memory port brought out so that one testbench memory serves them all (the node,
// rtl/node, will put its own SRAM and arbiter there). The DMA queue is tied off (always ready, never busy).
//
// Ports: the core's instruction and data ports as nd_core defines them (request held until granted, read
// data in the cycle after the grant), the MXU's read and write channels as nd_mxu defines them
// (docs/mxu.md "SRAM port"), the core's retire / halt observation and the MXU's flags and error.
`include "nd_assert.svh"

module nd_mxu_core_top import nd_core_pkg::*; #(
  parameter int unsigned KLanes = 4,
  parameter int unsigned SramBytes = 262144
) (
  input  logic          clk_i,
  input  logic          rst_ni,
  input  logic [31:0]   hart_id_i,
  input  logic          fetch_en_i,
  // core instruction port
  output logic          instr_req_o,
  output logic [31:0]   instr_addr_o,
  input  logic          instr_gnt_i,
  input  logic [31:0]   instr_rdata_i,
  // core data port
  output logic          data_req_o,
  output logic          data_we_o,
  output logic [3:0]    data_be_o,
  output logic [31:0]   data_addr_o,
  output logic [31:0]   data_wdata_o,
  input  logic          data_gnt_i,
  input  logic [31:0]   data_rdata_i,
  // MXU read channel
  output logic          mxu_rd_req_o,
  output logic [31:0]   mxu_rd_addr_o,
  input  logic          mxu_rd_gnt_i,
  input  logic          mxu_rd_rsp_valid_i,
  input  logic [1023:0] mxu_rd_rsp_data_i,
  // MXU write channel
  output logic          mxu_wr_req_o,
  output logic [31:0]   mxu_wr_addr_o,
  output logic [255:0]  mxu_wr_data_o,
  output logic [31:0]   mxu_wr_be_o,
  input  logic          mxu_wr_gnt_i,
  // observation
  output logic          retire_valid_o,
  output logic [31:0]   retire_pc_o,
  output logic [31:0]   retire_insn_o,
  output logic          halted_o,
  output logic [31:0]   trap_cause_o,
  output logic [31:0]   trap_pc_o,
  output logic [31:0]   trap_insn_o,
  output logic [31:0]   trap_tval_o,
  output logic          mxu_busy_o,
  output logic [5:0]    mxu_flags_o,
  output logic          mxu_error_o,
  output logic [31:0]   mxu_cnt_mac_o
);

  logic      cmd_valid, cmd_ready, mxu_busy;
  core_cmd_t cmd, unused_dma_cmd;
  logic      unused_dma_valid;

  nd_core #(.SramBytes(SramBytes)) u_core (
    .clk_i, .rst_ni, .hart_id_i, .fetch_en_i,
    .instr_req_o, .instr_addr_o, .instr_gnt_i, .instr_rdata_i,
    .data_req_o, .data_we_o, .data_be_o, .data_addr_o, .data_wdata_o, .data_gnt_i, .data_rdata_i,
    .mxu_cmd_valid_o (cmd_valid), .mxu_cmd_ready_i (cmd_ready), .mxu_cmd_o (cmd), .mxu_busy_i (mxu_busy),
    .dma_cmd_valid_o (unused_dma_valid), .dma_cmd_ready_i (1'b1), .dma_cmd_o (unused_dma_cmd),
    .dma_busy_i (1'b0),
    .retire_valid_o, .retire_pc_o, .retire_insn_o,
    .halted_o, .trap_cause_o, .trap_pc_o, .trap_insn_o, .trap_tval_o
  );

  logic [2:0]  unused_code;
  logic [31:0] unused_cnt[5];
  nd_mxu #(.KLanes(KLanes), .MemBytes(SramBytes)) u_mxu (
    .clk_i, .rst_ni,
    .cmd_valid_i (cmd_valid), .cmd_ready_o (cmd_ready), .cmd_i (cmd), .busy_o (mxu_busy),
    .rd_req_o (mxu_rd_req_o), .rd_addr_o (mxu_rd_addr_o), .rd_gnt_i (mxu_rd_gnt_i),
    .rd_rsp_valid_i (mxu_rd_rsp_valid_i), .rd_rsp_data_i (mxu_rd_rsp_data_i),
    .wr_req_o (mxu_wr_req_o), .wr_addr_o (mxu_wr_addr_o), .wr_data_o (mxu_wr_data_o), .wr_be_o (mxu_wr_be_o),
    .wr_gnt_i (mxu_wr_gnt_i),
    .flags_o (mxu_flags_o), .error_o (mxu_error_o), .error_code_o (unused_code),
    .cnt_cmds_o (unused_cnt[0]), .cnt_busy_o (unused_cnt[1]), .cnt_mac_o (mxu_cnt_mac_o),
    .cnt_stall_operand_o (unused_cnt[2]), .cnt_stall_queue_o (unused_cnt[3]), .cnt_stall_store_o (unused_cnt[4])
  );

  assign mxu_busy_o = mxu_busy;

endmodule
