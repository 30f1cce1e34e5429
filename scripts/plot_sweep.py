#!/usr/bin/env python3
"""Plots latency versus offered load from `nanodojo sweep` CSV files (one curve per file).

usage: plot_sweep.py -o OUT.png [--title TITLE] [--label NAME ...] SWEEP.csv [SWEEP.csv ...]

Average packet latency (creation at the source queue to tail arrival) against offered load; points the
sweep judged unstable are drawn hollow. Accepted load is drawn in a second panel.
"""
import argparse
import csv
import pathlib
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402


def read(path):
    with open(path, newline="") as f:
        return [{k: float(v) for k, v in row.items()} for row in csv.DictReader(f)]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-o", "--out", required=True)
    ap.add_argument("--title", default="latency versus offered load")
    ap.add_argument("--label", action="append", default=[])
    ap.add_argument("csv", nargs="+")
    a = ap.parse_args()
    fig, (ax, bx) = plt.subplots(1, 2, figsize=(11, 4.2))
    for i, path in enumerate(a.csv):
        try:
            rows = sorted(read(path), key=lambda r: r["rate"])
        except (OSError, KeyError, ValueError) as e:
            print(f"plot_sweep: cannot read {path}: {e}", file=sys.stderr)
            return 2
        label = a.label[i] if i < len(a.label) else pathlib.Path(path).stem
        x = [r["rate"] for r in rows]
        y = [r["latency_avg"] for r in rows]
        (line,) = ax.plot(x, y, "-", label=label)
        st = [r for r in rows if r["stable"]]
        un = [r for r in rows if not r["stable"]]
        ax.plot([r["rate"] for r in st], [r["latency_avg"] for r in st], "o", color=line.get_color())
        ax.plot([r["rate"] for r in un], [r["latency_avg"] for r in un], "o", mfc="none", color=line.get_color())
        bx.plot(x, [r["accepted"] for r in rows], "o-", color=line.get_color(), label=label)
    ax.set_xlabel("offered load (flits/node/cycle)")
    ax.set_ylabel("average packet latency (cycles)")
    ax.set_yscale("log")
    ax.grid(True, which="both", alpha=0.3)
    bx.plot([0, 1], [0, 1], ":", color="gray", label="accepted = offered")
    bx.set_xlabel("offered load (flits/node/cycle)")
    bx.set_ylabel("accepted load (flits/node/cycle)")
    bx.grid(True, alpha=0.3)
    ax.legend(fontsize=8)
    bx.legend(fontsize=8)
    fig.suptitle(a.title + "  (hollow: unstable)", fontsize=10)
    fig.tight_layout()
    fig.savefig(a.out, dpi=110)
    return 0


if __name__ == "__main__":
    sys.exit(main())
