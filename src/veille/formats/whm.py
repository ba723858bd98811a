"""White House Market crawl of 2021-05-23 (MongoDB export: a JSON list of blocks named
pages, products, vendors and categories, each holding {"0": row, "1": row, ...})."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from veille.formats import Row, RowError, register
from veille.formats.common import clean, pgp_from_text, read_json, split_list
from veille.parse.values import find_prices, parse_date, parse_number
from veille.records import Document, Listing, Record, Vendor

SITE = "whitehousemarket"
TABLES = ("products", "vendors")


class WhiteHouseMarket:
    name = "whm-2021"
    description = "White House Market crawl JSON (MongoDB export: products, vendors blocks)"

    def sniff(self, path: Path, head: bytes) -> bool:
        return (b'"$oid"' in head and re.search(rb'"name"\s*:\s*"(pages|products|vendors)"',
                                                head) is not None)

    def iter_rows(self, path: Path) -> Iterator[Row | RowError]:
        blocks = read_json(path, list, "a list of blocks")
        if isinstance(blocks, RowError):
            yield blocks
            return
        n = 0
        for block in blocks:
            if not isinstance(block, dict) or block.get("name") not in TABLES:
                continue  # the crawl log and the category tree are not records
            values = block.get("values") or {}
            items = values.values() if isinstance(values, dict) else values
            for row in items:
                n += 1
                if isinstance(row, dict):
                    yield Row(n, block["name"], row)
                else:
                    yield RowError(n, f"{path.name}: {block['name']} row {n}: not an object")

    def to_records(self, row: dict[str, Any], table: str, doc: Document) -> list[Record]:
        src = f"format:{self.name}"
        if table == "products":
            listing = Listing(
                capture_id=doc.capture_id, site=SITE, source=src,
                listing_key=clean(row.get("id")) or "", title=clean(row.get("title")) or "",
                vendor=clean(row.get("vendor")), ships_from=clean(row.get("shipsFrom")),
                ships_to=split_list(row.get("shipsTo")),
                category_path=[c.strip() for c in (clean(row.get("category")) or "").split(" - ")
                               if c.strip()],
            )
            listing.prices = find_prices(str(row.get("price") or ""))
            if row.get("price") and not listing.prices:
                listing.warnings.append(f"unreadable price {row.get('price')!r}")
            return [listing]
        if table == "vendors":
            vendor = Vendor(capture_id=doc.capture_id, site=SITE, source=src,
                            name=clean(row.get("username")) or "",
                            pgp_block=pgp_from_text(row.get("publicKey")))
            joined = parse_date("1 " + str(row.get("joined") or ""))  # "December 2019"
            if joined:
                vendor.joined = joined[0][:7]  # month precision: keep YYYY-MM
            sales = clean(row.get("sales"))  # a range, "520 - 530"
            if sales:
                vendor.sales = int(parse_number(sales.split("-")[0]) or 0) or None
                vendor.extra["sales_range"] = sales
            fb = parse_number(str(row.get("feedback") or ""))
            if fb is not None:
                vendor.extra["feedback_count"] = int(fb)
            if clean(row.get("fingerprint")):
                vendor.extra["fingerprint"] = clean(row.get("fingerprint"))
            return [vendor]
        return []


register(WhiteHouseMarket())
