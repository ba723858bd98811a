"""Parse throughput on 30-50 KB market pages, one core, with site profiles and with the
generic fallback only.

Pages: the demo corpus's listing and vendor pages (three market layouts), each grown to
30-50 KB the way real market pages are (a long category menu, a long description and a
page of reviews), plus the two real Drugs & Medicine pages when ../shared/data is present.

    .venv/bin/python benchmarks/bench_parse.py [--seconds 5] [--pages 120]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import re
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from veille.parse import ParseConfig, parse  # noqa: E402
from veille.records import Document  # noqa: E402


def grow(html: str, rng: random.Random, target: int) -> str:
    """Pad a page to about `target` bytes with a category menu and repeated review blocks."""
    menu = ["<ul class='side-menu'>"]
    while sum(len(x) for x in menu) < target * 0.5:
        n = rng.randint(1, 999)
        menu.append(f"<li><a href='/category/{n}'>Category {n}</a> <span class='count'>"
                    f"{rng.randint(1, 3000)}</span></li>")
    menu.append("</ul>")
    body = html
    reviews = re.findall(r"<(?:div|tr|li)[^>]*class=\"(?:feedback-item|avis-ligne|sm-bewertung)"
                         r"[^\"]*\"[^>]*>.*?</(?:div|tr|li)>", body, re.S)
    extra = ""
    if reviews:
        # Up to 15 reviews on the page, as real listing pages show one page of them.
        for _ in range(max(0, 15 - len(reviews))):
            extra += rng.choice(reviews)
        # Repeat reviews next to the existing ones so selectors still see them.
        body = body.replace(reviews[-1], reviews[-1] + extra, 1)
    pad = "".join(menu)
    rules = ""
    while len(body.encode()) + len(pad) + len(rules) < target:
        rules += "<p class='rules'>" + "Market rules apply. " * 40 + "</p>"
    aside = f"<aside>{pad}{rules}</aside>"
    i = body.rfind("</body>")
    return body[:i] + aside + body[i:] if i >= 0 else body + aside


def load_pages(n: int) -> list[Document]:
    from veille.demo import generate

    rng = random.Random(5)
    docs: list[Document] = []
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        generate(out, seed=7, scale=0.3)
        truth = json.loads((out / "_truth.json").read_text(encoding="utf-8"))
        broken = {m["path"] for m in truth.get("malformed", [])}  # see bench_parse_bounds
        for manifest in sorted((out / "sites").glob("*/manifest.csv")):
            if "forum" in manifest.parent.name:
                continue
            with open(manifest, encoding="utf-8", newline="") as fh:
                rows = list(csv.DictReader(fh))
            for row in rows:
                rel = str((manifest.parent / row["path"]).relative_to(out))
                if rel in broken:
                    continue
                html = (manifest.parent / row["path"]).read_text(encoding="utf-8",
                                                                 errors="replace")
                page = grow(html, rng, rng.randint(30_000, 50_000))
                when = datetime.fromisoformat(row["captured_at"].replace("Z", "+00:00"))
                docs.append(Document(f"b{len(docs)}", row["url"], when, "text/html",
                                     page.encode("utf-8")))
    rng.shuffle(docs)
    docs = docs[:n]
    shared = Path(os.environ.get("VEILLE_SHARED_DATA") or REPO.parent / "shared" / "data")
    for name, url in (("drugsmedicine_vendor_fredthebaker_2019-09-11.htm",
                       "http://4yjes6zfucnh7vcj.onion/market/user/fredthebaker"),):
        p = shared / "anita-markets" / name
        if p.exists():
            docs.append(Document(name, url, datetime(2019, 9, 11, tzinfo=UTC), "text/html",
                                 p.read_bytes()))
    return docs


def run(docs: list[Document], config: ParseConfig, seconds: float) -> tuple[float, float]:
    """Pages per CPU second of this process (what one core does when it is not shared),
    and pages per wall-clock second (lower when other work shares the machine)."""
    for d in docs[:10]:
        parse(d, config)  # warm up: profile files, caches
    n = 0
    wall0, cpu0 = time.perf_counter(), time.process_time()
    while time.process_time() - cpu0 < seconds:
        for d in docs:
            parse(d, config)
            n += 1
    return n / (time.process_time() - cpu0), n / (time.perf_counter() - wall0)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=float, default=5.0)
    ap.add_argument("--pages", type=int, default=120)
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args()
    docs = load_pages(args.pages)
    sizes = [len(d.body) for d in docs]
    print(f"{len(docs)} pages, {min(sizes) // 1024}-{max(sizes) // 1024} KB "
          f"(mean {statistics.mean(sizes) / 1024:.1f} KB); one process, one core")
    # A bare Lexbor parse of the same pages, interleaved with the runs: the machine is
    # shared, so the ratio to it is steadier than the absolute figure.
    from selectolax.lexbor import LexborHTMLParser

    bodies = [d.body.decode("utf-8", "replace") for d in docs]

    def lexbor_rate(seconds: float) -> float:
        n, cpu0 = 0, time.process_time()
        while time.process_time() - cpu0 < seconds:
            for h in bodies:
                LexborHTMLParser(h)
                n += 1
        return n / (time.process_time() - cpu0)

    for label, config in (("profiles", ParseConfig()),
                          ("fallback", ParseConfig(use_builtin_profiles=False))):
        runs, bare = [], []
        for _ in range(args.repeats):
            bare.append(lexbor_rate(args.seconds / 2))
            runs.append(run(docs, config, args.seconds))
        cpu = max(r[0] for r in runs)
        wall = max(r[1] for r in runs)
        ratio = statistics.median(b / r[0] for b, r in zip(bare, runs, strict=True))
        print(f"{label:9} {cpu:7.0f} pages per CPU-second (one core, best of {args.repeats});"
              f" {wall:.0f} per wall second; bare Lexbor parse {max(bare):.0f}/s, so one "
              f"parse() costs {ratio:.1f} Lexbor parses; load average "
              f"{os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
