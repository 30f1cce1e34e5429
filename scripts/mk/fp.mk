# Numerics (docs/numerics.md): the long FMA verification run and the FP throughput benchmark.
.PHONY: verify-fp bench-fp
BENCH_TARGETS += bench-fp
FP_SEED ?= 1
FP_BENCH_CASES ?= 1000000

verify-fp: tools configure ## FMA RTL == model == std::fma on 10^7 random triples per variant (FP_SEED=N)
	cmake --build $(BUILD_DIR) -j $(JOBS) --target test_fp
	$(BUILD_DIR)/bin/test_fp --seed $(FP_SEED) --durations yes "[fma]"

bench-fp: tools configure ## throughput of the FP units and golden model -> $(BUILD_DIR)/bench/fp.json
	cmake --build $(BUILD_DIR) -j $(JOBS) --target bench_fp
	@mkdir -p $(BUILD_DIR)/bench
	$(BUILD_DIR)/bin/bench_fp $(BUILD_DIR)/bench/fp.json $(FP_BENCH_CASES)
