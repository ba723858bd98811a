"""Classifier speed: model load time and inference throughput on one core.

Usage: .venv/bin/python benchmarks/bench_classify_speed.py
Reads real listings from ../shared/data (or $VEILLE_SHARED_DATA) when present, else the
multilingual test set. Prints one line per measurement.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


def load_time(runs: int = 3) -> float:
    code = ("import time; t=time.perf_counter(); from veille.classify import load_default; "
            "c=load_default(); assert c is not None; print(time.perf_counter()-t)")
    times = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                  check=True).stdout) for _ in range(runs)]
    return min(times)


def main() -> None:
    from pathlib import Path

    from veille.classify import load_default
    from veille.classify.datasets import load_markets, shared_data_dir
    from veille.classify.evaluation import read_test_tsv

    print(f"load_default() in a fresh process (imports included): {load_time():.2f} s (best of 3)")
    clf = load_default()
    assert clf is not None
    items: list[tuple[str, str]] = []
    if shared_data_dir().exists():
        data = load_markets()
        for exs in data.values():
            items += [(e.title, e.text) for e in exs]
        label = "real listings, all markets (title + description as exported)"
    else:
        tsv = Path(__file__).resolve().parents[1] / "tests/classify/data/multilingual_test.tsv"
        items = [(i.title, i.text) for i in read_test_tsv(tsv)] * 50
        label = "multilingual test set x50"
    clf.predict(items[:512])  # warm-up
    for batch in (512,):
        t = time.perf_counter()
        for i in range(0, len(items), batch):
            clf.predict(items[i:i + batch])
        dt = time.perf_counter() - t
        print(f"{label}: {len(items)} items, batch {batch}: {len(items) / dt:,.0f} listings/s "
              f"on one core")
    with_text = [(t, x) for t, x in items if len(x) > 80] or items
    long_items = [(t, ((x + " ") * (1 + 1000 // max(len(x), 1)))[:1000]) for t, x in with_text][:4000]
    t = time.perf_counter()
    for i in range(0, len(long_items), 512):
        clf.predict(long_items[i:i + 512])
    dt = time.perf_counter() - t
    print(f"long descriptions ({len(long_items)} real descriptions repeated to 1,000 chars): "
          f"{len(long_items) / dt:,.0f} listings/s on one core")


if __name__ == "__main__":
    main()
