# Fuzzing (docs/verification.md "Fuzzing"): the libFuzzer harnesses of tb/fuzz/, one per loader of user files,
# built with clang, AddressSanitizer and UndefinedBehaviorSanitizer in their own build directory
# ($(BUILD_DIR)/fuzz/cmake), seeded from the repository's files and the ELFs of `make sw`. Not part of
# `make test` or `make bench` (the regression corpus tb/fuzz/corpus/ is: test_fuzz_regress).
#   make fuzz [FUZZ_SECONDS=60] [FUZZ_HARNESSES="elf fp_vectors"]
# Writes $(BUILD_DIR)/bench/fuzz.json (executions, exec/s, corpus, crashes per harness), its section of
# docs/benchmarks.md, crashing inputs to $(BUILD_DIR)/fuzz/crashes/<harness>/ and each run's log to
# $(BUILD_DIR)/fuzz/logs/; fails when a harness crashed. `make fuzz-check` replays the regression corpus and
# the seeds once through the harnesses.
.PHONY: fuzz fuzz-build fuzz-check
FUZZ_SECONDS ?= 60
FUZZ_HARNESSES ?=
FUZZ_DIR := $(BUILD_DIR)/fuzz
FUZZ_CMAKE_DIR := $(FUZZ_DIR)/cmake

fuzz-build: sw
	@scripts/setup.sh --fuzz --check 2>/dev/null || scripts/setup.sh --fuzz
	@[ -f $(FUZZ_CMAKE_DIR)/build.ninja ] || cmake -S . -B $(FUZZ_CMAKE_DIR) -G Ninja \
	  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14 \
	  -DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DND_FUZZ=ON >/dev/null
	cmake --build $(FUZZ_CMAKE_DIR) -j $(JOBS) --target fuzz

fuzz: fuzz-build ## libFuzzer on every loader of user files, FUZZ_SECONDS (60) each -> build/bench/fuzz.json
	@rc=0; $(PYTHON) scripts/fuzz.py --bin $(FUZZ_CMAKE_DIR)/bin --out $(FUZZ_DIR) --sw $(BUILD_DIR)/sw \
	  --seconds $(FUZZ_SECONDS) --json $(BUILD_DIR)/bench/fuzz.json $(FUZZ_HARNESSES) || rc=$$?; \
	$(PYTHON) scripts/bench_report.py --only fuzz.json $(BUILD_DIR)/bench docs/benchmarks.md; exit $$rc

fuzz-check: fuzz-build
	$(PYTHON) scripts/fuzz.py --check --bin $(FUZZ_CMAKE_DIR)/bin --out $(FUZZ_DIR) --sw $(BUILD_DIR)/sw \
	  $(FUZZ_HARNESSES)
