// Spill register: a two-entry valid/ready pipeline stage that registers both the forward path
// (valid, data) and the backward path (ready), so it breaks every combinational path between its
// two sides while still passing one transfer per cycle.
//
// Input side (valid/ready, AXI rules): a beat is taken when valid_i && ready_o; the sender holds
//   valid_i and data_i until taken. ready_o is a register output (true while the spare slot is free).
// Output side (valid/ready, AXI rules): valid_o and data_o are register outputs held until
//   valid_o && ready_i. Beats leave in arrival order. Latency one cycle.
module nd_spill_reg #(
  parameter int unsigned Width = 8
) (
  input  logic             clk_i,
  input  logic             rst_ni,
  input  logic             valid_i,
  output logic             ready_o,
  input  logic [Width-1:0] data_i,
  output logic             valid_o,
  input  logic             ready_i,
  output logic [Width-1:0] data_o
);
  `include "nd_assert.svh"

  // Slot a is the output register; slot b holds a beat that arrived while a was stalled.
  logic a_full_q, a_full_d, b_full_q, b_full_d;
  logic [Width-1:0] a_data_q, a_data_d, b_data_q, b_data_d;
  logic in_take, out_take;

  assign ready_o  = !b_full_q;
  assign valid_o  = a_full_q;
  assign data_o   = a_data_q;
  assign in_take  = valid_i && ready_o;
  assign out_take = valid_o && ready_i;

  always_comb begin
    a_full_d = a_full_q;
    b_full_d = b_full_q;
    a_data_d = a_data_q;
    b_data_d = b_data_q;
    if (out_take || !a_full_q) begin
      // Slot a is free (or freed now): refill it from b first, else from the input.
      if (b_full_q) begin
        a_full_d = 1'b1;
        a_data_d = b_data_q;
        b_full_d = in_take;
        if (in_take) b_data_d = data_i;
      end else begin
        a_full_d = in_take;
        if (in_take) a_data_d = data_i;
      end
    end else if (in_take) begin
      // a is stalled: park the new beat in b (b is empty because ready_o was true).
      b_full_d = 1'b1;
      b_data_d = data_i;
    end
  end

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      a_full_q <= 1'b0;
      b_full_q <= 1'b0;
      a_data_q <= '0;
      b_data_q <= '0;
    end else begin
      a_full_q <= a_full_d;
      b_full_q <= b_full_d;
      a_data_q <= a_data_d;
      b_data_q <= b_data_d;
    end
  end

  `ND_ASSERT(BOnlyWithA_A, b_full_q |-> a_full_q)
  `ND_ASSERT(InHeldUntilTaken_A, valid_i && !ready_o |=> valid_i && $stable(data_i))
  `ND_ASSERT(OutHeldUntilTaken_A, valid_o && !ready_i |=> valid_o && $stable(data_o))
endmodule
