#!/usr/bin/env bash
# Elaboration-time parameter checks (ND_STATIC_ASSERT): lints TOP with the given -G values as scripts/lint.sh
# does and compares the outcome with what is expected.
#   scripts/elab_check.sh TOP ok [-GParam=Value ...]          must elaborate lint-clean
#   scripts/elab_check.sh TOP MESSAGE [-GParam=Value ...]     must fail with MESSAGE in a %Error-USERERROR line
# Used by the ctests that nd_elab_check() (cmake/tests.cmake) declares.
set -uo pipefail
cd "$(dirname "$0")/.."
top=$1 want=$2
shift 2
mapfile -t pkgs < <(grep -v '^#' rtl/pkgs.f | sed '/^\s*$/d')
search=(+incdir+rtl/common)
for d in rtl/*/; do search+=(-y "${d%/}"); done
out=$(verilator --lint-only -Wall -Werror-USERERROR --assert rtl/lint.vlt "${search[@]}" "${pkgs[@]}" "$(find rtl -name "$top.sv")" \
  --top-module "$top" "$@" 2>&1)
status=$?
if [ "$want" = ok ]; then
  if [ $status -ne 0 ]; then
    echo "FAIL: $top $* should elaborate lint-clean; Verilator said:"
    echo "$out" | head -n 20
    exit 1
  fi
  echo "ok: $top $* elaborates lint-clean"
elif [ $status -eq 0 ]; then
  echo "FAIL: $top $* elaborated; expected '$want'"
  exit 1
elif ! grep -qF -- "$want" <<<"$(grep -- '%Error-USERERROR' <<<"$out")"; then
  echo "FAIL: $top $* did not report '$want'; Verilator said:"
  echo "$out" | head -n 20
  exit 1
else
  echo "ok: $top $* refused: $want"
fi
