"""The synthesis manifest (scripts/synth/blocks.txt) and the clock corners (constraints/*.sdc)."""
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import List, Optional, Tuple

ROOT = Path(__file__).resolve().parents[2]
MANIFEST = ROOT / "scripts/synth/blocks.txt"
CORNERS = ["d1", "relaxed"]  # constraints/<corner>.sdc; the first one sets ABC's delay target


class ManifestError(Exception):
    pass


@dataclass
class Block:
    name: str
    top: str
    quick: bool = False
    noeq: bool = False  # no netlist-vs-RTL simulation (tb/synth): the netlist is too large for Verilator
    keep: List[str] = field(default_factory=list)  # modules synthesized once each, as their own hierarchy
    params: List[Tuple[str, str]] = field(default_factory=list)
    file: Optional[Path] = None  # rtl/<dir>/<top>.sv, None while the block has not landed
    line: int = 0


def module_file(top: str) -> Optional[Path]:
    hits = sorted((ROOT / "rtl").glob(f"*/{top}.sv"))
    return hits[0] if hits else None


def load(path: Path = MANIFEST) -> List[Block]:
    blocks, names = [], set()
    for n, raw in enumerate(path.read_text().splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        words = line.split()
        if len(words) < 2:
            raise ManifestError(f"{path}:{n}: key 'top': expected "
                                "'<name> <top> [quick] [noeq] [keep:<module>,...] [Param=Value ...]'")
        b = Block(name=words[0], top=words[1], line=n)
        for w in words[2:]:
            if w == "quick":
                b.quick = True
            elif w == "noeq":
                b.noeq = True
            elif re.fullmatch(r"keep:[A-Za-z_]\w*(,[A-Za-z_]\w*)*", w):
                b.keep = w[len("keep:"):].split(",")
            elif re.fullmatch(r"[A-Za-z_]\w*=\S+", w):
                k, v = w.split("=", 1)
                b.params.append((k, v))
            else:
                raise ManifestError(f"{path}:{n}: key '{w}': not 'quick', 'noeq', 'keep:<module>,...' "
                                    "nor Param=Value")
        if not re.fullmatch(r"[A-Za-z_]\w*", b.name) or not re.fullmatch(r"[A-Za-z_]\w*", b.top):
            raise ManifestError(f"{path}:{n}: key 'name': '{b.name}' / '{b.top}' are not identifiers")
        if b.name in names:
            raise ManifestError(f"{path}:{n}: key '{b.name}': block listed twice")
        names.add(b.name)
        b.file = module_file(b.top)
        blocks.append(b)
    return blocks


def find(name: str) -> Block:
    for b in load():
        if b.name == name:
            return b
    raise ManifestError(f"{MANIFEST}: key '{name}': no such block")


def corners() -> List[Path]:
    paths = [ROOT / "constraints" / f"{c}.sdc" for c in CORNERS]
    for p in paths:
        if not p.exists():
            raise ManifestError(f"{p}: missing constraint file")
    return paths


def sdc_period_ns(sdc: Path) -> float:
    """Period of the first create_clock in an SDC file (ns), following one `set NAME value` indirection."""
    text = sdc.read_text()
    variables = dict(re.findall(r"^\s*set\s+(\w+)\s+([\d.]+)", text, re.M))
    m = re.search(r"create_clock\b.*?-period\s+(\$?\w[\w.]*)", text)
    if not m:
        raise ManifestError(f"{sdc}: key 'create_clock': no clock period found")
    v = m.group(1)
    return float(variables[v[1:]] if v.startswith("$") else v)
