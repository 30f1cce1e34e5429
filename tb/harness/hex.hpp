// Hexadecimal numbers in messages and reports: nd::hex(0x80) == "0x00000080".
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>

namespace nd {

// "0x" followed by at least `digits` hexadecimal digits, zero-padded.
inline std::string hex(uint64_t v, int digits = 8) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "0x%0*llx", digits, static_cast<unsigned long long>(v));
  return buf;
}

}  // namespace nd
