"""A firearms call whose title names only the bare generic weapon word is flagged for review."""

from __future__ import annotations

import numpy as np
import pytest

from veille.classify import load_default
from veille.classify.classifier import LinearClassifier
from veille.classify.features import FeatureConfig
from veille.classify.lexicon import LABELS, default_taxonomy
from veille.classify.weights import LinearWeights


def _firearms_first(weak: dict[str, list[str]]) -> LinearClassifier:
    """Firearms wins on bias alone and confidently (no review from the probabilities)."""
    cfg = FeatureConfig()
    b = np.full(len(LABELS), -10.0, dtype=np.float32)
    b[LABELS.index("firearms")] = 10.0
    W = np.zeros((cfg.n_features, len(LABELS)), dtype=np.float32)
    meta = {"evidence_labels": [], "weak_title_review": weak}
    return LinearClassifier(LinearWeights(list(LABELS), W, b, cfg, meta), default_taxonomy())


@pytest.mark.parametrize(("title", "text", "review"), [
    # Only the generic word in the title: a lead to check.
    ("Waffe zu verkaufen, bundesweit", "", True),
    ("Armes de collection, état neuf", "", True),
    # No firearms word at all: left to the model (most real gun ads name an unlisted model).
    ("Collection complète, quarante numéros", "", False),
    # A gun type, a maker with a model, a part or a calibre named: not flagged.
    ("Glock 19 Gen 5, 2 mags", "", False),
    ("Spare AR-15 barrel 16in", "", False),
    ("", "got a 9mm for sale, clean, cash only", False),
])
def test_review_follows_what_the_title_names(title: str, text: str, review: bool) -> None:
    pred = _firearms_first({"firearms": ["waffe", "armes", "arme"]}).predict([(title, text)])[0]
    assert pred.label == "firearms"
    assert pred.review is review


def test_off_for_models_without_the_setting() -> None:
    pred = _firearms_first({}).predict([("Waffe zu verkaufen, bundesweit", "")])[0]
    assert pred.review is False


def test_shipped_model_has_it_on() -> None:
    clf = load_default()
    assert clf is not None
    words = clf.weak_title_review["firearms"]
    assert {"arme", "waffe", "arma", "weapon"} <= words
    # Every listed word is a lexicon term whose only firearms sublabel is the generic one: any
    # other would make the title name a gun, and the word could never flag anything.
    ts = clf.tax.term_sublabels
    for w in words:
        subs = ts.get(w) or ts.get(w + "$")
        assert subs is not None, w
        assert [s for s in subs if s.startswith("firearms.")] == ["firearms.generic"], w
