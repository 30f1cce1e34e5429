// Plots latency versus offered load from sweep CSV files with scripts/plot_sweep.py (matplotlib).
#pragma once

#include <string>
#include <vector>

namespace nd::noc {

// Runs `python3 scripts/plot_sweep.py -o png --title title csv...`; returns the script's exit status
// (0 = written). The interpreter is $ND_PYTHON, else /usr/bin/python3 (the one with matplotlib).
int plot_sweep(const std::vector<std::string>& csvs, const std::string& png, const std::string& title);

}  // namespace nd::noc
