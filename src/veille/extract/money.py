"""Prices (amount + currency) and quantities (grams, pills, rounds, boxes...).

Numbers are read in English, French, German and Swiss formats ("1,450.50", "1 450,50",
"1.450,50", "1'450.50"). A lone separator followed by exactly three digits is a thousands
separator for fiat ("1.200 EUR" is 1200) but a decimal point for crypto ("0.500 BTC").
Currencies and units are data: data/money.toml.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources

from veille.records import Mention

CRYPTO = frozenset({"BTC", "XMR", "ETH", "LTC", "BCH", "ZEC", "DASH", "USDT", "USDC", "TRX"})
_NUM = (
    r"(?<![\d.,'’])(?:\d{1,3}(?:(?:[ \u00a0\u202f]|[.,'’])\d{3})+(?:[.,]\d{1,8})?"
    r"|\d{1,12}(?:[.,]\d{1,8})?)(?![\d])"
)
_SPACES = re.compile(r"[ \u00a0\u202f'’]")


@dataclass(frozen=True)
class _Tables:
    price_re: re.Pattern[str]
    quantity_re: re.Pattern[str]
    currencies: dict[str, str]
    units: dict[str, tuple[str, float]]


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def tables() -> _Tables:
    raw = tomllib.loads(
        resources.files("veille.extract").joinpath("data/money.toml").read_text("utf-8")
    )
    symbols: dict[str, str] = raw["currency_symbols"]
    words: dict[str, str] = raw["currency_words"]
    cur = rf"(?:{_alt(list(symbols))}|(?<![A-Za-z])(?:{_alt(list(words))})(?![A-Za-z]))"
    price_re = re.compile(
        rf"(?P<c1>{cur})\s?(?P<n1>{_NUM})(?![0-9A-Za-z])|(?P<n2>{_NUM})\s?(?P<c2>{cur})", re.I
    )
    units = {k.lower(): (v[0], float(v[1])) for k, v in raw["units"].items()}
    quantity_re = re.compile(
        rf"(?P<n>{_NUM})[ \u00a0]?(?P<u>{_alt(list(units))})(?![^\W\d_])", re.I
    )
    currencies = {k.lower(): v for k, v in words.items()} | {k.lower(): v for k, v in symbols.items()}
    return _Tables(price_re, quantity_re, currencies, units)


def parse_number(s: str, crypto: bool = False) -> float | None:
    s = _SPACES.sub("", s)
    if "," in s and "." in s:
        dec = "," if s.rfind(",") > s.rfind(".") else "."
        s = s.replace("." if dec == "," else ",", "").replace(dec, ".")
    else:
        sep = "," if "," in s else "." if "." in s else ""
        if sep:
            parts = s.split(sep)
            if len(parts) > 2 or len(parts[1]) == 3 and parts[0] != "0" and not crypto:
                s = "".join(parts)
            else:
                s = parts[0] + "." + parts[1]
    try:
        return float(s)
    except ValueError:
        return None


def fmt(x: float) -> str:
    return f"{x:.8f}".rstrip("0").rstrip(".")


def find_prices(text: str) -> Iterator[Mention]:
    t = tables()
    for m in t.price_re.finditer(text):
        cur_raw = m.group("c1") or m.group("c2")
        num = m.group("n1") or m.group("n2")
        code = t.currencies.get(cur_raw.lower())
        if code is None:
            continue
        amount = parse_number(num, crypto=code in CRYPTO)
        if not amount:  # a wallet balance of "฿0.0000" is not a price
            continue
        yield Mention("price", f"{fmt(amount)} {code}", m.start(), m.end(),
                      {"amount": amount, "currency": code})


def find_quantities(text: str) -> Iterator[Mention]:
    t = tables()
    for m in t.quantity_re.finditer(text):
        u = m.group("u")
        if u == "G":  # "4G", "5G": networks, not grams
            continue
        unit, factor = t.units[u.lower()]
        amount = parse_number(m.group("n"))
        if amount is None or amount == 0:
            continue
        amount *= factor
        yield Mention("quantity", f"{fmt(amount)} {unit}", m.start(), m.end(),
                      {"amount": amount, "unit": unit})
