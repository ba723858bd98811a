"""Model 5: generic weapon-boundary and legal-goods faults of model 4, written from domain
knowledge in fr/en/de/es (never from blind-set items). Ammunition sold by maker, product line or
bullet weight is ammunition; "S&W" is a maker, not "with"; air guns, props and more accessories are
`other`; an explosive named in the title is explosives unless the text says legal, inert or
replica; legal foods, spices, supplements and CBD sold as legal are `other`.
Rules are tested on a model whose bias alone picks the label, so each assertion is about the rule,
not about learnt weights."""

from __future__ import annotations

import pytest

from tests.classify.biased import biased_label as _label


@pytest.mark.parametrize("title", [
    "Speer Gold Dot .380 auto",
    "Federal American Eagle .40 S&W 180gr",
    "Norma 6.5 Creedmoor 140gr",
    "Norma 9mm Luger 124gr",
    ".40 S&W rounds for sale",
    "Lapua .338 Lapua Magnum 250gr Scenar",
    "Winchester White Box 9mm 115gr",
    "mun 9mm para dispo",
    "Patronen 9mm Luger Geco 50er Pack",
    "Cartouches .22LR RWS Target",
    "Cartuchos Fiocchi 9mm Luger FMJ 123 grains",
    "Federal Gold Medal Match .308",
])
def test_ammunition_named_by_maker_line_or_bullet_weight_is_ammunition(title: str) -> None:
    assert _label("firearms", title) == "ammunition"


@pytest.mark.parametrize("title", [
    "Glock 19 Gen5 9mm",
    "Smith & Wesson 686 .357 Magnum",
    "Remington 700 .308 Win",
    "AK-47 7.62x39 with 500 rounds",
    "S&W M&P Shield 9mm with 100 rounds",
    "Ruger GP100 .357 Mag",
    "Pistole Walther P99 9mm mit Holster",
])
def test_guns_named_with_cartridges_stay_firearms(title: str) -> None:
    assert _label("firearms", title) == "firearms"


def test_s_and_w_is_a_maker_not_with() -> None:
    # Model 4 read "S&W rounds" as "with rounds", i.e. a gun sold with ammunition.
    assert _label("ammunition", ".40 S&W rounds for sale") == "ammunition"
    assert _label("ammunition", "S&W 686 with 50 rounds") == "firearms"


@pytest.mark.parametrize("title", [
    "Walther PPQ CO2 air pistol 4.5mm",
    "Luftgewehr Diana 350 Magnum 4,5 mm",
    "Carabine à plomb Gamo 4.5mm",
    "Pistola de aire comprimido Gamo",
    "Movie prop AK-47 non functional",
    "Pistola simulada Colt 1911",
    "Hogue grips for S&W K frame",
    "Griffschalen Walther P99",
    "Gun safe for 10 rifles",
    "Mira láser para pistola Glock",
    "Pufferpatronen 9mm",
])
def test_air_guns_props_and_accessories_are_other(title: str) -> None:
    assert _label("firearms", title) == "other"


@pytest.mark.parametrize(("first", "title"), [
    ("firearms", "Kugelbomben Kaliber 100mm"),
    ("stolen_data", "Fireworks mortars 3 inch shells"),
    ("other", "F4 fireworks professional without licence"),
    ("ammunition", "Thunder King salutes 100 pack"),
    ("drugs", "Detonating cord 50m"),
    ("other", "Fuegos artificiales profesionales F4"),
])
def test_explosives_named_in_the_title_are_explosives(first: str, title: str) -> None:
    assert _label(first, title) == "explosives"


@pytest.mark.parametrize(("title", "text"), [
    ("Legal fireworks category F2 CE", ""),
    ("Inert grenade F1", "display piece, inert"),
    ("Smith & Wesson M67 - .38 Special", ""),
])
def test_legal_inert_or_gun_model_numbers_are_not_made_explosives(title: str, text: str) -> None:
    assert _label("other" if "Smith" not in title else "firearms", title, text) != "explosives"


@pytest.mark.parametrize("title", [
    "Green tea 100g", "Coffee beans 1kg arabica", "Turmeric powder 500g", "Whey protein 2kg",
    "Saffron 5g", "Thé vert 250g", "Kaffeebohnen 1kg", "Café en grano 1kg", "Azafrán 5g",
    "Ashwagandha capsules 60x500mg",
])
def test_legal_goods_sold_by_weight_are_other(title: str) -> None:
    assert _label("drugs", title) == "other"


@pytest.mark.parametrize(("title", "text"), [
    ("Cannabis tea 10g", ""),
    ("Classic Quad Dose Rice Crispy Treats (6 PACK)", ""),
    ("1 gr. Vanilla Ketamine", ""),
    ("Coca leaf tea 100g", ""),
    ("Green tea 100g", "infused with THC, 20mg per bag"),
])
def test_drugs_that_name_a_food_stay_drugs(title: str, text: str) -> None:
    assert _label("drugs", title, text) == "drugs"


@pytest.mark.parametrize(("title", "text", "expected"), [
    ("CBD oil 10% full spectrum legal", "", "other"),
    ("Huile CBD 10%", "moins de 0,2% de THC, légal en France", "other"),
    ("CBD Blüten", "THC-frei, aus EU-Nutzhanf", "other"),
    ("CBD oil 10%", "", "drugs"),
    ("Real Scientific Hemp Oil 525 mg CBD", "", "drugs"),
    ("CBD Kush buds legal", "", "drugs"),
])
def test_cbd_is_a_legal_good_only_when_sold_as_legal(title: str, text: str, expected: str) -> None:
    assert _label("drugs", title, text) == expected
