"""Model 4: generic weapon-boundary faults of model 3. Prices and decimals are no calibre,
"+"/"&" keep their meaning, counted or boxed cartridges are ammunition even when they name the
gun, a gun sold with rounds is a gun, accessories named first (magazines, optics, holsters) and
replicas are `other` in four languages, and luxury goods whose text never says replica are `other`.
Rules are tested on a model whose bias alone picks the label, so each assertion is about the rule,
not about learnt weights."""

from __future__ import annotations

import pytest

from tests.classify.biased import biased
from veille.classify.features import FeatureConfig, Featurizer
from veille.classify.lexicon import default_taxonomy
from veille.classify.normalize import normalize


@pytest.mark.parametrize(("raw", "expected"), [
    ("9mm pistol + ammo", "9 mm pistol plus ammo"),
    ("pistol+ammo", "pistol plus ammo"),
    ("AK-47 & 500 rounds", "ak 47 and 500 rounds"),
    # No spaces, or single letters: a maker's name, not "and".
    ("S&W 686", "s w 686"),
    ("S & W 686", "s w 686"),
    ("H&K VP9", "h k vp 9"),
    # "+P" is a cartridge pressure rating, not "plus".
    ("9mm +P 124gr", "9 mm p 124 gr"),
])
def test_plus_and_ampersand_keep_their_meaning_between_words(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


@pytest.mark.parametrize(("raw", "expected"), [
    ("Price $45", "price 45.0"),
    ("45€ each", "45.0 each"),
    ("524.45 USD", "524.45"),
    ("Counterfeit GBP £20 (£200)", "counterfeit gbp 20.0 200.0"),
])
def test_a_price_keeps_its_amount_as_a_decimal(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


@pytest.mark.parametrize("text", [
    "Used laptop Dell 524.45",
    "Laptop, price $45",
    "Sweater 45 € shipped",
    "Scale 0.45 precision",
])
def test_prices_and_decimals_are_not_calibre_evidence(text: str) -> None:
    hits = default_taxonomy().sublabel_hits(normalize(text))
    assert "~calibre" not in hits, hits


@pytest.mark.parametrize("text", ["Colt 1911 .45 ACP", "Colt Defender 45", "Taurus 380 pocket pistol"])
def test_real_calibres_still_count(text: str) -> None:
    assert "~calibre" in default_taxonomy().sublabel_hits(normalize(text))


@pytest.mark.parametrize("title", [
    "Munitions 9mm pour pistolet Glock, boîte de 50",
    "Munición 9mm para pistola Glock, caja de 50",
    "Cartouches 7.62x39 pour AK-47 (lot de 100)",
    "Pistolenmunition 9mm für Glock, 50 Stück",
    "50 rounds .45 ACP for your 1911",
    "Boîte de 50 cartouches 9x19 pour Glock",
])
def test_boxed_or_counted_cartridges_naming_their_gun_are_ammunition(title: str) -> None:
    assert biased("firearms", "ammunition").predict([(title, "")])[0].label == "ammunition"


@pytest.mark.parametrize("title", [
    "9mm pistol + ammo",
    "AK-47 & 500 rounds",
    "Glock 19 mit 100 Schuss Munition",
    "Pistola Glock 19 con 50 balas",
    "Kalachnikov AKM avec 200 cartouches",
])
def test_a_gun_sold_with_rounds_is_firearms(title: str) -> None:
    assert biased("ammunition", "firearms").predict([(title, "")])[0].label == "firearms"
    # And the cartridge rule does not take it away from firearms.
    assert biased("firearms", "ammunition").predict([(title, "")])[0].label == "firearms"


@pytest.mark.parametrize("title", [
    "Glock 19 holster kydex",
    "Chargeur Glock 17 coups",
    "Magazin für Glock 17",
    "Cargador Glock 17",
    "Glock 17 magazine 17 rounds",
    "Red dot sight for AR-15",
    "Zielfernrohr 3-9x40 für Gewehr",
    "Mira holográfica EOTech 512",
    "Funda de cuero Glock 19",
])
def test_an_accessory_named_first_is_other(title: str) -> None:
    for first in ("firearms", "ammunition"):
        assert biased(first, "other").predict([(title, "")])[0].label == "other", (title, first)


@pytest.mark.parametrize("title", [
    "Glock 19 Gen 5 with night sights",
    "Sig P365 with 3 mags and holster",
    "Remington 700 .308 with Leupold scope",
    "Glock 22 Night Sights, Mags, Holster",  # extras listed after the gun, no "with"
    "Beretta 92FS, 2 chargeurs, 100 cartouches offertes",
])
def test_a_gun_with_extras_stays_firearms(title: str) -> None:
    assert biased("firearms", "other").predict([(title, "")])[0].label == "firearms"


@pytest.mark.parametrize("title", [
    "Replica Colt 1911 non-firing",
    "Réplique non fonctionnelle Colt 1911",
    "Nachbildung Luger P08 nicht schussfähig",
    "Réplica de pistola Colt 1911 no funcional",
    "Pistola airsoft Glock 17 a gas",
])
def test_replicas_of_guns_are_other(title: str) -> None:
    assert biased("firearms", "other").predict([(title, "")])[0].label == "other"


def test_luxury_goods_whose_text_never_says_replica_are_other() -> None:
    clf = biased("counterfeit_goods", "other")
    undeclared = [("Rolex Datejust 41", "full set, box and papers, 2021"),
                  ("Louis Vuitton Neverfull MM", "bought in Paris, receipt included")]
    declared = [("Rolex Datejust 41", "AAA replica, Swiss ETA movement"),
                ("Montre Omega", "réplique qualité 1:1"),
                ("Gucci Tasche", "Fälschung, sehr gute Qualität")]
    assert [p.label for p in clf.predict(undeclared)] == ["other", "other"]
    assert [p.label for p in clf.predict(declared)] == ["counterfeit_goods"] * 3
    # A title alone is too short to tell: the rule leaves it to the model.
    assert clf.predict([("Rolex Datejust 41", "")])[0].label == "counterfeit_goods"


def test_character_ngram_features_do_not_depend_on_the_rest_of_the_batch() -> None:
    # Character n-grams are hashed over a title-only buffer; a listing's features must be the same
    # alone or after other listings with long descriptions.
    fz = Featurizer(default_taxonomy(), FeatureConfig())
    item = ("Glock 19 gen 5", "Pistolet en bon état, vendu avec deux chargeurs. " * 10)
    alone, _ = fz.transform([item])
    batch, _ = fz.transform([("Munitions 9mm", "boîte de 50 " * 40), ("", "x" * 500), item])
    assert (alone.toarray()[0] == batch.toarray()[2]).all()
    with_text_chars, _ = Featurizer(default_taxonomy(),
                                    FeatureConfig(text_char_ngrams=True)).transform([item])
    assert with_text_chars.nnz > alone.nnz  # the switch still adds description n-grams


def test_consumer_fireworks_sold_as_legal_are_other_but_class_f4_stays_explosives() -> None:
    clf = biased("explosives", "other")
    legal = [("Feuerwerk Batterie 100 Schuss", "Kategorie F2, BAM geprüft, für Silvester"),
             ("Fireworks family pack", "CE marked, category F2, legal in the EU")]
    illegal = [("Feuerwerk Cobra 6", "Kategorie F4 ohne Erlaubnis"),
               ("Fireworks", "professional display shells, no licence needed, illegal in the EU")]
    assert [p.label for p in clf.predict(legal)] == ["other", "other"]
    assert [p.label for p in clf.predict(illegal)] == ["explosives", "explosives"]
