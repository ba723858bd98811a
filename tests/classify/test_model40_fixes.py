"""Models 40 to 48: everyday goods named in the title (data/everyday_goods.toml), legal
substances sold by weight (data/legal_substances.toml), and the fixes read from blind sets CB to
DG after their one scoring. The biased classifier makes the rule, not
the weights, decide."""

from __future__ import annotations

import re

import pytest

from tests.classify.biased import biased_label as _label
from veille.classify.lexicon import Taxonomy, _word_list_pattern, data_path, default_taxonomy
from veille.classify.normalize import normalize


def _goods() -> re.Pattern[str]:
    return re.compile(_word_list_pattern("everyday_goods.toml"))


@pytest.mark.parametrize("title", [
    "Kimber Kable 8TC speaker cable 2.5m", "Saxophone silencer practice mute",
    "Anschütz Kreiselkompass Schiff",  # a German compound ending in a goods noun
    "Jagdbekleidung Set Blaser", "Vestido largo azul talla 38", "Tank à lait 1000 L",
])
def test_goods_nouns_are_found(title: str) -> None:
    assert _goods().search(normalize(title)), title


@pytest.mark.parametrize("title", [
    # Compound heads and plural endings that once matched inside weapon and drug words.
    "5,56 NATO auf Ladestreifen", "Eisen zu verkaufen, 7,65", "Bombes d'artifice usage pro",
    "DutchDuster Probier Pack", "Anti-tank mine TM-62", "j'ai un .357 Manurhin num limés",
    "Glock Auto-Switch ab Lager", "Cerberus Pharma T6 x 50 Tablets",
])
def test_goods_pattern_leaves_weapon_and_drug_words_alone(title: str) -> None:
    assert not _goods().search(normalize(title)), title


@pytest.mark.parametrize(("first", "title", "text", "expected"), [
    # Goods named in the title with a maker, a calibre or a part word: the goods.
    ("firearms", "Kimber Kable 8TC speaker cable 2.5m", "", "other"),
    ("firearms", "", "Schalldämpfer für Trompete (Silent Brass), wie neu, 80€", "other"),
    ("firearms", "9mm plywood sheets 8x4", "20 sheets, pick up from yard.", "other"),
    ("firearms", "Vestido largo azul talla 38", "Lo llevé de carabina en la boda, 40 €", "other"),
    # ...but not when the title names a gun, a gun model or rounds.
    ("firearms", "Gilet de chasse + fusil Beretta", "", "firearms"),
    ("firearms", "Beretta 92FS avec sac à dos", "", "firearms"),
    ("ammunition", "Cartouche thermostatique + 50 cartouches 9mm", "", "ammunition"),
    # Goods read as drugs, unless a drug or a drug weight is named.
    ("drugs", "Tank à lait 1000 L avec groupe froid", "", "other"),
    ("drugs", "Chocolate bars, 10 pack", "Each bar 200mg THC, lab tested.", "drugs"),
    ("drugs", "1g Wedding cheese cookies", "", "drugs"),
    # Goods with an explosive word, unless a detonator, quarry or military word is there.
    ("explosives", "Juego de mesa Pasa la Bomba completo", "", "other"),
    ("explosives", "Minecraft TNT block night light", "USB, for kids' rooms.", "other"),
    ("explosives", "TNT blocks from a quarry, with detonators", "", "explosives"),
    # A post that opens with a count of rounds sells the rounds.
    ("firearms", "", "Habe 3.000 Schuss 9mm + 1.000 Schuss .40 S&W abzugeben", "ammunition"),
    ("ammunition", "", "Got 500 rounds of 7.62x54R on stripper clips, fits Mosin, £200", "ammunition"),
    ("explosives", "", "got 600 rds of .308 M80 ball milsurp, no ID check", "ammunition"),
    # A gun named first keeps its rounds as an extra; an empty magazine is not rounds.
    ("firearms", "CZ Shadow 2 inkl. 100 Schuss", "", "firearms"),
    ("firearms", "Vends Beretta 92 avec boîte de 50 cartouches 9mm", "", "firearms"),
    ("firearms", "Magazin Glock 17, 33 Schuss, leer", "Ohne Munition.", "other"),
    # Bare counts next to a calibre.
    ("firearms", ".22LR vrac 1000", "", "ammunition"),
    ("firearms", "7,62x39 x500 sans permis", "", "ammunition"),
    ("firearms", "7.62x54R surplus tins", "", "ammunition"),
    ("firearms", "5.56 OTAN en lames", "", "ammunition"),
    ("other", "Oreiller en balle d'épeautre bio 40x60", "", "other"),
    ("firearms", "MOLOT VEPR 7.62x54R", "", "firearms"),
    # A calibre title over counted boxes in the text; a gun title over the same is a gun.
    ("ammunition", ".308 Win de caza", "Norma Oryx, 6 cajas, sobrante de la temporada.", "ammunition"),
    ("ammunition", "Tcp 380", "Great little carry gun, barely used.", "firearms"),
    # Cartridges for a named gun, and "for" further after the calibre.
    ("firearms", "9mm Luger 50er Pack für Glock 19", "", "ammunition"),
    ("firearms", "Canon 9mm pour Glock 17 fileté", "", "firearms"),
    # Models 42-43 (read from CF to CM): a masked everyday collocation counts as goods...
    ("firearms", "Remington cordless hair clipper, barely used", "", "other"),
    # ...homes, tickets and boats are goods, but a threat of a "house visit" is no house for sale.
    ("drugs", "Hunter 27 sailboat", "1988, Yanmar diesel, new sails.", "other"),
    ("drugs", "", "We do intimidation: threats delivered in person, house visits", "violence_for_hire"),
    # A WBK template is a forged document; a rifle sold only on showing a WBK is a rifle.
    ("firearms", "Waffenbesitzkarte (WBK) Vorlage editierbar + Stempel", "", "fake_documents"),
    ("firearms", "Jagdrepetierer Sauer 101 .308 Win – nur an WBK-Inhaber",
     "Überlassung nur gegen Vorlage der WBK.", "firearms"),
    # Rounds sold in belts or sealed crates, or "for your rifle" after the calibre.
    ("firearms", "7.62x39 caisse de 1000 sous scellés", "", "ammunition"),
    ("firearms", "", "Dispo .308 Win en bandes de 200, parfait pour ton fusil.", "ammunition"),
    # Tools named by what they shoot.
    ("firearms", "Pneumatic needle gun scaler, 19 needles", "", "other"),
    # Model 44 (read from CN to CQ): a gun whose shells come "included" or "dabei" is the gun.
    ("firearms", "", "selling remington 870 pump 12ga, 2 boxes shells included, cash only", "firearms"),
    ("firearms", "", "Verkaufe Pumpgun Mossberg 590, 2 Schachteln Schrot dabei", "firearms"),
    # A Waffenreinigungsset "mit" brushes is a cleaning kit, not a gun with extras.
    ("other", "Waffenreinigungsset mit Messingbürsten, alle Kaliber", "", "other"),
    ("firearms", "Armoire forte 10 armes longues, serrure à clé + code", "", "other"),
    # A forged licence "con guía" is still forged; the guía names what a gun comes with.
    ("other", "Licencia de armas tipo D falsificada, con guía de pertenencia", "", "fake_documents"),
    # Bricks of rounds and counted shells.
    ("firearms", ".22 LR brique de 500", "", "ammunition"),
    ("stolen_data", "", "Buckshot + slugs mixed lot 12/70, approx 150 shells", "ammunition"),
    # Model 45 (read from CR to CU): sealed metal boxes of rounds (model 44 made them a gun),
    # "sur lames-chargeurs" in their hundreds (an accessory), a pump shotgun named "escopeta de
    # corredera" (not a slide sold alone).
    ("ammunition", "7,62x39 boîte métal scellée 1440", "", "ammunition"),
    ("ammunition", "7,62x39 sur lames-chargeurs, 1000 pcs", "", "ammunition"),
    ("firearms", "", "Cartuchos 12/70 de postas para escopeta de corredera, 5 cajas, 60 €", "ammunition"),
    # A bipod or a hard case named first is an accessory; rolling tobacco in "pots" is tobacco.
    ("firearms", "Bípode Harris para rifle", "70 € envío incluido", "other"),
    ("firearms", "Maletín rígido para rifle con candado", "", "other"),
    ("drugs", "", "Tabac à rouler 500g ramené d'Andorre, 3 pots, 70€", "other"),
    ("drugs", "Tabac à rouler + weed", "", "drugs"),
    # A counted box of tobacco is not a box of rounds.
    ("other", "", "Tabaco de liar 40g, precio por caja de 10", "other"),
    # Model 46 (read from CV to CY): spices, foods and materials sold by weight
    # (data/legal_substances.toml), unless a drug is named or the word is also a drug's name.
    ("drugs", "Cannelle de Ceylan moulue 250 g", "", "other"),
    ("drugs", "Weizenmehl Type 550, 10 kg", "", "other"),
    ("drugs", "Nuez moscada entera 100 g", "", "other"),
    ("drugs", "Rice Krispie treats 500mg THC", "", "drugs"),
    ("drugs", "Bath salts 1g", "", "drugs"),
    ("drugs", "Resina marroquí 25 g", "", "drugs"),
    # Debts collected by a visit are intimidation; by a lawyer or a court, a lawful service.
    ("other", "", "Impayés ? On rend visite à votre débiteur, paiement garanti", "violence_for_hire"),
    ("financial_fraud", "Deudas sin cobrar? Pasamos a visitar al deudor", "", "violence_for_hire"),
    ("violence_for_hire", "Recouvrement de créances par voie judiciaire",
     "Cabinet d'avocats, sans avance de frais.", "other"),
    ("violence_for_hire", "Debt collection, no courts", "We make them pay.", "violence_for_hire"),
    # Fireworks without a CE mark are not the shop kind; forged licences made to order.
    ("explosives", "Feux d'artifice sans marquage CE, import Pologne", "", "explosives"),
    ("explosives", "Feux d'artifice F2 marquage CE, Nouvel An", "", "other"),
    ("other", "", "On fait des permis de port d'armes avec tampons officiels, remise en main propre",
     "fake_documents"),
    # A building or goods "umgebaut" is not a converted gun; a Zoraki is.
    ("firearms", "Umgebauter Bauwagen als Gartenhaus", "", "other"),
    ("firearms", "Zoraki 925 umgebaut auf scharf", "", "firearms"),
    ("firearms", "Fully automatic chicken incubator 30 eggs", "", "other"),
    # Thousands of rounds ("3k"), and packs of a hundred ("jeweils 100er"), are ammunition.
    ("other", "", "clearing out 9mm, about 3k rounds, pick up only", "ammunition"),
    ("ammunition", "", "biete 9x19 und .45 ACP, jeweils 100er, nur Abholung", "ammunition"),
    # Model 47 (read from CZ to DC): bangers and grenades that are not the legal or inert kind.
    ("other", "Kanonenschläge 10 Stück, Restposten", "", "explosives"),
    ("explosives", "Kanonenschläge aus Polen, nicht zugelassen", "", "explosives"),
    ("explosives", "Grenade défensive non démilitarisée", "", "explosives"),
    # Gun oil is a cleaning product; a genuine blank licence form is a forged licence.
    ("firearms", "Ballistol Waffenöl 200 ml", "", "other"),
    ("firearms", "Waffenbesitzkarte mit Eintragung, echtes Formular", "", "fake_documents"),
    # Slugs and buckshot "for" a named shotgun are rounds; rounds joined to rounds stay rounds,
    # and a gun joined to rounds stays a gun.
    ("firearms", "Buckshot for my Benelli M4", "5 boxes of 10, local pickup", "ammunition"),
    ("firearms", "Glock 19 + 2 boîtes de 50", "", "firearms"),
    # Boat rod holders called "rocket launchers", ballistic gel and nuts by weight.
    ("explosives", "4-rod rocket launcher rod holders for a T-top", "", "other"),
    ("drugs", "Ballistic gel block 20% 5 kg", "", "other"),
    ("drugs", "Almendra marcona 2 kg", "", "other"),
    # Model 48 (read from DD to DG): shooting lessons and vouchers with the guns supplied on
    # site are a range's service; selling the club's gun is still a gun.
    ("firearms", "Gift voucher: clay shooting lesson for two",
     "Guns and cartridges supplied by the ground.", "other"),
    ("ammunition", "", "Cours d'initiation au tir sportif, armes du club fournies, moniteur diplômé",
     "other"),
    ("firearms", "", "Vendo escopeta del club, curso de tiro incluido", "firearms"),
    # Fireworks called illegal are explosives; legal F2 ones are not.
    ("other", "", "Viper 12 und Cobra 6, nicht legal, nur Abholung", "explosives"),
    ("other", "Böller F2, legal, Silvester", "", "other"),
    # A stock sold alone is an accessory; det cord with a blasting machine stays explosive.
    ("firearms", "Gewehrschaft Walnuss für K98", "", "other"),
    ("explosives", "", "Sprengschnur 50 m und Zündmaschine, Restposten", "explosives"),
    # Hundreds of rounds ("500rd") and sealed tins are ammunition; "15rd" is a magazine.
    ("firearms", "", "9mm 124gr FMJ 500rd, fits any 9mm pistol", "ammunition"),
    ("firearms", "Glock 19 9mm 15rd mag", "", "firearms"),
    ("other", "", "restocked 7.62x39 in sealed tins, 700 per tin, escrow", "ammunition"),
    # Masked look-alikes: party poppers, a Santa Cruz Heckler bike.
    ("drugs", "Party poppers 50 pack", "", "other"),
    ("firearms", "Santa Cruz Heckler 2022, size M", "", "other"),
    # Model 49 (read from DH to DK): rounds left from a gun already sold, "200 de chaque",
    # ".308 x 1000" are rounds; a gun "con 2 cajas" is still a gun.
    ("firearms", "", "Munición 9 mm, 3 cajas de 50, de la pistola que ya vendí, 40 € caja", "ammunition"),
    ("firearms", "Glock 17 con 2 cajas de munición", "", "firearms"),
    ("firearms", "", ".45 ACP et 9 mm, 200 de chaque, 150 € le tout", "ammunition"),
    ("firearms", ".308 x 1000 no questions", "", "ammunition"),
    # A starting pistol for athletics; a stock sold alone, but not a Kalach's folding stock.
    ("firearms", "", "Pistola detonadora para salidas de atletismo, con su caja, 60 €", "other"),
    ("firearms", "Crosse noyer pour fusil superposé, crosse seule", "", "other"),
    ("firearms", "Kalach AKMS crosse pliante", "", "firearms"),
    # An AR barrel and upper stay a gun part when the parcel says bike parts.
    ("firearms", "Spare AR barrel and complete upper, shipped as bike parts", "", "firearms"),
    ("firearms", "Las redes son un arma de doble filo", "", "other"),
])
def test_boundaries_models_40_to_49(first: str, title: str, text: str, expected: str) -> None:
    assert _label(first, title, text) == expected


def test_terms_of_sets_cb_to_ci_and_cz_to_dc() -> None:
    tax = default_taxonomy()

    def labels(text: str) -> set[str]:
        return {s.split(".", 1)[0] for s in tax.sublabel_hits(tax.mask(normalize(text)))}

    # A cartridge named after a gun maker is a calibre, not the maker's pistol.
    assert labels("9x18 Makarov") == {"~calibre"}
    assert "firearms" in labels("AK47 neutralisé remis en état, tire parfaitement")
    assert "firearms" in labels("Vendo pistola Astra 400, sin guía")
    assert "firearms" in labels("Vendo Astra 400 sin guía")  # a gun without its Spanish papers
    assert "violence_for_hire" in labels("Debt persuasion - visits arranged")
    assert "financial_fraud" in labels("Fausses coupures de 50€")
    assert "explosives" in labels("Tovex sticks from a quarry job")
    assert "zzlookalike" in tax.mask(normalize("Mon tracteur a passé l'arme à gauche"))
    # Model 47: data words of the wave CZ to DC, and Spanish "cartucho" in its other senses.
    assert "stolen_data" in labels("Logs bancarios + cookies")
    assert "stolen_data" in labels("Mitgliederliste Schützenverein, 12k Datensätze")
    assert "zzlookalike" in tax.mask(normalize("Cartucho de castañas asadas, 12 uds"))
    assert "zzlookalike" in tax.mask(normalize("Nikon D3200, pour faire ses premières armes"))


def test_a_bad_word_list_is_refused_naming_the_file(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "data"
    folder.mkdir()
    for src in data_path("taxonomy.toml").parent.glob("*.toml"):
        (folder / src.name).write_text(src.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "everyday_goods.toml").write_text('[en]\nwords = "sofa"\n', encoding="utf-8")
    monkeypatch.setattr("veille.classify.lexicon.data_path", lambda name: folder / name)
    with pytest.raises(ValueError, match=r"everyday_goods\.toml.*\[en\] words"):
        Taxonomy.load(folder / "taxonomy.toml")
    (folder / "everyday_goods.toml").write_text("[en\nwords = [", encoding="utf-8")
    with pytest.raises(ValueError, match="everyday_goods.toml"):
        Taxonomy.load(folder / "taxonomy.toml")
