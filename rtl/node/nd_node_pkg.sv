// Shared types and constants of the nanodojo node (docs/node.md): the packet format the network interface
// and the DMA engine speak over the mesh, global addresses, the node register map.
//
// A packet is a head flit (route header in [31:0], node header above it) and, for WRITE and READ_DATA,
// data flits carrying the destination's 16-byte blocks in their natural byte lanes. The node works with
// 128-bit flits (NODE_FLIT_W).
package nd_node_pkg;

  localparam int unsigned NODE_FLIT_W /*verilator public*/ = 128;
  localparam int unsigned FLIT_BYTES /*verilator public*/ = NODE_FLIT_W / 8;

  // Node header fields of a head flit.
  localparam int unsigned PKT_OP_LSB /*verilator public*/ = 32;    // [35:32]
  localparam int unsigned PKT_ERR_BIT /*verilator public*/ = 36;
  localparam int unsigned PKT_LEN_LSB /*verilator public*/ = 48;   // [63:48] bytes
  localparam int unsigned PKT_ADDR_LSB /*verilator public*/ = 64;  // [95:64]
  localparam int unsigned PKT_AUX_LSB /*verilator public*/ = 96;   // [127:96]

  typedef enum logic [3:0] {
    OpWrite    = 4'd0,
    OpRead     = 4'd1,
    OpFlagAdd  = 4'd2,
    OpWriteAck = 4'd8,
    OpReadData = 4'd9
  } pkt_op_e /*verilator public*/;

  // Head flit, most significant field first (the route header fields are nd_noc_pkg's).
  typedef struct packed {
    logic [31:0] aux;
    logic [31:0] addr;
    logic [15:0] len;
    logic [10:0] rsvd;
    logic        err;
    pkt_op_e     op;
    logic [12:0] rt_rsvd;    // [31:19]
    logic        src_host;   // [18]
    logic        dst_host;   // [17]
    logic        msg_class;  // [16] nd_noc_pkg::msg_class_e
    logic [3:0]  src_y;
    logic [3:0]  src_x;
    logic [3:0]  dst_y;
    logic [3:0]  dst_x;
  } pkt_head_t;

  // Global address of a DMA remote operand: {y, x, offset}.
  localparam int unsigned GADDR_OFFSET_W /*verilator public*/ = 24;

  // Node register window (node-local addresses; offsets within the 4 KiB window at MMIO_BASE).
  localparam logic [11:0] REG_CONSOLE = 12'h000;
  localparam logic [11:0] REG_NODE_ID = 12'h004;
  localparam logic [11:0] REG_CYCLE_LO = 12'h008;
  localparam logic [11:0] REG_CYCLE_HI = 12'h00C;
  localparam logic [11:0] REG_TILE = 12'h010;
  localparam logic [11:0] REG_CTRL = 12'h020;
  localparam logic [11:0] REG_CORE_STATUS = 12'h024;
  localparam logic [11:0] REG_TRAP_CAUSE = 12'h028;
  localparam logic [11:0] REG_TRAP_PC = 12'h02C;
  localparam logic [11:0] REG_INSTRET_LO = 12'h030;
  localparam logic [11:0] REG_INSTRET_HI = 12'h034;
  localparam logic [11:0] REG_RUN_CYCLES_LO = 12'h038;
  localparam logic [11:0] REG_RUN_CYCLES_HI = 12'h03C;
  localparam logic [11:0] REG_EXIT = 12'h040;
  localparam logic [11:0] REG_DMA_STATUS = 12'h100;
  localparam logic [11:0] REG_DMA_DONE = 12'h104;
  localparam logic [11:0] REG_DMA_BYTES_OUT = 12'h108;
  localparam logic [11:0] REG_DMA_BYTES_IN = 12'h10C;
  localparam logic [11:0] REG_DMA_STALL = 12'h110;
  localparam logic [11:0] REG_NI_STATUS = 12'h140;
  localparam logic [11:0] REG_NI_REQS = 12'h144;

  // CTRL bits and reset value (compute reset held, not running).
  localparam int unsigned CTRL_RUN_BIT = 0;
  localparam int unsigned CTRL_RESET_BIT = 1;
  localparam logic [31:0] CTRL_RESET_VALUE = 32'h2;

  // DMA commands (custom-1 funct3) and error codes.
  typedef enum logic [2:0] {
    DmaShape  = 3'd0,
    DmaStride = 3'd1,
    DmaWrite  = 3'd2,
    DmaRead   = 3'd3,
    DmaFlag   = 3'd4,
    DmaClear  = 3'd5
  } dma_cmd_e /*verilator public*/;

  typedef enum logic [3:0] {
    DmaErrNone        = 4'd0,
    DmaErrCommand     = 4'd1,
    DmaErrShape       = 4'd2,
    DmaErrMisaligned  = 4'd3,
    DmaErrLocalRange  = 4'd4,
    DmaErrNode        = 4'd5,
    DmaErrRemoteRange = 4'd6,
    DmaErrRemote      = 4'd7
  } dma_err_e /*verilator public*/;

endpackage
