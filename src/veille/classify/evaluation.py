"""Metrics: per-class precision/recall/F1, macro-F1 and the confusion matrix."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from veille.classify.lexicon import LABELS
from veille.classify.prediction import Prediction


@dataclass
class Report:
    n: int
    accuracy: float
    macro_f1: float
    per_class: dict[str, dict[str, float]]  # label -> precision, recall, f1, support
    confusion: np.ndarray  # rows true, columns predicted, in LABELS order

    def to_json(self) -> dict:
        return {"n": self.n, "accuracy": round(self.accuracy, 4),
                "macro_f1": round(self.macro_f1, 4), "per_class": self.per_class,
                "confusion": self.confusion.tolist(), "labels": list(LABELS)}

    def format(self) -> str:
        lines = [f"n={self.n}  accuracy={self.accuracy:.3f}  macro-F1={self.macro_f1:.3f}",
                 f"{'label':<18} {'prec':>6} {'rec':>6} {'f1':>6} {'support':>8}"]
        for lab, m in self.per_class.items():
            lines.append(f"{lab:<18} {m['precision']:>6.3f} {m['recall']:>6.3f} "
                         f"{m['f1']:>6.3f} {int(m['support']):>8}")
        short = [lab[:6] for lab in LABELS]
        lines.append("confusion (rows = true, columns = predicted):")
        lines.append(" " * 18 + " ".join(f"{s:>6}" for s in short))
        for i, lab in enumerate(LABELS):
            if self.confusion[i].sum():
                lines.append(f"{lab:<18}" + " ".join(f"{v:>6d}" for v in self.confusion[i]))
        return "\n".join(lines)


def evaluate(y_true: Sequence[str], y_pred: Sequence[str]) -> Report:
    """Macro-F1 averages over the labels present in y_true (a market holding only drugs
    cannot say anything about hacking), but a wrong prediction still costs precision."""
    idx = {lab: i for i, lab in enumerate(LABELS)}
    cm = np.zeros((len(LABELS), len(LABELS)), dtype=int)
    for t, p in zip(y_true, y_pred, strict=True):
        cm[idx[t], idx[p]] += 1
    per: dict[str, dict[str, float]] = {}
    f1s = []
    for lab, i in idx.items():
        support = int(cm[i].sum())
        if support == 0:
            continue
        tp = cm[i, i]
        prec = tp / cm[:, i].sum() if cm[:, i].sum() else 0.0
        rec = tp / support
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        per[lab] = {"precision": round(float(prec), 4), "recall": round(float(rec), 4),
                    "f1": round(float(f1), 4), "support": support}
        f1s.append(f1)
    n = int(cm.sum())
    return Report(n, float(np.trace(cm) / n) if n else 0.0,
                  float(np.mean(f1s)) if f1s else 0.0, per, cm)


@dataclass(frozen=True)
class LabelledItem:
    title: str
    text: str
    label: str
    lang: str


def read_test_tsv(path: Path) -> list[LabelledItem]:
    """The multilingual test set: lang, label, title, text (tab-separated, header row)."""
    out: list[LabelledItem] = []
    with path.open(encoding="utf-8", newline="") as fh:
        for n, row in enumerate(csv.DictReader(fh, delimiter="\t"), 2):
            if row.get("label") not in LABELS:
                raise ValueError(f"{path}:{n}: unknown label {row.get('label')!r}")
            out.append(LabelledItem(row["title"] or "", row.get("text") or "", row["label"],
                                    row.get("lang") or ""))
    return out


def review_summary(pairs: Sequence[tuple[str, Prediction]]) -> dict[str, float]:
    """How useful the review flag is: share of items flagged, share of the errors it flags, and
    accuracy on flagged and unflagged items. `pairs` are (true label, Prediction)."""
    n = len(pairs)
    flagged = [(t, p) for t, p in pairs if p.review]
    kept = [(t, p) for t, p in pairs if not p.review]
    errors = sum(t != p.label for t, p in pairs)
    caught = sum(t != p.label for t, p in flagged)

    def acc(rows: list[tuple[str, Prediction]]) -> float:
        return sum(t == p.label for t, p in rows) / len(rows) if rows else 0.0

    return {"n": n, "flagged_share": len(flagged) / n if n else 0.0,
            "errors_caught": caught / errors if errors else 0.0,
            "accuracy_unflagged": acc(kept), "accuracy_flagged": acc(flagged)}
