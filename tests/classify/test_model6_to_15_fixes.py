"""Models 6 to 15: each block below names the model and where its faults were read (team probes,
the held-out market errors, or a blind set's errors after its one scoring). Model 6: texts
without a title (forum posts, messages, JSONL items with `text` only) are read with their first
line as the title, so the definition rules that look at the title work on them; a drug named in
the title keeps a pill or strain name ("MDMA Grenades") away from explosives."""

from __future__ import annotations

import pytest

from tests.classify.biased import biased_label as _label
from veille.classify import load_default
from veille.classify.features import HEAD_CHARS, text_head
from veille.classify.lexicon import default_taxonomy


def test_text_head_is_the_first_non_empty_line_cut_at_a_word() -> None:
    assert text_head("\n  \nMunitions 9mm boîte de 50\nPrix 25 €") == "Munitions 9mm boîte de 50"
    long = "Glock 19 " + "tres bon etat " * 20
    head = text_head(long)
    assert head.startswith("Glock 19 ") and len(head) <= HEAD_CHARS and not head.endswith(" ")
    assert long.startswith(head)
    assert text_head("x" * 500) == "x" * HEAD_CHARS
    assert text_head("") == ""


@pytest.mark.parametrize("text", [
    "Munitions 9mm boîte de 50\nLivraison discrète, 25 € la boîte",
    "Balas 7.62x39 para AK-47, caja de 50",
    "50 rounds .45 ACP for your 1911. Ships fast.",
])
def test_ammunition_sent_as_text_alone_is_ammunition(text: str) -> None:
    # With no title every "title lacks an ammunition word" condition held: the gun-in-title rule
    # turned these boxes of cartridges into firearms.
    assert _label("ammunition", "", text) == "ammunition"
    assert _label("ammunition", text.split("\n")[0], "") == "ammunition"


def test_shipped_model_reads_a_post_like_a_listing() -> None:
    clf = load_default()
    assert clf is not None
    items = [("", "Munitions 9mm boîte de 50\nLivraison discrète"),
             ("", "Vends Glock 17 gen 4 avec 2 chargeurs\nEnvoi en pièces détachées"),
             ("", "Pasaporte español auténtico\nRegistrado, entrega en mano o por correo")]
    assert [p.label for p in clf.predict(items)] == ["ammunition", "firearms", "fake_documents"]


@pytest.mark.parametrize("title", [
    '10 Pills ~ 180 mg. MDMA "Grenades"',
    "Dynamite Kush 7g",
])
def test_a_drug_named_in_the_title_is_not_an_explosive(title: str) -> None:
    assert _label("drugs", title) == "drugs"


@pytest.mark.parametrize("title", ["Hand grenade M67", "Detonators electric x10"])
def test_explosives_named_in_the_title_still_are_explosives(title: str) -> None:
    assert _label("drugs", title) == "explosives"


@pytest.mark.parametrize("title", [
    "9 mm Munition Pistole 50 Stk",
    "Munitions pistolet 9mm Luger",
    "Munición pistola 9mm Parabellum",
    "Winchester 9mm NATO 124gr",
])
def test_cartridges_qualified_by_gun_type_or_maker_are_ammunition(title: str) -> None:
    # German, French and Spanish put the gun type after the ammunition word; Winchester makes
    # cartridges as well as rifles, so it no longer counts as a rifle type.
    assert _label("firearms", title) == "ammunition"


@pytest.mark.parametrize("title", [
    "Pistole Walther P99 mit Munition",
    "Pistolet Glock 17 avec munitions",
    "Winchester Model 70 .30-06 rifle",
])
def test_a_gun_sold_with_ammunition_stays_a_gun(title: str) -> None:
    assert _label("firearms", title) == "firearms"


@pytest.mark.parametrize(("title", "text"), [
    ("Schreckschusspistole Walther P22 PTB", ""),
    ("Pistolet d'alarme Ekol 9mm PAK légal", ""),
    ("Pistola de fogueo Retay legal", ""),
    ("Blank firing pistol Zoraki 917 (not converted)", ""),
])
def test_an_alarm_pistol_that_is_not_converted_is_other(title: str, text: str) -> None:
    assert _label("firearms", title, text) == "other"


@pytest.mark.parametrize(("title", "text"), [
    ("Pistolet d'alarme Ekol converti en 9mm réel", ""),
    ("Schreckschusspistole scharf gemacht", ""),
    ("Zoraki 917", "Umgebaut, schießt 9x19"),
    ("Blank gun Retay 84FS", "converted to fire live rounds"),
])
def test_a_converted_alarm_pistol_stays_a_firearm(title: str, text: str) -> None:
    assert _label("firearms", title, text) == "firearms"


@pytest.mark.parametrize("title", [
    "Book: The AK-47, history of a rifle",
    "Livre : les pistolets de la Seconde Guerre mondiale",
    "Buch über Waffen der Wehrmacht",
    "Libro sobre armas de la guerra civil",
    "Taser stun gun 10 million volts",
    "Pepper spray 50ml pistol grip",
])
def test_books_about_weapons_and_stun_guns_are_other(title: str) -> None:
    assert _label("firearms", title) == "other"


@pytest.mark.parametrize("title", [
    "Glock 19 with original box and manual book",
    "AK-47 avec livre et 3 chargeurs",
    "Ruger LCP with knife and holster",
])
def test_a_gun_sold_with_a_book_or_a_knife_stays_a_gun(title: str) -> None:
    assert _label("firearms", title) == "firearms"


# Model 7: faults read from the errors on the held-out market labels (Agartha, 2020), written
# as general terms and rules in four languages.

def test_a_phone_number_is_not_a_calibre() -> None:
    tax = default_taxonomy()
    assert "~calibre" not in tax.sublabel_hits("wickr pharmahouse whatsapp 44 7700 900023")
    assert "~calibre" in tax.sublabel_hits("s w model 29 44 magnum")
    assert "~calibre" in tax.sublabel_hits("colt defender 45")


@pytest.mark.parametrize("title", [
    "30 GRAMS OF PURE GOLD BARS",
    "FACE MASK AVAILABLE IN BULK",
    "Masques chirurgicaux jetables",
    "Mascarillas FFP2 al por mayor",
    "40 foot shipping container for sale",
    "AAA Batteries for sale",
    "The Macallan 18 single malt x2",
])
def test_named_legal_goods_are_other(title: str) -> None:
    for first in ("drugs", "hacking", "counterfeit_goods"):
        assert _label(first, title, "Wickr me before ordering, escrow accepted") == "other"


@pytest.mark.parametrize(("title", "text"), [
    ("Gold bars 1oz", "Tungsten filled replica, looks real"),
    ("Xanax bars and gold bars", ""),
    ("Face mask + 1g cocaine sample", ""),
])
def test_legal_goods_rule_leaves_fakes_and_drugs_alone(title: str, text: str) -> None:
    assert _label("drugs", title, text) == "drugs"


def test_corona_virus_is_not_malware() -> None:
    tax = default_taxonomy()
    from veille.classify.normalize import normalize
    assert not any(s.startswith("hacking") for s in
                   tax.sublabel_hits(tax.mask(normalize("Anti corona virus face mask"))))
    assert "hacking.malware" in tax.sublabel_hits(normalize("Android banking virus builder"))


def test_shipped_model_on_vendor_phrasing_of_counterfeit_money_and_weights() -> None:
    clf = load_default()
    assert clf is not None
    items = [("UNDETECTABLE CF TOP EUROS, DOLLARS TOP BILLS", ""),
             ("SSD chemical solution and black dollar for sale", ""),
             ("A Pound Of HQ Moon Rock", "")]
    assert [p.label for p in clf.predict(items)] == ["financial_fraud", "financial_fraud", "drugs"]


# Model 8: violence offers as they are written, with euphemisms, in four languages.

@pytest.mark.parametrize(("text", "sub"), [
    ("Someone owes you money? We make them pay", "violence_for_hire.assault"),
    ("Recouvrement de créances, on rend une visite à votre débiteur", "violence_for_hire.assault"),
    ("Wir besuchen deinen Schuldner", "violence_for_hire.assault"),
    ("Cobramos tus deudas, métodos persuasivos", "violence_for_hire.assault"),
    ("Need a problem handled permanently? DM", "violence_for_hire.murder"),
    ("Auftrag: Person ausschalten", "violence_for_hire.murder"),
])
def test_violence_euphemisms_are_lexicon_terms(text: str, sub: str) -> None:
    from veille.classify.normalize import normalize
    tax = default_taxonomy()
    assert sub in tax.sublabel_hits(tax.mask(normalize(text)))


@pytest.mark.parametrize("text", [
    "Ships by all means of transport", "Send a message to the vendor before ordering",
    "Mit Nachdruck empfohlen", "On va le voir demain au marché"])
def test_everyday_phrases_are_not_violence_terms(text: str) -> None:
    from veille.classify.normalize import normalize
    tax = default_taxonomy()
    assert not any(s.startswith("violence") for s in tax.sublabel_hits(normalize(text)))


def test_a_pipe_bomb_is_an_explosive_not_a_pipe() -> None:
    from veille.classify.normalize import normalize
    tax = default_taxonomy()
    hits = tax.sublabel_hits(normalize("Pipe bomb ready made"))
    assert "explosives.high_explosive" in hits


def test_bank_logins_are_stolen_accounts_and_drops_stay_fraud() -> None:
    # Definitions: stolen accounts are stolen_data; bank drops (accounts that receive the money)
    # are financial_fraud.
    from veille.classify.normalize import normalize
    tax = default_taxonomy()
    assert "stolen_data.accounts" in tax.sublabel_hits(normalize("Wells Fargo bank logins $8k"))
    assert "stolen_data.accounts" in tax.sublabel_hits(normalize("Bankzugangsdaten Sparkasse"))
    assert "financial_fraud.bank_drops" in tax.sublabel_hits(normalize("Bank drop accounts USA"))


# Model 9: ammunition and gun slang (fr "bastos", de "Muni", es "parque"/"tiros", "cuerno de
# chivo"; "Glizzy"), and violence euphemisms for a visit. Written after set H's first scoring,
# whose author's report named some of these words; H is no longer blind for model 9.

@pytest.mark.parametrize(("first", "title", "text", "want"), [
    ("firearms", "", "tengo parque para cuerno de chivo, 7.62, 300 tiros", "ammunition"),
    ("firearms", "", "j'ai des bastos en 7.62 pour kalash, 200 pièces", "ammunition"),
    ("ammunition", "", "Knarre zu verkaufen, 9mm, mit Muni", "firearms"),
    ("ammunition", "", "vend flingue 9mm avec 50 bastos, pas de papiers", "firearms"),
])
def test_ammunition_and_gun_slang(first: str, title: str, text: str, want: str) -> None:
    assert _label(first, title, text) == want


# Model 10: faults read from set H's errors on model 9 (H is spent: tuned on from model 10).

@pytest.mark.parametrize("text", [
    "qqn te doit de l'argent et fait le mort ? on s'en occupe, il paiera",
    "someone owes you and ghosted? we can pay them a visit and make sure they remember. dm",
    "Debt collection - persuasive methods. Two-man team visits the debtor.",
])
def test_violence_offered_in_a_post_is_violence_for_hire(text: str) -> None:
    assert _label("other", "", text) == "violence_for_hire"


@pytest.mark.parametrize("title", [
    "Tapentadol 100 mg strong pain killer 60 pills",
    "28gr Famous West Coast #4 KILLER HEROIN",
    "Assassin's Creed IV (PC)",
    "Hitman 3 game key",
])
def test_a_product_named_killer_or_a_game_is_not_violence(title: str) -> None:
    assert _label("drugs" if "pill" in title or "HEROIN" in title else "other", title) != \
        "violence_for_hire"


def test_french_livre_as_deliver_is_not_a_book() -> None:
    assert _label("explosives", "", "stock de dynamite dispo, 12 bâtons, je livre pas") == \
        "explosives"
    assert _label("firearms", "Livre sur les pistolets de la Grande Guerre") == "other"


@pytest.mark.parametrize(("title", "text", "first", "want"), [
    ("5.56 NATO SS109 - 20 boxes", "", "firearms", "ammunition"),
    ("", "have 6 boxes of 7.62x39 steel case for your AK, $25/box", "firearms", "ammunition"),
    ("Vortex Strike Eagle 1-6x scope + mount", "Optic only, no firearm.", "firearms", "other"),
    ("Airsoft G36C AEG - 0,5 Joule", "", "drugs", "other"),
])
def test_boxes_counted_and_accessories_sold_alone(title: str, text: str, first: str,
                                                  want: str) -> None:
    assert _label(first, title, text) == want


# Model 11: faults read from the errors of sets C to G on model 10 (those sets are tuned on from
# model 11).

@pytest.mark.parametrize(("title", "text", "first", "want"), [
    ("Cartons de 7.62x39 (1000 cps)", "", "firearms", "ammunition"),
    (".357 Magnum 50er Box", "", "firearms", "ammunition"),
    (".22 LR 500 round brick - subsonic", "", "firearms", "ammunition"),
    ("bulk 9x19 1000 rnd case", "", "firearms", "ammunition"),
    ("Universal gun cleaning kit .22-.45 + 12ga", "", "firearms", "other"),
    ("Tactical rifle scope 4-16x50 with mount", "", "firearms", "other"),
    ("AR-15 30-round PMAGs x5 (magazines only)", "", "firearms", "other"),
    ("Inert M67 grenade replica - display", "", "counterfeit_goods", "other"),
    ("RGD-5 real, not airsoft, 2 pcs", "", "explosives", "explosives"),
    ("Ex-Dekowaffe MP5 - feuert wieder", "", "other", "firearms"),
])
def test_weapon_boundaries_model_11(title: str, text: str, first: str, want: str) -> None:
    assert _label(first, title, text) == want


@pytest.mark.parametrize(("title", "text", "first", "want"), [
    ("ID scans + selfie (real people) - 50 pack", "", "fake_documents", "stolen_data"),
    ("Fullz DE: Perso-Scan + Selfie + Kontoauszug", "Echte Personen", "fake_documents",
     "stolen_data"),
    ("Custom HQ Passport Scan", "", "fake_documents", "fake_documents"),
    ("Chase bank logs with email access", "", "financial_fraud", "stolen_data"),
    ("Bank drop accounts USA", "", "financial_fraud", "financial_fraud"),
    ("CVV + bank login checker", "", "financial_fraud", "financial_fraud"),
])
def test_real_id_scans_and_logins_are_stolen_data(title: str, text: str, first: str,
                                                  want: str) -> None:
    assert _label(first, title, text) == want


def test_look_alikes_of_model_11() -> None:
    from veille.classify.normalize import normalize
    tax = default_taxonomy()
    for text in ("Thé vert Gunpowder en vrac 500g", "Fake Galaxy Buds bulk",
                 "Cartouches de clopes Marlboro"):
        hits = tax.sublabel_hits(tax.mask(normalize(text)))
        assert not any(s.startswith(("explosives", "ammunition", "drugs.cannabis"))
                       for s in hits), (text, hits)


# Model 12: faults read from sets I and J's errors on model 11 (both tuned on from model 12).

@pytest.mark.parametrize(("title", "text", "first", "want"), [
    ("", "Dispo : 300 x 5.56 NATO sur clips, pour AR15, MP moi.", "firearms", "ammunition"),
    ("", "Bricks of .22LR (500) for your Ruger 10/22 back in stock", "firearms", "ammunition"),
    ("", "Vends lot de 500 douilles laiton .308 une fois tirées, vides, 40€", "ammunition", "other"),
    ("Montre Omega Seamaster authentique, facture et boîte 2019", "", "counterfeit_goods",
     "other"),
    ("", "Biete Blendgranaten wie beim SEK, echt, keine Softair-Attrappen, 4 Stück",
     "explosives", "explosives"),
    ("", "Kugelbomben Kaliber 200mm ohne BAM-Zulassung, F4 Profi-Feuerwerk, Versand aus CZ",
     "firearms", "explosives"),
    ("Sako TRG-22 Stealth / Nightforce 5.5-22 X 50", "", "firearms", "firearms"),
    ("HK 45CT (mk24)", "", "firearms", "firearms"),
])
def test_weapon_boundaries_model_12(title: str, text: str, first: str, want: str) -> None:
    assert _label(first, title, text) == want


# Model 13: faults read from set K's errors on model 12 (K is tuned on from model 13).

@pytest.mark.parametrize(("title", "text", "first", "want"), [
    ("", "WWII US M1 helmet with liner and chinstrap, original. Also have an M1 Garand bayonet.",
     "firearms", "other"),
    ("Barnett crossbow 185 lb + 6 bolts", "", "drugs", "other"),
    ("Presse de rechargement Lee + jeu d'outils 9mm", "", "firearms", "other"),
    ("", "Hab noch ne K98 aus Opas Keller, schussfähig, ohne Papiere", "ammunition", "firearms"),
    ("RWS Speed Tip Pro .308 11,7g - 3 Schachteln", "", "drugs", "ammunition"),
    ("Counterfeit $100 bills - UV-reactive, passes pen test", "", "financial_fraud",
     "financial_fraud"),
    ("M-80s and quarter sticks - the real ones, not the legal kind", "", "explosives",
     "explosives"),
    ("", "Fusées éclairantes militaires réelles (pas des factices), caisse de 24", "explosives",
     "explosives"),
    ("Stahlhelm M35 mit Karabiner 98k", "", "firearms", "firearms"),
])
def test_militaria_crossbows_reloading_and_denials(title: str, text: str, first: str,
                                                   want: str) -> None:
    assert _label(first, title, text) == want


# Model 14: faults read from set L's errors on model 13 (L is tuned on from model 14).

@pytest.mark.parametrize(("title", "text", "first", "want"), [
    ("7.62x39 en vrac, caisse militaire", "Environ 1000 cartouches en boîte zinc scellée.",
     "firearms", "ammunition"),
    ("Kugelbomben 150mm Kaliber", "Ohne Zulassung, Kat. F4. Silvesterpaket 10 Stück.",
     "firearms", "explosives"),
    ("M-80s and quarter sticks, real ones not the legal stuff", "", "other", "explosives"),
    ("Verbundfeuerwerk F2, 100 Schuss", "Legales Silvesterfeuerwerk mit CE-Kennzeichnung",
     "explosives", "other"),
    ("PayPal Accounts mit Guthaben", "Gehackte Accounts, inkl. Mail-Zugang", "financial_fraud",
     "stolen_data"),
    ("Firearms reference book lot (Gun Digest, Standard Catalog of Firearms)", "", "firearms",
     "other"),
    ("iPhone 15 Pro Max clon", "Idéntico por fuera, Android por dentro", "counterfeit_goods",
     "counterfeit_goods"),
])
def test_model_14_boundaries(title: str, text: str, first: str, want: str) -> None:
    assert _label(first, title, text) == want


# Model 15: faults read from set M's errors on model 14 (M is tuned on from model 15).

@pytest.mark.parametrize(("title", "text", "first", "want"), [
    ("WW2 German M40 helmet, original, with liner", "", "firearms", "other"),
    ("7,62x51 NATO Bulk-Deal", "500 Schuss aus BW-Restbeständen, in Gurt.", "firearms",
     "ammunition"),
    ("", "Mach euch Überweisungen von gehackten Konten, 500€ zahlen = 5000€ kriegen",
     "financial_fraud", "financial_fraud"),
    ("", "Azafrán de La Mancha en hebra, se vende por peso: 10g 45€, envío certificado", "drugs",
     "other"),
])
def test_model_15_boundaries(title: str, text: str, first: str, want: str) -> None:
    assert _label(first, title, text) == want
