"""Classify stage: records get a label from the taxonomy. Never imports store or web.

Contract the pipeline relies on:
    load_default() -> Classifier | None     (None when no model is available)
    Classifier.version: str
    Classifier.predict(items: Sequence[tuple[str, str]]) -> list[Prediction]
        items are (title, text) pairs; the result has one Prediction per item.

The default model is a linear model over hashed word/character n-grams and multilingual lexicon
hits (see docs/MODEL_CARD.md), shipped under veille/classify/model/ as JSON + .npz. Loading reads
only those files and the taxonomy data file; nothing is downloaded.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from veille.classify.prediction import Prediction

log = logging.getLogger(__name__)


class Classifier(Protocol):
    version: str

    def predict(self, items: Sequence[tuple[str, str]]) -> list[Prediction]: ...


def default_model_dir() -> Path:
    """VEILLE_MODEL_DIR overrides the shipped model (e.g. one retrained with corrections)."""
    env = os.environ.get("VEILLE_MODEL_DIR")
    return Path(env) if env else Path(__file__).resolve().parent / "model"


def load(directory: Path) -> Classifier:
    """Load a model directory (model.json + weights.npz); raises ValueError/OSError if broken."""
    from veille.classify.classifier import LinearClassifier
    from veille.classify.lexicon import default_taxonomy

    return LinearClassifier.from_dir(directory, default_taxonomy())


def load_default() -> Classifier | None:
    directory = default_model_dir()
    if not (directory / "model.json").exists():
        log.warning("no classification model in %s", directory)
        return None
    try:
        return load(directory)
    except (OSError, ValueError, KeyError) as exc:
        log.warning("classification model in %s cannot be loaded: %s", directory, exc)
        return None


__all__ = ["Classifier", "Prediction", "default_model_dir", "load", "load_default"]
