"""Numbers, prices and dates as market pages write them."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from veille.parse.values import decimal_for_lang, find_prices, parse_date, parse_number

NOW = datetime(2024, 3, 15, 10, 30, tzinfo=UTC)


@pytest.mark.parametrize(("text", "decimal", "want"), [
    ("1 450,50 €", None, 1450.5),
    ("1\u202f450,50", None, 1450.5),
    ("1.200,00 EUR", None, 1200.0),
    ("$1,200.50", None, 1200.5),
    ("12,5", None, 12.5),
    ("0,003", None, 0.003),
    ("1,553", None, 1553.0),
    ("1,553", ",", 1.553),
    ("1.553", ",", 1553.0),
    ("1'250.00 CHF", None, 1250.0),
    ("200.00000000 USD", None, 200.0),
    ("no digits", None, None),
])
def test_parse_number(text, decimal, want):
    assert parse_number(text, decimal) == want


@pytest.mark.parametrize(("text", "default", "want"), [
    ("1 450,50 €", None, [(1450.5, "EUR")]),
    ("1.200,00 EUR", None, [(1200.0, "EUR")]),
    ("€2,056.00", None, [(2056.0, "EUR")]),
    ("฿0.0060", None, [(0.006, "BTC")]),
    ("35 EUR (≈ 0.003834 BTC)", None, [(35.0, "EUR"), (0.003834, "BTC")]),
    ("8.993 XMR", None, [(8.993, "XMR")]),
    ("1,553 XMR", None, [(1.553, "XMR")]),
    ("12 euros", None, [(12.0, "EUR")]),
    ("precio: 30 dólares", None, [(30.0, "USD")]),
    ("0.003834", "BTC", [(0.003834, "BTC")]),
    ("Price on request", "USD", []),
])
def test_find_prices(text, default, want):
    assert [(p.amount, p.currency) for p in find_prices(text, default)] == want


@pytest.mark.parametrize(("text", "want"), [
    ("2 days ago", ("2024-03-13", "day")),
    ("il y a 3 jours", ("2024-03-12", "day")),
    ("vor 1 Woche", ("2024-03-08", "week")),
    ("hace 2 semanas", ("2024-03-01", "week")),
    ("il y a 2 mois", ("2024-01-15", "month")),
    ("vor 3 Monaten", ("2023-12-15", "month")),
    ("hace 1 año", ("2023-03-15", "year")),
    ("3 hours ago", ("2024-03-15T07:00:00", "hour")),
    ("1 week, 2 days", ("2024-03-06", "day")),
    ("yesterday", ("2024-03-14", "day")),
    ("hier", ("2024-03-14", "day")),
    ("gestern", ("2024-03-14", "day")),
    ("ayer", ("2024-03-14", "day")),
    ("aujourd'hui", ("2024-03-15", "day")),
    ("a month ago", ("2024-02-15", "month")),
    ("2019-05-25 10:23:00", ("2019-05-25T10:23:00", "second")),
    ("13/07/2016", ("2016-07-13", "day")),
    ("03.01.2026", ("2026-01-03", "day")),
    ("12 janvier 2014", ("2014-01-12", "day")),
    ("Feb 11, 2026", ("2026-02-11", "day")),
    ("12. März 2014", ("2014-03-12", "day")),
    ("12 de marzo de 2014", ("2014-03-12", "day")),
    ("price 3 days", None),
    ("", None),
])
def test_parse_date(text, want):
    assert parse_date(text, NOW) == want


def test_month_end_and_us_order():
    assert parse_date("1 month ago", datetime(2024, 3, 31)) == ("2024-02-29", "month")
    assert parse_date("12/31/2014", NOW) == ("2014-12-31", "day")
    assert parse_date("03/04/2014", NOW, dayfirst=False) == ("2014-03-04", "day")
    assert parse_date("25/05/2019 10:23", NOW, fmt="%d/%m/%Y %H:%M") == (
        "2019-05-25T10:23:00", "minute")


def test_decimal_for_lang():
    assert decimal_for_lang("fr-FR") == "," and decimal_for_lang("de") == ","
    assert decimal_for_lang("en") == "." and decimal_for_lang(None) is None
