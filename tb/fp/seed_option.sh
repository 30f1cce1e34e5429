#!/usr/bin/env bash
# --seed of every nanodojo subcommand goes through one check (nd::add_seed_option, sim/command.hpp): a
# negative seed, or one past the largest (2^64 - 1; 2^32 - 1 for fpcheck's generator), exits with status 2
# and a message naming --seed, instead of wrapping around. A valid seed still parses.
#   seed_option.sh NANODOJO REPO_ROOT
set -u
nanodojo=$1
root=$2
vectors=$root/tb/fp/vectors/cfp8/f32_to_bf16_sr.tv
fails=0
check() {  # check STATUS PATTERN ARGS...: exit status STATUS and output matching PATTERN
  local want=$1 pattern=$2 out rc
  shift 2
  out=$("$nanodojo" "$@" 2>&1 </dev/null)
  rc=$?
  if [ "$rc" -ne "$want" ] || ! grep -qE -- "$pattern" <<<"$out"; then
    echo "FAIL: nanodojo $* -> status $rc (want $want), output: $(head -n 3 <<<"$out")"
    fails=$((fails + 1))
  else
    echo "ok: nanodojo $* -> status $rc: $(grep -m1 -E -- "$pattern" <<<"$out")"
  fi
}
for sub in "core /dev/null" "run" "sweep" "fpcheck --op f32_to_bf16 --rounding stochastic $vectors"; do
  # shellcheck disable=SC2086
  {
    check 2 "--seed.*not negative" $sub --seed -1
    check 2 "--seed.*not negative" $sub --seed=-7
    check 2 "--seed.*too large" $sub --seed 18446744073709551616
  }
done
check 2 "--seed.*too large.*4294967295" fpcheck --op f32_to_bf16 --rounding stochastic "$vectors" --seed 4294967296
# The largest 32-bit seed is accepted (the file's stream was made with seed 7, so its cases mismatch: status 1).
check 1 "passed, [1-9][0-9]* failed" fpcheck --op f32_to_bf16 --rounding stochastic "$vectors" --seed 4294967295
check 0 "300 passed, 0 failed" fpcheck --op f32_to_bf16 --rounding stochastic "$vectors" --seed 7
[ "$fails" -eq 0 ]
