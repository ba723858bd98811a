"""The generic fallback on pages no profile describes."""

from __future__ import annotations

import json

from tests.parse.heldout import generate
from tests.parse.helpers import of_type, parse_body


def fallback_accuracy(n: int = 200) -> dict[str, float]:
    hits = {"title": 0, "price": 0, "vendor": 0, "ships_from": 0, "description": 0}
    for page, truth in generate(n):
        res = parse_body(page, url="http://shop.example/item")
        listings = of_type(res, "listing")
        if not listings:
            continue
        x = listings[0]
        hits["title"] += x.title == truth.title
        hits["price"] += bool(x.prices) and abs(x.prices[0].amount - truth.amount) < 1e-9 \
            and x.prices[0].currency == truth.currency
        hits["vendor"] += x.vendor == truth.vendor
        hits["ships_from"] += x.ships_from == truth.ships_from
        hits["description"] += x.description == truth.description
    return {k: v / n for k, v in hits.items()}


def test_heldout_layout_per_field_accuracy():
    acc = fallback_accuracy(200)
    print("fallback accuracy on the held-out layout:", acc)
    assert acc["title"] >= 0.95
    assert acc["price"] >= 0.95
    assert acc["vendor"] >= 0.9
    assert acc["ships_from"] >= 0.9
    assert acc["description"] >= 0.9


def test_json_ld_product():
    ld = {"@context": "https://schema.org", "@type": "Product", "name": "Sample widget",
          "description": "A neutral placeholder.", "sku": "W-1",
          "offers": {"@type": "Offer", "price": "1450.50", "priceCurrency": "EUR",
                     "seller": {"@type": "Person", "name": "vendor_x"}}}
    page = (f'<html><head><script type="application/ld+json">{json.dumps(ld)}</script>'
            '</head><body><h1>Other heading</h1></body></html>')
    res = parse_body(page)
    (x,) = of_type(res, "listing")
    assert x.source == "fallback"
    assert (x.title, x.vendor, x.listing_key) == ("Sample widget", "vendor_x", "W-1")
    assert [p.to_dict() for p in x.prices] == [{"amount": 1450.5, "currency": "EUR"}]
    assert x.confidence >= 0.9
    (page_rec,) = of_type(res, "page")
    assert page_rec.kind == "listing" and page_rec.source == "fallback"


def test_opengraph_and_french_definition_list():
    page = ('<html><head><meta property="og:title" content="Objet factice">'
            '<meta property="product:price:amount" content="1.200,00">'
            '<meta property="product:price:currency" content="EUR"></head><body>'
            '<dl><dt>Annonceur</dt><dd>marchand_y</dd><dt>Expédié depuis</dt><dd>France</dd>'
            '<dt>Livraison</dt><dd>France, Belgique</dd></dl></body></html>')
    (x,) = of_type(parse_body(page), "listing")
    assert x.title == "Objet factice"
    assert [p.to_dict() for p in x.prices] == [{"amount": 1200.0, "currency": "EUR"}]
    assert (x.vendor, x.ships_from, x.ships_to) == ("marchand_y", "France", ["France", "Belgique"])


def test_no_listing_on_a_page_without_price():
    res = parse_body("<html><body><h1>Welcome</h1><p>Forum rules and news.</p></body></html>")
    assert of_type(res, "listing") == []
    assert of_type(res, "page")[0].kind == "other"


def test_unprofiled_vendor_page_with_pgp_key():
    page = ("<html><body><h1>Profil</h1><table><tr><td>Vendeur</td><td>zeta42</td></tr>"
            "</table><pre>-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nmQENBFake\n=abcd\n"
            "-----END PGP PUBLIC KEY BLOCK-----</pre></body></html>")
    res = parse_body(page)
    (v,) = of_type(res, "vendor")
    assert v.name == "zeta42" and v.source == "fallback"
    assert v.pgp_block == ("-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nmQENBFake\n=abcd\n"
                           "-----END PGP PUBLIC KEY BLOCK-----")
