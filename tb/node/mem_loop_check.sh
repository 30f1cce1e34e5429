#!/usr/bin/env bash
# Lints nd_core and nd_node_mem wired together (tb/node/nd_node_mem_core_check.sv) with Verilator -Wall and
# fails on a combinational loop (UNOPTFLAT) or an error: the core's instruction request depends on its data
# grant, so the memory's data grant must not depend on the instruction request.
set -uo pipefail
cd "$(dirname "$0")/../.."
mapfile -t pkgs < <(grep -v '^#' rtl/pkgs.f | sed '/^\s*$/d')
search=(+incdir+rtl/common)
for d in rtl/*/; do search+=(-y "${d%/}"); done
out=$(verilator --lint-only -Wall -Wno-PINCONNECTEMPTY -Wno-UNUSEDSIGNAL --assert rtl/lint.vlt "${search[@]}" "${pkgs[@]}" \
  tb/node/nd_node_mem_core_check.sv --top-module nd_node_mem_core_check 2>&1)
bad=$(grep -e UNOPTFLAT -e '%Error' <<<"$out" | grep -v 'Exiting due to')
if [ -n "$bad" ]; then
  echo "FAIL: core + nd_node_mem:"
  head -n 20 <<<"$bad"
  exit 1
fi
echo "ok: core + nd_node_mem have no combinational loop"
