#!/usr/bin/env bash
# Verilates one model and builds its C++ into <mdir>/<prefix>__ALL.a (called by cmake/verilate.cmake).
#   cmake/verilate.sh <mdir> <prefix> <verilator args...>
# The full log goes to <mdir>.log; on failure its tail is printed. <mdir>/<prefix>__ALL.a.d lists the
# source files Verilator read (from its own <prefix>__ver.d), the model's dependencies for the build.
set -uo pipefail
mdir=$1 prefix=$2
shift 2
mkdir -p "$mdir"
log="$mdir.log"
objcache=()
command -v ccache >/dev/null && objcache=(OBJCACHE=ccache)
if ! { verilator "$@" --Mdir "$mdir" --prefix "$prefix" &&
       make -C "$mdir" -f "$prefix.mk" -j"${ND_JOBS:-2}" "${objcache[@]}" \
         OPT_FAST=-O2 OPT_SLOW=-O1 OPT_GLOBAL=-O2 "$prefix"__ALL.a; } >"$log" 2>&1; then
  echo "verilate: $prefix failed; last lines of $log:" >&2
  tail -n 40 "$log" >&2
  exit 1
fi
# Verilator's __ver.d names its generated files as targets and every file it read (plus itself) after the
# colon; the build wants "<library>: <files read>".
deps=$(sed -e 's/^.*: *//' "$mdir/${prefix}__ver.d" | tr ' ' '\n' | grep -v '^$' | sort -u | tr '\n' ' ')
echo "$mdir/${prefix}__ALL.a: $deps" >"$mdir/${prefix}__ALL.a.d"
