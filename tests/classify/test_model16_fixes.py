"""Model 16: fixes read from blind set N's errors after its one scoring on model 15, and from the
unsealed leave-one-market-out errors (software, paraphernalia and tobacco that markets sell next
to drugs). Each test names the fault it guards against; the biased classifier makes the rule,
not the weights, decide."""

from __future__ import annotations

import pytest

from tests.classify.biased import biased_label as _label
from veille.classify.lexicon import default_taxonomy
from veille.classify.normalize import normalize


def test_registered_mail_is_its_own_mask_not_a_legal_look_alike() -> None:
    # "Versand als Einschreiben" was masked as a legal look-alike, which pulled ketamine and
    # forged school reports to `other`; it still must not read as a certificate.
    tax = default_taxonomy()
    masked = tax.mask(normalize("Ketamin 10g, Versand als Einschreiben"))
    assert "zzpostal" in masked and "zzlookalike" not in masked
    assert "fake_documents.certificates" not in tax.sublabel_hits(
        tax.mask(normalize("Cocaína 1g, envío certificado")))


@pytest.mark.parametrize(("title", "text"), [
    ("Parfums de marque contretypes - Sauvage", "Flacons identiques à l'original avec boîte. 25€"),
    ("Chanel No.5 Duplikat in Originalbox", "Täuschend echt inkl. Verpackung. 30€ pro Flasche"),
])
def test_perfume_copies_named_as_such_stay_counterfeit(title: str, text: str) -> None:
    # The "undeclared luxury is other" rule did not know "contretype" or "Duplikat".
    assert _label("counterfeit_goods", title, text) == "counterfeit_goods"


def test_genuine_luxury_without_a_copy_word_is_still_other() -> None:
    assert _label("counterfeit_goods", "Chanel No.5 100ml", "Sealed, bought in a Paris boutique. 90€") == "other"


def test_cbd_with_the_thc_limit_in_german_is_a_legal_good() -> None:
    assert _label("drugs", "CBD Blüten 10g", "THC unter 0,2%, mit Laborbericht") == "other"
    assert _label("drugs", "CBD Blüten 10g", "Stealth Versand, sehr potent") == "drugs"


def test_tea_sold_in_bulk_is_a_legal_good() -> None:
    # "a granel" (in bulk) is an ammunition.bulk word; it vetoed the legal-goods rule.
    assert _label("drugs", "Té matcha ceremonial 500g a granel") == "other"


@pytest.mark.parametrize("title", ["Pistola de fogueo transformada a 9mm real",
                                   "Pistolet d'alarme transformé tir réel"])
def test_transformed_alarm_pistol_is_a_converted_firearm(title: str) -> None:
    assert _label("firearms", title) == "firearms"


def test_rounds_given_with_a_gun_in_a_post_keep_it_a_firearm() -> None:
    post = "Verkaufe Pumpgun Kal. 12 ohne Papiere, dazu 10 Schuss gratis. Nur Barzahlung."
    assert _label("firearms", "", post) == "firearms"
    assert _label("firearms", "Munition Kal. 12, 10 Schachteln", "") == "ammunition"


def test_pgp_contact_line_does_not_make_explosives_a_guide() -> None:
    # "Anfragen per PGP" was a books_guides term, and a guide in the title vetoes explosives.
    post = "Hab TNT-Blöcke aus Bundeswehr-Altbestand, 400g pro Stück. Anfragen per PGP."
    assert _label("other", "", post) == "explosives"


def test_passport_named_first_is_a_fake_document_whatever_the_nationality() -> None:
    # "colombiano" is a cocaine-origin word on markets.
    assert _label("drugs", "Pasaporte colombiano - base original", "Con tus datos y foto") == "fake_documents"
    assert _label("drugs", "Colombian cocaine 1g 90%") == "drugs"


@pytest.mark.parametrize("title", ["1 Heavy Duty Meth Pipe Made in the USA !!!",
                                   "3x High Quality Glass Ice Pipe",
                                   "600 STAMP BAGS - glassine bags (empty)",
                                   "Syringes- 30g/1/2\"/1cc - SEALED bag of 10"])
def test_paraphernalia_named_as_the_offer_is_other(title: str) -> None:
    assert _label("drugs", title) == "other"


@pytest.mark.parametrize("title", ["Meth 3.5g + free glass pipe", "MDMA 10 pills + grinder"])
def test_a_drug_dose_with_paraphernalia_stays_drugs(title: str) -> None:
    assert _label("drugs", title) == "drugs"


def test_tobacco_by_weight_is_other_unless_mixed_with_a_drug() -> None:
    assert _label("drugs", "28g / 1oz - Mapacho (N.Rustica) 9x stronger than normal tobacco") == "other"
    assert _label("drugs", "Hash and tobacco premix 5g") == "drugs"


@pytest.mark.parametrize(("first", "title"), [
    ("drugs", "ACID Pro 7 (PC)"),
    ("drugs", "The Simpsons Season 1 to 25 (AVI)"),
    ("violence_for_hire", "Assassin's Creed IV: Black Flag (PC)"),
    ("violence_for_hire", "TreeSize Professional V6.0 : legitimate installation key"),
])
def test_software_and_media_named_as_such_are_other(first: str, title: str) -> None:
    assert _label(first, title) == "other"


def test_malware_with_a_version_number_is_not_software_for_sale() -> None:
    assert _label("hacking", "Stealer v2.1 full version with panel") == "hacking"


def test_rc_toys_are_not_research_chemicals() -> None:
    tax = default_taxonomy()
    assert "drugs.nps" not in tax.sublabel_hits(tax.mask(normalize("RC Helicopter with camera")))
    assert "drugs.nps" in tax.sublabel_hits(tax.mask(normalize("RC 3-MMC 10g")))


@pytest.mark.parametrize(("first", "text", "expected"), [
    ("other", "Je fais des chèques de banque qui passent en agence, 20% du montant.", "financial_fraud"),
    ("other", "Suche Leute die ihr Konto für Geldeingänge zur Verfügung stellen, 20% für dich.",
     "financial_fraud"),
])
def test_cheques_and_lent_accounts_are_fraud_terms(first: str, text: str, expected: str) -> None:
    tax = default_taxonomy()
    hits = tax.sublabel_hits(tax.mask(normalize(text)))
    assert any(h.startswith(expected + ".") for h in hits), hits


@pytest.mark.parametrize("text", [
    "Besoin qu'on fasse peur à quelqu'un ? On passe un message clair à la personne.",
    "On s'occupe de ton voisin, casse de genoux ou voiture brûlée, prix selon la demande.",
    "Our team pays a visit and makes sure they get the message.",
    "Ich klatsch dir jemanden für 400€ im Raum Frankfurt.",
    "Brauchst du jemanden der deinem Ex einen Besuch abstattet? Auto abfackeln.",
])
def test_violence_euphemisms_are_violence_terms(text: str) -> None:
    tax = default_taxonomy()
    hits = tax.sublabel_hits(tax.mask(normalize(text)))
    assert any(h.startswith("violence_for_hire.") for h in hits), hits


def test_contact_by_message_is_not_violence() -> None:
    tax = default_taxonomy()
    hits = tax.sublabel_hits(tax.mask(normalize("Send a message on Wickr before ordering")))
    assert not any(h.startswith("violence_for_hire.") for h in hits), hits


# Model 17: read from the audited market gold (data/audit_labels.csv), unsealed rows only.

@pytest.mark.parametrize(("first", "title"), [
    ("financial_fraud", "VIP Carding Tutorial"),
    ("financial_fraud", "How to Card! Over 50 carding guides to get you started"),
    ("hacking", "150+ Hacking Ebooks Collection"),
    ("fake_documents", "How to Counterfeit $100 USD bill Guide w/ Templates"),
    ("drugs", "Guide To Anabolic Steroids"),
    ("financial_fraud", "Guía de carding para principiantes"),
    ("hacking", "Anleitung: WLAN hacken"),
])
def test_a_guide_is_other_whatever_its_subject(first: str, title: str) -> None:
    assert _label(first, title) == "other"


@pytest.mark.parametrize(("first", "title"), [
    ("financial_fraud", "BIG CARDING PACK = GUIDES + TOOLS + CC"),
    ("hacking", "Hacking service - any account, guide to results"),
    ("drugs", "Beginner's guide + 5 tabs LSD 100ug"),
    ("firearms", "Glock 19 with manual and 2 mags"),
])
def test_a_guide_sold_with_the_goods_or_a_service_is_not_a_guide(first: str, title: str) -> None:
    assert _label(first, title) == first


def test_proxies_are_a_network_service_not_a_botnet() -> None:
    tax = default_taxonomy()
    hits = tax.sublabel_hits(tax.mask(normalize("250 SOCKS5 PROXIES ANY COUNTRY")))
    assert "other.digital_goods" in hits and "hacking.botnet_ddos" not in hits
    assert "hacking.botnet_ddos" in tax.sublabel_hits(normalize("Botnet proxies from infected routers"))


def test_scans_sold_as_real_peoples_documents_are_stolen_data_even_if_hq() -> None:
    text = "all passport is real valid colored scan, front and back"
    assert _label("fake_documents", "Austria HQ Passport Scan", text) == "stolen_data"
    assert _label("fake_documents", "Custom HQ Passport Scan", "your name and photo") == "fake_documents"


@pytest.mark.parametrize(("title", "text"), [
    ("Artificial Plastic Grass Weed Plant Aquarium Ornament", "100% brand new and high quality"),
    ("3pcs Tongue Ring Laser Cut Colorful Weed Stainless Steel Body Jewelry", ""),
    ("Airbrush stencil weed", "Airbrush template to draw on all kinds of bases"),
])
def test_weed_or_grass_in_everyday_goods_is_other(title: str, text: str) -> None:
    assert _label("drugs", title, text) == "other"


@pytest.mark.parametrize("title", ["Weed 3.5g Amnesia Haze", "Outdoor weed 1oz - plastic bag vacuum sealed",
                                   "Grass 10g top shelf"])
def test_weed_sold_as_cannabis_stays_drugs(title: str) -> None:
    assert _label("drugs", title, "ships in a plastic bag") == "drugs"


def test_japanese_pharmacy_classes_are_not_drug_offers() -> None:
    tax = default_taxonomy()
    for title in ("[Third drug class] Chocola BB Lucent C 180 tablets",
                  "Toranshino medicated whitening essence EX 50g (Quasi-drug)"):
        assert not any(h.startswith("drugs.") and h != "drugs.generic"
                       for h in tax.sublabel_hits(tax.mask(normalize(title)))), title


@pytest.mark.parametrize("text", [
    "Dior Sauvage 100ml copies, smells the same as the original, 12 bottles for GBP 90.",
    "Maillots PSG et OM 24/25 version fan, flocage au choix, 15€, pas des officiels.",
])
def test_branded_copies_named_first_are_counterfeit_not_drugs(text: str) -> None:
    assert _label("drugs", "", text) == "counterfeit_goods"


def test_counterfeit_words_next_to_a_drug_stay_drugs() -> None:
    assert _label("drugs", "Fake Xanax bars 2mg x 100 (pressed)") == "drugs"


def test_rules_read_the_label_left_after_the_weapon_evidence_check() -> None:
    # Top-scored firearms with no weapon term falls back to `other`; the violence rule, which
    # never applies to firearms, must then see `other`.
    from tests.classify.biased import biased
    clf = biased("firearms", "other")
    post = "Debt collection with physical persuasion, you get your money or they regret it."
    assert clf.predict([("", post)])[0].label == "violence_for_hire"


# Model 18: read from blind sets O and P after their one scoring (models 16 and 17).

def test_denials_are_masked_so_the_denied_word_is_not_the_offer() -> None:
    tax = default_taxonomy()
    masked = tax.mask(normalize("Stun grenades, police surplus. NOT airsoft – the real thing."))
    assert "zzdenial" in masked and "other.replica" not in tax.sublabel_hits(masked)
    post = "Stun grenades (flashbangs), police surplus, 6 pcs. NOT airsoft – the real thing."
    assert _label("other", "", post) == "explosives"
    assert _label("counterfeit_goods", "Reloj Rolex Submariner auténtico con papeles",
                  "Original, caja y garantía. No es réplica.") == "other"


@pytest.mark.parametrize(("first", "title", "text", "expected"), [
    ("other", "", "Verkaufe Grafikkarten 'RTX 4090' (umgelabelte ältere Chips), sehen aus wie Original.",
     "counterfeit_goods"),
    ("other", "iPhone 16 Pro Max clone (Android)", "Looks identical, iOS skin. Not original!", "counterfeit_goods"),
    ("fake_documents", "Camisetas de fútbol falsificadas temporada 2026", "Réplicas, tallas S-XXL.",
     "counterfeit_goods"),
    ("other", "Airsoft replica M4 AEG", "", "other"),
    ("fake_documents", "Fake Australian driver licence NSW/VIC", "", "fake_documents"),
])
def test_copies_of_named_goods_are_counterfeit_but_not_replica_guns_or_documents(
        first: str, title: str, text: str, expected: str) -> None:
    assert _label(first, title, text) == expected


@pytest.mark.parametrize(("first", "title", "text", "expected"), [
    ("hacking", "Logs de stealer España – pack de 1000", "Contraseñas, cookies y sesiones.", "stolen_data"),
    ("other", "Keylogger + screen grabber (Windows)", "Silent, sends logs every 30 min. Builder included.",
     "hacking"),
    ("other", "Drainer de billeteras cripto – licencia", "Kit con panel, soporte multicadena.", "hacking"),
    ("stolen_data", "", "Verkaufe Botnetz mit 8.000 IoT-Geräten, Panel inklusive, perfekt für DDoS. "
     "Zugangsdaten nach Zahlung.", "hacking"),
    ("hacking", "Hacked RDP – 50 random IPs, admin rights", "Replacement if dead in 24h.", "stolen_data"),
    ("hacking", "cPanel / webshells pack – 200 sites", "Working shells on hacked websites.", "stolen_data"),
    ("hacking", "RDP brute forcer tool 2026", "", "hacking"),
    ("hacking", "", "Verkaufe Kartendaten (Kartennummer + CVV + Name) aus Phishing, 5€ pro Stück.",
     "financial_fraud"),
    ("hacking", "CVV phishing page kit", "", "hacking"),
    ("drugs", "Cracked Cobalt Strike 4.x + profiles", "", "hacking"),
])
def test_tools_and_what_they_collect_are_told_apart(first: str, title: str, text: str,
                                                    expected: str) -> None:
    assert _label(first, title, text) == expected


@pytest.mark.parametrize(("first", "title", "text", "expected"), [
    ("stolen_data", "VPN subscription – 12 months, no logs", "Our own servers.", "other"),
    ("stolen_data", "Corporate VPN access - Fortune 500", "", "stolen_data"),
    ("drugs", "", "REFUND SERVICE – Amazon, Apple. We get your order refunded, fee 20%.", "financial_fraud"),
    ("drugs", "Subsonic 300 BLK 220gr x200", "Factory boxes of 20.", "ammunition"),
    ("drugs", "CBD flower Lemon Haze <0.2% THC 10g", "EU-legal hemp, lab report included.", "other"),
    ("drugs", "Lemon Haze 10g", "THC 22%, top shelf.", "drugs"),
    ("other", "Personalausweis Dummy mit Hologramm", "", "fake_documents"),
    ("ammunition", "7,62x39 caisse métallique militaire 1000 coups", "", "ammunition"),
    ("other", "Military rifles encyclopedia (ebook, 600 p.)", "", "other"),
])
def test_services_counts_and_documents_read_by_the_definitions(first: str, title: str, text: str,
                                                               expected: str) -> None:
    assert _label(first, title, text) == expected


def test_balance_is_not_a_card_word() -> None:
    tax = default_taxonomy()
    hits = tax.sublabel_hits(tax.mask(normalize("Bank-Logins Sparkasse mit Guthaben")))
    assert "financial_fraud.cards" not in hits and "~balance" in hits
    assert _label("financial_fraud", "Bank-Logins Sparkasse mit Guthaben") == "stolen_data"


def test_rules_still_read_the_weapon_label_before_the_fallback() -> None:
    # "Holster for Glock 19" top-scored firearms: the accessory rule reads firearms and decides.
    from tests.classify.biased import biased
    assert biased("firearms", "drugs").predict([("Leather holster for Glock 19", "")])[0].label == "other"


# Model 19: read from blind sets Q and R after their one scoring on model 18.

@pytest.mark.parametrize("title", [
    "Percussion Massage Gun – 6 Heads, 30 Speeds", "Pistolet cloueur à gaz Paslode IM90i",
    "Heißklebepistole mit 20 Sticks", "Pistola de silicona profesional",
])
def test_tools_named_gun_or_pistol_are_not_weapons(title: str) -> None:
    tax = default_taxonomy()
    hits = tax.sublabel_hits(tax.mask(normalize(title)))
    assert not any(h.startswith("firearms") for h in hits), hits


@pytest.mark.parametrize("title", ["Ready-Mixed Crack Filler 600g", "Bombas de baño efervescentes – pack de 6",
                                   "Bullet journal A5 pointillé", "Herbe à chat (cataire) séchée bio – 50 g"])
def test_household_look_alikes_name_no_drug_or_explosive(title: str) -> None:
    tax = default_taxonomy()
    hits = tax.sublabel_hits(tax.mask(normalize(title)))
    assert not any(h.split(".")[0] in ("drugs", "explosives", "ammunition") and h != "drugs.generic"
                   for h in hits), hits


def test_a_percent_is_not_a_calibre() -> None:
    tax = default_taxonomy()
    assert "~calibre" not in tax.sublabel_hits(normalize("we keep 40% of the amount"))
    assert "~calibre" in tax.sublabel_hits(normalize("glock 23 in 40 s w"))


@pytest.mark.parametrize(("first", "title", "text", "expected"), [
    ("firearms", "", "Lot .357 Magnum + .38 Spécial, 200 cartouches au total, pour revolver Manurhin.",
     "ammunition"),
    ("firearms", "9x19 ammo + 2 Glock mags", "200 rounds Fiocchi FMJ plus two mags as bonus.", "ammunition"),
    ("firearms", "5.7x28 for FN Five-seveN / P90", "50 rd box, factory sealed.", "ammunition"),
    ("firearms", "Glock 19 with 200 rounds for practice", "", "firearms"),
    ("firearms", "9mm for sale", "", "firearms"),
    ("drugs", "Anti-tank mine TM-62 (no fuse)", "", "explosives"),
    ("other", "Feux d'artifice F2 – compact 100 coups", "", "other"),
    ("explosives", "Feux d'artifice F2 – compact 100 coups", "", "other"),
])
def test_weapon_boundaries_model_19(first: str, title: str, text: str, expected: str) -> None:
    assert _label(first, title, text) == expected


@pytest.mark.parametrize(("first", "title", "text", "expected"), [
    ("counterfeit_goods", "Carded iPhone 16 Pro – 30% of retail", "", "financial_fraud"),
    ("drugs", "Gecardete Elektronik – PS5, MacBook", "", "financial_fraud"),
    ("financial_fraud", "Hotel chain customer DB 2026", "14M rows SQL dump: names, emails.", "stolen_data"),
    ("financial_fraud", "Track 1/2 dumps with PIN", "", "financial_fraud"),
    ("financial_fraud", "PayPal accounts with balance", "Verified, with email access.", "stolen_data"),
    ("other", "Fake Marlboro Red cartons (Chinese made)", "", "counterfeit_goods"),
    ("other", "Marlboro Red cartons, duty free", "", "other"),
    ("fake_documents", "", "Scans de CNI recto-verso + selfie, vrais profils, 50 lots.", "stolen_data"),
    ("drugs", "", "Dior Sauvage EDP 100ml – tester copy. Box of 12 for €90.", "counterfeit_goods"),
    ("drugs", "28g Green Hornet AAA+", "", "drugs"),
    ("other", "Enforcer for hire – collections & protection", "Scaring, roughing up.", "violence_for_hire"),
])
def test_fraud_data_and_goods_model_19(first: str, title: str, text: str, expected: str) -> None:
    assert _label(first, title, text) == expected


# Model 20: read from blind sets S and T after their one scoring on model 19.

def test_a_sale_verb_opening_a_post_does_not_hide_the_item() -> None:
    from veille.classify.classifier import _SALE_VERB
    assert _SALE_VERB.sub("", "vendo casco aleman m 35 y bayoneta") == "casco aleman m 35 y bayoneta"
    assert _SALE_VERB.sub("", "je vends mes chargeurs ak") == "chargeurs ak"
    assert _SALE_VERB.sub("", "vendetta 9mm") == "vendetta 9mm"
    post = "Vendo casco alemán M35 y bayoneta Mauser, originales, para coleccionistas. 300€."
    assert _label("firearms", "", post) == "other"


@pytest.mark.parametrize(("first", "title", "text", "expected"), [
    # Model 20 filed blanks under other; model 21 follows the majority of outside sets (R, U, W).
    ("ammunition", "9mm PAK blank cartridges 50 pcs", "Blanks for alarm pistols.", "ammunition"),
    ("firearms", "Pistolet d'alarme converti 9mm PAK tir réel", "", "firearms"),
    ("other", "", "Biete Perkussionsrevolver Remington 1858 (Uberti-Nachbau) Kal. .44, voll "
     "funktionsfähig, Schwarzpulver.", "firearms"),
    ("other", "Mosquete de avancarga decorativo, no funcional", "", "other"),
    ("firearms", "", "Clearing out dad's shed: approx 600 live rounds mixed .38 Special and .357 Magnum.",
     "ammunition"),
    ("ammunition", "Leere Hülsen 9mm, 1x verschossen, 1000 Stk", "Ohne Zündhütchen. Keine Patronen.", "other"),
    ("firearms", "Magpul PMAG 30rd 5.56 – 10 pack", "Magazines only.", "other"),
    ("firearms", "", "hab noch paar Schachteln 7,62x39 fürs AK, 30€ die Box", "ammunition"),
    ("other", "Grenade défensive F1 active (pas une inerte)", "", "explosives"),
    ("other", "", "brauchst du was für silvester? hab dum bum und viper 12, kein F2 zeug", "explosives"),
])
def test_weapon_boundaries_model_20(first: str, title: str, text: str, expected: str) -> None:
    assert _label(first, title, text) == expected


@pytest.mark.parametrize("title", ["Granadas (fruta) de Elche – caja 5 kg", "Cartouches d'encre Epson 603 XL",
                                   "Silencieux d'échappement inox pour Peugeot 206"])
def test_fruit_ink_and_exhausts_are_not_weapons(title: str) -> None:
    tax = default_taxonomy()
    hits = tax.sublabel_hits(tax.mask(normalize(title)))
    assert not any(h.split(".")[0] in ("firearms", "ammunition", "explosives") for h in hits), hits


@pytest.mark.parametrize(("first", "title", "text", "expected"), [
    ("stolen_data", "", "I can get into any whatsapp or ig account, just send me the username, $200 upfront",
     "hacking"),
    ("stolen_data", "", "need a transfer? I can send up to £5k from logs into your account, you keep 40%.",
     "financial_fraud"),
    ("financial_fraud", "", "Hola, tengo billetes antiguos de pesetas para coleccionistas, 30€ el lote", "other"),
    ("financial_fraud", "Faux billets 50€ pour collectionneurs", "Passent au stylo détecteur.",
     "financial_fraud"),
    ("drugs", "Nicotine pouches 20 cans mixed flavours", "", "other"),
])
def test_services_and_goods_model_20(first: str, title: str, text: str, expected: str) -> None:
    assert _label(first, title, text) == expected


def test_sick_notes_are_documents_not_banknotes() -> None:
    tax = default_taxonomy()
    hits = tax.sublabel_hits(tax.mask(normalize("mache gelbe scheine (AU) mit arztstempel")))
    assert "fake_documents.certificates" in hits and "financial_fraud.counterfeit_money" not in hits


# Model 21: read from blind sets U, V, W and X after their one scoring on model 20.

@pytest.mark.parametrize(("first", "title", "text", "expected"), [
    ("other", "", "200 cartouches à blanc 9mm PAK pour pistolet d'alarme, boîtes de 50. 35€.", "ammunition"),
    ("other", "Platzpatronen 9mm P.A.K. 50 Stück", "Für Schreckschusswaffen.", "ammunition"),
    ("firearms", "Pistolet d'alarme Zoraki 914 d'origine, non modifié", "Jamais modifié, tir à blanc.", "other"),
    ("ammunition", "Douilles de manipulation 9mm x10 (snap caps)", "Inertes, pour entraînement.", "other"),
    ("firearms", "3 chargeurs vides 30 coups AR-15", "", "other"),
    ("firearms", "Glock 17 with 3 mags", "", "firearms"),
    ("firearms", "Stun gun 50M volt w/ flashlight", "", "other"),
    ("firearms", "Skin CS2 AK-47 | Redline Field-Tested", "Livraison via échange Steam.", "other"),
    ("counterfeit_goods", "Fake iPhone 16 Pro Max – looks original", "Android with an iOS skin.", "counterfeit_goods"),
    ("firearms", "Granadas 40mm de fusil, excedente militar", "", "explosives"),
    ("drugs", "", "Vendo pólvora negra a granel, 3 kg, 90 €, envío discreto.", "explosives"),
    ("other", "", "Cinq grenades F1 réelles, non inertées, provenance Balkans.", "explosives"),
    ("other", "Bombes agricoles lot de 20", "Interdites à la vente en France.", "explosives"),
])
def test_weapon_boundaries_model_21(first: str, title: str, text: str, expected: str) -> None:
    assert _label(first, title, text) == expected


def test_holster_sold_without_the_gun_stays_an_accessory() -> None:
    text = "Neuwertig, nur das Holster ohne Waffe. 30 €."
    assert _label("firearms", "Gürtelholster für Walther P99 – Leder", text) == "other"


def test_real_id_scans_with_selfies_stay_stolen_data() -> None:
    text = "Real scans of passports and ID cards with matching selfies, EU/US mix."
    assert _label("fake_documents", "ID scans + selfie (real people) - 50 pack", text) == "stolen_data"


# Model 22: read from blind sets Y and Z after their one scoring on model 21.

@pytest.mark.parametrize(("first", "title", "text"), [
    ("firearms", "Orion 12 gauge flare gun kit", "Marine signal kit, orange flare pistol, USCG approved."),
    ("firearms", "Pistolet lance-fusées cal. 4 pour bateau", "Pistolet de signalisation avec étui."),
    ("firearms", "Signalpistole Kaliber 4 PTB", "Für Seenotsignale, ohne Munition."),
    ("firearms", "Pistola de bengalas náutica", "Para embarcación, sin bengalas."),
    ("firearms", "", "Starter pistol .22 blank for track meets, used, blanks not included"),
    ("firearms", "Cap gun toy revolver with 500 caps", ""),
    ("firearms", "Shotgun microphone Rode NTG3", ""),
    ("firearms", "Briquet en forme de pistolet Desert Eagle", ""),
    ("explosives", "", "Mechero con forma de granada de mano, recargable, 8€"),
    ("firearms", "Sig Sauer P365 holster IWB", "Leather, right hand, used twice."),
    ("explosives", "Inert WW2 pineapple grenade replica", "Display piece, cannot be made live."),
])
def test_signal_toy_tool_and_accessory_look_alikes_are_other(first: str, title: str, text: str) -> None:
    assert _label(first, title, text) == "other"


@pytest.mark.parametrize(("first", "title", "text", "expected"), [
    ("firearms", "Glock 22 Night Sights, Mags, Holster", "", "firearms"),
    ("firearms", "Flare gun converted to fire 12 gauge live ammo", "", "firearms"),
    ("other", "", "Vendo 10 cajas de cartuchos de escopeta del 20 para codorniz.", "ammunition"),
    ("firearms", "", "tengo .22lr 3 cajas de 500 y algo de .38 special, pregunten", "ammunition"),
    ("other", "", "je fais diplômes (bac, licence, master) avec tampon et signature, livré en 5j",
     "fake_documents"),
    ("violence_for_hire", "", "Biete Hacking-Service: Zugang zu Handy oder Mailkonto deiner Wahl.", "hacking"),
    ("stolen_data", "", "virements instantanés depuis comptes tiers vers le compte que tu fournis, tu "
     "touches 30%", "financial_fraud"),
    ("counterfeit_goods", "", "Steam keys bundle 10 random AAA games, instant delivery", "other"),
])
def test_model_22_boundaries(first: str, title: str, text: str, expected: str) -> None:
    assert _label(first, title, text) == expected


def test_cigarette_cartons_are_not_cartridges() -> None:
    tax = default_taxonomy()
    hits = tax.sublabel_hits(tax.mask(normalize("cartouches de Marlboro détaxées, livraison Lille")))
    assert not any(h.startswith("ammunition") for h in hits), hits
    assert _label("other", "", "cartouches de Marlboro détaxées, 35€ la cartouche") == "other"
