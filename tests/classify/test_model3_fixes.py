"""Model 3: definition rules that no longer fire on gun-ad boilerplate, cartridge/calibre
look-alikes, maker-named guns sold with extras, page-menu masking, and the naive Bayes part of
the ensemble. Rules are tested on a model whose bias alone picks the label, so each assertion is
about the rule, not about learnt weights."""

from __future__ import annotations

import numpy as np
from scipy import sparse

from tests.classify.biased import biased
from veille.classify.datasets import seed_examples
from veille.classify.features import Featurizer
from veille.classify.lexicon import LABELS, default_taxonomy
from veille.classify.normalize import normalize
from veille.classify.training import TrainConfig, assemble, complement_nb_weights, fit


def test_deactivation_words_in_a_gun_ads_description_do_not_make_it_a_display_piece() -> None:
    clf = biased("firearms", "other")
    boiler = [
        ("Walther P99 9mm, three magazines", "comes with three dummy inert rounds and the box"),
        ("Sig P290RS 9mm w/ extras", "still available unless this listing is deactivated"),
        ("Ruger scout rifle .308", "rail for optics, 2 dummy rounds, 700 obo"),
        ("Ruger Mark III .22", "velocity 1200 fps with standard ammunition"),  # not airsoft
    ]
    assert [p.label for p in clf.predict(boiler)] == ["firearms"] * 4
    stated = [
        ("Deactivated AK-47 with EU certificate", ""),
        ("Glock 17", "neutralisé avec certificat, ne tire plus"),
        ("Glock 17 Gen 4", "airsoft gas blowback, 6mm BBs"),
    ]
    assert [p.label for p in clf.predict(stated)] == ["other"] * 3


def test_gun_type_used_as_an_adjective_before_ammunition_stays_ammunition() -> None:
    clf = biased("ammunition", "firearms")
    assert clf.predict([("Handgun Ammunition", "")])[0].label == "ammunition"
    assert clf.predict([("Rifle ammunition .308 Win", "")])[0].label == "ammunition"
    # A gun sold with its ammunition is still a gun.
    assert clf.predict([("Mossberg 500 shotgun with 100 rounds ammo", "")])[0].label == "firearms"


def test_a_model_name_before_a_two_part_calibre_is_not_a_cartridge_count() -> None:
    clf = biased("firearms", "ammunition")
    assert clf.predict([("Interarms Mark X .30-06", "")])[0].label == "firearms"
    assert clf.predict([(".38 Special x 50", "")])[0].label == "ammunition"


def test_gauge_and_model_numbers_are_not_weights() -> None:
    clf = biased("firearms", "drugs")
    assert clf.predict([("AR15 and 12g", "")])[0].label == "firearms"
    assert clf.predict([("DPMS 3G2 AR-15", "")])[0].label == "firearms"
    assert clf.predict([("AK-47 7g", "")])[0].label == "drugs"  # a strain sold by weight


def test_maker_named_gun_sold_with_extras_is_a_firearm_but_an_accessory_for_it_is_not() -> None:
    clf = biased("other", "firearms")
    got = clf.predict([("LNIB H&K VP9 and holster", ""),
                       ("Savage Axis 30-06 w/ Simmons scope", ""),
                       ("Holster for S&W Shield and Glock 43", ""),
                       ("Kahr CT9", "")])  # no "with": the model decides
    assert [p.label for p in got] == ["firearms", "firearms", "other", "other"]


def test_glock_model_numbers_are_pistols_and_page_menus_are_masked() -> None:
    tax = default_taxonomy()
    hits = tax.sublabel_hits(tax.mask(normalize("Used Gen 3 G23")))
    assert "firearms.pistol" in hits and "drugs.generic" not in hits
    menu = tax.mask(normalize("Home Cart (0) My Account | Sign in"))
    assert "stolen_data.accounts" not in tax.sublabel_hits(menu)
    assert "stolen_data.accounts" in tax.sublabel_hits(tax.mask(normalize("Netflix premium account")))


def test_complement_nb_weights_are_centred_and_zero_for_unseen_features() -> None:
    X = sparse.csr_matrix(np.array([[1.0, 0, 0, 0], [0, 1.0, 0, 0], [1.0, 1.0, 0, 0]]))
    y = np.array([LABELS.index("drugs"), LABELS.index("hacking"), LABELS.index("drugs")])
    F = complement_nb_weights(X, y, np.ones(3), alpha=0.1)
    assert F.shape == (4, len(LABELS))
    assert np.allclose(F[2:], 0.0)  # features no training row has
    d, h = LABELS.index("drugs"), LABELS.index("hacking")
    assert F[0, d] > F[0, h] and F[1, h] > F[1, d]
    assert np.allclose(F[:, [d, h]].sum(axis=1), 0.0)  # centred over the labels it saw


def test_the_ensemble_changes_the_weights_but_not_the_speed_path() -> None:
    tax = default_taxonomy()
    rows = assemble({}, seed_examples(), [], TrainConfig())
    plain = fit(rows, tax, TrainConfig(epochs=3, nb_weight=0.0))
    ens = fit(rows, tax, TrainConfig(epochs=3, nb_weight=0.15))
    assert ens.W.shape == plain.W.shape  # still one matrix: one product per batch
    assert not np.allclose(ens.W, plain.W)
    X, _ = Featurizer(tax).transform([("Falschgeld 50 Euro Scheine", "")])
    assert LABELS[int(np.argmax(X @ ens.W + ens.b))] == "financial_fraud"


def test_heldout_labels_join_by_id_and_count_unclear_rows(tmp_path) -> None:
    # Synthetic files only: the real blind labels are for scoring a frozen model, not for tests.
    import json

    from veille.classify.experiments import HELDOUT_FILES, heldout_items, score_heldout

    anita = tmp_path / "anita-markets"
    anita.mkdir()
    recs = {"agartha_product_1": {"web_page": {}, "page_data": {"name": "Glock 19 Gen 5",
                                                               "info": "two magazines"}},
            "agartha_product_2": {"web_page": {}, "page_data": {"name": "Kokain 1g",
                                                               "info": "rein"}}}
    (anita / HELDOUT_FILES["agartha-2020"]).write_text(json.dumps(recs), encoding="utf-8")
    (anita / HELDOUT_FILES["darkmarket-2020"]).write_text("{not json", encoding="utf-8")
    labels = tmp_path / "labels.csv"
    labels.write_text("dataset,id,label,note\n"
                      "agartha-2020,agartha_product_1,firearms,\n"
                      "agartha-2020,agartha_product_2,other,unclear: no idea\n"
                      "agartha-2020,agartha_product_9,drugs,\n"
                      "agartha-2020,agartha_product_1,weapons,\n", encoding="utf-8")
    items, problems = heldout_items(labels, tmp_path)
    assert [(i[1], i[3], i[4]) for i in items] == [("Glock 19 Gen 5", "firearms", False),
                                                    ("Kokain 1g", "other", True)]
    assert any("agartha_product_9" in p for p in problems)
    assert any("weapons" in p for p in problems)
    assert any("darkmarket" in p for p in problems)  # broken file named, the rest still scored
    res = score_heldout(biased("firearms", "drugs"), items)
    assert res["all"].n == 2 and res["without unclear"].n == 1
    assert res["without unclear"].accuracy == 1.0
