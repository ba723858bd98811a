"""Dream Market exports: the AZSecure 2016 seller table and the 2017 cocaine listings."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from veille.formats import Row, RowError, register
from veille.formats.common import clean, header_of, iter_csv, pgp_from_text, split_list, to_float
from veille.parse.accounts import claimed_accounts
from veille.parse.values import parse_date
from veille.records import Document, Listing, Price, Record, Vendor

SITE = "dream"


class DreamSellers2016:
    name = "dream-2016-sellers"
    description = "Dream Market 2016 seller table (AZSecure): name, member since, PGP, profile"

    def sniff(self, path: Path, head: bytes) -> bool:
        cols = header_of(head)
        return "seller_name" in cols and "member_since" in cols and "pgp" in cols

    def iter_rows(self, path: Path) -> Iterator[Row | RowError]:
        return iter_csv(path, "sellers")

    def to_records(self, row: dict[str, Any], table: str, doc: Document) -> list[Record]:
        desc = str(row.get("description") or "").strip()
        vendor = Vendor(capture_id=doc.capture_id, site=SITE, source=f"format:{self.name}",
                        name=clean(row.get("seller_name")) or "", profile_text=desc,
                        pgp_block=pgp_from_text(row.get("pgp")),
                        other_accounts=claimed_accounts(desc))
        joined = parse_date(clean(row.get("member_since")), dayfirst=True)  # 13/07/2016
        vendor.joined = joined[0] if joined else None
        # The export's "positive_feedbacks" column holds the 0-5 rating (e.g. "4.83").
        rating = to_float(re.sub(r"[^\d.]", "", str(row.get("positive_feedbacks") or "")))
        if rating is not None and 0 <= rating <= 5:
            vendor.rating = rating
        contracts = to_float(row.get("contracts"))
        if contracts is not None:
            vendor.sales = int(contracts)
        for k in ("level", "contact", "negative_feedbacks"):
            if clean(row.get(k)):
                vendor.extra[k] = clean(row.get(k))
        if row.get("pgp") and "BEGIN PGP" in str(row.get("pgp")) and not vendor.pgp_block:
            vendor.warnings.append("PGP cell holds an incomplete key block")
        return [vendor]


class DreamCocaine2017:
    name = "dream-2017-cocaine"
    description = "Dream Market cocaine listings, July 2017 (Kaggle everling/cocaine-listings)"

    def sniff(self, path: Path, head: bytes) -> bool:
        cols = header_of(head)
        return "product_title" in cols and "btc_price" in cols and "vendor_name" in cols

    def iter_rows(self, path: Path) -> Iterator[Row | RowError]:
        return iter_csv(path, "listings")

    def to_records(self, row: dict[str, Any], table: str, doc: Document) -> list[Record]:
        src = f"format:{self.name}"
        link = clean(row.get("product_link")) or ""
        m = re.search(r"offer=([\w.]+)", link)
        vendor_name = clean(row.get("vendor_name"))
        listing = Listing(capture_id=doc.capture_id, site=SITE, source=src,
                          listing_key=m.group(1) if m else "", url=link,
                          title=clean(row.get("product_title")) or "", vendor=vendor_name,
                          ships_from=clean(row.get("ships_from")),
                          ships_to=split_list(row.get("ships_to")), category_path=["Cocaine"])
        btc = to_float(row.get("btc_price"))
        if btc is not None:
            listing.prices = [Price(btc, "BTC")]
        grams = to_float(row.get("grams"))
        if grams is not None:
            listing.quantity, listing.unit = grams, "g"
        for k in ("quality", "escrow", "cost_per_gram", "cost_per_gram_pure"):
            v = to_float(row.get(k))
            if v is not None:
                listing.extra[k] = v
        records: list[Record] = [listing]
        if vendor_name:
            vendor = Vendor(capture_id=doc.capture_id, site=SITE, source=src, name=vendor_name,
                            url=clean(row.get("vendor_link")) or "",
                            rating=to_float(row.get("rating")))
            sales = to_float(row.get("successful_transactions"))
            vendor.sales = int(sales) if sales is not None else None
            records.append(vendor)
        return records


register(DreamSellers2016())
register(DreamCocaine2017())
