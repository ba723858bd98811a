"""Model 24: fixes read from blind sets AH and AI after their one scoring on models 22 and 23.
Each test names the fault it guards against; the biased classifier makes the rule, not the
weights, decide."""

from __future__ import annotations

import pytest

from tests.classify.biased import biased_label as _label
from veille.classify.lexicon import default_taxonomy
from veille.classify.normalize import normalize


@pytest.mark.parametrize(("first", "title", "text"), [
    ("firearms", "Fake UK Firearm Certificate (FAC) + shotgun certificate",
     "High-quality copy of the police-issued FAC with your details and photo."),
    ("firearms", "Waffenbesitzkarte (WBK) - Blanko", "Beliebige Eintragungen möglich. Kein Original."),
    ("other", "Licencia de armas tipo B falsa + guía de pertenencia a tu nombre", ""),
    ("firearms", "Autorisation de détention d'arme (modèle 4) belge - fausse, tampon inclus", ""),
])
def test_a_forged_gun_licence_is_a_fake_document(first: str, title: str, text: str) -> None:
    # The gun words in the licence's name made it a firearm, or a replica.
    assert _label(first, title, text) == "fake_documents"


@pytest.mark.parametrize(("title", "text"), [
    ("Tikka T3 .308 FAC", "FAC holders only, copy of licence needed"),
    ("Glock 19 mit WBK-Eintrag", "Verkauf nur an Inhaber einer WBK, mit Papieren."),
])
def test_a_gun_sold_to_licence_holders_stays_a_firearm(title: str, text: str) -> None:
    assert _label("firearms", title, text) == "firearms"


@pytest.mark.parametrize(("first", "title", "text", "expected"), [
    # Rounds "inkl." or "thrown in" come with the gun.
    ("ammunition", "Glock 26 inkl. 50 Schuss", "Ohne Papiere.", "firearms"),
    ("ammunition", "", "Benelli M4 12 gauge semi-auto, 2 boxes of buckshot thrown in. £1200.", "firearms"),
    # Cartridges opening the title, with a gun sold earlier, are cartridges.
    ("firearms", "", "Munición .38 Special Magtech 158gr, 300 unidades, sobran porque vendí el revólver.",
     "ammunition"),
    ("firearms", "5.56 NATO en vrac", "1000 cartouches, boîtes US", "ammunition"),
    # Air rifles shoot pellets, whatever their energy.
    ("firearms", "", "Carabine PCP FX Impact cal 5,5 débridée à 40 joules, très précise.", "other"),
    ("firearms", "Luftgewehr Diana 350 Magnum", "F-Zeichen, 7,5 Joule", "other"),
    # Stocks and grips sold as furniture only.
    ("firearms", "", "2 AK-pattern polymer stocks + pistol grips, furniture only, no regulated parts.", "other"),
    # A gun forum's user database is stolen data; a gun maker's "DB" model is not.
    ("firearms", "Gun forum database leak 2024", "User table, 210k emails.", "stolen_data"),
    ("firearms", "Diamondback DB-380", "", "firearms"),
])
def test_weapon_boundaries_model_24(first: str, title: str, text: str, expected: str) -> None:
    assert _label(first, title, text) == expected


def test_long_rifle_is_a_cartridge_name_not_a_rifle() -> None:
    hits = default_taxonomy().sublabel_hits(normalize("300 tiros de .22 largo rifle"))
    assert "~calibre" in hits and "firearms.rifle" not in hits


def test_proof_of_purchase_is_not_a_forged_invoice() -> None:
    tax = default_taxonomy()
    masked = tax.mask(normalize("Caméra thermique Pulsar, batterie et sacoche, avec facture"))
    assert "zzreceipt" in masked
    assert not any(s.startswith("fake_documents") for s in tax.sublabel_hits(masked))
    # A luxury watch declared with its papers or receipt is authentic.
    assert _label("counterfeit_goods", "Rolex Datejust 36 original mit Box und Papieren", "") == "other"
    assert _label("counterfeit_goods", "Omega Seamaster avec facture", "") == "other"
