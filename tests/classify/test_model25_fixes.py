"""Model 25: fixes read from blind sets AK and AL after their one scoring on models 22 and 24.
Each test names the fault it guards against; the biased classifier makes the rule, not the
weights, decide."""

from __future__ import annotations

import pytest

from tests.classify.biased import biased_label as _label
from veille.classify.lexicon import default_taxonomy
from veille.classify.normalize import normalize


@pytest.mark.parametrize(("first", "title", "text", "expected"), [
    # A watch's movement is its calibre.
    ("firearms", "Montre Seiko calibre 4R36 automatique", "", "other"),
    ("firearms", "Sinn 556 Automatik, Kaliber SW200, Box & Papiere", "", "other"),
    # Costumes and stage props carry toy guns.
    ("firearms", "", "Faschingskostüm Gangster 20er Jahre inkl. Plastik-Tommy-Gun, Gr. M", "other"),
    ("firearms", "Pistola de utilería para teatro", "Goma negra, réplica de revólver.", "other"),
    # A knife named for a gun maker.
    ("firearms", "", "Glock Feldmesser FM78 mit Scheide, oliv, ungebraucht", "other"),
    # Empty ammunition crates kept for storage.
    ("ammunition", "Caisse à munitions US M2A1 cal .50 VIDE", "Idéale pour ranger les outils.", "other"),
    ("ammunition", "Leere Munitionsschachteln Geco, RWS, DWM – 1950er", "ohne Inhalt", "other"),
    ("ammunition", "Empty ammo tins & WW2 wooden .303 crates", "all EMPTY", "other"),
    # Defused ordnance with its certificate.
    ("explosives", "Entschärfte 8-cm-Wurfgranate mit KMRD-Bescheinigung", "Kein Sprengstoff.", "other"),
    # Shot shells counted or named by gauge are ammunition even when the model said other.
    ("other", "", "Schrot 12/70 Nr. 7 – 250 Stück, günstig abzugeben", "ammunition"),
    ("other", "", "Vendo cartuchos .30-06 para caza mayor, 6 cajas de 20, entrega en Sevilla", "ammunition"),
    # A pepper spray's "KO-Fog 40" is not a .40 and its "10 Stück" are not rounds.
    ("other", "", "Pfefferspray KO-Fog 40ml, 10 Stück, zur Tierabwehr", "other"),
    # Forged deactivation certificates and hunting permits are fake documents.
    ("other", "", "Permis de chasser au nom de votre choix, aspect identique à l'original. 300 €", "fake_documents"),
    # Prop money marked as such is not counterfeit money; "real-feel" notes are.
    ("financial_fraud", "Prop money $10k stack for music videos", "Marked PROP COPY, not legal tender.", "other"),
    ("financial_fraud", "Prop money? NO – real-feel counterfeit 100 USD", "UV ink, security strip", "financial_fraud"),
    # Hacking priced "by target" is hacking, not a contract.
    ("stolen_data", "", "Biete Hack von Insta/WhatsApp-Accounts auf Bestellung, Preis je nach Ziel", "hacking"),
    # Delivered ("livré") is not a book ("livre").
    ("fake_documents", "", "Faux diplômes et attestations, avec tampon et signature, livrés en 5 jours.", "fake_documents"),
    # A replica of a branded jacket stays counterfeit.
    ("other", "", "Replica Barbour Bedale wax jackets, labels spot on. £55 each", "counterfeit_goods"),
])
def test_boundaries_model_25(first: str, title: str, text: str, expected: str) -> None:
    assert _label(first, title, text) == expected


def test_denials_of_deactivation_are_masked() -> None:
    tax = default_taxonomy()
    for text in ("Mauser K98k NON neutralisé", "Mosin-Nagant, nunca inutilizado", "P38, live, never deactivated"):
        hits = tax.sublabel_hits(tax.mask(normalize(text)))
        assert "other.deactivated_weapon" not in hits, text


def test_cartridge_names_with_gun_names_read_as_calibres() -> None:
    hits = default_taxonomy().sublabel_hits(normalize("Live .303 British and 8mm Mauser on stripper clips"))
    assert "~calibre" in hits and "firearms.rifle" not in hits
