// Word-granular realignment of a stream of 16-byte source blocks into destination-aligned data flits
// (docs/node.md "Packet format" and "Realignment").
//
// A job moves len_i bytes (multiple of 4, >= 4) from source address S to destination address D (both
// multiples of 4). Only the offsets within a 16-byte block matter: src_off_i = S % 16, dst_off_i = D % 16.
// The input is the source blocks S/16, S/16 + 1, ... (NIn = ceil((S%16 + len) / 16) of them), each in its
// natural byte lanes (byte b of the block in bits [8b+7:8b]). The output is the NOut = ceil((D%16 + len)/16)
// data flits: flit j holds destination block D/16 + j in its natural byte lanes. Lanes outside
// [D, D + len) carry unspecified data (receivers use byte enables derived from address and length).
//
// Handshake contract:
// - Job: start_i loads src_off_i, dst_off_i and len_i; allowed only while idle_o (asserted). idle_o is high
//   from reset until start_i and again after the last output flit was taken.
// - Input: valid/ready. in_ready_o may depend combinationally on out_ready_i (a block is taken together
//   with the flit it completes); the block feeding no flit on its own (the first one when the data moves to
//   lower lanes) is taken without an output. Exactly NIn blocks are taken per job.
// - Output: valid/ready, out_last_o marks the last flit of the job. out_valid_o / out_data_o depend
//   combinationally on in_valid_i / in_data_i (no storage but the previous block); the caller registers
//   if it needs to. Exactly NOut flits per job.
// Word k of output flit j is source-stream word 4j + k - delta, delta = (D%16 - S%16) / 4 (stream word 0 is
// word 0 of block S/16): it comes from the block on the input (lanes k >= rot, rot = delta mod 4) or from the
// previous block (lanes k < rot). When delta < 0 the first block only fills the previous-block register.
// NIn is NOut - 1 + skip or NOut + skip (skip = 1 when delta < 0): the former ends with one flit made from
// the previous block alone.
module nd_node_realign (
  input  logic         clk_i,
  input  logic         rst_ni,
  // job
  input  logic         start_i,
  input  logic [3:0]   src_off_i,
  input  logic [3:0]   dst_off_i,
  input  logic [15:0]  len_i,
  output logic         idle_o,
  // source blocks
  input  logic         in_valid_i,
  output logic         in_ready_o,
  input  logic [127:0] in_data_i,
  // destination flits
  output logic         out_valid_o,
  input  logic         out_ready_i,
  output logic [127:0] out_data_o,
  output logic         out_last_o
);
  `include "nd_assert.svh"

  localparam int unsigned CntW = 13;  // up to ceil((12 + 65532) / 16) + 1 blocks

  logic [CntW-1:0] in_left_q, in_left_d, out_left_q, out_left_d;
  logic [1:0]      rot_q, rot_d;
  logic            skip_q, skip_d;
  logic [127:0]    prev_q, prev_d;

  logic [16:0] src_end, dst_end;  // offset + len
  logic [1:0]  src_w, dst_w;
  assign src_end = 17'(src_off_i) + 17'(len_i) + 17'd15;
  assign dst_end = 17'(dst_off_i) + 17'(len_i) + 17'd15;
  assign src_w   = src_off_i[3:2];
  assign dst_w   = dst_off_i[3:2];

  logic tail, take_in, take_out;
  assign idle_o      = (out_left_q == '0);
  // All blocks taken but one flit left: it comes from the previous block alone.
  assign tail        = (in_left_q == '0) && !idle_o;
  assign in_ready_o  = (in_left_q != '0) && (skip_q || out_ready_i);
  assign out_valid_o = tail || ((in_left_q != '0) && !skip_q && in_valid_i);
  assign out_last_o  = (out_left_q == CntW'(1));
  assign take_in     = in_valid_i && in_ready_o;
  assign take_out    = out_valid_o && out_ready_i;

  // Lane k: source word k - rot of the block on the input, or word k - rot + 4 of the previous block.
  always_comb begin
    out_data_o = '0;
    for (int unsigned k = 0; k < 4; k++) begin
      if (k >= 32'(rot_q)) begin
        out_data_o[32*k+:32] = tail ? 32'd0 : in_data_i[32*(k-32'(rot_q))+:32];
      end else begin
        out_data_o[32*k+:32] = prev_q[32*(k+4-32'(rot_q))+:32];
      end
    end
  end

  always_comb begin
    in_left_d  = in_left_q;
    out_left_d = out_left_q;
    rot_d      = rot_q;
    skip_d     = skip_q;
    prev_d     = prev_q;
    if (start_i) begin
      in_left_d  = CntW'(src_end[16:4]);
      out_left_d = CntW'(dst_end[16:4]);
      rot_d      = dst_w - src_w;
      skip_d     = (dst_w < src_w);
    end else begin
      if (take_in) begin
        in_left_d = in_left_q - CntW'(1);
        prev_d    = in_data_i;
        skip_d    = 1'b0;
      end
      if (take_out) out_left_d = out_left_q - CntW'(1);
    end
  end

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) in_left_q <= '0;
    else         in_left_q <= in_left_d;
  end
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) out_left_q <= '0;
    else         out_left_q <= out_left_d;
  end
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) rot_q <= '0;
    else         rot_q <= rot_d;
  end
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) skip_q <= 1'b0;
    else         skip_q <= skip_d;
  end
  always_ff @(posedge clk_i) begin
    prev_q <= prev_d;
  end

  logic unused_off;
  assign unused_off = ^{src_off_i[1:0], dst_off_i[1:0], src_end[3:0], dst_end[3:0]};

  `ND_ASSERT(StartWhenIdle_A, start_i |-> idle_o)
  `ND_ASSERT(StartAligned_A, start_i |-> (src_off_i[1:0] == 2'b0 && dst_off_i[1:0] == 2'b0 &&
                                          len_i[1:0] == 2'b0 && len_i != '0))
  // Every input block is used: the last block is taken no later than the last flit it feeds.
  `ND_ASSERT(InputsBeforeLastFlit_A, take_out && out_last_o |-> (in_left_q - CntW'(take_in)) == '0)
  `ND_ASSERT(NoInputWhenIdle_A, idle_o |-> !in_ready_o)
endmodule
