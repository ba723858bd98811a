"""Fixes for markets the model never saw: evaluation-data audit, weapon evidence, masked
look-alikes, unit/model clashes, the sealed vendor slice."""

from __future__ import annotations

from collections import Counter

import numpy as np

from tests.conftest import shared_data
from veille.classify import load_default
from veille.classify.classifier import LinearClassifier
from veille.classify.datasets import Example, is_sealed, load_mappings, load_market
from veille.classify.features import FeatureConfig
from veille.classify.lexicon import LABELS, Taxonomy, default_taxonomy
from veille.classify.normalize import normalize
from veille.classify.weights import LinearWeights


def _biased_model(first: str, second: str, evidence: tuple[str, ...]) -> LinearClassifier:
    """All weights zero: the bias alone ranks `first` above `second` for every text."""
    cfg = FeatureConfig()
    b = np.full(len(LABELS), -5.0, dtype=np.float32)
    b[LABELS.index(first)], b[LABELS.index(second)] = 3.0, 2.0
    W = np.zeros((cfg.n_features, len(LABELS)), dtype=np.float32)
    meta = {"evidence_labels": list(evidence), "review_prob": 0.7, "review_margin": 0.3}
    return LinearClassifier(LinearWeights(list(LABELS), W, b, cfg, meta), default_taxonomy())


def test_weapon_label_without_any_weapon_term_falls_to_the_next_label() -> None:
    clf = _biased_model("firearms", "drugs", ("firearms", "ammunition", "explosives"))
    no_term, named = clf.predict([("Dark Fire triple strength bar", ""), ("Glock 17 Gen 5", "")])
    assert (no_term.label, no_term.review) == ("drugs", True)
    assert named.label == "firearms"
    # A calibre alone is evidence too (gun or ammunition ads name one).
    assert clf.predict([("Tcp .380 compact", "")])[0].label == "firearms"
    # Without the setting the bias wins, so the mechanism above is what changed the label.
    plain = _biased_model("firearms", "drugs", ())
    assert plain.predict([("Dark Fire triple strength bar", "")])[0].label == "firearms"


def test_machine_gun_designations_are_not_milligrams() -> None:
    assert normalize("Deko-MG42 Maschinengewehr") == "deko mg42 maschinengewehr"
    assert normalize("MG 34 deko") == "mg34 deko"
    assert normalize("Xanax 2mg 30 pills") == "xanax 2 mg 30 pills"  # a dose stays a dose
    assert normalize("Tramadol 50 mg 42 pcs") == "tramadol 50 mg 42 pcs"
    hits = default_taxonomy().sublabel_hits(normalize("Deko-MG42 Maschinengewehr"))
    assert "firearms.smg" in hits and "other.deactivated_weapon" in hits


def test_lookalike_phrases_are_masked_before_features() -> None:
    tax = default_taxonomy()
    masked = tax.mask(normalize("Horny Goat Weed extract 500 mg capsules"))
    assert "weed" not in masked.split()
    assert "~lookalike" in tax.sublabel_hits(masked)
    assert "drugs.cannabis" not in tax.sublabel_hits(tax.mask(normalize("Weed eater spool")))
    # The drug sense is untouched.
    assert "drugs.cannabis" in tax.sublabel_hits(tax.mask(normalize("1oz OG Kush weed")))


def test_definition_rules_on_the_shipped_model() -> None:
    clf = load_default()
    assert clf is not None
    got = {t: p.label for t, p in zip(
        ["7g AK47", "1/8 ounce of AK-47", "AK-47 with 3 magazines", ".38 Special x 50",
         "Winchester Super Ranger Shells", "Deko-MG42 Maschinengewehr",
         "Custom listing - 30 grams MDMA", "Custom listing for buyer"],
        clf.predict([(t, "") for t in ["7g AK47", "1/8 ounce of AK-47", "AK-47 with 3 magazines",
                                        ".38 Special x 50", "Winchester Super Ranger Shells",
                                        "Deko-MG42 Maschinengewehr",
                                        "Custom listing - 30 grams MDMA",
                                        "Custom listing for buyer"]]), strict=True)}
    assert got == {"7g AK47": "drugs", "1/8 ounce of AK-47": "drugs",
                   "AK-47 with 3 magazines": "firearms", ".38 Special x 50": "ammunition",
                   "Winchester Super Ranger Shells": "ammunition",
                   "Deko-MG42 Maschinengewehr": "other",
                   "Custom listing - 30 grams MDMA": "drugs",
                   "Custom listing for buyer": "other"}


def test_sealed_slice_is_by_vendor_and_only_agora() -> None:
    vendors = [f"vendor{i}" for i in range(2000)]
    sealed = [v for v in vendors if is_sealed(Example("t", "", "drugs", None, "agora", group=v))]
    assert 0.15 < len(sealed) / len(vendors) < 0.25
    v = sealed[0]
    # Every listing of a sealed vendor is sealed, whatever its title or label.
    assert is_sealed(Example("other title", "text", "firearms", None, "agora", group=v))
    assert not is_sealed(Example("t", "", "drugs", None, "whm", group=v))
    assert not is_sealed(Example("t", "", "drugs", None, "agora"))  # no vendor: never sealed


def test_audited_mappings_leave_mixed_categories_out() -> None:
    agora = load_mappings()["agora"]
    for mixed in ("Listings/*", "Jewelry/*", "Weapons/Fireworks", "Counterfeits/Electronics"):
        assert agora[mixed] == "", mixed
    assert int(Taxonomy.load().version) >= 2  # the audit came with taxonomy 2


def test_armslist_trade_and_wanted_ads_are_left_out() -> None:
    import csv

    path = shared_data("armslist-2017", "armslist_2017-11_listings_redacted.csv")
    with path.open(encoding="utf-8", errors="replace", newline="") as fh:
        prefixes = Counter(r["title"].split(":", 1)[0].strip().lower() for r in csv.DictReader(fh))
    rows = load_market("armslist")
    kept_max = sum(n for p, n in prefixes.items() if p not in ("for trade", "want to buy"))
    assert prefixes["for trade"] > 0 and prefixes["want to buy"] > 0
    assert 0 < len(rows) <= kept_max
    agora = load_market("agora")
    assert all(e.group for e in agora)  # every Agora row knows its vendor (sealed split)


def test_leave_one_market_out_never_scores_the_sealed_slice_unless_asked() -> None:
    from veille.classify.datasets import MARKETS
    from veille.classify.experiments import lomo

    def ag(vendor: str, title: str, label: str) -> Example:
        return Example(title, "", label, None, "agora", group=vendor)

    names = [f"v{i}" for i in range(200)]
    sealed_v = next(v for v in names if is_sealed(ag(v, "x", "drugs")))
    open_v = next(v for v in names if not is_sealed(ag(v, "x", "drugs")))
    data = {m: [Example("Cocaine 1g pure", "", "drugs", None, m)] for m in MARKETS}
    data["agora"] = [ag(open_v, "Cocaine 5g", "drugs"), ag(open_v, "Glock 19 pistol", "firearms"),
                     ag(sealed_v, "MDMA 10 pills", "drugs"), ag(sealed_v, "Uzi 9mm", "firearms"),
                     ag(sealed_v, "Fake passport UK", "fake_documents")]
    res = lomo(default_taxonomy(), data=data)
    assert "sealed" not in res
    assert res["agora"]["full"].n == 2  # the three sealed rows are not scored
    res = lomo(default_taxonomy(), data=data, open_sealed=True)
    assert res["sealed"]["full"].n == 3 and res["agora"]["full"].n == 2
