# nanodojo: `make help` lists the targets. Everything generated goes under $(BUILD_DIR) (default build/).
#
# Tools are installed on demand: every target that needs them runs scripts/setup.sh first (as root it
# installs what is missing from Debian packages; otherwise it prints the command to run).

SHELL := /bin/bash
# SANITIZE=address,undefined: every C++ target and Verilated model built with -fsanitize=... (cmake/sanitize.cmake),
# in its own build directory (build-asan unless BUILD_DIR is given); SANITIZE_MODELS=0 leaves the Verilated
# models' generated C++ uninstrumented (fast to build: ccache serves them).
SANITIZE ?=
SANITIZE_MODELS ?= 1
BUILD_DIR ?= $(if $(SANITIZE),build-asan,build)
JOBS ?= $(shell nproc)
PYTHON ?= /usr/bin/python3
NANODOJO := $(BUILD_DIR)/bin/nanodojo
CTEST_ARGS ?=
# ccache hashes paths relative to the checkout, so a fresh clone elsewhere (CI) reuses earlier compiles.
export CCACHE_BASEDIR ?= $(CURDIR)

# Targets added by scripts/mk/*.mk (one fragment per block).
BENCH_TARGETS :=

.DEFAULT_GOAL := help
.PHONY: help setup tools configure build bench-build demo test test-random bench lint format clean

help: ## list the targets
	@echo "nanodojo make targets (variables: BUILD_DIR=$(BUILD_DIR) JOBS=$(JOBS)):"
	@grep -hE '^[a-zA-Z0-9_-]+:.*## ' $(MAKEFILE_LIST) | \
	  sed -E 's/^([a-zA-Z0-9_-]+):.*## (.*)/\1\t\2/' | awk -F'\t' '{printf "  make %-12s %s\n", $$1, $$2}'

setup: ## install every tool the project needs (Debian packages; needs root)
	@scripts/setup.sh

tools:
	@scripts/setup.sh --check 2>/dev/null || scripts/setup.sh

$(BUILD_DIR)/build.ninja: | tools
	cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER_LAUNCHER=ccache \
	  $(if $(SANITIZE),-DND_SANITIZE=$(SANITIZE) -DND_SANITIZE_MODELS=$(if $(filter 0,$(SANITIZE_MODELS)),OFF,ON))

configure: $(BUILD_DIR)/build.ninja

build: tools configure ## build the Verilated models, tests and the nanodojo program
	cmake --build $(BUILD_DIR) -j $(JOBS)

demo: tile-k4 ## GEMMs on the 2x2 tile (KLanes 4) checked against the golden model: the built-in scenario
	cmake --build $(BUILD_DIR) -j $(JOBS) --target nanodojo
	$(NANODOJO) run

# ctest over every test, then the closing line "N passed, N failed" (scripts/test_summary.py).
RUN_TESTS = rc=0; ctest --test-dir $(BUILD_DIR) -j $(JOBS) --output-on-failure --output-junit junit.xml \
	  $(CTEST_ARGS) || rc=$$?; \
	$(PYTHON) scripts/test_summary.py $(BUILD_DIR)/junit.xml || rc=1; exit $$rc

test: build ## lint the RTL and run every test (seed 1, or ND_SEED=N); ends with "N passed, N failed"
	@$(RUN_TESTS)

test-random: build ## every test with a new random seed per test binary run (printed; soak runs)
	@export ND_SEED=random; $(RUN_TESTS)

bench-build: build
	@mkdir -p $(BUILD_DIR)/bench

bench: bench-build ## run the benchmarks: JSON under build/bench/, table in docs/benchmarks.md
	@$(MAKE) --no-print-directory $(BENCH_TARGETS)
	$(PYTHON) scripts/bench_report.py $(BUILD_DIR)/bench docs/benchmarks.md

lint: tools ## verilator --lint-only -Wall on every RTL module, clang-format check of the C++
	@scripts/lint.sh
	@scripts/format.sh --check

format: tools ## reformat the C++ with clang-format
	@scripts/format.sh

clean: ## remove the build directory
	rm -rf $(BUILD_DIR)

include $(sort $(wildcard scripts/mk/*.mk))
