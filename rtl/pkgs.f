# SystemVerilog packages in dependency order (one path per line, relative to the repository root).
# Every Verilator, lint and synthesis run reads these first, then finds modules through -y rtl/<block>.
rtl/noc/nd_noc_pkg.sv
rtl/core/nd_core_pkg.sv
rtl/fp/nd_fp_pkg.sv
rtl/node/nd_node_pkg.sv
