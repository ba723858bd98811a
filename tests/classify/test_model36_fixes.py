"""Model 36: fixes read from blind sets BP to BS after their one scoring on models 31, 32 and 35.
The biased classifier makes the rule, not the weights, decide."""

from __future__ import annotations

import pytest

from tests.classify.biased import biased_label as _label
from veille.classify.lexicon import default_taxonomy
from veille.classify.normalize import normalize


@pytest.mark.parametrize(("first", "title", "text", "expected"), [
    # A bare calibre title over a description that counts cartridges is a box of rounds ...
    ("ammunition", "Parque 9x19 Luger", "Mil cartuchos en caja original, sin preguntas.", "ammunition"),
    ("ammunition", "Pour Beretta 92 : 9mm Para", "Deux boîtes de 50 jamais ouvertes.", "ammunition"),
    ("ammunition", "Lot 9x19 +P", "1000 cartouches, emballage d'origine.", "ammunition"),
    # ... but a gun ad that counts the rounds fired through it, or adds rounds, is a gun.
    ("ammunition", "Glock 19 Gen 5", "500 rounds through it, no issues, two mags.", "firearms"),
    ("ammunition", "Tokarev TT-33", "Comes with 200 rounds and a holster.", "firearms"),
    # Goods under a gun maker's name; a model number in between means a gun with extras.
    ("firearms", "Glock Feldspaten mit Säge, oliv", "", "other"),
    ("firearms", "Batidora de vaso Taurus 1000 W", "", "other"),
    ("firearms", "Smith & Wesson folding knife, boxed", "", "other"),
    ("firearms", "Beretta 92FS + sac à dos", "", "firearms"),
    # Tools named by what they shoot, watch movement parts and gun cases.
    ("firearms", "Cattle AI gun, universal, for 0.25/0.5 ml straws", "", "other"),
    ("firearms", "Price gun Avery 2 lines + labels", "", "other"),
    ("firearms", "Barillet de rechange ETA 2824-2 pour horloger", "", "other"),
    ("firearms", "Maletín rígido para transportar armas, con candado", "", "other"),
])
def test_boundaries_model_36(first: str, title: str, text: str, expected: str) -> None:
    assert _label(first, title, text) == expected


def test_guns_named_only_by_model_are_weapon_terms() -> None:
    tax = default_taxonomy()
    for text in ("Manurhin MR73 4 pouces", "Star modelo B y Astra 600", "cajón de mecanismos"):
        assert any(s.startswith("firearms.") for s in tax.sublabel_hits(normalize(text))), text
    for text in ("Kurzwaffenmuni .38 Spec", "7,62x39 Stahlhülse, Zinkkiste", "5.56x45 en peines"):
        assert any(s.startswith("ammunition.") for s in tax.sublabel_hits(normalize(text))), text
