// Iterative radix-2 divider of the scalar core: div, divu, rem, remu (RISC-V M semantics).
//
// Handshake: pulse start_i for one cycle with op_i/a_i/b_i (ignored while busy). done_o rises
// 32 cycles later (one cycle when dividing by zero) and stays high with result_o valid until
// ack_i is high for one cycle (the consumer took the result); kill_i abandons any operation.
// Division by zero gives quotient all ones and remainder = dividend; the signed overflow
// -2^31 / -1 gives quotient -2^31 and remainder 0, both without a trap, as the ISA requires.
`include "nd_assert.svh"

module nd_core_div (
  input  logic        clk_i,
  input  logic        rst_ni,
  input  logic        start_i,
  input  logic [1:0]  op_i,      // funct3[1:0]: 0 div, 1 divu, 2 rem, 3 remu
  input  logic [31:0] a_i,       // dividend
  input  logic [31:0] b_i,       // divisor
  input  logic        ack_i,
  input  logic        kill_i,
  output logic        busy_o,    // an operation is in flight or its result is waiting
  output logic        done_o,
  output logic [31:0] result_o
);

  typedef enum logic [1:0] {
    DivIdle,
    DivRun,
    DivDone
  } div_state_e;

  div_state_e  state_q, state_d;
  logic [5:0]  cnt_q, cnt_d;
  logic [31:0] quo_q, quo_d;       // dividend shifting out / quotient shifting in
  logic [32:0] rem_q, rem_d;       // partial remainder (one guard bit)
  logic [31:0] div_q, div_d;       // |divisor|
  logic        neg_q_q, neg_q_d;   // negate the quotient at the end
  logic        neg_r_q, neg_r_d;   // negate the remainder at the end
  logic        want_rem_q, want_rem_d;

  logic        is_signed;
  logic        a_neg, b_neg;
  logic [31:0] a_abs, b_abs;
  logic [32:0] rem_shift, rem_sub;

  assign is_signed = ~op_i[0];
  assign a_neg     = is_signed & a_i[31];
  assign b_neg     = is_signed & b_i[31];
  assign a_abs     = a_neg ? (~a_i + 32'd1) : a_i;
  assign b_abs     = b_neg ? (~b_i + 32'd1) : b_i;

  assign rem_shift = {rem_q[31:0], quo_q[31]};
  assign rem_sub   = rem_shift - {1'b0, div_q};

  always_comb begin
    state_d    = state_q;
    cnt_d      = cnt_q;
    quo_d      = quo_q;
    rem_d      = rem_q;
    div_d      = div_q;
    neg_q_d    = neg_q_q;
    neg_r_d    = neg_r_q;
    want_rem_d = want_rem_q;
    case (state_q)
      DivIdle: begin
        if (start_i) begin
          if (b_i == '0) begin
            quo_d      = '1;
            rem_d      = {1'b0, a_i};
            neg_q_d    = 1'b0;
            neg_r_d    = 1'b0;
            want_rem_d = op_i[1];
            state_d    = DivDone;
          end else begin
            quo_d      = a_abs;
            rem_d      = '0;
            div_d      = b_abs;
            neg_q_d    = a_neg ^ b_neg;
            neg_r_d    = a_neg;
            want_rem_d = op_i[1];
            cnt_d      = 6'd32;
            state_d    = DivRun;
          end
        end
      end
      DivRun: begin
        if (!rem_sub[32]) begin
          rem_d = rem_sub;
          quo_d = {quo_q[30:0], 1'b1};
        end else begin
          rem_d = rem_shift;
          quo_d = {quo_q[30:0], 1'b0};
        end
        cnt_d = cnt_q - 6'd1;
        if (cnt_q == 6'd1) state_d = DivDone;
      end
      DivDone: begin
        if (ack_i) state_d = DivIdle;
      end
      default: state_d = DivIdle;
    endcase
    if (kill_i) state_d = DivIdle;
  end

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      state_q    <= DivIdle;
      cnt_q      <= '0;
      quo_q      <= '0;
      rem_q      <= '0;
      div_q      <= '0;
      neg_q_q    <= 1'b0;
      neg_r_q    <= 1'b0;
      want_rem_q <= 1'b0;
    end else begin
      state_q    <= state_d;
      cnt_q      <= cnt_d;
      quo_q      <= quo_d;
      rem_q      <= rem_d;
      div_q      <= div_d;
      neg_q_q    <= neg_q_d;
      neg_r_q    <= neg_r_d;
      want_rem_q <= want_rem_d;
    end
  end

  assign busy_o   = (state_q != DivIdle);
  assign done_o   = (state_q == DivDone);
  // Sign correction from the registered quotient/remainder (kept off the last iteration's subtract).
  assign result_o = want_rem_q ? (neg_r_q ? (~rem_q[31:0] + 32'd1) : rem_q[31:0])
                               : (neg_q_q ? (~quo_q + 32'd1) : quo_q);

  // A result is only acknowledged while it is available.
  `ND_ASSERT(DivAckOnlyWhenDone_A, ack_i |-> done_o)
  // start_i is only meaningful while idle.
  `ND_ASSERT(DivStartWhenIdle_A, start_i |-> (state_q == DivIdle))

endmodule
