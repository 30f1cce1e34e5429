// Synchronous FIFO of Depth entries of Width bits, first-word fall-through.
//
// Write side (valid/ready): an entry is written when valid_i && ready_o; ready_o = not full.
//   A beat offered while full is refused (not written, not lost by the FIFO: the writer still has it).
//   The writer keeps valid_i and data_i stable until ready_o (AXI rule), checked below.
// Read side (valid/ready): valid_o = not empty, data_o is the oldest entry (straight from the
//   storage, no extra register); the entry is removed when valid_o && ready_i. ready_i while empty
//   does nothing.
// A write and a read may happen in the same cycle, also when full (the write is then refused since
// ready_o only looks at the registered count; that keeps ready_o free of combinational paths).
// ready_o, valid_o, data_o and usage_o depend only on registers, never on valid_i or ready_i.
// usage_o is the number of stored entries (0..Depth). Reset (asynchronous) empties the FIFO: the
// pointers and the count are reset, the storage is not. Any Depth >= 1 works (not only powers of two).
// CheckHold = 0 drops the check of the writer's hold rule, for users that never offer a beat the FIFO
// cannot take (e.g. credit flow control); the check samples data_i, which costs simulation time.
module nd_fifo #(
  parameter int unsigned Width = 8,
  parameter int unsigned Depth = 4,
  parameter bit CheckHold = 1'b1,
  localparam int unsigned PtrW = (Depth > 1) ? $clog2(Depth) : 1,
  localparam int unsigned CntW = $clog2(Depth + 1)
) (
  input  logic             clk_i,
  input  logic             rst_ni,
  // write side
  input  logic             valid_i,
  output logic             ready_o,
  input  logic [Width-1:0] data_i,
  // read side
  output logic             valid_o,
  input  logic             ready_i,
  output logic [Width-1:0] data_o,
  // status
  output logic [CntW-1:0]  usage_o
);
  `include "nd_assert.svh"

  `ND_STATIC_ASSERT(gen_check_width, Width >= 1, "nd_fifo: Width must be at least 1")
  `ND_STATIC_ASSERT(gen_check_depth, Depth >= 1, "nd_fifo: Depth must be at least 1")

  logic [Width-1:0] mem_q[Depth];
  logic [PtrW-1:0] wr_ptr_q, wr_ptr_d, rd_ptr_q, rd_ptr_d;
  logic [CntW-1:0] cnt_q, cnt_d;
  logic push, pop;

  assign ready_o = (cnt_q != CntW'(Depth));
  assign valid_o = (cnt_q != '0);
  assign push    = valid_i && ready_o;
  assign pop     = valid_o && ready_i;
  assign usage_o = cnt_q;

  if (Depth == 1) begin : gen_one
    assign data_o = mem_q[0];
    logic unused_rd_ptr;
    assign unused_rd_ptr = ^rd_ptr_q;
  end else begin : gen_many
    assign data_o = mem_q[rd_ptr_q];
  end

  // Next pointers, wrapping at Depth. (Written out rather than as a function: Verilator names a function's
  // temporaries per instance, which would keep it from sharing one copy of a replicated module's code.)
  logic [PtrW-1:0] wr_ptr_inc, rd_ptr_inc;
  if (Depth == 1) begin : gen_ptr_one
    assign wr_ptr_inc = '0;
    assign rd_ptr_inc = '0;
  end else begin : gen_ptr_many
    assign wr_ptr_inc = (wr_ptr_q == PtrW'(Depth - 1)) ? '0 : wr_ptr_q + PtrW'(1);
    assign rd_ptr_inc = (rd_ptr_q == PtrW'(Depth - 1)) ? '0 : rd_ptr_q + PtrW'(1);
  end

  always_comb begin
    wr_ptr_d = push ? wr_ptr_inc : wr_ptr_q;
    rd_ptr_d = pop ? rd_ptr_inc : rd_ptr_q;
    cnt_d    = cnt_q + CntW'(push) - CntW'(pop);
  end

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      wr_ptr_q <= '0;
      rd_ptr_q <= '0;
      cnt_q    <= '0;
    end else begin
      wr_ptr_q <= wr_ptr_d;
      rd_ptr_q <= rd_ptr_d;
      cnt_q    <= cnt_d;
    end
  end

  // Storage: one register per entry, loaded with data_i when a write goes to it; no reset (an entry is
  // only read while valid_o says it holds data). Written like an SRAM model, an enabled write into the
  // array (docs/development.md, "Flops"): a next value per entry would copy every entry in every cycle
  // of the simulation model. Synthesis gives the same flops with a load enable.
  if (Depth == 1) begin : gen_wr_one
    always_ff @(posedge clk_i) begin
      if (push) mem_q[0] <= data_i;
    end
  end else begin : gen_wr_many
    always_ff @(posedge clk_i) begin
      if (push) mem_q[wr_ptr_q] <= data_i;
    end
  end

  `ND_ASSERT(CountInRange_A, cnt_q <= CntW'(Depth))
  if (CheckHold) begin : gen_check_hold
    `ND_ASSERT(ValidHeldUntilTaken_A, valid_i && !ready_o |=> valid_i && $stable(data_i))
  end
  `ND_ASSERT_KNOWN(ValidKnown_A, valid_i)
endmodule
