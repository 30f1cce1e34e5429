# relaxed: a clock the 180 nm osu018 library meets for every block as this flow synthesizes it (no placement,
# unbuffered flop fan-out; the purely combinational nd_fp_fma with 40 % of the cycle spent in I/O budgets):
# 20 MHz (50 ns), see docs/synthesis.md.
set period 50.0
create_clock -name clk -period $period [get_ports clk_i]
set_clock_uncertainty 0.0 [get_clocks clk]

# Inputs arrive and outputs leave through registers in the neighbouring block: allow 20% of the cycle on
# each side of the boundary for the wire and the other block's clock-to-q / setup.
set io_delay [expr {0.2 * $period}]
set_input_delay $io_delay -clock clk [delete_from_list [all_inputs] [get_ports {clk_i rst_ni}]]
set_output_delay $io_delay -clock clk [all_outputs]

# The asynchronous reset is not timed against the clock (it is released synchronously at the top level).
set_false_path -from [get_ports rst_ni]

# Inputs driven by a mid-size buffer, outputs loaded by a few gate inputs.
set_driving_cell -lib_cell BUFX2 -pin Y [delete_from_list [all_inputs] [get_ports clk_i]]
set_load 0.02 [all_outputs]
