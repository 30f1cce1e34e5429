# NoC traffic benchmark (docs/noc-traffic.md): latency-versus-load sweeps of the 4x4 and 8x8 meshes,
# one per sim/configs/bench_*.yaml. Writes $(BUILD_DIR)/bench/noc.json (tables for docs/benchmarks.md)
# and, under $(BUILD_DIR)/bench/noc/, each sweep's CSV and JSON plus one plot of every curve.
BENCH_TARGETS += bench-noc
NOC_BENCH_CONFIGS := $(sort $(wildcard sim/configs/bench_*.yaml))
NOC_BENCH_DIR := $(BUILD_DIR)/bench/noc
# The loads at which BookSim2's simulation speed was measured (docs/noc.md "BookSim2 yardstick").
NOC_SPEED_RATES_4x4 := 0.1 0.3 0.6
NOC_SPEED_RATES_8x8 := 0.1 0.3

.PHONY: bench-noc
bench-noc: bench-build ## NoC sweeps (4x4, 8x8): zero-load latency, saturation, cycles/s -> build/bench/noc.json
	@mkdir -p $(NOC_BENCH_DIR)
	@set -e; for c in $(NOC_BENCH_CONFIGS); do n=$$(basename $$c .yaml); \
	  echo "bench-noc: $$n"; \
	  $(NANODOJO) sweep $$c --quiet --no-plot --csv $(NOC_BENCH_DIR)/$$n.csv --json $(NOC_BENCH_DIR)/$$n.json; \
	done
	@echo "bench-noc: bench_4x4_uniform_1flit on the checked model (speed beside the lean one)"
	@$(NANODOJO) sweep sim/configs/bench_4x4_uniform_1flit.yaml --checked --quiet --no-plot \
	  --csv $(NOC_BENCH_DIR)/checked.csv --json $(NOC_BENCH_DIR)/bench_4x4_uniform_1flit_checked.json
	@echo "bench-noc: simulation speed at BookSim's loads (sim/configs/speed_*.yaml, and with the default router; 3 runs each)"
	@rm -rf $(NOC_BENCH_DIR)/speed && mkdir -p $(NOC_BENCH_DIR)/speed
	@for k in 4x4 8x8; do sed -E 's/^build: [{](rows: [0-9]+, cols: [0-9]+),.*/build: {\1}/' \
	  sim/configs/speed_$${k}_uniform_1flit.yaml > $(NOC_BENCH_DIR)/speed/speed_$${k}_4vc.yaml; done
	@set -e; for i in 1 2 3; do \
	  for r in $(NOC_SPEED_RATES_4x4); do for m in lean checked; do \
	    $(NANODOJO) run sim/configs/speed_4x4_uniform_1flit.yaml --rate $$r $$([ $$m = checked ] && echo --checked) \
	      --json $(NOC_BENCH_DIR)/speed/4x4_$${m}_$${r}_$$i.json >/dev/null; done; \
	    $(NANODOJO) run $(NOC_BENCH_DIR)/speed/speed_4x4_4vc.yaml --rate $$r \
	      --json $(NOC_BENCH_DIR)/speed/4x4_4vc_lean_$${r}_$$i.json >/dev/null; done; \
	  for r in $(NOC_SPEED_RATES_8x8); do for c in sim/configs/speed_8x8_uniform_1flit.yaml:2 \
	      $(NOC_BENCH_DIR)/speed/speed_8x8_4vc.yaml:4; do \
	    $(NANODOJO) run $${c%:*} --rate $$r \
	      --json $(NOC_BENCH_DIR)/speed/8x8_$${c##*:}vc_lean_$${r}_$$i.json >/dev/null; done; done; \
	done
	$(PYTHON) scripts/plot_sweep.py -o $(NOC_BENCH_DIR)/sweeps.png --title "nanodojo mesh, 4 VCs x 6 flits, input speedup 2" \
	  $(foreach c,$(NOC_BENCH_CONFIGS),$(NOC_BENCH_DIR)/$(basename $(notdir $(c))).csv)
	$(PYTHON) scripts/noc_bench.py $(NOC_BENCH_DIR) $(BUILD_DIR)/bench/noc.json

# Router design-space study (docs/noc.md "Design-space study"): lean meshes of every router in each study file,
# built in $(BUILD_DIR)/dse, swept and synthesized point by point over $(JOBS) processes. Per study: the points
# in $(BUILD_DIR)/bench/<out>/, the merged $(BUILD_DIR)/bench/<out>.json, <out>/<out>.png, and its table in
# docs/noc.md. NOC_DSE_STUDIES="file:out ..." runs other studies.
NOC_DSE_STUDIES ?= sim/dse/router_study.yaml:noc_dse sim/dse/vc_policy_study.yaml:noc_dse_vc_policy \
  sim/dse/speedup_study.yaml:noc_dse_speedup
.PHONY: bench-noc-dse
bench-noc-dse: tools ## router design-space studies: throughput vs VCs/buffers/allocator/VC policy/speedup and area -> docs/noc.md
	@mkdir -p $(BUILD_DIR)/bench
	set -e; for s in $(NOC_DSE_STUDIES); do \
	  $(PYTHON) scripts/noc_dse.py --study $${s%%:*} --build-dir $(BUILD_DIR)/dse \
	    --out $(BUILD_DIR)/bench/$${s##*:} --jobs $(JOBS) --doc docs/noc.md; \
	done
