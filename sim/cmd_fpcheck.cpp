// nanodojo fpcheck --op OP FILE: replays a Berkeley TestFloat vector file through the RTL FP units and
// prints "N passed, N failed". Exit status 0 when every case matched, 1 on a mismatch, 2 on bad input.
#include <iostream>
#include <memory>
#include <string>

#include "command.hpp"
#include "fp_vectors.hpp"

namespace {

struct FpcheckOptions {
  std::string op;
  std::string file;
  bool check_nans = false;
};

int run_fpcheck(const FpcheckOptions& o) {
  const nd::fp::VectorOp op = nd::fp::parse_vector_op(o.op);
  const nd::fp::VectorReport rep = nd::fp::replay_vector_file(o.file, op, o.check_nans);
  for (const std::string& f : rep.failures) std::cout << "mismatch: " << f << "\n";
  if (rep.failed > static_cast<long>(rep.failures.size())) {
    std::cout << "(" << rep.failed - static_cast<long>(rep.failures.size())
              << " more mismatches not shown)\n";
  }
  std::cout << "fpcheck: " << o.op << " vectors from " << o.file << " through the RTL\n";
  std::cout << rep.passed << " passed, " << rep.failed << " failed\n";
  return rep.failed == 0 ? 0 : 1;
}

const bool registered = nd::register_command([](CLI::App& app) {
  auto opts = std::make_shared<FpcheckOptions>();
  CLI::App* sub = app.add_subcommand(
      "fpcheck", "replay a TestFloat vector file (hex operands, result, flags per line) through the RTL");
  sub->add_option("--op", opts->op, "operation: " + nd::fp::vector_op_names())->required();
  sub->add_option("file", opts->file, "vector file")->required();
  sub->add_flag("--check-nans", opts->check_nans,
                "compare NaN results bit for bit (default: any NaN matches)");
  return nd::Command{sub, [opts] { return run_fpcheck(*opts); }};
});

}  // namespace
