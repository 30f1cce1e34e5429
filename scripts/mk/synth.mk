# make synth: Yosys (slang frontend) synthesis of every block in scripts/synth/blocks.txt, osu018 mapping,
# OpenSTA on constraints/*.sdc, the table in docs/synthesis.md, then the netlist-vs-RTL check of every block
# not marked noeq.
#   make synth [BLOCKS="noc_router fp_fma"] [NETLIST_CYCLES=20000]
.PHONY: synth synth-eq synth-lib

SYNTH_DIR := $(BUILD_DIR)/synth
SYNTH_LIB := $(SYNTH_DIR)/tech/osu018_stdcells.lib
BLOCKS ?=
NETLIST_CYCLES ?= 20000
nd_empty :=
nd_space := $(nd_empty) $(nd_empty)

$(SYNTH_LIB):
	scripts/synth/liberty.sh $(SYNTH_DIR)/tech

synth-lib: $(SYNTH_LIB)

# Blocks marked noeq in the manifest (netlists too large to Verilate) have no netlist check.
SYNTH_NOEQ := $(shell sed 's/\#.*//' scripts/synth/blocks.txt | awk '{for (i = 3; i <= NF; i++) if ($$i == "noeq") print $$1}')
EQ_BLOCKS := $(filter-out $(SYNTH_NOEQ),$(BLOCKS))
SYNTH_EQ_RUN := $(if $(BLOCKS),$(EQ_BLOCKS),all)

synth: tools $(SYNTH_LIB) ## synthesize every block (Yosys, osu018, OpenSTA), table in docs/synthesis.md, netlist checks
	@rc=0; $(PYTHON) scripts/synth/run.py --out $(SYNTH_DIR) --jobs $(JOBS) \
	  $(if $(BLOCKS),,--doc docs/synthesis.md) $(BLOCKS) || rc=1; \
	$(if $(SYNTH_EQ_RUN),$(MAKE) --no-print-directory synth-eq || rc=1;) exit $$rc

synth-eq: tools ## netlist-vs-RTL simulation of every synthesized block (NETLIST_CYCLES random cycles)
	cmake -S . -B $(SYNTH_DIR)/eq -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER_LAUNCHER=ccache \
	  -DND_SYNTH_EQ="$(if $(EQ_BLOCKS),$(subst $(nd_space),;,$(strip $(EQ_BLOCKS))),all)" >/dev/null
	cmake --build $(SYNTH_DIR)/eq -j $(JOBS) --target test_synth
	ND_NETLIST_CYCLES=$(NETLIST_CYCLES) $(SYNTH_DIR)/eq/bin/test_synth
