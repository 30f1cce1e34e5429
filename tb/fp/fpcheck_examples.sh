#!/usr/bin/env bash
# `nanodojo fpcheck` on the example CFP8 (and stochastic BF16) vector files: each file's first line
# "# fpcheck: ARGS" holds the options to replay it with; every case must pass (exit status 0, "N passed,
# 0 failed" with N the file's case count). Then corrupted copies must fail (exit status 1): a wrong code,
# a missing Denormal flag, and a stochastic file in reverse order (each case has its own R of the stream).
#   fpcheck_examples.sh NANODOJO VECTOR_DIR
set -u
nanodojo=$1
dir=$2
fails=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
args_of() { sed -n '1s/^# fpcheck: //p' "$1"; }
cases_of() { grep -cvE '^\s*(#|$)' "$1"; }
for f in "$dir"/cfp8/*.tv; do
  args=$(args_of "$f")
  n=$(cases_of "$f")
  # shellcheck disable=SC2086
  out=$("$nanodojo" fpcheck $args "$f" 2>&1)
  rc=$?
  if [ -z "$args" ] || [ "$rc" -ne 0 ] || ! grep -qx "$n passed, 0 failed" <<<"$out"; then
    echo "FAIL: nanodojo fpcheck $args $f -> status $rc:"
    echo "$out" | tail -n 12
    fails=$((fails + 1))
  else
    echo "ok: $(basename "$f"): $n passed ($args)"
  fi
done
expect_fail() {  # expect_fail FILE WHAT: status 1 and at least one failed case
  local f=$1 what=$2 out rc
  # shellcheck disable=SC2086
  out=$("$nanodojo" fpcheck $(args_of "$f") "$f" 2>&1)
  rc=$?
  if [ "$rc" -ne 1 ] || ! grep -qE '^[0-9]+ passed, [1-9][0-9]* failed$' <<<"$out"; then
    echo "FAIL: $what was not detected (status $rc): $(tail -n 1 <<<"$out")"
    fails=$((fails + 1))
  else
    echo "ok: $what detected: $(tail -n 1 <<<"$out")"
  fi
}
# A wrong expected code in the last case of an RNE file.
f=$dir/cfp8/f32_to_cfp8_e4m3_b7_rne.tv
read -r x code flags < <(tail -n 1 "$f")
{
  head -n -1 "$f"
  printf '%s %02X %s\n' "$x" $(((16#$code + 1) % 256)) "$flags"
} >"$tmp/wrong_code.tv"
expect_fail "$tmp/wrong_code.tv" "a wrong expected code"
# A wrong Denormal flag in a cfp8_to_f32 file (code 01 is a denormal: flags 20 -> 00).
f=$dir/cfp8/cfp8_to_f32_e4m3_b7.tv
sed 's/^01 \([0-9A-F]*\) 20$/01 \1 00/' "$f" >"$tmp/no_denormal.tv"
expect_fail "$tmp/no_denormal.tv" "a missing Denormal flag"
# The cases of a stochastic file in reverse order: each case meets another R of the stream.
f=$dir/cfp8/f32_to_cfp8_e4m3_b7_sr.tv
{
  grep -E '^\s*#' "$f"
  grep -vE '^\s*(#|$)' "$f" | tac
} >"$tmp/reversed.tv"
expect_fail "$tmp/reversed.tv" "a stochastic file in another order"
[ "$fails" -eq 0 ]
