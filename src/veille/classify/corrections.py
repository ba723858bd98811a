"""Analyst corrections -> training examples.

This module takes plain rows (dicts) so that the classify stage itself never touches the
database; the CLI reads the case store and hands the rows over.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass

from veille.classify.datasets import Example
from veille.classify.lexicon import LABELS, Taxonomy


@dataclass(frozen=True)
class LabelRow:
    record_id: str
    label: str
    sublabel: str | None
    note: str | None


def validate_label(label: str, sublabel: str | None, taxonomy: Taxonomy) -> tuple[str, str | None]:
    """Accept "label" or "label.sub" (or a separate sublabel); raise ValueError otherwise."""
    label = label.strip()
    if "." in label and not sublabel:
        sublabel = label
        label = label.split(".", 1)[0]
    if label not in LABELS:
        raise ValueError(f"unknown label {label!r}; expected one of {', '.join(LABELS)}")
    if sublabel:
        sublabel = sublabel.strip()
        if "." not in sublabel:
            sublabel = f"{label}.{sublabel}"
        if sublabel not in taxonomy.sublabels or not sublabel.startswith(label + "."):
            raise ValueError(f"unknown sublabel {sublabel!r} for label {label!r}")
    return label, sublabel or None


def parse_labels_csv(data: str, taxonomy: Taxonomy, max_rows: int = 1_000_000
                     ) -> tuple[list[LabelRow], list[str]]:
    """CSV with a header naming at least `id` and `label` (optional `sublabel`, `note`).
    Returns the good rows and one message per rejected line; a bad line never stops the rest."""
    reader = csv.DictReader(io.StringIO(data))
    fields = {f.strip().lower() for f in (reader.fieldnames or [])}
    if not {"id", "label"} <= fields:
        return [], [f"header must name 'id' and 'label' columns, got {sorted(fields)}"]
    rows: list[LabelRow] = []
    problems: list[str] = []
    for n, raw in enumerate(reader, 2):
        if len(rows) >= max_rows:
            problems.append(f"line {n}: more than {max_rows} rows, rest ignored")
            break
        row = {(k or "").strip().lower(): (v or "").strip() for k, v in raw.items() if k}
        rid = row.get("id", "")
        if not rid:
            problems.append(f"line {n}: empty id")
            continue
        try:
            label, sub = validate_label(row.get("label", ""), row.get("sublabel") or None, taxonomy)
        except ValueError as exc:
            problems.append(f"line {n}: {exc}")
            continue
        rows.append(LabelRow(rid, label, sub, row.get("note") or None))
    return rows, problems


def examples_from_corrections(rows: Iterable[dict]) -> list[Example]:
    """rows: dicts with label, sublabel, title, text (latest correction per record first wins)."""
    seen: set[str] = set()
    out: list[Example] = []
    for r in rows:
        rid = str(r.get("record_id", ""))
        if rid in seen or r.get("label") not in LABELS:
            continue
        seen.add(rid)
        title, text = str(r.get("title") or ""), str(r.get("text") or "")
        if title or text:
            out.append(Example(title, text, r["label"], r.get("sublabel"), "corrections", ""))
    return out
