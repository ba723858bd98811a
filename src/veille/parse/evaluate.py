"""Measure parsing against the demo corpus's ground truth (`_truth.json`).

Used by tests/parse/test_demo_sites.py and benchmarks/bench_parse_accuracy.py: parse every
page the truth describes, with the site profiles or with the generic fallback only, and
count per field how often the record says what the truth says.
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from datetime import date, datetime
from pathlib import Path
from typing import Any

from veille.parse.base import ParseConfig, parse
from veille.records import Document, ParseResult

# Ships-from/to as the demo pages write them, in any of their languages, to the truth's codes.
REGIONS = {"worldwide": "WW", "monde entier": "WW", "weltweit": "WW", "europe": "EU",
           "europa": "EU", "union européenne": "EU", "eu": "EU", "ww": "WW"}
# How far a resolved relative date may sit from the true date, by its precision.
TOLERANCE_DAYS = {"second": 1, "minute": 1, "hour": 1, "day": 1, "week": 7, "month": 31,
                  "year": 366}


def _country_codes() -> dict[str, str]:
    out = dict(REGIONS)
    try:
        from veille.demo.catalog import COUNTRIES
    except ImportError:
        return out
    for code, names in COUNTRIES.items():
        out[code.lower()] = code
        for name in names.values():
            out[name.lower()] = code
    return out


class Tally:
    def __init__(self) -> None:
        self.hits: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        self.total: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        self.misses: dict[str, list[str]] = defaultdict(list)

    def add(self, kind: str, fname: str, ok: bool, where: str = "") -> None:
        self.total[kind][fname] += 1
        if ok:
            self.hits[kind][fname] += 1
        elif len(self.misses[f"{kind}.{fname}"]) < 5:
            self.misses[f"{kind}.{fname}"].append(where)

    def accuracy(self) -> dict[str, dict[str, float]]:
        return {k: {f: round(self.hits[k][f] / n, 4) for f, n in sorted(fs.items()) if n}
                for k, fs in self.total.items()}


def _manifest(corpus: Path) -> dict[str, tuple[str, datetime]]:
    out: dict[str, tuple[str, datetime]] = {}
    for m in sorted((corpus / "sites").glob("*/manifest.csv")):
        folder = m.parent.relative_to(corpus)
        with open(m, encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                when = datetime.fromisoformat(row["captured_at"].replace("Z", "+00:00"))
                out[str(folder / row["path"])] = (row["url"], when)
    return out


def _parse(corpus: Path, path: str, manifest: dict[str, tuple[str, datetime]],
           config: ParseConfig) -> ParseResult:
    url, when = manifest[path]
    body = (corpus / path).read_bytes()
    return parse(Document(capture_id=path, url=url, captured_at=when,
                          content_type="text/html", body=body), config)


def _date_close(got: str | None, precision: str | None, want: str | None) -> bool:
    if not got or not want:
        return got == want
    try:
        g, w = date.fromisoformat(got[:10]), date.fromisoformat(want[:10])
    except ValueError:
        return False
    return abs((g - w).days) <= TOLERANCE_DAYS.get(precision or "day", 1)


def evaluate_demo(corpus: Path, config: ParseConfig | None = None) -> dict[str, Any]:
    """Per-record-type, per-field accuracy of parsing the demo corpus against its truth."""
    config = config or ParseConfig()
    truth = json.loads((corpus / "_truth.json").read_text(encoding="utf-8"))
    manifest = _manifest(corpus)
    codes = _country_codes()
    site_ids = {str(info.get("display", sid)).lower(): sid
                for sid, info in (truth.get("sites") or {}).items()}
    tally = Tally()

    def code(v: str | None) -> str | None:
        return codes.get(v.strip().lower(), v) if v else None

    def first_found(t: dict[str, Any], rtype: str) -> tuple[ParseResult, Any] | None:
        """The parsed page of a truth item and its first record of `rtype`, tallied as found
        or not; None when the page is not in the corpus or the record was not found."""
        if t.get("path") not in manifest:
            return None
        res = _parse(corpus, t["path"], manifest, config)
        record = next((r for r in res.records if r.type == rtype), None)
        tally.add(rtype, "found", record is not None, t["path"])
        return (res, record) if record is not None else None

    for t in truth.get("listings", []):
        got = first_found(t, "listing")
        if got is None:
            continue
        res, x = got
        where = t["path"]
        want_prices = sorted((round(p["amount"], 6), p["currency"]) for p in t["prices"])
        got_prices = sorted((round(p.amount, 6), p.currency) for p in x.prices)
        tally.add("listing", "title", x.title == t["title"], where)
        tally.add("listing", "prices", got_prices == want_prices, where)
        tally.add("listing", "vendor", x.vendor == t["vendor"], where)
        tally.add("listing", "ships_from", code(x.ships_from) == t["ships_from"], where)
        tally.add("listing", "ships_to", [code(s) for s in x.ships_to] == t["ships_to"], where)
        tally.add("listing", "category_path", x.category_path == t["category_path"], where)
        tally.add("listing", "listed_since", (x.listed_since or "")[:10] ==
                  (t.get("listed_since") or ""), where)
        tally.add("listing", "listing_key", x.listing_key == t["listing_id"], where)
        feedback = [r for r in res.records if r.type == "feedback"]
        want_fb = t.get("feedback") or []
        tally.add("listing", "feedback_count", len(feedback) == len(want_fb), where)
        for f, w in zip(feedback, want_fb, strict=False):
            tally.add("feedback", "rating", f.rating == w["rating"], where)
            tally.add("feedback", "buyer", f.buyer == w["buyer"], where)
            tally.add("feedback", "date", _date_close(f.date, f.date_precision, w["date"]),
                      f"{where}: {w.get('shown')} -> {f.date} ({f.date_precision})")
    for t in truth.get("vendors", []):
        got = first_found(t, "vendor")
        if got is None:
            continue
        v = got[1]
        where = t["path"]
        tally.add("vendor", "name", v.name == t["name"], where)
        tally.add("vendor", "joined", (v.joined or "")[:10] == (t.get("joined") or ""), where)
        tally.add("vendor", "sales", v.sales == t.get("sales"), where)
        tally.add("vendor", "rating", v.rating == t.get("rating"), where)
        tally.add("vendor", "pgp_block", _fingerprint(v.pgp_block) == t.get("pgp_fingerprint"),
                  where)
        # Claimed accounts name the other site as its pages do (display name) or by its id.
        want = {(s["site"], s["name"]) for s in t.get("also_on") or []}
        got = {(site_ids.get(a["site"].lower(), a["site"]), a["name"])
               for a in v.other_accounts}
        tally.add("vendor", "other_accounts", got == want, where)
    post_pages: dict[str, ParseResult] = {}
    for t in truth.get("posts", []):
        if t.get("path") not in manifest:
            continue
        if t["path"] not in post_pages:
            post_pages[t["path"]] = _parse(corpus, t["path"], manifest, config)
        posts = {p.post_key: p for p in post_pages[t["path"]].records if p.type == "post"}
        p: Any = posts.get(str(t["post_id"]))
        where = f"{t['path']}#p{t['post_id']}"
        tally.add("post", "found", p is not None, where)
        if p is None:
            continue
        tally.add("post", "author", p.author == t["author"], where)
        tally.add("post", "date", (p.date or "")[:19] == t["date"][:19], where)
        tally.add("post", "text", bool(p.text), where)
    return {"accuracy": tally.accuracy(), "misses": dict(tally.misses),
            "counts": {k: dict(v) for k, v in tally.total.items()}}


def _fingerprint(block: str | None) -> str | None:
    if not block:
        return None
    try:
        import pysequoia

        return str(pysequoia.Cert.from_bytes(block.encode()).fingerprint).upper()
    except Exception:  # an unparsable block simply does not match
        return None
