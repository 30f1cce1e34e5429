// YamlReader: the checked reading of a YAML config or scenario that every loader shares. Every problem
// throws nd::InputError naming the file, the line and the dotted key: malformed YAML, a key that is not
// allowed, a value of the wrong type or out of range. It records the line of every key it saw, so later
// checks (across keys) can name a line too.
#pragma once

#include <yaml-cpp/yaml.h>

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace nd {

class YamlReader {
 public:
  explicit YamlReader(std::string file) : file_(std::move(file)) {}

  // Parses text; an empty document throws with `empty_message`.
  YAML::Node parse(const std::string& text, const std::string& empty_message) const;
  // Reads a whole file (InputError when it cannot be opened).
  static std::string read_file(const std::string& path);

  const std::string& file() const { return file_; }
  const std::map<std::string, int>& lines() const { return lines_; }
  int line_of(const std::string& key) const;  // 0 when the key was not given
  static int line(const YAML::Node& n) { return n.Mark().line >= 0 ? n.Mark().line + 1 : 0; }

  [[noreturn]] void fail(const YAML::Node& n, const std::string& key, const std::string& msg) const;

  // Calls f(key, value) for every entry of the map at dotted key `prefix`; an entry whose key is not in
  // `allowed` (empty: any key) fails with the list of allowed keys.
  void each(const YAML::Node& map, const std::string& prefix, const std::vector<std::string>& allowed,
            const std::function<void(const std::string&, const YAML::Node&)>& f);

  long long integer(const YAML::Node& n, const std::string& key, long long lo, long long hi) const;
  double real(const YAML::Node& n, const std::string& key, double lo, double hi) const;
  std::string string(const YAML::Node& n, const std::string& key) const;
  static std::string text(const YAML::Node& n);  // the scalar, or "a list" / "a map" / "nothing"

 private:
  std::string file_;
  std::map<std::string, int> lines_;
};

}  // namespace nd
