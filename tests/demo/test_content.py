"""What the pages say matches the truth, and the corpus covers what later stages need."""

from __future__ import annotations

import html
import re
from datetime import date

from veille.demo.catalog import OFFERS, TOP_LABELS


def _text(path) -> str:
    return html.unescape(path.read_bytes().decode("utf-8", "replace"))


def test_all_top_labels_appear_on_every_market(corpus):
    _, _, truth = corpus
    labels = {t["label"] for t in truth["listings"]}
    assert labels == set(TOP_LABELS)
    assert len(TOP_LABELS) == 11
    for site in ("comptoir-obscur", "northbay", "schattenmarkt"):
        assert {t["label"] for t in truth["listings"] if t["site"] == site} == set(TOP_LABELS), site
    subs = {t["sublabel"] for t in truth["listings"]}
    assert subs >= {o.sublabel for o in OFFERS} - {"explosives.high_explosives"}
    assert {"firearms.reactivated", "firearms.converted_alarm", "firearms.unfinished_receiver",
            "other.deactivated_certified"} <= subs
    posts = {p["sublabel"] for p in truth["posts"]}
    assert {"other.deactivated_certified", "firearms.reactivated", "ammunition.cartridges", None} <= posts


def test_saved_listing_pages_show_the_truth_values(corpus):
    out, _, truth = corpus
    for t in truth["listings"]:
        if t.get("recapture") or t["malformed"] == "wrong_encoding":
            continue
        text = _text(out / t["path"])
        assert t["title"] in text, t["path"]
        assert t["vendor"] in text
        assert t["listing_id"] in text
        for p in t["prices"]:
            assert p["display"] in text, (t["path"], p)
        for f in t["feedback"]:
            assert f["shown"] in text and f["buyer"] in text
        for ident in t["identifiers"]:
            # Phones are E.164 in the truth and grouped with spaces on the page.
            assert ident in (text.replace(" ", "") if ident.startswith("+") else text)
        y, m, d = t["listed_since"].split("-")
        shown_since = {"comptoir-obscur": f"{d}/{m}/{y}", "northbay": t["listed_since"], "schattenmarkt": f"{d}.{m}.{y}"}
        assert shown_since[t["site"]] in text


def test_some_listings_quote_a_vendor_identifier(corpus):
    _, _, truth = corpus
    vendors = {(v["site"], v["name"]): v for v in truth["vendors"]}
    quoted = [t for t in truth["listings"] if t["identifiers"]]
    assert 100 < len(quoted) < 300
    for t in quoted:
        v = vendors[(t["site"], t["vendor"])]
        own = {a["address"] for a in v["addresses"]} | set(v["handles"].values())
        assert set(t["identifiers"]) <= own


def test_prices_use_four_currencies_and_market_formats(corpus):
    _, _, truth = corpus
    prices = [p for t in truth["listings"] for p in t["prices"]]
    assert {p["currency"] for p in prices} == {"BTC", "XMR", "EUR", "USD"}
    assert sum(len(t["prices"]) == 2 for t in truth["listings"]) > 300
    displays = [p["display"] for p in prices]
    assert any(re.fullmatch(r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+,\d\d €", d) for d in displays)  # 1 450,50 €
    assert any(re.fullmatch(r"\d{1,3}(?:\.\d{3})+,\d\d EUR", d) for d in displays)  # 1.200,00 EUR
    assert any(re.fullmatch(r"\$\d{1,3}(?:,\d{3})+\.\d\d", d) for d in displays)  # $1,250.00
    assert any(re.fullmatch(r"0\.\d{4,5} BTC", d) for d in displays)
    assert any(d.endswith(" XMR") for d in displays)
    # "7,420 XMR" would be ambiguous (decimal comma or thousands separator): never generated.
    assert not [d for d in displays if re.fullmatch(r"\d+[.,]\d{3} (BTC|XMR)", d)]
    for t in truth["listings"]:
        if t["malformed"] == "missing_price":
            assert t["prices"] == []
        else:
            assert t["prices"]


def test_feedback_spans_more_than_six_months_with_relative_and_absolute_dates(corpus):
    _, _, truth = corpus
    dates = [date.fromisoformat(f["date"]) for t in truth["listings"] for f in t["feedback"]]
    assert (max(dates) - min(dates)).days >= 183
    shown = [f["shown"] for t in truth["listings"] for f in t["feedback"]]
    for pattern in (r"^il y a \d+ (jours?|semaines?|mois)$", r"^\d+ (days?|weeks?|months?) ago$",
                    r"^vor \d+ (Tag|Tagen|Woche|Wochen|Monat|Monaten)$", r"^\d\d/\d\d/\d{4}$",
                    r"^\d\d\.\d\d\.\d{4}$", r"^\d{4}-\d\d-\d\d$"):
        assert any(re.match(pattern, s) for s in shown), pattern
    for t in truth["listings"]:
        for f in t["feedback"]:
            assert f["date"] <= t["captured_at"][:10]
            assert re.fullmatch(r"[a-z]\*\*\*[a-z0-9]", f["buyer"])


def test_firearm_listings_name_models_and_calibres(corpus):
    _, _, truth = corpus
    models = {t["model"] for t in truth["listings"] if t["label"] == "firearms" and t["model"]}
    assert {"Glock 19", "AK-47", "AR-15", "Makarov PM", "Tokarev TT-33", "Beretta 92", "CZ Scorpion Evo 3"} <= models
    titles = " ".join(t["title"] for t in truth["listings"])
    for spelling in ("gl0ck", "k4lash", "kalach", "9mm Para", "9 mm Luger", "7.62x39", ".45 ACP", "calibre 12"):
        assert spelling in titles, spelling
    ammo = [t for t in truth["listings"] if t["label"] == "ammunition"]
    assert ammo and all(t["unit"] == "rounds" and t["quantity"] for t in ammo)


def test_contact_handles_use_reserved_ranges(corpus):
    _, _, truth = corpus
    handles = [v["handles"] for v in truth["vendors"]]
    assert {k for h in handles for k in h} == {"telegram", "wickr", "session", "xmpp", "email", "phone"}
    for h in handles:
        if "email" in h:
            assert h["email"].split("@")[1] in {"example.com", "example.net", "example.org"}
        if "phone" in h:
            assert h["phone"].startswith(("+447700900", "+3319900"))
        if "session" in h:
            assert re.fullmatch(r"05[0-9a-f]{64}", h["session"])


def test_malformed_pages_are_what_the_truth_says(corpus):
    out, _, truth = corpus
    kinds = {m["kind"] for m in truth["malformed"]}
    assert kinds == {"truncated", "wrong_encoding", "empty", "huge_attribute", "deep_nesting", "missing_price"}
    listed = {t["path"] for t in truth["listings"]}
    for m in truth["malformed"]:
        data = (out / m["path"]).read_bytes()
        assert (m["path"] in listed) == m["in_listings_truth"]
        if m["kind"] == "empty":
            assert data == b""
        elif m["kind"] == "truncated":
            assert not data.rstrip().endswith(b"</html>")
            assert data.rfind(b"<") > data.rfind(b">")
        elif m["kind"] == "wrong_encoding":
            assert b"charset" not in data
            try:
                data.decode("utf-8")
                raise AssertionError("latin-1 page decodes as UTF-8")
            except UnicodeDecodeError:
                pass
        elif m["kind"] == "huge_attribute":
            assert 1_000_000 < len(data) < 2_000_000
            assert re.search(rb'="[A-Z0-9]{1000000,}"', data)
        elif m["kind"] == "deep_nesting":
            assert b"<div>" * 1000 in data and len(data) < 2_000_000


def test_no_instructions_in_offer_text():
    # The demo must read like a market, never like a manual.
    banned = re.compile(r"\b(how to|step \d|tutorial|recipe|synthes\w*|instructions?|mode d'emploi|anleitung|"
                        r"schritt \d|étape \d|mix|dissolve|drill|mill(ing)?)\b", re.I)
    texts = [t for o in OFFERS for lang in o.titles for t in o.titles[lang] + o.desc[lang]]
    assert texts
    assert [t for t in texts if banned.search(t)] == []


def test_breadcrumb_levels_have_distinct_names(corpus):
    _, _, truth = corpus
    same = {tuple(t["category_path"]) for t in truth["listings"] if len(set(t["category_path"])) < 2}
    assert same == set()
