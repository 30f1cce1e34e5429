// Human-readable report and JSON record of one mesh traffic run.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "traffic_config.hpp"
#include "traffic_stats.hpp"

namespace nd::traffic {

std::string format_report(const NocConfig& cfg, const RunResult& r, uint64_t seed);
// The run's configuration: config file, mesh build, pattern and packet lengths.
nlohmann::json config_json(const NocConfig& cfg);
nlohmann::json report_json(const NocConfig& cfg, const RunResult& r, uint64_t seed);

}  // namespace nd::traffic
