"""Per-field parse accuracy: site profiles and the generic fallback against the demo corpus's
truth, the fallback on the held-out layout generated in tests/parse/heldout.py, and the
failure rate of the Agora 2014 feedback strings (when ../shared/data is present).

    .venv/bin/python benchmarks/bench_parse_accuracy.py [--scale 1.0] [--seed 7]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
import tempfile
from datetime import datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO))

from veille.parse import ParseConfig  # noqa: E402
from veille.parse.evaluate import evaluate_demo  # noqa: E402


def heldout_accuracy(n: int) -> dict[str, float]:
    from tests.parse.test_fallback import fallback_accuracy

    return fallback_accuracy(n)


def agora_feedback() -> dict[str, object] | None:
    from veille.formats.agora import parse_feedback_text

    folder = Path(os.environ.get("VEILLE_SHARED_DATA") or REPO.parent / "shared" / "data")
    folder = folder / "agora-2014"
    if not folder.exists():
        return None
    csv.field_size_limit(1 << 24)
    expected = parsed = rows = 0
    for path in sorted(folder.glob("*.csv")):
        if path.name.startswith("agora_vendorpages"):
            continue
        with open(path, encoding="utf-8", errors="replace", newline="") as fh:
            for row in csv.DictReader(fh):
                fb = parse_feedback_text(row["feedback"],
                                         datetime.fromisoformat(row["date"][:10]))
                rows += 1
                expected += fb.expected
                parsed += sum(1 for f in fb.feedback if f["rating"] is not None and f["date"])
    return {"rows": rows, "feedback_entries": expected, "parsed_with_rating_and_date": parsed,
            "failure_rate": round(1 - parsed / expected, 6) if expected else None}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--scale", type=float, default=1.0)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    from veille.demo import generate

    with tempfile.TemporaryDirectory() as tmp:
        generate(Path(tmp), seed=args.seed, scale=args.scale)
        prof = evaluate_demo(Path(tmp))
        fall = evaluate_demo(Path(tmp), ParseConfig(use_builtin_profiles=False))
    print("demo corpus, seed", args.seed, "scale", args.scale)
    print("profiles:", json.dumps(prof["accuracy"]))
    print("profile comparisons:", json.dumps(prof["counts"]))
    print("fallback only:", json.dumps(fall["accuracy"]))
    print("held-out layout (400 pages), fallback:", json.dumps(heldout_accuracy(400)))
    print("agora feedback strings:", json.dumps(agora_feedback()))


if __name__ == "__main__":
    main()
