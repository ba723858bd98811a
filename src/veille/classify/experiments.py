"""Cross-market and multilingual evaluation runs (used by `veille evaluate` and benchmarks/).

A market is "unseen" when none of its rows are in training; the seed set (ours) is always in.
"""

from __future__ import annotations

import csv
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from veille.classify.classifier import LinearClassifier
from veille.classify.datasets import (
    MARKETS,
    SEALED_MARKET,
    Example,
    example_id,
    is_sealed,
    load_markets,
)
from veille.classify.evaluation import Report, evaluate, read_test_tsv
from veille.classify.lexicon import LABELS, Taxonomy, data_path
from veille.classify.prediction import Prediction
from veille.classify.training import TrainConfig, train

log = logging.getLogger(__name__)
TEST_TSV = Path(__file__).resolve().parents[3] / "tests" / "classify" / "data" / "multilingual_test.tsv"


def multilingual_test_path() -> Path:
    return TEST_TSV if TEST_TSV.exists() else data_path("multilingual_test.tsv")


def score_examples(clf: LinearClassifier, examples: Sequence[Example], titles_only: bool = False) -> Report:
    preds = clf.predict([(ex.title, "" if titles_only else ex.text) for ex in examples])
    return evaluate([ex.label for ex in examples], [p.label for p in preds])


def multilingual(clf: LinearClassifier, path: Path | None = None) -> dict[str, Report]:
    items = read_test_tsv(path or multilingual_test_path())
    out: dict[str, Report] = {}
    preds = clf.predict([(i.title, i.text) for i in items])
    out["all"] = evaluate([i.label for i in items], [p.label for p in preds])
    for lang in sorted({i.lang for i in items}):
        sel = [(i, p) for i, p in zip(items, preds, strict=True) if i.lang == lang]
        out[lang] = evaluate([i.label for i, _ in sel], [p.label for _, p in sel])
    titled = [i for i in items if i.title.strip()]  # posts without a title have none to test
    tpreds = clf.predict([(i.title, "") for i in titled])
    out["titles_only"] = evaluate([i.label for i in titled], [p.label for p in tpreds])
    # The same listing as a forum post or message would carry it: no title, title and
    # description run together in one paragraph (a first line of its own would be read as the
    # title, features.text_head, and score exactly as "all").
    xpreds = clf.predict([("", f"{i.title}. {i.text}".strip()) for i in items])
    out["text only"] = evaluate([i.label for i in items], [p.label for p in xpreds])
    return out


def leave_out(taxonomy: Taxonomy, held_out: Sequence[str], cfg: TrainConfig | None = None,
              data: dict[str, list[Example]] | None = None) -> dict[str, dict[str, Report]]:
    """Train without `held_out` markets; score each of them (full text and titles only)."""
    data = data or load_markets()
    train_on = [m for m in MARKETS if m not in held_out]
    clf = LinearClassifier(train(taxonomy, cfg, train_on, preloaded=data), taxonomy)
    res: dict[str, dict[str, Report]] = {}
    pooled: list[Example] = []
    for m in held_out:
        res[m] = {"full": score_examples(clf, data[m]),
                  "titles": score_examples(clf, data[m], titles_only=True)}
        pooled += data[m]
    if len(held_out) > 1:
        res["+".join(held_out)] = {"full": score_examples(clf, pooled),
                                   "titles": score_examples(clf, pooled, titles_only=True)}
    return res


# Gold labels by the taxonomy's definitions for a sample of the market rows (data/audit_labels.csv,
# see its README): the market's own category is the gold of every other figure, and markets file
# custom listings under Drugs, guides under Hacking and scopes under Firearms. Evaluation only.
AUDIT_LABELS = "audit_labels.csv"


@dataclass(frozen=True, slots=True)
class AuditLabel:
    label: str
    unsure: bool
    sealed: bool


def load_audit(path: Path | None = None) -> dict[str, AuditLabel]:
    """id -> audited label; {} when the file is absent. Bad rows are reported and skipped."""
    path = path or data_path(AUDIT_LABELS)
    if not path.exists():
        return {}
    out: dict[str, AuditLabel] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for n, row in enumerate(csv.DictReader(fh), start=2):
            label, rid = (row.get("label") or "").strip(), (row.get("id") or "").strip()
            if not rid or label not in LABELS:
                log.warning("%s line %d: bad id or label %r, skipped", path, n, label)
                continue
            out[rid] = AuditLabel(label, (row.get("unsure") or "").strip() == "1",
                                  (row.get("slice") or "").strip() == "sealed")
    return out


def _audited(rows: Sequence[Example], full: Sequence[Prediction], titles: Sequence[Prediction],
             audit: dict[str, AuditLabel], acc: dict[str, list[str]]) -> None:
    """Append (audited gold, market gold, prediction, title-only prediction) of every audited row
    to `acc`, each labelled row once (the audit labelled distinct rows). `full` and `titles` are
    the predictions already made for `rows`."""
    seen: set[str] = set()
    for e, p, t in zip(rows, full, titles, strict=True):
        rid = example_id(e)
        if rid not in audit or rid in seen:
            continue
        seen.add(rid)
        acc["audit"].append(audit[rid].label)
        acc["market"].append(e.label)
        acc["pred"].append(p.label)
        acc["titles"].append(t.label)
        acc["sure"].append("" if audit[rid].unsure else "1")


def _audit_reports(acc: dict[str, list[str]]) -> dict[str, Report]:
    sure = [i for i, s in enumerate(acc["sure"]) if s]
    return {"full": evaluate(acc["audit"], acc["pred"]),
            "titles": evaluate(acc["audit"], acc["titles"]),
            "market gold": evaluate(acc["market"], acc["pred"]),
            "sure only": evaluate([acc["audit"][i] for i in sure], [acc["pred"][i] for i in sure])}


AUDITED_KEYS = ("audited", "sealed audited")


def held_out_results(res: dict[str, dict[str, Report]]) -> dict[str, dict[str, Report]]:
    """lomo()'s per-market, "sealed" and "pooled" entries: its result without the audited-gold
    rescorings of the same predictions."""
    return {k: v for k, v in res.items() if k not in AUDITED_KEYS}


def lomo(taxonomy: Taxonomy, cfg: TrainConfig | None = None,
         data: dict[str, list[Example]] | None = None,
         open_sealed: bool = False,
         collect: list[tuple[str, Prediction]] | None = None,
         audit: dict[str, AuditLabel] | None = None) -> dict[str, dict[str, Report]]:
    """Leave-one-market-out for every market, plus the pooled out-of-market predictions, which
    form one multi-class test set where every row comes from a market unseen in its training.

    The sealed Agora slice (datasets.is_sealed) is never scored here unless `open_sealed`; it is
    then reported alone as "sealed", by the same model that never saw any Agora row.
    `collect`, when given, receives (true label, prediction) for every pooled row (title + text),
    so that the review flag can be judged on out-of-market predictions. With `audit`, the audited
    rows are also scored against their definition labels ("audited"; "sealed audited" only when
    `open_sealed`), by the same out-of-market models."""
    data = data or load_markets()
    res: dict[str, dict[str, Report]] = {}
    pooled_true: list[str] = []
    pooled_full: list[str] = []
    pooled_titles: list[str] = []
    keys = ("audit", "market", "pred", "titles", "sure")
    acc: dict[str, list[str]] = {k: [] for k in keys}
    acc_sealed: dict[str, list[str]] = {k: [] for k in keys}
    for m in MARKETS:
        train_on = [x for x in MARKETS if x != m]
        clf = LinearClassifier(train(taxonomy, cfg, train_on, preloaded=data), taxonomy)
        rows = [e for e in data[m] if not is_sealed(e)]
        full = clf.predict([(e.title, e.text) for e in rows])
        titles = clf.predict([(e.title, "") for e in rows])
        if audit:
            _audited(rows, full, titles, audit, acc)
        truth = [e.label for e in rows]
        res[m] = {"full": evaluate(truth, [p.label for p in full]),
                  "titles": evaluate(truth, [p.label for p in titles])}
        pooled_true += truth
        pooled_full += [p.label for p in full]
        pooled_titles += [p.label for p in titles]
        if collect is not None:
            collect += list(zip(truth, full, strict=True))
        if open_sealed and m == SEALED_MARKET:
            sealed = [e for e in data[m] if is_sealed(e)]
            s_full = clf.predict([(e.title, e.text) for e in sealed])
            s_titles = clf.predict([(e.title, "") for e in sealed])
            s_truth = [e.label for e in sealed]
            res["sealed"] = {"full": evaluate(s_truth, [p.label for p in s_full]),
                             "titles": evaluate(s_truth, [p.label for p in s_titles])}
            if audit:
                _audited(sealed, s_full, s_titles, audit, acc_sealed)
    res["pooled"] = {"full": evaluate(pooled_true, pooled_full),
                     "titles": evaluate(pooled_true, pooled_titles)}
    if acc["audit"]:
        res["audited"] = _audit_reports(acc)
    if acc_sealed["audit"]:
        res["sealed audited"] = _audit_reports(acc_sealed)
    return res


def pairwise(taxonomy: Taxonomy, cfg: TrainConfig | None = None,
             data: dict[str, list[Example]] | None = None) -> dict[str, dict[str, float]]:
    """Train on seed + one market, accuracy on every market (the diagonal is in-sample)."""
    data = data or load_markets()
    out: dict[str, dict[str, float]] = {}
    for a in MARKETS:
        clf = LinearClassifier(train(taxonomy, cfg, [a], preloaded=data), taxonomy)
        out[a] = {b: round(score_examples(clf, data[b]).accuracy, 3) for b in MARKETS}
    seedonly = LinearClassifier(train(taxonomy, cfg, [], preloaded=data), taxonomy)
    out["seed only"] = {b: round(score_examples(seedonly, data[b]).accuracy, 3) for b in MARKETS}
    return out


# Blind gold labels for market dumps the model never saw (data/heldout_labels.csv, written by a
# team member who never saw the classifier). Evaluation only: training never reads this file.
HELDOUT_LABELS = "heldout_labels.csv"
HELDOUT_FILES = {
    "agartha-2020": "2020_03_31_agartha_product.json",
    "cannahome-2019": "2019_03_13_cannahome_product.json",
    "cannahome-2020": "2020_03_12_cannahome_product.json",
    "darkmarket-2020": "2020_04_02_darkmarket_product.json",
}
MAX_JSON_BYTES = 50_000_000


def heldout_items(labels_csv: Path | None = None, root: Path | None = None
                  ) -> tuple[list[tuple[str, str, str, str, bool]], list[str]]:
    """(dataset, title, text, gold label, unclear) per labelled listing, joined by id to the ANITA
    product JSON (title = name, text = info), and one message per row that could not be joined."""
    import csv
    import json

    from veille.classify.datasets import shared_data_dir
    from veille.classify.lexicon import LABELS

    labels_csv = labels_csv or data_path(HELDOUT_LABELS)
    base = (root or shared_data_dir()) / "anita-markets"
    records: dict[str, dict[str, dict]] = {}
    problems: list[str] = []
    for ds, name in HELDOUT_FILES.items():
        path = base / name
        try:
            if path.stat().st_size > MAX_JSON_BYTES:
                raise ValueError(f"larger than {MAX_JSON_BYTES} bytes")
            raw = json.loads(path.read_text(encoding="utf-8", errors="replace"))
        except (OSError, ValueError) as exc:
            problems.append(f"{path}: {exc}")
            raw = {}
        recs: dict[str, dict] = {}
        for key, rec in (raw.items() if isinstance(raw, dict) else []):
            page = rec.get("page_data", rec) if isinstance(rec, dict) else {}
            if isinstance(page, dict):
                recs[str(key)] = page
        records[ds] = recs
    out: list[tuple[str, str, str, str, bool]] = []
    with labels_csv.open(encoding="utf-8", newline="") as fh:
        for n, row in enumerate(csv.DictReader(fh), 2):
            ds, rid, label = (row.get("dataset") or "").strip(), (row.get("id") or "").strip(), \
                (row.get("label") or "").strip()
            if label not in LABELS:
                problems.append(f"{labels_csv}:{n}: unknown label {label!r}")
                continue
            page = records.get(ds, {}).get(rid)
            if page is None:
                problems.append(f"{labels_csv}:{n}: no record {rid!r} in {ds!r}")
                continue
            unclear = "unclear" in (row.get("note") or "").lower()
            out.append((ds, str(page.get("name") or ""), str(page.get("info") or ""), label, unclear))
    return out, problems


def score_heldout(clf: LinearClassifier, items: Sequence[tuple[str, str, str, str, bool]]
                  ) -> dict[str, Report]:
    """All rows, rows not marked unclear, titles only, and each dataset."""
    preds = clf.predict([(t, x) for _, t, x, _, _ in items])
    tpreds = clf.predict([(t, "") for _, t, _, _, _ in items])
    gold = [g for *_, g, _ in items]
    out = {"all": evaluate(gold, [p.label for p in preds])}
    clear = [i for i, it in enumerate(items) if not it[4]]
    out["without unclear"] = evaluate([gold[i] for i in clear], [preds[i].label for i in clear])
    out["titles only"] = evaluate(gold, [p.label for p in tpreds])
    for ds in sorted({it[0] for it in items}):
        idx = [i for i, it in enumerate(items) if it[0] == ds]
        out[ds] = evaluate([gold[i] for i in idx], [preds[i].label for i in idx])
    return out
