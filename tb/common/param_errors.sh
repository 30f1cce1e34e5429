#!/usr/bin/env bash
# Elaboration-time parameter checks of the shared cells: a bad parameter must fail Verilator with the cell's
# own message (ND_STATIC_ASSERT), not elaborate or fail somewhere else.
#   tb/common/param_errors.sh <module> <Param=Value> <expected message>
set -uo pipefail
cd "$(dirname "$0")/../.."
module=$1 param=$2 want=$3
out=$(verilator --lint-only -Wall -Werror-USERERROR rtl/lint.vlt +incdir+rtl/common \
  "$(find rtl -name "$module.sv")" --top-module "$module" "-G$param" 2>&1)
status=$?
if [ $status -eq 0 ]; then
  echo "FAIL: $module with $param elaborated"
  exit 1
fi
if ! grep -q -- "%Error-USERERROR: .*$want" <<<"$out"; then
  echo "FAIL: $module with $param did not report '$want'; Verilator said:"
  echo "$out" | head -n 20
  exit 1
fi
echo "ok: $module with $param: $want"
