// nanodojo node (docs/node.md): the scalar core, the banked SRAM, the matrix unit, the DMA engine, the
// network interface and the node registers. The node's router is the tile's (nd_noc_mesh, one router per
// node at the same position); this module connects to its local port.
//
// Interfaces (all synchronous to clk_i, asynchronous active-low reset rst_ni for the whole node):
// - Position pos_x_i / pos_y_i: constants tied by the tile (the same module for every node, so Verilator
//   builds one copy of its code).
// - Router local port, the mesh's injection / ejection protocol (docs/noc.md): inj_valid_o pulses one flit
//   (type, VC, data) and spends one of the BufDepth credits per VC the node holds; inj_credit_i[v] returns
//   one. ej_valid_i delivers one flit; the node returns one credit per consumed flit on ej_credit_o[v].
// - Observation for the testbench (none of it is needed to boot or run the node): retired instructions,
//   console bytes, halt and run state.
// The compute side (core, MXU, DMA) is held in reset while the CTRL register's reset bit is set (its value
// after reset): the host releases it over the network (docs/node.md "Memory map").
`include "nd_assert.svh"

module nd_node import nd_core_pkg::*, nd_noc_pkg::*, nd_node_pkg::*; #(
  parameter int unsigned Rows = 2,
  parameter int unsigned Cols = 2,
  parameter int unsigned KLanes = 4,
  parameter int unsigned SramBytes = 262144,
  parameter int unsigned NumVcs = 2,  // the tile's choice, not the router's default of 4 (docs/node.md)
  parameter int unsigned BufDepth = 4,
  parameter int unsigned MaxPacketBytes = 256,
  localparam int unsigned VcW = (NumVcs > 1) ? $clog2(NumVcs) : 1
) (
  input  logic                   clk_i,
  input  logic                   rst_ni,
  input  coord_t                 pos_x_i,
  input  coord_t                 pos_y_i,
  // router local port
  output logic                   inj_valid_o,
  output logic [1:0]             inj_type_o,
  output logic [VcW-1:0]         inj_vc_o,
  output logic [NODE_FLIT_W-1:0] inj_data_o,
  input  logic [NumVcs-1:0]      inj_credit_i,
  input  logic                   ej_valid_i,
  input  logic [1:0]             ej_type_i,
  input  logic [VcW-1:0]         ej_vc_i,
  input  logic [NODE_FLIT_W-1:0] ej_data_i,
  output logic [NumVcs-1:0]      ej_credit_o,
  // observation
  output logic                   retire_valid_o,
  output logic [31:0]            retire_pc_o,
  output logic                   console_valid_o,
  output logic [7:0]             console_data_o,
  output logic                   halted_o,
  output logic                   running_o
);
  /* verilator no_inline_module */

  logic compute_rst_n, run;

  // ---- Core ------------------------------------------------------------------------------------------------
  logic        instr_req, instr_gnt;
  logic [31:0] instr_addr, instr_rdata;
  logic        data_req, data_we, data_gnt, data_is_reg;
  logic [3:0]  data_be;
  logic [31:0] data_addr, data_wdata, data_rdata;
  logic        mxu_cmd_valid, mxu_cmd_ready, mxu_busy, dma_cmd_valid, dma_cmd_ready, dma_busy;
  core_cmd_t   mxu_cmd, dma_cmd;
  logic [31:0] trap_cause, trap_pc, unused_trap_insn, unused_trap_tval, unused_retire_insn;
  logic        halted;

  nd_core #(.SramBytes(SramBytes)) u_core (
    .clk_i, .rst_ni (compute_rst_n),
    .hart_id_i ({16'd0, 4'd0, pos_y_i, 4'd0, pos_x_i}), .fetch_en_i (run),
    .instr_req_o (instr_req), .instr_addr_o (instr_addr), .instr_gnt_i (instr_gnt), .instr_rdata_i (instr_rdata),
    .data_req_o (data_req), .data_we_o (data_we), .data_be_o (data_be), .data_addr_o (data_addr),
    .data_wdata_o (data_wdata), .data_gnt_i (data_gnt), .data_rdata_i (data_rdata),
    .mxu_cmd_valid_o (mxu_cmd_valid), .mxu_cmd_ready_i (mxu_cmd_ready), .mxu_cmd_o (mxu_cmd),
    .mxu_busy_i (mxu_busy),
    .dma_cmd_valid_o (dma_cmd_valid), .dma_cmd_ready_i (dma_cmd_ready), .dma_cmd_o (dma_cmd),
    .dma_busy_i (dma_busy),
    .retire_valid_o, .retire_pc_o, .retire_insn_o (unused_retire_insn),
    .halted_o (halted), .trap_cause_o (trap_cause), .trap_pc_o (trap_pc), .trap_insn_o (unused_trap_insn),
    .trap_tval_o (unused_trap_tval)
  );

  // The core's data port goes to the registers (MMIO window) or the SRAM; its read data comes from the one
  // that granted the access, one cycle later.
  logic mem_data_gnt, reg_core_gnt, rsp_reg_q, rsp_reg_d;
  logic [31:0] mem_data_rdata, reg_core_rdata;
  assign data_is_reg = (data_addr & MMIO_MASK) == MMIO_BASE;
  assign data_gnt    = data_is_reg ? reg_core_gnt : mem_data_gnt;
  assign rsp_reg_d   = (data_req && data_gnt) ? data_is_reg : rsp_reg_q;
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) rsp_reg_q <= 1'b0;
    else         rsp_reg_q <= rsp_reg_d;
  end
  assign data_rdata = rsp_reg_q ? reg_core_rdata : mem_data_rdata;

  // ---- Matrix unit -----------------------------------------------------------------------------------------
  logic          mxu_rd_req, mxu_rd_gnt, mxu_rd_rsp_valid, mxu_wr_req, mxu_wr_gnt;
  logic [31:0]   mxu_rd_addr, mxu_wr_addr, mxu_wr_be;
  logic [1023:0] mxu_rd_rsp_data;
  logic [255:0]  mxu_wr_data;
  logic [5:0]    unused_mxu_flags;
  logic          unused_mxu_error;
  logic [2:0]    unused_mxu_code;
  logic [31:0]   unused_mxu_cnt[6];

  nd_mxu #(.KLanes(KLanes), .MemBytes(SramBytes)) u_mxu (
    .clk_i, .rst_ni (compute_rst_n),
    .cmd_valid_i (mxu_cmd_valid), .cmd_ready_o (mxu_cmd_ready), .cmd_i (mxu_cmd), .busy_o (mxu_busy),
    .rd_req_o (mxu_rd_req), .rd_addr_o (mxu_rd_addr), .rd_gnt_i (mxu_rd_gnt),
    .rd_rsp_valid_i (mxu_rd_rsp_valid), .rd_rsp_data_i (mxu_rd_rsp_data),
    .wr_req_o (mxu_wr_req), .wr_addr_o (mxu_wr_addr), .wr_data_o (mxu_wr_data), .wr_be_o (mxu_wr_be),
    .wr_gnt_i (mxu_wr_gnt),
    .flags_o (unused_mxu_flags), .error_o (unused_mxu_error), .error_code_o (unused_mxu_code),
    .cnt_cmds_o (unused_mxu_cnt[0]), .cnt_busy_o (unused_mxu_cnt[1]), .cnt_mac_o (unused_mxu_cnt[2]),
    .cnt_stall_operand_o (unused_mxu_cnt[3]), .cnt_stall_queue_o (unused_mxu_cnt[4]),
    .cnt_stall_store_o (unused_mxu_cnt[5])
  );

  // ---- DMA engine and network interface --------------------------------------------------------------------
  logic                   dma_mem_req, dma_mem_gnt;
  logic [31:0]            dma_mem_addr;
  logic [1023:0]          dma_mem_rdata;
  logic                   dma_flit_valid, dma_flit_ready;
  logic [1:0]             dma_flit_type;
  logic [NODE_FLIT_W-1:0] dma_flit_data;
  logic                   ni_ack, ni_ack_err, ni_rdata_done, ni_rdata_err;
  logic [15:0]            ni_rdata_bytes;
  logic                   dma_err;
  logic [3:0]             dma_err_code;
  logic [31:0]            dma_cnt_done, dma_cnt_bytes_out, dma_cnt_bytes_in, dma_cnt_stall;

  // 16 queued commands: a kernel posts a whole exchange at once (the six sends of a 4 x 4 tile GEMM, WRITE and
  // FLAG each, SHAPE and STRIDE once), so the engine goes from one send to the next without the core
  // (docs/node.md "DMA engine", docs/kernels.md "Pacing").
  localparam int unsigned DmaQueueDepth = 16;

  nd_node_dma #(
    .Rows (Rows), .Cols (Cols), .SramBytes (SramBytes), .MaxPacketBytes (MaxPacketBytes),
    .QueueDepth (DmaQueueDepth)
  ) u_dma (
    .clk_i, .rst_ni (compute_rst_n), .pos_x_i, .pos_y_i,
    .cmd_valid_i (dma_cmd_valid), .cmd_ready_o (dma_cmd_ready), .cmd_i (dma_cmd), .busy_o (dma_busy),
    .mem_req_o (dma_mem_req), .mem_addr_o (dma_mem_addr), .mem_gnt_i (dma_mem_gnt), .mem_rdata_i (dma_mem_rdata),
    .flit_valid_o (dma_flit_valid), .flit_ready_i (dma_flit_ready), .flit_type_o (dma_flit_type),
    .flit_data_o (dma_flit_data),
    .ack_i (ni_ack), .ack_err_i (ni_ack_err),
    .rdata_done_i (ni_rdata_done), .rdata_err_i (ni_rdata_err), .rdata_bytes_i (ni_rdata_bytes),
    .err_o (dma_err), .err_code_o (dma_err_code), .cnt_done_o (dma_cnt_done),
    .cnt_bytes_out_o (dma_cnt_bytes_out), .cnt_bytes_in_o (dma_cnt_bytes_in), .cnt_stall_o (dma_cnt_stall)
  );

  logic         ni_mem_req, ni_mem_we, ni_mem_gnt;
  logic [31:0]  ni_mem_addr;
  logic [1023:0] ni_mem_wdata;
  logic [127:0]  ni_mem_rdata, ni_mem_be;
  logic         ni_reg_req, ni_reg_we, ni_reg_gnt;
  logic [11:0]  ni_reg_addr;
  logic [31:0]  ni_reg_wdata, ni_reg_rdata;
  logic         ni_err;
  logic [7:0]   ni_err_count;
  logic [31:0]  ni_reqs;

  nd_node_ni #(
    .NumVcs (NumVcs), .BufDepth (BufDepth), .SramBytes (SramBytes), .MaxPacketBytes (MaxPacketBytes)
  ) u_ni (
    .clk_i, .rst_ni, .dma_rst_ni (compute_rst_n), .pos_x_i, .pos_y_i,
    .inj_valid_o, .inj_type_o, .inj_vc_o, .inj_data_o, .inj_credit_i,
    .ej_valid_i, .ej_type_i, .ej_vc_i, .ej_data_i, .ej_credit_o,
    .dma_valid_i (dma_flit_valid), .dma_ready_o (dma_flit_ready), .dma_type_i (dma_flit_type),
    .dma_data_i (dma_flit_data),
    .dma_ack_o (ni_ack), .dma_ack_err_o (ni_ack_err),
    .dma_rdata_done_o (ni_rdata_done), .dma_rdata_err_o (ni_rdata_err), .dma_rdata_bytes_o (ni_rdata_bytes),
    .mem_req_o (ni_mem_req), .mem_we_o (ni_mem_we), .mem_addr_o (ni_mem_addr), .mem_wdata_o (ni_mem_wdata),
    .mem_be_o (ni_mem_be), .mem_gnt_i (ni_mem_gnt), .mem_rdata_i (ni_mem_rdata),
    .reg_req_o (ni_reg_req), .reg_we_o (ni_reg_we), .reg_addr_o (ni_reg_addr), .reg_wdata_o (ni_reg_wdata),
    .reg_gnt_i (ni_reg_gnt), .reg_rdata_i (ni_reg_rdata),
    .err_o (ni_err), .err_count_o (ni_err_count), .cnt_reqs_o (ni_reqs)
  );

  // ---- SRAM --------------------------------------------------------------------------------------------------
  nd_node_mem #(.SramBytes(SramBytes)) u_mem (
    .clk_i, .rst_ni,
    .instr_req_i (instr_req), .instr_addr_i (instr_addr), .instr_gnt_o (instr_gnt), .instr_rdata_o (instr_rdata),
    .data_req_i (data_req && !data_is_reg), .data_we_i (data_we), .data_be_i (data_be), .data_addr_i (data_addr),
    .data_wdata_i (data_wdata), .data_gnt_o (mem_data_gnt), .data_rdata_o (mem_data_rdata),
    .rd_req_i (mxu_rd_req), .rd_addr_i (mxu_rd_addr), .rd_gnt_o (mxu_rd_gnt),
    .rd_rsp_valid_o (mxu_rd_rsp_valid), .rd_rsp_data_o (mxu_rd_rsp_data),
    .wr_req_i (mxu_wr_req), .wr_addr_i (mxu_wr_addr), .wr_data_i (mxu_wr_data), .wr_be_i (mxu_wr_be),
    .wr_gnt_o (mxu_wr_gnt),
    .dma_req_i (dma_mem_req), .dma_addr_i (dma_mem_addr), .dma_gnt_o (dma_mem_gnt), .dma_rdata_o (dma_mem_rdata),
    .ni_req_i (ni_mem_req), .ni_we_i (ni_mem_we), .ni_addr_i (ni_mem_addr), .ni_wdata_i (ni_mem_wdata),
    .ni_be_i (ni_mem_be), .ni_gnt_o (ni_mem_gnt), .ni_rdata_o (ni_mem_rdata)
  );

  // ---- Node registers ----------------------------------------------------------------------------------------
  nd_node_regs #(.Rows(Rows), .Cols(Cols)) u_regs (
    .clk_i, .rst_ni, .pos_x_i, .pos_y_i,
    .core_req_i (data_req && data_is_reg), .core_we_i (data_we), .core_be_i (data_be),
    .core_addr_i (data_addr[11:0]), .core_wdata_i (data_wdata), .core_gnt_o (reg_core_gnt),
    .core_rdata_o (reg_core_rdata),
    .reg_req_i (ni_reg_req), .reg_we_i (ni_reg_we), .reg_addr_i (ni_reg_addr), .reg_wdata_i (ni_reg_wdata),
    .reg_gnt_o (ni_reg_gnt), .reg_rdata_o (ni_reg_rdata),
    .run_o (run), .compute_rst_no (compute_rst_n), .console_valid_o, .console_data_o,
    .halted_i (halted), .trap_cause_i (trap_cause), .trap_pc_i (trap_pc), .retire_i (retire_valid_o),
    .dma_busy_i (dma_busy), .dma_err_i (dma_err), .dma_err_code_i (dma_err_code), .dma_done_i (dma_cnt_done),
    .dma_bytes_out_i (dma_cnt_bytes_out), .dma_bytes_in_i (dma_cnt_bytes_in), .dma_stall_i (dma_cnt_stall),
    .ni_err_i (ni_err), .ni_err_count_i (ni_err_count), .ni_reqs_i (ni_reqs)
  );

  assign halted_o  = halted;
  assign running_o = run && compute_rst_n && !halted;

  logic unused;
  assign unused = ^{unused_trap_insn, unused_trap_tval, unused_retire_insn, unused_mxu_flags, unused_mxu_error,
                    unused_mxu_code, unused_mxu_cnt[0], unused_mxu_cnt[1], unused_mxu_cnt[2], unused_mxu_cnt[3],
                    unused_mxu_cnt[4], unused_mxu_cnt[5]};

endmodule
