# Tile (docs/node.md): DMA bandwidth and latency, simulation speed -> $(BUILD_DIR)/bench/tile.json.
.PHONY: bench-tile
BENCH_TARGETS += bench-tile

bench-tile: tools configure ## tile DMA bandwidth / latency, sim cycles/s, build time -> build/bench/tile.json
	cmake --build $(BUILD_DIR) -j $(JOBS) --target bench_tile
	@mkdir -p $(BUILD_DIR)/bench
	$(BUILD_DIR)/bin/bench_tile $(BUILD_DIR)/bench/tile.json --elf $(BUILD_DIR)/sw/tile_dma_bench.elf \
	  --ninja-log $(BUILD_DIR)/.ninja_log
