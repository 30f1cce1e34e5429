// Lint-only check top (tb/node/mem_loop_check.sh): nd_core wired to nd_node_mem as in the node, with the MXU
// read and DMA ports on inputs, so that Verilator sees every combinational path between the two.
module nd_node_mem_core_check import nd_core_pkg::*; (
  input logic clk_i, input logic rst_ni, input logic fetch_en_i,
  input logic rd_req_i, input logic [31:0] rd_addr_i, output logic rd_gnt_o,
  input logic dma_req_i, input logic [31:0] dma_addr_i, output logic dma_gnt_o,
  output logic retire_valid_o, output logic halted_o);
  logic instr_req, data_req, data_we, instr_gnt, data_gnt; logic [3:0] data_be;
  logic [31:0] instr_addr, instr_rdata, data_addr, data_wdata, data_rdata;
  core_cmd_t mc, dc;
  logic [31:0] a,b,c,d;
  nd_core #(.SramBytes(8192)) u_core (.clk_i, .rst_ni, .hart_id_i(32'd0), .fetch_en_i,
    .instr_req_o(instr_req), .instr_addr_o(instr_addr), .instr_gnt_i(instr_gnt), .instr_rdata_i(instr_rdata),
    .data_req_o(data_req), .data_we_o(data_we), .data_be_o(data_be), .data_addr_o(data_addr),
    .data_wdata_o(data_wdata), .data_gnt_i(data_gnt), .data_rdata_i(data_rdata),
    .mxu_cmd_valid_o(), .mxu_cmd_ready_i(1'b1), .mxu_cmd_o(mc), .mxu_busy_i(1'b0),
    .dma_cmd_valid_o(), .dma_cmd_ready_i(1'b1), .dma_cmd_o(dc), .dma_busy_i(1'b0),
    .retire_valid_o, .retire_pc_o(a), .retire_insn_o(b), .halted_o, .trap_cause_o(c), .trap_pc_o(d), .trap_insn_o(), .trap_tval_o());
  nd_node_mem #(.SramBytes(8192)) u_mem (.clk_i, .rst_ni,
    .instr_req_i(instr_req), .instr_addr_i(instr_addr), .instr_gnt_o(instr_gnt), .instr_rdata_o(instr_rdata),
    .data_req_i(data_req), .data_we_i(data_we), .data_be_i(data_be), .data_addr_i(data_addr), .data_wdata_i(data_wdata),
    .data_gnt_o(data_gnt), .data_rdata_o(data_rdata),
    .rd_req_i, .rd_addr_i, .rd_gnt_o, .rd_rsp_valid_o(), .rd_rsp_data_o(),
    .wr_req_i(1'b0), .wr_addr_i('0), .wr_data_i('0), .wr_be_i('0), .wr_gnt_o(),
    .dma_req_i, .dma_addr_i, .dma_gnt_o, .dma_rdata_o(),
    .ni_req_i(1'b0), .ni_we_i(1'b0), .ni_addr_i('0), .ni_wdata_i('0), .ni_be_i('0), .ni_gnt_o(), .ni_rdata_o());
endmodule
