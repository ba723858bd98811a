"""Classify stage: records get a label from the taxonomy. Never imports store or web.

Contract the pipeline relies on:
    load_default() -> Classifier | None     (None when no model is available)
    Classifier.version: str
    Classifier.predict(items: Sequence[tuple[str, str]]) -> list[Prediction]
        items are (title, text) pairs; the result has one Prediction per item.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True, slots=True)
class Prediction:
    label: str
    sublabel: str | None
    score: float
    review: bool


class Classifier(Protocol):
    version: str

    def predict(self, items: Sequence[tuple[str, str]]) -> list[Prediction]: ...


def load_default() -> Classifier | None:
    # Placeholder until the classification issue lands.
    return None


__all__ = ["Classifier", "Prediction", "load_default"]
