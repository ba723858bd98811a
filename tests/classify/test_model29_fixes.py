"""Model 29: fixes read from blind sets AT, AU, AV and AW after their one scoring on model 28.
Each test names the fault it guards against; the biased classifier makes the rule, not the
weights, decide."""

from __future__ import annotations

import pytest

from tests.classify.biased import biased_label as _label
from veille.classify.lexicon import default_taxonomy
from veille.classify.normalize import normalize


@pytest.mark.parametrize(("first", "title", "text", "expected"), [
    # Rounds "included" or "extra" come with the gun.
    ("ammunition", "", "got a tool for sale, Makarov, 30 rounds included, DM for pics", "firearms"),
    ("ammunition", "", "Hab ne Makarov abzugeben, läuft 1a, Muni gibts extra. Nur Barzahlung.", "firearms"),
    # A box of rounds "für Glock 19" is ammunition.
    ("firearms", "9mm Luger 50er Schachtel für Glock 19", "", "ammunition"),
    # Forged carry licences, with "Nachbildung" or "igualita a la original".
    ("firearms", "Europäischer Feuerwaffenpass", "Nachbildung mit Hologramm, eigenes Foto und Name.", "fake_documents"),
    ("firearms", "Licencia de portación de armas falsa, igualita a la original", "", "fake_documents"),
    # A gun dealer's customer database is stolen data.
    ("firearms", "Kundendatenbank Waffenhändler AT geleakt, 12k Einträge", "", "stolen_data"),
])
def test_boundaries_model_29(first: str, title: str, text: str, expected: str) -> None:
    assert _label(first, title, text) == expected


def test_sms_bombers_are_hacking_terms() -> None:
    hits = default_taxonomy().sublabel_hits(normalize("SMS-Bomber + Mail-Bomber Vollversion"))
    assert "hacking.botnet_ddos" in hits
