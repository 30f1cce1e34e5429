# make waves TEST='<catch2 test case name>': re-run one test with waves on, write a GTKWave session (.gtkw)
# grouping the signals people look at first, open GTKWave (or print the command without a display).
#   optional: WAVES_FROM=C WAVES_TO=C WAVES_DEPTH=D WAVES_SCOPE=TOP.x.y SEED=N
.PHONY: waves
TEST ?=
WAVES_FROM ?=
WAVES_TO ?=
WAVES_DEPTH ?=
WAVES_SCOPE ?=
SEED ?=

waves: build ## re-run TEST='<test name>' with waves and open them in GTKWave with a generated session
	@$(PYTHON) scripts/gtkw_run.py --build $(BUILD_DIR) --from "$(WAVES_FROM)" --to "$(WAVES_TO)" \
	  --depth "$(WAVES_DEPTH)" --scope "$(WAVES_SCOPE)" --seed "$(SEED)" -- "$(TEST)"
