# Core software targets (docs/software.md).
.PHONY: sw

sw: tools configure ## cross-compile every program under sw/ into $(BUILD_DIR)/sw/*.elf
	cmake --build $(BUILD_DIR) -j $(JOBS) --target sw
