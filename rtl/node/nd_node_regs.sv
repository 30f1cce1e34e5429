// Node registers at 0x4000_0000 (docs/node.md "Memory map"): console, identity, cycle counter, CTRL (run,
// compute reset), core status and counters, and the DMA / NI status the other blocks report on input ports.
// 32-bit registers, word access; unmapped offsets read 0 and ignore writes, writes to read-only registers
// are ignored.
//
// Two masters, both request/grant with the request (write flag, offset, data, byte enables) held until
// granted; one access per clock; read data on *_rdata_o exactly one clock after the grant (only then):
//   core  the core's data accesses to the register window (core_addr_i = address[11:0]); byte enables
//         apply to writes of CONSOLE (lane 0) and CTRL (lane 0).
//   reg   the NI's register port (host and remote accesses), always whole words.
// Arbitration: a master requesting alone is granted at once; when both request, the one not granted
// last time the two met goes first (the core after reset), so each waits at most one clock (asserted).
// core_gnt_o depends only on core_req_i, reg_req_i and a register: it has no path from the core's
// instruction request, and reg_req_i must not depend combinationally on any grant.
//
// Outputs: run_o = CTRL.run (the core's fetch enable); compute_rst_no low while rst_ni is low or CTRL.reset
// is 1 (CTRL resets to 0x2); console_valid_o pulses one clock after a CONSOLE write
// with the low byte on console_data_o (held until the next write).
// EXIT: a write (byte enables apply) stores the program's exit word, marks the node exited (CORE_STATUS[2])
// and clears CTRL.run. Counters: CYCLE counts clocks since the node's reset; INSTRET counts retire_i
// pulses and RUN_CYCLES the clocks with CTRL.run = 1, the core not halted and not exited. INSTRET,
// RUN_CYCLES, EXIT and the exited flag are cleared by the write that sets CTRL.reset and stay 0 while it
// is 1.
`include "nd_assert.svh"

module nd_node_regs import nd_noc_pkg::coord_t, nd_node_pkg::*; #(
  parameter int unsigned Rows = 2,  // tile shape, read back in TILE
  parameter int unsigned Cols = 2
) (
  input  logic        clk_i,
  input  logic        rst_ni,
  // core data port (register window)
  input  logic        core_req_i,
  input  logic        core_we_i,
  input  logic [3:0]  core_be_i,
  input  logic [11:0] core_addr_i,
  input  logic [31:0] core_wdata_i,
  output logic        core_gnt_o,
  output logic [31:0] core_rdata_o,
  // NI register port
  input  logic        reg_req_i,
  input  logic        reg_we_i,
  input  logic [11:0] reg_addr_i,
  input  logic [31:0] reg_wdata_i,
  output logic        reg_gnt_o,
  output logic [31:0] reg_rdata_o,
  // identity
  input  coord_t      pos_x_i,
  input  coord_t      pos_y_i,
  // core status
  input  logic        halted_i,
  input  logic [31:0] trap_cause_i,
  input  logic [31:0] trap_pc_i,
  input  logic        retire_i,
  // DMA status and counters
  input  logic        dma_busy_i,
  input  logic        dma_err_i,
  input  logic [3:0]  dma_err_code_i,
  input  logic [31:0] dma_done_i,
  input  logic [31:0] dma_bytes_out_i,
  input  logic [31:0] dma_bytes_in_i,
  input  logic [31:0] dma_stall_i,
  // NI status and counters
  input  logic        ni_err_i,        // a remote access was out of range (sticky)
  input  logic [7:0]  ni_err_count_i,  // count of such accesses (saturating)
  input  logic [31:0] ni_reqs_i,
  // control
  output logic        run_o,
  output logic        compute_rst_no,
  output logic        console_valid_o,
  output logic [7:0]  console_data_o
);

  // ---- Arbitration ---------------------------------------------------------------------------------------
  logic ni_first_q, ni_first_d;  // the NI goes first when both request
  assign core_gnt_o = core_req_i && (!reg_req_i || !ni_first_q);
  assign reg_gnt_o  = reg_req_i && (!core_req_i || ni_first_q);
  assign ni_first_d = (core_req_i && reg_req_i) ? !ni_first_q : ni_first_q;

  // The granted access.
  logic        acc, acc_we;
  logic [11:0] acc_addr;
  logic [31:0] acc_wdata;
  logic [3:0]  acc_be;
  logic        acc_be0;
  assign acc       = core_gnt_o || reg_gnt_o;
  assign acc_we    = reg_gnt_o ? reg_we_i : core_we_i;
  assign acc_addr  = reg_gnt_o ? reg_addr_i : core_addr_i;
  assign acc_wdata = reg_gnt_o ? reg_wdata_i : core_wdata_i;
  assign acc_be    = reg_gnt_o ? 4'hF : core_be_i;
  assign acc_be0   = acc_be[0];

  // ---- Registers -----------------------------------------------------------------------------------------
  logic [1:0]  ctrl_q, ctrl_d;  // {reset, run}
  logic [63:0] cycle_q, cycle_d, instret_q, instret_d, run_cycles_q, run_cycles_d;
  logic [31:0] rdata_q, rdata_d, exit_q, exit_d;
  logic        exited_q, exited_d;
  logic        console_valid_q, console_valid_d;
  logic [7:0]  console_data_q, console_data_d;
  logic        wr_ctrl, wr_console, wr_exit, running;

  assign wr_ctrl    = acc && acc_we && acc_be0 && (acc_addr == REG_CTRL);
  assign wr_console = acc && acc_we && acc_be0 && (acc_addr == REG_CONSOLE);
  assign wr_exit    = acc && acc_we && (acc_addr == REG_EXIT);
  assign running    = ctrl_q[CTRL_RUN_BIT] && !ctrl_q[CTRL_RESET_BIT] && !halted_i && !exited_q;

  always_comb begin
    ctrl_d = ctrl_q;
    if (wr_ctrl) ctrl_d = acc_wdata[1:0];
    if (wr_exit) ctrl_d[CTRL_RUN_BIT] = 1'b0;
  end
  always_comb begin
    exit_d   = exit_q;
    exited_d = exited_q || wr_exit;
    for (int unsigned i = 0; i < 4; i++) begin
      if (wr_exit && acc_be[i]) exit_d[8*i+:8] = acc_wdata[8*i+:8];
    end
    if (ctrl_d[CTRL_RESET_BIT]) begin
      exit_d   = '0;
      exited_d = 1'b0;
    end
  end

  assign cycle_d         = cycle_q + 64'd1;
  assign instret_d       = ctrl_d[CTRL_RESET_BIT] ? 64'd0 : instret_q + 64'(retire_i);
  assign run_cycles_d    = ctrl_d[CTRL_RESET_BIT] ? 64'd0 : run_cycles_q + 64'(running);
  assign console_valid_d = wr_console;
  assign console_data_d  = wr_console ? acc_wdata[7:0] : console_data_q;

  always_comb begin
    rdata_d = rdata_q;
    if (acc && !acc_we) begin
      case (acc_addr)
        REG_NODE_ID:       rdata_d = {16'd0, 8'(pos_y_i), 8'(pos_x_i)};
        REG_CYCLE_LO:      rdata_d = cycle_q[31:0];
        REG_CYCLE_HI:      rdata_d = cycle_q[63:32];
        REG_TILE:          rdata_d = {16'd0, 8'(Rows), 8'(Cols)};
        REG_CTRL:          rdata_d = {30'd0, ctrl_q};
        REG_CORE_STATUS:   rdata_d = {29'd0, exited_q, running, halted_i};
        REG_TRAP_CAUSE:    rdata_d = trap_cause_i;
        REG_TRAP_PC:       rdata_d = trap_pc_i;
        REG_INSTRET_LO:    rdata_d = instret_q[31:0];
        REG_INSTRET_HI:    rdata_d = instret_q[63:32];
        REG_RUN_CYCLES_LO: rdata_d = run_cycles_q[31:0];
        REG_RUN_CYCLES_HI: rdata_d = run_cycles_q[63:32];
        REG_EXIT:          rdata_d = exit_q;
        REG_DMA_STATUS:    rdata_d = {24'd0, dma_err_code_i, 2'd0, dma_err_i, dma_busy_i};
        REG_DMA_DONE:      rdata_d = dma_done_i;
        REG_DMA_BYTES_OUT: rdata_d = dma_bytes_out_i;
        REG_DMA_BYTES_IN:  rdata_d = dma_bytes_in_i;
        REG_DMA_STALL:     rdata_d = dma_stall_i;
        REG_NI_STATUS:     rdata_d = {16'd0, ni_err_count_i, 7'd0, ni_err_i};
        REG_NI_REQS:       rdata_d = ni_reqs_i;
        default:           rdata_d = '0;
      endcase
    end
  end

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      ni_first_q      <= 1'b0;
      ctrl_q          <= CTRL_RESET_VALUE[1:0];
      cycle_q         <= '0;
      instret_q       <= '0;
      run_cycles_q    <= '0;
      rdata_q         <= '0;
      exit_q          <= '0;
      exited_q        <= 1'b0;
      console_valid_q <= 1'b0;
      console_data_q  <= '0;
    end else begin
      ni_first_q      <= ni_first_d;
      ctrl_q          <= ctrl_d;
      cycle_q         <= cycle_d;
      instret_q       <= instret_d;
      run_cycles_q    <= run_cycles_d;
      rdata_q         <= rdata_d;
      exit_q          <= exit_d;
      exited_q        <= exited_d;
      console_valid_q <= console_valid_d;
      console_data_q  <= console_data_d;
    end
  end

  assign core_rdata_o    = rdata_q;
  assign reg_rdata_o     = rdata_q;
  assign run_o           = ctrl_q[CTRL_RUN_BIT];
  // Also low while the node's reset is: the flop only takes its reset value at an edge of rst_ni or clk_i,
  // and a simulation (or a power-up) may start with rst_ni already low and CTRL holding anything.
  assign compute_rst_no  = rst_ni && !ctrl_q[CTRL_RESET_BIT];
  assign console_valid_o = console_valid_q;
  assign console_data_o  = console_data_q;

  logic unused;
  assign unused = ^{CTRL_RESET_VALUE[31:2]};

  // ---- Assertions ----------------------------------------------------------------------------------------
  `ND_ASSERT(RegsOneGrant_A, !(core_gnt_o && reg_gnt_o))
  `ND_ASSERT(RegsCoreHeld_A, (core_req_i && !core_gnt_o) |=> (core_req_i && $stable(core_we_i)
             && $stable(core_be_i) && $stable(core_addr_i) && $stable(core_wdata_i)))
  `ND_ASSERT(RegsNiHeld_A, (reg_req_i && !reg_gnt_o) |=> (reg_req_i && $stable(reg_we_i)
             && $stable(reg_addr_i) && $stable(reg_wdata_i)))
  // Worst-case wait: a master refused in one clock is granted in the next.
  `ND_ASSERT(RegsCoreWait_A, (core_req_i && !core_gnt_o) |=> core_gnt_o)
  `ND_ASSERT(RegsNiWait_A, (reg_req_i && !reg_gnt_o) |=> reg_gnt_o)
  `ND_ASSERT(RegsCoreAligned_A, core_req_i |-> (core_addr_i[1:0] == 2'b00))
  `ND_ASSERT(RegsNiAligned_A, reg_req_i |-> (reg_addr_i[1:0] == 2'b00))
  `ND_STATIC_ASSERT(gen_check_shape, Rows >= 1 && Rows <= 16 && Cols >= 1 && Cols <= 16,
                    "nd_node_regs: Rows and Cols must be 1 to 16")
  `ND_ASSERT_KNOWN(RegsCtrlKnown_A, {run_o, compute_rst_no, console_valid_o})

endmodule
