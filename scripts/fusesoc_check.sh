#!/usr/bin/env bash
# Runs FuseSoC targets of nanodojo's cores (rtl/**/*.core, docs/fusesoc.md) so the core files (file lists,
# order, dependencies, waivers, tool options) cannot rot: by default every lint target (verilator
# --lint-only -Wall --assert through edalize). Offline: the cores come from rtl/ only, with an empty FuseSoC
# configuration (no user libraries).
#   scripts/fusesoc_check.sh BUILD_ROOT [--targets PREFIX] [CORE ...]
#     CORE     e.g. nanodojo:ip:noc (default: every core)
#     PREFIX   run the targets whose names start with it (default: lint; "verilator" builds the models)
# Targets run with the parameters scripts/fusesoc_check.params gives them (smaller configurations of the
# large blocks: scripts/lint.sh already lints every module with its default parameters). Prints one line per
# target; exit 1 when any fails, with the errors from its log.
set -uo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
[ $# -ge 1 ] || { echo "usage: $0 BUILD_ROOT [--targets PREFIX] [CORE ...]" >&2; exit 2; }
root=$(mkdir -p "$1" && cd "$1" && pwd)
shift
prefix=lint
if [ "${1:-}" = "--targets" ]; then prefix=$2; shift 2; fi
fusesoc=${FUSESOC:-${NANODOJO_VENV:-/opt/nanodojo/venv}/bin/fusesoc}
[ -x "$fusesoc" ] || { echo "fusesoc_check: $fusesoc not found (scripts/setup.sh installs it)" >&2; exit 1; }

declare -A core_file
while read -r f; do
  name=$(sed -n 's/^name: *\([^ ]*\)/\1/p' "$f")
  core_file[${name%:*}]=$f
done < <(find "$repo/rtl" -name '*.core' | sort)
if [ $# -gt 0 ]; then cores=("$@"); else mapfile -t cores < <(printf '%s\n' "${!core_file[@]}" | sort); fi

: >"$root/fusesoc.conf"
failed=0
for core in "${cores[@]}"; do
  f=${core_file[$core]:-}
  [ -n "$f" ] || { echo "fusesoc_check: no core $core under rtl/" >&2; exit 2; }
  mapfile -t targets < <(sed -n "s/^  \\($prefix[a-z0-9_]*\\):.*/\\1/p" "$f")
  for t in "${targets[@]}"; do
    params=$(sed -n "s/^$core $t //p" "$repo/scripts/fusesoc_check.params")
    log="$root/${core//:/_}.$t.log"
    start=$SECONDS
    # shellcheck disable=SC2086  # params: --Name Value pairs
    if (cd "$root" && "$fusesoc" --config "$root/fusesoc.conf" --cores-root "$repo/rtl" run \
          --build-root "$root/build" --target "$t" --build "$core" $params) >"$log" 2>&1; then
      echo "fusesoc: $core $t ${params:+($params) }passed ($((SECONDS - start)) s)"
    else
      echo "fusesoc: $core $t ${params:+($params) }FAILED; $log:"
      grep -E '%(Warning|Error)|ERROR|[Ee]rror:' "$log" | head -n 20 | sed 's/^/  /'
      failed=1
    fi
  done
done
exit $failed
