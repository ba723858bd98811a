"""A held-out listing layout, generated here and never shown to the fallback's authors'
tuning: four languages, four page skeletons, values drawn from a seeded generator.

Each generated page comes with the truth it encodes, so the fallback's per-field accuracy
can be measured (see test_fallback.py and benchmarks/bench_parse_fallback_accuracy.py).
Titles and descriptions use neutral placeholder products.
"""

from __future__ import annotations

import html
import random
from dataclasses import dataclass

LANGS = {
    "fr": {"price": "Prix", "vendor": "Vendeur", "from": "Expédié depuis", "to": "Livraison",
           "cat": "Catégorie", "desc": "Description", "alt_vendor": "Annonceur",
           "buy": "Acheter", "home": "Accueil"},
    "en": {"price": "Price", "vendor": "Vendor", "from": "Ships from", "to": "Ships to",
           "cat": "Category", "desc": "Description", "alt_vendor": "Sold by",
           "buy": "Buy now", "home": "Home"},
    "de": {"price": "Preis", "vendor": "Verkäufer", "from": "Versand aus",
           "to": "Versand nach", "cat": "Kategorie", "desc": "Beschreibung",
           "alt_vendor": "Anbieter", "buy": "Kaufen", "home": "Startseite"},
    "es": {"price": "Precio", "vendor": "Vendedor", "from": "Envío desde", "to": "Envío a",
           "cat": "Categoría", "desc": "Descripción", "alt_vendor": "Vendido por",
           "buy": "Comprar", "home": "Inicio"},
}
NOUNS = ["Widget", "Placeholder item", "Sample product", "Test article", "Demo good",
         "Generic parcel", "Neutral thing", "Example batch"]
ADJ = ["blue", "large", "premium", "basic", "compact", "classic", "new", "refined"]
COUNTRIES = ["Germany", "France", "Spain", "Netherlands", "United Kingdom", "Belgium",
             "Canada", "Australia"]
CURRENCIES = [("EUR", "€"), ("USD", "$"), ("GBP", "£"), ("BTC", "BTC"), ("XMR", "XMR")]
VENDOR_PARTS = ["nord", "sun", "alpha", "kilo", "vega", "mira", "luna", "orca", "pixel"]


@dataclass
class Truth:
    title: str
    amount: float
    currency: str
    vendor: str
    ships_from: str
    description: str


def _fmt_amount(rng: random.Random, amount: float, lang: str, cur: tuple[str, str]) -> str:
    code, sym = cur
    if code in ("BTC", "XMR"):
        num = f"{amount:.4f}"
        if lang in ("fr", "de", "es"):
            num = num.replace(".", ",")
        return f"{num} {code}"
    whole, frac = f"{amount:,.2f}".split(".")
    if lang == "fr":
        num = whole.replace(",", "\u202f") + "," + frac
        return f"{num} {sym}"
    if lang in ("de", "es"):
        num = whole.replace(",", ".") + "," + frac
        return f"{num} {code if rng.random() < 0.5 else sym}"
    return f"{sym}{whole},{frac}".replace(f"{whole},{frac}", f"{whole}.{frac}")


def generate(n: int, seed: int = 7) -> list[tuple[str, Truth]]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        lang = rng.choice(list(LANGS))
        L = LANGS[lang]
        cur = rng.choice(CURRENCIES)
        amount = round(rng.uniform(1, 2500), 2) if cur[0] not in ("BTC", "XMR") else round(
            rng.uniform(0.001, 2), 4)
        truth = Truth(
            title=f"{rng.choice(ADJ).capitalize()} {rng.choice(NOUNS)} #{rng.randint(1, 999)}",
            amount=amount, currency=cur[0],
            vendor=rng.choice(VENDOR_PARTS) + rng.choice(VENDOR_PARTS) + str(rng.randint(1, 99)),
            ships_from=rng.choice(COUNTRIES),
            description=" ".join(rng.choice(NOUNS + ADJ) for _ in range(30)) + ".",
        )
        price = _fmt_amount(rng, amount, lang, cur)
        skeleton = i % 4
        e = html.escape
        nav = (f'<nav><a href="/">{L["home"]}</a> | <a href="/c/1">{e(L["cat"])} 1</a> | '
               f'<a href="/c/2">{e(L["cat"])} 2</a></nav>')
        if skeleton == 0:  # a <ul> of "Label: value" items with <b> labels
            body = (f'<div class="item-wrap"><h1 class="t">{e(truth.title)}</h1><ul class="facts">'
                    f'<li><b>{e(L["price"])} :</b> {e(price)}</li>'
                    f'<li><b>{e(L["vendor"])} :</b> <a href="/u/{truth.vendor}">{truth.vendor}</a></li>'
                    f'<li><b>{e(L["from"])} :</b> {e(truth.ships_from)}</li></ul>'
                    f'<div class="txt">{e(truth.description)}</div></div>')
        elif skeleton == 1:  # a two-column table, alternative vendor label
            body = (f'<main><h2>{e(truth.title)}</h2><table class="kv">'
                    f'<tr><td>{e(L["alt_vendor"])}</td><td>{truth.vendor}</td></tr>'
                    f'<tr><td>{e(L["price"])}</td><td><span>{e(price)}</span></td></tr>'
                    f'<tr><td>{e(L["from"])}</td><td>{e(truth.ships_from)}</td></tr></table>'
                    f'<p>{e(truth.description)}</p><button>{e(L["buy"])}</button></main>')
        elif skeleton == 2:  # schema.org microdata
            body = (f'<section itemscope itemtype="https://schema.org/Product">'
                    f'<h1 itemprop="name">{e(truth.title)}</h1>'
                    f'<div itemprop="offers" itemscope itemtype="https://schema.org/Offer">'
                    f'<span itemprop="price" content="{amount}">{e(price)}</span>'
                    f'<meta itemprop="priceCurrency" content="{cur[0]}">'
                    f'<div itemprop="seller" itemscope itemtype="https://schema.org/Organization">'
                    f'<span itemprop="name">{truth.vendor}</span></div></div>'
                    f'<dl><dt>{e(L["from"])}</dt><dd>{e(truth.ships_from)}</dd></dl>'
                    f'<div itemprop="description">{e(truth.description)}</div></section>')
        else:  # no labels for the price: a price-classed element and a seller link
            body = (f'<div class="product"><h1>{e(truth.title)}</h1>'
                    f'<div class="product-cost">{e(price)}</div>'
                    f'<div class="by"><a href="/vendor/{truth.vendor}">{truth.vendor}</a></div>'
                    f'<dl><dt>{e(L["from"])}</dt><dd>{e(truth.ships_from)}</dd></dl>'
                    f'<article>{e(truth.description)}</article></div>')
        page = (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
                f'<title>{e(truth.title)} - Shop</title></head><body>{nav}{body}'
                f'<footer>© market</footer></body></html>')
        out.append((page, truth))
    return out
