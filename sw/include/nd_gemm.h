// The job block of the tile GEMM kernel (sw/tile/gemm.c, docs/kernels.md): word indices into the kernel's
// `gemm_job` array. The host (tb/tile/gemm_run.cpp) fills the input words of every node of the grid before
// it starts the cores and reads the result words afterwards; this header is shared by both sides, so the
// layout has one definition. All addresses are node-local and, except the raw operands, the same on every
// node of the grid (peers write into each other's panel buffers at the sender's own offsets).
#ifndef ND_GEMM_H
#define ND_GEMM_H

#define ND_GEMM_MAGIC 0x47454D4Du  // "GEMM"
#define ND_GEMM_MAX_GRID 16        // grid rows and columns (global addresses carry 4-bit coordinates)

// Inputs.
#define ND_GJ_MAGIC 0     // ND_GEMM_MAGIC
#define ND_GJ_GRID 1      // {grid rows [15:8], grid columns [7:0]}; node (x, y) is grid (row y, column x)
#define ND_GJ_CFG 2       // MXU CFG word (docs/mxu.md): formats, biases, output format, rounding
#define ND_GJ_SEED 3      // stochastic-rounding seed of this node (loaded with the CFG)
#define ND_GJ_K 4         // K (1 .. 65535; a strip must fit one DMA row: K x 8 x element bytes <= 65532)
#define ND_GJ_ESIZE 5     // {B element bytes [15:8], A element bytes [7:0]} (2 BF16, 1 CFP8)
#define ND_GJ_A_PANELS 6  // A_r: the strips of the node's row block, k-major 8-row panels, K k-rows each
#define ND_GJ_B_PANELS 7  // B_c: the strips of the node's column block, k-major 8-column panels
#define ND_GJ_C 8         // C block: 8 x strips(A_r) rows, 8 x strips(B_c) columns, output format
#define ND_GJ_C_STRIDE 9  // C block row stride in bytes
#define ND_GJ_OUT_ROW 10  // bytes of one tile row in the output format (32 FP32, 16 BF16, 8 CFP8)
#define ND_GJ_FLAGS 11    // 32 flag words, 0 at start: [p] A part of column peer p, [16 + q] B of row peer q
#define ND_GJ_STATUS 12   // MXU status block (32-byte aligned), written at the end
#define ND_GJ_A_RAW 13    // own A rows, row-major codes, A_ROWS x K (the node's part of A_r)
#define ND_GJ_A_ROWS 14   // valid rows of the own A part (the last strip of the matrix may be partial)
#define ND_GJ_B_RAW 15    // own B columns, row-major codes, K x B_COLS
#define ND_GJ_B_COLS 16   // valid columns of the own B part
#define ND_GJ_A_PART 17   // 16 words: {strips [31:16], first strip [15:0]} of A_r owned by column peer p
#define ND_GJ_B_PART 33   // 16 words: the same for the B_c strips owned by row peer q
// Outputs.
#define ND_GJ_CYCLES_PACK 49     // packing the own parts into panels
#define ND_GJ_CYCLES_COMPUTE 50  // from the first MXU command to the last tile stored (waits included)
#define ND_GJ_CYCLES_WAIT 51     // of which the core waited for a peer's flag
#define ND_GJ_CYCLES_TOTAL 52    // from main() to the end
#define ND_GJ_TILES 53           // tiles issued to the MXU so far (the host reads it for progress)
#define ND_GJ_RESULT 54          // 0 done, else the exit code
#define ND_GJ_WORDS 55

// Exit codes of the kernel (besides 0).
#define ND_GEMM_ERR_JOB 2  // malformed job block
#define ND_GEMM_ERR_MXU 3  // the MXU reported an illegal command (status block word 0 bit 8)
#define ND_GEMM_ERR_DMA 4  // the DMA engine reported an error (DMA_STATUS)

#endif  // ND_GEMM_H
