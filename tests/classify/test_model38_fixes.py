"""Model 38: fixes read from blind sets BT to BW after their one scoring on models 31 to 37.
The biased classifier makes the rule, not the weights, decide."""

from __future__ import annotations

import pytest

from tests.classify.biased import biased_label as _label
from veille.classify.lexicon import default_taxonomy
from veille.classify.normalize import normalize


def test_a_two_letter_term_takes_no_plural() -> None:
    # "ga" (gauge) had matched "gas": "Gas pimienta spray 50 ml" read as a shotgun.
    tax = default_taxonomy()
    assert "ga$" not in tax.find_terms(normalize("Gas pimienta spray 50 ml"))
    assert "ga$" in tax.find_terms(normalize("12 ga slugs"))
    assert "pistol" in tax.find_terms(normalize("two pistols"))


@pytest.mark.parametrize(("first", "title", "text", "expected"), [
    # A pistol-shaped tool named by what it is for, after a preposition ...
    ("firearms", "Pistolet à crépi avec trémie, peu servi", "", "other"),
    ("firearms", "Pistola de bridas inox profesional", "", "other"),
    ("firearms", "Pistola para crotales de ganado + 100 crotales", "", "other"),
    # ... but not the gun words that follow the same prepositions.
    ("firearms", "Pistolet de poche Walther PPK", "", "firearms"),
    ("firearms", "Pistola de bolsillo Astra Cub", "", "firearms"),
    ("firearms", "Pistolet d'ordonnance MAS 1950", "", "firearms"),
    # Shotgun shells and slugs are cartridges, whatever else the word "shells" means.
    ("stolen_data", "Shotgun shells cheap!!", "Clay shells 28g #7.5, 250 pcs, local pickup.", "ammunition"),
    ("firearms", "Foster slugs 12ga", "15 boxes of 5, left over from deer season.", "ammunition"),
    ("firearms", "Mossberg 500 with Foster slugs", "", "firearms"),
    # A calibre counted in a lot ("lot de 2000", "ladrillo de 500", "900 coups").
    ("firearms", ".22 LR lot de 2000", "", "ammunition"),
    ("firearms", ".22 LR ladrillo de 500", "", "ammunition"),
])
def test_boundaries_model_38(first: str, title: str, text: str, expected: str) -> None:
    assert _label(first, title, text) == expected


def test_explosive_and_intimidation_words_of_sets_bt_to_bw() -> None:
    tax = default_taxonomy()
    for text in ("PE4 500g block", "Carcasas profesionales sin licencia", "Polish cobras + ball shells"):
        assert any(s.startswith("explosives.") for s in tax.sublabel_hits(normalize(text))), text
    for text in ("On passe le voir avec les gars", "wir klingeln, reden deutlich", "Inkasso der harten Art"):
        assert any(s.startswith("violence_for_hire.") for s in tax.sublabel_hits(normalize(text))), text
