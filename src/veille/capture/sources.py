"""Readers that turn one input file into captures (or issues naming the file and record).

Each reader is a generator: it yields what it has read before any break in the input, so a
truncated file still gives everything up to the break, and the break is reported.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from veille.capture.model import CaptureIn, ImportIssue, file_time, parse_time
from veille.formats import ExportFormat, RowError, row_body
from veille.records import ROW_CONTENT_TYPE, TELEGRAM_CONTENT_TYPE
from veille.safety import sniff_binary

Item = CaptureIn | ImportIssue

HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
TEXT_TYPES = ("text/", "application/xhtml", "application/json", "application/xml",
              "application/ld+json")
MANIFEST_NAMES = ("manifest.csv", "manifest.jsonl")


def file_url(path: Path) -> str:
    return "file://" + quote(str(path.resolve()))


def _size_issue(path: str, size: int, limit: int, record: str | None = None) -> ImportIssue:
    return ImportIssue(
        path,
        f"{size / 1048576:.1f} MB exceeds the {limit / 1048576:.0f} MB limit for one capture; "
        "not imported (raise VEILLE_MAX_CAPTURE_MB to accept it)",
        record=record,
    )


def read_html_file(path: Path, url: str | None, captured_at: str | None, max_bytes: int,
                   site: str = "", record: str | None = None) -> Item:
    """One saved page. Refuses binary, empty and oversized files; keeps mis-encoded ones."""
    spath = str(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        return ImportIssue(spath, f"cannot read: {exc.strerror}", record=record)
    if size == 0:
        return ImportIssue(spath, "empty file; nothing to import", record=record)
    if size > max_bytes:
        return _size_issue(spath, size, max_bytes, record)
    body = path.read_bytes()
    kind = sniff_binary(body[:8192])
    if kind:
        return ImportIssue(spath, f"{kind}, not an HTML page; not imported", record=record)
    try:
        when = parse_time(captured_at) if captured_at else file_time(spath)
    except ValueError:
        return ImportIssue(spath, f"bad capture time {captured_at!r}", record=record)
    return CaptureIn(
        body=body,
        url=url or file_url(path),
        captured_at=when,
        content_type="text/html",
        source_file=spath,
        source_offset=0,
        source_record=record,
        site=site,
    )


def encoding_warning(path: str, body: bytes) -> ImportIssue | None:
    """Pages that are not UTF-8 and declare no charset are kept (they are evidence) but flagged."""
    try:
        body.decode("utf-8")
    except UnicodeDecodeError as exc:
        if b"charset" not in body[:4096].lower():
            return ImportIssue(
                path,
                f"not valid UTF-8 (byte {exc.start}) and no charset declared; imported as is, "
                "text will be decoded as cp1252",
                fatal=False,
            )
    return None


def read_manifest(folder: Path) -> tuple[dict[str, tuple[str, str]], list[ImportIssue]]:
    """Manifest of a folder of saved pages: relative path -> (url, captured_at)."""
    entries: dict[str, tuple[str, str]] = {}
    issues: list[ImportIssue] = []
    for name in MANIFEST_NAMES:
        mpath = folder / name
        if not mpath.is_file():
            continue
        try:
            text = mpath.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError) as exc:
            issues.append(ImportIssue(str(mpath), f"unreadable manifest: {exc}"))
            continue
        if name.endswith(".csv"):
            rows: Iterator[tuple[int, dict]] = (
                (i + 2, r) for i, r in enumerate(csv.DictReader(io.StringIO(text)))
            )
        else:
            rows = _jsonl_objects(text)
        for line_no, row in rows:
            if not isinstance(row, dict):
                issues.append(ImportIssue(str(mpath), "not a JSON object", record=f"line {line_no}"))
                continue
            rel = (row.get("path") or row.get("file") or "").strip()
            if not rel:
                issues.append(ImportIssue(str(mpath), "no 'path'", record=f"line {line_no}"))
                continue
            entries[rel] = (row.get("url") or "", row.get("captured_at") or row.get("date") or "")
    return entries, issues


def _jsonl_objects(text: str) -> Iterator[tuple[int, dict]]:
    for i, line in enumerate(text.splitlines(), 1):
        if line.strip():
            try:
                yield i, json.loads(line)
            except ValueError:
                yield i, None  # type: ignore[misc]


def iter_html_folder(folder: Path, max_bytes: int) -> Iterator[Item]:
    """A folder of saved pages, with an optional manifest giving each file's URL and time."""
    manifest, issues = read_manifest(folder)
    yield from issues
    site = folder.name
    root = folder.resolve()
    listed: set[Path] = set()
    for rel, (url, when) in sorted(manifest.items()):
        # normpath, not resolve(): resolving every file was a third of the import's time;
        # only a symlink can still lead outside once '..' is gone.
        path = Path(os.path.normpath(root / rel))
        if _leaves(path, root):
            listed.add(path)
            yield ImportIssue(str(folder / "manifest"), f"path {rel!r} leaves the folder; skipped")
            continue
        listed.add(path)
        if not path.is_file():
            yield ImportIssue(str(path), "listed in the manifest but missing")
            continue
        yield read_html_file(path, url or None, when or None, max_bytes, site=site)
    for path in sorted(root.rglob("*")):
        if (path.suffix.lower() in HTML_SUFFIXES and path not in listed
                and not _hidden(path.relative_to(root))):
            if _leaves(path, root):
                yield ImportIssue(str(path), "symbolic link leaves the folder; skipped")
                continue
            yield read_html_file(path, None, None, max_bytes, site=site)


def _leaves(path: Path, root: Path) -> bool:
    return not path.is_relative_to(root) or (
        path.is_symlink() and not path.resolve().is_relative_to(root))


def _hidden(rel: Path) -> bool:
    return any(part.startswith((".", "_")) for part in rel.parts)


def iter_warc(path: Path, max_bytes: int, fetch_media: bool = False) -> Iterator[Item]:
    """Responses and resources of a WARC / WARC.gz file. Text only unless media is asked for."""
    spath = str(path)
    count = 0
    last_offset = 0
    end = 0
    cut_short = reported = False
    try:
        with open(path, "rb") as fh:
            it = ArchiveIterator(fh, no_record_parse=False)
            for record in it:
                try:
                    rtype = record.rec_type
                    if rtype not in ("response", "resource"):
                        continue
                    count += 1
                    url = record.rec_headers.get_header("WARC-Target-URI") or ""
                    if rtype == "response" and record.http_headers is not None:
                        ctype = record.http_headers.get_header("Content-Type") or ""
                        status = record.http_headers.get_statuscode() or ""
                        if status and not status.startswith("2"):
                            continue
                    else:
                        ctype = record.rec_headers.get_header("Content-Type") or ""
                    if ctype and not fetch_media and not ctype.lower().startswith(TEXT_TYPES):
                        continue  # text only by default: images and media are never stored
                    length = int(record.rec_headers.get_header("Content-Length") or 0)
                    too_big = length > max_bytes
                    body = b"" if too_big else _read_bounded(record.content_stream(), max_bytes)
                    # warcio knows a record's offset only once the record has been read through.
                    offset = it.get_record_offset()
                    last_offset = offset
                    where = f"record {count} at offset {offset}"
                    if too_big or len(body) > max_bytes:
                        yield _size_issue(spath, max(length, len(body)), max_bytes, where)
                        continue
                    if getattr(record.raw_stream, "limit", 0) > 0:
                        reported = True
                        yield ImportIssue(spath, f"truncated: the file ends inside this record "
                                                 f"({count - 1} complete records before it)",
                                          record=where)
                        continue
                    if not body:
                        yield ImportIssue(spath, "empty payload; skipped", record=where, fatal=False)
                        continue
                    date = record.rec_headers.get_header("WARC-Date") or ""
                    try:
                        when = parse_time(date) if date else file_time(spath)
                    except ValueError:
                        yield ImportIssue(spath, f"bad WARC-Date {date!r}", record=where)
                        continue
                    yield CaptureIn(
                        body=body,
                        url=url,
                        captured_at=when,
                        content_type=ctype or "text/html",
                        source_file=spath,
                        source_offset=offset,
                        source_record=where,
                    )
                finally:
                    # A record cut short (even one we skip) has bytes its header promised
                    # but the file lacks.
                    if _drain(record.raw_stream) > 0:
                        cut_short = True
                    last_offset = it.get_record_offset()
                    end = last_offset + it.get_record_length()
        # A gzip member cut short can also end the iteration silently: compare with the size.
        size = path.stat().st_size
        if cut_short and not reported:
            yield ImportIssue(spath, f"truncated: the record at offset {last_offset} is cut "
                                     "short; every record before it was read")
        elif size - end > 4:  # an uncompressed WARC ends with CRLF CRLF
            yield ImportIssue(spath, f"truncated or corrupt: {size - end} bytes after offset "
                                     f"{end} could not be read")

    except (ArchiveLoadFailed, EOFError, OSError, ValueError) as exc:
        yield ImportIssue(
            spath,
            f"truncated or corrupt after {count} records (near offset {last_offset}): "
            f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}".rstrip(": "),
        )


def _drain(stream: io.BufferedIOBase) -> int:
    """Read a record's remaining bytes; returns how many its header promised but were missing.

    A record whose headers were themselves cut off has no length at all: count it as missing.
    """
    limit = getattr(stream, "limit", None)
    if limit is None:
        return 1
    while stream.read(65536):
        pass
    return int(getattr(stream, "limit", 0) or 0)


def _read_bounded(stream: io.BufferedIOBase, max_bytes: int) -> bytes:
    parts: list[bytes] = []
    total = 0
    while total <= max_bytes:
        chunk = stream.read(65536)
        if not chunk:
            break
        parts.append(chunk)
        total += len(chunk)
    return b"".join(parts)


def looks_like_telegram(head: bytes) -> bool:
    h = head[:4096]
    return b'"messages"' in head or (b'"chats"' in h and b'"list"' in h)


def iter_telegram(path: Path, max_file_bytes: int) -> Iterator[Item]:
    """A Telegram Desktop JSON export: one capture per message, with its chat."""
    spath = str(path)
    size = path.stat().st_size
    if size > max_file_bytes:
        yield _size_issue(spath, size, max_file_bytes)
        return
    try:
        data = json.loads(path.read_bytes().decode("utf-8"))
    except UnicodeDecodeError as exc:
        yield ImportIssue(spath, f"not UTF-8 (byte {exc.start}); Telegram exports are UTF-8")
        return
    except ValueError as exc:
        yield ImportIssue(spath, f"invalid JSON: {exc}")
        return
    chats: list = []
    if isinstance(data, dict) and isinstance(data.get("messages"), list):
        chats = [data]
    elif isinstance(data, dict) and isinstance(data.get("chats"), dict):
        chats = list(data["chats"].get("list") or [])
    if not chats:
        yield ImportIssue(spath, "not a Telegram export: no 'messages' list and no 'chats.list'")
        return
    when_file = file_time(spath)
    for ci, chat in enumerate(chats):
        if not isinstance(chat, dict) or not isinstance(chat.get("messages"), list):
            yield ImportIssue(spath, "chat without a 'messages' list", record=f"chat {ci}")
            continue
        meta = {k: chat.get(k) for k in ("name", "type", "id")}
        if meta["id"] is None and meta["name"] is None:
            yield ImportIssue(spath, "chat has neither 'id' nor 'name'", record=f"chat {ci}")
            continue
        chat_key = meta["id"] if meta["id"] is not None else meta["name"]
        for mi, msg in enumerate(chat["messages"]):
            where = f"chat {chat_key} message #{mi}"
            if not isinstance(msg, dict):
                yield ImportIssue(spath, "message is not an object", record=where)
                continue
            missing = [k for k in ("id", "date") if k not in msg]
            if missing:
                yield ImportIssue(spath, f"missing field(s) {', '.join(missing)}", record=where)
                continue
            body = json.dumps({"chat": meta, "message": msg}, sort_keys=True,
                              ensure_ascii=False, separators=(",", ":")).encode("utf-8")
            yield CaptureIn(
                body=body,
                url=f"telegram://{quote(str(chat_key))}/{quote(str(msg['id']))}",
                captured_at=when_file,
                content_type=TELEGRAM_CONTENT_TYPE,
                source_file=spath,
                source_offset=mi,
                source_record=f"chat {chat_key} message {msg['id']}",
                site=f"telegram:{chat_key}",
            )


def iter_export(path: Path, fmt: ExportFormat, max_bytes: int) -> Iterator[Item]:
    """Rows of another tool's export; each row becomes one capture of canonical JSON."""
    spath = str(path)
    when = file_time(spath)
    base_url = file_url(path)
    n = 0
    try:
        for row in fmt.iter_rows(path):
            n += 1
            if isinstance(row, RowError):
                yield ImportIssue(spath, str(row), record=f"row at {row.offset}")
                continue
            if row.warning:
                yield ImportIssue(spath, row.warning, record=f"row at {row.offset}", fatal=False)
            body = row_body(fmt.name, row.table, row.data, os.path.basename(spath))
            if len(body) > max_bytes:
                yield _size_issue(spath, len(body), max_bytes, f"row at {row.offset}")
                continue
            yield CaptureIn(
                body=body,
                url=f"{base_url}#{row.table}:{row.offset}",
                captured_at=when,
                content_type=ROW_CONTENT_TYPE,
                source_file=spath,
                source_offset=row.offset,
                source_record=f"{row.table} row at {row.offset}",
                site=f"export:{fmt.name}",
            )
    except UnicodeDecodeError as exc:
        yield ImportIssue(spath, f"not UTF-8 (byte {exc.start}); stopped after {n} rows")
    except (ValueError, KeyError, TypeError, csv.Error) as exc:
        yield ImportIssue(spath, f"unreadable after {n} rows: {exc}")
