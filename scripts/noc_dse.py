#!/usr/bin/python3
"""Router design-space study (make bench-noc-dse; docs/noc.md "Design-space study").

Every router of the study file (VCs, buffer depth, allocator iterations, VC policy) is built as a lean mesh of every size,
swept on every traffic case (saturation, peak accepted load, zero-load latency: `nanodojo sweep`) and
synthesized (`scripts/synth/synth.py noc_router --param ...`: cells, flops, osu018 area, critical path). Every
sweep and every synthesis is an independent point writing its own JSON; `merge` gathers them.

  scripts/noc_dse.py [--study FILE] [--build-dir DIR] [--out DIR] [--jobs N] [--doc docs/noc.md]
      plan, build the lean meshes, run every point over N local processes (default: every core), merge
  scripts/noc_dse.py ... --dask ADDRESS | --dask local     run the points on a Dask cluster instead
  scripts/noc_dse.py ... --slurm FILE                      write a Slurm job-array script and stop
  scripts/noc_dse.py point INDEX --out DIR                 run one point of OUT/plan.json (Slurm tasks)
  scripts/noc_dse.py merge --out DIR [--doc docs/noc.md]   gather the points: OUT/../noc_dse.json, PNG, table

Exit status 0 when every point ran, 1 when a point failed, 2 on bad input (the message names file, line, key).
"""
import argparse
import json
import os
import shlex
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path

from noc_dse_report import InputError, case_tag, merge, read_plan, router_tag

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_STUDY = ROOT / "sim/dse/router_study.yaml"
PATTERNS = ("uniform", "transpose", "bitcomp", "hotspot", "neighbor", "tornado")  # nanodojo traffic patterns
ROUTER_KEYS = {"vcs": (2, 4), "buf_depth": (2, 16), "alloc_iters": (1, 4)}
OPTIONAL_KEYS = {"in_speedup": (1, 2)}  # default 2, as in nd_noc_router
VC_POLICIES = ("separate", "borrow", "shared")  # nd_noc_router VcPolicy 0, 1, 2 (docs/noc.md "VC policies")


# ---------------------------------------------------------------------------------------------- study file
def _node_value(node):
    """A yaml node as Python values, with (value, line) kept for mapping entries."""
    import yaml
    if isinstance(node, yaml.MappingNode):
        return {k.value: (_node_value(v), v.start_mark.line + 1) for k, v in node.value}
    if isinstance(node, yaml.SequenceNode):
        return [(_node_value(v), v.start_mark.line + 1) for v in node.value]
    return yaml.safe_load(yaml.serialize(node)) if node.tag != "tag:yaml.org,2002:null" else None


def _plain(v):
    """_node_value's result without the line numbers."""
    if isinstance(v, dict):
        return {k: _plain(x) for k, (x, _) in v.items()}
    if isinstance(v, list):
        return [_plain(x) for x, _ in v]
    return v


def load_study(path: Path):
    import yaml
    try:
        text = path.read_text()
    except OSError as e:
        raise InputError(f"{path}: cannot read: {e.strerror}")
    try:
        root = yaml.compose(text)
    except yaml.YAMLError as e:
        line = getattr(getattr(e, "problem_mark", None), "line", -1) + 1
        raise InputError(f"{path}:{line}: not valid YAML: {getattr(e, 'problem', e)}")
    if root is None or not isinstance(root, yaml.MappingNode):
        raise InputError(f"{path}:1: expected a map with the keys routers, meshes, cases, run, sweep")
    top = _node_value(root)

    def fail(line, key, msg):
        raise InputError(f"{path}:{line}: key '{key}': {msg}")

    for k, (_, line) in top.items():
        if k not in ("routers", "meshes", "cases", "run", "sweep"):
            fail(line, k, "unknown key (expected routers, meshes, cases, run, sweep)")
    for k in ("routers", "meshes", "cases"):
        if k not in top or not isinstance(top[k][0], list) or not top[k][0]:
            fail(top.get(k, (None, 1))[1], k, "missing or not a non-empty list")

    def integer(v, line, key, lo, hi):
        if not isinstance(v, int) or isinstance(v, bool) or not lo <= v <= hi:
            fail(line, key, f"must be an integer in {lo}..{hi}")
        return v

    routers = []
    for i, (r, line) in enumerate(top["routers"][0]):
        if not isinstance(r, dict):
            fail(line, f"routers[{i}]", "expected a map with vcs, buf_depth, alloc_iters (and vc_policy, in_speedup)")
        cfg = {}
        for k, (v, kl) in r.items():
            if k == "vc_policy":
                if v not in VC_POLICIES:
                    fail(kl, f"routers[{i}].{k}", f"unknown VC policy '{v}' (one of {', '.join(VC_POLICIES)})")
                cfg[k] = v
                continue
            if k not in ROUTER_KEYS and k not in OPTIONAL_KEYS:
                fail(kl, f"routers[{i}].{k}",
                     "unknown key (expected vcs, buf_depth, alloc_iters, vc_policy, in_speedup)")
            cfg[k] = integer(v, kl, f"routers[{i}].{k}", *{**ROUTER_KEYS, **OPTIONAL_KEYS}[k])
        for k in ROUTER_KEYS:
            if k not in cfg:
                fail(line, f"routers[{i}].{k}", "missing")
        cfg.setdefault("vc_policy", "separate")
        cfg.setdefault("in_speedup", 2)  # nd_noc_router's default
        if cfg["vcs"] == 3:
            fail(line, f"routers[{i}].vcs", "must be 2 or 4 (each message class owns half of the VCs)")
        if cfg in routers:
            fail(line, f"routers[{i}]", "listed twice")
        routers.append(cfg)
    meshes = [integer(v, line, f"meshes[{i}]", 2, 16) for i, (v, line) in enumerate(top["meshes"][0])]
    cases = []
    for i, (c, line) in enumerate(top["cases"][0]):
        if not isinstance(c, dict) or set(c) - {"pattern", "lengths"} or "pattern" not in c:
            fail(line, f"cases[{i}]", "expected a map with pattern and lengths")
        pat = c["pattern"][0]
        if pat not in PATTERNS:
            fail(c["pattern"][1], f"cases[{i}].pattern", f"unknown pattern '{pat}' (one of {', '.join(PATTERNS)})")
        lengths = integer(c.get("lengths", (1, line))[0], c.get("lengths", (1, line))[1], f"cases[{i}].lengths",
                          1, 64)
        cases.append({"pattern": pat, "lengths": lengths})
    plain = {}
    for sect in ("run", "sweep"):
        if sect in top:
            if not isinstance(top[sect][0], dict):
                fail(top[sect][1], sect, "expected a map")
            plain[sect] = _plain(top[sect][0])
        else:
            plain[sect] = {}
    for k in ("pattern", "lengths", "rate"):
        if k in plain["run"]:
            fail(top["run"][0][k][1], f"run.{k}", "set by the study for every point; remove it here")
    return {"file": str(path.resolve()), "routers": routers, "meshes": meshes, "cases": cases, "run": plain["run"],
            "sweep": plain["sweep"]}


# ---------------------------------------------------------------------------------------------- plan
def plan(study, build_dir: Path, out: Path, synth=True):
    """The points: one sweep per (mesh, router, case) and one synthesis per router (unless synth is False)."""
    import yaml
    nanodojo = build_dir / "bin/nanodojo"
    points = []
    cfg_dir = out / "configs"
    cfg_dir.mkdir(parents=True, exist_ok=True)
    # Yosys (yowasp, WebAssembly) sees only the working tree: the synthesis results go under OUT/synth.
    if synth and not out.is_relative_to(ROOT):
        raise InputError(f"--out {out}: must be inside the working tree {ROOT} (Yosys cannot see other folders)")
    synth_out = out / "synth"
    for r in study["routers"] if synth else []:
        name = "noc_router_" + router_tag(r)
        points.append({"id": "synth_" + router_tag(r), "kind": "synth", "router": r,
                       "argv": [sys.executable, str(ROOT / "scripts/synth/synth.py"), "noc_router",
                                "--out", str(synth_out), "--name", name, "--param", f"NumVcs={r['vcs']}",
                                "--param", f"BufDepth={r['buf_depth']}", "--param", f"AllocIters={r['alloc_iters']}",
                                "--param", f"VcPolicy={VC_POLICIES.index(r['vc_policy'])}",
                                "--param", f"InSpeedup={r['in_speedup']}"],
                       "result": str(synth_out / name / "report.json")})
    for m in study["meshes"]:
        for r in study["routers"]:
            for c in study["cases"]:
                pid = f"{m}x{m}_{router_tag(r)}_{case_tag(c)}"
                cfg = {"build": {"rows": m, "cols": m, "vcs": r["vcs"], "buf_depth": r["buf_depth"],
                                 "flit_width": 128, "alloc_iters": r["alloc_iters"], "vc_policy": r["vc_policy"],
                                 "in_speedup": r["in_speedup"]},
                       "run": {"pattern": c["pattern"], "lengths": c["lengths"], **study["run"]},
                       "sweep": study["sweep"]}
                cfg_path = cfg_dir / f"{pid}.yaml"
                cfg_path.write_text(f"# {pid}: written by scripts/noc_dse.py from {study['file']}\n"
                                    + yaml.safe_dump(cfg, sort_keys=False))
                result = out / "points" / f"{pid}.json"
                points.append({"id": pid, "kind": "sweep", "mesh": m, "router": r, "case": c,
                               "argv": [str(nanodojo), "sweep", str(cfg_path), "--quiet", "--no-plot",
                                        "--csv", str(out / "points" / f"{pid}.csv"), "--json", str(result)],
                               "result": str(result)})
    (out / "points").mkdir(parents=True, exist_ok=True)
    (out / "plan.json").write_text(json.dumps({"study": study, "build_dir": str(build_dir), "points": points},
                                              indent=1) + "\n")
    return points


def variants(study):
    return [f"{m}x{m}:{r['vcs']}:{r['buf_depth']}:{r['alloc_iters']}:{r['vc_policy']}:s{r['in_speedup']}"
            for m in study["meshes"] for r in study["routers"]]


def build(study, build_dir: Path, jobs: int):
    """Configures BUILD_DIR with the study's lean meshes (ND_NOC_VARIANTS) and builds nanodojo there."""
    cfg = ["cmake", "-S", str(ROOT), "-B", str(build_dir), "-G", "Ninja", "-DCMAKE_BUILD_TYPE=Release",
           "-DCMAKE_CXX_COMPILER_LAUNCHER=ccache", "-DND_NOC_VARIANTS=" + ";".join(variants(study))]
    print("noc-dse: configuring " + str(build_dir) + f" with {len(variants(study))} lean meshes", flush=True)
    subprocess.run(cfg, check=True, stdout=subprocess.DEVNULL)
    subprocess.run(["cmake", "--build", str(build_dir), "-j", str(jobs), "--target", "nanodojo"], check=True)


# ---------------------------------------------------------------------------------------------- run
def run_point(point):
    """Runs one point; returns (id, exit status, seconds, last lines of its output). Also used by Dask."""
    t0 = time.monotonic()
    r = subprocess.run(point["argv"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    tail = "\n".join(r.stdout.strip().splitlines()[-3:])
    return point["id"], r.returncode, time.monotonic() - t0, tail


def summary(point):
    try:
        d = json.loads(Path(point["result"]).read_text())
    except (OSError, ValueError):
        return ""
    if point["kind"] == "sweep":
        return f"sat {d['saturation']:.2f}, peak {d['peak_accepted']:.3f}"
    return f"{d.get('cells')} cells, {d.get('flops')} flops" if "error" not in d else d["error"]


def run_all(points, submit_many):
    """Runs the points through submit_many (an iterator of run_point results); prints a progress line each."""
    by_id = {p["id"]: p for p in points}
    failed, done, t0 = [], 0, time.monotonic()
    for pid, rc, secs, tail in submit_many(points):
        done += 1
        state = summary(by_id[pid]) if rc == 0 else f"FAILED (exit {rc}): {tail}"
        if rc != 0:
            failed.append(pid)
        print(f"noc-dse: [{done:3d}/{len(points)}] {time.monotonic() - t0:7.0f} s  {pid}: {state}", flush=True)
    return failed


def local_engine(jobs):
    def submit_many(points):
        with ThreadPoolExecutor(max_workers=jobs) as pool:
            futures = [pool.submit(run_point, p) for p in points]
            for f in as_completed(futures):
                yield f.result()
    return submit_many


def dask_engine(address, jobs):
    try:
        from dask.distributed import Client, LocalCluster, as_completed as dask_completed
    except ImportError:
        raise InputError("--dask: the dask.distributed package is not installed "
                         "(pip install 'dask[distributed]'; docs/noc.md \"Running the study on a cluster\")")

    def submit_many(points):
        if address == "local":
            cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None)
            client = Client(cluster)
        else:
            cluster, client = None, Client(address)
        try:
            futures = [client.submit(run_point, p, key="noc-dse-" + p["id"], pure=False) for p in points]
            for f in dask_completed(futures):
                yield f.result()
        finally:
            client.close()
            if cluster:
                cluster.close()
    return submit_many


def write_slurm(path: Path, out: Path, count: int):
    script = f"""#!/bin/bash
# Router design-space study as a Slurm job array: one task per point of {out}/plan.json.
# Written by scripts/noc_dse.py; the build directory and OUT must be on a filesystem every node sees.
#   sbatch {path}        then, when every task has finished:
#   {ROOT}/scripts/noc_dse.py merge --out {out}
#SBATCH --job-name=nanodojo-noc-dse
#SBATCH --array=0-{count - 1}
#SBATCH --cpus-per-task=1
#SBATCH --output={out}/slurm/%A_%a.log
exec {shlex.quote(sys.executable)} {shlex.quote(str(Path(__file__).resolve()))} point "$SLURM_ARRAY_TASK_ID" --out {shlex.quote(str(out))}
"""
    (out / "slurm").mkdir(parents=True, exist_ok=True)
    path.write_text(script)
    path.chmod(0o755)


# ---------------------------------------------------------------------------------------------- main
def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("action", nargs="?", default="all", choices=["all", "point", "merge"])
    ap.add_argument("index", nargs="?", type=int, help="point index (action point)")
    ap.add_argument("--study", default=str(DEFAULT_STUDY))
    ap.add_argument("--build-dir", default=str(ROOT / "build/dse"))
    ap.add_argument("--out", default=str(ROOT / "build/bench/noc_dse"))
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--doc", default=None, help="markdown file whose generated study table is replaced")
    ap.add_argument("--dask", default=None, metavar="ADDRESS", help="scheduler address, or 'local'")
    ap.add_argument("--slurm", default=None, metavar="FILE", help="write a Slurm job-array script and stop")
    ap.add_argument("--skip-build", action="store_true", help="use the nanodojo already in --build-dir")
    ap.add_argument("--no-synth", action="store_true", help="sweeps only: no synthesis points")
    ap.add_argument("--resume", action="store_true", help="skip the points whose result JSON already exists")
    args = ap.parse_args()
    out = Path(args.out).resolve()
    try:
        if args.jobs < 1:
            raise InputError(f"--jobs {args.jobs}: must be at least 1")
        if args.action == "point":
            points = read_plan(out)["points"]
            if args.index is None or not 0 <= args.index < len(points):
                raise InputError(f"point index {args.index}: not in 0..{len(points) - 1}")
            pid, rc, secs, tail = run_point(points[args.index])
            print(f"noc-dse: {pid}: exit {rc} in {secs:.0f} s\n{tail}")
            return 1 if rc else 0
        if args.action == "merge":
            return merge(out, args.doc)
        study = load_study(Path(args.study))
        build_dir = Path(args.build_dir).resolve()
        points = plan(study, build_dir, out, synth=not args.no_synth)
        print(f"noc-dse: {len(points)} points ({len(study['routers'])} routers x {len(study['meshes'])} meshes x "
              f"{len(study['cases'])} cases, plus one synthesis per router); plan in {out / 'plan.json'}")
        if args.slurm:
            write_slurm(Path(args.slurm), out, len(points))
            print(f"noc-dse: wrote {args.slurm}; build first: cmake -S {ROOT} -B {build_dir} "
                  f"-DND_NOC_VARIANTS='{';'.join(variants(study))}' && cmake --build {build_dir} --target nanodojo")
            return 0
        if not args.skip_build:
            build(study, build_dir, args.jobs)
        if not args.no_synth and not (out / "synth/tech/osu018_stdcells.lib").exists():
            subprocess.run([str(ROOT / "scripts/synth/liberty.sh"), str(out / "synth/tech")], check=True)
        engine = dask_engine(args.dask, args.jobs) if args.dask else local_engine(args.jobs)
        todo = [p for p in points if not (args.resume and Path(p["result"]).exists())]
        if len(todo) < len(points):
            print(f"noc-dse: --resume: {len(points) - len(todo)} points already have results")
        failed = run_all(todo, engine)
        rc = merge(out, args.doc)
        if failed:
            print(f"noc-dse: {len(failed)} points failed: {', '.join(failed)}", file=sys.stderr)
        return 1 if failed or rc else 0
    except InputError as e:
        print(f"noc-dse: error: {e}", file=sys.stderr)
        return 2
    except subprocess.CalledProcessError as e:
        print(f"noc-dse: build failed: {' '.join(map(str, e.cmd))}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
