"""The CSS selectors documented in src/veille/demo/README.md read the truth values back.

Profile authors target these selectors, so a layout change that breaks them must fail here.
"""

from __future__ import annotations

import json

import pytest
from selectolax.lexbor import LexborHTMLParser as HTMLParser

SELECTORS = {
    "comptoir-obscur": {
        "title": "h1.annonce-titre", "id": "td.fiche-ref", "price": "td.fiche-prix span.prix-principal",
        "vendor": "td.fiche-vendeur a", "from": "td.fiche-origine", "since": "td.fiche-depuis",
        "crumbs": "#fil a.fil-cat", "fb": "table.avis tr.avis-ligne", "fb_date": "td.avis-date",
        "fb_buyer": "td.avis-acheteur",
    },
    "northbay": {
        "title": "h2.listing-title", "id": "span.listing-id", "price": "div.price-box span.price",
        "vendor": "a.vendor-link", "from": "li.ships-from span.v", "since": "li.since span.v",
        "crumbs": "ol.breadcrumb li a", "fb": "div.feedback-item", "fb_date": "span.fb-date",
        "fb_buyer": "span.buyer",
    },
    "schattenmarkt": {
        "title": "h1[itemprop=name]", "id": "span[itemprop=sku]", "price": "span.sm-preis-haupt",
        "vendor": "div.sm-verkaeufer span[itemprop=name]", "from": "td.sm-von", "since": "td.sm-seit",
        "crumbs": "nav.sm-pfad a", "fb": "div.sm-bewertung", "fb_date": "span.sm-datum",
        "fb_buyer": "span.sm-kaeufer",
    },
}


@pytest.mark.parametrize("site", sorted(SELECTORS))
def test_documented_listing_selectors_read_back_the_truth(corpus, site):
    out, _, truth = corpus
    sel = SELECTORS[site]
    rows = [t for t in truth["listings"] if t["site"] == site and not t.get("recapture") and not t["malformed"]]
    assert len(rows) > 400
    for t in rows[:150]:
        tree = HTMLParser((out / t["path"]).read_bytes().decode("utf-8"))
        assert tree.css_first(sel["title"]).text() == t["title"]
        assert t["listing_id"] in tree.css_first(sel["id"]).text()
        assert tree.css_first(sel["price"]).text() == t["prices"][0]["display"]
        assert tree.css_first(sel["vendor"]).text() == t["vendor"]
        assert tree.css_first(sel["from"]).text()
        assert tree.css_first(sel["since"]).text()
        assert [a.text() for a in tree.css(sel["crumbs"])] == t["category_path"]
        fb = tree.css(sel["fb"])
        assert [f.css_first(sel["fb_date"]).text() for f in fb] == [f["shown"] for f in t["feedback"]]
        assert [f.css_first(sel["fb_buyer"]).text() for f in fb] == [f["buyer"] for f in t["feedback"]]
        if site == "schattenmarkt":
            ld = json.loads(tree.css_first('script[type="application/ld+json"]').text())
            assert ld["name"] == t["title"] and ld["sku"] == t["listing_id"]
            assert float(ld["offers"]["price"]) == t["prices"][0]["amount"]
            assert ld["offers"]["priceCurrency"] == t["prices"][0]["currency"]


def test_vendor_profile_selectors(corpus):
    out, _, truth = corpus
    name_sel = {"comptoir-obscur": "h1.vendeur-nom", "northbay": "h1.vendor-name", "schattenmarkt": "h1[itemprop=name]"}
    key_sel = {"comptoir-obscur": "pre.vendeur-pgp", "northbay": "textarea.pgp-key", "schattenmarkt": "details.sm-pgp pre"}
    for v in truth["vendors"]:
        tree = HTMLParser((out / v["path"]).read_bytes().decode("utf-8"))
        assert tree.css_first(name_sel[v["site"]]).text() == v["name"]
        key = tree.css_first(key_sel[v["site"]])
        assert (key is not None) == (v["pgp_fingerprint"] is not None)
        if key is not None:
            assert key.text().startswith("-----BEGIN PGP PUBLIC KEY BLOCK-----")
