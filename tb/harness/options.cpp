#include "options.hpp"

#include <cctype>
#include <filesystem>
#include <map>

namespace nd {

TestOptions& test_options() {
  static TestOptions options;
  return options;
}

std::string file_stem(const std::string& name) {
  std::string out;
  for (char c : name) {
    const bool keep = std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
    out += keep ? c : '_';
  }
  return out.empty() ? std::string("unnamed") : out;
}

WaveOptions test_waves(const std::string& name) {
  const TestOptions& o = test_options();
  WaveOptions w;
  if (o.waves_dir.empty() || (o.waves_on_fail > 0 && o.waves_fail_cycle == 0)) return w;
  std::filesystem::create_directories(o.waves_dir);
  w.path =
      (std::filesystem::path(o.waves_dir) / (file_stem(name) + (o.waves_format == "vcd" ? ".vcd" : ".fst")))
          .string();
  w.from = o.waves_from;
  w.to = o.waves_to;
  w.depth = o.waves_depth;
  w.scope = o.waves_scope;
  if (o.waves_fail_cycle > 0) {
    w.on_fail = o.waves_on_fail;
    w.fail_cycle = o.waves_fail_cycle;
  }
  return w;
}

std::string (*&current_test_name())() {
  static std::string (*fn)() = nullptr;
  return fn;
}

WaveOptions default_waves() {
  if (!current_test_name() || test_options().waves_dir.empty()) return {};
  static std::map<std::string, int> used;
  std::string name = current_test_name()();
  const int n = ++used[name];
  if (n > 1) name += "_" + std::to_string(n);
  return test_waves(name);
}

}  // namespace nd
