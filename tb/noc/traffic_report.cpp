#include "traffic_report.hpp"

#include <cstdarg>
#include <cstdio>

namespace nd::traffic {

namespace {
std::string fmt(const char* f, ...) __attribute__((format(printf, 1, 2)));
std::string fmt(const char* f, ...) {
  char buf[512];
  va_list ap;
  va_start(ap, f);
  std::vsnprintf(buf, sizeof buf, f, ap);
  va_end(ap);
  return buf;
}

std::string traffic_line(const NocConfig& cfg, double rate, uint64_t seed) {
  const RunSpec& r = cfg.run;
  std::string s =
      fmt("%s, offered %.3f flits/node/cycle, packet length %s (mean %.2f flits), %.0f%% response class",
          pattern_name(r.pattern.pattern), rate, r.lengths.describe().c_str(), r.lengths.mean(),
          100.0 * r.response_fraction);
  if (r.pattern.pattern == Pattern::Hotspot)
    s += fmt(", %.0f%% to hotspots", 100.0 * r.pattern.hotspot_fraction);
  return s + fmt(", seed %llu", static_cast<unsigned long long>(seed));
}
}  // namespace

std::string format_report(const NocConfig& cfg, const RunResult& r, uint64_t seed) {
  std::string s;
  s += "nanodojo mesh traffic run (" + cfg.file + ")\n";
  s += "  mesh       " + noc::to_string(cfg.build) + ", XY routing\n";
  s += "  traffic    " + traffic_line(cfg, r.rate, seed) + "\n";
  s += fmt("  phases     warm-up %llu, measurement %llu, drain %llu of at most %llu cycles%s\n",
           (unsigned long long)r.warmup, (unsigned long long)r.measure, (unsigned long long)r.drain_cycles,
           (unsigned long long)cfg.run.drain, r.drained ? "" : " (NOT drained: network saturated)");
  s += fmt("  load       offered %.4f, accepted %.4f flits/node/cycle (measurement window)\n", r.offered(),
           r.accepted());
  s += fmt(
      "  latency    packet (creation to tail): avg %.2f  p50 %llu  p99 %llu  max %llu cycles  (%zu "
      "packets)\n",
      r.latency.mean(), (unsigned long long)r.latency.percentile(0.5),
      (unsigned long long)r.latency.percentile(0.99), (unsigned long long)r.latency.max(), r.latency.count());
  s += fmt("             network (head injection to tail): avg %.2f  p50 %llu  p99 %llu  max %llu cycles\n",
           r.net_latency.mean(), (unsigned long long)r.net_latency.percentile(0.5),
           (unsigned long long)r.net_latency.percentile(0.99), (unsigned long long)r.net_latency.max());
  s += fmt("             average hops %.2f\n", r.avg_hops());
  if (const LinkStat* m = r.link_max()) {
    s += fmt("  links      %zu router-to-router links: utilization avg %.3f, max %.3f (node %d port %s)\n",
             r.links.size(), r.link_avg(), m->util, m->node, port_name(m->port));
  }
  double ej = 0;
  for (const auto& e : r.ejects) ej += e.util;
  if (!r.ejects.empty())
    s += fmt("             ejection ports: utilization avg %.3f\n", ej / r.ejects.size());
  s += fmt(
      "  counters   measurement window, all ports: credit-stall cycles %llu, allocation-stall cycles %llu\n",
      (unsigned long long)r.credit_stalls, (unsigned long long)r.alloc_stalls);
  if (r.order_checked)
    s += fmt("  scoreboard %llu packets, %llu flits delivered exactly once, in order, payload intact\n",
             (unsigned long long)r.packets_delivered, (unsigned long long)r.flits_delivered);
  else
    s += fmt(
        "  scoreboard %llu packets, %llu flits delivered exactly once, payload intact; %llu packets overtook "
        "an earlier one of their stream (a class with several VCs)\n",
        (unsigned long long)r.packets_delivered, (unsigned long long)r.flits_delivered,
        (unsigned long long)r.reordered_packets);
  if (r.borrowed_packets)
    s += fmt("             %llu packets arrived on a VC of the other message class (VC policy)\n",
             (unsigned long long)r.borrowed_packets);
  s += fmt("  simulated  %llu cycles in %.2f s: %.0f cycles/s (%.0f per CPU second)\n",
           (unsigned long long)r.cycles, r.wall_seconds, r.cycles_per_second(), r.cycles_per_cpu_second());
  return s;
}

nlohmann::json config_json(const NocConfig& cfg) {
  const MeshShape& b = cfg.build;
  return nlohmann::json{{"config", cfg.file},
                        {"mesh",
                         {{"rows", b.rows},
                          {"cols", b.cols},
                          {"vcs", b.num_vcs},
                          {"buf_depth", b.buf_depth},
                          {"alloc_iters", b.alloc_iters},
                          {"vc_policy", noc::vc_policy_name(b.vc_policy)},
                          {"in_speedup", b.in_speedup},
                          {"flit_width", b.flit_width}}},
                        {"pattern", pattern_name(cfg.run.pattern.pattern)},
                        {"lengths", cfg.run.lengths.describe()},
                        {"mean_length", cfg.run.lengths.mean()}};
}

nlohmann::json report_json(const NocConfig& cfg, const RunResult& r, uint64_t seed) {
  using nlohmann::json;
  json links = json::array();
  for (const auto& l : r.links)
    links.push_back({{"node", l.node}, {"port", port_name(l.port)}, {"flits", l.flits}, {"util", l.util}});
  json lat = {{"avg", r.latency.mean()},
              {"p50", r.latency.percentile(0.5)},
              {"p99", r.latency.percentile(0.99)},
              {"max", r.latency.max()},
              {"packets", r.latency.count()}};
  json net = {{"avg", r.net_latency.mean()},
              {"p50", r.net_latency.percentile(0.5)},
              {"p99", r.net_latency.percentile(0.99)},
              {"max", r.net_latency.max()}};
  json j = config_json(cfg);
  j.update(json{{"seed", seed},
                {"rate", r.rate},
                {"warmup", r.warmup},
                {"measure", r.measure},
                {"drain_cycles", r.drain_cycles},
                {"drained", r.drained},
                {"offered", r.offered()},
                {"accepted", r.accepted()},
                {"latency", lat},
                {"network_latency", net},
                {"avg_hops", r.avg_hops()},
                {"link_util_avg", r.link_avg()},
                {"links", links},
                {"credit_stalls", r.credit_stalls},
                {"alloc_stalls", r.alloc_stalls},
                {"packets_delivered", r.packets_delivered},
                {"flits_delivered", r.flits_delivered},
                {"reordered_packets", r.reordered_packets},
                {"borrowed_packets", r.borrowed_packets},
                {"cycles", r.cycles},
                {"wall_seconds", r.wall_seconds},
                {"cycles_per_second", r.cycles_per_second()},
                {"cpu_seconds", r.cpu_seconds},
                {"cycles_per_cpu_second", r.cycles_per_cpu_second()}});
  return j;
}

}  // namespace nd::traffic
