"""End-to-end throughput and peak memory of `veille import` + `veille process`.

Generates the demo corpus at the given scales (1.0 is about 2,000 captures; 25 gives 50,000),
runs the real commands in a fresh case, and prints captures/s and the peak RSS of each
command (the largest process of its tree: the main process or any worker).

    .venv/bin/python benchmarks/bench_pipeline.py --scales 1 25
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from veille.demo import generate


def run(cmd: list[str]) -> tuple[float, float]:
    """Wall time of a command and the peak RSS (MiB) of the largest process it waited for."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t0 = time.perf_counter()
    subprocess.run(cmd, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    elapsed = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, max(after, before) / 1024


def count(case: Path, table: str) -> int:
    import sqlite3

    con = sqlite3.connect(case / "veille.db")
    try:
        return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        con.close()


def bench(scale: float, workdir: Path) -> dict:
    corpus = workdir / f"corpus-{scale}"
    case = workdir / f"case-{scale}"
    shutil.rmtree(corpus, ignore_errors=True)
    shutil.rmtree(case, ignore_errors=True)
    t0 = time.perf_counter()
    generate(corpus, seed=7, scale=scale)
    gen_s = time.perf_counter() - t0
    veille = [sys.executable, "-m", "veille.cli"]
    imp_s, imp_rss = run([*veille, "import", "--case", str(case), str(corpus)])
    proc_s, proc_rss = run([*veille, "process", "--case", str(case)])
    captures = count(case, "captures")
    processed = count(case, "processed")
    return {
        "scale": scale,
        "captures": captures,
        "processed": processed,
        "generate_s": round(gen_s, 1),
        "import_s": round(imp_s, 1),
        "process_s": round(proc_s, 1),
        "captures_per_s": round(captures / (imp_s + proc_s), 1),
        "import_per_s": round(captures / imp_s, 1),
        "process_per_s": round(processed / proc_s, 1),
        "peak_rss_mib_import": round(imp_rss),
        "peak_rss_mib_process": round(proc_rss),
        "listings": count(case, "listings"),
        "mentions": count(case, "mentions"),
        "labels": count(case, "labels"),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scales", type=float, nargs="+", default=[1.0, 25.0])
    ap.add_argument("--workdir", type=Path, default=None)
    args = ap.parse_args()
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="veille-bench-"))
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
          f"{platform.python_version()}", file=sys.stderr)
    for scale in args.scales:
        print(json.dumps(bench(scale, workdir)), flush=True)
    shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
