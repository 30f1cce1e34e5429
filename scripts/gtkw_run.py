#!/usr/bin/python3
"""`make waves TEST='<catch2 test name>'`: re-runs one test with waves on, writes a GTKWave session for each
wave file it produced (scripts/gtkw.py) and opens GTKWave on it; without a display it prints the command.

  scripts/gtkw_run.py --build BUILD_DIR [--from C] [--to C] [--depth D] [--scope S] [--seed N] [--no-open] TEST

Exit status: 0 when the waves were written (also when the test itself failed: its waves are what you want),
1 when the test wrote none, 2 when no test of that name exists.
"""
import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import gtkw  # noqa: E402


def stem(name: str) -> str:
    """Same rule as nd::file_stem (tb/harness/options.cpp)."""
    out = "".join(c if c.isalnum() or c in "-_." else "_" for c in name)
    return out or "unnamed"


def escape(name: str) -> str:
    return "".join("\\" + c if c in ',[]*\\"' else c for c in name)


def find_test(build: Path, test: str):
    names = {}
    for exe in sorted((build / "bin").glob("test_*")):
        if not os.access(exe, os.X_OK):
            continue
        r = subprocess.run([str(exe), "--list-test-names-only"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                           text=True, timeout=60)
        for line in r.stdout.splitlines():
            names.setdefault(line.strip(), exe)
    if test in names:
        return names[test], []
    similar = [n for n in names if test.lower() in n.lower()]
    return None, similar


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("test")
    ap.add_argument("--build", default="build")
    ap.add_argument("--from", dest="from_", default="")
    ap.add_argument("--to", default="")
    ap.add_argument("--depth", default="")
    ap.add_argument("--scope", default="")
    ap.add_argument("--seed", default="")
    ap.add_argument("--no-open", action="store_true")
    args = ap.parse_args()
    if not args.test:
        print("waves: error: give the test: make waves TEST='<test case name>' (see `<bin> --list-tests`)",
              file=sys.stderr)
        return 2
    build = Path(args.build)
    exe, similar = find_test(build, args.test)
    if exe is None:
        print(f"waves: error: no test case named '{args.test}' in {build}/bin/test_*", file=sys.stderr)
        for n in similar[:10]:
            print(f"  did you mean: {n}", file=sys.stderr)
        return 2
    outdir = build / "waves" / stem(args.test)
    outdir.mkdir(parents=True, exist_ok=True)
    for old in list(outdir.glob("*.fst")) + list(outdir.glob("*.gtkw")):
        old.unlink()
    cmd = [str(exe), escape(args.test), "--waves", str(outdir)]
    for flag, val in (("--waves-from", args.from_), ("--waves-to", args.to), ("--waves-depth", args.depth),
                      ("--waves-scope", args.scope), ("--seed", args.seed)):
        if val != "":
            cmd += [flag, val]
    print("waves: " + " ".join(f"'{c}'" if " " in c else c for c in cmd), flush=True)
    rc = subprocess.run(cmd).returncode
    if rc != 0:
        print(f"waves: the test failed (exit {rc}); its waves are below")
    files = sorted(outdir.glob("*.fst"))
    if not files:
        print(f"waves: error: '{args.test}' wrote no waves (its Dut must be built with nd::test_waves(...))",
              file=sys.stderr)
        return 1
    sessions = []
    for f in files:
        out = f.with_suffix(".gtkw")
        write_rc = gtkw.main_for(f, out)
        if write_rc == 0:
            sessions.append((f, out))
    display = os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    viewer = shutil.which("gtkwave")
    for f, s in sessions:
        command = f"gtkwave {f} {s}"
        if display and viewer and not args.no_open and (f, s) == sessions[0]:
            subprocess.Popen(["gtkwave", str(f), str(s)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                             start_new_session=True)
            print(f"waves: opened {command}")
        else:
            print(f"waves: to view: {command}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
