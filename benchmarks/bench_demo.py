"""Wall time of `veille demo` (generate, import, process, report) in a fresh case.

The install step is not timed: run it after `make install`.

    .venv/bin/python benchmarks/bench_demo.py
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def main() -> None:
    workdir = Path(tempfile.mkdtemp(prefix="veille-demo-bench-"))
    case = workdir / "case"
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "veille.cli", "demo", "--case", str(case)],
                          capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - t0
    print(json.dumps({"demo_s": round(elapsed, 1), "exit_code": proc.returncode,
                      "report": (case / "report.html").is_file(), "cores": os.cpu_count()}))
    shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
