"""The result type of the classify stage (kept import-light: the pipeline imports it)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Prediction:
    label: str
    sublabel: str | None
    score: float
    review: bool
