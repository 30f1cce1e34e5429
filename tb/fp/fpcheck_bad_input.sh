#!/usr/bin/env bash
# `nanodojo fpcheck` on bad input: every case must exit with status 2 and name the file, line or option
# (the key), for the TestFloat operations and for the CFP8 conversions and their options.
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
  if [ "$rc" -ne 2 ] || ! grep -qE -- "$pattern" <<<"$err"; then
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
# CFP8 operations: layout and bias are required and checked; rounding and seed only where they apply.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf '3F800000 38 00\n' >"$tmp/ok.tv"
printf '# a comment\n3F800000 38 00\n3F800000 380 00\n' >"$tmp/wide_result.tv"
printf '3F800000 38 40\n' >"$tmp/bad_flags.tv"
printf '3F800000 38\n' >"$tmp/two_fields.tv"
printf '1G 3F800000 00\n' >"$tmp/bad_code.tv"
expect2 "key '--layout': f32_to_cfp8 needs --layout" --op f32_to_cfp8 --bias 7 "$tmp/ok.tv"
expect2 "key '--layout': unknown CFP8 layout '1.6.1'" --op f32_to_cfp8 --layout 1.6.1 --bias 7 "$tmp/ok.tv"
expect2 "key '--bias': f32_to_cfp8 needs --bias 0..63" --op f32_to_cfp8 --layout 1.4.3 "$tmp/ok.tv"
expect2 "key '--bias': bias 64 is outside 0..63" --op f32_to_cfp8 --layout 1.4.3 --bias 64 "$tmp/ok.tv"
expect2 "key '--bias': bias -1 is outside 0..63" --op cfp8_to_f32 --layout 1.5.2 --bias -1 "$tmp/ok.tv"
expect2 "--bias" --op f32_to_cfp8 --layout 1.4.3 --bias seven "$tmp/ok.tv"
expect2 "key '--rounding': cfp8_to_f32 does not round stochastically" --op cfp8_to_f32 --layout 1.4.3 --bias 7 \
  --rounding stochastic "$tmp/ok.tv"
expect2 "key '--rounding': unknown rounding 'up'" --op f32_to_cfp8 --layout 1.4.3 --bias 7 --rounding up "$tmp/ok.tv"
expect2 "key '--seed': a seed only applies to --rounding stochastic" --op f32_to_cfp8 --layout 1.4.3 --bias 7 \
  --seed 3 "$tmp/ok.tv"
expect2 "key '--layout': f32_add has no CFP8 layout" --op f32_add --layout 1.4.3 "$dir/f32_add.tv"
expect2 "key '--bias': f32_mulAdd has no CFP8 bias" --op f32_mulAdd --bias 3 "$dir/f32_mulAdd.tv"
expect2 "wide_result.tv:3: key 'field 2'" --op f32_to_cfp8 --layout 1.4.3 --bias 7 "$tmp/wide_result.tv"
expect2 "bad_flags.tv:1: key 'field 3'" --op f32_to_cfp8 --layout 1.4.3 --bias 7 "$tmp/bad_flags.tv"
expect2 "two_fields.tv:1: key 'fields'" --op f32_to_cfp8 --layout 1.4.3 --bias 7 "$tmp/two_fields.tv"
expect2 "bad_code.tv:1: key 'field 1'" --op cfp8_to_f32 --layout 1.4.3 --bias 7 "$tmp/bad_code.tv"
[ "$fails" -eq 0 ]
