// Types shared by the matrix-unit modules (docs/mxu.md). Included inside each module body, so every module
// sees the same layouts without a package; ports carry them as flat vectors of $bits(type).
// No include guard: each module includes it once in its own scope.

// Decoded operation of a legal command.
typedef enum logic [2:0] {
  MxuOpCfg    = 3'd0,
  MxuOpShape  = 3'd1,
  MxuOpMac    = 3'd2,
  MxuOpZero   = 3'd3,
  MxuOpLoad   = 3'd4,
  MxuOpStore  = 3'd5,
  MxuOpStatus = 3'd6
} mxu_op_e;

// Error codes (status word 0, bits [11:9]).
typedef enum logic [2:0] {
  MxuErrNone         = 3'd0,
  MxuErrUnknownFunct = 3'd1,
  MxuErrReserved     = 3'd2,
  MxuErrBadFormat    = 3'd3,
  MxuErrBadBias      = 3'd4,
  MxuErrBadShape     = 3'd5,
  MxuErrMisaligned   = 3'd6,
  MxuErrOutOfRange   = 3'd7
} mxu_err_e;

// Configuration word (CFG rs1 [25:0]).
typedef struct packed {
  logic [5:0] out_bias;
  logic [5:0] b_bias;
  logic [5:0] a_bias;
  logic       reserved;
  logic       rnd;       // 0 RNE, 1 stochastic
  logic [1:0] out_fmt;   // 0 FP32, 1 BF16, 2 CFP8 1.4.3, 3 CFP8 1.5.2
  logic [1:0] b_fmt;     // 0 BF16, 1 CFP8 1.4.3, 2 CFP8 1.5.2
  logic [1:0] a_fmt;
} mxu_cfg_t;

// Geometry of one operand panel of a MAC: first line (byte address / 128), first k-row in that line,
// number of lines, stride in lines.
typedef struct packed {
  logic [24:0] line;
  logic [3:0]  r0;
  logic [13:0] n;
  logic [15:0] stride;
} mxu_panel_t;

// Job of the fetcher: operand lines of a MAC, or a ZERO / LOAD of a C bank.
typedef enum logic [1:0] {
  MxuFetchMac  = 2'd0,
  MxuFetchZero = 2'd1,
  MxuFetchLoad = 2'd2
} mxu_fetch_kind_e;

typedef struct packed {
  mxu_fetch_kind_e kind;
  logic            bank;
  logic [2:0]      need_mac;  // bank ops (MAC / ZERO / LOAD) on this bank that must finish first
  logic [2:0]      need_st;   // stores of this bank that must finish first
  mxu_panel_t      a;
  mxu_panel_t      b;
  logic [31:0]     addr;      // LOAD: first row
  logic [31:0]     stride;    // LOAD: row stride in bytes
} mxu_fetch_job_t;

// Job of the array: one MAC.
typedef struct packed {
  logic        bank;
  logic        zero;     // lane 0 starts from +0 instead of the bank's C
  logic [2:0]  need_mac;
  logic [2:0]  need_st;
  logic [15:0] k;
  logic [3:0]  a_r0;
  logic [3:0]  b_r0;
  logic [1:0]  a_fmt;
  logic [1:0]  b_fmt;
  logic [5:0]  a_bias;
  logic [5:0]  b_bias;
} mxu_array_job_t;

// Job of the store engine.
typedef enum logic [1:0] {
  MxuStoreTile   = 2'd0,
  MxuStoreStatus = 2'd1,
  MxuStoreSeed   = 2'd2
} mxu_store_kind_e;

typedef struct packed {
  mxu_store_kind_e kind;
  logic            bank;
  logic [2:0]      need_mac;
  logic [31:0]     addr;
  logic [31:0]     stride;
  logic [1:0]      out_fmt;
  logic [5:0]      out_bias;
  logic            rnd;
  logic            clear_flags;
  logic            clear_cnt;
  logic [31:0]     seed;
} mxu_store_job_t;
