// Shared types and functions of the nanodojo 2D-mesh network (see docs/noc.md).
//
// A flit is a 2-bit type plus a FlitWidth-bit data word. The low 32 data bits of a head flit carry
// the route header below; every other data bit is payload the routers never inspect or change.
//   [3:0] dst_x  [7:4] dst_y  [11:8] src_x  [15:12] src_y  [16] message class
//   [17] dst_host: deliver to the host port west of router (0, dst_y) instead of node (0, dst_y)
//   [18] src_host: the packet came from the host (the node uses it to address the response)
//   [31:19] reserved (0)
// x = column (0 = west), y = row (0 = north); node index n = y * Cols + x.
//
// `/*verilator public*/` puts a constant or enum into the Verilated package class
// (V<model>_nd_noc_pkg.h), where the testbench checks its own copy of the packet format against it at
// compile time (tb/noc/mesh_if.cpp). It costs no simulation time.
package nd_noc_pkg;

  // bit0 = head, bit1 = tail; a single-flit packet is FlitHeadTail.
  typedef enum logic [1:0] {
    FlitBody     = 2'b00,
    FlitHead     = 2'b01,
    FlitTail     = 2'b10,
    FlitHeadTail = 2'b11
  } flit_type_e /*verilator public*/;

  localparam int unsigned NUM_PORTS /*verilator public*/ = 5;
  localparam int unsigned PORT_W /*verilator public*/ = 3;

  typedef enum logic [PORT_W-1:0] {
    PortLocal = 3'd0,
    PortNorth = 3'd1,
    PortEast  = 3'd2,
    PortSouth = 3'd3,
    PortWest  = 3'd4
  } port_e /*verilator public*/;

  // Route header fields of a head flit.
  localparam int unsigned COORD_W /*verilator public*/ = 4;
  localparam int unsigned HDR_DST_X_LSB /*verilator public*/ = 0;
  localparam int unsigned HDR_DST_Y_LSB /*verilator public*/ = 4;
  localparam int unsigned HDR_SRC_X_LSB /*verilator public*/ = 8;
  localparam int unsigned HDR_SRC_Y_LSB /*verilator public*/ = 12;
  localparam int unsigned HDR_CLASS_BIT /*verilator public*/ = 16;
  localparam int unsigned HDR_DST_HOST_BIT /*verilator public*/ = 17;
  localparam int unsigned HDR_SRC_HOST_BIT /*verilator public*/ = 18;
  localparam int unsigned HDR_W /*verilator public*/ = 32;

  typedef logic [COORD_W-1:0] coord_t;

  // Message classes: class c owns virtual channels [c * NumVcs / 2, (c + 1) * NumVcs / 2).
  localparam int unsigned NUM_CLASSES /*verilator public*/ = 2;
  typedef enum logic {
    MsgRequest  = 1'b0,
    MsgResponse = 1'b1
  } msg_class_e /*verilator public*/;

  // VC policies (nd_noc_router VcPolicy, docs/noc.md "VC policies"): which VCs a packet may take.
  //   VC_SEPARATE: a class takes only the VCs it owns (the default; what the node's remote reads need).
  //   VC_BORROW:   requests take only request VCs; responses take any VC. Still free of protocol
  //                deadlock: the response VCs hold only responses, which always drain.
  //   VC_SHARED:   any packet takes any VC (BookSim's synthetic traffic). Request/response traffic
  //                can deadlock at the end points; for the router study only.
  localparam int unsigned VC_SEPARATE /*verilator public*/ = 0;
  localparam int unsigned VC_BORROW /*verilator public*/ = 1;
  localparam int unsigned VC_SHARED /*verilator public*/ = 2;

  // Whether a packet of class cls may take VC vc of num_vcs under the policy (constant arguments only:
  // the router calls it at elaboration).
  function automatic bit vc_allowed(int unsigned policy, int unsigned num_vcs, int unsigned cls,
                                    int unsigned vc);
    if (policy == VC_SHARED || (policy == VC_BORROW && cls == 32'(MsgResponse))) return 1'b1;
    return vc / (num_vcs / NUM_CLASSES) == cls;
  endfunction

  // Counter / debug read port: cnt_sel = {vc[3:0], kind[3:0]}.
  localparam int unsigned CNT_SEL_W /*verilator public*/ = 8;
  localparam int unsigned CNT_NODE_W /*verilator public*/ = 8;
  typedef enum logic [3:0] {
    CntFlitsOut     = 4'd0,  // flits forwarded through this output port
    CntCreditStall  = 4'd1,  // cycles a flit for this output waited for a credit
    CntAllocStall   = 4'd2,  // cycles a flit for this output lost VC or switch allocation
    CntFlitsIn      = 4'd3,  // flits received at this input port
    DbgInUsage      = 4'd8,  // input VC (sel vc) buffer occupancy
    DbgInState      = 4'd9,  // input VC state: {out_vc[7:4], out_port[3:1], active[0]}
    DbgOutCredits   = 4'd10, // output VC (sel vc) credit count
    DbgOutOwner     = 4'd11, // output VC owner: {busy[4], input port[2:0]}
    DbgPosition     = 4'd12  // router position {y[7:4], x[3:0]}
  } cnt_kind_e /*verilator public*/;

endpackage
