#include "waves.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <iostream>
#include <sstream>

#include "errors.hpp"

namespace nd {

bool wants_vcd(const std::string& path) {
  return path.size() > 4 && path.compare(path.size() - 4, 4, ".vcd") == 0;
}

uint64_t& last_cycle() {
  static uint64_t cycle = 0;
  return cycle;
}

void fst_to_vcd(const std::string& fst, const std::string& vcd) {
  const pid_t pid = fork();
  if (pid < 0) throw SimError(0, vcd + ": cannot start fst2vcd");
  if (pid == 0) {
    execlp("fst2vcd", "fst2vcd", "-f", fst.c_str(), "-o", vcd.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    throw SimError(0, vcd + ": fst2vcd failed (exit " +
                          std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : -1) +
                          "; GTKWave's fst2vcd converts the FST models write into VCD)");
  }
}

void WaveFile::apply_filters(VerilatedFstC& fst, const WaveOptions& w) {
  if (w.scope.empty()) {
    // "TOP <signal>" are the model's ports, "TOP <top module> <signal>" the top module: depth d = d + 1.
    if (w.depth > 0) fst.dumpvars(w.depth + 1, "TOP");
    return;
  }
  std::stringstream ss(w.scope);
  std::string item;
  while (std::getline(ss, item, ',')) {
    if (item.empty()) continue;
    if (item != "TOP" && item.rfind("TOP.", 0) != 0) item = "TOP." + item;
    fst.dumpvars(w.depth > 0 ? w.depth : 1 << 20, item);
  }
}

void WaveFile::open() {
  const std::filesystem::path p(waves_.path);
  if (p.has_parent_path()) std::filesystem::create_directories(p.parent_path());
  fst_path_ = wants_vcd(waves_.path) ? waves_.path + ".fst" : waves_.path;
  fst_->open(fst_path_.c_str());
  if (!fst_->isOpen()) throw InputError(waves_.path, 0, "", "cannot open the wave file for writing");
}

void WaveFile::close() {
  if (closed_) return;
  closed_ = true;
  fst_->close();
  if (fst_path_ != waves_.path) {
    fst_to_vcd(fst_path_, waves_.path);
    std::filesystem::remove(fst_path_);
  }
}

WaveFile::~WaveFile() {
  try {
    close();
  } catch (const std::exception& e) {
    std::cerr << "waves: " << e.what() << "\n";
  }
}

}  // namespace nd
