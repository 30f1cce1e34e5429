// Hooks compiled into the Verilator runtime (nd_verilated): everything the runtime prints goes through
// nd_vl_printf (the runtime is built with -DVL_PRINTF=nd_vl_printf and this header forced in), which
// prints as before and remembers the last RTL error line, so Dut<V> can say which assertion fired.
//
// Verilator 5.006 reports a failing SVA assertion as
//   [<time>] %Error: <file>.sv:<line>: Assertion failed in <scope>.<Name_A>: <message>
// and any other $error as "%Error: <file>:<line>: <message>".
#pragma once

#include <string>

// printf-compatible; declared at global scope for Verilator's VL_PRINTF macro.
void nd_vl_printf(const char* format, ...) __attribute__((format(printf, 1, 2)));

#ifdef __cplusplus
namespace nd {

// The last RTL error the runtime printed since the previous take_rtl_error().
struct RtlError {
  std::string assertion;  // label of the failing assertion ("BufferOverflow_A"), empty for other errors
  std::string where;      // "<file>.sv:<line>" of the assertion or $error
  std::string scope;      // hierarchy of the module instance ("TOP.nd_noc_mesh.gen_row[0]...")
  std::string message;    // the text after the location
};

// Returns the first RTL error printed since the last call and forgets it (empty fields when none).
RtlError take_rtl_error();

// Parses one line the runtime printed; returns false when it is not an RTL error line.
bool parse_rtl_error(const std::string& line, RtlError& out);

}  // namespace nd
#endif
