"""Export formats: other tools' CSV / JSON / JSONL exports, split into rows and mapped to records.

A format has two halves that run at different times:
- capture side: `sniff(path, head)` and `iter_rows(path)` split a file into rows; each row
  becomes one capture whose bytes are the canonical JSON `{"format", "table", "row"}`;
- parse side: `to_records(row, table, doc)` maps one row to records (pure).

Formats register themselves in `REGISTRY` by name. Generic CSV/JSONL files use a mapping
file (TOML, data not code) through `MappedFormat`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from veille.records import Document, ParseResult, Record


@dataclass(frozen=True, slots=True)
class Row:
    offset: int  # byte offset of the row in its file, or its index where bytes are not known
    table: str
    data: dict[str, Any]
    warning: str | None = None  # read, but not exactly as written (e.g. bytes not UTF-8)


class RowError(Exception):
    """A row that could not be read; carries where it was."""

    def __init__(self, offset: int, message: str) -> None:
        super().__init__(message)
        self.offset = offset


class ExportFormat(Protocol):
    name: str
    description: str

    def sniff(self, path: Path, head: bytes) -> bool: ...

    def iter_rows(self, path: Path) -> Iterator[Row | RowError]: ...

    def to_records(self, row: dict[str, Any], table: str, doc: Document) -> list[Record]: ...


REGISTRY: dict[str, ExportFormat] = {}


def register(fmt: ExportFormat) -> ExportFormat:
    REGISTRY[fmt.name] = fmt
    return fmt


def _load_builtin() -> None:
    # Importing the modules registers their formats.
    from veille.formats import mapped  # noqa: F401

    try:
        from veille.formats import builtin  # noqa: F401
    except ImportError:
        pass


def get_format(name: str) -> ExportFormat:
    _load_builtin()
    try:
        return REGISTRY[name]
    except KeyError:
        known = ", ".join(sorted(REGISTRY)) or "none"
        raise KeyError(f"unknown export format {name!r} (known: {known})") from None


def sniff_format(path: Path) -> ExportFormat | None:
    _load_builtin()
    with open(path, "rb") as fh:
        head = fh.read(64 * 1024)
    for fmt in REGISTRY.values():
        try:
            if fmt.sniff(path, head):
                return fmt
        except Exception:  # a sniffer must never stop an import
            continue
    return None


def row_body(fmt_name: str, table: str, row: dict[str, Any], source: str) -> bytes:
    """The canonical bytes of a row capture: same row, same bytes, same capture id."""
    return json.dumps(
        {"format": fmt_name, "table": table, "source": source, "row": row},
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
        default=str,
    ).encode("utf-8")


def parse_row(doc: Document) -> ParseResult:
    result = ParseResult()
    try:
        obj = json.loads(doc.body.decode("utf-8"))
        fmt = get_format(obj["format"])
        result.records.extend(fmt.to_records(obj["row"], obj.get("table", ""), doc))
    except (ValueError, KeyError, TypeError) as exc:
        result.warnings.append(f"row capture {doc.capture_id[:12]}: {exc}")
    return result
