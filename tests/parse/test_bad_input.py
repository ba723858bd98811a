"""Hostile and broken pages: a clear warning, never a crash, the rest still parsed."""

from __future__ import annotations

import json

from tests.parse.helpers import of_type, parse_body
from veille.parse import ParseConfig
from veille.parse.guard import limit_nesting

LISTING = ('<html lang="en"><head><title>T</title></head><body>{inner}<h1>Widget</h1>'
           '<table><tr><td>Price</td><td>€12.50</td></tr><tr><td>Vendor</td><td>zed</td></tr>'
           '</table></body></html>')


def test_100000_nested_levels_are_flattened_and_the_page_still_parses():
    n = 100_000
    page = LISTING.format(inner="<div>" * n + "deep text" + "</div>" * n)
    res = parse_body(page)
    (x,) = of_type(res, "listing")
    assert (x.title, x.vendor) == ("Widget", "zed")
    assert [(p.amount, p.currency) for p in x.prices] == [(12.5, "EUR")]
    assert any("nests deeper than 512 levels" in w for w in x.warnings)
    assert "deep text" in of_type(res, "page")[0].text


def test_limit_nesting_leaves_normal_pages_alone():
    page = LISTING.format(inner="<p>a<p>b<li>c" * 2000)  # implicitly closed: flat
    assert limit_nesting(page) == (page, 0)
    deep = "<span>" * 600 + "x" + "</span>" * 600
    out, dropped = limit_nesting(deep)
    assert dropped == 176 and out.count("<span>") == 512 and "x" in out


def test_oversized_page_is_cut_with_a_warning():
    filler = "<p>" + "lorem ipsum " * 100 + "</p>"
    page = LISTING.format(inner="") + filler * 20_000  # about 24 MB
    res = parse_body(page, config=ParseConfig(max_html_bytes=1_000_000))
    assert any("only the first 1000000 were parsed" in w for w in res.warnings)
    assert of_type(res, "listing")[0].title == "Widget"


def test_truncated_page():
    page = LISTING.format(inner="")
    cut = page[: page.index("Vendor") + 3]
    res = parse_body(cut)
    (x,) = of_type(res, "listing")
    assert x.title == "Widget" and x.vendor is None
    assert any("truncated" in w for w in x.warnings)


def test_mis_encoded_page_latin1_without_charset():
    page = LISTING.format(inner="<p>Livraison très rapide, déjà reçu</p>").replace(
        "zed", "zéd").replace("€12.50", "12.50 EUR")
    res = parse_body(page.encode("latin-1"))
    (x,) = of_type(res, "listing")
    assert x.vendor == "zéd"
    assert any("cp1252" in w for w in x.warnings)


def test_binary_garbage_and_empty_input():
    assert parse_body(b"").warnings == ["empty page"]
    res = parse_body(bytes(range(256)) * 100)
    assert of_type(res, "page") and not of_type(res, "listing")


def test_hostile_json_ld_does_not_stop_the_other_readers():
    nested = "[" * 50_000 + "]" * 50_000
    page = (f'<html><head><script type="application/ld+json">{nested}</script>'
            '<script type="application/ld+json">{"@type": "Product", "name": "Ok"</script>'
            '</head><body><h1>Widget</h1><div class="price">12,00 €</div></body></html>')
    res = parse_body(page)
    (x,) = of_type(res, "listing")
    assert x.title == "Widget" and x.prices[0].amount == 12.0
    assert any("JSON-LD" in w for w in res.warnings)


def test_telegram_capture_that_is_not_json():
    from veille.records import TELEGRAM_CONTENT_TYPE

    res = parse_body(b"{not json", content_type=TELEGRAM_CONTENT_TYPE)
    assert res.records == [] and "unreadable Telegram message" in res.warnings[0]
    ok = json.dumps({"chat": {"name": "c", "id": 1},
                     "message": {"id": 5, "from": "a", "date": "2024-01-01T00:00:00",
                                 "text": ["hi ", {"type": "bold", "text": "there"}],
                                 "reply_to_message_id": 4}})
    (m,) = parse_body(ok, content_type=TELEGRAM_CONTENT_TYPE).records
    assert (m.text, m.reply_to, m.author) == ("hi there", "4", "a")


def test_deep_nesting_in_utf16_is_still_caught():
    page = LISTING.format(inner="<div>" * 5000 + "x" + "</div>" * 5000)
    from tests.parse.helpers import doc_of
    from veille.parse import parse

    doc = doc_of(page.encode("utf-16"), content_type="text/html; charset=utf-16")
    res = parse(doc)
    assert any("nests deeper" in w for w in res.warnings)
    assert of_type(res, "listing")[0].title == "Widget"


def test_telegram_service_messages_stay_messages():
    """Service events (channel created, pins) are kept: the case counts every message."""
    from veille.records import TELEGRAM_CONTENT_TYPE

    body = json.dumps({"chat": {"name": "c", "id": 1},
                       "message": {"id": 1, "type": "service", "actor": "c",
                                   "action": "create_channel", "text": ""}})
    (m,) = parse_body(body, content_type=TELEGRAM_CONTENT_TYPE).records
    assert (m.author, m.text, m.message_id) == ("c", "", "1")
    assert parse_body(json.dumps({"chat": {}, "message": [1]}),
                      content_type=TELEGRAM_CONTENT_TYPE).records == []


def test_scripts_styles_and_svg_never_reach_the_text_whatever_their_case_or_encoding():
    # Parsing skips the search for invisible elements on pages whose bytes open none; the
    # byte check must still see them in any ASCII case, and not trust bytes it cannot read.
    hidden = ('<ScRiPt>hiddenscript()</sCrIpT><STYLE>p{color:red}</STYLE>'
              '<Svg><text>hiddensvg</text></Svg><NOSCRIPT>hiddennoscript</NOSCRIPT>'
              '<IFrame>hiddenframe</IFrame><TeMpLaTe>hiddentemplate</TeMpLaTe>')
    page = LISTING.format(inner=hidden + "<p>shown café</p>")
    for body, ctype in ((page.encode("utf-8"), "text/html"),
                        (page.encode("cp1252"), "text/html; charset=windows-1252"),
                        (page.encode("utf-16"), "text/html; charset=utf-16")):
        res = parse_body(body, content_type=ctype)
        text = of_type(res, "page")[0].text
        assert "shown café" in text, ctype
        for word in ("hiddenscript", "color:red", "hiddensvg", "hiddennoscript",
                     "hiddenframe", "hiddentemplate"):
            assert word not in text, (ctype, word)
        (x,) = of_type(res, "listing")
        assert (x.title, x.vendor) == ("Widget", "zed")
    # Without any of them the page text is whole.
    plain = parse_body(LISTING.format(inner="<p>alpha</p><span>beta</span><em>gamma</em>"))
    assert of_type(plain, "page")[0].text.split("\n")[:4] == ["alpha", "beta", "gamma", "Widget"]
