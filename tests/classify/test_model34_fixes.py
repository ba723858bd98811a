"""Model 34: fixes read from blind sets BH to BK after their one scoring on models 31, 32 and 33.
Each test names the fault it guards against; the biased classifier makes the rule, not the
weights, decide."""

from __future__ import annotations

import pytest

from tests.classify.biased import biased_label as _label
from veille.classify.lexicon import default_taxonomy
from veille.classify.normalize import normalize


@pytest.mark.parametrize(("first", "title", "text", "expected"), [
    # A calibre and a count of pieces, no gun named: terse ammunition posts.
    ("other", "", "Dispo 308 Win 150gr, 300 pièces, prix en MP. Pas de curieux.", "ammunition"),
    ("firearms", "", "Tengo parque .45, unas 300, pregunten por privado, no envío.", "ammunition"),
    ("other", "", "Suche Käufer für 5.56 NATO, 2 Blechdosen à 840, keine Fragen.", "ammunition"),
    ("firearms", ".22 lfB, 500er Karton", "", "ammunition"),
    # ... but not empty cases for reloaders, small counts of anything, or a gun with its rounds.
    ("other", "Leere Hülsen 9mm 1000 Stk zum Wiederladen", "Messing, 20 EUR.", "other"),
    ("other", "Christbaumkugeln Glas, 40 Stück, rot/gold", "", "other"),
    ("firearms", "CZ 75 9mm avec environ 300 cartouches", "", "firearms"),
    # Gun safes and cabinets store guns; a scope sold without its rifle is an accessory.
    ("firearms", "Gun safe 6-rifle, bolt-down, keys included", "", "other"),
    ("firearms", "Gewehrschrank Klasse 0 für 5 Langwaffen", "", "other"),
    ("firearms", "", "Rifle scope 4-16x50 ONLY, no rifle, rings included, £90.", "other"),
    # Reference books about weapons.
    ("firearms", "Waffen-Lexikon, 3 Bände", "Nachschlagewerk, gebunden, guter Zustand.", "other"),
    # A hunting gun by a maker whose catalogue is a collectible stays a gun.
    ("firearms", "", "Fusil de chasse juxtaposé calibre 16 Manufrance Robust, bon état", "firearms"),
])
def test_boundaries_model_34(first: str, title: str, text: str, expected: str) -> None:
    assert _label(first, title, text) == expected


@pytest.mark.parametrize("text", [
    "Fusilli artesanales de trigo duro, 5 kg", "Ventilateur PC 140 mm ultra silencieux",
    "pas de coup de fusil sur l'addition", "Manfrotto pistol grip ball head 322RC2",
    "Hilti DX 460 powder-actuated tool", "Corde de tir à la corde 20 m",
])
def test_everyday_phrases_of_sets_bh_to_bk_are_masked(text: str) -> None:
    assert "zzlookalike" in default_taxonomy().mask(normalize(text))


def test_intimidation_wording_of_sets_bh_to_bk_is_violence() -> None:
    tax = default_taxonomy()
    for text in ("Problems solved permanently", "Flingueur dispo, contrat propre",
                 "Cobranza con presión", "Règlement de problèmes, discrétion assurée"):
        assert any(s.startswith("violence_for_hire.") for s in tax.sublabel_hits(normalize(text))), text
