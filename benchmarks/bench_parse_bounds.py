"""Bounded time and memory on hostile pages: a 200 MB page and 100,000 nested levels.

Each case runs in a fresh subprocess so its peak memory (ru_maxrss) is its own.

    .venv/bin/python benchmarks/bench_parse_bounds.py
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

CASE = r"""
import json, resource, sys, time
from datetime import datetime, timezone
from veille.parse import parse
from veille.records import Document
kind = sys.argv[1]
if kind == "200mb":
    row = "<tr><td>Widget %d</td><td>12,50 EUR</td><td>vendor_x</td></tr>"
    body = ("<html><body><h1>Huge listing</h1><table>" + "".join(
        row % i for i in range(3_400_000)) + "</table></body></html>").encode()
elif kind == "nested":
    n = 100_000
    body = ("<html><body><h1>Widget</h1><div class='price'>12,50 EUR</div>" + "<div>" * n
            + "deep" + "</div>" * n + "</body></html>").encode()
else:
    body = b"<html><body><h1>Widget</h1><div class='price'>12,50 EUR</div></body></html>"
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
doc = Document("c", "http://x.example/item", datetime.now(timezone.utc), "text/html", body)
t = time.perf_counter()
res = parse(doc)
elapsed = time.perf_counter() - t
print(json.dumps({"case": kind, "input_mb": round(len(body) / 2**20, 1),
                  "seconds": round(elapsed, 2),
                  "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
                  "rss_before_parse_mb": round(base / 1024, 1),
                  "records": [r.type for r in res.records][:5],
                  "warnings": res.warnings[:3]}))
"""


def main() -> None:
    for kind in ("small", "nested", "200mb"):
        out = subprocess.run([sys.executable, "-c", CASE, kind], capture_output=True,
                             text=True, cwd=REPO, timeout=900)
        if out.returncode:
            print(kind, "FAILED", out.stderr[-2000:])
            continue
        print(json.dumps(json.loads(out.stdout), ensure_ascii=False))


if __name__ == "__main__":
    main()
