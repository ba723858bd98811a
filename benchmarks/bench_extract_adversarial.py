"""Adversarial input for extract(): time must grow linearly with size.

For each hostile shape (long base58 run, long hex run, 10 MB single line of mixed tokens,
runs of separators and labels that make scanners backtrack, repeated PGP armour headers...)
the script times extract() at growing sizes and prints seconds and seconds per MB. Linear
time shows as a flat s/MB column; a quadratic blow-up shows as s/MB growing with size.

    .venv/bin/python benchmarks/bench_extract_adversarial.py [--max-mb 10]
"""

from __future__ import annotations

import argparse
import random
import time

from veille.extract import extract_with_warnings, prepare

B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


def shapes(rng: random.Random) -> dict[str, str]:
    """A few KB of each hostile pattern; the benchmark repeats it to the wanted size."""
    b58 = "".join(rng.choice(B58) for _ in range(4096))
    mixed = " ".join(
        rng.choice([
            "".join(rng.choice(B58) for _ in range(rng.randrange(20, 120))),
            "0x" + "".join(rng.choice("0123456789abcdefABCDEF") for _ in range(rng.randrange(38, 44))),
            "wickr:", "Telegram....", "@", ".onion", "+44", "1 450,50 €", "9mm", "gl0ck",
            "bc1" + "".join(rng.choice("qpzry9x8gf2tvdw0s3jn54khce6mua7l") for _ in range(60)),
        ])
        for _ in range(400)
    )
    return {
        "base58 run": b58,
        "hex run": "".join(rng.choice("0123456789abcdef") for _ in range(4096)),
        "bech32 run": "bc1q" + "".join(rng.choice("qpzry9x8gf2tvdw0s3jn54khce6mua7l") for _ in range(4092)),
        "mixed tokens, one line": mixed,
        "digits and separators": "1 2,3.4 5'6 " * 400,
        "labels without values": "wickr ID ....... telegram : kik = icq > " * 100,
        "@ and dots": "a@b.c@d.e.f@" * 400,
        "onion suffixes": ("a" * 55 + ".onion") * 60,
        "PGP BEGIN without END": "-----BEGIN PGP PUBLIC KEY BLOCK-----\nmQINBF" * 90,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--max-mb", type=float, default=10.0)
    a = ap.parse_args()
    prepare()  # compile once, outside the timings
    rng = random.Random(1)
    sizes = [s for s in (0.625, 1.25, 2.5, 5.0, 10.0, 20.0) if s <= a.max_mb]
    print(f"{'shape':26s} " + " ".join(f"{s:>9.3g}MB" for s in sizes) + "   s/MB at each size")
    for name, unit in shapes(rng).items():
        times = []
        for mb in sizes:
            n = int(mb * 1_000_000)
            text = (unit * (n // len(unit) + 1))[:n]
            t0 = time.perf_counter()
            extract_with_warnings(text)
            times.append(time.perf_counter() - t0)
        per_mb = " ".join(f"{t / mb:6.2f}" for t, mb in zip(times, sizes, strict=True))
        print(f"{name:26s} " + " ".join(f"{t:10.2f}s" for t in times) + f"   {per_mb}", flush=True)


if __name__ == "__main__":
    main()
