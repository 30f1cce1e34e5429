// Instruction line buffer of the node's SRAM (docs/node.md "SRAM"): keeps the last 128-byte line the core
// fetched from, so that sequential fetches and loops within one line take no bank slot. A fetch outside
// the buffered line reads the whole line from its bank (one access) and the buffer keeps it.
//
// Core side: the instruction port of nd_node_mem (instr_req_i / instr_addr_i may change or withdraw
// before instr_gnt_o; instr_rdata_o is valid only in the clock after req && gnt). A fetch that hits the
// buffer is granted at once, without a bank.
// Bank side: fetch_req_o asks the bank of instr_addr_i for its line, fetch_gnt_i grants it, and
// fetch_line_i carries the line in the next clock.
// Coherence: every SRAM write is seen on bank_we_i / bank_idx_i (per bank: a write is performed this clock
// at that line index); one to the buffered line empties the buffer. A fetch served in the clock of such a
// write gets the line as it was before the write (the fetch is ordered first), as for two requesters of
// one bank granted in successive clocks. No write meets a line in its fill's grant clock: the bank does one
// access per clock (asserted by nd_node_mem).
module nd_node_ibuf #(
  parameter int unsigned SramBytes = 262144,
  localparam int unsigned AddrW = $clog2(SramBytes),
  localparam int unsigned IdxW = AddrW - 9
) (
  input  logic            clk_i,
  input  logic            rst_ni,
  // core instruction port
  input  logic            instr_req_i,
  input  logic [31:0]     instr_addr_i,
  output logic            instr_gnt_o,
  output logic [31:0]     instr_rdata_o,
  // line read from the bank of instr_addr_i
  output logic            fetch_req_o,
  input  logic            fetch_gnt_i,
  input  logic [1023:0]   fetch_line_i,
  // writes performed this clock, per bank
  input  logic [3:0]      bank_we_i,
  input  logic [IdxW-1:0] bank_idx_i[4]
);

  logic [AddrW-8:0] tag_q, tag_d;   // line address (bank and index) of the buffered line
  logic             valid_q, valid_d, fill_q, fill_d;
  logic [4:0]       word_q, word_d;
  logic [1023:0]    line_q;
  logic             hit, written;

  assign hit         = valid_q && (instr_addr_i[AddrW-1:7] == tag_q);
  assign fetch_req_o = instr_req_i && !hit;
  assign instr_gnt_o = instr_req_i && (hit || fetch_gnt_i);
  assign written     = bank_we_i[tag_q[1:0]] && (bank_idx_i[tag_q[1:0]] == tag_q[AddrW-8:2]);

  // A fill sets the tag when granted; the line arrives in the next clock (fill_q) and is kept then, so a
  // fetch of the same line in that clock is a hit served from the kept line one clock later.
  always_comb begin
    tag_d   = tag_q;
    valid_d = valid_q && !written;
    fill_d  = fetch_req_o && fetch_gnt_i;
    word_d  = instr_gnt_o ? instr_addr_i[6:2] : word_q;
    if (fill_d) begin
      tag_d   = instr_addr_i[AddrW-1:7];
      valid_d = 1'b1;
    end
  end
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      tag_q   <= '0;
      valid_q <= 1'b0;
      fill_q  <= 1'b0;
      word_q  <= '0;
    end else begin
      tag_q   <= tag_d;
      valid_q <= valid_d;
      fill_q  <= fill_d;
      word_q  <= word_d;
    end
  end
  // Line storage without reset (read only while valid_q).
  always_ff @(posedge clk_i) begin
    if (fill_q) line_q <= fetch_line_i;
  end

  assign instr_rdata_o = fill_q ? fetch_line_i[{word_q, 5'd0}+:32] : line_q[{word_q, 5'd0}+:32];

  logic unused_ibuf;
  assign unused_ibuf = ^{instr_addr_i[31:AddrW], instr_addr_i[1:0]};
endmodule
