# Tile (docs/node.md, docs/kernels.md): DMA bandwidth and latency, GEMM MXU utilization on the KLanes 4 tiles,
# simulation speed -> $(BUILD_DIR)/bench/tile.json. The KLanes 4 tile models are built here and by `make demo`
# (ND_TILE_K4, ND_TILE_K4_BENCH), not by `make test`.
.PHONY: bench-tile tile-k4 tile-k4-bench
BENCH_TARGETS += bench-tile

tile-k4: tools configure
	cmake -S . -B $(BUILD_DIR) -DND_TILE_K4=ON >/dev/null

tile-k4-bench: tools configure
	cmake -S . -B $(BUILD_DIR) -DND_TILE_K4=ON -DND_TILE_K4_BENCH=ON >/dev/null

bench-tile: tile-k4-bench ## tile DMA bandwidth / latency, GEMM MXU utilization, sim cycles/s -> build/bench/tile.json
	cmake --build $(BUILD_DIR) -j $(JOBS) --target bench_tile
	@mkdir -p $(BUILD_DIR)/bench
	$(BUILD_DIR)/bin/bench_tile $(BUILD_DIR)/bench/tile.json --elf $(BUILD_DIR)/sw/tile_dma_bench.elf \
	  --gemm-elf $(BUILD_DIR)/sw/gemm.elf --ninja-log $(BUILD_DIR)/.ninja_log
