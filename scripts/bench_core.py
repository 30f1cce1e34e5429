#!/usr/bin/env python3
"""Core benchmark: runs every C program of sw/programs/ on the core with `nanodojo core --json` and
writes BUILD/bench/core.json with the IPC per program and of the integer-loop kernel (docs/software.md).

usage: bench_core.py --nanodojo BUILD/bin/nanodojo --sw BUILD/sw --out BUILD/bench/core.json
"""
import argparse
import json
import pathlib
import subprocess
import sys
import tempfile

# Functions measured on their own (`nanodojo core --region SYMBOL`).
REGIONS = {"intloop": "intloop_kernel"}
IPC_TARGET = 0.8


def run(nanodojo: str, elf: pathlib.Path, region: str | None) -> dict:
    with tempfile.NamedTemporaryFile(suffix=".json") as tmp:
        cmd = [nanodojo, "core", str(elf), "--json", tmp.name]
        if region:
            cmd += ["--region", region]
        proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if proc.returncode != 0:
            sys.stderr.write(proc.stderr)
            raise SystemExit(f"bench_core: {elf.name} exited with status {proc.returncode}")
        return json.loads(pathlib.Path(tmp.name).read_text())


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--nanodojo", required=True)
    ap.add_argument("--sw", required=True, help="directory of the built programs (BUILD/sw)")
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    sw = pathlib.Path(a.sw)
    names = sorted(p.name for p in (sw / "host").iterdir() if p.is_file())
    if not names:
        print(f"bench_core: no programs under {sw}/host (run `make sw`)", file=sys.stderr)
        return 1
    results = {n: run(a.nanodojo, sw / f"{n}.elf", REGIONS.get(n)) for n in names}

    rows = []
    for n, r in results.items():
        rows.append([n, r["status"], r["cycles"], r["instret"], f"{r['ipc']:.3f}",
                     f"{r['cycles_per_second'] / 1e6:.2f}"])
    kernel_rows = []
    for n, sym in REGIONS.items():
        if n in results and "region" in results[n]:
            g = results[n]["region"]
            kernel_rows.append([f"{n}: {sym}", g["cycles"], g["instret"], f"{g['ipc']:.3f}",
                                f">= {IPC_TARGET}", "yes" if g["ipc"] >= IPC_TARGET else "NO",
                                f"{results[n]['cycles_per_second'] / 1e6:.2f}"])
    report = {
        "block": "core",
        "programs": results,
        "tables": [
            {
                "title": "Integer-loop kernel (straight-line ALU loop) on the RV32IM core",
                "columns": ["kernel", "cycles", "instructions", "IPC", "target", "met",
                            "sim M cycles/s"],
                "rows": kernel_rows,
                "notes": "Cycles are counted while the most recently retired instruction lies inside the "
                         "function (`nanodojo core --region`); the loop body is 36 ALU instructions and one "
                         "branch with gcc 12 -O2 (sw/programs/intloop.c, disassembly in BUILD/sw/intloop.dis).",
            },
            {
                "title": "C programs on the RV32IM core (whole program, crt0 to tohost)",
                "columns": ["program", "result", "cycles", "instructions", "IPC", "sim M cycles/s"],
                "rows": rows,
                "notes": "gcc -O2 -march=rv32im_zicsr; cycles from fetch enable to the store to tohost; "
                         "console output of every program equals its host build (make test). "
                         "sim M cycles/s = simulated cycles per second of wall time (Verilator, 1 thread).",
            },
        ],
    }
    out = pathlib.Path(a.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2) + "\n")
    print(f"bench_core: wrote {out} ({len(results)} programs)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
