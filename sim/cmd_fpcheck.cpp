// nanodojo fpcheck --op OP FILE: replays a vector file (Berkeley TestFloat's format: hex operands,
// result, flags per line) through the RTL FP units and prints "N passed, N failed". The CFP8 conversions
// take --layout and --bias; the narrowing conversions take --rounding rne|stochastic, and stochastic
// rounding takes --seed (the generator's stream over the file's cases). Exit status 0 when every case
// matched, 1 on a mismatch, 2 on bad input. The format is in tb/fp/fp_vectors.hpp and docs/numerics.md.
#include <iostream>
#include <memory>
#include <string>

#include "command.hpp"
#include "fp_vectors.hpp"

namespace {

struct FpcheckOptions {
  std::string op;
  std::string file;
  uint64_t seed = 1;
  nd::fp::VectorOptions vec;
  CLI::App* sub = nullptr;
};

int run_fpcheck(FpcheckOptions& o) {
  const nd::fp::VectorOp op = nd::fp::parse_vector_op(o.op);
  o.vec.seed = static_cast<uint32_t>(o.seed);
  o.vec.seed_given = o.sub->count("--seed") > 0;
  o.vec.bias_given = o.sub->count("--bias") > 0;
  const nd::fp::VectorReport rep = nd::fp::replay_vector_file(o.file, op, o.vec);
  for (const std::string& f : rep.failures) std::cout << "mismatch: " << f << "\n";
  if (rep.failed > static_cast<long>(rep.failures.size())) {
    std::cout << "(" << rep.failed - static_cast<long>(rep.failures.size())
              << " more mismatches not shown)\n";
  }
  const std::string what = nd::fp::describe_vector_options(op, o.vec);
  std::cout << "fpcheck: " << o.op << (what.empty() ? "" : " (" + what + ")") << " vectors from " << o.file
            << " through the RTL\n";
  std::cout << rep.passed << " passed, " << rep.failed << " failed\n";
  return rep.failed == 0 ? 0 : 1;
}

const bool registered = nd::register_command([](CLI::App& app) {
  auto opts = std::make_shared<FpcheckOptions>();
  CLI::App* sub = app.add_subcommand(
      "fpcheck",
      "replay a vector file (hex operands, result, flags per line; TestFloat's format) through the RTL");
  opts->sub = sub;
  sub->add_option("--op", opts->op, "operation: " + nd::fp::vector_op_names())->required();
  sub->add_option("file", opts->file, "vector file")->required();
  sub->add_flag("--check-nans", opts->vec.check_nans,
                "compare NaN results bit for bit (default: any NaN matches)");
  sub->add_option("--layout", opts->vec.layout, "CFP8 operations: layout 1.4.3 or 1.5.2");
  sub->add_option("--bias", opts->vec.bias, "CFP8 operations: exponent bias 0..63");
  sub->add_option("--rounding", opts->vec.rounding,
                  "narrowing conversions: rne (default) or stochastic (one generator stream over the file)");
  nd::add_seed_option(sub, opts->seed, "stochastic rounding: generator seed, 0..2^32-1 (default 1)",
                      UINT32_MAX);
  return nd::Command{sub, [opts] { return run_fpcheck(*opts); }};
});

}  // namespace
