"""Everyday goods that share a word with a weapon, ammunition, explosive or drug (a cylinder head
is a "culasse", a ratchet a "Knarre", a bread roll a "pistolet", pomegranates are "grenades") are
masked as one look-alike token before any feature or rule reads them. Each list holds the phrases
one model learnt from the blind sets scored on the model before it."""

from __future__ import annotations

import pytest

from veille.classify.lexicon import default_taxonomy
from veille.classify.normalize import normalize

MASKED_BY_MODEL: dict[int, list[str]] = {
    23: [
        "pistolet d'arrosage Gardena + enrouleur 20m", "Micrófono shotgun para cámara",
        "Nerf Rival + 40 balles en mousse", "MOLLE ammo pouch x4 coyote",
        "Grenade Carb Killa bars x24",
    ],
    24: [
        "Speed boat 17ft with trailer", "Ice packs reusable x10 for lunch boxes",
        "Hash browns 2,5kg", "Blow dryer Dyson Supersonic", "Gun metal grey alloys 17in",
        "Cañón de confeti para bodas", "Mortier et pilon en marbre", "Hanfsamen geschält 1kg",
        "vends cartouches vapo Vaporesso",
    ],
    25: [
        "Citroën C4 Picasso 2013 1.6 HDi", "Fusil de chasse sous-marine Beuchat 90 cm",
        "Denon AVR-X2800H AV receiver 7.2", "Magnum of Moët 1.5L in gift box",
        "Knarre 1/2 Zoll mit Nusssatz (Hazet)", "Karabinerhaken Edelstahl 10 Stück",
        "Escape silenciador Leovince para Vespa", "Camiseta Granada CF 2023/24",
        "3 Browning trail cams",
    ],
    26: [
        "Culasse moteur 1.9 TDI refaite", "Calibre pie de rey digital 150 mm",
        "Vends pistolets et couques au beurre", "Cuete de res 2 kg",
        "Ortofon 2M Red turntable cartridge", "slug pellets 1kg, pet-safe",
        "CO2-Patronen 16g für Fahrradpumpe", "Remington beard trimmer",
        "Sac de coke pour forge 25 kg", "Snow chains 225/45 R17",
        "Passport holder + luggage tag set", "Revell 1:72 Spitfire replica model kit",
        "Cuentas de madera para bisutería", "Transfert aéroport CDG/Orly",
    ],
    27: [
        "Fusil à aiguiser de boucher 30 cm", "Cartouche mitigeur 40 mm céramique",
        "Cartucho grifo monomando 35mm", "Thoroughbred colt, 2 yo",
        "Bomberjacke Alpha Industries MA-1", "Granatäpfel aus der Türkei, Kiste 4kg",
    ],
    28: [
        "Pistolets belges frais du matin", "cartouches filtrantes Brita Maxtra x6",
        "Donne chaton tigré qui s'appelle Kalash", "Remington PROluxe hair straightener",
        "Pistol shrimp + goby pair", "AK-I tufting gun, cut pile", "Panzerglas iPhone 15 Pro",
        "Roggenschrot grob 5 kg", "Bomba de agua periférica 1/2 HP",
        "Balas de oxígeno medicinal 10 L", "Cartuchos blancos para ramo de novia",
        "Nintendo clásico con pistola Zapper",
    ],
    29: [
        "Pistolet de distribution gasoil", "Radar speed gun for cricket",
        "Royal Enfield Bullet 350", "Caldera Beretta Ciao de gas", "Steyr Traktor 8075",
        "Waffeleisen für belgische Waffeln", "Kugellager 6204 2RS", "Canon de serrure 30x40",
        "Cartuchos de gas Campingaz CV 470", "Balles de foin 1ère coupe",
        "Semtex energy drink, 24 cans", "Blüten 50er Scheine, Top-Kaliber",
    ],
    30: [
        "Mortier colle carrelage C2 25 kg", "Canon de Pachelbel, partition",
        "Tourelle revolver 4 objectifs", "Pop rivet gun heavy duty", "Ear piercing gun kit",
        "Bullet camera 4MP PoE", "Laufschuhe Asics", "Tour Cañón del Colca",
        "Pistolet drogueur vétérinaire", "Chevrolet Beretta GT 1992", "Glockenspiel für Kinder",
        "Pistola de engrase neumática", "Fusil à pompe, 800 balles cash",
    ],
    31: [
        "Douilles à pâtisserie inox", "C4 Original pre-workout", "Claymore vol. 1-27 manga",
        "Rain barrel 200L", "Lötpistole Weller 100W", "Schneekanone für kleines Skigebiet",
        "Peta Zetas caramelo explosivo", "Casquillo E27 cerámico", "Steyr Waffenrad 1950er",
        "Simson S51 Moped", "Cebador para fluorescente",
    ],
}


@pytest.mark.parametrize("text", [pytest.param(t, id=f"model{m}-{t[:30]}")
                                  for m, texts in MASKED_BY_MODEL.items() for t in texts])
def test_everyday_goods_that_share_an_illicit_word_are_masked(text: str) -> None:
    assert "zzlookalike" in default_taxonomy().mask(normalize(text))
