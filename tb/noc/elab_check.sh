#!/usr/bin/env bash
# Router parameters outside the supported range are refused at elaboration (ND_STATIC_ASSERT in
# nd_noc_router / nd_noc_mesh): verilator exits non-zero and prints the check's message. The supported
# edges elaborate lint-clean. Run from the repository root (ctest does).
set -uo pipefail
cd "$(dirname "$0")/../.."
mapfile -t pkgs < <(grep -v '^#' rtl/pkgs.f | sed '/^\s*$/d')
search=(+incdir+rtl/common)
for d in rtl/*/; do search+=(-y "${d%/}"); done
fails=0

lint() {  # lint <-G args...>: verilator's exit status, output in $out
  out=$(verilator --lint-only -Wall --assert rtl/lint.vlt "${search[@]}" "${pkgs[@]}" rtl/noc/nd_noc_mesh.sv \
          --top-module nd_noc_mesh "$@" 2>&1)
}

refused() {  # refused "<expected message>" <-G args...>
  local msg=$1
  shift
  if lint "$@"; then
    echo "FAIL: $* elaborated; expected '$msg'"
    fails=$((fails + 1))
  elif ! grep -qF -- "$msg" <<<"$out"; then
    echo "FAIL: $* failed without '$msg':"
    echo "$out" | head -n 5
    fails=$((fails + 1))
  else
    echo "ok: $* refused: $msg"
  fi
}

accepted() {  # accepted <-G args...>
  if lint "$@"; then
    echo "ok: $* elaborates lint-clean"
  else
    echo "FAIL: $* should elaborate:"
    echo "$out" | head -n 5
    fails=$((fails + 1))
  fi
}

refused "NumVcs must be 2 or 4" -GNumVcs=1
refused "NumVcs must be 2 or 4" -GNumVcs=3
refused "NumVcs must be 2 or 4" -GNumVcs=8
refused "BufDepth must be 2..16" -GBufDepth=1
refused "BufDepth must be 2..16" -GBufDepth=17
refused "FlitWidth must hold the 32-bit route header" -GFlitWidth=16
refused "nd_noc_mesh: Rows must be 1..16" -GRows=17
refused "nd_noc_mesh: Cols must be 1..16" -GCols=17
refused "nd_noc_mesh: Rows must be 1..16" -GRows=0
accepted -GNumVcs=4
accepted -GBufDepth=2
accepted -GBufDepth=3
accepted -GBufDepth=16
accepted -GRows=16 -GCols=1
accepted -GRows=1 -GCols=16

if [ "$fails" -ne 0 ]; then
  echo "elab_check: $fails case(s) failed"
  exit 1
fi
echo "elab_check: every case as expected"
