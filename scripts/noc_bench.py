#!/usr/bin/env python3
"""Collects the bench-noc sweeps (`nanodojo sweep --json`) into build/bench/noc.json with tables for
docs/benchmarks.md, next to the BookSim2 reference figures of noc-reference.md.

usage: noc_bench.py SWEEP_DIR OUT.json
"""
import json
import pathlib
import sys

# BookSim2, 2 VCs x 4 flits, XY, uniform unless named: (zero-load latency, sat, peak) for P2 (3 cycles
# per hop) and P4 (5 cycles per hop); None where the reference gives no figure.
BOOKSIM = {
    (4, "uniform", 1): ((12.7, 0.64, 0.665), (19.8, 0.52, 0.538)),
    (4, "uniform", 4): ((15.9, 0.60, 0.651), (23.0, 0.57, 0.607)),
    (8, "uniform", 1): ((20.8, 0.37, 0.376), (33.3, 0.27, 0.275)),
    (8, "uniform", 4): ((24.1, 0.34, 0.352), (36.6, 0.31, 0.323)),
    (4, "transpose", 1): ((12.3, 0.33, None), None),
    (4, "bitcomp", 1): ((17.0, 0.48, None), None),
}


def bound(k: int, pattern: str) -> float:
    """Throughput bound of XY routing on a k x k mesh (noc-reference.md)."""
    return {"uniform": min(1.0, 4.0 / k), "transpose": 1.0 / (k - 1), "bitcomp": 2.0 / k}.get(pattern, 1.0)


def ref(r, i):
    return "-" if r is None or r[i] is None else f"{r[i]:g}"


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    sweeps = [json.loads(p.read_text()) for p in sorted(pathlib.Path(sys.argv[1]).glob("bench_*.json"))]
    if not sweeps:
        print(f"noc_bench: no sweep JSON in {sys.argv[1]}", file=sys.stderr)
        return 1
    summary, curves, verdict = [], [], []
    for s in sweeps:
        k, pat, length = s["mesh"]["rows"], s["pattern"], int(float(s["mean_length"]))
        p2, p4 = BOOKSIM.get((k, pat, length), (None, None))
        summary.append([f"{k}x{k}", pat, length, f"{s['zero_load_latency']:.1f}", f"{s['saturation']:.2f}",
                        f"{s['peak_accepted']:.3f}", f"{ref(p2, 0)} / {ref(p2, 1)}", f"{ref(p4, 0)} / {ref(p4, 1)}",
                        f"{bound(k, pat):.3f}", f"{s['cycles_per_second'] / 1e3:.1f} k",
                        f"{s.get('cycles_per_cpu_second', 0) / 1e3:.1f} k"])
        rows = [[f"{p['rate']:.2f}", f"{p['accepted']:.3f}", f"{p['latency']['avg']:.1f}", p["latency"]["p99"],
                 f"{p['network_latency']['avg']:.1f}", "yes" if p["stable"] else ("no" if p["drained"] else "no (not drained)")]
                for p in s["points"]]
        curves.append({"title": f"NoC sweep: {k}x{k} {pat}, {length}-flit packets",
                       "columns": ["offered", "accepted", "latency avg", "latency p99", "network latency avg", "stable"],
                       "rows": rows,
                       "notes": f"warm-up {s['warmup']}, window {s['measure']} cycles per point, seed {s['seed']}; "
                                f"{s['cycles']} cycles simulated in {s['wall_seconds']:.1f} s."})
        if (k, pat, length) == (4, "uniform", 1):
            ok = s["saturation"] >= 0.64 and s["zero_load_latency"] < 12.7
            verdict.append(f"Target (4x4 uniform 1-flit: saturation >= 0.64, zero-load latency < 12.7): "
                           f"{'met' if ok else 'MISSED'} with {s['saturation']:.2f} and {s['zero_load_latency']:.1f}.")
    first = sweeps[0]
    notes = ("Router: 2 VCs x 4 flits per input port, 128-bit flits, XY routing, 2 cycles per hop (router + link), "
             "VC 0 request and VC 1 response class, packets split 50/50 between the classes. Latency in cycles from "
             "packet creation at the source queue to tail arrival; zero-load at offered 0.02; saturation = highest "
             "offered load still stable (latency under 3x zero-load, >= 97 % accepted, all measured packets drained); "
             "peak = highest accepted load seen (offered up to 1.0). Search: steps of 0.05, bisection to 0.01. "
             f"BookSim2 columns: latency / saturation with the same VCs and buffers (P2: 3 cycles per hop, P4: 5). "
             f"Window per point: warm-up {first['warmup']} + measurement {first['measure']} cycles, then drain. "
             "cycles/s = simulated cycles per second of wall time over the whole sweep; cycles/CPU-s = the same per "
             "second of the process's CPU time (what an unloaded machine would show). The 4x4 mesh runs with its RTL "
             "assertions (tracing compiled in, off); the 8x8 mesh is the lean model without either (docs/noc.md), "
             "so its speed is not comparable to the 4x4's. "
             + " ".join(verdict))
    out = {
        "block": "noc",
        "sweeps": sweeps,
        "tables": [{"title": "NoC: zero-load latency and saturation throughput (flits/node/cycle)",
                    "columns": ["mesh", "pattern", "flits/packet", "zero-load latency", "saturation", "peak accepted",
                                "BookSim P2", "BookSim P4", "XY bound", "sim cycles/s (wall)",
                                "sim cycles/CPU-s"],
                    "rows": summary, "notes": notes}] + curves,
    }
    pathlib.Path(sys.argv[2]).write_text(json.dumps(out, indent=1) + "\n")
    print(f"noc_bench: wrote {sys.argv[2]}")
    for row in summary:
        print("  " + " | ".join(str(c) for c in row))
    return 0


if __name__ == "__main__":
    sys.exit(main())
