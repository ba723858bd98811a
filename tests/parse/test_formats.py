"""Built-in export formats on the real files in ../shared/data (skipped when absent)."""

from __future__ import annotations

import collections
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.conftest import shared_data
from veille.formats import Row, get_format, parse_row, row_body, sniff_format
from veille.formats.agora import parse_feedback_text
from veille.records import ROW_CONTENT_TYPE, Document, Record


def records_of(path: Path, expect_format: str, limit: int | None = None) -> list[Record]:
    fmt = sniff_format(path)
    assert fmt is not None and fmt.name == expect_format
    out: list[Record] = []
    for i, row in enumerate(fmt.iter_rows(path)):
        if limit is not None and i >= limit:
            break
        assert isinstance(row, Row), row
        body = row_body(fmt.name, row.table, row.data, path.name)
        res = parse_row(Document(f"cap{i}", "", datetime(2024, 1, 1, tzinfo=UTC),
                                 ROW_CONTENT_TYPE, body))
        assert res.warnings == []
        out.extend(res.records)
    return out


def test_agora_feedback_string_to_rating_and_date():
    raw = ("\n    Feedbacks:\n        5/5\n        good\n\n        2 days ago\n"
           "        anon [0 deals]\n   4/5 slow but ok 10/5 jk 12 days ago anon ~5/5, 1~2 deals")
    fb = parse_feedback_text(raw, datetime(2014, 3, 6))
    assert fb.expected == 2
    assert fb.feedback == [
        {"rating": 5.0, "text": "good", "date": "2014-03-04", "date_precision": "day",
         "buyer": "anon [0 deals]"},
        {"rating": 4.0, "text": "slow but ok 10/5 jk", "date": "2014-02-22",
         "date_precision": "day", "buyer": "anon ~5/5, 1~2 deals"},
    ]
    assert parse_feedback_text("Feedbacks: No feedbacks found.", datetime(2014, 3, 6)) \
        .feedback == []


def test_agora_products_crawl_with_feedback():
    recs = records_of(shared_data("agora-2014", "agora_products_crawl_2014-03.csv"),
                      "agora-2014-products")
    counts = collections.Counter(r.type for r in recs)
    assert counts["listing"] == 5751  # SOURCE.md: 5,751 rows
    first = recs[0]
    # First row: "salamalejkum","3C-P 100 mg HCl",0.0256024,Drugs/Psychedelics/Mescaline
    assert (first.title, first.vendor, first.ships_from) == ("3C-P 100 mg HCl",
                                                             "salamalejkum", "EU")
    assert [p.to_dict() for p in first.prices] == [{"amount": 0.0256024, "currency": "BTC"}]
    assert first.category_path == ["Drugs", "Psychedelics", "Mescaline"]
    feedback = [r for r in recs if r.type == "feedback"]
    # Every feedback entry has a rating and an absolute date; none was lost.
    assert feedback and all(f.rating is not None and f.date for f in feedback)
    assert not [r for r in recs if r.warnings]
    # Third row: "5/5 good 2 days ago anon [0 deals]", crawled 2014-03-06.
    sim = [f for f in feedback if f.listing_title == "ITALIAN SIM CARD"][0]
    assert (sim.rating, sim.text, sim.date, sim.buyer) == (5.0, "good", "2014-03-04",
                                                           "anon [0 deals]")


def test_agora_feedback_failure_rate_over_all_files():
    import csv

    folder = shared_data("agora-2014")
    csv.field_size_limit(1 << 24)
    expected = parsed = 0
    for path in sorted(folder.glob("*.csv")):
        if path.name.startswith("agora_vendorpages"):
            continue
        with open(path, encoding="utf-8", errors="replace", newline="") as fh:
            for row in csv.DictReader(fh):
                fb = parse_feedback_text(row["feedback"], datetime.fromisoformat(row["date"][:10]))
                expected += fb.expected
                parsed += sum(1 for f in fb.feedback if f["rating"] is not None and f["date"])
    failure_rate = 1 - parsed / expected
    print(f"agora feedback: {parsed} of {expected} entries parsed; failure rate "
          f"{failure_rate:.4%}")
    assert expected > 80_000
    assert failure_rate < 0.001


def test_agora_vendorpages():
    recs = records_of(shared_data("agora-2014", "agora_vendorpages_2014-01.csv"),
                      "agora-2014-vendorpages", limit=3)
    assert recs[0].vendor == "3dames"
    assert recs[0].title == "Lorazepam (Ativan) 1 mg x 50 (free shipping)"
    assert recs[0].ships_from is None  # "undeclared"
    assert recs[0].ships_to == ["Worldwide"]


def test_whm_products_and_vendor_keys():
    pysequoia = pytest.importorskip("pysequoia")
    recs = records_of(shared_data("whitehousemarket-2021", "whm_2021-05-23_crawl.json"),
                      "whm-2021")
    listings = [r for r in recs if r.type == "listing"]
    vendors = [r for r in recs if r.type == "vendor"]
    assert len(listings) == 606 and len(vendors) == 3
    x = listings[0]  # id 102520, "USD 50", goldenslash, United States -> Worldwide
    assert (x.listing_key, x.vendor, x.ships_from, x.ships_to) == (
        "102520", "goldenslash", "United States", ["Worldwide"])
    assert [p.to_dict() for p in x.prices] == [{"amount": 50.0, "currency": "USD"}]
    assert x.category_path == ["Benzos", "Other"]
    v = vendors[0]
    assert (v.name, v.joined, v.sales, v.extra["feedback_count"]) == (
        "alibabafrance", "2019-12", 520, 377)
    # The export glued the key's lines together; the reflowed block is a valid key whose
    # fingerprint is the one the export recorded.
    for v in vendors:
        cert = pysequoia.Cert.from_bytes(v.pgp_block.encode())
        assert cert.fingerprint.upper() == v.extra["fingerprint"]


def test_anita_agartha_vendor_and_products():
    vendors = records_of(shared_data("anita-markets", "2020_03_31_agartha_vendor.json"),
                         "anita-json")
    names = [r.name for r in vendors if r.type == "vendor"]
    assert len(names) == 35 and names[0] == "AmazingShop"
    fb = [r for r in vendors if r.type == "feedback"]
    assert fb and all(f.site == "agartha" and f.vendor for f in fb)
    products = records_of(shared_data("anita-markets", "2020_03_31_agartha_product.json"),
                          "anita-json", limit=1)
    (x,) = products
    # "High Quality WAX, Dab (10g for $200)", "swizzbeats ", "200.00000000 USD"
    assert (x.title, x.vendor, x.ships_from, x.ships_to) == (
        "High Quality WAX, Dab (10g for $200)", "swizzbeats", "United Kingdom", ["Worldwide"])
    assert [p.to_dict() for p in x.prices] == [{"amount": 200.0, "currency": "USD"}]


def test_anita_darkmarket_tiered_prices_and_cannahome_key():
    dm = records_of(shared_data("anita-markets", "2020_04_02_darkmarket_product.json"),
                    "anita-json")
    first = dm[0]
    assert [p.amount for p in first.prices] == [1033.87, 1809.27, 3877.01]
    assert {p.currency for p in first.prices} == {"USD"}
    ch = records_of(shared_data("anita-markets", "2020_03_12_cannahome_vendor.json"),
                    "anita-json")
    (v,) = [r for r in ch if r.type == "vendor"]
    assert v.name == "iamlegend1" and v.rating == 4.9
    assert v.pgp_block.startswith("-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nmQINBF00o8cBEACt")


def test_dream_2016_sellers():
    recs = records_of(shared_data("dream-2016-sellers-pgp", "DreamMarket2016_seller.csv"),
                      "dream-2016-sellers")
    assert len(recs) == 690
    first = recs[0]
    assert (first.name, first.joined, first.rating) == ("0ldamsterdam", "2016-07-13", 4.83)
    assert sum(1 for r in recs if r.pgp_block) == 689  # SOURCE.md: 689/690 have a key
    claims = [r for r in recs if r.other_accounts]
    assert claims, "some profiles name their accounts on other markets"


def test_dream_2017_cocaine():
    recs = records_of(shared_data("dream-cocaine-2017", "dream_market_cocaine_listings.csv"),
                      "dream-2017-cocaine", limit=1)
    listing, vendor = recs
    # "!!!!!INTRO OFFER!!!!! 1GR COCAINE 90%", 1 g, 0.02577 BTC, Mister-Molly NL -> EU
    assert (listing.title, listing.quantity, listing.unit) == (
        "!!!!!INTRO OFFER!!!!! 1GR COCAINE 90%", 1.0, "g")
    assert [p.to_dict() for p in listing.prices] == [{"amount": 0.02577, "currency": "BTC"}]
    assert (listing.vendor, listing.ships_from, listing.ships_to) == ("Mister-Molly", "NL",
                                                                      ["EU"])
    assert (vendor.name, vendor.sales, vendor.rating) == ("Mister-Molly", 90, 4.63)


def test_formats_are_registered():
    for name in ("agora-2014-products", "agora-2014-vendorpages", "whm-2021", "anita-json",
                 "dream-2016-sellers", "dream-2017-cocaine"):
        assert get_format(name).name == name


def test_cli_parse_export_file_prints_records():
    from typer.testing import CliRunner

    from veille.cli import app

    path = shared_data("whitehousemarket-2021", "whm_2021-05-23_crawl.json")
    run = CliRunner().invoke(app, ["parse", str(path)])
    assert run.exit_code == 0, run.output
    import json

    lines = [json.loads(x) for x in run.stdout.splitlines()]
    assert collections.Counter(x["type"] for x in lines) == {"listing": 606, "vendor": 3}
    first = lines[0]
    assert first["price"] == {"amount": 50.0, "currency": "USD"}
    assert first["vendor"] == "goldenslash" and first["source"] == "format:whm-2021"
