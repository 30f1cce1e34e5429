#include "yaml_reader.hpp"

#include <fstream>
#include <sstream>

#include "errors.hpp"

namespace nd {

YAML::Node YamlReader::parse(const std::string& text, const std::string& empty_message) const {
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::ParserException& e) {
    throw InputError(file_, e.mark.line >= 0 ? e.mark.line + 1 : 0, "", "malformed YAML: " + e.msg);
  }
  if (root.IsNull()) throw InputError(file_, 0, "", empty_message);
  return root;
}

std::string YamlReader::read_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw InputError(path, 0, "", "cannot open the file");
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

int YamlReader::line_of(const std::string& key) const {
  auto it = lines_.find(key);
  return it == lines_.end() ? 0 : it->second;
}

void YamlReader::fail(const YAML::Node& n, const std::string& key, const std::string& msg) const {
  throw InputError(file_, line(n), key, msg);
}

void YamlReader::each(const YAML::Node& map, const std::string& prefix,
                      const std::vector<std::string>& allowed,
                      const std::function<void(const std::string&, const YAML::Node&)>& f) {
  if (!map.IsMap()) fail(map, prefix, "expected a map");
  for (const auto& kv : map) {
    // A complex key (`? [a, b]`, `{[a, b]: 1}`, `? {a: 1}`) names nothing we know.
    if (!kv.first.IsScalar()) fail(kv.first, prefix, "expected a key name, got " + text(kv.first));
    const std::string k = kv.first.Scalar();
    const std::string full = prefix.empty() ? k : prefix + "." + k;
    bool ok = allowed.empty();
    std::string list;
    for (const auto& a : allowed) {
      ok |= a == k;
      list += (list.empty() ? "" : ", ") + a;
    }
    if (!ok) fail(kv.first, full, "unknown key (expected one of: " + list + ")");
    lines_[full] = line(kv.first);
    f(k, kv.second);
  }
}

long long YamlReader::integer(const YAML::Node& n, const std::string& key, long long lo, long long hi) const {
  long long v = 0;
  try {
    if (!n.IsScalar()) throw YAML::Exception(n.Mark(), "");
    v = n.as<long long>();
  } catch (const YAML::Exception&) {
    fail(n, key, "expected an integer, got '" + text(n) + "'");
  }
  if (v < lo || v > hi) {
    const std::string range = v < 0 && lo >= 0 ? "must not be negative" : "out of range";
    fail(n, key,
         range + ": " + std::to_string(v) + " not in [" + std::to_string(lo) + ", " + std::to_string(hi) +
             "]");
  }
  return v;
}

double YamlReader::real(const YAML::Node& n, const std::string& key, double lo, double hi) const {
  double v = 0;
  try {
    if (!n.IsScalar()) throw YAML::Exception(n.Mark(), "");
    v = n.as<double>();
  } catch (const YAML::Exception&) {
    fail(n, key, "expected a number, got '" + text(n) + "'");
  }
  if (!(v >= lo && v <= hi)) {
    std::ostringstream s;
    s << "out of range: " << v << " not in [" << lo << ", " << hi << "]";
    fail(n, key, s.str());
  }
  return v;
}

std::string YamlReader::string(const YAML::Node& n, const std::string& key) const {
  if (!n.IsScalar() || n.Scalar().empty()) fail(n, key, "expected a non-empty string, got '" + text(n) + "'");
  return n.Scalar();
}

std::string YamlReader::text(const YAML::Node& n) {
  if (n.IsScalar()) return n.Scalar();
  if (n.IsSequence()) return "a list";
  if (n.IsMap()) return "a map";
  return "nothing";
}

}  // namespace nd
