#!/usr/bin/env python3
"""Collects the bench-noc sweeps (`nanodojo sweep --json`) into build/bench/noc.json with tables for
docs/benchmarks.md, next to the BookSim2 figures it compares against (docs/noc.md, "BookSim2 yardstick").

usage: noc_bench.py SWEEP_DIR OUT.json
"""
import json
import pathlib
import statistics
import sys

# BookSim2 (commit 28f43299) configured as close to our router as it allows ("matched": 2 VCs x 4 flits,
# fastest pipeline, separable input-first VC and switch allocation, round robin; options in docs/noc.md,
# "BookSim2 yardstick"), XY routing, same windows and stability rule, seeds 1-3, median:
# (zero-load latency, sat, peak). BEST: the best of the BookSim variants tried (default iSLIP-1, islip(2),
# wavefront switch allocation, 6-flit buffers) per case: (sat, peak, variant).
BOOKSIM_MATCHED = {
    (4, "uniform", 1): (12.4, 0.71, 0.718),
    (4, "uniform", 4): (15.5, 0.63, 0.659),
    (4, "transpose", 1): (12.5, 0.34, 0.625),
    (4, "bitcomp", 1): (17.0, 0.46, 0.500),
    (8, "uniform", 1): (20.9, 0.39, 0.391),
    (8, "uniform", 4): (24.1, 0.35, 0.358),
}
BOOKSIM_BEST = {
    (4, "uniform", 1): (0.74, 0.752, "buffers 6"),
    (4, "uniform", 4): (0.66, 0.695, "buffers 6"),
    (4, "transpose", 1): (0.34, 0.625, "matched"),
    (4, "bitcomp", 1): (0.48, 0.500, "iSLIP-1"),
    (8, "uniform", 1): (0.41, 0.412, "buffers 6"),
    (8, "uniform", 4): (0.37, 0.375, "buffers 6"),
}
# BookSim2's simulation speed in the matched configuration, uniform 1-flit, warm-up 1000 + 40000 cycles,
# simulated cycles per CPU second, median of 5 interleaved runs on this project's 2-core machines:
# (k, offered load) -> cycles per CPU second (docs/noc.md, "BookSim2 yardstick").
BOOKSIM_SPEED = {(4, 0.1): 77.4e3, (4, 0.3): 40.6e3, (4, 0.6): 18.3e3, (8, 0.1): 13.4e3, (8, 0.3): 5.1e3}


def speed_table(speed_dir: pathlib.Path):
    """Median cycles per CPU second of the speed runs (MESH_MODEL_RATE_I.json) next to BookSim's, or None."""
    runs = {}
    for p in sorted(speed_dir.glob("*.json")):
        r = json.loads(p.read_text())
        key = (r["mesh"]["rows"], r["mesh"]["vcs"], r["mesh"]["buf_depth"], r["model"], round(r["rate"], 3))
        runs.setdefault(key, []).append(r["cycles_per_cpu_second"])
    if not runs:
        return None
    rows = []
    for (k, vcs, depth, model, rate), v in sorted(runs.items(),
                                                  key=lambda kv: (kv[0][0], kv[0][1], kv[0][3] != "lean", kv[0][4])):
        med = statistics.median(v)
        # BookSim's figures are of its matched configuration: the ratio is given for the same router only.
        ref = BOOKSIM_SPEED.get((k, rate)) if vcs == 2 else None
        rows.append([f"{k}x{k}", f"{vcs} x {depth}", f"{rate:.1f}", model, len(v), f"{med / 1e3:.1f} k",
                     f"{min(v) / 1e3:.1f} k", f"{max(v) / 1e3:.1f} k", f"{ref / 1e3:.1f} k" if ref else "-",
                     f"{med / ref:.2f}x" if ref else "-"])
    return {"title": "NoC: simulation speed against BookSim2 (uniform 1-flit, simulated cycles per CPU second)",
            "columns": ["mesh", "VCs x flits", "offered", "model", "runs", "median", "min", "max", "BookSim matched",
                        "ratio"],
            "rows": rows,
            "notes": "`nanodojo run sim/configs/speed_KxK_uniform_1flit.yaml --rate R` (warm-up 1000 + 40000 "
                     "cycles, the window of BookSim's figures; 2 VCs x 4 flits, BookSim's matched configuration) "
                     "and the same with the default router (4 VCs x 6 flits, input speedup 2; no BookSim figure "
                     "to compare with), "
                     "interleaved runs, median. BookSim matched: BookSim2 "
                     "in the configuration of the table above, same window, median of 5 interleaved runs on this "
                     "project's 2-core machines (docs/noc.md, \"BookSim2 yardstick\"); BookSim is not built here "
                     "(its sources are not reachable from these machines), so the ratio compares against those "
                     "figures, not against a run beside ours: machines of one kind differ, compare with care. lean "
                     "= no assertions, no tracing, ejection credits returned by the mesh itself; checked = with "
                     "assertions and tracing (docs/noc.md \"Simulation models\")."}


def bound(k: int, pattern: str) -> float:
    """Throughput bound of XY routing on a k x k mesh: uniform min(1, 4/k), transpose 1/(k-1), bit-complement 2/k."""
    return {"uniform": min(1.0, 4.0 / k), "transpose": 1.0 / (k - 1), "bitcomp": 2.0 / k}.get(pattern, 1.0)


def booksim_columns(key):
    """The two BookSim columns of a (k, pattern, length) row: matched latency / sat / peak, best sat / peak."""
    m, b = BOOKSIM_MATCHED.get(key), BOOKSIM_BEST.get(key)
    return [f"{m[0]:g} / {m[1]:.2f} / {m[2]:.3f}" if m else "-",
            f"{b[0]:.2f} / {b[1]:.3f} ({b[2]})" if b else "-"]


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
        summary.append([f"{k}x{k}", pat, length, s.get("model", "-"), f"{s['zero_load_latency']:.1f}", f"{s['saturation']:.2f}",
                        f"{s['peak_accepted']:.3f}"] + booksim_columns((k, pat, length)) + [
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
        best = BOOKSIM_BEST.get((k, pat, length))
        if pat == "uniform" and best and s.get("model") != "checked":
            verdict.append((f"{k}x{k} {length}-flit", s["saturation"], best[0]))
    speed = speed_table(pathlib.Path(sys.argv[1]) / "speed")
    first = sweeps[0]
    m = first["mesh"]
    if verdict:
        above = [v for v in verdict if round(v[1], 2) > v[2]]
        verdict = [f"Target (saturation above BookSim's best variant on every uniform row): "
                   f"{'met' if len(above) == len(verdict) else 'MISSED'}, "
                   + ", ".join(f"{name} {sat:.2f} against {ref:.2f}" for name, sat, ref in verdict) + "."]
    notes = (f"Router: {m['vcs']} VCs x {m['buf_depth']} flits per input port, input speedup "
             f"{m.get('in_speedup', 1)} (the default, docs/noc.md), "
             f"{m['flit_width']}-bit flits, XY routing, 2 cycles per hop (router + link), "
             f"VCs 0-{m['vcs'] // 2 - 1} request and {m['vcs'] // 2}-{m['vcs'] - 1} response class, "
             "packets split 50/50 between the classes. Latency in cycles from "
             "packet creation at the source queue to tail arrival; zero-load at offered 0.02; saturation = highest "
             "offered load still stable (latency under 3x zero-load, >= 97 % accepted, all measured packets drained); "
             "peak = highest accepted load seen (offered up to 1.0). Search: steps of 0.05, bisection to 0.01. "
             "BookSim2 columns (docs/noc.md, \"BookSim2 yardstick\", has the options to rerun them): matched = "
             "configured as close to the 2 VCs x 4 flits router as BookSim allows (any packet takes either VC, 3 cycles per hop, separable "
             "input-first allocation), zero-load latency / saturation / peak; best = the best BookSim variant tried. "
             f"Window per point: warm-up {first['warmup']} + measurement {first['measure']} cycles, then drain. "
             "cycles/s = simulated cycles per second of wall time over the whole sweep; cycles/CPU-s = the same per "
             "second of the process's CPU time (what an unloaded machine would show). model: lean = built without RTL "
             "assertions and tracing (what `nanodojo run` / `sweep` use by default), checked = with both (`--checked`, "
             "what the tests use); same RTL, same results (a lean mesh returns its own ejection credits, as the traffic "
             "driver does: docs/noc.md \"Simulation models\"). "
             + " ".join(verdict))
    out = {
        "block": "noc",
        "sweeps": sweeps,
        "tables": [{"title": "NoC: zero-load latency and saturation throughput (flits/node/cycle)",
                    "columns": ["mesh", "pattern", "flits/packet", "model", "zero-load latency", "saturation", "peak accepted",
                                "BookSim matched", "BookSim best variant", "XY bound", "sim cycles/s (wall)",
                                "sim cycles/CPU-s"],
                    "rows": summary, "notes": notes}] + ([speed] if speed else []) + curves,
    }
    pathlib.Path(sys.argv[2]).write_text(json.dumps(out, indent=1) + "\n")
    print(f"noc_bench: wrote {sys.argv[2]}")
    for row in summary:
        print("  " + " | ".join(str(c) for c in row))
    return 0


if __name__ == "__main__":
    sys.exit(main())
