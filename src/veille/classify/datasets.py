"""Training examples from the shared research exports (../shared/data) and our own seed set.

Only (title, text, label) triples are needed here; the record importers of the pipeline are
separate. Every loader maps the export's own category through data/mappings.toml and skips rows
whose category maps to "" (too mixed to trust). Unreadable files are reported and skipped.
"""

from __future__ import annotations

import csv
import hashlib
import json
import logging
import os
import random
import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from veille.classify.lexicon import LABELS, data_path
from veille.classify.normalize import normalize

log = logging.getLogger(__name__)
MARKETS = ("agora", "whm", "dream", "duta", "armslist")
csv.field_size_limit(10_000_000)


@dataclass(frozen=True, slots=True)
class Example:
    title: str
    text: str
    label: str
    sublabel: str | None
    source: str  # market name, "seed", "everyday" (seed of legal goods) or "corrections"
    lang: str = "en"
    group: str = ""  # vendor, where the export names one (used for the sealed split)


# A slice of Agora, chosen by a hash of the vendor name, that no tuning step ever looks at: it is
# scored once, by the model trained without Agora, to check how optimistic the tuned
# leave-one-market-out figures are. Vendors, not rows, so that one vendor's phrasing cannot sit on
# both sides. 1 vendor in 5.
SEALED_MARKET = "agora"
_SEALED_SALT = b"veille-sealed-2026-11-29:"


def is_sealed(ex: Example) -> bool:
    if ex.source != SEALED_MARKET or not ex.group:
        return False
    return hashlib.sha256(_SEALED_SALT + ex.group.encode("utf-8")).digest()[0] % 5 == 0


def example_id(ex: Example) -> str:
    """A stable key for a market row that holds none of its text ("agora:1a2b3c4d5e6f"): label
    files in this repository name rows by it, never by copying them."""
    digest = hashlib.sha1(f"{ex.group}\x1f{ex.title}\x1f{ex.text}".encode()).hexdigest()[:12]
    return f"{ex.source}:{digest}"


def shared_data_dir() -> Path:
    env = os.environ.get("VEILLE_SHARED_DATA")
    if env:
        return Path(env)
    # src/veille/classify/datasets.py -> repo root is parents[3]
    return Path(__file__).resolve().parents[3] / ".." / "shared" / "data"


def load_mappings() -> dict[str, dict[str, str]]:
    return tomllib.loads(data_path("mappings.toml").read_text(encoding="utf-8"))


def split_label(value: str) -> tuple[str, str | None]:
    label, _, sub = value.partition(".")
    if label not in LABELS:
        raise ValueError(f"unknown label {label!r} in mapping value {value!r}")
    return label, (value if sub else None)


def _csv_rows(path: Path) -> Iterator[dict[str, str]]:
    try:
        with path.open(encoding="utf-8", errors="replace", newline="") as fh:
            yield from csv.DictReader(fh)
    except (OSError, csv.Error) as exc:
        log.warning("skipping %s: %s", path, exc)


def _agora(root: Path, table: dict[str, str]) -> Iterator[Example]:
    d = root / "agora-2014"

    def lookup(cat: str, sub: str) -> str | None:
        for key in (f"{cat}/{sub}", f"{cat}/*"):
            if key in table:
                return table[key]
        return None

    by_product: dict[tuple[str, str], str] = {}
    for name in ("agora_products_crawl_2014-03.csv", "agora_products_crawl_2014-01_fbclean.csv",
                 "Ag2014-sscEdibles.csv", "Ag2014-sscPrescription.csv", "Ag2014-sscSeeds.csv",
                 "Ag2014-sscShakeTrim.csv", "Ag2014-sscSynth.csv"):
        for row in _csv_rows(d / name):
            value = lookup((row.get("cat") or "").strip(), (row.get("subcat") or "").strip())
            title = (row.get("product") or "").strip()
            if not value or not title:
                continue
            vendor = (row.get("vendor") or "").strip()
            by_product[(vendor, title)] = value
            yield Example(title, "", *split_label(value), "agora", group=vendor)
    # Vendor pages carry a description but no category: join on (vendor, product).
    for row in _csv_rows(d / "agora_vendorpages_2014-01.csv"):
        vendor = (row.get("vendor") or "").strip()
        value = by_product.get((vendor, (row.get("product") or "").strip()))
        if value:
            yield Example(row["product"].strip(), (row.get("description") or "").strip(),
                          *split_label(value), "agora", group=vendor)


def _whm(root: Path, table: dict[str, str]) -> Iterator[Example]:
    path = root / "whitehousemarket-2021" / "whm_2021-05-23_crawl.json"
    try:
        blocks = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        log.warning("skipping %s: %s", path, exc)
        return
    for block in blocks:
        if block.get("name") != "products":
            continue
        values = block.get("values") or {}
        for row in (values.values() if isinstance(values, dict) else values):
            value = table.get(str(row.get("category", "")))
            if value and row.get("title"):
                yield Example(row["title"], "", *split_label(value), "whm")


def _dream(root: Path, table: dict[str, str]) -> Iterator[Example]:
    value = table["Cocaine"]
    for row in _csv_rows(root / "dream-cocaine-2017" / "dream_market_cocaine_listings.csv"):
        if row.get("product_title"):
            yield Example(row["product_title"], "", *split_label(value), "dream")


_BAD_ESCAPE = re.compile(rb'\\(?!["\\/bfnrtu])')


def _duta(root: Path, table: dict[str, str]) -> Iterator[Example]:
    path = root / "duta" / "duta_drugs_onion_plus_ebay.jsonl"
    try:
        fh = path.open("rb")  # binary: page dumps contain bare \r, which text mode splits on
    except OSError as exc:
        log.warning("skipping %s: %s", path, exc)
        return
    with fh:
        for n, line in enumerate(fh, 1):
            try:
                row = json.loads(line.decode("utf-8", errors="replace"))
            except ValueError:
                # A few page dumps carry stray backslashes; escape them rather than lose the row.
                try:
                    fixed = _BAD_ESCAPE.sub(rb"\\\\", line)
                    row = json.loads(fixed.decode("utf-8", errors="replace"))
                except ValueError:
                    log.warning("%s:%d: not JSON, skipped", path, n)
                    continue
            value = table.get(str(row.get("label", "")))
            if not value:
                continue
            text = re.sub(r"^## URL \S+\s*", "", str(row.get("text", "")))[:4000]
            if row.get("source") == "ebay":
                title = str(row.get("id", ""))
            else:  # onion page dumps: the first words stand in for a title
                title, _, text = text.strip().partition("\n")
                title = title.strip()[:120]
            yield Example(title, text, *split_label(value), "duta")


_ARMSLIST_PREFIX = re.compile(r"^\s*(for sale/trade|for sale|for trade|want to buy)\s*:\s*", re.I)


def _armslist(root: Path, table: dict[str, str]) -> Iterator[Example]:
    skip = tuple(load_mappings().get("armslist_skip", {}).get("title_prefixes", ()))
    for row in _csv_rows(root / "armslist-2017" / "armslist_2017-11_listings_redacted.csv"):
        value = table.get(row.get("category", ""))
        m = _ARMSLIST_PREFIX.match(row.get("title") or "")
        if m and m.group(1).lower() in skip:
            continue
        if value and row.get("title"):
            # The "For Sale:" prefix is Armslist page furniture, not product information.
            title = _ARMSLIST_PREFIX.sub("", row["title"])
            yield Example(title, row.get("description") or "", *split_label(value), "armslist")


_LOADERS = {"agora": ("agora", _agora), "whm": ("whm", _whm), "dream": ("dream", _dream),
            "duta": ("duta_pages", _duta), "armslist": ("armslist", _armslist)}


def load_market(name: str, root: Path | None = None) -> list[Example]:
    """Deduplicated examples of one market (same normalised title+text counted once)."""
    root = root or shared_data_dir()
    table_name, fn = _LOADERS[name]
    seen: set[str] = set()
    out: list[Example] = []
    for ex in fn(root, load_mappings()[table_name]):
        key = normalize(ex.title + " " + ex.text[:200])
        if key and key not in seen:
            seen.add(key)
            out.append(ex)
    return out


def load_markets(names: tuple[str, ...] = MARKETS, root: Path | None = None) -> dict[str, list[Example]]:
    return {n: load_market(n, root) for n in names}


def seed_examples(rng_seed: int = 0) -> list[Example]:
    """Our multilingual seed: item phrases x offer templates (data/seed_items.toml).

    The taxonomy's own `examples` are documentation and stay out of training: several of them
    paraphrase the held-out test set."""
    raw = tomllib.loads(data_path("seed_items.toml").read_text(encoding="utf-8"))
    rng = random.Random(rng_seed)
    out: list[Example] = []
    templates = raw["templates"]
    for label, by_lang in raw["items"].items():
        if label not in LABELS:
            raise ValueError(f"seed_items.toml: unknown label {label!r}")
        for lang, items in by_lang.items():
            tpls = templates[lang]
            for item in items:
                out.append(Example(item, "", label, None, "seed", lang))
                for tpl in rng.sample(tpls[1:], 2):
                    out.append(Example(tpl.format(item=item), "", label, None, "seed", lang))
    # Everyday goods are titled as they are, not as market offers; source "everyday" lets
    # training weigh them apart (TrainConfig.everyday_weight).
    for lang, items in raw.get("everyday", {}).items():
        out += [Example(item, "", "other", None, "everyday", lang) for item in items]
    return out
