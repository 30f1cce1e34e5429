// `nanodojo core` end to end: console on stdout, report on stderr, exit status mapping (0 pass, 1 trap
// or cycle limit, 2 bad input, code + 2 for a failing program) and the JSON report.

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "options.hpp"
#include "run_command.hpp"

namespace fs = std::filesystem;

namespace {

using Cli = nd::CommandResult;  // out: stdout and stderr together

// Runs `nanodojo core ARGS` with the test run's seed (the RTL's random initial state).
Cli nanodojo(const std::string& args) {
  const Cli c = nd::run_command(std::string(ND_NANODOJO) + " core " + args + " --seed " +
                                std::to_string(nd::test_seed()) + " 2>&1");
  REQUIRE(c.status >= 0);
  return c;
}

std::string elf(const std::string& name) { return std::string(ND_SW_OUT) + "/" + name + ".elf"; }

fs::path scratch(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / "nd_core_cli";
  fs::create_directories(dir);
  return dir / name;
}

}  // namespace

TEST_CASE("nanodojo core runs a program: console, report, exit 0 and JSON", "[core][system]") {
  const fs::path json = scratch("hello.json");
  fs::remove(json);
  const Cli c = nanodojo(elf("hello") + " --json " + json.string());
  INFO(c.out);
  CHECK(c.status == 0);
  CHECK(c.out.find("hello from nanodojo\n") == 0);
  CHECK(c.out.find(": PASS\n") != std::string::npos);
  CHECK(c.out.find("instructions retired") != std::string::npos);
  CHECK(c.out.find("IPC") != std::string::npos);
  REQUIRE(fs::exists(json));
  std::ifstream in(json);
  const auto j = nlohmann::json::parse(in);
  CHECK(j.at("status") == "pass");
  CHECK(j.at("exit_status") == 0);
  CHECK(j.at("cycles").get<uint64_t>() > 0);
  CHECK(j.at("instret").get<uint64_t>() <= j.at("cycles").get<uint64_t>());
  CHECK(j.at("console").get<std::string>().rfind("hello from nanodojo\n", 0) == 0);
}

TEST_CASE("nanodojo core writes waves for the requested window", "[core][system]") {
  const fs::path all = scratch("all.fst"), window = scratch("window.fst");
  fs::remove(all);
  fs::remove(window);
  CHECK(nanodojo(elf("fail_code") + " --waves " + all.string()).status == 7);
  CHECK(nanodojo(elf("fail_code") + " --waves " + window.string() + " --waves-from 100 --waves-to 200")
            .status == 7);
  REQUIRE(fs::exists(all));
  REQUIRE(fs::exists(window));
  CHECK(fs::file_size(window) < fs::file_size(all));
}

TEST_CASE("nanodojo core maps a fail code, a trap and the cycle limit to exit statuses", "[core][system]") {
  const Cli fail = nanodojo(elf("fail_code"));
  CHECK(fail.status == 7);  // code 5 + 2
  CHECK(fail.out.find("FAIL with code 5") != std::string::npos);
  const Cli trap = nanodojo(elf("trap_load"));
  CHECK(trap.status == 1);
  CHECK(trap.out.find("unhandled trap: load access fault (mcause 5) at pc 0x") != std::string::npos);
  CHECK(trap.out.find("mtval 0x80000010") != std::string::npos);
  const Cli spin = nanodojo(elf("spin") + " --max-cycles 3000");
  CHECK(spin.status == 1);
  CHECK(spin.out.find("cycle limit of 3000 cycles reached") != std::string::npos);
}

TEST_CASE("nanodojo core rejects bad input with exit status 2 and names the file", "[core][system]") {
  const fs::path text = scratch("not_an_elf.elf");
  { std::ofstream(text) << "this is not an ELF file\n"; }
  Cli c = nanodojo(text.string());
  CHECK(c.status == 2);
  CHECK(c.out.find("nanodojo: error: " + text.string() + ": key 'e_ident': not an ELF file") !=
        std::string::npos);

  c = nanodojo("/nonexistent/program.elf");
  CHECK(c.status == 2);
  CHECK(c.out.find("/nonexistent/program.elf") != std::string::npos);

  // A real program cut in half: the section headers are gone.
  const fs::path cut = scratch("cut.elf");
  fs::copy_file(elf("hello"), cut, fs::copy_options::overwrite_existing);
  fs::resize_file(cut, fs::file_size(cut) / 2);
  c = nanodojo(cut.string());
  CHECK(c.status == 2);
  CHECK(c.out.find("nanodojo: error: " + cut.string() + ": key 'e_shoff': truncated file") !=
        std::string::npos);

  // A host executable: 64-bit and not RISC-V.
  c = nanodojo(std::string(ND_SW_OUT) + "/host/hello");
  CHECK(c.status == 2);
  CHECK(c.out.find("EI_CLASS") != std::string::npos);

  c = nanodojo(elf("hello") + " --max-cycles 0");
  CHECK(c.status == 2);
  c = nanodojo(elf("hello") + " --hart-x 300");
  CHECK(c.status == 2);
  c = nanodojo(elf("hello") + " --region no_such_function");
  CHECK(c.status == 2);
  CHECK(c.out.find("key '--region'") != std::string::npos);
}
