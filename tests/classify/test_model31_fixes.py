"""Model 31: fixes read from blind sets AZ and BA after their one scoring on models 22, 29 and 30.
Each test names the fault it guards against; the biased classifier makes the rule, not the
weights, decide."""

from __future__ import annotations

import pytest

from tests.classify.biased import biased_label as _label
from veille.classify.lexicon import default_taxonomy
from veille.classify.normalize import normalize


@pytest.mark.parametrize(("first", "title", "text", "expected"), [
    # A film named after a gun is media, even when the model said `other` and a gun word shows.
    ("other", "Les Tontons flingueurs DVD édition collector", "", "other"),
    # Bricks, "500er" packs, "par 1000" and counted buckshot after a calibre are rounds.
    ("ammunition", "22LR bricks", "500 rounds per brick, 4 bricks left.", "ammunition"),
    ("ammunition", ".22lr 500er Packung", "", "ammunition"),
    ("firearms", "9mm par 1000 - prix de gros", "Toutes marques, livraison dans l'UE.", "ammunition"),
    ("firearms", "12ga 00 buck 25ct", "", "ammunition"),
])
def test_boundaries_model_31(first: str, title: str, text: str, expected: str) -> None:
    assert _label(first, title, text) == expected


def test_slang_and_part_names_model_31_are_weapon_terms() -> None:
    tax = default_taxonomy()
    assert "firearms.parts" in tax.sublabel_hits(normalize("Canon .308 flotté 20 pouces"))
    assert "firearms.reactivated" in tax.sublabel_hits(normalize("AKM underfolder, put back to firing"))
    assert "explosives.pyrotechnics" in tax.sublabel_hits(normalize("Cobra 12 aus Polen"))
