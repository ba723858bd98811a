"""`veille process`: run the per-document pipeline over captures, in a process pool.

Workers read a capture's bytes from the evidence store and run the pure pipeline; the main
process writes each batch's records, mentions, labels and `processed` marks in one
transaction. Killing the run at any point loses nothing: a batch is either committed whole
or not at all, and the next run picks up every capture without a mark for the current
pipeline version. Record ids are content hashes, so a re-run never duplicates rows.
"""

from __future__ import annotations

import multiprocessing
import os
import traceback
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from veille import classify
from veille.capture.evidence import read_evidence
from veille.capture.model import as_utc
from veille.classify import Classifier
from veille.config import Settings
from veille.formats.mapped import register_mappings_dir
from veille.pipeline import PipelineContext, build_context, process_batch, process_document
from veille.records import Document, DocumentResult, Listing, Record
from veille.store import schema as t
from veille.store.db import CaseStore
from veille.store.write import delete_where_in, insert_ignore

PAGE_SIZE = 1000


@dataclass(frozen=True, slots=True)
class CaptureRef:
    id: str
    url: str
    captured_at: datetime
    content_type: str
    site: str
    evidence_file: str
    evidence_offset: int
    reprocess: bool  # derived rows of an older pipeline version exist


@dataclass
class ProcessSummary:
    processed: int = 0
    failed: int = 0
    records: dict[str, int] = field(default_factory=dict)
    mentions: int = 0
    labels: int = 0
    version: str = ""


# -- worker side ---------------------------------------------------------------------------

_WORKER: dict[str, Any] = {}


def _init_worker(evidence_dir: str, mappings_dir: str, case_dir: str) -> None:
    register_mappings_dir(Path(mappings_dir))
    if "ctx" not in _WORKER:  # forked workers inherit the parent's context, model included
        _WORKER["ctx"] = build_context(classifier_loader=lambda: load_case_model(Path(case_dir)))
    _WORKER["evidence_dir"] = Path(evidence_dir)


def load_case_model(case_dir: Path) -> Classifier | None:
    """A model retrained in the case (`veille train`) wins over the shipped one, unless
    VEILLE_MODEL_DIR names another explicitly."""
    case_model = case_dir / "model"
    if not os.environ.get("VEILLE_MODEL_DIR") and (case_model / "model.json").is_file():
        try:
            return classify.load(case_model)
        except (OSError, ValueError, KeyError):
            pass  # a broken retrained model must not stop processing: use the shipped one
    return classify.load_default()


def run_batch(refs: list[CaptureRef], ctx: PipelineContext | None = None,
              evidence_dir: Path | None = None) -> list[DocumentResult]:
    ctx = ctx or _WORKER["ctx"]
    evidence_dir = evidence_dir or _WORKER["evidence_dir"]
    docs: list[Document] = []
    failed: dict[str, DocumentResult] = {}
    for ref in refs:
        try:
            body = read_evidence(evidence_dir, ref.evidence_file, ref.evidence_offset, ref.id)
            docs.append(Document(ref.id, ref.url, ref.captured_at, ref.content_type, body,
                                 ref.site))
        except Exception as exc:  # unreadable evidence fails that capture only
            failed[ref.id] = _failure(ref.id, exc)
    try:
        done = {r.capture_id: r for r in process_batch(docs, ctx)}
    except Exception:
        # Find the capture that breaks the batch; the others still get their results.
        done = {}
        for doc in docs:
            try:
                done[doc.capture_id] = process_document(doc, ctx)
            except Exception as exc:  # one bad capture must not stop the run
                done[doc.capture_id] = _failure(doc.capture_id, exc)
    return [done.get(ref.id) or failed[ref.id] for ref in refs]


def _failure(capture_id: str, exc: Exception) -> DocumentResult:
    tb = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
    where = f" (at {Path(tb.filename).name}:{tb.lineno})" if tb else ""
    return DocumentResult(capture_id=capture_id, error=f"{type(exc).__name__}: {exc}{where}")


# -- main side -----------------------------------------------------------------------------


def pending(conn: sa.Connection, version: str) -> Iterator[CaptureRef]:
    """Captures not yet processed by `version`, in id order, paged so memory stays flat."""
    c, p = t.captures, t.processed
    last = ""
    while True:
        rows = conn.execute(
            _pending_where(
                sa.select(c.c.id, c.c.url, c.c.captured_at, c.c.content_type, c.c.site,
                          c.c.evidence_file, c.c.evidence_offset, p.c.pipeline_version),
                version,
            )
            .where(c.c.id > last)
            .order_by(c.c.id)
            .limit(PAGE_SIZE)
        ).all()
        if not rows:
            return
        for r in rows:
            yield CaptureRef(r.id, r.url, as_utc(r.captured_at), r.content_type, r.site,
                             r.evidence_file, r.evidence_offset, r.pipeline_version is not None)
        last = rows[-1].id


def count_pending(conn: sa.Connection, version: str) -> int:
    return conn.execute(_pending_where(sa.select(sa.func.count()), version)).scalar_one()


def _pending_where(query: sa.Select, version: str) -> sa.Select:
    """Restrict a query to captures with no `processed` mark for `version`."""
    c, p = t.captures, t.processed
    return (query.select_from(c.outerjoin(p, p.c.capture_id == c.c.id))
            .where(sa.or_(p.c.capture_id.is_(None), p.c.pipeline_version != version)))


def record_row(record: Record, table: sa.Table) -> dict[str, Any]:
    d = record.to_dict()
    if isinstance(record, Listing):
        # Every row of a batch must carry the same keys (executemany), priced or not.
        first = d["prices"][0] if d["prices"] else {}
        d["price_amount"] = first.get("amount")
        d["price_currency"] = first.get("currency")
    return {k: v for k, v in d.items() if k in table.c}


def _fts_row(record: Record, rid: str) -> dict[str, str] | None:
    texts = record.texts()
    if record.type == "listing":
        return {"record_id": rid, "record_type": "listing", "capture_id": record.capture_id,
                "title": texts.get("title", ""), "body": texts.get("description", "")}
    if record.type in ("post", "message"):
        return {"record_id": rid, "record_type": record.type,
                "capture_id": record.capture_id, "title": "", "body": texts.get("text", "")}
    return None


class BatchWriter:
    def __init__(self, store: CaseStore, version: str, summary: ProcessSummary) -> None:
        self.store = store
        self.version = version
        self.summary = summary
        self.fts = store.is_sqlite

    def write(self, refs: list[CaptureRef], results: list[DocumentResult]) -> None:
        now = datetime.now(UTC)
        rows: dict[str, list[dict[str, Any]]] = {name: [] for name in t.RECORD_TABLES}
        mention_rows: list[dict[str, Any]] = []
        label_rows: list[dict[str, Any]] = []
        fts_rows: list[dict[str, str]] = []
        processed_rows = []
        for res in results:
            types: dict[str, str] = {}
            for rec in res.records:
                row = record_row(rec, t.RECORD_TABLES[rec.type])
                rows[rec.type].append(row)
                types[row["id"]] = rec.type  # ids are hashes: compute each once
                fts = _fts_row(rec, row["id"]) if self.fts else None
                if fts:
                    fts_rows.append(fts)
            for m in res.mentions:
                mention_rows.append({
                    "id": m.id, "capture_id": m.capture_id, "record_id": m.record_id,
                    "record_type": types.get(m.record_id, ""), "field": m.field,
                    "kind": m.kind, "value": m.value, "start": m.start, "end": m.end,
                    "details": m.details,
                })
            for lab in res.labels:
                label_rows.append({
                    "id": lab.id, "capture_id": lab.capture_id, "record_id": lab.record_id,
                    "record_type": lab.record_type, "label": lab.label, "sublabel": lab.sublabel,
                    "score": lab.score, "review": lab.review, "model_version": lab.model_version,
                })
            processed_rows.append({
                "capture_id": res.capture_id, "pipeline_version": self.version,
                "processed_at": now, "records": len(res.records),
                "warnings": res.warnings[:50], "error": res.error,
            })
            if res.error:
                self.summary.failed += 1
        redo = [r.id for r in refs if r.reprocess]
        with self.store.engine.begin() as conn:
            if redo:
                for table in t.DERIVED_TABLES:
                    delete_where_in(conn, table, "capture_id", redo)
                delete_where_in(conn, t.processed, "capture_id", redo)
                if self.fts:
                    for i in range(0, len(redo), 200):
                        chunk = redo[i : i + 200]
                        marks = ",".join(f":c{j}" for j in range(len(chunk)))
                        conn.execute(sa.text(f"DELETE FROM search_fts WHERE capture_id IN ({marks})"),
                                     {f"c{j}": v for j, v in enumerate(chunk)})
            for name, table_rows in rows.items():
                insert_ignore(conn, t.RECORD_TABLES[name], table_rows)
                self.summary.records[name] = self.summary.records.get(name, 0) + len(table_rows)
            insert_ignore(conn, t.mentions, mention_rows)
            insert_ignore(conn, t.labels, label_rows)
            if fts_rows:
                conn.execute(sa.text(
                    "INSERT INTO search_fts (record_id, record_type, capture_id, title, body) "
                    "VALUES (:record_id, :record_type, :capture_id, :title, :body)"), fts_rows)
            insert_ignore(conn, t.processed, processed_rows)
        self.summary.processed += len(results)
        self.summary.mentions += len(mention_rows)
        self.summary.labels += len(label_rows)


def _batches(refs: Iterator[CaptureRef], size: int) -> Iterator[list[CaptureRef]]:
    batch: list[CaptureRef] = []
    for ref in refs:
        batch.append(ref)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def process_case(store: CaseStore, *, workers: int | None = None, batch_size: int | None = None,
                 progress: Callable[[int, int], None] | None = None,
                 limit: int | None = None) -> ProcessSummary:
    """Process every pending capture. `progress(done, total)` is called after each batch."""
    settings = store.settings
    workers = workers or settings.workers
    batch_size = batch_size or settings.batch_size
    register_mappings_dir(settings.mappings_dir)
    ctx = build_context(classifier_loader=lambda: load_case_model(settings.case_dir))
    summary = ProcessSummary(version=ctx.version)
    writer = BatchWriter(store, ctx.version, summary)
    with store.engine.connect() as conn:
        total = count_pending(conn, ctx.version)
    if limit is not None:
        total = min(total, limit)
    if progress:
        progress(0, total)
    if total == 0:
        return summary
    # A separate read connection pages through pending captures while batches are written.
    with store.engine.connect() as read_conn:
        refs = pending(read_conn, ctx.version)
        if limit is not None:
            refs = (r for i, r in zip(range(limit), refs, strict=False))
        batches = _batches(refs, batch_size)
        if workers <= 1:
            for batch in batches:
                writer.write(batch, run_batch(batch, ctx, settings.evidence_dir))
                if progress:
                    progress(summary.processed, total)
            return summary
        _run_pool(batches, workers, settings, ctx, writer, summary, total, progress)
    return summary


def _run_pool(batches: Iterator[list[CaptureRef]], workers: int, settings: Settings,
              ctx: PipelineContext, writer: BatchWriter, summary: ProcessSummary, total: int,
              progress: Callable[[int, int], None] | None) -> None:
    in_flight: dict[Future, list[CaptureRef]] = {}
    max_in_flight = workers * 3
    # Forked workers start with the context already built here (profiles, model): they don't
    # each load it again, and every worker labels with exactly the parent's version.
    fork = "fork" in multiprocessing.get_all_start_methods()
    _WORKER["ctx"] = ctx
    try:
        with ProcessPoolExecutor(
            max_workers=workers, initializer=_init_worker,
            mp_context=multiprocessing.get_context("fork" if fork else None),
            initargs=(str(settings.evidence_dir), str(settings.mappings_dir),
                      str(settings.case_dir)),
        ) as pool:
            exhausted = False
            while in_flight or not exhausted:
                while not exhausted and len(in_flight) < max_in_flight:
                    batch = next(batches, None)
                    if batch is None:
                        exhausted = True
                        break
                    in_flight[pool.submit(run_batch, batch)] = batch
                if not in_flight:
                    break
                done, _ = wait(list(in_flight), return_when=FIRST_COMPLETED)
                for fut in done:
                    batch = in_flight.pop(fut)
                    writer.write(batch, fut.result())
                    if progress:
                        progress(summary.processed, total)
    finally:
        _WORKER.pop("ctx", None)
