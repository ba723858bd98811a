"""The per-document pipeline: parse, then extract, then classify. Pure functions only.

`process_document(doc, ctx)` is what every runner calls: the local process pool in
`veille.processing`, or a Spark/Dask job mapping it over captures. The context is built once
per worker (`build_context`) and holds only read-only configuration and the model.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from veille import __version__
from veille.classify import Classifier, load_default
from veille.extract import extract
from veille.extract import prepare as extract_prepare
from veille.parse import ParseConfig, parse
from veille.records import Document, DocumentResult, Label, Listing, Mention, Record

# Bump when the chain's own logic changes in a way that should re-process every capture.
PIPELINE_REVISION = 1
CLASSIFIED_TYPES = ("listing", "post", "message")
STAGE_PACKAGES = ("parse", "formats", "extract", "classify")


@dataclass(frozen=True)
class PipelineContext:
    parse_config: ParseConfig
    classifier: Classifier | None
    version: str


def _data_fingerprint() -> str:
    """Site profiles and other stage data are files: editing them changes the version."""
    root = Path(__file__).parent
    h = hashlib.sha256()
    # Only the stages' own data: the demo generator's files or the report's templates do not
    # change what processing produces.
    paths = (p for stage in STAGE_PACKAGES for p in (root / stage).rglob("*"))
    for path in sorted(paths):
        if path.suffix in (".toml", ".json", ".csv", ".txt") and "__pycache__" not in path.parts:
            h.update(str(path.relative_to(root)).encode())
            h.update(path.read_bytes())
    return h.hexdigest()[:10]


def build_context(parse_config: ParseConfig | None = None,
                  classifier_loader: Callable[[], Classifier | None] = load_default,
                  ) -> PipelineContext:
    classifier = classifier_loader()
    extract_prepare()  # compiled once here, inherited by forked workers
    model = classifier.version if classifier is not None else "none"
    version = f"veille-{__version__}.r{PIPELINE_REVISION}.data-{_data_fingerprint()}.model-{model}"
    return PipelineContext(parse_config or ParseConfig(), classifier, version)


def _extract_records(records: list[Record]) -> list[Mention]:
    # The page record repeats the text of the records found on it; extract from the page
    # only when nothing more specific was found, so each identifier is counted once.
    specific = [r for r in records if r.type != "page"]
    mentions: list[Mention] = []
    for record in specific or records:
        rid = record.id
        for field_name, text in record.texts().items():
            if not text:
                continue
            for m in extract(text):
                m.capture_id = record.capture_id
                m.record_id = rid
                m.field = field_name
                mentions.append(m)
    return mentions


def _quantity_from_title(records: list[Record], mentions: list[Mention]) -> None:
    # Most markets put the quantity only in the title ("5g", "50 cartouches"); the first
    # quantity extracted from a listing's title fills the field when the page had none.
    first: dict[str, Mention] = {}
    for m in mentions:
        # "Oxycodone 80 mg x50": milligrams in a title are a dose, not the amount on offer.
        if (m.kind == "quantity" and m.field == "title" and m.record_id not in first
                and m.details.get("unit") != "mg"):
            first[m.record_id] = m
    if not first:
        return
    for record in records:
        if isinstance(record, Listing) and record.quantity is None:
            m = first.get(record.id)
            if m is not None and "amount" in m.details:
                record.quantity = m.details["amount"]
                record.unit = m.details.get("unit")


def _classify_records(records: list[Record], classifier: Classifier | None) -> list[Label]:
    if classifier is None:
        return []
    targets = []
    items = []
    for r in records:
        if r.type not in CLASSIFIED_TYPES:
            continue
        texts = r.texts()
        item = (texts.get("title", ""), texts.get("description") or texts.get("text", ""))
        if item[0].strip() or item[1].strip():  # nothing to read: no label (service messages)
            targets.append(r)
            items.append(item)
    if not targets:
        return []
    labels = []
    for record, pred in zip(targets, classifier.predict(items), strict=True):
        labels.append(Label(
            label=pred.label, sublabel=pred.sublabel, score=pred.score, review=pred.review,
            model_version=classifier.version, capture_id=record.capture_id,
            record_id=record.id, record_type=record.type,
        ))
    return labels


def process_batch(docs: list[Document], ctx: PipelineContext) -> list[DocumentResult]:
    """The pipeline over several documents. Same result as `process_document` on each one;
    the classifier sees all their records in one call, which is several times faster."""
    results = []
    for doc in docs:
        parsed = parse(doc, ctx.parse_config)
        mentions = _extract_records(parsed.records)
        _quantity_from_title(parsed.records, mentions)
        results.append(DocumentResult(
            capture_id=doc.capture_id, records=parsed.records, warnings=list(parsed.warnings),
            mentions=mentions,
        ))
    labels = _classify_records([r for res in results for r in res.records], ctx.classifier)
    by_capture: dict[str, list[Label]] = {}
    for label in labels:
        by_capture.setdefault(label.capture_id, []).append(label)
    for res in results:
        res.labels = by_capture.get(res.capture_id, [])
    return results


def process_document(doc: Document, ctx: PipelineContext) -> DocumentResult:
    return process_batch([doc], ctx)[0]
