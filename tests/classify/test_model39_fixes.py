"""Model 39: fixes read from blind sets BX to CA after their one scoring on models 31 to 38.
The biased classifier makes the rule, not the weights, decide."""

from __future__ import annotations

import pytest

from tests.classify.biased import biased_label as _label
from veille.classify.lexicon import default_taxonomy
from veille.classify.normalize import normalize


@pytest.mark.parametrize(("first", "title", "text", "expected"), [
    # Crates of a calibre, French shot sizes, and the Saiga shotgun.
    ("firearms", "", "Noch 2 Kisten 7,65 Browning da, ohne Nachweis, meldet euch", "ammunition"),
    ("firearms", "Calibre 20 plomb n°6 par 25", "Fin de saison de chasse.", "ammunition"),
    # An airsoft replica sold with BBs by weight is not a cannabis strain "AK" by the gram.
    ("firearms", "Réplique airsoft AK-74 électrique + billes 0,20 g", "", "other"),
])
def test_boundaries_model_39(first: str, title: str, text: str, expected: str) -> None:
    assert _label(first, title, text) == expected


def test_terms_of_sets_bx_to_ca() -> None:
    tax = default_taxonomy()
    assert any(s.startswith("firearms.") for s in tax.sublabel_hits(normalize("Saiga 12 no paperwork")))
    assert any(s.startswith("violence_for_hire.") for s in
               tax.sublabel_hits(normalize("Correction physique sur commande")))
    for text in ("pistol grip shower head, chrome", "Pump action soap dispenser glass",
                 "Kids Ride Shotgun 2.0 MTB child seat", "Pierres à fusil (silex) pour briquet"):
        assert "zzlookalike" in tax.mask(normalize(text)), text
