"""Model 28: fixes read from blind sets AR and AS after their one scoring on models 22 and 27.
Each test names the fault it guards against; the biased classifier makes the rule, not the
weights, decide."""

from __future__ import annotations

import pytest

from tests.classify.biased import biased_label as _label


@pytest.mark.parametrize(("first", "title", "text", "expected"), [
    # An automatic conversion named in the title is the offer, whatever the shipping words say.
    ("other", "", "Auto sears for AR, drop-in, 10pcs available. $120 each, XMR preferred.", "firearms"),
    ("drugs", "DIAS drop-in, made to order (paperweight ;)", "Full-auto conversion part.", "firearms"),
    # ... but "días" (days) is not a drop-in auto sear, and an airsoft part is not a firearm.
    ("hacking", "", "Alquilo botnet de 10k bots, por horas o días, pago en XMR", "hacking"),
    ("other", "Airsoft auto sear for AEG gearbox", "", "other"),
    # A look-alike in the title stops the "named gun with extras" rules (a cat praised as a
    # "Mauser", "Lil Uzi Vert" tickets with "GA" floor seats).
    ("other", "Kater Moritz, super Mauser, sucht Bauernhof", "3 Jahre, kastriert", "other"),
    ("other", "Lil Uzi Vert tickets x2, floor GA, Manchester", "", "other"),
    # A book's guide, a film poster and a sworn translation.
    ("firearms", "Le Guide des armes de poing, éd. 2019", "Livre relié 320 pages", "other"),
    ("firearms", "", "Affiche originale des Tontons flingueurs 1963, 120x160 entoilée", "other"),
    ("fake_documents", "", "Traductrice assermentée : traduction officielle de vos actes de naissance", "other"),
    # Licensed fireworks shops; "prunes" for a revolver are rounds.
    ("firearms", "", "Vendo cuetes de venta autorizada para la posada: bengalas, chispitas, tienda con permiso", "other"),
    ("firearms", "Prunes pour 357", "Boîte de 50 .357 Magnum pointe creuse.", "ammunition"),
])
def test_boundaries_model_28(first: str, title: str, text: str, expected: str) -> None:
    assert _label(first, title, text) == expected
