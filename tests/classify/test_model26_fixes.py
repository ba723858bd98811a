"""Model 26: fixes read from blind sets AN and AO after their one scoring on models 22, 24 and 25.
Each test names the fault it guards against; the biased classifier makes the rule, not the
weights, decide."""

from __future__ import annotations

import pytest

from tests.classify.biased import biased_label as _label
from veille.classify.lexicon import default_taxonomy
from veille.classify.normalize import normalize


@pytest.mark.parametrize(("first", "title", "text", "expected"), [
    # Films, records and games named after weapons or killers.
    ("firearms", "Top Gun: Maverick 4K blu-ray", "", "other"),
    ("firearms", "Revolver – The Beatles LP, Erstpressung", "", "other"),
    ("violence_for_hire", "Hitman 3 PS5 disc, like new", "", "other"),
    # Motorbike exhaust silencers; a threaded suppressor stays a firearm.
    ("firearms", "Royal Enfield Bullet 350 silencer", "original exhaust, came off my 2019 bike", "other"),
    ("firearms", "Silenciador escape Leo Vince para Yamaha R6", "", "other"),
    ("firearms", "Silencer for Glock 19, 1/2x28 thread", "", "firearms"),
    # An empty ammunition can named first; a can of counted rounds is ammunition.
    ("ammunition", "Ammo can 50 cal", "empty metal box, great for tool storage", "other"),
    ("ammunition", "Ammo can of 7.62x39, 1000 rounds", "", "ammunition"),
    # Cleaning kits written without "de".
    ("firearms", "Kit limpieza arma calibre 12", "baqueta, cepillos y aceite", "other"),
    # Rounds on a belt after a calibre.
    ("ammunition", "Gurt 7,62 NATO", "200 Schuss gegurtet", "ammunition"),
])
def test_boundaries_model_26(first: str, title: str, text: str, expected: str) -> None:
    assert _label(first, title, text) == expected


def test_slang_for_guns_and_auto_switches_is_weapon_evidence() -> None:
    tax = default_taxonomy()
    assert "firearms.pistol" in tax.sublabel_hits(normalize("dispo un soufflant 7.65"))
    assert "firearms.auto_conversion" in tax.sublabel_hits(normalize("G switches in stock"))
