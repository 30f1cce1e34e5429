# Matrix unit (docs/mxu.md): MAC utilization and simulation speed -> $(BUILD_DIR)/bench/mxu.json.
.PHONY: bench-mxu
BENCH_TARGETS += bench-mxu

bench-mxu: tools configure ## MXU MAC utilization (K = 64, 256, 1024), sim cycles/s, build time -> build/bench/mxu.json
	cmake --build $(BUILD_DIR) -j $(JOBS) --target bench_mxu
	@mkdir -p $(BUILD_DIR)/bench
	$(BUILD_DIR)/bin/bench_mxu $(BUILD_DIR)/bench/mxu.json --ninja-log $(BUILD_DIR)/.ninja_log \
	  --elf $(BUILD_DIR)/sw/mxu_gemm.elf
