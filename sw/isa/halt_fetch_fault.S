// No trap handler (mtvec = 0): a jump past the end of the SRAM stops the core on the fetch.
// Expected report: cause 1, pc = tval = 0x00040000 (256 KiB SRAM), instruction 0.
#include "isa_macros.h"
ISA_BEGIN
  li x1, 0x00040000
  jr x1
  j fail
ISA_END
