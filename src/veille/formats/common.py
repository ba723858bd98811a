"""Shared pieces of the built-in export formats: CSV rows, dates, PGP reflow, values."""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from veille.formats import Row, RowError

# PGP keys in CSV cells run to tens of kilobytes, over the csv module's default.
CSV_FIELD_LIMIT = 16 * 1024 * 1024
MISSING = {"", "na", "n/a", "none", "null", "-", "undeclared", "nan"}


def header_of(head: bytes) -> list[str]:
    text = head.decode("utf-8", "replace").lstrip("\ufeff")
    first = text.split("\n", 1)[0].strip("\r")
    return next(csv.reader([first]), [])


def read_json(path: Path, expected: type, what: str) -> Any:
    """The file's JSON value, or a RowError naming the file when it is unreadable or not
    of the `expected` type (`what` says what was expected, for the message)."""
    try:
        data = json.loads(path.read_bytes().decode("utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        return RowError(0, f"{path.name}: not readable JSON: {exc}")
    if not isinstance(data, expected):
        return RowError(0, f"{path.name}: expected {what}")
    return data


_UNDECODED = re.compile("[\udc80-\udcff]")


def decoded_row(path: Path, line: int, table: str, row: dict[str, Any]) -> Row:
    """The row, with any byte that was not UTF-8 (read as a lone surrogate) replaced by U+FFFD
    and a warning naming the file, line and column: the rest of the file still imports."""
    bad = [k for k, v in row.items() if isinstance(v, str) and _UNDECODED.search(v)]
    bad += [k for k in row if isinstance(k, str) and _UNDECODED.search(k)]
    if not bad:
        return Row(line, table, row)
    # The bad byte is in that column's value, or else in its name (a broken header).
    first = _UNDECODED.search(str(row[bad[0]])) or _UNDECODED.search(str(bad[0]))
    byte = ord(first.group()) - 0xDC00 if first else 0
    fixed = {_UNDECODED.sub("\ufffd", k) if isinstance(k, str) else k:
             _UNDECODED.sub("\ufffd", v) if isinstance(v, str) else v for k, v in row.items()}
    column = _UNDECODED.sub("\ufffd", str(bad[0]))
    return Row(line, table, fixed, warning=f"{path.name}: line {line}: not UTF-8 (byte 0x{byte:02x} "
               f"in column {column!r}); read with U+FFFD in its place")


def iter_csv(path: Path, table: str) -> Iterator[Row | RowError]:
    """Rows as dicts; the offset is the row's 1-based line number of its first line."""
    csv.field_size_limit(CSV_FIELD_LIMIT)
    with open(path, encoding="utf-8", errors="surrogateescape", newline="") as fh:
        reader = csv.DictReader(fh)
        index = 0
        while True:
            line = reader.line_num + 1
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                yield RowError(line, f"{path.name}: line {line}: {exc}")
                return
            index += 1
            if None in row:
                yield RowError(line, f"{path.name}: line {line}: more values than columns")
                continue
            yield decoded_row(path, line, table, {k: v for k, v in row.items() if k is not None})


def clean(value: Any) -> str | None:
    """A cell as text, or None for the many ways exports write 'nothing'."""
    if value is None:
        return None
    s = " ".join(str(value).split())
    return None if s.lower() in MISSING else s


def split_list(value: Any) -> list[str]:
    if isinstance(value, list):
        return [c for c in (clean(v) for v in value) if c]
    s = clean(value)
    if not s:
        return []
    if s.startswith("[") and s.endswith("]"):  # a Python list written as text
        s = s[1:-1].replace("'", "").replace('"', "")
    return [p.strip() for p in re.split(r"[,;]", s) if p.strip() and p.strip().lower()
            not in MISSING]


def epoch_date(value: Any) -> str | None:
    try:
        return datetime.fromtimestamp(float(value), tz=UTC).date().isoformat()
    except (TypeError, ValueError, OverflowError, OSError):
        return None


def to_float(value: Any) -> float | None:
    s = clean(value)
    if s is None:
        return None
    try:
        return float(s)
    except ValueError:
        from veille.parse.values import parse_number

        return parse_number(s)


_PGP_BLOCK = re.compile(
    r"-----BEGIN PGP PUBLIC KEY BLOCK-----(.*?)-----END PGP PUBLIC KEY BLOCK-----", re.S)
_CHECKSUM = re.compile(r"=([A-Za-z0-9+/]{4})$")


def pgp_from_text(text: str | None) -> str | None:
    """The armoured public key in `text`, with its line structure restored if an export
    glued the lines together."""
    if not text:
        return None
    from veille.parse.engine import normalise_pgp

    m = _PGP_BLOCK.search(text)
    if not m:
        return None
    inner = m.group(1)
    if "\n" in inner.strip():
        return normalise_pgp(m.group(0))
    body = "".join(inner.split())
    headers: list[str] = []
    hm = re.match(r"((?:Version|Comment|Hash|Charset): [^\n]*?)(?=mQ|$)", body)
    if hm:  # a glued "Version: ..." header cannot be split reliably: keep the body only
        body = body[hm.end():]
    checksum = ""
    cm = _CHECKSUM.search(body)
    if cm:
        checksum, body = "=" + cm.group(1), body[: cm.start()]
    lines = [body[i:i + 64] for i in range(0, len(body), 64)]
    return "\n".join(["-----BEGIN PGP PUBLIC KEY BLOCK-----", *headers, "", *lines,
                      *([checksum] if checksum else []), "-----END PGP PUBLIC KEY BLOCK-----"])
