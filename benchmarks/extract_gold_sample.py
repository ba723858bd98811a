"""The fixed sample of real listings on which price, quantity, firearm and calibre extraction
is scored against a team member's reading (benchmarks/data/extract_gold.jsonl).

The sample is drawn once, with a fixed seed, from four real exports in ../shared/data, so the
annotation and the benchmark always see the same texts; only ids and the expected values are
stored in the repository, never the texts.

    .venv/bin/python benchmarks/extract_gold_sample.py --sheet /tmp/sheet.txt

writes the texts to read (outside the repository) for annotating.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEED = "veille-extract-gold-1"
MAX_CHARS = 1200  # of each text: enough for the offer, short enough to read every word
PER_SOURCE = {"armslist-2017": 40, "agora-2014-vendorpages": 40, "agartha-2020": 40,
              "dream-cocaine-2017": 20}
csv.field_size_limit(10_000_000)


@dataclass(frozen=True)
class Record:
    dataset: str
    id: str
    text: str


def data_dir() -> Path:
    env = os.environ.get("VEILLE_SHARED_DATA")
    return Path(env) if env else REPO / ".." / "shared" / "data"


def _armslist(d: Path) -> list[Record]:
    with open(d / "armslist-2017" / "armslist_2017-11_listings_redacted.csv", encoding="utf-8") as f:
        return [Record("armslist-2017", r["post_id"], f"{r['title']}\n{r['description']}")
                for r in csv.DictReader(f)]


def _agora_vendorpages(d: Path) -> list[Record]:
    with open(d / "agora-2014" / "agora_vendorpages_2014-01.csv", encoding="utf-8",
              errors="replace") as f:
        rows = list(csv.DictReader(f))
    return [Record("agora-2014-vendorpages", str(i), f"{r.get('product', '')}\n"
                   f"{r.get('description', '')}") for i, r in enumerate(rows)
            if (r.get("description") or "").strip()]


def _agartha(d: Path) -> list[Record]:
    raw = json.loads((d / "anita-markets" / "2020_03_31_agartha_product.json")
                     .read_text(encoding="utf-8"))
    # The scraper keeps each product's fields under "page_data".
    pages = {k: v.get("page_data") or {} for k, v in raw.items()}
    return [Record("agartha-2020", k, f"{p.get('name', '')}\n{p.get('info', '')}")
            for k, p in pages.items()]


def _dream(d: Path) -> list[Record]:
    with open(d / "dream-cocaine-2017" / "dream_market_cocaine_listings.csv",
              encoding="utf-8") as f:
        return [Record("dream-cocaine-2017", r[""], r["product_title"]) for r in csv.DictReader(f)]


def sample(d: Path | None = None) -> list[Record]:
    """The sampled records, in a fixed order; raises FileNotFoundError without the data."""
    d = d or data_dir()
    rng = random.Random(SEED)
    out: list[Record] = []
    for name, load in (("armslist-2017", _armslist), ("agora-2014-vendorpages", _agora_vendorpages),
                       ("agartha-2020", _agartha), ("dream-cocaine-2017", _dream)):
        recs = sorted(load(d), key=lambda r: r.id)
        for r in rng.sample(recs, PER_SOURCE[name]):
            out.append(Record(r.dataset, r.id, r.text[:MAX_CHARS]))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sheet", type=Path, required=True, help="where to write the texts to read")
    a = ap.parse_args()
    if a.sheet.resolve().is_relative_to(REPO.resolve()):
        raise SystemExit("write the sheet outside the repository: it holds real listing text")
    with open(a.sheet, "w", encoding="utf-8") as f:
        for r in sample():
            f.write(f"=== {r.dataset} {r.id}\n{r.text}\n\n")
    print(f"wrote {a.sheet}")


if __name__ == "__main__":
    main()
