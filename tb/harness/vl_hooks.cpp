// See vl_hooks.hpp. Compiled into nd_verilated with the Verilator runtime.
#include "vl_hooks.hpp"

#include <cstdarg>
#include <cstdio>
#include <regex>
#include <string>

namespace nd {
namespace {
// Models are driven from one thread each; the record belongs to the thread that evaluates them.
thread_local RtlError t_first;
thread_local bool t_have = false;
}  // namespace

bool parse_rtl_error(const std::string& line, RtlError& out) {
  static const std::regex assertion_re(R"(%Error: ([^:\s]+:\d+): Assertion failed in (\S+)\.(\w+): ?(.*))");
  static const std::regex error_re(R"(%Error: ([^:\s]+:\d+): (.*))");
  std::smatch m;
  if (std::regex_search(line, m, assertion_re)) {
    out = RtlError{m[3], m[1], m[2], m[4]};
    return true;
  }
  if (std::regex_search(line, m, error_re)) {
    out = RtlError{"", m[1], "", m[2]};
    return true;
  }
  return false;
}

RtlError take_rtl_error() {
  RtlError e = t_have ? t_first : RtlError{};
  t_first = RtlError{};
  t_have = false;
  return e;
}

}  // namespace nd

void nd_vl_printf(const char* format, ...) {
  va_list ap;
  va_start(ap, format);
  va_list copy;
  va_copy(copy, ap);
  const int n = std::vsnprintf(nullptr, 0, format, copy);
  va_end(copy);
  std::string text(n > 0 ? static_cast<std::size_t>(n) : 0, '\0');
  if (n > 0) std::vsnprintf(text.data(), text.size() + 1, format, ap);
  va_end(ap);
  std::fwrite(text.data(), 1, text.size(), stdout);
  std::fflush(stdout);
  // The first error of a burst is the cause: the runtime's own "$stop" line follows it.
  nd::RtlError e;
  if (!nd::t_have && text.find("%Error") != std::string::npos && nd::parse_rtl_error(text, e)) {
    nd::t_first = e;
    nd::t_have = true;
  }
}
