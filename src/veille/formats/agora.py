"""Agora 2014 crawls (gwern DNM archive extractions by mozzarellaV8/agora-marketplace).

- products crawls (agora_products_crawl_2014-*.csv, Ag2014-ssc*.csv): one listing per row,
  with the listing page's raw feedback text: "5/5 <text> 2 days ago anon ~5/5, 1~2 deals",
  several per cell. Each becomes a Feedback with its rating and an absolute date (the
  crawl date minus the age, day precision).
- vendor pages (agora_vendorpages_2014-01.csv): one listing as shown on a vendor's page.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from veille.formats import Row, RowError, register
from veille.formats.common import clean, header_of, iter_csv, split_list, to_float
from veille.parse.values import parse_relative_date
from veille.records import Document, Feedback, Listing, Price, Record

SITE = "agora"
_FEEDBACK = re.compile(
    r"(?P<rating>\d+(?:\.\d+)?)/5\s+(?P<text>.*?)\s*(?P<age>\d+\s+(?:minutes?|hours?|days?|"
    r"weeks?|months?)\s+ago)\s*(?P<buyer>anon\b(?:\s*\[\d+\s+deals?\]|"
    r"\s*~?[\d.]+/5,\s*[\d~+]+\s+deals?|\s*[\d~+]+\s+deals?)?)?",
    re.S,
)
# An entry's age is followed by its buyer ("anon ...") or ends the cell; ages quoted inside
# feedback text ("shipped 8 days ago. He...") are not entries.
_AGE = re.compile(r"\b\d+\s+(?:minutes?|hours?|days?|weeks?|months?)\s+ago(?=\s+anon\b|\s*$)")


@dataclass(frozen=True, slots=True)
class FeedbackParse:
    feedback: list[dict[str, Any]]
    expected: int  # how many feedback entries the raw text holds (one age each)


def parse_feedback_text(raw: str | None, crawl_date: datetime) -> FeedbackParse:
    """Split Agora's raw feedback cell into entries with rating, text, date and buyer."""
    text = " ".join((raw or "").split())
    text = re.sub(r"^Feedbacks:\s*", "", text)
    if not text or text.startswith("No feedbacks found"):
        return FeedbackParse([], 0)
    expected = len(_AGE.findall(text))
    out = []
    for m in _FEEDBACK.finditer(text):
        resolved = parse_relative_date(m.group("age"), crawl_date)
        date, precision = resolved if resolved else (None, None)
        out.append({
            "rating": float(m.group("rating")),
            "text": m.group("text").strip(),
            "date": date,
            "date_precision": precision,
            "buyer": " ".join((m.group("buyer") or "").split()) or None,
        })
    return FeedbackParse(out, expected)


def _crawl_date(row: dict[str, Any]) -> datetime | None:
    try:
        return datetime.fromisoformat(str(row.get("date") or "").strip()[:10])
    except ValueError:
        return None


class AgoraProducts:
    name = "agora-2014-products"
    description = "Agora 2014 product crawls (list, date, vendor, product, price, cat..., " \
                  "feedback, from, to), including the binned Ag2014-ssc*.csv files"

    def sniff(self, path: Path, head: bytes) -> bool:
        cols = header_of(head)
        return cols[:6] == ["list", "date", "vendor", "product", "price", "cat"]

    def iter_rows(self, path: Path) -> Iterator[Row | RowError]:
        return iter_csv(path, "products")

    def to_records(self, row: dict[str, Any], table: str, doc: Document) -> list[Record]:
        title = clean(row.get("product")) or ""
        vendor = clean(row.get("vendor"))
        key = clean(row.get("list")) or ""
        listing = Listing(capture_id=doc.capture_id, site=SITE, source=f"format:{self.name}",
                          listing_key=key, title=title, vendor=vendor)
        price = clean(row.get("price"))
        if price and price.startswith(("[", "(")):
            listing.extra["price_bin_btc"] = price  # the ssc files bin prices
        elif price:
            amount = to_float(price)
            if amount is not None:
                listing.prices = [Price(amount, "BTC")]
            else:
                listing.warnings.append(f"unreadable price {price!r}")
        listing.category_path = [c for c in (clean(row.get(k)) for k in
                                             ("cat", "subcat", "subsubcat")) if c]
        listing.ships_from = clean(row.get("from"))
        listing.ships_to = split_list(row.get("to"))
        crawl = _crawl_date(row)
        listing.listed_since = None
        if crawl:
            listing.extra["crawled"] = crawl.date().isoformat()
        for flag in ("goodFB", "greatFB", "okFB", "poorFB", "badFB", "worstFB"):
            if flag in row:
                listing.extra[flag] = str(row[flag]).upper() == "TRUE"
        records: list[Record] = [listing]
        if crawl is None:
            if clean(row.get("feedback")):
                listing.warnings.append("no crawl date: feedback dates cannot be resolved")
            return records
        fb = parse_feedback_text(row.get("feedback"), crawl)
        if fb.expected != len(fb.feedback):
            listing.warnings.append(
                f"feedback text holds {fb.expected} entries; {len(fb.feedback)} parsed")
        for i, f in enumerate(fb.feedback):
            records.append(Feedback(
                capture_id=doc.capture_id, site=SITE, source=f"format:{self.name}",
                listing_key=key, listing_title=title, vendor=vendor, index=i, **f))
        return records


class AgoraVendorPages:
    name = "agora-2014-vendorpages"
    description = "Agora 2014 vendor pages (date, vendor, product, description, price, from, to)"

    def sniff(self, path: Path, head: bytes) -> bool:
        return header_of(head) == ["date", "vendor", "product", "description", "price",
                                   "from", "to"]

    def iter_rows(self, path: Path) -> Iterator[Row | RowError]:
        return iter_csv(path, "vendorpages")

    def to_records(self, row: dict[str, Any], table: str, doc: Document) -> list[Record]:
        listing = Listing(
            capture_id=doc.capture_id, site=SITE, source=f"format:{self.name}",
            title=clean(row.get("product")) or "", vendor=clean(row.get("vendor")),
            description=" ".join(str(row.get("description") or "").split()),
            ships_from=clean(row.get("from")), ships_to=split_list(row.get("to")),
        )
        amount = to_float(row.get("price"))
        if amount is not None:
            listing.prices = [Price(amount, "BTC")]
        if clean(row.get("date")):
            listing.extra["crawled"] = clean(row.get("date"))
        return [listing]


register(AgoraProducts())
register(AgoraVendorPages())
