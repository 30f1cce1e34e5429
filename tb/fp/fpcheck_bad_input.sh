#!/usr/bin/env bash
# `nanodojo fpcheck` on bad input: every case must exit with status 2 and name the file, line or flag.
#   fpcheck_bad_input.sh NANODOJO VECTOR_DIR
set -u
nanodojo=$1
dir=$2
fails=0
expect2() {  # expect2 PATTERN ARGS...: exit status 2 and stderr matching PATTERN
  local pattern=$1
  shift
  local err rc
  err=$("$nanodojo" fpcheck "$@" 2>&1 >/dev/null)
  rc=$?
  if [ "$rc" -ne 2 ] || ! grep -qE "$pattern" <<<"$err"; then
    echo "FAIL: nanodojo fpcheck $* -> status $rc, stderr: $err"
    fails=$((fails + 1))
  else
    echo "ok: nanodojo fpcheck $* -> $err"
  fi
}
expect2 "key '--op': unknown operation 'f32_div'" --op f32_div "$dir/f32_add.tv"
expect2 "bad_field_count.tv:3: key 'fields'" --op f32_mulAdd "$dir/bad_field_count.tv"
expect2 "bad_hex.tv:2: key 'field 2'" --op f32_mulAdd "$dir/bad_hex.tv"
expect2 "f32_add.tv:2: key 'fields'" --op f32_mulAdd "$dir/f32_add.tv"
expect2 "no_such_file.tv: cannot open" --op f32_add "$dir/no_such_file.tv"
expect2 "" --op f32_add
[ "$fails" -eq 0 ]
