#!/usr/bin/env python3
"""Runs the libFuzzer harnesses of tb/fuzz/ (make fuzz) and writes their figures as JSON.

  fuzz.py --bin BUILD/bin --out BUILD/fuzz --seconds N --json OUT.json [--sw DIR] [--check] [HARNESS ...]

For each harness (default: every build/bin/fuzz_*):
- seeds (regenerated each run) under OUT/seeds/<h>/ from the repository's own inputs: sim/configs/*.yaml and
  the YAML snippets of the tests for the YAML loaders, the ELFs the build made (debug sections stripped) for
  the ELF loader, tb/fp/vectors for the vector files (first byte: the operation, as the harness reads it);
- the regression corpus tb/fuzz/corpus/<h>/ (inputs that once crashed a loader; kept in git);
- the working corpus OUT/corpus/<h>/ (grows from run to run);
- crashes to OUT/crashes/<h>/ (libFuzzer's crash-*, timeout-*, leak-*, oom-* files).
A run that stops on a crash is restarted for the time left (at most MAX_RESTARTS times), so one crash does
not end the harness's time. --check only replays the regression corpus and the seeds once (no fuzzing).
Exit status: 0 when no harness crashed, 1 otherwise.
"""
import argparse
import ast
import datetime
import json
import pathlib
import re
import shutil
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
MAX_RESTARTS = 20

# Harness -> what it reads (for the report).
LOADERS = {
    "traffic_config": ("traffic config YAML", "tb/noc/traffic_config.cpp"),
    "tile_scenario": ("tile scenario YAML (GEMM and traffic phases, GEMM plan)",
                      "tb/tile/tile_scenario.cpp, gemm_plan.cpp"),
    "elf": ("ELF program", "tb/core/program_image.cpp"),
    "fp_vectors": ("FP vector file", "tb/fp/fp_vector_file.cpp"),
}
# Operation index of the fp_vectors harness (first byte of an input): nd::fp::VectorOp's order.
FP_OPS = ["f32_mulAdd", "f32_add", "f32_mul", "f32_to_bf16", "bf16_to_f32", "f32_to_cfp8", "bf16_to_cfp8",
          "cfp8_to_f32"]
STRING_LITERAL = re.compile(r'R"\((.*?)\)"|"((?:[^"\\\n]|\\.)*)"', re.S)


def yaml_snippets(paths) -> list:
    """YAML texts written inside C++ tests: raw strings, and string literals with a newline and a colon."""
    out = []
    for p in paths:
        for m in STRING_LITERAL.finditer(p.read_text()):
            if m.group(1) is not None:
                text = m.group(1)
            else:
                if "\\n" not in m.group(2) or ":" not in m.group(2):
                    continue
                try:
                    text = ast.literal_eval('"' + m.group(2) + '"')
                except (ValueError, SyntaxError):
                    continue
            if ":" in text:
                out.append(text.encode())
    return out


def seeds(harness: str, sw: pathlib.Path) -> list:
    if harness in ("traffic_config", "tile_scenario"):
        texts = [p.read_bytes() for p in sorted((ROOT / "sim/configs").glob("*.yaml"))]
        tests = {"traffic_config": ["tb/noc/traffic_config.test.cpp", "tb/noc/traffic_cli.test.cpp"],
                 "tile_scenario": ["tb/tile/scenario_cli.test.cpp", "tb/tile/tile_cli.test.cpp"]}[harness]
        return texts + yaml_snippets(ROOT / t for t in tests if (ROOT / t).is_file())
    if harness == "elf":
        out = []
        objcopy = shutil.which("riscv64-unknown-elf-objcopy")
        for elf in sorted(sw.glob("*.elf")) if sw and sw.is_dir() else []:
            if objcopy:
                tmp = elf.with_suffix(".fuzzseed")
                subprocess.run([objcopy, "--strip-debug", str(elf), str(tmp)], check=True)
                out.append(tmp.read_bytes())
                tmp.unlink()
            else:
                out.append(elf.read_bytes())
        return out
    if harness == "fp_vectors":
        out = []
        for f in sorted((ROOT / "tb/fp/vectors").rglob("*.tv")):
            op = next((i for i, n in enumerate(FP_OPS) if f.name.startswith(n)), 0)
            text = f.read_bytes()[:3000]
            out.append(bytes([op]) + text[:text.rfind(b"\n") + 1])
        return out
    return []


def write_seeds(harness: str, sw: pathlib.Path, out: pathlib.Path) -> int:
    d = out / "seeds" / harness
    shutil.rmtree(d, ignore_errors=True)
    d.mkdir(parents=True)
    data = seeds(harness, sw)
    for i, s in enumerate(data):
        (d / f"seed_{i:03d}").write_bytes(s)
    return len(data)


def parse_stats(log: str) -> dict:
    """Executions and exec/s of one libFuzzer run: its final stats, else its last status line."""
    st = dict(re.findall(r"^stat::(\w+):\s+(\d+)", log, re.M))
    if "number_of_executed_units" in st:
        return {"executions": int(st["number_of_executed_units"]),
                "exec_per_s": int(st.get("average_exec_per_sec", 0))}
    lines = re.findall(r"^#(\d+)\s.*?exec/s: (\d+)", log, re.M)
    if lines:
        return {"executions": int(lines[-1][0]), "exec_per_s": int(lines[-1][1])}
    done = re.findall(r"^#(\d+)\s+DONE", log, re.M)
    return {"executions": int(done[-1]) if done else 0, "exec_per_s": 0}


def artifacts(d: pathlib.Path) -> set:
    return {p.name for p in d.iterdir()} if d.is_dir() else set()


def run_harness(binary: pathlib.Path, harness: str, out: pathlib.Path, seconds: int, check: bool) -> dict:
    corpus = out / "corpus" / harness
    crashes = out / "crashes" / harness
    logs = out / "logs"
    for d in (corpus, crashes, logs):
        d.mkdir(parents=True, exist_ok=True)
    regress = ROOT / "tb/fuzz/corpus" / harness
    inputs = [str(p) for p in (regress, out / "seeds" / harness) if p.is_dir()]
    common = ["-timeout=10", "-rss_limit_mb=2048", "-print_final_stats=1", f"-artifact_prefix={crashes}/"]
    before = artifacts(crashes)
    executions, rates, restarts, failed = 0, [], 0, False
    log_path = logs / f"{harness}.log"
    with open(log_path, "w") as log:
        if check:
            files = [str(p) for d in inputs for p in sorted(pathlib.Path(d).iterdir())]
            r = subprocess.run([str(binary)] + common + files, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               text=True, errors="replace")
            log.write(r.stdout)
            failed = r.returncode != 0
            executions = len(files)
        else:
            end = time.monotonic() + seconds
            while True:
                left = int(end - time.monotonic())
                if left < 1:
                    break
                r = subprocess.run([str(binary), f"-max_total_time={left}"] + common + [str(corpus)] + inputs,
                                   stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, errors="replace")
                log.write(r.stdout)
                s = parse_stats(r.stdout)
                executions += s["executions"]
                rates.append(s["exec_per_s"])
                if r.returncode == 0:
                    break
                failed = True
                restarts += 1
                if restarts > MAX_RESTARTS:
                    break
    new = sorted(artifacts(crashes) - before)
    what, loader = LOADERS.get(harness, (harness, ""))
    return {
        "harness": harness,
        "reads": what,
        "loader": loader,
        "seconds": 0 if check else seconds,
        "executions": executions,
        "exec_per_s": round(executions / seconds) if seconds and not check else 0,
        "corpus": len(artifacts(corpus)),
        "regression_inputs": len(artifacts(regress)),
        "crashes": len(new) if not check else int(failed),
        "crash_files": [str(crashes / n) for n in new],
        "failed": failed,
        "log": str(log_path),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", required=True, type=pathlib.Path)
    ap.add_argument("--out", required=True, type=pathlib.Path)
    ap.add_argument("--seconds", type=int, default=60)
    ap.add_argument("--json", type=pathlib.Path)
    ap.add_argument("--sw", type=pathlib.Path)
    ap.add_argument("--check", action="store_true")
    ap.add_argument("harness", nargs="*")
    a = ap.parse_args()
    names = a.harness or sorted(p.name[len("fuzz_"):] for p in a.bin.glob("fuzz_*"))
    if not names:
        print(f"fuzz: no harnesses in {a.bin}", file=sys.stderr)
        return 2
    results = []
    for h in names:
        binary = a.bin / f"fuzz_{h}"
        n = write_seeds(h, a.sw, a.out)
        print(f"fuzz: {h}: {n} seeds, {'replay' if a.check else str(a.seconds) + ' s'}", flush=True)
        r = run_harness(binary, h, a.out, a.seconds, a.check)
        r["seeds"] = n
        results.append(r)
        print(f"fuzz: {h}: {r['executions']} executions, corpus {r['corpus']}, crashes {r['crashes']}"
              + (f" (see {r['log']})" if r["failed"] else ""), flush=True)
        for c in r["crash_files"]:
            print(f"fuzz:   {c}", flush=True)
    if a.json and not a.check:
        a.json.parent.mkdir(parents=True, exist_ok=True)
        rows = [[f"`fuzz_{r['harness']}`", r["reads"], f"`{r['loader']}`", r["seconds"], r["executions"],
                 r["exec_per_s"], r["seeds"] + r["regression_inputs"], r["corpus"], r["crashes"]]
                for r in results]
        a.json.write_text(json.dumps({
            "block": "Fuzzing",
            "summary": (f"`make fuzz FUZZ_SECONDS={a.seconds}` ({datetime.date.today().isoformat()}): each libFuzzer "
                        "harness of `tb/fuzz/` (clang 14, AddressSanitizer and UndefinedBehaviorSanitizer) on its "
                        "loader for the time given, from the repository's own files and the regression corpus "
                        "`tb/fuzz/corpus/`. A crash is any exception other than `nd::InputError` naming the file, "
                        "a signal, a sanitizer report or a hang (10 s per input); docs/verification.md lists the "
                        "ones found and fixed."),
            "tables": [{"title": "Harnesses", "columns": ["harness", "reads", "loader", "seconds", "executions",
                                                          "exec/s", "starting inputs", "corpus after", "crashes"],
                        "rows": rows}],
            "harnesses": results,
        }, indent=2) + "\n")
    return 1 if any(r["failed"] for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
