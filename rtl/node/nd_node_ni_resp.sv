// Response sink of the network interface (docs/node.md "Network interface"): consumes every response
// packet addressed to this node. WRITE_ACK -> one ack_o pulse (ack_err_o = the packet's error bit).
// READ_DATA -> its data flits written into SRAM at the packet's address with byte enables from address and
// length, then one rdata_done_o pulse with rdata_bytes_o = length. A READ_DATA with the error bit, outside
// this node's SRAM or whose flits do not match its length writes nothing (or not all) and reports
// rdata_err_o. Unknown response ops are consumed silently.
//
// Handshake contract:
// - Responses: valid_i / ready_o / type_i / data_i, whole packets (nd_node_ni_rx). ready_o waits for
//   nothing but the SRAM grant of a data flit's write, so responses always drain.
// - SRAM (write only): mem_req_o with addr/wdata/be held until mem_gnt_i.
// - Events: ack_o and rdata_done_o are registered one-cycle pulses in the cycle after the packet's last
//   flit was consumed (for READ_DATA: after its last write was granted).
module nd_node_ni_resp import nd_node_pkg::*; #(
  parameter int unsigned SramBytes = 262144,
  parameter int unsigned MaxPacketBytes = 256
) (
  input  logic         clk_i,
  input  logic         rst_ni,
  input  logic         valid_i,
  output logic         ready_o,
  input  logic [1:0]   type_i,
  input  logic [127:0] data_i,
  output logic         mem_req_o,
  output logic [31:0]  mem_addr_o,
  output logic [127:0] mem_wdata_o,
  output logic [15:0]  mem_be_o,
  input  logic         mem_gnt_i,
  output logic         ack_o,
  output logic         ack_err_o,
  output logic         rdata_done_o,
  output logic         rdata_err_o,
  output logic [15:0]  rdata_bytes_o
);
  `include "nd_assert.svh"

  typedef enum logic [1:0] {RIdle, RData, RDrain} r_state_e;

  r_state_e    st_q, st_d;
  pkt_head_t   hdr_q, hdr_d;
  logic        err_q, err_d, rd_q, rd_d;  // error so far; the packet is a READ_DATA
  logic [12:0] j_q, j_d;
  logic        ack_q, ack_d, ack_err_q, ack_err_d, done_q, done_d, done_err_q, done_err_d;
  logic [15:0] bytes_q, bytes_d;

  pkt_head_t h;
  logic      h_ok, tail;
  assign h    = pkt_head_t'(data_i);
  assign tail = type_i[1];
  assign h_ok = !h.err && (h.addr[1:0] == '0) && (h.len != '0) && (h.len[1:0] == '0) &&
                (h.len <= 16'(MaxPacketBytes)) && (33'(h.addr) + 33'(h.len) <= 33'(SramBytes));

  // Byte enables of data flit j_q (destination block hdr_q.addr / 16 + j_q).
  logic [16:0] span;
  logic [12:0] nflits;
  logic [3:0]  lo, hi, end_off;
  logic        in_range;
  assign span     = 17'(hdr_q.addr[3:0]) + 17'(hdr_q.len) + 17'd15;
  assign nflits   = span[16:4];
  assign end_off  = hdr_q.addr[3:0] + hdr_q.len[3:0] - 4'd1;
  assign lo       = (j_q == '0) ? hdr_q.addr[3:0] : 4'd0;
  assign hi       = (j_q == nflits - 13'd1) ? end_off : 4'd15;
  assign in_range = (j_q < nflits);
  always_comb begin
    for (int unsigned k = 0; k < 16; k++) mem_be_o[k] = (4'(k) >= lo) && (4'(k) <= hi);
  end
  assign mem_addr_o  = {hdr_q.addr[31:4] + 28'(j_q), 4'b0};
  assign mem_wdata_o = data_i;
  assign mem_req_o   = (st_q == RData) && valid_i && in_range;

  always_comb begin
    unique case (st_q)
      RData:   ready_o = !in_range || mem_gnt_i;
      default: ready_o = 1'b1;
    endcase
  end

  logic take;
  assign take = valid_i && ready_o;

  always_comb begin
    st_d       = st_q;
    hdr_d      = hdr_q;
    err_d      = err_q;
    rd_d       = rd_q;
    j_d        = j_q;
    ack_d      = 1'b0;
    ack_err_d  = ack_err_q;
    done_d     = 1'b0;
    done_err_d = done_err_q;
    bytes_d    = bytes_q;
    if (take) begin
      unique case (st_q)
        RIdle: begin
          hdr_d = h;
          j_d   = '0;
          rd_d  = (h.op == OpReadData);
          err_d = !h_ok || tail;
          if (h.op == OpWriteAck) begin
            ack_d     = 1'b1;
            ack_err_d = h.err;
          end else if (h.op == OpReadData && tail) begin
            done_d     = 1'b1;
            done_err_d = 1'b1;
            bytes_d    = h.len;
          end
          if (!tail) st_d = (h.op == OpReadData && h_ok) ? RData : RDrain;
        end
        RData: begin
          j_d = j_q + 13'd1;
          if (tail) begin
            st_d       = RIdle;
            done_d     = 1'b1;
            done_err_d = err_q || (j_q != nflits - 13'd1);
            bytes_d    = hdr_q.len;
          end
        end
        default: begin  // RDrain
          if (tail) begin
            st_d       = RIdle;
            done_d     = rd_q;
            done_err_d = 1'b1;
            bytes_d    = hdr_q.len;
          end
        end
      endcase
    end
  end

  assign ack_o         = ack_q;
  assign ack_err_o     = ack_err_q;
  assign rdata_done_o  = done_q;
  assign rdata_err_o   = done_err_q;
  assign rdata_bytes_o = bytes_q;

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) st_q <= RIdle;
    else         st_q <= st_d;
  end
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) hdr_q <= '0;
    else         hdr_q <= hdr_d;
  end
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) err_q <= 1'b0;
    else         err_q <= err_d;
  end
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) rd_q <= 1'b0;
    else         rd_q <= rd_d;
  end
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) j_q <= '0;
    else         j_q <= j_d;
  end
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) ack_q <= 1'b0;
    else         ack_q <= ack_d;
  end
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) ack_err_q <= 1'b0;
    else         ack_err_q <= ack_err_d;
  end
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) done_q <= 1'b0;
    else         done_q <= done_d;
  end
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) done_err_q <= 1'b0;
    else         done_err_q <= done_err_d;
  end
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) bytes_q <= '0;
    else         bytes_q <= bytes_d;
  end

  logic unused_r;
  assign unused_r = ^{span[3:0]};

  `ND_ASSERT(HeadWhenIdle_A, st_q == RIdle && valid_i |-> type_i[0])
  `ND_ASSERT(WriteHeld_A, mem_req_o && !mem_gnt_i |=> mem_req_o && $stable(mem_addr_o) && $stable(mem_be_o))
  `ND_ASSERT(WriteInRange_A, mem_req_o |-> 32'(mem_addr_o) < SramBytes)
endmodule
