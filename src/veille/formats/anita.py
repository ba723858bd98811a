"""JSON output of the ANITA project's scrapers (Agartha, CannaHome, DarkMarket, 2019-2020):
{"<id>": {"web_page": {"market", "page_type", "date"}, "page_data": {...}}, ...}."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from veille.formats import Row, RowError, register
from veille.formats.common import (
    clean,
    epoch_date,
    pgp_from_text,
    read_json,
    split_list,
    to_float,
)
from veille.parse.accounts import claimed_accounts
from veille.parse.values import find_prices
from veille.records import Document, Feedback, Listing, Record, Vendor

# ANITA's "date_deviation" to our date precision.
PRECISION = {"exact date": "day", "day": "day", "week": "week", "month": "month",
             "year": "year", "hour": "hour", "minute": "minute"}


def _feedback(items: Any, doc: Document, site: str, src: str, **about: Any) -> list[Record]:
    out: list[Record] = []
    for i, fb in enumerate(items if isinstance(items, list) else []):
        if not isinstance(fb, dict):
            continue
        score = fb.get("score")
        rating = None
        if isinstance(score, list) and score and isinstance(score[0], int | float):
            rating = float(score[0])
            if len(score) > 1 and isinstance(score[1], int | float) and score[1] not in (0, 5):
                rating = round(5 * score[0] / score[1], 3)  # bring other scales to /5
        elif isinstance(score, int | float):
            rating = float(score)
        out.append(Feedback(
            capture_id=doc.capture_id, site=site, source=src, index=i, rating=rating,
            text=" ".join(str(fb.get("message") or "").split()),
            date=epoch_date(fb.get("date")),
            date_precision=PRECISION.get(str(fb.get("date_deviation") or "").lower(), "day")
            if fb.get("date") is not None else None,
            buyer=clean(fb.get("user")), **about))
    return out


class AnitaJson:
    name = "anita-json"
    description = "ANITA scraper JSON (Agartha, CannaHome, DarkMarket product/vendor pages)"

    def sniff(self, path: Path, head: bytes) -> bool:
        return b'"web_page"' in head and b'"page_data"' in head and b'"page_type"' in head

    def iter_rows(self, path: Path) -> Iterator[Row | RowError]:
        data = read_json(path, dict, "an object of pages")
        if isinstance(data, RowError):
            yield data
            return
        for i, (key, obj) in enumerate(data.items()):
            if not isinstance(obj, dict) or not isinstance(obj.get("page_data"), dict):
                yield RowError(i, f"{path.name}: entry {key!r} has no page_data")
                continue
            table = str((obj.get("web_page") or {}).get("page_type") or "product")
            yield Row(i, table, {"key": key, **obj})

    def to_records(self, row: dict[str, Any], table: str, doc: Document) -> list[Record]:
        web = row.get("web_page") or {}
        data = row.get("page_data") or {}
        site = str(web.get("market") or "anita")
        src = f"format:{self.name}"
        if table == "vendor":
            info = str(data.get("info") or "")
            name = (clean(data.get("name")) or "").strip()
            vendor = Vendor(capture_id=doc.capture_id, site=site, source=src, name=name,
                            joined=epoch_date(data.get("registration")),
                            profile_text=info.strip(), pgp_block=pgp_from_text(info),
                            other_accounts=claimed_accounts(info))
            if isinstance(data.get("sales"), int | float):
                vendor.sales = int(data["sales"])
            score = data.get("score")
            if isinstance(score, list) and score:
                vendor.rating = to_float(score[0])
            for k in ("registration_deviation", "score_normalized"):
                if data.get(k) is not None:
                    vendor.extra[k] = data[k]
            if data.get("last_login") is not None:
                vendor.extra["last_login"] = epoch_date(data["last_login"])
            return [vendor, *_feedback(data.get("feedback"), doc, site, src, vendor=name)]
        title = clean(data.get("name")) or ""
        vendor_name = (clean(data.get("vendor")) or "").strip() or None
        listing = Listing(capture_id=doc.capture_id, site=site, source=src,
                          listing_key=str(row.get("key") or ""), title=title,
                          vendor=vendor_name, ships_from=clean(data.get("ships_from")),
                          ships_to=split_list(data.get("ships_to")),
                          description=str(data.get("info") or "").strip())
        price = data.get("price")
        if isinstance(price, dict):  # tiered prices: {"<tier text>": "1033.87$"}
            for tier, value in price.items():
                listing.prices += find_prices(str(value))
                listing.extra.setdefault("price_tiers", []).append(" ".join(str(tier).split()))
        elif price is not None:
            listing.prices = find_prices(str(price))
        if price and not listing.prices:
            listing.warnings.append(f"unreadable price {price!r}")
        if data.get("price_eur") not in (None, "None"):
            listing.extra["price_eur_converted"] = data["price_eur"]  # the scraper's conversion
        return [listing, *_feedback(data.get("feedback"), doc, site, src,
                                    listing_key=listing.listing_key, listing_title=title,
                                    vendor=vendor_name)]


register(AnitaJson())
