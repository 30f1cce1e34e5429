// Build time of a Verilated model for the benchmarks: the duration of the last build of its library
// (vm/NAME/VNAME__ALL.a: Verilator and the C++ compile) in the ninja log, or -1 when it is not there.
#pragma once

#include <cstdio>
#include <fstream>
#include <string>

namespace nd {

inline double model_build_seconds(const std::string& ninja_log, const std::string& model) {
  std::ifstream in(ninja_log);
  std::string line;
  double s = -1;
  const std::string target = "vm/" + model + "/V" + model + "__ALL.a";
  while (std::getline(in, line)) {
    long start = 0, end = 0;
    char out[512];
    if (std::sscanf(line.c_str(), "%ld\t%ld\t%*s\t%511s", &start, &end, out) == 3) {
      const std::string o(out);
      if (o.size() >= target.size() && o.compare(o.size() - target.size(), target.size(), target) == 0)
        s = static_cast<double>(end - start) / 1000.0;
    }
  }
  return s;
}

}  // namespace nd
