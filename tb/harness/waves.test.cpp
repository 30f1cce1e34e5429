// Wave files: the FST that GTKWave's reader (fst2vcd) opens holds exactly the requested window, VCD output,
// scope/depth filters, and --waves-on-fail re-running a failing test for the last cycles before the failure.
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include "Vharness_check.h"
#include "dut.hpp"

namespace fs = std::filesystem;

namespace {

// The parts of a VCD these tests look at: every variable's full name, the timestamps, and the values taken
// by one variable.
struct Vcd {
  std::set<std::string> vars;  // "TOP.harness_check.count_q"
  std::vector<uint64_t> times;
  std::vector<uint64_t> values;  // successive values of the watched variable
};

Vcd parse_vcd(std::istream& in, const std::string& watch) {
  Vcd v;
  std::vector<std::string> scope;
  std::string watch_id, line;
  std::map<std::string, std::string> ids;
  while (std::getline(in, line)) {
    std::istringstream ls(line);
    std::string w;
    ls >> w;
    if (w == "$scope") {
      std::string kind, name;
      ls >> kind >> name;
      scope.push_back(name);
    } else if (w == "$upscope") {
      scope.pop_back();
    } else if (w == "$var") {
      std::string type, width, id, name, full;
      ls >> type >> width >> id >> name;
      for (const auto& s : scope) full += s + ".";
      full += name;
      v.vars.insert(full);
      if (full == watch) watch_id = id;
    } else if (!w.empty() && w[0] == '#') {
      v.times.push_back(std::stoull(w.substr(1)));
    } else if (!w.empty() && w[0] == 'b' && !watch_id.empty()) {
      std::string id;
      ls >> id;
      if (id == watch_id) v.values.push_back(std::stoull(w.substr(1), nullptr, 2));
    }
  }
  return v;
}

Vcd read_waves(const fs::path& file, const std::string& watch) {
  REQUIRE(fs::exists(file));
  if (file.extension() == ".vcd") {
    std::ifstream in(file);
    return parse_vcd(in, watch);
  }
  const fs::path vcd = file.string() + ".check.vcd";
  const std::string cmd = "fst2vcd -f '" + file.string() + "' -o '" + vcd.string() + "' >/dev/null 2>&1";
  REQUIRE(std::system(cmd.c_str()) == 0);  // GTKWave's FST reader opens the file
  std::ifstream in(vcd);
  return parse_vcd(in, watch);
}

fs::path fresh_dir(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("nd_waves_" + name + "_" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

// Counter fixture: enabled from the start, so after tick k the count is k - 2 (2 reset cycles).
void run_counter(const nd::WaveOptions& w, uint64_t cycles) {
  nd::Dut<Vharness_check> dut(w);
  dut->en_i = 1;
  dut->fail_i = 0;
  dut.reset(2);
  dut.ticks(cycles);
}

}  // namespace

TEST_CASE("the FST holds the requested cycle window and nothing else", "[harness][waves]") {
  const fs::path dir = fresh_dir("window");
  nd::WaveOptions w;
  w.path = (dir / "window.fst").string();
  w.from = 20;
  w.to = 40;
  run_counter(w, 100);
  const Vcd v = read_waves(w.path, "TOP.harness_check.count_q");
  REQUIRE_FALSE(v.values.empty());
  // Cycle c holds count c - 2 (c - 1 right after its rising edge): the window shows counts 18..39.
  CHECK(v.values.front() >= 17);
  CHECK(v.values.front() <= 19);
  CHECK(v.values.back() >= 38);
  CHECK(v.values.back() <= 40);
  // Two evaluations per cycle (rising, falling edge): about 42 timestamps, not the 200 of the whole run.
  CHECK(v.times.size() >= 40);
  CHECK(v.times.size() <= 46);
  fs::remove_all(dir);
}

TEST_CASE("a wave path ending in .vcd is written as VCD", "[harness][waves]") {
  const fs::path dir = fresh_dir("vcd");
  nd::WaveOptions w;
  w.path = (dir / "counter.vcd").string();
  w.to = 30;
  run_counter(w, 50);
  REQUIRE(fs::exists(w.path));
  CHECK_FALSE(fs::exists(w.path + ".fst"));
  std::ifstream in(w.path);
  std::string first;
  std::getline(in, first);
  CHECK(first.rfind("$", 0) == 0);  // a VCD header, not FST's binary block
  const Vcd v = read_waves(w.path, "TOP.harness_check.count_q");
  REQUIRE_FALSE(v.values.empty());
  CHECK(v.values.back() >= 27);
  CHECK(v.values.back() <= 30);
  fs::remove_all(dir);
}

TEST_CASE("scope and depth limit the dumped hierarchy", "[harness][waves]") {
  const fs::path dir = fresh_dir("scope");
  nd::WaveOptions ports;
  ports.path = (dir / "ports.fst").string();
  ports.scope = "TOP";
  ports.depth = 1;  // the model's ports only
  run_counter(ports, 10);
  const Vcd p = read_waves(ports.path, "");
  CHECK(p.vars.count("TOP.count_o") == 1);
  CHECK(p.vars.count("TOP.harness_check.count_q") == 0);

  nd::WaveOptions inner;
  inner.path = (dir / "inner.fst").string();
  inner.scope = "harness_check";  // "TOP." is implied
  run_counter(inner, 10);
  const Vcd i = read_waves(inner.path, "");
  CHECK(i.vars.count("TOP.harness_check.count_q") == 1);
  CHECK(i.vars.count("TOP.count_o") == 0);

  nd::WaveOptions all;
  all.path = (dir / "all.fst").string();
  run_counter(all, 10);
  const Vcd a = read_waves(all.path, "");
  CHECK(a.vars.count("TOP.count_o") == 1);
  CHECK(a.vars.count("TOP.harness_check.count_q") == 1);
  fs::remove_all(dir);
}

// Fixture for the next test only (hidden: not run on its own): an RTL assertion fires at cycle 50.
TEST_CASE("waves fixture: assertion at cycle 50", "[.waves-fixture]") {
  nd::Dut<Vharness_check> dut(nd::test_waves("fixture"));
  dut->en_i = 1;
  dut->fail_i = 0;
  dut.reset(2);
  dut.ticks(48);
  dut->fail_i = 1;
  dut.tick();
}

TEST_CASE("waves-on-fail re-runs a failing test and writes its last cycles", "[harness][waves]") {
  const fs::path dir = fresh_dir("onfail");
  const std::string& self = nd::test_options().program;
  REQUIRE_FALSE(self.empty());
  const std::string cmd = "'" + self +
                          "' 'waves fixture: assertion at cycle 50' --waves-on-fail 10 --waves '" +
                          dir.string() + "' >'" + (dir / "log.txt").string() + "' 2>&1";
  const int status = std::system(cmd.c_str());
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) != 0);  // the fixture fails
  const Vcd v = read_waves(dir / "fixture.fst", "TOP.harness_check.count_q");
  REQUIRE_FALSE(v.values.empty());
  // Failure at cycle 50 (count 48): the last 10 cycles are counts ~38..48.
  CHECK(v.values.front() >= 37);
  CHECK(v.values.front() <= 40);
  CHECK(v.values.back() >= 47);
  CHECK(v.values.back() <= 49);
  fs::remove_all(dir);
}
