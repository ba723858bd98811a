"""One listing as data: what a market page shows and what the ground truth records."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from veille.demo.actors import Persona, Site
from veille.demo.catalog import (
    ALARM_PISTOLS,
    AMMO_CALIBRES,
    AMMO_TYPES,
    CALIBRE_SPELLINGS,
    CATEGORY_NAMES,
    DEACTIVATED,
    DOC_COUNTRIES,
    FEEDBACK,
    GENERIC_LINES,
    OFFERS,
    PISTOLS,
    REGIONS,
    RIFLES,
    SHIPS_FROM,
    SHIPS_TO,
    SHOTGUNS,
    SUBCATEGORY_NAMES,
    Offer,
)
from veille.demo.common import convert, feedback_date, format_price, masked_buyer

_UNIT_PRICE_FALLBACK = {"g": 30.0, "pills": 6.0}


@dataclass
class Feedback:
    rating: int
    buyer: str
    text: str
    when: date


@dataclass
class Price:
    display: str
    amount: float
    currency: str


@dataclass
class ListingModel:
    site: Site
    lid: str
    url: str
    path: str  # relative to the site folder
    captured_at: datetime
    offer: Offer
    title: str
    description: list[str]
    prices: list[Price]
    vendor: Persona
    ships_from: str
    ships_to: list[str]
    listed_since: date
    feedback: list[Feedback]
    category: list[str]
    quantity: float | None = None
    unit: str | None = None
    model: str | None = None
    calibre: str | None = None
    eur: float = 0.0
    extra_identifiers: list[str] = field(default_factory=list)


def pick_offer(rng: random.Random, vendor: Persona) -> Offer:
    if rng.random() < 0.8:
        pool = [o for o in OFFERS if o.label in vendor.specialties]
    else:
        pool = OFFERS
    return rng.choices(pool, weights=[o.weight for o in pool])[0]


def _slots(rng: random.Random, lang: str) -> tuple[dict[str, str], dict[str, tuple[str, str]]]:
    """Values for every template slot, plus (canonical model, calibre) behind the weapon slots."""
    pistol = rng.choice(PISTOLS)
    rifle = rng.choice(RIFLES)
    shotgun = rng.choice(SHOTGUNS)
    alarm = rng.choice(ALARM_PISTOLS)
    deact = rng.choice(DEACTIVATED)
    acal = rng.choice(AMMO_CALIBRES)
    values = {
        "pistol": pistol[0], "rifle": rifle[0], "shotgun": shotgun[0], "alarm": alarm[0],
        "deact": deact[0],
        "cal": rng.choice(CALIBRE_SPELLINGS[pistol[2]]),
        "rcal": rng.choice(CALIBRE_SPELLINGS[rifle[2]]),
        "scal": rng.choice(CALIBRE_SPELLINGS["12"]),
        "acal": rng.choice(CALIBRE_SPELLINGS[acal]),
        "atype": rng.choice(["Brenneke", "00 Buck", "slug"] if acal == "12" else AMMO_TYPES),
        "n": str(rng.choice([20, 25, 50, 50, 50, 100, 100, 250, 500, 1000])),
        "g": str(rng.choice([1, 2, 3, 5, 5, 10, 10, 25, 50, 100])),
        "p": str(rng.choice([10, 20, 25, 50, 100, 200])),
        "k": str(rng.choice([1, 2, 3, 5, 10, 20, 50])),
        "doc": rng.choice(DOC_COUNTRIES[lang]),
        "region": rng.choice(REGIONS),
    }
    canon = {
        "pistol": (pistol[1], pistol[2]), "rifle": (rifle[1], rifle[2]), "shotgun": (shotgun[1], "12"),
        "alarm": (alarm[1], alarm[2]), "deact": (deact[1], ""),
        "cal": ("", pistol[2]), "rcal": ("", rifle[2]), "scal": ("", "12"), "acal": ("", acal),
    }
    return values, canon


def _weapon(tpl: str, canon: dict[str, tuple[str, str]]) -> tuple[str | None, str | None]:
    """(canonical model, canonical calibre) named by a template: an explicit calibre slot wins
    over the calibre the model implies."""
    model = calibre = None
    for slot in ("pistol", "rifle", "shotgun", "alarm", "deact"):
        if "{" + slot + "}" in tpl:
            model, calibre = canon[slot][0], canon[slot][1] or None
            break
    for slot in ("cal", "rcal", "scal", "acal"):
        if "{" + slot + "}" in tpl:
            calibre = canon[slot][1]
            break
    return model, calibre


def build_listing(
    rng: random.Random, site: Site, lid: str, url: str, path: str, captured_at: datetime,
    vendor: Persona, offer: Offer,
) -> ListingModel:
    lang = site.lang
    values, canon = _slots(rng, lang)
    title_tpl = rng.choice(offer.titles[lang])
    if "{shotgun}" in title_tpl:
        # The description then speaks of the same gun as the title.
        values["rifle"], values["rcal"] = values["shotgun"], values["scal"]
        canon["rifle"], canon["rcal"] = canon["shotgun"], canon["scal"]
    desc_tpls = list(offer.desc[lang])
    title = title_tpl.format(**values)
    description = [t.format(**values) for t in desc_tpls]
    description += rng.sample(GENERIC_LINES[lang], k=rng.choice([1, 2, 2, 3]))

    model, calibre = _weapon(title_tpl, canon)
    if model is None and calibre is None:
        model, calibre = _weapon(" ".join(desc_tpls), canon)
    if offer.label not in ("firearms", "ammunition", "other"):
        model = calibre = None

    quantity: float | None = None
    unit: str | None = None
    for slot, slot_unit in (("n", "rounds"), ("g", "g"), ("p", "pills"), ("k", offer.unit or "pieces")):
        if "{" + slot + "}" in title_tpl:
            quantity, unit = float(values[slot]), slot_unit
            break

    lo, hi = offer.price_eur
    if offer.qty and quantity is not None:
        per_unit = rng.uniform(lo, hi) if unit == offer.unit else _UNIT_PRICE_FALLBACK.get(unit or "", rng.uniform(lo, hi))
        eur = per_unit * quantity ** 0.92  # bulk discount, as on real markets
    else:
        eur = rng.uniform(lo, hi)
    eur = max(5.0, round(eur, 0) if eur > 100 else round(eur, 2))

    prices = make_prices(rng, lang, eur)
    ships_from = rng.choice(SHIPS_FROM[lang])
    ships_to = sorted(rng.sample(SHIPS_TO[lang], k=rng.choice([1, 1, 2, 3])), key=SHIPS_TO[lang].index)
    if "WW" in ships_to:
        ships_to = ["WW"]
    listed_since = max((captured_at - timedelta(days=rng.randrange(20, 320))).date(), vendor.joined + timedelta(days=3))
    feedback = make_feedback(rng, lang, listed_since, captured_at, vendor.rating)
    category = [CATEGORY_NAMES[lang][offer.label], SUBCATEGORY_NAMES[lang][offer.sublabel.split(".", 1)[1]]]
    return ListingModel(
        site=site, lid=lid, url=url, path=path, captured_at=captured_at, offer=offer, title=title,
        description=description, prices=prices, vendor=vendor, ships_from=ships_from,
        ships_to=ships_to, listed_since=listed_since, feedback=feedback, category=category,
        quantity=quantity, unit=unit, model=model, calibre=calibre, eur=eur,
    )


def make_prices(rng: random.Random, lang: str, eur: float) -> list[Price]:
    primary = {
        "fr": rng.choices(["EUR", "XMR"], weights=[85, 15])[0],
        "en": rng.choices(["USD", "EUR", "BTC"], weights=[70, 15, 15])[0],
        "de": rng.choices(["EUR", "XMR"], weights=[80, 20])[0],
    }[lang]
    currencies = [primary]
    if primary in ("EUR", "USD") and rng.random() < 0.55:
        currencies.append(rng.choice(["BTC", "XMR"]))
    out = []
    for cur in currencies:
        display, shown = format_price(lang, convert(eur, cur), cur, rng)
        out.append(Price(display, shown, cur))
    return out


def make_feedback(rng: random.Random, lang: str, since: date, now: datetime, vendor_rating: float) -> list[Feedback]:
    n = rng.choices([0, 1, 2, 3, 5, 8, 12, 20], weights=[10, 12, 14, 14, 16, 14, 12, 8])[0]
    span = max(1, min(240, (now.date() - since).days))
    out = []
    for _ in range(n):
        when = now.date() - timedelta(days=rng.randrange(0, span))
        out.append(new_feedback(rng, lang, when, vendor_rating))
    out.sort(key=lambda f: f.when, reverse=True)
    return out


def new_feedback(rng: random.Random, lang: str, when: date, vendor_rating: float) -> Feedback:
    good = vendor_rating >= 4.5
    rating = rng.choices([5, 4, 3, 2, 1], weights=[80, 10, 4, 3, 3] if good else [55, 18, 10, 8, 9])[0]
    return Feedback(rating, masked_buyer(rng), rng.choice(FEEDBACK[lang][rating]), when)


def shown_feedback(rng: random.Random, lang: str, feedback: list[Feedback], now: datetime) -> list[tuple[Feedback, str, date]]:
    """How each feedback date reads on one capture, and the date that reading implies."""
    return [(f, *feedback_date(lang, f.when, now, rng)) for f in feedback]
