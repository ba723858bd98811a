"""The per-document pipeline: batching changes nothing, one bad capture harms no other."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.capture.helpers import ITEMS, market_page
from veille import pipeline
from veille.capture.evidence import EvidenceWriter
from veille.capture.model import CaptureIn
from veille.processing import CaptureRef, run_batch
from veille.records import Document

WHEN = datetime(2026, 5, 1, tzinfo=UTC)


def docs(n: int) -> list[Document]:
    out = []
    for i in range(n):
        title, price, vendor = ITEMS[i % len(ITEMS)]
        body = market_page(i, f"{title} lot {i}", price, vendor).encode()
        out.append(Document(hashlib.sha256(body).hexdigest(), f"http://m.example/l/{i}", WHEN,
                            "text/html", body, "m.example"))
    return out


def summary(res):  # type: ignore[no-untyped-def]
    return (res.capture_id, [r.id for r in res.records], [m.id for m in res.mentions],
            [(lab.record_id, lab.label, lab.sublabel, round(lab.score, 6)) for lab in res.labels])


def test_batch_gives_the_same_results_as_one_by_one() -> None:
    ctx = pipeline.build_context()
    assert ctx.classifier is not None
    batch = docs(12)
    together = [summary(r) for r in pipeline.process_batch(batch, ctx)]
    alone = [summary(pipeline.process_document(d, ctx)) for d in batch]
    assert together == alone
    assert all(labels for *_, labels in together)


def test_a_capture_that_breaks_the_pipeline_fails_alone(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    batch = docs(5)
    bad = Document("f" * 64, "http://m.example/bad", WHEN, "text/html", b"<html>BOOM</html>")
    writer = EvidenceWriter(tmp_path, 1 << 30)
    refs = []
    for d in [*batch[:2], bad, *batch[2:]]:
        cap = CaptureIn(d.body, d.url, d.captured_at, d.content_type, "test")
        name, offset = writer.write(cap)
        refs.append(CaptureRef(cap.sha256, d.url, WHEN, d.content_type, "m.example", name,
                               offset, False))
    writer.close()
    real_parse = pipeline.parse

    def fragile_parse(doc, config):  # type: ignore[no-untyped-def]
        if b"BOOM" in doc.body:
            raise RuntimeError("parser bug")
        return real_parse(doc, config)

    monkeypatch.setattr(pipeline, "parse", fragile_parse)
    results = run_batch(refs, pipeline.build_context(), tmp_path)
    assert [r.capture_id for r in results] == [r.id for r in refs]
    errors = {r.capture_id: r.error for r in results if r.error}
    assert list(errors) == [refs[2].id]
    assert "RuntimeError: parser bug" in errors[refs[2].id]
    assert all(r.records and r.labels for r in results if not r.error)


def test_records_without_text_get_no_label() -> None:
    import json

    from veille.records import TELEGRAM_CONTENT_TYPE

    def tg(msg: dict) -> Document:
        body = json.dumps({"chat": {"id": 1, "name": "c", "type": "public_channel"},
                           "message": msg}).encode()
        return Document(hashlib.sha256(body).hexdigest(), "telegram://1/x", WHEN,
                        TELEGRAM_CONTENT_TYPE, body)

    service = tg({"id": 1, "type": "service", "date": "2026-05-01T10:00:00",
                  "actor": "c", "action": "pin_message", "text": ""})
    offer = tg({"id": 2, "type": "message", "date": "2026-05-01T10:01:00", "from": "c",
                "text": "Glock 19 Gen5 neuf, 2 chargeurs, envoi discret"})
    results = pipeline.process_batch([service, offer], pipeline.build_context())
    assert [len(r.records) for r in results] == [1, 1]
    assert results[0].labels == []
    assert [lab.label for lab in results[1].labels] == ["firearms"]


def test_listing_quantity_comes_from_the_title_when_the_page_has_none() -> None:
    ctx = pipeline.build_context()
    by_title = {}
    for res in pipeline.process_batch(docs(5), ctx):
        for rec in res.records:
            if rec.type == "listing":
                by_title[rec.title.split(" lot ")[0]] = (rec.quantity, rec.unit)
    assert by_title["50 cartouches 9x19 FMJ"] == (50.0, "round")
    assert by_title["Cocaine 92% pure 5g"] == (5.0, "g")
    assert by_title["Glock 19 Gen5 - remis en etat de tir"] == (None, None)
    body = market_page(9, "Oxycodone 80 mg x50", "$300", "pharma").encode()
    dose = Document(hashlib.sha256(body).hexdigest(), "http://m.example/l/9", WHEN,
                    "text/html", body, "m.example")
    listing = [r for r in pipeline.process_document(dose, ctx).records if r.type == "listing"]
    assert (listing[0].quantity, listing[0].unit) == (None, None)  # 80 mg is a dose
