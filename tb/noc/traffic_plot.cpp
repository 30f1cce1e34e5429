#include "traffic_plot.hpp"

#include <sys/wait.h>

#include <cstdlib>

namespace nd::noc {

namespace {
std::string quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}
}  // namespace

int plot_sweep(const std::vector<std::string>& csvs, const std::string& png, const std::string& title) {
  const char* py = std::getenv("ND_PYTHON");
  std::string cmd = quote(py && *py ? py : "/usr/bin/python3") + " " + quote(ND_PLOT_SCRIPT) + " -o " +
                    quote(png) + " --title " + quote(title);
  for (const auto& c : csvs) cmd += " " + quote(c);
  const int rc = std::system(cmd.c_str());
  return rc == 0 ? 0 : (rc < 0 ? 1 : (WIFEXITED(rc) ? WEXITSTATUS(rc) : 1));
}

}  // namespace nd::noc
