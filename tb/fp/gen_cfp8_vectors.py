#!/usr/bin/env python3
"""Writes the example CFP8 vector files under tb/fp/vectors/cfp8/ (and one stochastic-rounding BF16 file) from
an independent reference: the numeric contract (docs/numerics.md) evaluated on exact rational numbers
(Python's fractions), sharing no code with the C++ golden model or the RTL. `make test` replays them through
the RTL (`nanodojo fpcheck`, tb/fp/fpcheck_examples.sh, and test_fp).

  python3 tb/fp/gen_cfp8_vectors.py [--out DIR]

Each file starts with a `# fpcheck:` line holding the options to replay it with, for example
  # fpcheck: --op f32_to_cfp8 --layout 1.4.3 --bias 7 --rounding stochastic --seed 5
Stochastic files are one stream: case i (in file order, comments skipped) is rounded with the i-th R of the
xorshift32 generator loaded with the seed.
"""
import argparse
import math
import random
from fractions import Fraction
from pathlib import Path

INEXACT, UNDERFLOW, OVERFLOW, INVALID, DENORMAL = 1, 2, 4, 16, 32
LAYOUTS = {"1.4.3": (4, 3), "1.5.2": (5, 2)}


class Xorshift32:
    """The stochastic-rounding generator: Marsaglia's xorshift32 (13, 17, 5); R = upper half of the new state."""

    def __init__(self, seed):
        self.s = seed if seed != 0 else 0x9E3779B9

    def next16(self):
        s = self.s
        s ^= (s << 13) & 0xFFFFFFFF
        s ^= s >> 17
        s ^= (s << 5) & 0xFFFFFFFF
        self.s = s
        return s >> 16


def f32_value(bits):
    """Exact value of a finite FP32 pattern."""
    e, m = (bits >> 23) & 0xFF, bits & 0x7FFFFF
    v = Fraction(m, 1 << 23) * Fraction(2) ** -126 if e == 0 else (1 + Fraction(m, 1 << 23)) * Fraction(2) ** (e - 127)
    return -v if bits >> 31 else v


def floor_log2(a):
    """floor(log2(a)) of a positive fraction, exactly."""
    e = a.numerator.bit_length() - a.denominator.bit_length()
    while Fraction(2) ** e > a:
        e -= 1
    while Fraction(2) ** (e + 1) <= a:
        e += 1
    return e


def rne(q):
    """q rounded to the nearest integer, ties to even."""
    n = math.floor(q)
    rest = q - n
    if rest > Fraction(1, 2) or (rest == Fraction(1, 2) and n % 2 == 1):
        n += 1
    return n


def cfp8_value(code, layout, bias):
    eb, mb = LAYOUTS[layout]
    s, e, m = code >> 7, (code >> mb) & ((1 << eb) - 1), code & ((1 << mb) - 1)
    v = (1 + Fraction(m, 1 << mb)) * Fraction(2) ** (e - bias) if e else Fraction(m, 1 << mb) * Fraction(2) ** (1 - bias)
    return -v if s else v


def cfp8_encode(r, layout, bias):
    """Code magnitude (0..0x7F) of a representable nonnegative value r."""
    eb, mb = LAYOUTS[layout]
    if r == 0:
        return 0
    if r < Fraction(2) ** (1 - bias):  # denormal
        m = r / Fraction(2) ** (1 - bias) * (1 << mb)
        assert m.denominator == 1
        return int(m)
    e = floor_log2(r)
    m = (r / Fraction(2) ** e - 1) * (1 << mb)
    assert m.denominator == 1
    return ((e + bias) << mb) | int(m)


def to_cfp8(bits, layout, bias, rnd):
    """FP32 -> CFP8 by the contract; rnd is None (RNE) or the element's 16-bit R. Returns (code, flags)."""
    eb, mb = LAYOUTS[layout]
    sign = 0x80 if bits >> 31 else 0
    exp, frac = (bits >> 23) & 0xFF, bits & 0x7FFFFF
    if exp == 0xFF:
        return (sign | 0x7F, INVALID) if frac else (sign | 0x7F, OVERFLOW | INEXACT)
    a = abs(f32_value(bits))
    if a == 0:
        return sign, 0
    largest = cfp8_value(0x7F, layout, bias)
    min_normal = Fraction(2) ** (1 - bias)
    e = floor_log2(a)
    ulp = Fraction(2) ** (max(e, 1 - bias) - mb)
    q = a / ulp
    inexact = q.denominator != 1
    if rnd is None:
        n = rne(q)
        # tininess after rounding: rounded to mb + 1 bits with an unbounded exponent, still below 2^(1-bias)
        ulp_unbounded = Fraction(2) ** (e - mb)
        tiny = rne(a / ulp_unbounded) * ulp_unbounded < min_normal
    else:
        f = math.floor((q - math.floor(q)) * (1 << 16))  # the first 16 discarded bits
        n = math.floor(q) + (1 if f + rnd >= 1 << 16 else 0)
        tiny = a < min_normal  # tininess before rounding under stochastic rounding
    r = n * ulp
    if r > largest:
        return sign | 0x7F, OVERFLOW | INEXACT
    flags = (INEXACT if inexact else 0) | (UNDERFLOW if tiny and inexact else 0)
    return sign | cfp8_encode(r, layout, bias), flags


def f32_bits_of(v):
    """FP32 pattern of a value that is a normal FP32 number or zero (every CFP8 value is)."""
    if v == 0:
        return 0
    sign = 0x80000000 if v < 0 else 0
    a = abs(v)
    e = floor_log2(a)
    m = (a / Fraction(2) ** e - 1) * (1 << 23)
    assert m.denominator == 1 and -126 <= e <= 127
    return sign | ((e + 127) << 23) | int(m)


def cfp8_to_f32(code, layout, bias):
    eb, mb = LAYOUTS[layout]
    denormal = ((code >> mb) & ((1 << eb) - 1)) == 0 and (code & ((1 << mb) - 1)) != 0
    sign = 0x80000000 if code & 0x80 else 0  # also for -0, which the value alone loses
    return sign | f32_bits_of(abs(cfp8_value(code, layout, bias))), DENORMAL if denormal else 0


def to_bf16_sr(bits, rnd):
    """FP32 -> BF16 under stochastic rounding by the contract. Returns (code, flags)."""
    sign = 0x8000 if bits >> 31 else 0
    exp, frac = (bits >> 23) & 0xFF, bits & 0x7FFFFF
    if exp == 0xFF:
        if frac:
            return sign | 0x7FC0, 0 if frac & 0x400000 else INVALID
        return sign | 0x7F80, 0
    a = abs(f32_value(bits))
    if a == 0:
        return sign, 0
    e = floor_log2(a)
    ulp = Fraction(2) ** (max(e, -126) - 7)
    q = a / ulp
    f = math.floor((q - math.floor(q)) * (1 << 16))
    n = math.floor(q) + (1 if f + rnd >= 1 << 16 else 0)
    inexact = q.denominator != 1
    r = n * ulp
    if r >= Fraction(2) ** 128:
        return sign | 0x7F80, OVERFLOW | INEXACT
    flags = (INEXACT if inexact else 0) | (UNDERFLOW if inexact and a < Fraction(2) ** -126 else 0)
    return sign | (f32_bits_of(r) >> 16 if r >= Fraction(2) ** -126 else int(r / Fraction(2) ** -133)), flags


def f32_cases(rng, layout, bias, count):
    """Hand-picked edges of the layout at the bias, then random values over its range and a little beyond."""
    eb, mb = LAYOUTS[layout]
    out = [0x00000000, 0x80000000, 0x7F800000, 0xFF800000, 0x7FC00000, 0xFFC00001, 0x7F800001, 0xFF900000,
           0x00000001, 0x807FFFFF, 0x7F7FFFFF, 0xFF7FFFFF]
    largest = cfp8_value(0x7F, layout, bias)
    for code in list(range(0, 0x7F, 7)) + [0x7E]:  # codes, midpoints to the next code, their neighbours
        lo, hi = cfp8_value(code, layout, bias), cfp8_value(code + 1, layout, bias)
        for v in (lo, (lo + hi) / 2):
            b = f32_bits_of(v)
            out += [b, b + 1, b - 1 if b else 1]
    above = f32_bits_of(largest + (largest - cfp8_value(0x7E, layout, bias)) / 2)  # tie above the largest
    out += [above, above - 1, above + 1]
    min_den = cfp8_value(0x01, layout, bias)
    out += [f32_bits_of(min_den / 2), f32_bits_of(min_den / 2) + 1, f32_bits_of(min_den / 4)]
    lo_exp, hi_exp = -bias - mb - 3, (1 << eb) - bias + 1
    while len(out) < count:
        e = rng.randint(max(lo_exp, -126), min(hi_exp, 127))
        out.append((rng.getrandbits(1) << 31) | ((e + 127) << 23) | rng.getrandbits(23))
    return [b | (rng.getrandbits(1) << 31) if i >= 12 else b for i, b in enumerate(out)]


def write(path, fpcheck_args, header, lines):
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w") as f:
        f.write(f"# fpcheck: {fpcheck_args}\n")
        for h in header:
            f.write(f"# {h}\n")
        f.write("\n".join(lines) + "\n")
    print(f"{path}: {len(lines)} cases")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=str(Path(__file__).resolve().parent / "vectors"))
    args = ap.parse_args()
    out = Path(args.out)
    note = "Generated by tb/fp/gen_cfp8_vectors.py (exact rational arithmetic from docs/numerics.md)."
    fmt = "Fields (hex): operand, expected result, expected flags (inexact 1, underflow 2, overflow 4, invalid 16, denormal 32)."

    for layout, bias, seed, count in (("1.4.3", 7, None, 300), ("1.5.2", 15, None, 300), ("1.4.3", 63, None, 200),
                                      ("1.4.3", 7, 5, 300), ("1.5.2", 0, 12345, 200)):
        rng = random.Random(f"{layout}/{bias}/{seed}")
        gen = Xorshift32(seed) if seed is not None else None
        lines = []
        for b in f32_cases(rng, layout, bias, count):
            code, flags = to_cfp8(b, layout, bias, gen.next16() if gen else None)
            lines.append(f"{b:08X} {code:02X} {flags:02X}")
        mode = f"stochastic --seed {seed}" if gen else "rne"
        name = f"f32_to_cfp8_{'e4m3' if layout == '1.4.3' else 'e5m2'}_b{bias}_{'sr' if gen else 'rne'}.tv"
        write(out / "cfp8" / name, f"--op f32_to_cfp8 --layout {layout} --bias {bias} --rounding {mode}",
              [note, fmt, "Stochastic: one generator stream over the cases in file order." if gen else "RNE."], lines)

    # BF16 -> CFP8: BF16 codes with exponents over the 1.5.2 range at bias 31 (2^-32 .. 1.75) and past it, RNE.
    rng = random.Random("bf16")
    lines = []
    codes = [c | (rng.getrandbits(1) << 15) for c in sorted(rng.sample(range(0x2D80, 0x4100), 300))]
    for code in codes + [0x7F80, 0xFFC0, 0xFF81, 0x0001, 0x8000, 0x3FE0, 0x3FF0]:
        c, flags = to_cfp8(code << 16, "1.5.2", 31, None)
        lines.append(f"{code:04X} {c:02X} {flags:02X}")
    write(out / "cfp8" / "bf16_to_cfp8_e5m2_b31_rne.tv", "--op bf16_to_cfp8 --layout 1.5.2 --bias 31",
          [note, fmt, "RNE."], lines)

    # CFP8 -> FP32: every code.
    for layout, bias in (("1.4.3", 7), ("1.5.2", 63)):
        lines = []
        for code in range(256):
            f, flags = cfp8_to_f32(code, layout, bias)
            lines.append(f"{code:02X} {f:08X} {flags:02X}")
        name = f"cfp8_to_f32_{'e4m3' if layout == '1.4.3' else 'e5m2'}_b{bias}.tv"
        write(out / "cfp8" / name, f"--op cfp8_to_f32 --layout {layout} --bias {bias}", [note, fmt], lines)

    # FP32 -> BF16 under stochastic rounding (the RNE case is covered by the SoftFloat vectors).
    rng = random.Random("bf16 sr")
    gen = Xorshift32(7)
    lines = []
    cases = [0x3F808000, 0xBF808000, 0x7F7FFFFF, 0x007FFFFF, 0x00000001, 0x7F800000, 0x7FA00000, 0xFFC00000]
    while len(cases) < 300:
        e = rng.randint(-140, 127)
        cases.append((rng.getrandbits(1) << 31) | ((max(e, -127) + 127) << 23) | rng.getrandbits(23))
    for b in cases:
        c, flags = to_bf16_sr(b, gen.next16())
        lines.append(f"{b:08X} {c:04X} {flags:02X}")
    write(out / "cfp8" / "f32_to_bf16_sr.tv", "--op f32_to_bf16 --rounding stochastic --seed 7",
          [note, "Fields (hex): operand, expected result, expected flags.",
           "Stochastic: one generator stream over the cases in file order."], lines)


if __name__ == "__main__":
    main()
