"""The shipped default model: contract, hard cases, quality on the held-out multilingual set."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest

from veille.classify import Prediction, default_model_dir, load, load_default
from veille.classify.datasets import seed_examples
from veille.classify.evaluation import evaluate, read_test_tsv
from veille.classify.lexicon import LABELS, Taxonomy
from veille.classify.normalize import normalize

TEST_TSV = Path(__file__).parent / "data" / "multilingual_test.tsv"


@pytest.fixture(scope="module")
def clf():
    model = load_default()
    assert model is not None, f"no default model in {default_model_dir()}"
    return model


def test_contract_one_prediction_per_item_with_valid_fields(clf) -> None:
    items = [("Glock 19", "pistol"), ("", ""), ("x" * 100_000, "y" * 1_000_000), ("\x00\ufffd", "")]
    preds = clf.predict(items)
    assert len(preds) == len(items)
    tax = Taxonomy.load()
    for p in preds:
        assert isinstance(p, Prediction)
        assert p.label in LABELS
        assert p.sublabel is None or (p.sublabel in tax.sublabels
                                      and p.sublabel.startswith(p.label + "."))
        assert 0.0 <= p.score <= 1.0
        assert isinstance(p.review, bool)
    assert clf.predict([]) == []
    assert isinstance(clf.version, str) and clf.version


def test_empty_item_is_other_and_flagged_for_review(clf) -> None:
    p = clf.predict([("", "")])[0]
    assert p.label == "other" and p.review


def test_batch_and_single_predictions_agree(clf) -> None:
    items = [(i.title, i.text) for i in read_test_tsv(TEST_TSV)[:40]]
    batch = clf.predict(items)
    single = [clf.predict([it])[0] for it in items]
    assert [p.label for p in batch] == [p.label for p in single]
    assert np.allclose([p.score for p in batch], [p.score for p in single], atol=1e-4)


@pytest.mark.parametrize(("title", "label", "sublabel"), [
    ("Glock 17 neutralisé avec certificat de neutralisation", "other", "other.deactivated_weapon"),
    ("Deactivated Sten MkII, EU certified, display only", "other", "other.deactivated_weapon"),
    ("Dekowaffe AK-47 mit Zertifikat", "other", "other.deactivated_weapon"),
    ("Remise en état de tir - Kalachnikov neutralisée", "firearms", "firearms.reactivated"),
    ("Reactivated Uzi, fires again", "firearms", "firearms.reactivated"),
    ("Réplique airsoft Glock 17 gaz", "other", "other.replica"),
    ("Softair M4 AEG 6mm", "other", "other.replica"),
    ("Pistola de fogueo convertida a 9mm", "firearms", "firearms.converted"),
    ("Umgebaute Schreckschusspistole scharf", "firearms", "firearms.converted"),
    ("80% lower AR-15 with jig", "firearms", "firearms.lower_80"),
    ("gl0ck 19 gen 5", "firearms", None),
    ("c0ke 2g 90% pure", "drugs", "drugs.cocaine"),
    ("Munition 9mm 1000 Schuss", "ammunition", None),
    ("cartouches 9x19 x 50", "ammunition", None),
    ("munición 7.62x39 1000 balas", "ammunition", None),
])
def test_hard_cases_follow_the_taxonomy_definitions(clf, title, label, sublabel) -> None:
    p = clf.predict([(title, "")])[0]
    assert p.label == label, p
    if sublabel:
        assert p.sublabel == sublabel, p


def test_test_set_is_kept_out_of_the_seed_set() -> None:
    seed = {normalize(e.title) for e in seed_examples()}
    test = [normalize(i.title) for i in read_test_tsv(TEST_TSV)]
    leaked = [t for t in test if t in seed]
    assert not leaked


def test_quality_on_the_held_out_multilingual_set(clf) -> None:
    items = read_test_tsv(TEST_TSV)
    assert {i.lang for i in items} == {"fr", "en", "de", "es"}
    preds = clf.predict([(i.title, i.text) for i in items])
    report = evaluate([i.label for i in items], [p.label for p in preds])
    assert report.macro_f1 >= 0.85, report.format()
    for label in ("firearms", "ammunition"):
        assert report.per_class[label]["precision"] >= 0.9, report.format()
        assert report.per_class[label]["recall"] >= 0.9, report.format()
    titles = clf.predict([(i.title, "") for i in items])
    assert evaluate([i.label for i in items], [p.label for p in titles]).macro_f1 >= 0.85


def test_shipped_model_files_are_safe_and_small() -> None:
    directory = default_model_dir()
    files = sorted(p.name for p in directory.iterdir() if p.is_file() and p.suffix != ".py")
    assert files == ["model.json", "weights.npz"]
    for p in directory.iterdir():
        assert p.stat().st_size < 2_000_000, p
    with np.load(directory / "weights.npz", allow_pickle=False) as z:  # raises on pickles
        assert {"idx_delta", "q", "scale", "bias"} <= set(z.files)


def test_broken_model_directory_gives_none_not_a_crash(tmp_path, monkeypatch) -> None:
    (tmp_path / "model.json").write_text('{"format": "something-else"}', encoding="utf-8")
    monkeypatch.setenv("VEILLE_MODEL_DIR", str(tmp_path))
    assert load_default() is None
    monkeypatch.setenv("VEILLE_MODEL_DIR", str(tmp_path / "absent"))
    assert load_default() is None
    with pytest.raises(ValueError):
        load(tmp_path)
    assert os.environ["VEILLE_MODEL_DIR"]


def test_text_with_no_known_term_and_no_confidence_is_other_for_review() -> None:
    model = load(default_model_dir())
    candidates = [("TW9SYEKpE5bju3Q", ""), ("porshe CL", ""), ("crudup19", ""), ("yongz", ""),
                  ("rj13", ""), ("egghead5", "")]
    # Vendor handles and code names with no lexicon term that the model, with no threshold,
    # files under some label other than `other`: the threshold alone must send them there.
    model.unknown_prob = 0.0
    preds = model.predict(candidates)
    gibberish = [c for c, p in zip(candidates, preds, strict=True) if p.label != "other"]
    assert len(gibberish) >= 2
    model.unknown_prob = 0.99
    assert all(p.label == "other" and p.review for p in model.predict(gibberish))
    # A known term keeps the model's answer whatever the threshold.
    assert model.predict([("Glock 19 gen 5", "")])[0].label == "firearms"
