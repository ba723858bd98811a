"""A classifier whose bias alone picks the label: rule tests then assert the rule, not weights."""

from __future__ import annotations

import numpy as np

from veille.classify.classifier import LinearClassifier
from veille.classify.features import FeatureConfig
from veille.classify.lexicon import LABELS, default_taxonomy
from veille.classify.weights import LinearWeights


def biased(first: str, second: str) -> LinearClassifier:
    """`first` wins on bias alone, `second` comes next; every feature weighs nothing."""
    cfg = FeatureConfig()
    b = np.full(len(LABELS), -5.0, dtype=np.float32)
    b[LABELS.index(first)], b[LABELS.index(second)] = 3.0, 2.0
    W = np.zeros((cfg.n_features, len(LABELS)), dtype=np.float32)
    meta = {"evidence_labels": ["firearms", "ammunition", "explosives"]}
    return LinearClassifier(LinearWeights(list(LABELS), W, b, cfg, meta), default_taxonomy())


def biased_label(first: str, title: str, text: str = "") -> str:
    """The label a rule gives when `first` wins on bias alone (`other` comes next, or `drugs`
    when `first` is `other`): what the definition rules do, whatever the weights would say."""
    return biased(first, "other" if first != "other" else "drugs").predict([(title, text)])[0].label
