# d1: the D1 node clock, 2 GHz (0.5 ns). Used by `make synth` as ABC's delay target and as the first OpenSTA
# corner. The cell library is osu018 (180 nm), which cannot meet this clock: the slack reported here says how
# far the logic depth is from the target, see docs/synthesis.md for the scaled estimate.
set period 0.5
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
