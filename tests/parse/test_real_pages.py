"""The three real saved market pages in ../shared/data/anita-markets.

Every expected value below was written by reading the saved HTML by eye (the page as a
person sees it), not by running the parser. Captured 2019-09-11 (file names); the
capture time is taken as 12:00 UTC that day, so relative dates resolve against it.
"""

from __future__ import annotations

from tests.conftest import shared_data
from tests.parse.helpers import of_type, parse_body

DM_HOST = "http://4yjes6zfucnh7vcj.onion"
BM_HOST = "http://x46aijvgcv4dfaharqk6wkn3ksckui3z7ltlbaqu4ohblx7lzgig4fad.onion"


def _page(name: str) -> bytes:
    return (shared_data("anita-markets") / name).read_bytes()


# --- Drugs & Medicine, product page --------------------------------------------------------


def dm_product():
    return parse_body(_page("drugsmedicine_product_cocaine_2019-09-11.htm"),
                      url=f"{DM_HOST}/market/item/1g_of_pure_uncut_peruvian_cocaine")


def test_dm_product_listing_fields():
    res = dm_product()
    (page,) = of_type(res, "page")
    assert page.kind == "listing" and page.source == "profile:drugsmedicine"
    (listing,) = of_type(res, "listing")
    assert listing.source == "profile:drugsmedicine"
    assert listing.site == "drugsmedicine"
    assert listing.title == "1G of PURE UNCUT PERUVIAN COCAINE"
    assert [p.to_dict() for p in listing.prices] == [{"amount": 0.006, "currency": "BTC"}]
    assert listing.vendor == "fredthebaker"
    assert listing.ships_from == "Germany"
    assert listing.ships_to == ["Worldwide"]
    assert listing.category_path == ["Cocaine"]
    assert listing.listing_key == "1g_of_pure_uncut_peruvian_cocaine"
    assert listing.extra["vendor_rating"] == 95.4
    assert listing.confidence == 1.0
    assert listing.warnings == []


def test_dm_product_feedback_count_ratings_dates():
    feedback = of_type(dm_product(), "feedback")
    # Ten reviews are shown on the first page of the listing's feedback.
    assert len(feedback) == 10
    assert [f.rating for f in feedback] == [5, 5, 5, 5, 5, 5, 5, 5, 4, 5]
    # Relative ages on the page, against 2019-09-11 12:00: precision is the smallest unit.
    assert [(f.date, f.date_precision) for f in feedback] == [
        ("2019-09-08T00:00:00", "hour"),  # 3 days, 12 hours
        ("2019-09-07T19:00:00", "hour"),  # 3 days, 17 hours
        ("2019-09-06T13:00:00", "hour"),  # 4 days, 23 hours
        ("2019-09-05T14:00:00", "hour"),  # 5 days, 22 hours
        ("2019-09-04", "week"),  # 1 week
        ("2019-09-04", "week"),  # 1 week
        ("2019-09-02", "day"),  # 1 week, 2 days
        ("2019-09-01", "day"),  # 1 week, 3 days
        ("2019-08-28", "week"),  # 2 weeks
        ("2019-08-27", "day"),  # 2 weeks, 1 day
    ]
    assert feedback[0].text == ("took longer than expected but all in all ok. good stuff and "
                                "stealth delivery. Thankxx")
    # Source line breaks inside a <p> are whitespace, not line breaks.
    assert feedback[5].text == ("Great seller. First time doing business and the best "
                                "service so far on SR. Excellent stelth, product and "
                                "delivery was very fast. Will order again.")
    assert all(f.vendor == "fredthebaker" for f in feedback)
    assert all(f.listing_key == "1g_of_pure_uncut_peruvian_cocaine" for f in feedback)
    assert all(f.buyer is None for f in feedback)  # the page shows no buyer names


# --- Drugs & Medicine, vendor page ---------------------------------------------------------

PGP_FRED = """-----BEGIN PGP PUBLIC KEY BLOCK-----
Version: GnuPG v1.4.12 (MingW32)

mQENBFJDVeABCADTJKC+DD1961PSeWAOmnAYP8flyop0xJyowHzMUrFlW9XfJPSF
6oOKeoml9XBnInIkME4Ketc6adEtPNhA+l25Ubpc1ZETbljUJSL/fOpenNYVq8ul
yeFkq5jrvOdM4E6+CBn6wrx2ONKwwLw+ULck4hPttAAAWV5lUzMcuUUTDptig3nI
fQIi9mdzLK4h6XMamLc4A813qZpOC2FDwEYPhoXiKCw1P9ZZwVeCxFTu6wzlvve4
oadKes5R8dNpkw/5yUyFtGAqqrkjKJvHG1PMGuRqNgwb2N5VDLExK3AAWNo6KHOB
V6vrtTmf0yhWfipLQsKG0NR5Bi7If3628sDPABEBAAG0F215a2V5IDxub21haWxA
bGFsYS5jb20+iQE4BBMBAgAiBQJSQ1XgAhsDBgsJCAcDAgYVCAIJCgsEFgIDAQIe
AQIXgAAKCRDW1PLUSxPuA+kUB/wK4ItE0M4NZx5dRubbjc85wsR6Qg7Xm2IUyW5P
+0HkSCuPhrzxqYkBc/tjOWFfa7LAkQsVgMJ9pcASI6iQW3j3dzhj0dho0fGFHvLA
fMonWyr/b/gbnSAXMfZfuzeLu52eOJqaQTubokiHD6rU6zbMUO42MnVrlnLo6Dag
ON9sC9qjKercUeJZccUvru8OD6AbNhnxCFyl1RjWBCE7smiGCvwTPvYO1ZMTQF5Q
irhGoJZ3hvJWJnpW6E0ZXnq1bFE0XjZpSKXWspnV5lJM3cCdl80sNgCdeC17zF1i
c5SOPvZ2p8CNQgB7/UuzC6rZMhXIx3sEdV1zQXnbum3EajiVuQENBFJDVeABCACs
T3aAzxn6HYUa4f5+Q4J1QF8fD3AaQxcGRdXcsiGeICNqRRv2gphn6wMzZ2KJC2dO
fWhfuTZjKLFG52RYjoA9iq3HzcFxffsgffXaTsX0rLYOviGB+TRllZ6bqdRZ5nw6
WC0BZKJCPUiGCWZM8bbJm2ACilUe2LZrimPCYFbepRdySEjnYuMyxq1R5/byE/Nh
tOMN/ZPNSQkjD216QON1EIyp1IfgL+H/tvAprH2Sjw/8NhkMH2ytLnmVQdV4y6sD
DaQSPoxSVpK1pRCbL/YZ+QgIEWOxkY8vIBpMqFOJuK9La6o9zlIVWhiBtO33O/O7
r8KrLc4UtxkvIm/ReQETABEBAAGJAR8EGAECAAkFAlJDVeACGwwACgkQ1tTy1EsT
7gOfnggAoL3H9JBSEpFzJnVGW+do8Ru0zWwMJ3Y0urHxzQfndJqPR3UibeS5yZuo
VWjf2I+jqdiGXjxs3w7iiLKoS30i4uS/e+IXYhMFkX0jRyM323gz+SBFGoChCRpD
U6+2RrEZ140rj/e06fsGpk4FwEOndYFROpe+dNWmBClgZiwXiEcsrDtL4zzVuqw0
LCVreO4umyN5PwEsGztAl48D9+dSGpiLvPfJm/GUtqXIm6NXKp0x9jvBYVkCq9s6
SMMe5wcsQDm2UVOodV55drzJhiVqRZnXIEzqvSlBcefvrFrpEOhlaGRXCVBS974F
Ea2RcRrLKuWR13WgN7Z76wrl65ayKA==
=Tz/a
-----END PGP PUBLIC KEY BLOCK-----"""


def dm_vendor():
    return parse_body(_page("drugsmedicine_vendor_fredthebaker_2019-09-11.htm"),
                      url=f"{DM_HOST}/market/user/fredthebaker")


def test_dm_vendor_profile():
    res = dm_vendor()
    (page,) = of_type(res, "page")
    assert page.kind == "vendor"
    (vendor,) = of_type(res, "vendor")
    assert vendor.name == "fredthebaker"
    assert vendor.sales == 523  # "transactions 523"
    assert vendor.rating == 4.77  # "avg rating 4.77 / 5.0"
    # "vendor for 5 years, 10 months" before 2019-09-11: month precision.
    assert vendor.joined == "2013-11-11"
    assert vendor.pgp_block == PGP_FRED
    assert vendor.profile_text.startswith(
        "***** NEW RULES - WE REQUIRE EVERYONE TO FINALIZE EARLY *****\n"
        "*****ONLY DOING THIS UNTIL THE BITCOIN STABILIZES *****")
    assert "WE SHIP PRODUCTS FROM GERMANY AND THE NETHERLANDS" in vendor.profile_text


def test_dm_vendor_page_listings_table():
    listings = of_type(dm_vendor(), "listing")
    got = [(x.title, [p.to_dict() for p in x.prices], x.ships_to, x.ships_from,
            x.category_path, x.vendor) for x in listings]
    btc = "BTC"
    assert got == [
        ("5G of PURE UNCUT PERUVIAN COCAINE", [{"amount": 0.0281, "currency": btc}],
         ["Worldwide"], "Germany", ["Cocaine"], "fredthebaker"),
        ("1G of PURE UNCUT PERUVIAN COCAINE", [{"amount": 0.006, "currency": btc}],
         ["Worldwide"], "Germany", ["Cocaine"], "fredthebaker"),
        ("3.5G of PURE UNCUT PERUVIAN COCAINE", [{"amount": 0.0196, "currency": btc}],
         ["Worldwide"], "Germany", ["Cocaine"], "fredthebaker"),
        ("1g Beautiful MDMA 80%+", [{"amount": 0.0022, "currency": btc}],
         ["Worldwide"], "Germany", ["MDMA"], "fredthebaker"),
    ]
    assert listings[3].listing_key == "1g_beautiful_mdma_80"
    assert listings[3].url == f"{DM_HOST}/market/item/1g_beautiful_mdma_80"


def test_dm_vendor_page_feedback():
    feedback = of_type(dm_vendor(), "feedback")
    assert len(feedback) == 10
    assert [f.rating for f in feedback] == [5, 5, 5, 5, 5, 5, 5, 4, 5, 5]
    assert [(f.date, f.date_precision) for f in feedback] == [
        ("2019-09-04", "week"), ("2019-09-04", "week"), ("2019-09-04", "week"),
        ("2019-09-02", "day"), ("2019-09-01", "day"), ("2019-08-31", "day"),
        ("2019-08-28", "week"), ("2019-08-28", "week"),
        ("2019-08-27", "day"), ("2019-08-27", "day"),
    ]
    assert feedback[5].text == "Just in time. Scale happy, test kit happy, i´m happy."
    assert {f.vendor for f in feedback} == {"fredthebaker"}


# --- Berlusconi, product page (terms tab) -------------------------------------------------


def bm_product(url: str | None = None):
    return parse_body(
        _page("berlusconi_product_0a07869e4f96_tab2_2019-09-11.htm"),
        url=url or f"{BM_HOST}/index.php?c=listings&a=product&code=0a07869e4f96&tab=2")


def test_berlusconi_listing():
    res = bm_product()
    (listing,) = of_type(res, "listing")
    assert listing.source == "profile:berlusconi"
    assert listing.title == "AXA MED TREN 1MG"
    # "35 EUR" with its bitcoin equivalent "0.003834" under it.
    assert [p.to_dict() for p in listing.prices] == [
        {"amount": 35.0, "currency": "EUR"}, {"amount": 0.003834, "currency": "BTC"}]
    assert listing.vendor == "SocialPharma"
    assert listing.ships_from == "Europe"
    assert listing.ships_to == ["Worldwide"]
    assert listing.category_path == ["Drugs & Chemicals", "Steroids"]
    assert listing.listing_key == "0a07869e4f96"
    assert listing.listed_since == "2019-05-25T10:23:00"  # "1 items sold since 2019-05-25 10:23:00"
    assert listing.extra["sold"] == 1
    assert listing.extra["stock"] == 99
    assert listing.extra["escrow"] == "Full escrow"
    assert listing.description.startswith("----SHIPPING-----\nWe ship signed and tracked")


def test_berlusconi_vendor_feedback_tally():
    (vendor,) = of_type(bm_product(), "vendor")
    assert vendor.name == "SocialPharma"
    # "[+62|−0]" next to the vendor name.
    assert vendor.extra == {"feedback_positive": 62, "feedback_negative": 0}
    assert vendor.pgp_block is None  # this page shows no key


def test_saved_page_matched_by_markers_without_its_url():
    """A page saved to disk has a file URL: the profile matches on the page's own markers."""
    res = bm_product(url="file:///evidence/berlusconi_product.htm")
    (listing,) = of_type(res, "listing")
    assert listing.source == "profile:berlusconi" and listing.title == "AXA MED TREN 1MG"
