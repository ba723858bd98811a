"""The profile engine: loading and validating profile files, selectors, labels, XPath."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.parse.helpers import of_type, parse_body
from veille.parse import ParseConfig
from veille.parse.profile import ProfileError, builtin_profiles, load_profile

SHOP = """<html lang="en"><head><title>Item | TinyShop</title></head><body>
<div id="crumbs"><a>Home</a> › <a>Tools</a> › <a>Hand tools</a></div>
<h1 class="name">Placeholder wrench</h1>
<table class="facts">
<tr><th>Price:</th><td>1 450,50 € <small>(0.021 BTC)</small></td></tr>
<tr><th>Seller</th><td><a href="/u/bob">bob</a></td></tr>
<tr><th>Ships to</th><td>France, Belgium</td></tr>
</table>
<dl><dt>Origin</dt><dd>Germany</dd></dl>
<ul class="reviews">
 <li><span class="r">4/5</span> <i>2 days ago</i> <p>ok</p></li>
 <li><span class="r">5/5</span> <i>vor 1 Woche</i> <p>gut</p></li>
 <li class="ad">sponsored</li>
</ul></body></html>"""

TINY = """
name = "tinyshop"
default_currency = "EUR"
[match]
title = ['\\| TinyShop$']
[[kind]]
kind = "listing"
css = "h1.name"
[[records]]
type = "listing"
kinds = ["listing"]
[records.fields]
title = { css = "h1.name", required = true }
prices = [{ label = "price", css = "td", type = "price" }]
vendor = { label = "seller", css = "a" }
ships_to = { label = "ships to", type = "list", split = "," }
ships_from = { xpath = "//dl/dt[.='Origin']/following-sibling::dd[1]" }
category_path = { css = "#crumbs a", type = "list" }
missing = { css = ".does-not-exist", required = true }
[[records]]
type = "feedback"
kinds = ["listing"]
each_xpath = "//ul[@class='reviews']/li[span]"
[records.fields]
rating = { xpath = "./span", regex = '(\\d)/5', type = "number" }
date = { xpath = "./i", type = "date" }
text = { xpath = "./p" }
"""


@pytest.fixture
def tiny_dir(tmp_path: Path) -> Path:
    (tmp_path / "tinyshop.toml").write_text(TINY, encoding="utf-8")
    return tmp_path


def test_custom_profile_from_a_directory(tiny_dir: Path):
    res = parse_body(SHOP, url="file:///saved/item.html",
                     config=ParseConfig(profile_dirs=(str(tiny_dir),)))
    (page,) = of_type(res, "page")
    assert page.kind == "listing" and page.source == "profile:tinyshop"
    (x,) = of_type(res, "listing")
    assert x.title == "Placeholder wrench"
    assert [(p.amount, p.currency) for p in x.prices] == [(1450.5, "EUR"), (0.021, "BTC")]
    assert (x.vendor, x.ships_to, x.ships_from) == ("bob", ["France", "Belgium"], "Germany")
    assert x.category_path == ["Home", "Tools", "Hand tools"]
    # A selector that found nothing: a warning on this record, the other fields still there.
    assert any("listing.missing" in w and "found nothing" in w for w in x.warnings)
    assert x.confidence < 1.0
    fb = of_type(res, "feedback")
    assert [(f.rating, f.date, f.date_precision, f.text) for f in fb] == [
        (4.0, "2019-09-09", "day", "ok"), (5.0, "2019-09-04", "week", "gut")]


def test_builtin_profiles_all_load():
    names = {p.name for p in builtin_profiles()}
    assert {"drugsmedicine", "berlusconi", "comptoir-obscur", "northbay", "schattenmarkt",
            "forum-passion-collection"} <= names


@pytest.mark.parametrize(("snippet", "message"), [
    ('name = "Bad Name"', "lower-case identifier"),
    ('name = "x"\n[[records]]\ntype = "listing"\n[records.fields]\ntitle = { css = "h1[" }',
     "bad CSS selector"),
    ('name = "x"\n[[records]]\ntype = "listing"\n[records.fields]\ntitle = { xpath = "//[" }',
     "bad XPath"),
    ('name = "x"\n[[records]]\ntype = "listing"\n[records.fields]\n'
     'title = { css = "h1", regex = "(" }', "bad regex"),
    ('name = "x"\n[[records]]\ntype = "listing"\n[records.fields]\n'
     'title = { css = "h1", typo = 1 }', "unknown keys"),
    ('name = "x"\n[[records]]\ntype = "post"\n[records.fields]\nprice = "span"',
     "no field 'price'"),
    ('name = "x"\n[[kind]]\nkind = "shop"', "kind[0].kind"),
    ('name = "x"\n[[records]]\ntype = "listing"\n[records.fields]\n'
     'title = { css = "h1", type = "money" }', "type 'money'"),
])
def test_profile_errors_name_file_and_key(tmp_path: Path, snippet: str, message: str):
    path = tmp_path / "bad.toml"
    path.write_text(snippet, encoding="utf-8")
    with pytest.raises(ProfileError) as exc:
        load_profile(path)
    assert message in str(exc.value) and "bad.toml" in str(exc.value)


def test_a_broken_profile_file_does_not_stop_the_others(tiny_dir: Path):
    (tiny_dir / "aaa-broken.toml").write_text("name = [", encoding="utf-8")
    res = parse_body(SHOP, config=ParseConfig(profile_dirs=(str(tiny_dir),)))
    assert any("profile skipped" in w and "aaa-broken.toml" in w for w in res.warnings)
    assert of_type(res, "listing")[0].source == "profile:tinyshop"


def test_vendor_profile_claims_other_market_accounts():
    from veille.parse.accounts import claimed_accounts

    text = ("We are also on Agora as GreenLeaf. Aussi sur Dream sous le nom VertFeuille, "
            "auch auf Hansa als Gruen_Blatt; también en Valhalla como HojaVerde. "
            "Alphabay account is up username is also AirPatrol")
    assert claimed_accounts(text) == [
        {"site": "Agora", "name": "GreenLeaf"}, {"site": "Dream", "name": "VertFeuille"},
        {"site": "Hansa", "name": "Gruen_Blatt"}, {"site": "Valhalla", "name": "HojaVerde"},
        {"site": "Alphabay", "name": "AirPatrol"}]
    assert claimed_accounts("Dream Market, for those who don't know me") == []
    # Markets nobody listed: any capitalised name; weekdays are not markets.
    assert claimed_accounts("Auch auf Le Comptoir Obscur als Royal-Shop / also on Le Comptoir "
                            "Obscur as Royal-Shop.") == [
        {"site": "Le Comptoir Obscur", "name": "Royal-Shop"}]
    assert claimed_accounts("we ship also on Mondays as usual") == []
