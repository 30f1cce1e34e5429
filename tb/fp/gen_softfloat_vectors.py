#!/usr/bin/env python3
"""Writes the reference vector files under tb/fp/vectors/softfloat/ from Berkeley SoftFloat 3 (through the
PyPI binding softfloatpy, x86 specialization, tininess after rounding, round to nearest even), in TestFloat's
format: operands, result and flags in hex, one case per line. `make test` replays them through the RTL.

  python3 -m venv /tmp/sf && /tmp/sf/bin/pip install softfloatpy
  /tmp/sf/bin/python tb/fp/gen_softfloat_vectors.py [--seed N] [--out DIR]

The operands are seeded random mixes aimed at the hard cases: every class (signed zeros, subnormals, normals
over all exponents, infinities, quiet and signaling NaNs), c close to a*b, exact and massive cancellation,
underflowing and overflowing products, and ties.
"""
import argparse
import random
import sys
from pathlib import Path

try:
    import softfloatpy as sf
except ImportError:
    print("gen_softfloat_vectors: needs the softfloatpy package (pip install softfloatpy)", file=sys.stderr)
    sys.exit(2)

COUNTS = {"f32_mulAdd": 10000, "f32_add": 5000, "f32_mul": 5000, "f32_to_bf16": 5000, "bf16_to_f32": 4096}


def f32(bits):
    return sf.Float32.from_bytes(bits.to_bytes(4, "big"))


def bits_of(x):
    return int.from_bytes(x.to_bytes(), "big")


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)

    def sign(self):
        return self.r.getrandbits(1) << 31

    def any(self, sig_bits=24):
        mask = ((1 << 23) - 1) & ~((1 << (24 - sig_bits)) - 1)
        k = self.r.randrange(100)
        s = self.sign()
        if k < 5:
            return s
        if k < 8:
            return s | 0x7F800000
        if k < 10:
            return s | 0x7FC00000 | (self.r.getrandbits(23) & mask)
        if k < 12:
            return s | 0x7FA00000 | (self.r.getrandbits(23) & mask & 0x1FFFFF)
        if k < 22:
            f = self.r.getrandbits(23) & mask
            return s | (f or (1 << (24 - sig_bits)))
        if k < 27:
            return s | (self.r.randint(1, 254) << 23) | mask
        return s | (self.r.randint(1, 254) << 23) | (self.r.getrandbits(23) & mask)

    def with_exp(self, e, sig_bits=24):
        mask = ((1 << 23) - 1) & ~((1 << (24 - sig_bits)) - 1)
        s = self.sign()
        e = min(e, 127)
        if e >= -126:
            return s | ((e + 127) << 23) | (self.r.getrandbits(23) & mask)
        shift = -126 - e
        if shift > 23:
            return s | (1 << (24 - sig_bits))
        f = ((1 << 23) | (self.r.getrandbits(23) & mask)) >> shift
        f &= mask
        return s | (f or (1 << (24 - sig_bits)))

    def triple(self):
        k = self.r.randrange(100)
        sb = 8 if self.r.getrandbits(1) else 24
        if k < 30:
            return self.any(sb), self.any(sb), self.any()
        if k < 50:
            ea, eb = self.r.randint(-140, 127), self.r.randint(-140, 127)
            return self.with_exp(ea, sb), self.with_exp(eb, sb), self.with_exp(ea + eb + self.r.randint(-30, 30))
        if k < 65:
            a, b = self.with_exp(self.r.randint(-80, 80), sb), self.with_exp(self.r.randint(-80, 80), sb)
            c = bits_of(sf.f32_mul(f32(a), f32(b))) ^ 0x80000000
            if (c & 0x7F800000) != 0x7F800000 and (c & 0x7FFFFFFF) > 2:
                c += self.r.randint(-2, 2)
            return a, b, c
        if k < 75:
            ea = self.r.randint(-100, -20)
            eb = self.r.randint(-170, -110) - ea
            c = self.sign() if self.r.randrange(3) == 0 else self.with_exp(self.r.randint(-149, -100))
            return self.with_exp(ea, sb), self.with_exp(eb, sb), c
        if k < 85:
            ea = self.r.randint(20, 127)
            eb = self.r.randint(115, 130) - ea
            c = self.with_exp(self.r.randint(100, 127)) if self.r.getrandbits(1) else self.any()
            return self.with_exp(ea, sb), self.with_exp(eb, sb), c
        # Ties: c's half-ulp at the exact product's lowest set bit (narrow multiplicands).
        a, b = self.with_exp(self.r.randint(-60, 60), 8), self.with_exp(self.r.randint(-60, 60), 8)

        def lsb_exp(x):
            e = (x >> 23) & 0xFF
            sig = (x & 0x7FFFFF) | (0x800000 if e else 0)
            return (e if e else 1) - 150 + ((sig & -sig).bit_length() - 1)

        ec = lsb_exp(a) + lsb_exp(b) + 24 + self.r.randint(0, 3) * self.r.getrandbits(1)
        if not -126 <= ec <= 127:
            return a, b, self.any()
        return a, b, self.sign() | ((ec + 127) << 23) | self.r.getrandbits(23)

    def pair(self):
        k = self.r.randrange(100)
        if k < 40:
            return self.any(), self.any()
        a = self.with_exp(self.r.randint(-149, 127))
        e = ((a >> 23) & 0xFF) - 127
        if k < 70:
            return a, self.with_exp(e + self.r.randint(-26, 26))
        if k < 85:
            return a, (a ^ 0x80000000) + self.r.randint(-2, 2) if (a & 0x7FFFFFFF) > 2 else a
        return a, self.sign() | (max(1, min(254, e + 127 - 24)) << 23)  # around a's half ulp


def run(op, x):
    sf.set_exception_flags(0)
    if op == "f32_mulAdd":
        r = bits_of(sf.f32_mul_add(f32(x[0]), f32(x[1]), f32(x[2])))
    elif op == "f32_add":
        r = bits_of(sf.f32_add(f32(x[0]), f32(x[1])))
    elif op == "f32_mul":
        r = bits_of(sf.f32_mul(f32(x[0]), f32(x[1])))
    elif op == "f32_to_bf16":
        r = int.from_bytes(sf.f32_to_bf16(f32(x[0])).to_bytes(), "big")
    else:
        r = bits_of(sf.bf16_to_f32(sf.BFloat16.from_bytes(x[0].to_bytes(2, "big"))))
    return r, int(sf.get_exception_flags())


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", default=str(Path(__file__).resolve().parent / "vectors" / "softfloat"))
    args = ap.parse_args()
    sf.set_tininess_mode(sf.TininessMode.AFTER_ROUNDING)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    g = Gen(args.seed)
    for op, n in COUNTS.items():
        lines = [f"# {op}: {n} cases from Berkeley SoftFloat 3 (softfloatpy), round to nearest even, tininess "
                 f"after rounding, seed {args.seed}. Regenerate with tb/fp/gen_softfloat_vectors.py."]
        for i in range(n):
            if op == "f32_mulAdd":
                x = g.triple()
            elif op in ("f32_add", "f32_mul"):
                x = g.pair() if op == "f32_add" else g.triple()[:2]
            elif op == "f32_to_bf16":
                hi = g.r.getrandbits(16)
                lo = [0x8000, 0x7FFF, 0x8001, 0x0000][i % 4] if i % 8 < 4 else g.r.getrandbits(16)
                x = ((hi << 16) | lo,)
            else:
                x = (g.r.getrandbits(16),)
            x = tuple(v & 0xFFFFFFFF for v in x)
            r, flags = run(op, x)
            width = 4 if op == "bf16_to_f32" else 8
            rwidth = 4 if op == "f32_to_bf16" else 8
            lines.append(" ".join(f"{v:0{width}X}" for v in x) + f" {r:0{rwidth}X} {flags:02X}")
        (out / f"{op}.tv").write_text("\n".join(lines) + "\n")
        print(f"{out / (op + '.tv')}: {n} cases")
    return 0


if __name__ == "__main__":
    sys.exit(main())
