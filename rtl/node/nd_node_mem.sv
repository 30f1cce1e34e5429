// Banked SRAM scratchpad of a node (docs/node.md "SRAM"): SramBytes in 4 banks of 128-byte lines,
// line-interleaved (bank = addr[8:7], line within the bank = addr[..:9]), one access per bank per clock,
// six requesters arbitrated per bank.
//
// Requesters (byte addresses, all inside 0..SramBytes-1; the low address bits below each width are
// ignored):
//   instr  core instruction fetch, 32-bit read, served from the instruction line buffer (nd_node_ibuf)
//          when it holds the line, else by a line read of the bank that the buffer keeps.
//   data   core data access (SRAM only: the node sends MMIO accesses elsewhere), 32-bit read or write with
//          byte enables.
//   rd     MXU read channel, one 1024-bit line (docs/mxu.md "SRAM port").
//   wr     MXU write channel, 256-bit write with byte enables.
//   dma    DMA engine, 1024-bit (line) read.
//   ni     network interface, 128-bit read, or line write with 128 byte enables.
// Handshake (every requester): x_req_i with address, write flag, data and byte enables; x_gnt_o in the
// clock the access is performed. Except for the instruction fetch, a request is held unchanged until it
// is granted (asserted); the fetch may change its address or withdraw before the grant (a redirect
// wins), as the core's instruction port allows. A granted read returns its data exactly one clock
// later: instr_rdata_o, data_rdata_o, dma_rdata_o, ni_rdata_o and rd_rsp_data_o (with rd_rsp_valid_o)
// are valid only in that clock. A granted write is done; a read granted later sees it.
// Requests must not depend combinationally on any grant of this module. The grants are combinational
// from the requests; data_gnt_o does not depend on instr_req_i / instr_addr_i (the core's instruction
// request depends on its data grant), see nd_node_mem_arb.
//
// Arbitration, per bank (nd_node_mem_arb): round robin over MXU read, MXU write, DMA, NI and the core
// slot, which serves the data access first and the fetch when there is no data access to this bank; while
// the MXU read requests the bank, another requester takes part only after it has waited a clock.
// Worst-case waits (asserted): a held request waits at most 4 clocks; a fetch waits at most 4 clocks
// after it was raised or after the core's own data access last took the core slot of its bank.
`include "nd_assert.svh"

module nd_node_mem #(
  parameter int unsigned SramBytes = 262144
) (
  input  logic            clk_i,
  input  logic            rst_ni,
  // core instruction port
  input  logic            instr_req_i,
  input  logic [31:0]     instr_addr_i,
  output logic            instr_gnt_o,
  output logic [31:0]     instr_rdata_o,
  // core data port (SRAM accesses only)
  input  logic            data_req_i,
  input  logic            data_we_i,
  input  logic [3:0]      data_be_i,
  input  logic [31:0]     data_addr_i,
  input  logic [31:0]     data_wdata_i,
  output logic            data_gnt_o,
  output logic [31:0]     data_rdata_o,
  // MXU read channel
  input  logic            rd_req_i,
  input  logic [31:0]     rd_addr_i,
  output logic            rd_gnt_o,
  output logic            rd_rsp_valid_o,
  output logic [1023:0]   rd_rsp_data_o,
  // MXU write channel
  input  logic            wr_req_i,
  input  logic [31:0]     wr_addr_i,
  input  logic [255:0]    wr_data_i,
  input  logic [31:0]     wr_be_i,
  output logic            wr_gnt_o,
  // DMA engine (read)
  input  logic            dma_req_i,
  input  logic [31:0]     dma_addr_i,
  output logic            dma_gnt_o,
  output logic [1023:0]   dma_rdata_o,
  // network interface
  input  logic            ni_req_i,
  input  logic            ni_we_i,
  input  logic [31:0]     ni_addr_i,
  input  logic [1023:0]   ni_wdata_i,
  input  logic [127:0]    ni_be_i,
  output logic            ni_gnt_o,
  output logic [127:0]    ni_rdata_o
);

  localparam int unsigned AddrW = $clog2(SramBytes);
  localparam int unsigned Lines = SramBytes / 512;  // per bank
  localparam int unsigned IdxW = AddrW - 9;
  localparam int unsigned MaxWait = 4;               // slots - 1

  `ND_STATIC_ASSERT(gen_check_size,
                    SramBytes >= 4096 && SramBytes <= (1 << 24) && (SramBytes & (SramBytes - 1)) == 0,
                    "nd_node_mem: SramBytes must be a power of two, 4 KiB to 16 MiB")

  // ---- Address decode ----------------------------------------------------------------------------------
  logic [1:0]      instr_bank, data_bank, rd_bank, wr_bank, dma_bank, ni_bank;
  logic [IdxW-1:0] instr_idx, data_idx, rd_idx, wr_idx, dma_idx, ni_idx;
  assign instr_bank = instr_addr_i[8:7];
  assign data_bank  = data_addr_i[8:7];
  assign rd_bank    = rd_addr_i[8:7];
  assign wr_bank    = wr_addr_i[8:7];
  assign dma_bank   = dma_addr_i[8:7];
  assign ni_bank    = ni_addr_i[8:7];
  assign instr_idx  = instr_addr_i[AddrW-1:9];
  assign data_idx   = data_addr_i[AddrW-1:9];
  assign rd_idx     = rd_addr_i[AddrW-1:9];
  assign wr_idx     = wr_addr_i[AddrW-1:9];
  assign dma_idx    = dma_addr_i[AddrW-1:9];
  assign ni_idx     = ni_addr_i[AddrW-1:9];

  // Write data in every lane of a line; the byte enables pick the lanes of the addressed part.
  logic [1023:0] wr_line, ni_line, data_line;
  logic [127:0]  wr_be_line, ni_be_line, data_be_line;
  assign wr_line      = {4{wr_data_i}};
  assign ni_line      = ni_wdata_i;
  assign data_line    = {32{data_wdata_i}};
  assign wr_be_line   = 128'(wr_be_i) << {wr_addr_i[6:5], 5'd0};
  assign ni_be_line   = ni_we_i ? ni_be_i : '0;
  assign data_be_line = data_we_i ? (128'(data_be_i) << {data_addr_i[6:2], 2'd0}) : '0;

  // ---- Per-bank arbitration and access -----------------------------------------------------------------
  // The data-grant path (bank_data_req -> bank_data_gnt -> data_gnt_o) is kept in its own signals, apart
  // from everything that reads the instruction request.
  logic [3:0]    bank_data_req, bank_instr_req, bank_data_gnt, bank_instr_gnt;
  logic [3:0]    other_req[4];
  logic [3:0]    other_gnt[4];  // per bank: {ni, dma, wr, rd}
  logic [1023:0] bank_rdata[4];
  logic [3:0]    bank_we;       // per bank: a write is performed this clock, at line bank_idx
  logic [IdxW-1:0] bank_idx[4];

  // Instruction line buffer: the fetch reaches a bank only for a line the buffer does not hold.
  logic          fetch_req, fetch_gnt;
  logic [1023:0] fetch_line;
  nd_node_ibuf #(.SramBytes(SramBytes)) u_ibuf (
    .clk_i, .rst_ni,
    .instr_req_i, .instr_addr_i, .instr_gnt_o, .instr_rdata_o,
    .fetch_req_o (fetch_req), .fetch_gnt_i (fetch_gnt), .fetch_line_i (fetch_line),
    .bank_we_i (bank_we), .bank_idx_i (bank_idx)
  );

  for (genvar b = 0; b < 4; b++) begin : gen_bank
    assign bank_data_req[b]  = data_req_i && (data_bank == 2'(b));
    assign bank_instr_req[b] = fetch_req && (instr_bank == 2'(b));
    assign other_req[b]      = {ni_req_i && (ni_bank == 2'(b)), dma_req_i && (dma_bank == 2'(b)),
                                wr_req_i && (wr_bank == 2'(b)), rd_req_i && (rd_bank == 2'(b))};

    nd_node_mem_arb u_arb (
      .clk_i, .rst_ni,
      .req_i(other_req[b]), .data_req_i(bank_data_req[b]), .instr_req_i(bank_instr_req[b]),
      .gnt_o(other_gnt[b]), .data_gnt_o(bank_data_gnt[b]), .instr_gnt_o(bank_instr_gnt[b])
    );

    // The granted requester's access (at most one grant per bank).
    logic            re;
    logic [127:0]    be;
    logic [IdxW-1:0] idx;
    logic [1023:0]   wdata;
    always_comb begin
      re    = 1'b0;
      be    = '0;
      idx   = '0;
      wdata = '0;
      if (other_gnt[b][0]) begin
        re  = 1'b1;
        idx = rd_idx;
      end
      if (other_gnt[b][1]) begin
        be    = wr_be_line;
        idx   = wr_idx;
        wdata = wr_line;
      end
      if (other_gnt[b][2]) begin
        re  = 1'b1;
        idx = dma_idx;
      end
      if (other_gnt[b][3]) begin
        re    = !ni_we_i;
        be    = ni_be_line;
        idx   = ni_idx;
        wdata = ni_line;
      end
      if (bank_data_gnt[b]) begin
        re    = !data_we_i;
        be    = data_be_line;
        idx   = data_idx;
        wdata = data_line;
      end
      if (bank_instr_gnt[b]) begin
        re  = 1'b1;
        idx = instr_idx;
      end
    end

    assign bank_we[b]  = |be;
    assign bank_idx[b] = idx;

    nd_node_mem_bank #(.Lines(Lines)) u_bank (
      .clk_i, .rst_ni, .re_i(re), .be_i(be), .idx_i(idx), .wdata_i(wdata), .rdata_o(bank_rdata[b])
    );

    logic [5:0] all_gnt;
    assign all_gnt = {other_gnt[b], bank_data_gnt[b], bank_instr_gnt[b]};
    `ND_ASSERT(BankOneAccess_A, $onehot0(all_gnt))
  end

  assign data_gnt_o  = |bank_data_gnt;
  assign fetch_gnt   = |bank_instr_gnt;
  assign rd_gnt_o    = other_gnt[rd_bank][0];
  assign wr_gnt_o    = other_gnt[wr_bank][1];
  assign dma_gnt_o   = other_gnt[dma_bank][2];
  assign ni_gnt_o    = other_gnt[ni_bank][3];

  // ---- Read responses: the bank and the part of its line each reader was granted -----------------------
  logic       rd_vld_q, rd_vld_d;
  logic [1:0] rd_sel_q, rd_sel_d;
  logic [1:0] instr_sel_q, instr_sel_d;                          // bank of the line fill
  logic [6:0] data_sel_q, data_sel_d;                            // {bank, word}
  logic [1:0] dma_sel_q, dma_sel_d;                              // bank
  logic [4:0] ni_sel_q, ni_sel_d;                                // {bank, 16-byte block}

  assign rd_vld_d    = rd_gnt_o;
  assign rd_sel_d    = rd_gnt_o ? rd_bank : rd_sel_q;
  assign instr_sel_d = fetch_gnt ? instr_bank : instr_sel_q;
  assign data_sel_d  = data_gnt_o ? data_addr_i[8:2] : data_sel_q;
  assign dma_sel_d   = dma_gnt_o ? dma_bank : dma_sel_q;
  assign ni_sel_d    = ni_gnt_o ? ni_addr_i[8:4] : ni_sel_q;

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      rd_vld_q    <= 1'b0;
      rd_sel_q    <= '0;
      instr_sel_q <= '0;
      data_sel_q  <= '0;
      dma_sel_q   <= '0;
      ni_sel_q    <= '0;
    end else begin
      rd_vld_q    <= rd_vld_d;
      rd_sel_q    <= rd_sel_d;
      instr_sel_q <= instr_sel_d;
      data_sel_q  <= data_sel_d;
      dma_sel_q   <= dma_sel_d;
      ni_sel_q    <= ni_sel_d;
    end
  end

  assign rd_rsp_valid_o = rd_vld_q;
  logic [1023:0] data_line_q, ni_line_q;
  assign fetch_line     = bank_rdata[instr_sel_q];
  assign data_line_q    = bank_rdata[data_sel_q[6:5]];
  assign ni_line_q      = bank_rdata[ni_sel_q[4:3]];
  assign rd_rsp_data_o  = bank_rdata[rd_sel_q];
  assign data_rdata_o   = data_line_q[{data_sel_q[4:0], 5'd0}+:32];
  assign dma_rdata_o    = bank_rdata[dma_sel_q];
  assign ni_rdata_o     = ni_line_q[{ni_sel_q[2:0], 7'd0}+:128];

  logic unused_addr;
  assign unused_addr = ^{instr_addr_i[31:AddrW], instr_addr_i[6:0], data_addr_i[31:AddrW], data_addr_i[1:0],
                         rd_addr_i[31:AddrW], rd_addr_i[6:0], wr_addr_i[31:AddrW], wr_addr_i[4:0],
                         dma_addr_i[31:AddrW], dma_addr_i[6:0], ni_addr_i[31:AddrW], ni_addr_i[3:0]};

  // ---- Protocol and worst-case-wait assertions ---------------------------------------------------------
  localparam logic [32:0] Size = 33'(SramBytes);
  `ND_ASSERT(InstrInRange_A, instr_req_i |-> ({1'b0, instr_addr_i} < Size))
  `ND_ASSERT(DataInRange_A, data_req_i |-> ({1'b0, data_addr_i} < Size))
  `ND_ASSERT(RdInRange_A, rd_req_i |-> ({1'b0, rd_addr_i} < Size))
  `ND_ASSERT(WrInRange_A, wr_req_i |-> ({1'b0, wr_addr_i} < Size))
  `ND_ASSERT(DmaInRange_A, dma_req_i |-> ({1'b0, dma_addr_i} < Size))
  `ND_ASSERT(NiInRange_A, ni_req_i |-> ({1'b0, ni_addr_i} < Size))
  `ND_ASSERT(DataHeld_A, (data_req_i && !data_gnt_o) |=> (data_req_i && $stable(data_we_i)
             && $stable(data_be_i) && $stable(data_addr_i) && $stable(data_wdata_i)))
  `ND_ASSERT(RdHeld_A, (rd_req_i && !rd_gnt_o) |=> (rd_req_i && $stable(rd_addr_i)))
  `ND_ASSERT(WrHeld_A, (wr_req_i && !wr_gnt_o) |=> (wr_req_i && $stable(wr_addr_i) && $stable(wr_data_i)
             && $stable(wr_be_i)))
  `ND_ASSERT(DmaHeld_A, (dma_req_i && !dma_gnt_o) |=> (dma_req_i && $stable(dma_addr_i)))
  `ND_ASSERT(NiHeld_A, (ni_req_i && !ni_gnt_o) |=> (ni_req_i && $stable(ni_we_i) && $stable(ni_addr_i)
             && $stable(ni_wdata_i) && $stable(ni_be_i)))

`ifndef SYNTHESIS
  // Clocks each requester has waited so far (saturating); only the assertions read them.
  logic [4:0]      waiting;
  logic [4:0][2:0] wait_cnt;
  assign waiting = {data_req_i && !data_gnt_o, ni_req_i && !ni_gnt_o, dma_req_i && !dma_gnt_o,
                    wr_req_i && !wr_gnt_o, rd_req_i && !rd_gnt_o};
  for (genvar r = 0; r < 5; r++) begin : gen_wait
    logic [2:0] wait_q, wait_d;
    assign wait_d = !waiting[r] ? 3'd0 : ((wait_q == 3'd7) ? wait_q : wait_q + 3'd1);
    always_ff @(posedge clk_i or negedge rst_ni) begin
      if (!rst_ni) wait_q <= '0;
      else         wait_q <= wait_d;
    end
    assign wait_cnt[r] = wait_q;
  end

  // The fetch's count restarts when its bank changes or when the data access takes the core slot of it.
  logic [2:0] iwait_q, iwait_d, iwait_cur;
  logic [1:0] ibank_q, ibank_d;
  logic       instr_waiting;
  assign instr_waiting = instr_req_i && !instr_gnt_o && !(data_gnt_o && (data_bank == instr_bank));
  assign iwait_cur     = (ibank_q == instr_bank) ? iwait_q : 3'd0;
  assign iwait_d       = !instr_waiting ? 3'd0 : ((iwait_cur == 3'd7) ? iwait_cur : iwait_cur + 3'd1);
  assign ibank_d       = instr_bank;
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) iwait_q <= '0;
    else         iwait_q <= iwait_d;
  end
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) ibank_q <= '0;
    else         ibank_q <= ibank_d;
  end

  `ND_ASSERT(RdWaitBound_A, waiting[0] |-> (wait_cnt[0] < 3'(MaxWait)))
  `ND_ASSERT(WrWaitBound_A, waiting[1] |-> (wait_cnt[1] < 3'(MaxWait)))
  `ND_ASSERT(DmaWaitBound_A, waiting[2] |-> (wait_cnt[2] < 3'(MaxWait)))
  `ND_ASSERT(NiWaitBound_A, waiting[3] |-> (wait_cnt[3] < 3'(MaxWait)))
  `ND_ASSERT(DataWaitBound_A, waiting[4] |-> (wait_cnt[4] < 3'(MaxWait)))
  `ND_ASSERT(InstrWaitBound_A, instr_waiting |-> (iwait_cur < 3'(MaxWait)))
`endif

endmodule
