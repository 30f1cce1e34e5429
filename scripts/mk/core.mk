# Core software and benchmark targets (docs/software.md).
.PHONY: sw bench-core

sw: tools configure ## cross-compile every program under sw/ into $(BUILD_DIR)/sw/*.elf
	cmake --build $(BUILD_DIR) -j $(JOBS) --target sw

BENCH_TARGETS += bench-core
bench-core: ## IPC and simulated cycles/s of the C programs on the core -> $(BUILD_DIR)/bench/core.json
	@mkdir -p $(BUILD_DIR)/bench
	$(PYTHON) scripts/bench_core.py --nanodojo $(NANODOJO) --sw $(BUILD_DIR)/sw \
	  --out $(BUILD_DIR)/bench/core.json
