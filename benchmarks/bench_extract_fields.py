"""Precision and recall of price, quantity, firearm and calibre extraction on real listings.

Two measures, both on ../shared/data:

1. Against a team member's reading (benchmarks/data/extract_gold.jsonl): 140 real listings
   drawn with a fixed seed (benchmarks/extract_gold_sample.py) from Armslist 2017, Agora 2014
   vendor pages, Agartha 2020 and Dream 2017, every price, quantity, firearm and calibre listed
   by hand before the extractor's output was seen. Precision and recall per kind, on
   (kind, normalised value) per listing.
2. Against the exports' own fields, over whole data sets: the maker of each Armslist ad
   (`manufacturer`) against the firearm makes found in its title and description, and the
   grams of each Dream 2017 cocaine listing against the quantities found in its title.

    .venv/bin/python benchmarks/bench_extract_fields.py [--show-errors] [--json out.json]
"""

from __future__ import annotations

import argparse
import collections
import csv
import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))

from extract_gold_sample import data_dir, sample  # noqa: E402

KINDS = ("price", "quantity", "firearm", "calibre")
GOLD = REPO / "benchmarks" / "data" / "extract_gold.jsonl"
_SQUASH = re.compile(r"[^0-9a-z]+")
_DECIMAL_COMMA = re.compile(r"\d,\d")


def squash(s: str) -> str:
    return _SQUASH.sub("", s.lower())


def norm(kind: str, value: str) -> tuple[str, str]:
    """Amounts compared as numbers ("650 USD" = "650.0 USD"); names without case or signs."""
    if kind in ("price", "quantity"):
        amount, _, unit = value.strip().partition(" ")
        try:
            return kind, f"{float(amount.replace(',', '')):.6g} {unit.strip().lower()}"
        except ValueError:
            return kind, value.strip().lower()
    return kind, squash(value)


def score_gold(show: bool) -> dict:
    from veille.extract import extract

    gold = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line]
    texts = {(r.dataset, r.id): r.text for r in sample()}
    tp: collections.Counter[str] = collections.Counter()
    loose = 0  # firearms named more or less fully on either side ("Ruger" / "Ruger M77")
    n_found: collections.Counter[str] = collections.Counter()
    n_gold: collections.Counter[str] = collections.Counter()
    errors: list[str] = []
    for g in gold:
        key = (g["dataset"], g["id"])
        if key not in texts:
            raise SystemExit(f"{GOLD}: {key} is not in the sample (was the sample changed?)")
        want = {norm(k, v) for k, v in g["mentions"]}
        got = {norm(m.kind, m.value) for m in extract(texts[key], kinds=KINDS)}
        for k in KINDS:
            w = {x for x in want if x[0] == k}
            f = {x for x in got if x[0] == k}
            tp[k] += len(w & f)
            if k == "firearm":
                loose += _contained_pairs({v for _, v in w}, {v for _, v in f})
            n_gold[k] += len(w)
            n_found[k] += len(f)
            errors += [f"  {key[0]} {key[1]} {k}: missed {v!r}" for _, v in sorted(w - f)]
            errors += [f"  {key[0]} {key[1]} {k}: extra  {v!r}" for _, v in sorted(f - w)]
    out = {}
    print(f"Against the annotated sample ({len(gold)} listings):")
    print(f"  {'kind':<9} {'gold':>5} {'found':>6} {'correct':>8} {'precision':>10} {'recall':>7}")
    for k in KINDS:
        p = tp[k] / n_found[k] if n_found[k] else float("nan")
        r = tp[k] / n_gold[k] if n_gold[k] else float("nan")
        out[k] = {"gold": n_gold[k], "found": n_found[k], "correct": tp[k], "precision": p,
                  "recall": r}
        print(f"  {k:<9} {n_gold[k]:>5} {n_found[k]:>6} {tp[k]:>8} {p:>10.3f} {r:>7.3f}")
    p = loose / n_found["firearm"] if n_found["firearm"] else float("nan")
    r = loose / n_gold["firearm"] if n_gold["firearm"] else float("nan")
    out["firearm_loose"] = {"correct": loose, "precision": p, "recall": r}
    print(f"  firearm, counting a name that contains the other as right ('Ruger' / 'Ruger M77',"
          f" 'M1 Garand' / 'Springfield Armory M1 Garand'): precision {p:.3f}, recall {r:.3f}")
    if show:
        print("\n".join(errors))
    return out


def _contained_pairs(gold: set[str], found: set[str]) -> int:
    """Pairs (gold, found), each used once, where one squashed name contains the other."""
    used: set[str] = set()
    n = 0
    for g in sorted(gold, key=len, reverse=True):
        for f in sorted(found - used, key=len, reverse=True):
            if min(len(g), len(f)) >= 4 and (g in f or f in g):
                used.add(f)
                n += 1
                break
    return n


def armslist_makes() -> dict:
    """Share of Armslist ads naming a maker in which that maker's firearm is found."""
    from veille.extract import extract
    from veille.extract.arms import firearm_matcher

    known = {squash(e.details.get("make", "")) for e in firearm_matcher().entries} - {""}
    path = data_dir() / "armslist-2017" / "armslist_2017-11_listings_redacted.csv"
    total = found = in_vocab = found_in_vocab = other_make = 0
    with open(path, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            maker = squash(row["manufacturer"])
            if not maker or maker == "na":
                continue
            total += 1
            makes = {squash(m.details.get("make", "") or m.value)
                     for m in extract(f"{row['title']}\n{row['description']}", kinds=["firearm"])}
            hit = any(maker in m or m in maker for m in makes if m)
            found += hit
            if maker in known:
                in_vocab += 1
                found_in_vocab += hit
            other_make += bool(makes) and not hit
    out = {"ads": total, "found": found / total, "vocab_ads": in_vocab,
           "found_vocab": found_in_vocab / in_vocab if in_vocab else float("nan"),
           "other_make_only": other_make / total}
    print(f"Armslist ads naming a maker: {total}; that maker's firearm found in {found / total:.3f}"
          f"; of the {in_vocab} whose maker is in the vocabulary: {out['found_vocab']:.3f}; "
          f"only another maker found: {out['other_make_only']:.3f}")
    return out


def dream_grams() -> dict:
    """Dream 2017 cocaine titles: the listing's grams against the quantities in its title."""
    from veille.extract import extract

    path = data_dir() / "dream-cocaine-2017" / "dream_market_cocaine_listings.csv"
    total = right = wrong = none = comma = 0
    with open(path, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            try:
                grams = float(row["grams"])
            except ValueError:
                continue
            total += 1
            qs = [m.details["amount"] for m in extract(row["product_title"], kinds=["quantity"])
                  if m.details.get("unit") == "g"]
            if any(abs(q - grams) < 1e-6 * max(1.0, grams) for q in qs):
                right += 1
            elif qs:
                wrong += 1
                # "0,5 G" filed by the export as 5 grams: its own parse dropped the comma.
                comma += bool(_DECIMAL_COMMA.search(row["product_title"])) and any(
                    abs(q * 10 ** k - grams) < 1e-6 * grams for q in qs for k in (1, 2, 3))
            else:
                none += 1
    print(f"Dream 2017 cocaine titles: {total}; the listing's grams found in {right / total:.3f}, "
          f"other grams only {wrong / total:.3f} ({comma} of them decimal-comma titles the export "
          f"itself misread, e.g. '0,5g' filed as 5), no grams {none / total:.3f}")
    return {"listings": total, "right": right / total, "wrong": wrong / total,
            "wrong_export_comma": comma, "none": none / total}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show-errors", action="store_true", help="list every miss and extra")
    ap.add_argument("--json", type=Path, default=None)
    a = ap.parse_args()
    if not data_dir().is_dir():
        sys.exit(f"{data_dir()} not found: this benchmark needs ../shared/data")
    result: dict = {}
    if GOLD.exists():
        result["gold"] = score_gold(a.show_errors)
    else:
        print(f"{GOLD} not found: the annotated sample is not scored")
    result["armslist_makes"] = armslist_makes()
    result["dream_grams"] = dream_grams()
    if a.json:
        a.json.write_text(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
