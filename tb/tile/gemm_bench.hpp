// The GEMM tables of bench_tile (tb/tile/gemm_bench.cpp).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace nd::tile {

// Runs the GEMM benchmark on the KLanes 4 tiles of this build (skipping those not built) and returns its
// tables in the bench JSON format (scripts/bench_report.py). Throws nd::SimError when a run fails its check.
nlohmann::json gemm_tables(const std::string& elf, const std::string& ninja_log);

}  // namespace nd::tile
