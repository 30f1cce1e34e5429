#!/usr/bin/env bash
# Lints every RTL module as its own top with default parameters: verilator --lint-only -Wall --assert,
# waivers only from rtl/lint.vlt. Prints one line per failing module and a summary; exit 1 on any warning.
#   scripts/lint.sh [module ...]     (default: every module under rtl/)
set -uo pipefail
cd "$(dirname "$0")/.."

mapfile -t pkgs < <(grep -v '^#' rtl/pkgs.f | sed '/^\s*$/d')
search=(+incdir+rtl/common)
for d in rtl/*/; do search+=(-y "${d%/}"); done

if [ $# -gt 0 ]; then
  modules=("$@")
else
  # Every .sv file that is not a package defines the module of the same name.
  mapfile -t all < <(find rtl -name '*.sv' ! -name '*_pkg.sv' -printf '%f\n' | sed 's/\.sv$//' | sort)
  # Tops of the hierarchy (instantiated by no other module) first: they elaborate everything below them and
  # take longest (nd_tile about two thirds of the whole lint), so starting them first keeps both cores busy
  # to the end.
  tops=() rest=()
  for m in "${all[@]}"; do
    if grep -rqE "^\s*$m\b" rtl --include='*.sv' --exclude="$m.sv"; then rest+=("$m"); else tops+=("$m"); fi
  done
  modules=("${tops[@]}" "${rest[@]}")
fi

logdir=$(mktemp -d)
trap 'rm -rf "$logdir"' EXIT
lint_one() {
  # -y only finds modules that are instantiated: name the top's own file, after the packages.
  verilator --lint-only -Wall --assert rtl/lint.vlt "${search[@]}" "${pkgs[@]}" $(find rtl -name "$1.sv") \
    --top-module "$1" \
    >"$logdir/$1.log" 2>&1 || echo "$1" >>"$logdir/failed"
}
jobs_max=$(nproc)
for m in "${modules[@]}"; do
  lint_one "$m" &
  while [ "$(jobs -rp | wc -l)" -ge "$jobs_max" ]; do wait -n; done
done
wait

if [ -f "$logdir/failed" ]; then
  while read -r m; do
    echo "lint: $m:"
    grep -E '%(Warning|Error)' "$logdir/$m.log" | head -n 20 | sed 's/^/  /'
  done < <(sort "$logdir/failed")
  echo "lint: $(wc -l <"$logdir/failed") of ${#modules[@]} modules have warnings or errors"
  exit 1
fi
echo "lint: ${#modules[@]} modules clean (verilator --lint-only -Wall)"
