"""Generic CSV / JSONL / JSON exports described by a mapping file (data, not code).

A mapping file is TOML:

    name = "acme-scraper"          # format name, used with `veille import --format`
    description = "ACME scraper CSV"
    file = "csv"                   # csv | jsonl | json
    rows = "items"                 # json only: dotted path to the list of rows ("" = top level)
    record = "listing"             # listing | vendor | feedback | post | message
    site = "acme-market"           # literal site name, or site_column = "market"
    detect_columns = ["product_title", "seller"]   # optional: sniff files by their columns

    [fields]                       # record field = column name, or "=literal"
    title = "product_title"
    vendor = "seller"
    price = "price"                # a number, or "12.50 USD"
    currency = "=EUR"
    ships_to = "destinations"      # lists are split on commas

Mapping files given to `veille import --mapping FILE` are copied into the case's
`mappings/` folder so that processing finds them again.
"""

from __future__ import annotations

import csv
import json
import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from veille.formats import Row, RowError, register
from veille.formats.common import decoded_row
from veille.parse.values import parse_number
from veille.records import RECORD_TYPES, Document, Price, Record

_PRICE = re.compile(r"([0-9][0-9.,\s]*)\s*([A-Za-z$€£]{1,5})?")
_SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP"}
LIST_FIELDS = {"ships_to", "category_path"}
INT_FIELDS = {"sales", "index"}
FLOAT_FIELDS = {"rating", "quantity", "confidence"}


def parse_amount(text: str) -> float | None:
    # Exports are written by programs, which put a dot before decimals: "1.553" is one and a
    # half, "1,553" and "1 200,50" follow the page-number rules of the parse stage.
    return parse_number(text, decimal=".")


@dataclass
class MappedFormat:
    name: str
    description: str
    file: str
    record: str
    fields: dict[str, str]
    rows: str = ""
    site: str = ""
    site_column: str = ""
    detect_columns: list[str] = field(default_factory=list)

    @classmethod
    def from_toml(cls, path: Path) -> MappedFormat:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
        missing = [k for k in ("name", "file", "record", "fields") if k not in data]
        if missing:
            raise ValueError(f"{path}: mapping lacks {', '.join(missing)}")
        if data["record"] not in RECORD_TYPES:
            raise ValueError(f"{path}: unknown record type {data['record']!r}")
        if data["file"] not in ("csv", "jsonl", "json"):
            raise ValueError(f"{path}: file must be csv, jsonl or json")
        return cls(
            name=data["name"], description=data.get("description", f"mapping {path.name}"),
            file=data["file"], record=data["record"], fields=dict(data["fields"]),
            rows=data.get("rows", ""), site=data.get("site", ""),
            site_column=data.get("site_column", ""),
            detect_columns=list(data.get("detect_columns", [])),
        )

    # capture side ---------------------------------------------------------------------------

    def sniff(self, path: Path, head: bytes) -> bool:
        if not self.detect_columns:
            return False
        text = head.decode("utf-8", "replace")
        if self.file == "csv":
            first = text.splitlines()[0] if text else ""
            cols = next(csv.reader([first]), [])
        elif self.file == "jsonl":
            try:
                cols = list(json.loads(text.splitlines()[0]))
            except (ValueError, IndexError):
                return False
        else:
            return all(f'"{c}"' in text for c in self.detect_columns)
        return all(c in cols for c in self.detect_columns)

    def iter_rows(self, path: Path) -> Iterator[Row | RowError]:
        table = self.record
        if self.file == "csv":
            with open(path, encoding="utf-8", errors="surrogateescape", newline="") as fh:
                for i, row in enumerate(csv.DictReader(fh)):
                    if None in row:
                        yield RowError(i + 2, f"line {i + 2}: more values than columns")
                        continue
                    yield decoded_row(path, i + 2, table, row)
        elif self.file == "jsonl":
            with open(path, "rb") as fh:
                offset = 0
                for line in fh:
                    start, offset = offset, offset + len(line)
                    if not line.strip():
                        continue
                    try:
                        obj = json.loads(line.decode("utf-8"))
                    except ValueError as exc:
                        yield RowError(start, f"byte {start}: invalid JSON: {exc}")
                        continue
                    if not isinstance(obj, dict):
                        yield RowError(start, f"byte {start}: not a JSON object")
                        continue
                    yield Row(start, table, obj)
        else:
            data: Any = json.loads(path.read_bytes().decode("utf-8"))
            for part in filter(None, self.rows.split(".")):
                data = data[part]
            items = data.items() if isinstance(data, dict) else enumerate(data)
            for i, (key, obj) in enumerate(items):
                if not isinstance(obj, dict):
                    yield RowError(i, f"row {key}: not a JSON object")
                    continue
                yield Row(i, table, obj)

    # parse side -----------------------------------------------------------------------------

    def _value(self, row: dict[str, Any], spec: str) -> Any:
        if spec.startswith("="):
            return spec[1:]
        value: Any = row
        for part in spec.split("."):
            value = value.get(part) if isinstance(value, dict) else None
        return value

    def to_records(self, row: dict[str, Any], table: str, doc: Document) -> list[Record]:
        cls = RECORD_TYPES[self.record]
        site = self.site or (str(row.get(self.site_column) or "") if self.site_column else "")
        kwargs: dict[str, Any] = {}
        warnings: list[str] = []
        known = {f.name for f in fields(cls)}
        for target, spec in self.fields.items():
            if target in ("price", "currency"):
                continue
            if target not in known:
                warnings.append(f"mapping field {target!r} is not a {self.record} field")
                continue
            value = self._value(row, spec)
            if value is None or value == "":
                continue
            if target in LIST_FIELDS:
                value = value if isinstance(value, list) else [
                    v.strip() for v in str(value).split(",") if v.strip()]
            elif target in INT_FIELDS:
                amount = parse_amount(str(value))
                value = int(amount) if amount is not None else None
            elif target in FLOAT_FIELDS:
                value = parse_amount(str(value))
            else:
                value = str(value)
            if value is not None:
                kwargs[target] = value
        if "price" in self.fields and cls.type == "listing":
            price = self._price(row, warnings)
            if price:
                kwargs["prices"] = [price]
        rec = cls(capture_id=doc.capture_id, site=site or doc.site_hint or "export",
                  source=f"format:{self.name}", warnings=warnings, **kwargs)
        return [rec]

    def _price(self, row: dict[str, Any], warnings: list[str]) -> Price | None:
        raw = self._value(row, self.fields["price"])
        if raw is None or raw == "":
            return None
        currency = self._value(row, self.fields["currency"]) if "currency" in self.fields else None
        if isinstance(raw, int | float):
            amount: float | None = float(raw)
        else:
            text = str(raw).strip()
            for sym, code in _SYMBOLS.items():
                if sym in text:
                    currency = currency or code
                    text = text.replace(sym, "")
            m = _PRICE.search(text)
            amount = parse_amount(m.group(1)) if m else None
            if m and m.group(2) and not currency:
                currency = m.group(2).upper()
        if amount is None:
            warnings.append(f"unreadable price {raw!r}")
            return None
        if not currency:
            warnings.append("price without a currency")
            return None
        return Price(amount, str(currency).upper())


def register_mapping_file(path: Path) -> MappedFormat:
    fmt = MappedFormat.from_toml(path)
    register(fmt)
    return fmt


def register_mappings_dir(folder: Path) -> None:
    if folder.is_dir():
        for path in sorted(folder.glob("*.toml")):
            register_mapping_file(path)
