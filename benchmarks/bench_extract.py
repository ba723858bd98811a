"""Extraction speed and quality against ioc-finder and iocextract, on the same corpus.

Reads the corpus written by build_extract_corpus.py (real market text with planted valid and
corrupted identifiers). For each tool and each kind it can report: throughput (MB of UTF-8
text per second, one process = one core), recall on the planted valid identifiers, precision
(planted valid found / everything reported of that kind), and how many planted
invalid-checksum identifiers the tool reported.

    .venv/bin/python benchmarks/build_extract_corpus.py --size-mb 100
    .venv/bin/python benchmarks/bench_extract.py [--compare-mb 100] [--json out.json]

`--compare-mb` runs the other tools on only the first N MB of documents (they are slower);
veille always runs on the whole corpus as well. "veille-4-kinds" is veille asked only for the
kinds ioc-finder reports here (btc, xmr, email, onion): the same work, for a fair speed ratio.
"ioc-finder" is asked for those four types only; "ioc-finder-all" for every type it supports,
the counterpart of veille extracting all its kinds.
Precision counts every report not planted as a false positive; the background text was
scrubbed of identifiers, but not of prices, quantities, firearms or calibres, which real
listings are full of, so precision is meaningful for identifiers only.
"""

from __future__ import annotations

import argparse
import collections
import json
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parents[1]
Found = set[tuple[str, str]]

_DIGITS = re.compile(r"\D")


def norm(kind: str, value: str) -> str:
    v = value.strip()
    if kind == "btc" and v.lower().startswith(("bc1", "tb1")) or kind in ("eth", "email", "onion"):
        return v.lower()
    if kind == "phone":
        return "+" + _DIGITS.sub("", v)
    if kind in ("wickr", "telegram"):
        return v.lower().lstrip("@")
    return v


def veille_tool() -> Callable[[str], Found]:
    from veille.extract import extract, prepare

    prepare()  # as `veille process` does: vocabularies and the Hyperscan pre-filter compiled once

    def run(text: str) -> Found:
        return {(m.kind, norm(m.kind, m.value)) for m in extract(text)}

    return run


def veille_same_kinds_tool() -> Callable[[str], Found]:
    """veille doing only the work ioc-finder does here (the kinds it can report)."""
    from veille.extract import extract, prepare

    prepare()

    kinds = ["btc", "xmr", "email", "onion"]

    def run(text: str) -> Found:
        return {(m.kind, norm(m.kind, m.value)) for m in extract(text, kinds=kinds)}

    return run


def _ioc_finder(types: list[str]) -> Callable[[str], Found]:
    from ioc_finder import find_iocs

    def run(text: str) -> Found:
        r = find_iocs(text, included_ioc_types=types)
        out: Found = {("btc", norm("btc", a)) for a in r.get("bitcoin_addresses", [])}
        out |= {("xmr", a) for a in r.get("monero_addresses", [])}
        out |= {("email", norm("email", a)) for a in r.get("email_addresses", [])}
        out |= {("onion", d.lower()) for d in r.get("domains", []) if d.lower().endswith(".onion")}
        return out

    return run


def ioc_finder_tool() -> Callable[[str], Found]:
    return _ioc_finder(["bitcoin_addresses", "monero_addresses", "email_addresses", "domains"])


def ioc_finder_all_tool() -> Callable[[str], Found]:
    """ioc-finder asked for every IOC type it supports (URLs, IPs, hashes, CVEs, crypto...), the
    counterpart of veille extracting all its kinds. Scored on the same four kinds. (Its default
    call leaves out Bitcoin and Monero addresses, so it is not used.)"""
    from ioc_finder.ioc_finder import SUPPORTED_IOC_TYPES

    return _ioc_finder(list(SUPPORTED_IOC_TYPES))


def iocextract_tool() -> Callable[[str], Found]:
    import iocextract

    def run(text: str) -> Found:
        out: Found = set()
        for e in iocextract.extract_emails(text):
            out.add(("email", norm("email", e.split()[-1])))
        for u in iocextract.extract_urls(text):
            try:
                host = (urlsplit(u if "://" in u else "http://" + u).hostname or "").lower()
            except ValueError:
                continue
            if host.endswith(".onion"):
                out.add(("onion", ".".join(host.split(".")[-2:])))
        for p in iocextract.extract_telephone_nums(text):
            out.add(("phone", norm("phone", p)))
        return out

    return run


TOOL_KINDS = {
    "veille": None,  # every kind
    "veille-4-kinds": {"btc", "xmr", "email", "onion"},
    "ioc-finder": {"btc", "xmr", "email", "onion"},
    "ioc-finder-all": {"btc", "xmr", "email", "onion"},
    "iocextract": {"email", "onion", "phone"},
}


def load(path: Path, limit_mb: float | None) -> list[dict]:
    docs = []
    size = 0
    with path.open(encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            docs.append(d)
            size += len(d["text"].encode("utf-8"))
            if limit_mb and size >= limit_mb * 1e6:
                break
    return docs


def evaluate(name: str, run: Callable[[str], Found], docs: list[dict]) -> dict:
    kinds = TOOL_KINDS[name]
    per = collections.defaultdict(lambda: collections.Counter())
    size = sum(len(d["text"].encode("utf-8")) for d in docs)
    elapsed = cpu = 0.0
    for d in docs:
        t0, c0 = time.perf_counter(), time.process_time()
        found = run(d["text"])
        elapsed += time.perf_counter() - t0
        cpu += time.process_time() - c0
        valid = {(k, norm(k, v)) for k, v in d["valid"]}
        invalid = {(k, norm(k, v)) for k, v in d["invalid"]}
        for k, v in valid:
            if kinds is None or k in kinds:
                per[k]["planted"] += 1
                per[k]["tp"] += (k, v) in found
        for k, v in invalid:
            if kinds is None or k in kinds:
                per[k]["planted_invalid"] += 1
                per[k]["invalid_reported"] += (k, v) in found
        for k, _v in found:
            per[k]["reported"] += 1
    kinds_out = {}
    for k, c in sorted(per.items()):
        kinds_out[k] = {
            "recall": round(c["tp"] / c["planted"], 4) if c["planted"] else None,
            "precision": round(c["tp"] / c["reported"], 4) if c["reported"] else None,
            "planted": c["planted"],
            "reported": c["reported"],
            "invalid_checksum_reported": c["invalid_reported"],
            "planted_invalid": c["planted_invalid"],
        }
    # Wall-clock MB/s is what one busy core gives; on a shared machine other jobs steal time
    # from it, so CPU-time MB/s (this process's own seconds) is reported too.
    return {"tool": name, "mb": round(size / 1e6, 2), "seconds": round(elapsed, 2),
            "mb_per_s": round(size / 1e6 / elapsed, 3),
            "cpu_mb_per_s": round(size / 1e6 / cpu, 3), "docs": len(docs), "kinds": kinds_out}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=REPO / "benchmarks" / "out" / "extract_corpus.jsonl")
    ap.add_argument("--compare-mb", type=float, default=None,
                    help="run ioc-finder and iocextract on the first N MB only")
    ap.add_argument("--tools", default="veille,veille-4-kinds,ioc-finder,ioc-finder-all,iocextract")
    ap.add_argument("--json", type=Path, default=None)
    a = ap.parse_args()
    if not a.corpus.exists():
        sys.exit(f"{a.corpus} not found: run benchmarks/build_extract_corpus.py first")

    makers = {"veille": veille_tool, "veille-4-kinds": veille_same_kinds_tool,
              "ioc-finder": ioc_finder_tool, "ioc-finder-all": ioc_finder_all_tool,
              "iocextract": iocextract_tool}
    results = []
    all_docs = load(a.corpus, None)
    sub_docs = all_docs if a.compare_mb is None else load(a.corpus, a.compare_mb)
    for name in a.tools.split(","):
        try:
            run = makers[name]()
        except ImportError as e:
            print(f"{name}: not installed ({e}); skipped", file=sys.stderr)
            continue
        run("warm up")
        if name == "veille":
            results.append(evaluate(name, run, all_docs))
            if sub_docs is not all_docs:
                r = evaluate(name, run, sub_docs)
                r["tool"] = "veille (same docs as the others)"
                results.append(r)
        else:
            results.append(evaluate(name, run, sub_docs))  # same documents as the others
        r = results[-1]
        print(f"{r['tool']:34s} {r['mb']:8.1f} MB {r['seconds']:9.1f} s {r['mb_per_s']:8.3f} MB/s"
              f" (CPU time: {r['cpu_mb_per_s']:.3f} MB/s)", flush=True)

    print()
    print(f"{'tool':34s} {'kind':10s} {'recall':>7s} {'precis.':>7s} {'planted':>8s} "
          f"{'reported':>9s} {'bad-cksum reported':>19s}")
    for r in results:
        for k, c in r["kinds"].items():
            rec = "-" if c["recall"] is None else f"{c['recall']:.4f}"
            pre = "-" if c["precision"] is None else f"{c['precision']:.4f}"
            bad = f"{c['invalid_checksum_reported']}/{c['planted_invalid']}"
            print(f"{r['tool']:34s} {k:10s} {rec:>7s} {pre:>7s} {c['planted']:8d} "
                  f"{c['reported']:9d} {bad:>19s}")
    base = {r["tool"]: r for r in results}
    v = base.get("veille (same docs as the others)") or base.get("veille")
    if v and "ioc-finder" in base:
        print(f"\nveille (all kinds) / ioc-finder throughput: "
              f"{v['mb_per_s'] / base['ioc-finder']['mb_per_s']:.1f}x")
    if "veille-4-kinds" in base and "ioc-finder" in base:
        print(f"veille (ioc-finder's 4 kinds) / ioc-finder throughput: "
              f"{base['veille-4-kinds']['mb_per_s'] / base['ioc-finder']['mb_per_s']:.1f}x")
    if a.json:
        a.json.write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
