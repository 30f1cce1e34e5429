#!/usr/bin/python3
"""Writes a GTKWave save file (.gtkw) for a wave file, grouping the signals people look at first.

  scripts/gtkw.py WAVES.fst|WAVES.vcd [-o SESSION.gtkw] [--check]

The groups come from the signal names found in the wave file itself (read with GTKWave's fst2vcd), matched
against the rules below, so a renamed signal only drops out of its group instead of breaking the session:
- clock and reset of the top module;
- router (nd_noc_router, alone or in a mesh): per input port the link (valid, type, VC, credits, head-flit data,
  route, state), per output port valid/credits/owner, the allocator's requests and grants;
- core (nd_core, nd_core_system): pc, retired instruction, traps, MXU and DMA commands;
- node (when present): DMA state, MXU command;
- a tile (nd_tile): only one group per node, "node (x,y)": core pc, MXU command and busy, MXU array step, DMA
  command, busy and packet sender state, the NI's flits, and the valid / type of the flits entering the node's
  router on each port;
- any other design: the top module's ports.
"""
import argparse
import re
import subprocess
import sys
from pathlib import Path

# (group title, regex on the scope's own name, regexes of the signals to show in that order, max signals)
RULES = [
    ("{path}", r"^u_in$", [r"^flit_valid_i$", r"^flit_type_i", r"^flit_vc_i", r"^credit_o", r"^flit_data_i",
                           r"^req_valid_o", r"^req_port_o", r"^req_ovc_o", r"^state_o", r"^usage_o"], 12),
    ("{path}", r"^u_out$", [r"valid", r"credit", r"^owner", r"busy", r"type", r"vc", r"data"], 12),
    ("{path}", r"^u_alloc$", [r"^req", r"gnt|grant", r"^send", r"stall"], 12),
    ("{path}", r"^(u_core|nd_core)$", [r"^retire_valid_o$", r"^retire_pc_o$", r"^retire_insn_o$", r"(^|_)pc(_q)?$",
                                    r"^halted_o$", r"^trap_cause_o$", r"^trap_pc_o$", r"^mxu_cmd", r"^dma_cmd",
                                    r"busy_i$", r"stall"], 20),
    ("{path}", r"^(u_node|node)$", [r"pc", r"retire", r"mxu_cmd", r"dma.*(state|valid|ready)", r"state"], 20),
    ("{path}", r"^(u_dma|dma\w*)$", [r"state", r"valid", r"ready", r"addr", r"len"], 12),
    ("{path}", r"^(u_mxu|nd_mxu|mxu\w*)$", [r"cmd", r"state", r"busy", r"valid", r"ready"], 12),
    # MXU engines (rtl/mxu): jobs in, memory requests and grants out, step/row progress.
    ("{path}", r"^u_(fetch|array|reduce|store|decode)$", [r"^job_valid", r"^job_ready", r"req", r"gnt", r"addr",
                                                          r"step|row|kdone", r"valid", r"ready"], 12),
]
MAX_GROUPS = 48

# A tile's node group: (scope below the node or its router, regexes of the signals to show in that order).
TILE_NODE = [
    (r"^u_core$", [r"^retire_valid_o$", r"^retire_pc_o$", r"^halted_o$"]),
    (r"^$", [r"^run$", r"^mxu_cmd_valid$", r"^mxu_cmd_ready$", r"^mxu_busy$", r"^dma_cmd_valid$",
             r"^dma_cmd_ready$", r"^dma_busy$", r"^dma_flit_valid$", r"^ni_ack$", r"^ni_rdata_done$"]),
    (r"^u_mxu$", [r"^cmd_i$"]),
    (r"^u_mxu\.u_array$", [r"^job_valid", r"step"]),
    (r"^u_dma\.u_tx$", [r"^st_q$", r"^op_q$", r"^idle_o$"]),
    (r"u_in$", [r"^flit_valid_i$", r"^flit_type_i"]),
]
TILE_NODE_RE = re.compile(r"gen_row\[(\d+)\]\.gen_col\[(\d+)\]\.u_node$")


def tile_groups(scopes):
    """Per-node groups of a tile (nd_tile), or [] for other designs."""
    nodes = sorted((int(m.group(1)), int(m.group(2)), p) for p in scopes for m in [TILE_NODE_RE.search(p)] if m)
    groups = []
    for y, x, node in nodes:
        router = next((p for p in scopes if re.search(rf"u_mesh\.gen_row\[{y}\]\.gen_col\[{x}\]\.u_router$", p)),
                      None)
        chosen = []
        for scope_re, sig_res in TILE_NODE:
            for base in (node, router):
                if base is None:
                    continue
                for path in scopes:
                    rel = path[len(base) + 1:] if path.startswith(base + ".") else ("" if path == base else None)
                    if rel is None or not re.search(scope_re, rel) or (scope_re == r"^$" and base != node):
                        continue
                    for sre in sig_res:
                        chosen += [(f"{path}.{n}{r}", w) for n, w, r in scopes[path] if re.search(sre, n)]
        if chosen:
            groups.append((f"node ({x},{y})", chosen[:40]))
    return groups


def read_hierarchy(waves: Path):
    """{scope path: [(name, width, range)]} in declaration order, from the wave file's header."""
    if waves.suffix == ".vcd":
        stream = open(waves, "r", errors="replace")
        proc = None
    else:
        proc = subprocess.Popen(["fst2vcd", "-f", str(waves)], stdout=subprocess.PIPE, text=True, errors="replace")
        stream = proc.stdout
    scopes, stack = {}, []
    try:
        for line in stream:
            w = line.split()
            if not w:
                continue
            if w[0] == "$scope":
                stack.append(w[2])
                scopes.setdefault(".".join(stack), [])
            elif w[0] == "$upscope":
                stack.pop()
            elif w[0] == "$var":
                # $var wire 5 ! in_valid_i [4:0] $end
                width, name = int(w[2]), w[4]
                rng = w[5] if len(w) > 6 and w[5].startswith("[") else ""
                m = re.fullmatch(r"\[(\d+):\1\]", rng)
                if m:  # GTKWave names a one-bit vector sig[k], not sig[k:k]
                    rng = f"[{m.group(1)}]"
                scopes.setdefault(".".join(stack), []).append((name, width, rng))
            elif w[0] == "$enddefinitions":
                break
    finally:
        if proc:
            proc.kill()
            proc.wait()
        else:
            stream.close()
    return scopes


def group_signals(scopes):
    """[(title, [(full name, width)])]"""
    groups = []
    paths = list(scopes)
    top = next((p for p in paths if p.count(".") == 1), None)  # TOP.<top module>
    if top:
        cr = [(f"{top}.{n}{r}", w) for n, w, r in scopes[top] if n in ("clk_i", "rst_ni")]
        if cr:
            groups.append(("clock and reset", cr))
    tile = tile_groups(scopes)
    if tile:  # a tile: one group per node, which already holds its router's links
        return (groups + tile)[:MAX_GROUPS]
    matched = False
    for title, scope_re, sig_res, cap in RULES:
        for path in paths:
            leaf = path.rsplit(".", 1)[-1]
            if not re.search(scope_re, leaf):
                continue
            chosen, seen = [], set()
            for sre in sig_res:
                for n, w, r in scopes[path]:
                    if n not in seen and re.search(sre, n):
                        chosen.append((f"{path}.{n}{r}", w))
                        seen.add(n)
            if chosen:
                groups.append((title.format(path=path.split(".", 1)[-1]), chosen[:cap]))
                matched = True
    if not matched and top:
        ports = [(f"{top}.{n}{r}", w) for n, w, r in scopes[top]
                 if re.search(r"_(i|o|ni|no)$", n) and n not in ("clk_i", "rst_ni")]
        groups.append((top.split(".", 1)[-1] + " ports", ports[:64]))
    return groups[:MAX_GROUPS]


def write_gtkw(waves: Path, out: Path, groups):
    lines = ["[*] GTKWave session generated by scripts/gtkw.py (regenerate it rather than editing it)",
             f'[dumpfile] "{waves.resolve()}"', f'[savefile] "{out.resolve()}"',
             "[timestart] 0", "[size] 1600 900", "[pos] -1 -1", "[sst_width] 280", "[signals_width] 360",
             "[sst_expanded] 1", "[sst_vpaned_height] 260"]
    for title, sigs in groups:
        lines += ["@800200", f"-{title}"]
        for name, width in sigs:
            lines += ["@28" if width == 1 else "@22", name]
        lines += ["@1000200", f"-{title}"]
    out.write_text("\n".join(lines) + "\n")


CHECK_TCL = """set names [gtkwave::getDisplayedSignals]
foreach x $names {puts "ND_SHOWN $x"}
gtkwave::/File/Quit
"""


def check_session(waves: Path, session: Path) -> int:
    """Opens the session in GTKWave under xvfb-run and lists the signals GTKWave could not find."""
    tcl = session.with_suffix(".check.tcl")
    tcl.write_text(CHECK_TCL)
    r = subprocess.run(["xvfb-run", "-a", "gtkwave", "-S", str(tcl), str(waves), str(session)],
                       stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, timeout=300)
    tcl.unlink()
    shown = {l.split(" ", 1)[1].strip() for l in r.stdout.splitlines() if l.startswith("ND_SHOWN ")}
    asked = [l.strip() for l in session.read_text().splitlines() if l.startswith("TOP")]
    missing = [a for a in asked if a not in shown]
    for m in missing:
        print(f"gtkw: {session}: GTKWave does not find {m}", file=sys.stderr)
    print(f"gtkw: check: {len(asked) - len(missing)} of {len(asked)} signals found by GTKWave")
    return 1 if missing or not shown else 0


def main_for(waves: Path, out: Path) -> int:
    scopes = read_hierarchy(waves)
    if not scopes:
        print(f"gtkw: error: {waves}: no signals found (not an FST/VCD file?)", file=sys.stderr)
        return 2
    groups = group_signals(scopes)
    write_gtkw(waves, out, groups)
    print(f"gtkw: {out} ({len(groups)} groups, {sum(len(s) for _, s in groups)} signals)")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("waves")
    ap.add_argument("-o", "--output", default=None, help="default: WAVES with .gtkw")
    ap.add_argument("--check", action="store_true", help="then open it in GTKWave (xvfb-run) and check every "
                    "signal resolves")
    args = ap.parse_args()
    waves = Path(args.waves)
    if not waves.is_file():
        print(f"gtkw: error: {waves}: no such wave file", file=sys.stderr)
        return 2
    out = Path(args.output) if args.output else waves.with_suffix(".gtkw")
    rc = main_for(waves, out)
    return check_session(waves, out) if rc == 0 and args.check else rc


if __name__ == "__main__":
    sys.exit(main())
