# Soak (docs/verification.md "Soak"; not part of `make test` or `make bench`): the mesh at offered load 1.0 until
# SOAK_FLITS flits are delivered and checked (every pattern, 4x4 checked and 8x8 lean, 1- and multi-flit
# packets), then random GEMM and DMA scenarios on the SOAK_TILE tile for SOAK_TILE_SECONDS (or
# SOAK_TILE_SCENARIOS scenarios). SOAK_SEED repeats a run (default: a random seed, printed); SOAK_JOBS mesh
# segments are simulated at once. Writes $(BUILD_DIR)/bench/soak.json and its section of docs/benchmarks.md.
SOAK_FLITS ?= 1e8
SOAK_TILE_SECONDS ?= 600
SOAK_TILE_SCENARIOS ?=
SOAK_TILE ?= 2x2
SOAK_SEED ?=
SOAK_JOBS ?= 1
.PHONY: soak

soak: build ## mesh at saturation until SOAK_FLITS (1e8) flits are checked, then tile scenarios -> build/bench/soak.json
	@mkdir -p $(BUILD_DIR)/bench
	$(NANODOJO) soak --flits $(SOAK_FLITS) --tile $(SOAK_TILE) --tile-seconds $(SOAK_TILE_SECONDS) \
	  --jobs $(SOAK_JOBS) $(if $(SOAK_TILE_SCENARIOS),--tile-scenarios $(SOAK_TILE_SCENARIOS)) \
	  $(if $(SOAK_SEED),--seed $(SOAK_SEED)) --json $(BUILD_DIR)/bench/soak.json
	$(PYTHON) scripts/bench_report.py $(BUILD_DIR)/bench docs/benchmarks.md
