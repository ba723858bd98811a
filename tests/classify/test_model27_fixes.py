"""Model 27: fixes read from blind sets AP and AQ after their one scoring on models 22 and 26.
Each test names the fault it guards against; the biased classifier makes the rule, not the
weights, decide."""

from __future__ import annotations

import pytest

from tests.classify.biased import biased_label as _label
from veille.classify.lexicon import default_taxonomy
from veille.classify.normalize import normalize


@pytest.mark.parametrize(("first", "title", "text", "expected"), [
    # A calibre in its original packets is a box of rounds.
    ("firearms", "GP11 7.5x55 paquets d'origine armée", "", "ammunition"),
    # "je livre" (I deliver) hid the fireworks behind a book word.
    ("other", "", "Mortiers catégorie F4 sans licence pour le nouvel an, bombes de 150 mm, je livre sur Bruxelles",
     "explosives"),
    # Counted shotgun cartridges that the model left in drugs ("12g" is a gauge here).
    ("drugs", "", "have about 300 shotgun cartridges (eley, gamebore) left from the shoot, 12g, €80 the lot",
     "ammunition"),
])
def test_boundaries_model_27(first: str, title: str, text: str, expected: str) -> None:
    assert _label(first, title, text) == expected


def test_je_livre_is_delivery_not_a_book() -> None:
    tax = default_taxonomy()
    masked = tax.mask(normalize("Coke 5g, je livre sur Paris"))
    assert "zzdelivery" in masked
    assert "other.books_guides" not in tax.sublabel_hits(masked)
    assert "other.books_guides" in tax.sublabel_hits(tax.mask(normalize("Livre sur les pistolets")))
