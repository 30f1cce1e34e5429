#!/usr/bin/env bash
# make test: Verilator generated the replicated router of a mesh model once for all instances
# (docs/development.md "Replicated modules"). Its functions are named after the instance Verilator met
# first, gen_row[0].gen_col[0]; a function named after any other router means per-instance code.
# Usage: router_shared_code.sh MODEL_DIR...
set -u
fail=0
for dir in "$@"; do
  cls=$(ls "$dir"/*_classes.mk 2>/dev/null | head -1)
  [ -n "$cls" ] || { echo "FAIL: $dir: no Verilator output"; exit 1; }
  # The C++ files of this verilation (the directory may keep files of earlier ones).
  files=$(sed -n 's/^\t\(V[A-Za-z0-9_]*\)\( \\\)\{0,1\}$/\1.cpp/p' "$cls" | grep nd_noc_router | sed "s|^|$dir/|")
  [ -n "$files" ] || { echo "FAIL: $dir: no router class (is nd_noc_router still no_inline_module?)"; exit 1; }
  insts=$(grep -ho '^VL_INLINE_OPT void [A-Za-z0-9_]*' $files | grep -o 'gen_row__BRA__[0-9]*__KET____DOT__gen_col__BRA__[0-9]*__KET' | sort -u)
  n=$(echo "$insts" | grep -c .)
  if [ "$n" -ne 1 ] || [ "$insts" != "gen_row__BRA__0__KET____DOT__gen_col__BRA__0__KET" ]; then
    echo "FAIL: $dir: router code generated for $n instances:"; echo "$insts"; fail=1
  else
    echo "ok: $dir: one router model for every instance"
  fi
done
exit $fail
