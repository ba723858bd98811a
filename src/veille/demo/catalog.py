"""What the fictional markets sell: offer templates in French, English and German.

Each template is one (label, sublabel) of the taxonomy with titles and description lines in
the three languages. Titles and descriptions are written the way offers read on markets
(item, condition, quantity, price, shipping) and never say how to make, convert or use
anything. Slots like {pistol} or {cal} are filled by the generator from the tables below.
"""

from __future__ import annotations

from dataclasses import dataclass, field

TOP_LABELS = [
    "firearms", "ammunition", "explosives", "drugs", "financial_fraud", "fake_documents",
    "hacking", "stolen_data", "violence_for_hire", "counterfeit_goods", "other",
]

# (display spelling, canonical model, canonical calibre)
PISTOLS = [
    ("Glock 19 Gen4", "Glock 19", "9x19"), ("Glock 19", "Glock 19", "9x19"),
    ("gl0ck 19", "Glock 19", "9x19"), ("Glock 17 Gen5", "Glock 17", "9x19"),
    ("GLOCK 26", "Glock 26", "9x19"), ("CZ 75 B", "CZ 75", "9x19"),
    ("Beretta 92FS", "Beretta 92", "9x19"), ("Beretta 92", "Beretta 92", "9x19"),
    ("Makarov PM", "Makarov PM", "9x18"), ("Makarov", "Makarov PM", "9x18"),
    ("Tokarev TT-33", "Tokarev TT-33", "7.62x25"), ("TT33 Tokarev", "Tokarev TT-33", "7.62x25"),
    ("Walther P99", "Walther P99", "9x19"), ("SIG Sauer P226", "SIG P226", "9x19"),
    ("Zastava M57", "Zastava M57", "7.62x25"), ("Colt 1911", "Colt 1911", ".45 ACP"),
]
RIFLES = [
    ("AK-47", "AK-47", "7.62x39"), ("AKM", "AKM", "7.62x39"), ("kalach", "AK-47", "7.62x39"),
    ("k4lash", "AK-47", "7.62x39"), ("Kalashnikov AKMS", "AKM", "7.62x39"),
    ("Zastava M70 AB2", "Zastava M70", "7.62x39"), ("AR-15", "AR-15", "5.56x45"),
    ("AR15 carbine", "AR-15", "5.56x45"), ("CZ Scorpion Evo 3", "CZ Scorpion Evo 3", "9x19"),
    ("Sa vz. 58", "Vz. 58", "7.62x39"), ("SKS", "SKS", "7.62x39"),
    ("Mosin-Nagant 91/30", "Mosin-Nagant", "7.62x54R"), ("Uzi", "Uzi", "9x19"),
]
SHOTGUNS = [("Mossberg 500", "Mossberg 500", "12"), ("Benelli M4", "Benelli M4", "12"),
            ("Baikal MP-153", "Baikal MP-153", "12")]
ALARM_PISTOLS = [("Zoraki 914", "Zoraki 914", "9x19"), ("Ekol Firat", "Ekol Firat", "9x19"),
                 ("Bruni 92", "Bruni 92", "9x19"), ("Retay 84FS", "Retay 84FS", "9x17")]
DEACTIVATED = [("Mauser 98k", "Mauser 98k"), ("MAS 36", "MAS 36"), ("Lee-Enfield No.4", "Lee-Enfield"),
               ("AKM", "AKM"), ("MP40", "MP40"), ("Sten Mk II", "Sten"), ("MAS 49/56", "MAS 49/56")]

CALIBRE_SPELLINGS = {
    "9x19": ["9x19", "9mm Para", "9 mm Luger", "9×19mm Parabellum", "9mm", "9x19 Para"],
    "9x18": ["9x18", "9x18 Makarov", "9mm Makarov"],
    "7.62x25": ["7.62x25", "7,62x25 Tokarev", "7.62x25mm"],
    ".45 ACP": [".45 ACP", "45ACP", ".45 Auto"],
    "7.62x39": ["7.62x39", "7,62x39", "7.62×39mm", "7.62x39 M43"],
    "5.56x45": ["5.56x45", "5,56 NATO", ".223 Rem", "5.56mm"],
    "7.62x54R": ["7.62x54R", "7,62x54R"],
    "12": ["calibre 12", "cal. 12/70", "12 gauge", "Kaliber 12/70", "12ga"],
    "9x17": ["9mm PAK", "9 mm P.A.K."],
}
AMMO_CALIBRES = ["9x19", "9x19", "9x19", "7.62x39", "7.62x39", ".45 ACP", "5.56x45", "9x18",
                 "7.62x25", "12", "7.62x54R"]
AMMO_TYPES = ["FMJ", "JHP", "FMJ", "HP", "soft point", "FMJ"]
DOC_COUNTRIES = {
    "fr": ["français", "belge", "italien", "espagnol", "suisse"],
    "en": ["UK", "US", "Canadian", "Dutch", "Irish"],
    "de": ["deutscher", "österreichischer", "polnischer", "tschechischer"],
}


@dataclass(frozen=True)
class Offer:
    label: str
    sublabel: str
    weight: float
    price_eur: tuple[float, float]  # per unit when qty is set, else per listing
    titles: dict[str, list[str]]
    desc: dict[str, list[str]]
    qty: str | None = None  # slot holding the quantity
    unit: str | None = None
    slots: tuple[str, ...] = field(default_factory=tuple)


def _o(label: str, sub: str, weight: float, price: tuple[float, float], titles: dict[str, list[str]],
       desc: dict[str, list[str]], qty: str | None = None, unit: str | None = None) -> Offer:
    return Offer(label, f"{label}.{sub}", weight, price, titles, desc, qty, unit)


OFFERS: list[Offer] = [
    # --- firearms
    _o("firearms", "handgun", 9, (650, 2400), {
        "fr": ["{pistol} + 2 chargeurs", "{pistol} {cal} neuf dans sa boîte", "{pistol} occasion, très bon état",
               "PA {pistol} {cal} – sans papiers", "{pistol} avec 50 cartouches"],
        "en": ["{pistol} {cal} + 2 mags", "{pistol} NIB, no papers", "{pistol} – clean, untraceable",
               "{pistol} {cal} with 50 rounds", "Used {pistol}, excellent condition"],
        "de": ["{pistol} {cal} inkl. 2 Magazine", "{pistol} neu & OVP", "{pistol} gebraucht, top Zustand",
               "{pistol} ohne WBK", "{pistol} + 50 Schuss"],
    }, {
        "fr": ["{pistol} en calibre {cal}, livré avec 2 chargeurs.", "Arme propre, numéro de série intact.",
               "Vendu sans papiers, remise en main propre possible en {region}."],
        "en": ["{pistol} chambered in {cal}, comes with two magazines.", "Serial intact, never fired since service.",
               "Sold without paperwork."],
        "de": ["{pistol} im Kaliber {cal}, mit zwei Magazinen.", "Seriennummer vorhanden, wenig geschossen.",
               "Verkauf ohne Papiere."],
    }),
    _o("firearms", "long_gun", 6, (900, 3800), {
        "fr": ["{rifle} {rcal} + 3 chargeurs", "Fusil d'assaut {rifle} – état neuf", "{rifle} crosse pliante",
               "Fusil à pompe {shotgun} {scal}"],
        "en": ["{rifle} {rcal} + 3 mags", "{rifle} rifle, like new", "{rifle} folding stock",
               "{shotgun} shotgun {scal}"],
        "de": ["{rifle} {rcal} mit 3 Magazinen", "Sturmgewehr {rifle} neuwertig", "{rifle} Klappschaft",
               "Vorderschaftrepetierer {shotgun} {scal}"],
    }, {
        "fr": ["{rifle} en {rcal}, complet, 3 chargeurs fournis.", "Provenance Balkans, très bon état."],
        "en": ["{rifle} in {rcal}, complete with three magazines.", "Balkan origin, very good condition."],
        "de": ["{rifle} in {rcal}, komplett mit drei Magazinen.", "Herkunft Balkan, sehr guter Zustand."],
    }),
    _o("firearms", "reactivated", 5, (700, 2600), {
        "fr": ["{rifle} remis en état de tir", "{pistol} réactivé – fonctionnel", "{rifle} ex-neutralisé, remis en état de tir",
               "Pistolet {pistol} remis en état de tir, livré avec 2 chargeurs"],
        "en": ["Reactivated {rifle} – fully functional", "{pistol} reactivated, test fired",
               "Ex-deactivated {rifle}, live again"],
        "de": ["{rifle} reaktiviert – voll funktionsfähig", "{pistol} reaktiviert, probegeschossen",
               "Ehemals Deko-{rifle}, wieder scharf"],
    }, {
        "fr": ["Arme ex-neutralisée remise en état de tir, testée.", "Marquages de neutralisation encore visibles."],
        "en": ["Formerly deactivated, now live and test fired.", "Deactivation proof marks still visible."],
        "de": ["Ehemals unbrauchbar gemacht, jetzt wieder schussfähig.", "Deko-Stempel noch sichtbar."],
    }),
    _o("firearms", "converted_alarm", 4, (350, 900), {
        "fr": ["Pistolet d'alarme {alarm} converti {cal}", "{alarm} converti – tir réel", "{alarm} 9mm PAK converti + munitions"],
        "en": ["Converted {alarm} blank pistol, live {cal}", "{alarm} conversion – shoots live", "{alarm} converted + ammo"],
        "de": ["Schreckschuss {alarm} umgebaut {cal}", "{alarm} umgebaut – scharf", "{alarm} SSW umgebaut + Munition"],
    }, {
        "fr": ["Pistolet d'alarme converti, vendu tel quel.", "Idéal petit budget."],
        "en": ["Converted blank-firing pistol, sold as is.", "Budget option."],
        "de": ["Umgebaute Schreckschusspistole, Verkauf wie gesehen.", "Günstige Option."],
    }),
    _o("firearms", "automatic_conversion", 3, (250, 1200), {
        "fr": ["Kit full-auto (switch) pour Glock", "Glock 17 converti en rafale", "Auto sear AR-15 (DIAS)"],
        "en": ["Glock switch – full auto conversion kit", "Auto sear for AR-15", "Full auto Glock 18 style conversion"],
        "de": ["Glock Switch – Vollautomatik-Umbausatz", "Auto Sear für AR-15", "Glock 17 auf Dauerfeuer umgebaut"],
    }, {
        "fr": ["Pièce vendue seule, expédition discrète.", "Stock limité."],
        "en": ["Part only, ships discreetly.", "Limited stock."],
        "de": ["Nur das Teil, diskreter Versand.", "Begrenzter Bestand."],
    }),
    _o("firearms", "parts", 4, (120, 900), {
        "fr": ["Canon {pistol} {cal}", "Carcasse {pistol} nue", "Silencieux {cal} filetage 1/2x28", "Upper complet AR-15 5.56"],
        "en": ["{pistol} barrel {cal}", "Stripped {pistol} frame", "Suppressor {cal} 1/2x28", "Complete AR-15 upper 5.56"],
        "de": ["Lauf für {pistol} {cal}", "{pistol} Griffstück leer", "Schalldämpfer {cal} M13.5x1", "AR-15 Oberteil komplett"],
    }, {
        "fr": ["Pièce d'origine, neuve.", "Compatible avec le modèle indiqué uniquement."],
        "en": ["Original part, new.", "Fits the listed model only."],
        "de": ["Originalteil, neu.", "Passt nur für das angegebene Modell."],
    }),
    _o("firearms", "unfinished_receiver", 2, (150, 450), {
        "fr": ["Lower 80% AR-15", "Carcasse 80% type Polymer80 PF940C"],
        "en": ["80% lower AR-15", "Polymer80 PF940C 80% frame", "80 percent lower receiver kit"],
        "de": ["80% Lower AR-15", "Polymer80 PF940C 80%-Rahmen"],
    }, {
        "fr": ["Pièce à 80 %, vendue sans gabarit."],
        "en": ["80% part, jig not included."],
        "de": ["80%-Teil, ohne Vorrichtung."],
    }),
    # --- ammunition
    _o("ammunition", "cartridges", 11, (0.6, 2.2), {
        "fr": ["{n} cartouches {acal} {atype}", "Boîte de {n} cartouches {acal}", "Munitions {acal} x{n}", "Lot {n} cartouches {acal} {atype}"],
        "en": ["{n} rounds {acal} {atype}", "Box of {n} {acal} {atype}", "{acal} ammo x{n}", "{n}rds {acal}"],
        "de": ["{n} Schuss {acal} {atype}", "Packung {n} Patronen {acal}", "Munition {acal} x{n}", "{n} Patronen {acal} {atype}"],
    }, {
        "fr": ["Munitions d'usine, boîtes scellées.", "Calibre {acal}, {n} cartouches par lot."],
        "en": ["Factory ammunition, sealed boxes.", "{acal}, {n} rounds per lot."],
        "de": ["Fabrikmunition, versiegelte Packungen.", "Kaliber {acal}, {n} Schuss pro Los."],
    }, qty="n", unit="rounds"),
    # --- explosives
    _o("explosives", "grenades", 2, (150, 500), {
        "fr": ["Grenade M75 (x{k})", "Grenades défensives ex-Yougoslavie x{k}"],
        "en": ["M75 hand grenade x{k}", "Frag grenades (Balkan) x{k}"],
        "de": ["Handgranate M75 x{k}", "Splitterhandgranaten (Balkan) x{k}"],
    }, {
        "fr": ["Stock ex-armée, vendu par {k}."], "en": ["Ex-army stock, sold by {k}."],
        "de": ["Ex-Armeebestand, Abgabe zu {k} Stück."],
    }, qty="k", unit="pieces"),
    _o("explosives", "high_explosives", 1.5, (300, 1500), {
        "fr": ["Plastic C4 500 g", "TNT pain de 200 g x{k}", "Détonateurs x{k}"],
        "en": ["C4 plastic explosive 500g", "TNT 200g block x{k}", "Detonators x{k}"],
        "de": ["Plastiksprengstoff C4 500 g", "TNT 200 g Block x{k}", "Zünder x{k}"],
    }, {
        "fr": ["Livraison uniquement en main propre."], "en": ["Hand delivery only."],
        "de": ["Nur persönliche Übergabe."],
    }),
    # --- drugs
    _o("drugs", "cannabis", 5, (6, 11), {
        "fr": ["Amnesia Haze {g} g", "Beuh indoor qualité top – {g} g", "Hash Jaune Mousseux {g} g"],
        "en": ["Amnesia Haze {g}g", "Top shelf indoor weed {g}g", "Moroccan hash {g}g"],
        "de": ["Amnesia Haze {g} g", "Indoor Gras Top-Qualität {g} g", "Haschisch Marokko {g} g"],
    }, {
        "fr": ["Récolte récente, sous vide."], "en": ["Fresh harvest, vacuum sealed."],
        "de": ["Frische Ernte, vakuumiert."],
    }, qty="g", unit="g"),
    _o("drugs", "cocaine", 4, (55, 90), {
        "fr": ["Cocaïne pure 90% – {g} g", "Coke écaille de poisson {g} g"],
        "en": ["Cocaine 90% pure – {g}g", "Fishscale cocaine {g}g"],
        "de": ["Kokain 90% rein – {g} g", "Koks Fischschuppe {g} g"],
    }, {
        "fr": ["Qualité constante, testée."], "en": ["Consistent quality, tested."],
        "de": ["Gleichbleibende Qualität, getestet."],
    }, qty="g", unit="g"),
    _o("drugs", "mdma", 3, (3, 8), {
        "fr": ["Ecstasy Tesla 250 mg x{p} pilules", "MDMA cristaux 84% – {g} g"],
        "en": ["Tesla XTC pills 250mg x{p}", "MDMA crystal 84% – {g}g"],
        "de": ["XTC Tesla 250 mg x{p} Pillen", "MDMA Kristalle 84% – {g} g"],
    }, {
        "fr": ["Pilules pressées, dosage constant."], "en": ["Pressed pills, consistent dose."],
        "de": ["Gepresste Pillen, gleichmäßig dosiert."],
    }, qty="p", unit="pills"),
    _o("drugs", "nps", 2, (8, 20), {
        "fr": ["3-MMC {g} g – research chemical", "2C-B 20 mg x{p}"],
        "en": ["3-MMC {g}g research chemical", "2C-B 20mg x{p}", "Etizolam pellets x{p}"],
        "de": ["3-MMC {g} g Research Chemical", "2C-B 20 mg x{p}"],
    }, {
        "fr": ["Vendu comme produit chimique de recherche."], "en": ["Sold as research chemical, not for human consumption."],
        "de": ["Verkauf als Forschungschemikalie."],
    }, qty="g", unit="g"),
    _o("drugs", "opioids", 2, (12, 40), {
        "fr": ["Oxycodone 80 mg x{p}", "Héroïne brune {g} g"],
        "en": ["Oxycodone 80mg x{p}", "Brown heroin {g}g", "Tramadol 200mg x{p}"],
        "de": ["Oxycodon 80 mg x{p}", "Heroin braun {g} g"],
    }, {
        "fr": ["Blisters d'origine."], "en": ["Original blisters."], "de": ["Original-Blister."],
    }, qty="p", unit="pills"),
    # --- financial fraud
    _o("financial_fraud", "cards", 3, (8, 30), {
        "fr": ["CVV FR gros solde x{k}", "Cartes bancaires FR avec CVV – lot de {k}"],
        "en": ["US CVV high balance x{k}", "Fresh EU CVV x{k}"],
        "de": ["CVV DE hohes Limit x{k}", "Kreditkarten EU mit CVV x{k}"],
    }, {
        "fr": ["Taux de validité garanti 80%."], "en": ["80% valid rate guaranteed."],
        "de": ["80% Gültigkeit garantiert."],
    }, qty="k", unit="cards"),
    _o("financial_fraud", "dumps", 2, (40, 120), {
        "fr": ["Dumps 101 Track 1&2 + PIN x{k}"], "en": ["Dumps 101/201 Track 1&2 with PIN x{k}"],
        "de": ["Dumps 101 Track 1&2 mit PIN x{k}"],
    }, {
        "fr": ["Base fraîche."], "en": ["Fresh base."], "de": ["Frische Basis."],
    }, qty="k", unit="dumps"),
    _o("financial_fraud", "bank_drops", 2, (250, 800), {
        "fr": ["Bank drop France (compte + carte)", "Compte bancaire ouvert au nom d'un tiers"],
        "en": ["UK bank drop (account + card)", "Verified bank drop, EU"],
        "de": ["Bankdrop Deutschland (Konto + Karte)", "Verifiziertes Drop-Konto"],
    }, {
        "fr": ["Accès en ligne fourni."], "en": ["Online banking access included."],
        "de": ["Onlinebanking-Zugang inklusive."],
    }),
    _o("financial_fraud", "counterfeit_currency", 2, (8, 15), {
        "fr": ["Faux billets 50 € x{k} qualité premium"], "en": ["Counterfeit $100 bills x{k}", "Fake 50 EUR notes x{k}"],
        "de": ["Falschgeld 50 EUR Scheine x{k}"],
    }, {
        "fr": ["Papier coton, passe le stylo."], "en": ["Cotton paper, passes the pen."],
        "de": ["Baumwollpapier, besteht den Stifttest."],
    }, qty="k", unit="notes"),
    # --- fake documents
    _o("fake_documents", "passport", 2, (900, 2500), {
        "fr": ["Passeport {doc} (original)", "Passeport {doc} enregistré"],
        "en": ["{doc} passport (real template)", "Registered {doc} passport"],
        "de": ["Reisepass {doc} (Original-Vorlage)", "Registrierter {doc} Reisepass"],
    }, {
        "fr": ["Délai 3 semaines."], "en": ["3 weeks turnaround."], "de": ["Lieferzeit 3 Wochen."],
    }),
    _o("fake_documents", "id_card", 2, (300, 900), {
        "fr": ["Carte d'identité {doc}", "CNI {doc} avec hologramme"],
        "en": ["{doc} ID card with hologram", "{doc} national ID card"],
        "de": ["Personalausweis {doc}", "{doc} Ausweis mit Hologramm"],
    }, {
        "fr": ["Hologramme et puce inclus."], "en": ["Hologram and chip included."],
        "de": ["Mit Hologramm und Chip."],
    }),
    _o("fake_documents", "driving_licence", 1.5, (250, 700), {
        "fr": ["Permis de conduire {doc}"], "en": ["{doc} driving licence"], "de": ["Führerschein {doc}"],
    }, {
        "fr": ["Scan ou physique au choix."], "en": ["Scan or physical, your choice."],
        "de": ["Scan oder physisch nach Wahl."],
    }),
    # --- hacking
    _o("hacking", "rat", 1.5, (80, 400), {
        "fr": ["RAT indétectable – licence à vie"], "en": ["FUD RAT lifetime license", "Android RAT – 3 months"],
        "de": ["RAT unentdeckbar – Lebenszeitlizenz"],
    }, {
        "fr": ["Mises à jour incluses."], "en": ["Updates included."], "de": ["Updates inklusive."],
    }),
    _o("hacking", "crypter", 1, (40, 150), {
        "fr": ["Crypter FUD 1 mois"], "en": ["FUD crypter – 1 month"], "de": ["FUD Crypter 1 Monat"],
    }, {
        "fr": ["Support 24/7."], "en": ["24/7 support."], "de": ["Support rund um die Uhr."],
    }),
    _o("hacking", "ddos", 1, (30, 200), {
        "fr": ["DDoS 1h – 100 Gbps"], "en": ["DDoS for hire – 1 hour 100Gbps", "Stresser access 30 days"],
        "de": ["DDoS-Angriff 1 Std. – 100 Gbps"],
    }, {
        "fr": ["Paiement à l'avance."], "en": ["Paid upfront."], "de": ["Vorkasse."],
    }),
    # --- stolen data
    _o("stolen_data", "combolist", 1.5, (15, 80), {
        "fr": ["Combo list 10M email:pass FR"], "en": ["Combolist 10M email:pass (fresh)"],
        "de": ["Combo-Liste 10 Mio. Mail:Pass DE"],
    }, {
        "fr": ["Fichier texte, dédupliqué."], "en": ["Text file, deduplicated."], "de": ["Textdatei, dedupliziert."],
    }),
    _o("stolen_data", "fullz", 1.5, (10, 40), {
        "fr": ["Fullz FR (nom, IBAN, date de naissance) x{k}"], "en": ["UK fullz with DOB and NI x{k}"],
        "de": ["Fullz DE (Name, IBAN, Geburtsdatum) x{k}"],
    }, {
        "fr": ["Données récentes."], "en": ["Recent data."], "de": ["Aktuelle Daten."],
    }, qty="k", unit="records"),
    _o("stolen_data", "database", 1, (100, 900), {
        "fr": ["Base de données e-commerce 2025 (2,1M lignes)"], "en": ["E-commerce database leak 2025 (2.1M rows)"],
        "de": ["Datenbank Onlineshop 2025 (2,1 Mio. Zeilen)"],
    }, {
        "fr": ["Export SQL complet."], "en": ["Full SQL dump."], "de": ["Vollständiger SQL-Dump."],
    }),
    _o("stolen_data", "rdp_access", 1, (15, 90), {
        "fr": ["Accès RDP admin entreprise FR"], "en": ["RDP access – US company, admin rights"],
        "de": ["RDP-Zugang Firma DE mit Adminrechten"],
    }, {
        "fr": ["Accès vérifié avant livraison."], "en": ["Checked before delivery."],
        "de": ["Vor Lieferung geprüft."],
    }),
    # --- violence for hire
    _o("violence_for_hire", "intimidation", 1, (1500, 9000), {
        "fr": ["Recouvrement de dettes « persuasif »", "Service d'intimidation – France"],
        "en": ["Intimidation service – EU", "Debt collection, persuasive"],
        "de": ["Inkasso mit Nachdruck", "Einschüchterungsservice DACH"],
    }, {
        "fr": ["Sur devis, contact avant commande."], "en": ["Quote on request, contact before ordering."],
        "de": ["Preis auf Anfrage, vorher Kontakt aufnehmen."],
    }),
    # --- counterfeit goods
    _o("counterfeit_goods", "watches", 2, (150, 450), {
        "fr": ["Rolex Submariner réplique AAA", "Montre Omega Seamaster copie 1:1"],
        "en": ["Rolex Submariner AAA replica", "Omega Seamaster 1:1 replica"],
        "de": ["Rolex Submariner Replika AAA", "Omega Seamaster 1:1 Kopie"],
    }, {
        "fr": ["Mouvement automatique, boîte incluse."], "en": ["Automatic movement, box included."],
        "de": ["Automatikwerk, mit Box."],
    }),
    _o("counterfeit_goods", "clothing", 1.5, (60, 250), {
        "fr": ["Doudoune Moncler replica", "Sneakers Nike Dunk copie"], "en": ["Moncler jacket replica", "Nike Dunk replica sneakers"],
        "de": ["Moncler Jacke Replika", "Nike Dunk Replika Sneaker"],
    }, {
        "fr": ["Toutes tailles."], "en": ["All sizes."], "de": ["Alle Größen."],
    }),
    _o("counterfeit_goods", "perfume", 1, (25, 70), {
        "fr": ["Parfum Chanel N°5 copie 100 ml"], "en": ["Chanel No.5 replica perfume 100ml"],
        "de": ["Chanel Nr. 5 Parfüm Kopie 100 ml"],
    }, {
        "fr": ["Flacon identique."], "en": ["Identical bottle."], "de": ["Identischer Flakon."],
    }),
    # --- other / legal
    _o("other", "deactivated_certified", 3, (350, 1400), {
        "fr": ["{deact} neutralisé, certificat UE", "{deact} neutralisé catégorie C, certificat banc d'épreuve"],
        "en": ["Deactivated {deact} with EU certificate", "{deact} – EU spec deactivated, certificate"],
        "de": ["{deact} Dekowaffe mit EU-Zertifikat", "{deact} unbrauchbar gemacht, Beschussamt-Zertifikat"],
    }, {
        "fr": ["Objet de collection neutralisé selon la norme UE 2015/2403, certificat fourni."],
        "en": ["Collector's item deactivated to EU 2015/2403 spec, certificate supplied."],
        "de": ["Sammlerstück, deaktiviert nach EU 2015/2403, Zertifikat liegt bei."],
    }),
    _o("other", "airsoft", 1.5, (90, 350), {
        "fr": ["Réplique airsoft M4 (1 joule)", "Réplique airsoft Glock 17 GBB"],
        "en": ["Airsoft M4 replica (1 joule)", "Airsoft Glock 17 GBB replica"],
        "de": ["Airsoft M4 Replika (0,5 Joule)", "Airsoft Glock 17 GBB"],
    }, {
        "fr": ["Réplique légale, orange tip."], "en": ["Legal replica, orange tip."],
        "de": ["Legale Softair, F-Zeichen."],
    }),
    _o("other", "accessories", 1.5, (20, 90), {
        "fr": ["Holster Kydex pour {pistol}", "Kit de nettoyage {cal}"],
        "en": ["Kydex holster for {pistol}", "Cleaning kit {cal}"],
        "de": ["Kydex-Holster für {pistol}", "Reinigungsset {cal}"],
    }, {
        "fr": ["Accessoire neuf."], "en": ["New accessory."], "de": ["Neues Zubehör."],
    }),
    _o("other", "books", 1, (15, 60), {
        "fr": ["Livre : Les armes de poing de la Grande Guerre", "Manuel de collection militaria (3e éd.)"],
        "en": ["Book: Small Arms of the Cold War", "Collector's guide to military surplus"],
        "de": ["Buch: Handfeuerwaffen des Kalten Krieges"],
    }, {
        "fr": ["Livre d'occasion, bon état."], "en": ["Used book, good condition."],
        "de": ["Gebrauchtes Buch, guter Zustand."],
    }),
]

# Category breadcrumbs as each market shows them: top label, then sublabel.
CATEGORY_NAMES = {
    "fr": {
        "firearms": "Armes", "ammunition": "Munitions", "explosives": "Explosifs", "drugs": "Drogues",
        "financial_fraud": "Fraude", "fake_documents": "Faux documents", "hacking": "Piratage",
        "stolen_data": "Données", "violence_for_hire": "Services", "counterfeit_goods": "Contrefaçons",
        "other": "Divers",
    },
    "en": {
        "firearms": "Weapons", "ammunition": "Ammo", "explosives": "Explosives", "drugs": "Drugs",
        "financial_fraud": "Fraud", "fake_documents": "Documents", "hacking": "Hacking & Malware",
        "stolen_data": "Data & Leaks", "violence_for_hire": "Services", "counterfeit_goods": "Counterfeits",
        "other": "Other",
    },
    "de": {
        "firearms": "Waffen", "ammunition": "Munition", "explosives": "Sprengstoff", "drugs": "Drogen",
        "financial_fraud": "Betrug", "fake_documents": "Dokumente", "hacking": "Hacking",
        "stolen_data": "Daten", "violence_for_hire": "Dienstleistungen", "counterfeit_goods": "Fälschungen",
        "other": "Sonstiges",
    },
}

SUBCATEGORY_NAMES = {
    "fr": {"handgun": "Pistolets", "long_gun": "Fusils", "reactivated": "Armes remises en état",
           "converted_alarm": "Alarmes converties", "automatic_conversion": "Conversions auto",
           "parts": "Pièces", "unfinished_receiver": "Pièces 80%", "cartridges": "Cartouches",
           "grenades": "Grenades", "high_explosives": "Explosifs brisants", "cannabis": "Cannabis",
           "cocaine": "Cocaïne", "mdma": "Ecstasy/MDMA", "nps": "RC", "opioids": "Opiacés",
           "cards": "CB/CVV", "dumps": "Dumps", "bank_drops": "Drops", "counterfeit_currency": "Faux billets",
           "passport": "Passeports", "id_card": "CNI", "driving_licence": "Permis", "rat": "RAT",
           "crypter": "Crypters", "ddos": "DDoS", "combolist": "Combos", "fullz": "Fullz",
           "database": "Bases", "rdp_access": "RDP", "intimidation": "Recouvrement",
           "watches": "Montres", "clothing": "Vêtements", "perfume": "Parfums",
           "deactivated_certified": "Armes neutralisées", "airsoft": "Airsoft",
           "accessories": "Accessoires", "books": "Livres"},
    "en": {"handgun": "Pistols", "long_gun": "Rifles & Shotguns", "reactivated": "Reactivated",
           "converted_alarm": "Converted blanks", "automatic_conversion": "Full auto",
           "parts": "Parts", "unfinished_receiver": "80% lowers", "cartridges": "Rounds",
           "grenades": "Grenades", "high_explosives": "High explosives", "cannabis": "Cannabis",
           "cocaine": "Cocaine", "mdma": "Ecstasy", "nps": "Research chemicals", "opioids": "Opioids",
           "cards": "CVV", "dumps": "Dumps", "bank_drops": "Drops", "counterfeit_currency": "Counterfeit money",
           "passport": "Passports", "id_card": "ID cards", "driving_licence": "Licences", "rat": "RATs",
           "crypter": "Crypters", "ddos": "DDoS", "combolist": "Combolists", "fullz": "Fullz",
           "database": "Databases", "rdp_access": "RDP", "intimidation": "Persuasion",
           "watches": "Watches", "clothing": "Clothing", "perfume": "Perfume",
           "deactivated_certified": "Deactivated", "airsoft": "Airsoft",
           "accessories": "Accessories", "books": "Books"},
    "de": {"handgun": "Kurzwaffen", "long_gun": "Langwaffen", "reactivated": "Reaktiviert",
           "converted_alarm": "Umbauten SSW", "automatic_conversion": "Vollauto",
           "parts": "Teile", "unfinished_receiver": "80%-Teile", "cartridges": "Patronen",
           "grenades": "Granaten", "high_explosives": "Sprengmittel", "cannabis": "Cannabis",
           "cocaine": "Kokain", "mdma": "Ecstasy", "nps": "RCs", "opioids": "Opioide",
           "cards": "CVV", "dumps": "Dumps", "bank_drops": "Drops", "counterfeit_currency": "Falschgeld",
           "passport": "Reisepässe", "id_card": "Ausweise", "driving_licence": "Führerscheine", "rat": "RATs",
           "crypter": "Crypter", "ddos": "DDoS", "combolist": "Combos", "fullz": "Fullz",
           "database": "Datenbanken", "rdp_access": "RDP", "intimidation": "Inkasso",
           "watches": "Uhren", "clothing": "Kleidung", "perfume": "Parfum",
           "deactivated_certified": "Dekowaffen", "airsoft": "Softair",
           "accessories": "Zubehör", "books": "Bücher"},
}

# Shipping countries: ISO code (or EU / WW for "Europe" / "worldwide") -> name per language.
COUNTRIES = {
    "FR": {"fr": "France", "en": "France", "de": "Frankreich"},
    "BE": {"fr": "Belgique", "en": "Belgium", "de": "Belgien"},
    "DE": {"fr": "Allemagne", "en": "Germany", "de": "Deutschland"},
    "NL": {"fr": "Pays-Bas", "en": "Netherlands", "de": "Niederlande"},
    "ES": {"fr": "Espagne", "en": "Spain", "de": "Spanien"},
    "CH": {"fr": "Suisse", "en": "Switzerland", "de": "Schweiz"},
    "AT": {"fr": "Autriche", "en": "Austria", "de": "Österreich"},
    "PL": {"fr": "Pologne", "en": "Poland", "de": "Polen"},
    "CZ": {"fr": "Tchéquie", "en": "Czech Republic", "de": "Tschechien"},
    "RS": {"fr": "Serbie", "en": "Serbia", "de": "Serbien"},
    "GB": {"fr": "Royaume-Uni", "en": "United Kingdom", "de": "Vereinigtes Königreich"},
    "US": {"fr": "États-Unis", "en": "United States", "de": "USA"},
    "IT": {"fr": "Italie", "en": "Italy", "de": "Italien"},
    "EU": {"fr": "Europe", "en": "EU", "de": "EU"},
    "WW": {"fr": "Monde entier", "en": "Worldwide", "de": "Weltweit"},
}
SHIPS_FROM = {
    "fr": ["FR", "FR", "FR", "BE", "ES", "NL", "RS", "DE"],
    "en": ["NL", "GB", "US", "DE", "NL", "PL", "RS", "CZ"],
    "de": ["DE", "DE", "AT", "PL", "CZ", "NL", "RS"],
}
SHIPS_TO = {
    "fr": ["FR", "BE", "CH", "EU", "WW", "ES", "IT"],
    "en": ["WW", "EU", "GB", "US", "DE", "NL"],
    "de": ["DE", "AT", "CH", "EU", "WW", "PL"],
}
REGIONS = ["Île-de-France", "région lyonnaise", "région PACA", "Nord", "Alsace"]
GENERIC_LINES = {
    "fr": ["Envoi discret sous 48 h.", "Paiement en BTC ou XMR uniquement.", "Escrow obligatoire pour les nouveaux acheteurs.",
           "Pas de FE (finalize early).", "Colis suivi, emballage neutre.", "Réponse aux messages sous 24 h."],
    "en": ["Stealth shipping within 48h.", "BTC or XMR only.", "Escrow only for new buyers.",
           "No FE unless 50+ sales with me.", "Tracked shipping, vacuum sealed.", "I answer messages within 24h."],
    "de": ["Diskreter Versand innerhalb 48 Std.", "Nur BTC oder XMR.", "Treuhand für Neukunden.",
           "Kein FE.", "Versand mit Tracking, neutral verpackt.", "Antwort auf Nachrichten innerhalb 24 Std."],
}
FEEDBACK = {
    "fr": {5: ["Top vendeur, colis reçu en 3 jours.", "Parfait, rien à dire.", "Conforme à la description, merci !",
               "Très pro, je recommande.", "Emballage nickel, A+++"],
           4: ["Bien reçu, un peu de retard.", "Bon produit, communication moyenne."],
           3: ["Correct sans plus.", "Livraison longue."],
           2: ["Produit pas conforme.", "Délai énorme, vendeur peu réactif."],
           1: ["Jamais reçu. Arnaque.", "Scam, à éviter !"]},
    "en": {5: ["Great vendor, arrived in 3 days.", "Perfect, 10/10.", "As described, thanks!",
               "Super stealthy, will buy again.", "A+++ fast shipping"],
           4: ["Good, bit slow.", "Product ok, comms could be better."],
           3: ["Average.", "Took two weeks."],
           2: ["Not as described.", "Very slow, vendor unresponsive."],
           1: ["Never arrived. Scam.", "Exit scammer, avoid!"]},
    "de": {5: ["Top Verkäufer, nach 3 Tagen da.", "Alles perfekt.", "Wie beschrieben, danke!",
               "Sehr diskret, gerne wieder.", "A+++ schneller Versand"],
           4: ["Gut, etwas langsam.", "Ware ok, Kommunikation mittel."],
           3: ["Durchschnittlich.", "Hat zwei Wochen gedauert."],
           2: ["Nicht wie beschrieben.", "Sehr langsam, keine Antwort."],
           1: ["Nie angekommen. Betrug.", "Scammer, Finger weg!"]},
}
