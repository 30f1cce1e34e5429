# SystemVerilog packages in dependency order (one path per line, relative to the repository root).
# Every Verilator, lint and synthesis run reads these first, then finds modules through -y rtl/<block>.
rtl/noc/noc_pkg.sv
rtl/core/core_pkg.sv
rtl/fp/fp_pkg.sv
