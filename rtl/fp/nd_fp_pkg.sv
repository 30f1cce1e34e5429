// Shared types and helpers of the floating-point units (BF16, CFP8, FP32); the numeric contract is
// docs/numerics.md. The flag layout matches Berkeley SoftFloat/TestFloat's exception mask in bits 0..4
// (inexact 1, underflow 2, overflow 4, divide-by-zero 8, invalid 16) plus the CFP8/BF16 denormal-input
// flag in bit 5, so software and vector files read them without translation.
package nd_fp_pkg;

  typedef struct packed {
    logic denormal;     // bit 5: a CFP8 or BF16 denormal was unpacked
    logic invalid;      // bit 4
    logic div_by_zero;  // bit 3: never raised by these units
    logic overflow;     // bit 2
    logic underflow;    // bit 1: tiny and inexact
    logic inexact;      // bit 0
  } fp_flags_t;

  localparam fp_flags_t FP_FLAGS_NONE = '0;

  typedef enum logic {
    RndRne        = 1'b0,  // round to nearest, ties to even
    RndStochastic = 1'b1   // round away from zero when f + R >= 2^16 (docs/numerics.md)
  } fp_rnd_e;

  typedef enum logic {
    Cfp8E4M3 = 1'b0,  // CFP8 1.4.3
    Cfp8E5M2 = 1'b1   // CFP8 1.5.2
  } cfp8_fmt_e;

  localparam logic [31:0] F32_CANONICAL_NAN = 32'h7FC0_0000;
  localparam logic [14:0] BF16_QNAN_MAG = 15'h7FC0;
  localparam logic [6:0] CFP8_MAX_MAG = 7'h7F;  // all-ones exponent and fraction in both layouts

endpackage
