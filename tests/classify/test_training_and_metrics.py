"""Training round trip, quantised save/load and the metrics."""

from __future__ import annotations

import numpy as np
import pytest

from veille.classify.classifier import LinearClassifier
from veille.classify.datasets import Example, seed_examples
from veille.classify.evaluation import evaluate
from veille.classify.lexicon import LABELS, Taxonomy
from veille.classify.training import TrainConfig, assemble, fit
from veille.classify.weights import LinearWeights


@pytest.fixture(scope="module")
def seed_model():
    tax = Taxonomy.load()
    rows = assemble({}, seed_examples(), [], TrainConfig())
    return tax, fit(rows, tax, TrainConfig(epochs=5), {"version": "test"})


def test_save_load_round_trip_keeps_predictions(seed_model, tmp_path) -> None:
    tax, weights = seed_model
    weights.save(tmp_path)
    loaded = LinearWeights.load(tmp_path)
    items = [("Vends Glock 17", ""), ("Kokain 1g", ""), ("Faux passeport", ""),
             ("Rolex replica", "")]
    a = LinearClassifier(weights, tax).predict(items)
    b = LinearClassifier(loaded, tax).predict(items)
    assert [p.label for p in a] == [p.label for p in b]
    assert np.allclose([p.score for p in a], [p.score for p in b], atol=0.05)


def test_corrections_change_what_the_model_learns() -> None:
    tax = Taxonomy.load()
    odd = "zorblax widget premium"
    base = fit(assemble({}, seed_examples(), [], TrainConfig()), tax, TrainConfig(epochs=5))
    corrected = [Example(odd, "", "hacking", None, "corrections")] * 3
    fixed = fit(assemble({}, seed_examples(), corrected, TrainConfig()), tax, TrainConfig(epochs=5))
    before = LinearClassifier(base, tax).predict([(odd, "")])[0]
    after = LinearClassifier(fixed, tax).predict([(odd, "")])[0]
    assert after.label == "hacking"
    assert before.label != "hacking" or before.score < after.score


def test_class_balancing_weights_rare_labels_up() -> None:
    exs = [Example(f"drug {i}", "", "drugs", None, "m") for i in range(100)]
    exs += [Example("gun", "", "firearms", None, "m")]
    rows = assemble({"m": exs}, [], [], TrainConfig(title_only_copies=False))
    w = {ex.label: wt for ex, wt in rows}
    assert w["firearms"] > w["drugs"]


def test_metrics_per_class_and_confusion() -> None:
    r = evaluate(["drugs", "drugs", "firearms", "other"], ["drugs", "firearms", "firearms", "other"])
    assert r.n == 4 and r.accuracy == pytest.approx(0.75)
    assert r.per_class["drugs"] == {"precision": 1.0, "recall": 0.5, "f1": 0.6667, "support": 2}
    assert r.per_class["firearms"]["precision"] == 0.5
    assert r.confusion[LABELS.index("drugs"), LABELS.index("firearms")] == 1
    assert r.macro_f1 == pytest.approx((0.6667 + 0.6667 + 1.0) / 3, abs=1e-3)
    assert "confusion" in r.format()


def test_review_summary_counts_flagged_items_and_caught_errors() -> None:
    from veille.classify.evaluation import review_summary
    from veille.classify.prediction import Prediction

    pairs = [("drugs", Prediction("drugs", None, 0.9, False)),
             ("drugs", Prediction("other", None, 0.4, True)),
             ("other", Prediction("drugs", None, 0.9, False)),
             ("hacking", Prediction("hacking", None, 0.5, True))]
    s = review_summary(pairs)
    assert s["flagged_share"] == 0.5
    assert s["errors_caught"] == 0.5  # one of the two errors is flagged
    assert s["accuracy_unflagged"] == 0.5 and s["accuracy_flagged"] == 0.5


def test_everyday_goods_are_other_titles_weighted_apart() -> None:
    # The everyday-goods seed is used as written (no market offer templates), in four languages,
    # and weighs everyday_weight; at 0 it leaves training altogether.
    seed = seed_examples()
    everyday = [e for e in seed if e.source == "everyday"]
    assert {e.lang for e in everyday} == {"fr", "en", "de", "es"}
    assert len(everyday) > 400 and {e.label for e in everyday} == {"other"}
    assert not any(e.title.startswith(("Selling ", "Vends ", "Verkaufe ", "Vendo ")) for e in everyday)
    one = [everyday[0], next(e for e in seed if e.source == "seed" and e.label == "other")]
    w = dict((ex.source, wt) for ex, wt in assemble({}, one, [], TrainConfig(everyday_weight=0.2)))
    assert w["everyday"] == pytest.approx(0.2 * w["seed"])
    dropped = assemble({}, one, [], TrainConfig(everyday_weight=0.0))
    assert [ex.source for ex, _ in dropped] == ["seed"]
