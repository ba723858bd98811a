"""Prices, quantities, firearms and calibres: normalised, multilingual, obfuscated."""

from __future__ import annotations

import pytest

from veille.extract import extract


def _one(text: str, kind: str) -> list[str]:
    return [m.value for m in extract(text, kinds=[kind])]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Prix : 1 450,50 €", "1450.5 EUR"),
        ("Preis 1.200,00 EUR", "1200 EUR"),
        ("Preis 1.200 EUR", "1200 EUR"),
        ("price $1,450.50", "1450.5 USD"),
        ("only 200$", "200 USD"),
        ("£39.50 each", "39.5 GBP"),
        ("CHF 1'250.00", "1250 CHF"),
        ("0.04304302 BTC", "0.04304302 BTC"),
        ("0.500 BTC", "0.5 BTC"),
        ("2,5 XMR", "2.5 XMR"),
        ("ETH 1.25", "1.25 ETH"),
        ("350 euros", "350 EUR"),
        ("precio: 90 dólares", "90 USD"),
        ("With Scope $750Text Preferred", "750 USD"),  # Armslist: a capitalised word glued on
    ],
)
def test_prices(text: str, value: str) -> None:
    assert _one(text, "price") == [value]


def test_not_prices() -> None:
    assert _one("ETH 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "price") == []
    assert _one("Account (฿0.0000)", "price") == []
    assert _one("USDC is a token", "price") == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("25g", "25 g"),
        ("1kg", "1000 g"),
        ("1,5 kilos", "1500 g"),
        ("100 pills", "100 pill"),
        ("50 Tabletten", "50 pill"),
        ("500 rounds", "500 round"),
        ("1000 cartouches", "1000 round"),
        ("200 Schuss", "200 round"),
        ("100 cartuchos", "100 round"),
        ("3 boîtes", "3 box"),
        ("2 boxes", "2 box"),
        ("10 mg", "10 mg"),
    ],
)
def test_quantities(text: str, value: str) -> None:
    assert _one(text, "quantity") == [value]


def test_quantities_glued_list_and_non_quantities() -> None:
    assert _one("Quantities available25g50g100g250g", "quantity") == [
        "25 g", "50 g", "100 g", "250 g"]
    assert _one("4G LTE phone", "quantity") == []
    assert _one("Samsung Galaxy 5G unlocked", "quantity") == []
    assert _one("x.5g 1,.5g 10 gsm paper, 3 Gummies", "quantity") == []
    assert _one("3rd gen, on 23rd street", "quantity") == []
    assert _one("Taurus PT111 G2", "quantity") == []
    assert _one("Ruger 10/22 oz", "quantity") == ["22 oz"]  # not a fraction of an ounce


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # Dream 2017 cocaine titles: vendors write grams in capitals.
        ("1G COCAINE 90%", "1 g"),
        ("25G COCAINE 89% - STRAIGHT FROM THE BRICK-", "25 g"),
        ("0.5G PERUVIAN COKE 90%+", "0.5 g"),
        ("5G SPEED PASTE", "5 g"),
        ("Columbian Flake Cocaine - 75 % ~ 82% - 3.5G", "3.5 g"),
        (".5g crack cocaine Lab Tested", "0.5 g"),
        ("(.25g) sample", "0.25 g"),
        ("100gCocaine Bolivien Flex 92%", "100 g"),
        ("2 gs 93% Pure Cocaine", "2 g"),
        ("***** 3.5 gm uk to uk", "3.5 g"),
        # Agora and Armslist: fractions of an ounce, rounds written "rd".
        ("1/2 oz of kush", "0.5 oz"),
        ("1/8oz", "0.125 oz"),
        ("Ignore the 10rd in the pic", "10 round"),
        ("13rd mag", "13 round"),
    ],
)
def test_capital_g_is_grams_outside_network_talk(text: str, value: str) -> None:
    assert _one(text, "quantity") == [value]
    assert _one("9mm pistol", "quantity") == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Glock 19 Gen5", "Glock 19"),
        ("glock19", "Glock 19"),
        ("GL0CK 17 for sale", "Glock 17"),
        ("Glock G26", "Glock 26"),
        ("AK-47", "AK-47"),
        ("ak47", "AK-47"),
        ("Kalachnikov", "AK-47"),
        ("kalach", "AK-47"),
        ("k4lash", "AK-47"),
        ("AKM", "AKM"),
        ("AR-15", "AR-15"),
        ("ar15 lower", "AR-15"),
        ("CZ Scorpion Evo 3", "CZ Scorpion"),
        ("Makarov PM", "Makarov PM"),
        ("Tokarev TT-33", "Tokarev TT-33"),
        ("Beretta 92FS", "Beretta 92FS"),
        ("Sig Sauer P226", "SIG Sauer P226"),
        ("Walther PPK", "Walther PPK"),
        ("Remington 870", "Remington 870"),
    ],
)
def test_firearms(text: str, value: str) -> None:
    assert _one(text, "firearm") == [value]


def test_firearm_details_and_no_false_hits() -> None:
    m = extract("gl0ck 19", kinds=["firearm"])[0]
    assert m.details == {"make": "Glock", "type": "pistol", "model": "19", "raw": "gl0ck 19"}
    assert _one("glockenspiel music, a block of wood, akmal, partake", "firearm") == []
    assert _one("table m4 of the report; M4 carbine", "firearm") == ["M4"]
    assert _one("in .357 SIG or .357 Magnum", "calibre") == [".357 SIG", ".357 Magnum"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("9x19", "9x19mm"),
        ("9×19mm", "9x19mm"),
        ("9mm Parabellum", "9x19mm"),
        ("9mm Luger", "9x19mm"),
        ("9 mm Para", "9x19mm"),
        ("9mm", "9x19mm"),
        ("9mm kurz", ".380 ACP"),
        ("7.62x39", "7.62x39mm"),
        ("7,62x39", "7.62x39mm"),
        ("7.62 x 39 mm", "7.62x39mm"),
        (".45 ACP", ".45 ACP"),
        ("45 acp", ".45 ACP"),
        ("12 gauge", "12 gauge"),
        ("calibre 12", "12 gauge"),
        ("Kaliber 12/70", "12 gauge"),
        ("12ga", "12 gauge"),
        (".22 LR", ".22 LR"),
        ("22lr", ".22 LR"),
        ("5.56x45", "5.56x45mm NATO"),
        (".308 Win", ".308 Winchester"),
    ],
)
def test_calibres(text: str, value: str) -> None:
    assert _one(text, "calibre") == [value]


def test_calibre_boundaries() -> None:
    assert _one("19mm pipe, 1.223 ratio, 308 items", "calibre") == []
    assert _one("price 5,56 €", "calibre") == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # Makers most named in Armslist 2017's own manufacturer field, surplus rifles, and the
        # alarm-pistol makers whose pistols are converted in Europe.
        ("Ruger Hawkeye Stainless 308", "Ruger Hawkeye"),
        ("Marlin 336 lever action", "Marlin 336"),
        ("Savage 110 for sale", "Savage Arms 110"),
        ("Taurus PT111 G2", "Taurus PT111 G2"),
        ("Springfield Armory XD 9", "Springfield Armory XD"),
        ("WW2 Garand, nice bore", "M1 Garand"),
        ("Mauser K98k 1943", "Mauser 98"),
        ("Zoraki 914 modifié tir réel", "Zoraki 914"),
        ("fusil MAS 36 bon état", "MAS 36"),
    ],
)
def test_more_firearms(text: str, value: str) -> None:
    assert _one(text, "firearm") == [value]


def test_a_maker_after_a_calibre_is_the_cartridge() -> None:
    assert _one(".223 Remington ammo, 308 Winchester, 9mm Makarov", "firearm") == []
    assert _one(".223 Remington ammo, 308 Winchester, 9mm Makarov", "calibre") == [
        ".223 Remington", ".308 Winchester", "9x18mm Makarov"]
    assert _one("Savage deals today", "firearm") == []  # an English word without a model
    assert _one("7.62 Tokarev rounds, 7.65 Browning", "firearm") == []
    # A calibre before a gun's name is the gun's chambering, not a cartridge name.
    assert _one("9mm Glock for sale, 9mm Beretta pistol", "firearm") == ["Glock", "Beretta"]
    assert _one(".45 Colt Python", "firearm") == ["Colt Python"]
    # A number ending the line before is not the gun's calibre.
    assert _one("Glock, SKS, AR .380\nAK-47 en 9mm", "firearm") == ["Glock", "SKS", "AK-47"]
    assert _one("Stk #P-24-62\nMakarov en calibre 12", "firearm") == ["Makarov PM"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("30-30 Winchester", ".30-30 Winchester"),
        (".300 Win Mag", ".300 Winchester Magnum"),
        ("8mm Mauser surplus", "7.92x57mm Mauser"),
        ("munitions 7,5x54 MAS", "7.5x54mm French"),
        ("a 16 ga double", "16 gauge"),
        ("30-06 Springfield", ".30-06 Springfield"),
    ],
)
def test_more_calibres(text: str, value: str) -> None:
    assert _one(text, "calibre") == [value]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # Armslist: bare numbers where a gun ad puts a calibre.
        ("Ruger Hawkeye 308 Stainless", [".308 Winchester"]),
        ("Sig P220 .45 $750 OBO", [".45 ACP"]),
        ("Springfield M1 Garand 30-06, 30 cal.", [".30-06 Springfield"]),
        ("Chambered in traditional 5.56. Comes with", ["5.56x45mm NATO"]),
        ("Remington 700 in 270", [".270 Winchester"]),
        # ... and not where the number is a count, a price or anything else.
        ("Glock 19 45 rounds", []),
        ("Glock 19 45 € each", []),
        ("local 308 shop, 308 items", []),
    ],
)
def test_bare_calibres_only_where_gun_ads_put_them(text: str, value: list[str]) -> None:
    assert _one(text, "calibre") == value
