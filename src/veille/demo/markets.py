"""The three market layouts. Each one marks fields differently, as real markets do:

- fr-table  (Le Comptoir Obscur): a <table class="fiche"> of label/value rows, <dl> vendor profile;
- en-cards  (NorthBay): <div class="listing-card"> cards with data-* attributes;
- de-jsonld (Schattenmarkt): schema.org microdata plus a JSON-LD block, German/English labels.

The class names are the contract that parse profiles target; see the README of the demo.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from veille.demo.actors import Persona, Site
from veille.demo.catalog import COUNTRIES
from veille.demo.common import esc, fmt_number
from veille.demo.listings import Feedback, ListingModel


def slug(text: str) -> str:
    t = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", t).strip("-") or "x"


def country_list(codes: list[str], lang: str) -> str:
    return ", ".join(COUNTRIES[c][lang] for c in codes)


@dataclass
class CategoryItem:
    url: str
    title: str
    price: str
    vendor: str
    vendor_url: str
    ships_from: str


def _paras(lines: list[str]) -> str:
    return "".join(f"<p>{esc(line)}</p>" for line in lines)


class Layout:
    lang = "en"

    def __init__(self, site: Site) -> None:
        self.site = site

    # Each layout's (URL path, file path) templates; the file path is relative to the site
    # folder. Fields: {lid}, {name}, {cat} (slug path), {cat_file} (the same, "/" as "_"),
    # {page}, {query}, {qslug}.
    LISTING: tuple[str, str]
    VENDOR: tuple[str, str]
    CATEGORY: tuple[str, str]
    SEARCH: tuple[str, str]

    def _ref(self, template: tuple[str, str], **fields: object) -> tuple[str, str]:
        url, path = template
        return self.site.base_url + url.format(**fields), path.format(**fields)

    def listing_ref(self, lid: str) -> tuple[str, str]:
        return self._ref(self.LISTING, lid=lid)

    def vendor_ref(self, name: str) -> tuple[str, str]:
        return self._ref(self.VENDOR, name=name)

    def category_ref(self, label_path: list[str], page: int) -> tuple[str, str]:
        s = "/".join(slug(x) for x in label_path)
        return self._ref(self.CATEGORY, cat=s, cat_file=s.replace("/", "_"), page=page)

    def search_ref(self, query: str) -> tuple[str, str]:
        return self._ref(self.SEARCH, query=query, qslug=slug(query))

    def rel(self, url: str) -> str:
        return url[len(self.site.base_url):] or "/"


class FrenchTable(Layout):
    lang = "fr"
    LISTING = ("/annonce/{lid}", "annonce/{lid}.html")
    VENDOR = ("/vendeur/{name}", "vendeur/{name}.html")
    CATEGORY = ("/categorie/{cat}?page={page}", "categorie/{cat_file}-p{page}.html")
    SEARCH = ("/recherche?q={query}", "recherche/q-{qslug}.html")

    def _head(self, title: str, body_class: str) -> str:
        return (
            '<!DOCTYPE html>\n<html lang="fr">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{esc(title)} | {esc(self.site.display)}</title>\n"
            '<link rel="stylesheet" href="/static/comptoir.css">\n</head>\n'
            f'<body class="{body_class}">\n<div id="entete"><span class="logo">{esc(self.site.display)}</span> '
            '<a href="/">Accueil</a> <a href="/recherche">Recherche</a> <a href="/panier">Panier</a> '
            '<span class="solde">Solde : 0,00000 BTC</span></div>\n'
        )

    _FOOT = '<div id="pied">© Le Comptoir Obscur — escrow multisig 2/3 — <a href="/regles">Règles</a></div>\n</body>\n</html>\n'

    def listing(self, m: ListingModel, fb: list[tuple[Feedback, str, date]], missing_price: bool = False) -> str:
        cat_links = []
        for i in range(len(m.category)):
            url, _ = self.category_ref(m.category[: i + 1], 1)
            cat_links.append(f'<a class="fil-cat" href="{esc(self.rel(url))}">{esc(m.category[i])}</a>')
        vurl, _ = self.vendor_ref(m.vendor.name)
        out = [self._head(m.title, "page-annonce")]
        out.append('<div id="fil"><a href="/">Accueil</a> &gt; ' + " &gt; ".join(cat_links) + "</div>\n")
        out.append(f'<div id="contenu">\n<h1 class="annonce-titre">{esc(m.title)}</h1>\n<table class="fiche">\n')
        out.append(f'<tr><th>Référence</th><td class="fiche-ref">#{esc(m.lid)}</td></tr>\n')
        if not missing_price:
            spans = [f'<span class="prix-principal">{esc(m.prices[0].display)}</span>']
            spans += [f'<span class="prix-secondaire">(≈ {esc(p.display)})</span>' for p in m.prices[1:]]
            out.append(f'<tr><th>Prix</th><td class="fiche-prix">{" ".join(spans)}</td></tr>\n')
        else:
            out.append('<tr><th>Prix</th><td class="fiche-prix"></td></tr>\n')
        rating = fmt_number(m.vendor.rating, 1, "", ",")
        out.append(
            f'<tr><th>Vendeur</th><td class="fiche-vendeur"><a href="{esc(self.rel(vurl))}">{esc(m.vendor.name)}</a> '
            f'<span class="note-vendeur">({rating}/5)</span></td></tr>\n'
            f'<tr><th>Expédié de</th><td class="fiche-origine">{esc(COUNTRIES[m.ships_from]["fr"])}</td></tr>\n'
            f'<tr><th>Livraison</th><td class="fiche-destination">{esc(country_list(m.ships_to, "fr"))}</td></tr>\n'
            f'<tr><th>En ligne depuis</th><td class="fiche-depuis">{m.listed_since.strftime("%d/%m/%Y")}</td></tr>\n'
            "</table>\n"
            f'<div class="annonce-description">{_paras(m.description)}</div>\n'
            f'<h2>Avis des acheteurs ({len(fb)})</h2>\n<table class="avis">\n'
            "<tr><th>Note</th><th>Acheteur</th><th>Commentaire</th><th>Date</th></tr>\n"
        )
        for f, shown, _d in fb:
            out.append(
                f'<tr class="avis-ligne"><td class="avis-note">{f.rating}/5</td>'
                f'<td class="avis-acheteur">{esc(f.buyer)}</td><td class="avis-texte">{esc(f.text)}</td>'
                f'<td class="avis-date">{esc(shown)}</td></tr>\n'
            )
        out.append("</table>\n</div>\n" + self._FOOT)
        return "".join(out)

    def vendor(self, p: Persona, lines: list[str], sales: int) -> str:
        out = [self._head(f"Profil de {p.name}", "page-vendeur")]
        out.append(
            f'<div id="contenu">\n<h1 class="vendeur-nom">{esc(p.name)}</h1>\n<dl class="vendeur-infos">\n'
            f'<dt>Membre depuis</dt><dd class="vendeur-inscription">{p.joined.strftime("%d/%m/%Y")}</dd>\n'
            f'<dt>Ventes</dt><dd class="vendeur-ventes">{sales}</dd>\n'
            f'<dt>Note</dt><dd class="vendeur-note">{fmt_number(p.rating, 1, "", ",")}/5</dd>\n'
            f'<dt>Annonces</dt><dd class="vendeur-annonces">{p.n_listings}</dd>\n</dl>\n'
            f'<div class="vendeur-profil">{_paras(lines)}</div>\n'
        )
        if p.key:
            out.append(f'<h2>Clé PGP</h2>\n<pre class="vendeur-pgp">{esc(p.key.armored.strip())}</pre>\n')
        out.append('<h2>Annonces récentes</h2>\n<ul class="vendeur-liste">\n')
        for url, title in p.recent:
            out.append(f'<li><a href="{esc(self.rel(url))}">{esc(title)}</a></li>\n')
        out.append("</ul>\n</div>\n" + self._FOOT)
        return "".join(out)

    def category(self, heading: str, items: list[CategoryItem], next_url: str | None) -> str:
        out = [self._head(heading, "page-categorie")]
        out.append(
            f'<div id="contenu">\n<h1 class="categorie-titre">{esc(heading)}</h1>\n'
            '<table class="liste-annonces">\n<tr><th>Annonce</th><th>Prix</th><th>Vendeur</th><th>Expédition</th></tr>\n'
        )
        for it in items:
            out.append(
                f'<tr class="annonce-ligne"><td class="ligne-titre"><a href="{esc(self.rel(it.url))}">{esc(it.title)}</a></td>'
                f'<td class="ligne-prix">{esc(it.price)}</td>'
                f'<td class="ligne-vendeur"><a href="{esc(self.rel(it.vendor_url))}">{esc(it.vendor)}</a></td>'
                f'<td class="ligne-origine">{esc(it.ships_from)}</td></tr>\n'
            )
        out.append("</table>\n")
        if not items:
            out.append('<p class="aucun-resultat">Aucune annonce ne correspond à votre recherche.</p>\n')
        if next_url:
            out.append(f'<div class="pagination"><a class="suivant" href="{esc(self.rel(next_url))}">Suivant »</a></div>\n')
        out.append("</div>\n" + self._FOOT)
        return "".join(out)


class EnglishCards(Layout):
    lang = "en"
    LISTING = ("/item/{lid}", "item/{lid}.html")
    VENDOR = ("/vendor/{name}", "vendor/{name}.html")
    CATEGORY = ("/c/{cat}/{page}", "c/{cat_file}-{page}.html")
    SEARCH = ("/search?q={query}", "search/{qslug}.html")

    def _head(self, title: str) -> str:
        return (
            '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>NorthBay :: {esc(title)}</title>\n</head>\n<body>\n"
            '<header class="nb-header"><div class="brand">NorthBay</div><nav class="nb-nav">'
            '<a href="/">Home</a><a href="/c/weapons/1">Weapons</a><a href="/c/drugs/1">Drugs</a>'
            '<a href="/support">Support</a></nav></header>\n<main class="container">\n'
        )

    _FOOT = '</main>\n<footer class="nb-footer">NorthBay Market · PGP-verified mirrors only</footer>\n</body>\n</html>\n'

    def listing(self, m: ListingModel, fb: list[tuple[Feedback, str, date]], missing_price: bool = False) -> str:
        out = [self._head(m.title), '<ol class="breadcrumb">']
        for i in range(len(m.category)):
            url, _ = self.category_ref(m.category[: i + 1], 1)
            out.append(f'<li><a href="{esc(self.rel(url))}">{esc(m.category[i])}</a></li>')
        out.append("</ol>\n")
        vurl, _ = self.vendor_ref(m.vendor.name)
        out.append(
            f'<div class="listing-card" data-listing-id="{esc(m.lid)}">\n'
            f'<div class="card-header"><h2 class="listing-title">{esc(m.title)}</h2>'
            f'<span class="listing-id">ID: {esc(m.lid)}</span></div>\n<div class="card-body">\n'
        )
        if not missing_price:
            kinds = ["price-crypto" if p.currency in ("BTC", "XMR") else "price-fiat" for p in m.prices]
            spans = "".join(
                f'<span class="price {k}" data-currency="{p.currency}">{esc(p.display)}</span>'
                for k, p in zip(kinds, m.prices, strict=True)
            )
            out.append(f'<div class="price-box">{spans}</div>\n')
        else:
            out.append('<div class="price-box"><span class="price price-na">Price on request</span></div>\n')
        level = min(9, 1 + m.vendor.n_feedback // 25)
        out.append(
            f'<div class="seller">Sold by <a class="vendor-link" href="{esc(self.rel(vurl))}">{esc(m.vendor.name)}</a> '
            f'<span class="vendor-level">Level {level}</span> <span class="vendor-rating">{m.vendor.rating:.1f}/5</span></div>\n'
            '<ul class="listing-meta">'
            f'<li class="ships-from"><span class="k">Ships from</span> <span class="v">{esc(COUNTRIES[m.ships_from]["en"])}</span></li>'
            f'<li class="ships-to"><span class="k">Ships to</span> <span class="v">{esc(country_list(m.ships_to, "en"))}</span></li>'
            f'<li class="since"><span class="k">Listed</span> <span class="v">{m.listed_since.isoformat()}</span></li></ul>\n'
            f'<div class="listing-description">{_paras(m.description)}</div>\n</div>\n</div>\n'
            f'<section class="feedback"><h3>Feedback ({len(fb)})</h3>\n'
        )
        for f, shown, _d in fb:
            stars = "★" * f.rating + "☆" * (5 - f.rating)
            out.append(
                f'<div class="feedback-item"><span class="stars" data-rating="{f.rating}">{stars}</span>'
                f'<span class="buyer">{esc(f.buyer)}</span><p class="fb-text">{esc(f.text)}</p>'
                f'<span class="fb-date">{esc(shown)}</span></div>\n'
            )
        out.append("</section>\n" + self._FOOT)
        return "".join(out)

    def vendor(self, p: Persona, lines: list[str], sales: int) -> str:
        out = [self._head(f"Vendor {p.name}")]
        out.append(
            f'<div class="vendor-card" data-vendor="{esc(p.name)}">\n<h1 class="vendor-name">{esc(p.name)}</h1>\n'
            '<div class="vendor-stats">'
            f'<span class="stat joined">Joined <b>{p.joined.isoformat()}</b></span> '
            f'<span class="stat sales"><b>{sales}</b> sales</span> '
            f'<span class="stat rating"><b>{p.rating:.1f}</b>/5</span> '
            f'<span class="stat listings"><b>{p.n_listings}</b> listings</span></div>\n'
            f'<div class="vendor-about">{_paras(lines)}</div>\n'
        )
        if p.key:
            out.append(f'<div class="pgp-box"><h3>PGP</h3><textarea class="pgp-key" readonly rows="12">{esc(p.key.armored.strip())}</textarea></div>\n')
        out.append('<div class="vendor-listings">\n')
        for url, title in p.recent:
            out.append(f'<div class="mini-card"><a href="{esc(self.rel(url))}">{esc(title)}</a></div>\n')
        out.append("</div>\n</div>\n" + self._FOOT)
        return "".join(out)

    def category(self, heading: str, items: list[CategoryItem], next_url: str | None) -> str:
        out = [self._head(heading), f'<h1 class="results-title">{esc(heading)}</h1>\n<div class="grid">\n']
        for it in items:
            out.append(
                f'<div class="listing-card mini"><a class="listing-title" href="{esc(self.rel(it.url))}">{esc(it.title)}</a>'
                f'<span class="price">{esc(it.price)}</span>'
                f'<a class="vendor-link" href="{esc(self.rel(it.vendor_url))}">{esc(it.vendor)}</a>'
                f'<span class="ships-from">{esc(it.ships_from)}</span></div>\n'
            )
        out.append("</div>\n")
        if not items:
            out.append('<p class="no-results">No listings found.</p>\n')
        if next_url:
            out.append(f'<nav class="pager"><a rel="next" href="{esc(self.rel(next_url))}">Next</a></nav>\n')
        return "".join(out) + self._FOOT


class GermanJsonLd(Layout):
    lang = "de"
    LISTING = ("/angebot/{lid}", "angebot/{lid}.html")
    VENDOR = ("/haendler/{name}", "haendler/{name}.html")
    CATEGORY = ("/kategorie/{cat}?seite={page}", "kategorie/{cat_file}-s{page}.html")
    SEARCH = ("/suche?q={query}", "suche/{qslug}.html")

    def _head(self, title: str, ld: dict | None = None) -> str:
        script = ""
        if ld is not None:
            # "</" must not appear inside the script element.
            blob = json.dumps(ld, ensure_ascii=False, sort_keys=False).replace("</", "<\\/")
            script = f'<script type="application/ld+json">{blob}</script>\n'
        return (
            '<!DOCTYPE html>\n<html lang="de">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{esc(title)} – Schattenmarkt</title>\n{script}</head>\n<body>\n"
            '<div id="sm-top"><b>Schattenmarkt</b> | <a href="/">Start</a> | <a href="/suche">Suche / Search</a> '
            "| <span>Sprache: DE/EN</span></div>\n"
        )

    _FOOT = '<div id="sm-fuss">Schattenmarkt – Treuhand / escrow – <a href="/faq">FAQ</a></div>\n</body>\n</html>\n'

    def listing(self, m: ListingModel, fb: list[tuple[Feedback, str, date]], missing_price: bool = False) -> str:
        vurl, _ = self.vendor_ref(m.vendor.name)
        ld: dict = {
            "@context": "https://schema.org", "@type": "Product", "name": m.title, "sku": m.lid,
            "category": " > ".join(m.category), "description": " ".join(m.description),
        }
        if not missing_price:
            p = m.prices[0]
            ld["offers"] = {
                "@type": "Offer", "price": f"{p.amount:.{_decimals(p)}f}", "priceCurrency": p.currency,
                "availability": "https://schema.org/InStock",
                "seller": {"@type": "Organization", "name": m.vendor.name, "url": vurl},
            }
        if fb:
            avg = sum(f.rating for f, _, _ in fb) / len(fb)
            ld["aggregateRating"] = {"@type": "AggregateRating", "ratingValue": f"{avg:.1f}", "reviewCount": str(len(fb))}
        out = [self._head(m.title, ld)]
        crumbs = []
        for i in range(len(m.category)):
            url, _ = self.category_ref(m.category[: i + 1], 1)
            crumbs.append(f'<a href="{esc(self.rel(url))}">{esc(m.category[i])}</a>')
        out.append('<nav class="sm-pfad" aria-label="breadcrumb">' + " / ".join(crumbs) + "</nav>\n")
        out.append(
            '<article class="sm-angebot" itemscope itemtype="https://schema.org/Product">\n'
            f'<h1 itemprop="name">{esc(m.title)}</h1>\n'
            f'<div class="sm-artikelnr">Artikel-Nr.: <span itemprop="sku">{esc(m.lid)}</span></div>\n'
            '<div class="sm-preis" itemprop="offers" itemscope itemtype="https://schema.org/Offer">\n'
        )
        if not missing_price:
            p = m.prices[0]
            out.append(
                f'<meta itemprop="priceCurrency" content="{p.currency}">'
                f'<span class="sm-preis-haupt" itemprop="price" content="{p.amount:.{_decimals(p)}f}">{esc(p.display)}</span>\n'
            )
            for q in m.prices[1:]:
                out.append(f'<span class="sm-preis-krypto" data-waehrung="{q.currency}">≈ {esc(q.display)}</span>\n')
        out.append(
            '<div class="sm-verkaeufer" itemprop="seller" itemscope itemtype="https://schema.org/Organization">'
            f'Verkäufer / Vendor: <a itemprop="url" href="{esc(self.rel(vurl))}"><span itemprop="name">{esc(m.vendor.name)}</span></a>'
            f' <span class="sm-haendler-note">{fmt_number(m.vendor.rating, 1, "", ",")} ★</span></div>\n</div>\n'
            '<table class="sm-versand">\n'
            f'<tr><td>Versand von / Ships from</td><td class="sm-von">{esc(COUNTRIES[m.ships_from]["de"])}</td></tr>\n'
            f'<tr><td>Versand nach / Ships to</td><td class="sm-nach">{esc(country_list(m.ships_to, "de"))}</td></tr>\n'
            f'<tr><td>Online seit</td><td class="sm-seit">{m.listed_since.strftime("%d.%m.%Y")}</td></tr>\n</table>\n'
            f'<div class="sm-beschreibung" itemprop="description">{_paras(m.description)}</div>\n'
            f'<section id="bewertungen"><h2>Bewertungen / Reviews ({len(fb)})</h2>\n'
        )
        for f, shown, _d in fb:
            out.append(
                '<div class="sm-bewertung" itemprop="review" itemscope itemtype="https://schema.org/Review">'
                '<span class="sm-sterne" itemprop="reviewRating" itemscope itemtype="https://schema.org/Rating">'
                f'<meta itemprop="ratingValue" content="{f.rating}">{"★" * f.rating}{"☆" * (5 - f.rating)}</span> '
                f'<span class="sm-kaeufer" itemprop="author">{esc(f.buyer)}</span> '
                f'<span class="sm-datum">{esc(shown)}</span>'
                f'<p itemprop="reviewBody">{esc(f.text)}</p></div>\n'
            )
        out.append("</section>\n</article>\n" + self._FOOT)
        return "".join(out)

    def vendor(self, p: Persona, lines: list[str], sales: int) -> str:
        ld = {"@context": "https://schema.org", "@type": "Organization", "name": p.name,
              "foundingDate": p.joined.isoformat()}
        out = [self._head(f"Händler {p.name}", ld)]
        out.append(
            '<section class="sm-haendler" itemscope itemtype="https://schema.org/Organization">\n'
            f'<h1 itemprop="name">{esc(p.name)}</h1>\n<table class="sm-haendler-daten">\n'
            f'<tr><td>Mitglied seit / Joined</td><td class="sm-mitglied-seit">{p.joined.strftime("%d.%m.%Y")}</td></tr>\n'
            f'<tr><td>Verkäufe / Sales</td><td class="sm-verkaeufe">{fmt_number(sales, 0, ".", ",")}</td></tr>\n'
            f'<tr><td>Bewertung / Rating</td><td class="sm-bewertung-schnitt">{fmt_number(p.rating, 1, "", ",")}/5</td></tr>\n'
            f'<tr><td>Angebote</td><td class="sm-angebote">{p.n_listings}</td></tr>\n</table>\n'
            f'<div class="sm-profil" itemprop="description">{_paras(lines)}</div>\n'
        )
        if p.key:
            out.append(f'<details class="sm-pgp" open><summary>PGP-Schlüssel</summary><pre>{esc(p.key.armored.strip())}</pre></details>\n')
        out.append('<ul class="sm-angebotsliste">\n')
        for url, title in p.recent:
            out.append(f'<li><a href="{esc(self.rel(url))}">{esc(title)}</a></li>\n')
        out.append("</ul>\n</section>\n" + self._FOOT)
        return "".join(out)

    def category(self, heading: str, items: list[CategoryItem], next_url: str | None) -> str:
        ld = {"@context": "https://schema.org", "@type": "ItemList", "name": heading,
              "itemListElement": [{"@type": "ListItem", "position": i + 1, "url": it.url} for i, it in enumerate(items)]}
        out = [self._head(heading, ld), f'<h1 class="sm-liste-titel">{esc(heading)}</h1>\n<ul class="sm-liste">\n']
        for it in items:
            out.append(
                '<li class="sm-eintrag" itemscope itemtype="https://schema.org/Product">'
                f'<a itemprop="url" href="{esc(self.rel(it.url))}"><span itemprop="name">{esc(it.title)}</span></a> '
                f'<span class="sm-eintrag-preis">{esc(it.price)}</span> '
                f'<a class="sm-eintrag-haendler" href="{esc(self.rel(it.vendor_url))}">{esc(it.vendor)}</a> '
                f'<span class="sm-eintrag-von">{esc(it.ships_from)}</span></li>\n'
            )
        out.append("</ul>\n")
        if not items:
            out.append('<p class="sm-keine-treffer">Keine Treffer / No results.</p>\n')
        if next_url:
            out.append(f'<a class="sm-weiter" href="{esc(self.rel(next_url))}">Weiter / Next »</a>\n')
        return "".join(out) + self._FOOT


def _decimals(p) -> int:  # type: ignore[no-untyped-def]
    if p.currency in ("EUR", "USD"):
        return 2
    s = p.display.split()[0]
    return len(s.replace(",", ".").split(".")[1]) if ("," in s or "." in s) else 0


LAYOUTS: dict[str, type[Layout]] = {"fr-table": FrenchTable, "en-cards": EnglishCards, "de-jsonld": GermanJsonLd}
