"""Model 35: fixes read from blind sets BL to BO after their one scoring on models 31 to 34.
The biased classifier makes the rule, not the weights, decide."""

from __future__ import annotations

import pytest

from tests.classify.biased import biased_label as _label
from veille.classify.lexicon import default_taxonomy
from veille.classify.normalize import normalize


@pytest.mark.parametrize(("title", "text", "expected"), [
    # A pistol-shaped tool named by an agent noun, in words no list held before.
    ("Pistolet étiqueteur 2 lignes + 5 rouleaux", "", "other"),
    ("Pistola churrera de aluminio", "", "other"),
    ("Pistola precintadora para cinta de embalaje 50 mm", "", "other"),
    ("Pistolet doseur pour silicone", "", "other"),
    # ... but never a machine pistol, a converted blank pistol, or a pistol sold with its magazine.
    ("Pistolet mitrailleur Uzi réactivé", "", "firearms"),
    ("Pistola ametralladora Star Z-84", "", "firearms"),
    ("Pistola detonadora modificada", "Transformada para disparar bala real.", "firearms"),
    ("Pistola Zoraki transformada, calibre 9 mm", "", "firearms"),
])
def test_boundaries_model_35(title: str, text: str, expected: str) -> None:
    assert _label("firearms", title, text) == expected


def test_german_ammunition_compounds_are_ammunition_terms() -> None:
    tax = default_taxonomy()
    for word in ("Gurtmunition", "Kugelpatronen", "Flintenlaufgeschosse", "Jagdmunition"):
        assert any(s.startswith("ammunition.") for s in tax.sublabel_hits(normalize(word))), word


def test_a_bare_calibre_with_a_belted_ammunition_word_stays_ammunition() -> None:
    # The rule that reads a bare calibre title as a gun had turned this into firearms.
    assert _label("ammunition", "5,56 NATO Gurtmunition", "200 Schuss, ehem. Bundeswehr-Bestand") \
        == "ammunition"
