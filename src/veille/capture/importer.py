"""`veille import`: walk the inputs, read captures, keep evidence, record them in the case.

Order of writes makes an interrupted import safe to re-run: evidence is written and synced
first, then the database rows are committed in one transaction per batch. A crash leaves at
most an unreferenced evidence record; re-running skips every capture already recorded (its
id is the SHA-256 of its bytes), so nothing is lost or duplicated.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

import sqlalchemy as sa

from veille.capture.evidence import EvidenceWriter
from veille.capture.model import CaptureIn, ImportIssue, as_utc
from veille.capture.sources import (
    HTML_SUFFIXES,
    MANIFEST_NAMES,
    encoding_warning,
    iter_export,
    iter_html_folder,
    iter_telegram,
    iter_warc,
    looks_like_telegram,
    read_html_file,
)
from veille.formats import ExportFormat, get_format, sniff_format
from veille.records import record_id
from veille.safety import RestrictedPolicy
from veille.store import schema as t
from veille.store.db import CaseStore
from veille.store.write import existing_ids, insert_ignore

BATCH_CAPTURES = 256
BATCH_BYTES = 32 * 1024 * 1024
EXPORT_SUFFIXES = {".csv", ".tsv", ".jsonl", ".ndjson", ".json"}
MAX_EXPORT_FILE_BYTES = 2 * 1024 * 1024 * 1024


@dataclass
class ImportSummary:
    files: int = 0
    captures_seen: int = 0
    captures_added: int = 0
    quarantined: int = 0
    errors: int = 0
    warnings: int = 0
    issues: list[ImportIssue] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return self.errors > 0


def capture_site(cap: CaptureIn) -> str:
    try:
        parts = urlsplit(cap.url)
    except ValueError:
        parts = None
    if parts is not None and parts.scheme in ("http", "https") and parts.hostname:
        host = parts.hostname
        return host[4:] if host.startswith("www.") else host
    return cap.site or "local"


def site_kind(site: str) -> str:
    if site.startswith("telegram:"):
        return "telegram"
    if site.startswith("export:"):
        return "export"
    if site.endswith(".onion"):
        return "onion"
    return "web"


class Importer:
    def __init__(
        self,
        store: CaseStore,
        *,
        format_name: str | None = None,
        on_issue: Callable[[ImportIssue], None] | None = None,
        fetch_media: bool = False,
    ) -> None:
        self.store = store
        self.settings = store.settings
        self.format: ExportFormat | None = get_format(format_name) if format_name else None
        self.on_issue = on_issue or (lambda issue: None)
        self.fetch_media = fetch_media
        self.policy = RestrictedPolicy.load(self.settings.policy_dir)
        self.summary = ImportSummary()
        self._batch: list[CaptureIn] = []
        self._batch_bytes = 0
        self._import_id: int | None = None
        self._writer = EvidenceWriter(self.settings.evidence_dir, self.settings.evidence_rotate_bytes)

    # -- walking -----------------------------------------------------------------------------

    def plan(self, paths: list[Path]) -> list[tuple[Path, str]]:
        """Every input unit and the reader that takes it, in a stable order."""
        units: list[tuple[Path, str]] = []
        for path in paths:
            if not path.exists():
                self._issue(ImportIssue(str(path), "no such file or folder"))
            elif path.is_dir():
                self._plan_dir(path, units)
            else:
                kind = self._kind_of(path, explicit=True)
                if kind:
                    units.append((path, kind))
        return units

    def _plan_dir(self, folder: Path, units: list[tuple[Path, str]]) -> None:
        if any((folder / m).is_file() for m in MANIFEST_NAMES):
            units.append((folder, "html-folder"))
            return
        for child in sorted(folder.iterdir()):
            if child.name.startswith((".", "_")):
                continue
            if child.resolve() == self.settings.case_dir:
                continue  # never import the case into itself
            if child.is_dir():
                self._plan_dir(child, units)
            else:
                kind = self._kind_of(child, explicit=False)
                if kind:
                    units.append((child, kind))

    def _kind_of(self, path: Path, explicit: bool) -> str | None:
        name = path.name.lower()
        if name.endswith((".warc", ".warc.gz", ".arc", ".arc.gz")):
            return "warc"
        suffix = path.suffix.lower()
        if suffix in HTML_SUFFIXES:
            return "html"
        if suffix in EXPORT_SUFFIXES:
            if self.format is not None:
                return "export"
            if suffix == ".json":
                try:
                    with open(path, "rb") as fh:
                        head = fh.read(1 << 20)
                except OSError as exc:
                    self._issue(ImportIssue(str(path), f"cannot read: {exc.strerror}"))
                    return None
                if looks_like_telegram(head):
                    return "telegram"
            return "export"
        if explicit:
            self._issue(ImportIssue(str(path), "unrecognised file type; expected WARC, HTML, "
                                               "Telegram JSON, CSV or JSONL"))
        else:
            self._issue(ImportIssue(str(path), "unrecognised file type; skipped", fatal=False))
        return None

    def items(self, path: Path, kind: str) -> Iterator[CaptureIn | ImportIssue]:
        max_bytes = self.settings.max_capture_bytes
        if kind == "warc":
            yield from iter_warc(path, max_bytes, fetch_media=self.fetch_media)
        elif kind == "html-folder":
            yield from iter_html_folder(path, max_bytes)
        elif kind == "html":
            yield read_html_file(path, None, None, max_bytes, site=path.parent.name)
        elif kind == "telegram":
            yield from iter_telegram(path, MAX_EXPORT_FILE_BYTES)
        elif kind == "export":
            fmt = self.format or sniff_format(path)
            if fmt is None:
                yield ImportIssue(str(path), "no export format recognises this file; pass "
                                             "--format NAME (see `veille formats`)")
                return
            yield from iter_export(path, fmt, max_bytes)

    # -- running -----------------------------------------------------------------------------

    def run(self, paths: list[Path], progress: Callable[[Path, int], None] | None = None,
            units: list[tuple[Path, str]] | None = None) -> ImportSummary:
        units = units if units is not None else self.plan(paths)
        try:
            for path, kind in units:
                self.summary.files += 1
                self._start_import(path, kind)
                for item in self.items(path, kind):
                    if isinstance(item, ImportIssue):
                        self._issue(item)
                        continue
                    if item.content_type.startswith("text/html"):
                        warn = encoding_warning(item.source_file, item.body)
                        if warn:
                            self._issue(warn)
                    self._add(item)
                self._flush()
                self._finish_import()
                if progress:
                    progress(path, self.summary.captures_seen)
        finally:
            self._flush()
            self._writer.close()
        return self.summary

    def _start_import(self, path: Path, kind: str) -> None:
        with self.store.engine.begin() as conn:
            self._import_id = conn.execute(
                t.imports.insert().values(
                    path=str(path), importer=kind, started_at=datetime.now(UTC),
                    size=path.stat().st_size if path.is_file() else None,
                )
            ).inserted_primary_key[0]
        self._import_counts = [0, 0, 0]  # seen, added, errors

    def _finish_import(self) -> None:
        seen, added, errors = self._import_counts
        with self.store.engine.begin() as conn:
            conn.execute(
                t.imports.update().where(t.imports.c.id == self._import_id).values(
                    finished_at=datetime.now(UTC), captures_seen=seen, captures_added=added,
                    errors=errors,
                )
            )

    def _issue(self, issue: ImportIssue) -> None:
        self.summary.issues.append(issue)
        if issue.fatal:
            self.summary.errors += 1
            if self._import_id is not None:
                self._import_counts[2] += 1
        else:
            self.summary.warnings += 1
        self.on_issue(issue)
        with self.store.engine.begin() as conn:
            conn.execute(t.import_errors.insert().values(
                import_id=self._import_id, path=issue.path, record=issue.record,
                level="error" if issue.fatal else "warning", message=issue.message,
                created_at=datetime.now(UTC),
            ))

    def _add(self, cap: CaptureIn) -> None:
        self._batch.append(cap)
        self._batch_bytes += len(cap.body)
        if len(self._batch) >= BATCH_CAPTURES or self._batch_bytes >= BATCH_BYTES:
            self._flush()

    def _flush(self) -> None:
        batch, self._batch, self._batch_bytes = self._batch, [], 0
        if not batch:
            return
        now = datetime.now(UTC)
        quarantine_rows = []
        kept: list[CaptureIn] = []
        for cap in batch:
            reason = None if self.policy.empty else self.policy.check(cap.sha256, cap.body)
            if reason:
                quarantine_rows.append({
                    "sha256": cap.sha256, "url": cap.url, "captured_at": cap.captured_at,
                    "source_file": cap.source_file, "reason": reason, "quarantined_at": now,
                })
                cap.body = b""  # the body of restricted content is never kept
            else:
                kept.append(cap)
        self.summary.quarantined += len(quarantine_rows)
        self.summary.captures_seen += len(batch)
        self._import_counts[0] += len(batch)

        with self.store.engine.connect() as conn:
            known = existing_ids(conn, t.captures.c.id, {c.sha256 for c in kept})
        capture_rows = []
        written: set[str] = set()
        for cap in kept:
            if cap.sha256 in known or cap.sha256 in written:
                continue
            name, offset = self._writer.write(cap)
            written.add(cap.sha256)
            capture_rows.append({
                "id": cap.sha256, "url": cap.url, "captured_at": cap.captured_at,
                "content_type": cap.content_type, "size": len(cap.body),
                "site": capture_site(cap), "source_file": cap.source_file,
                "source_offset": cap.source_offset, "source_record": cap.source_record,
                "import_id": self._import_id, "evidence_file": name, "evidence_offset": offset,
                "imported_at": now,
            })
        self._writer.flush()
        observation_rows = [
            {
                "id": record_id("observation", c.sha256, c.url, c.captured_at.isoformat(),
                                c.source_file, c.source_offset),
                "capture_id": c.sha256, "url": c.url, "captured_at": c.captured_at,
                "source_file": c.source_file, "source_offset": c.source_offset,
                "import_id": self._import_id,
            }
            for c in kept
        ]
        with self.store.engine.begin() as conn:
            insert_ignore(conn, t.captures, capture_rows)
            insert_ignore(conn, t.observations, observation_rows)
            insert_ignore(conn, t.quarantine, quarantine_rows)
            self._update_sites(conn, capture_rows)
        self.summary.captures_added += len(capture_rows)
        self._import_counts[1] += len(capture_rows)

    def _update_sites(self, conn: sa.Connection, rows: list[dict]) -> None:
        per_site: dict[str, list[datetime]] = {}
        for row in rows:
            per_site.setdefault(row["site"], []).append(row["captured_at"])
        if not per_site:
            return
        current = {
            r.name: r for r in conn.execute(
                sa.select(t.sites).where(t.sites.c.name.in_(list(per_site)))
            )
        }
        for site, times in per_site.items():
            first, last = min(times), max(times)
            if site in current:
                old = current[site]
                conn.execute(t.sites.update().where(t.sites.c.name == site).values(
                    first_seen=min(first, as_utc(old.first_seen)) if old.first_seen else first,
                    last_seen=max(last, as_utc(old.last_seen)) if old.last_seen else last,
                    captures=old.captures + len(times),
                ))
            else:
                conn.execute(t.sites.insert().values(
                    name=site, kind=site_kind(site), first_seen=first, last_seen=last,
                    captures=len(times),
                ))
