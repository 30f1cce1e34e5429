#!/usr/bin/env bash
# make test: scripts/noc_dse.py refuses a bad study file with exit status 2 and a message naming the file, the
# line and the key, and a merge without a plan likewise. Run from a scratch directory (the build tree).
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
printf 'routers:\n  - {vcs: 3, buf_depth: 4, alloc_iters: 2}\nmeshes: [4]\ncases: [{pattern: uniform}]\n' > bad_study.yaml
/usr/bin/python3 "$root/scripts/noc_dse.py" --study bad_study.yaml --no-synth --skip-build --out dse_bad 2> err.txt
rc=$?
cat err.txt
[ $rc -eq 2 ] || { echo "FAIL: exit status $rc, expected 2"; exit 1; }
grep -qF "bad_study.yaml:2: key 'routers[0].vcs': must be 2 or 4" err.txt || { echo "FAIL: message"; exit 1; }
echo "ok: bad study refused with exit status 2"
printf 'routers:\n  - {vcs: 2, buf_depth: 4, alloc_iters: 2,\n     vc_policy: any}\nmeshes: [4]\ncases: [{pattern: uniform}]\n' > bad_study.yaml
/usr/bin/python3 "$root/scripts/noc_dse.py" --study bad_study.yaml --no-synth --skip-build --out dse_bad 2> err.txt
rc=$?
cat err.txt
[ $rc -eq 2 ] || { echo "FAIL: bad VC policy: exit status $rc, expected 2"; exit 1; }
grep -qF "bad_study.yaml:3: key 'routers[0].vc_policy': unknown VC policy 'any'" err.txt ||
  { echo "FAIL: bad VC policy: message"; exit 1; }
echo "ok: unknown VC policy refused with exit status 2"
# merge / point before any plan: the same contract, not a traceback.
/usr/bin/python3 "$root/scripts/noc_dse.py" merge --out dse_no_plan 2> err.txt
rc=$?
cat err.txt
[ $rc -eq 2 ] || { echo "FAIL: merge without a plan: exit status $rc, expected 2"; exit 1; }
grep -qF "no plan.json" err.txt || { echo "FAIL: merge without a plan: message"; exit 1; }
echo "ok: merge without a plan refused with exit status 2"
