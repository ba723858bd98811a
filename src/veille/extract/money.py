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

from veille.extract._text import trie_regex
from veille.records import Mention

CRYPTO = frozenset({"BTC", "XMR", "ETH", "LTC", "BCH", "ZEC", "DASH", "USDT", "USDC", "TRX"})
# A run of digits and separators: one fast scan finds every number in the text; each run is
# then checked for a currency or unit next to it with anchored matches (no scan-wide regex).
NUMRUN = re.compile(r"[0-9](?:[0-9.,'’\u00a0\u202f ]*[0-9])?")
_NUM_FULL = re.compile(
    r"\d{1,3}(?:(?:[ \u00a0\u202f]|[.,'’])\d{3})+(?:[.,]\d{1,8})?|\d{1,12}(?:[.,]\d{1,8})?"
)
_SPACES = re.compile(r"[ \u00a0\u202f'’]")


@dataclass(frozen=True)
class _Tables:
    cur_after: re.Pattern[str]
    cur_before: re.Pattern[str]
    unit_after: re.Pattern[str]
    unit_glued: re.Pattern[str]
    last_chars: frozenset[str]
    cur_first_chars: frozenset[str]
    unit_first_chars: frozenset[str]
    currencies: dict[str, str]
    units: dict[str, tuple[str, float]]
    network: re.Pattern[str]
    currency_regex: str  # any currency, lower case (extract.prefilter uses it too)
    unit_regex: str  # any unit word, lower case


def _trie(words: list[str]) -> str:
    return trie_regex([[re.escape(c) for c in w.lower()] for w in words])


@cache
def tables() -> _Tables:
    raw = tomllib.loads(
        resources.files("veille.extract").joinpath("data/money.toml").read_text("utf-8")
    )
    symbols: dict[str, str] = raw["currency_symbols"]
    words: dict[str, str] = raw["currency_words"]
    cur = _trie(list(symbols) + list(words))
    units = {k.lower(): (v[0], float(v[1])) for k, v in raw["units"].items()}
    unit = _trie(list(units))
    currencies = {k.lower(): v for k, v in words.items()} | {k.lower(): v for k, v in symbols.items()}
    return _Tables(
        cur_after=re.compile(rf"\s?({cur})"),
        cur_before=re.compile(rf"({cur})\s?$"),
        unit_after=re.compile(rf"[ \u00a0]?({unit})(?![^\W\d_])"),
        unit_glued=re.compile(rf"({unit})(?=[^\W\d_])"),
        last_chars=frozenset(c[-1] for c in currencies),
        cur_first_chars=frozenset(c[0] for c in currencies),
        unit_first_chars=frozenset(u[0] for u in units),
        currencies=currencies,
        units=units,
        network=re.compile(rf"(?<![^\W_])(?:{_trie(raw['network_words'])})(?![^\W_])"),
        currency_regex=cur,
        unit_regex=unit,
    )


def number_runs(text: str) -> list[tuple[int, int]]:
    """(start, end) of every maximal run of digits and number separators, separators trimmed."""
    return [m.span() for m in NUMRUN.finditer(text)]


def _number_at(text: str, s: int, e: int) -> tuple[int, str] | None:
    """The well-formed number ending at e inside the run s..e: (start, digits), or None."""
    raw = text[s:e]
    if _NUM_FULL.fullmatch(raw):
        return s, raw
    # "Quantities 10 25" or "item 3 450,50": keep the last space-separated number.
    cut = max(raw.rfind(" "), raw.rfind("\u00a0"), raw.rfind("\u202f"))
    if cut >= 0 and _NUM_FULL.fullmatch(raw[cut + 1 :]):
        return s + cut + 1, raw[cut + 1 :]
    return None


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


def _word_ok(low: str, s: int, e: int) -> bool:
    """A currency word stands alone ("eur", not "europe"); symbols need no boundary."""
    if not low[s:e].isalpha():
        return True
    return not (e < len(low) and low[e].isalpha()) and not (s > 0 and low[s - 1].isalpha())


def _new_word(text: str, i: int) -> bool:
    """A capitalised word glued on at i ("$750Text preferred"): the number ends before it."""
    return text[i].isupper() and i + 1 < len(text) and text[i + 1].islower()


_DENOMINATORS = frozenset({"2", "3", "4", "8", "16", "32"})
_FRACTION = re.compile(r"(?<![\d/.,])(\d{1,2})/$")


def find_prices(text: str, low: str | None = None,
                runs: list[tuple[int, int]] | None = None) -> Iterator[Mention]:
    t = tables()
    low = text.lower() if low is None else low
    last_chars, first_chars = t.last_chars, t.cur_first_chars
    n = len(low)
    for rs, e in number_runs(text) if runs is None else runs:
        if rs > 0 and low[rs - 1] in ".,":
            continue
        code = None
        before = False
        # One character test rules out most numbers (dates, ratings) before any regex runs.
        nxt = low[e] if e < n else ""
        if nxt.isspace() and e + 1 < n:
            nxt = low[e + 1]
        m = t.cur_after.match(low, e) if nxt in first_chars else None
        if m and _word_ok(low, m.start(1), m.end(1)):
            code, end = t.currencies.get(m.group(1)), m.end()
        elif rs > 0 and (low[rs - 1] in last_chars or (rs > 1 and low[rs - 2] in last_chars)):
            b = t.cur_before.search(low, max(0, rs - 14), rs)
            if b and _word_ok(low, b.start(1), b.end(1)) and not (
                e < len(low) and low[e].isalnum() and not _new_word(text, e)
            ):
                code, before, start, end = t.currencies.get(b.group(1)), True, b.start(1), e
        if code is None:
            continue
        got = _number_at(text, rs, e)
        if got is None:
            continue
        s, num = got
        if before and s != rs:
            continue  # "$ 10 200": the currency belongs to the first number
        if not before:
            start = s
        amount = parse_number(num, crypto=code in CRYPTO)
        if not amount:  # a wallet balance of "฿0.0000" is not a price
            continue
        yield Mention("price", f"{fmt(amount)} {code}", start, end,
                      {"amount": amount, "currency": code})


def _network(low: str, s: int, e: int, end: int, t: _Tables) -> bool:
    """Whether "<n>G" at s..end names a mobile network generation ("4G LTE"), not grams."""
    if end != e + 1 or low[s:e] not in ("2", "3", "4", "5"):
        return False
    return t.network.search(low, max(0, s - 40), min(len(low), end + 40)) is not None


def find_quantities(text: str, low: str | None = None,
                    runs: list[tuple[int, int]] | None = None) -> Iterator[Mention]:
    t = tables()
    low = text.lower() if low is None else low
    first_chars = t.unit_first_chars
    n = len(low)
    for rs, e in number_runs(text) if runs is None else runs:
        nxt = low[e] if e < n else ""
        if nxt in " \u00a0" and e + 1 < n:
            nxt = low[e + 1]
        if nxt not in first_chars:
            continue
        m = t.unit_after.match(low, e)
        if not m:
            # "100gCocaine": a lower-case unit glued to a capitalised word.
            m = t.unit_glued.match(low, e)
            if not (m and text[m.start(1) : m.end(1)].islower() and text[m.end()].isupper()):
                continue
        got = _number_at(text, rs, e)
        if got is None:
            continue
        s, num = got
        if rs > 0 and low[rs - 1] in ".,":
            # ".5g": a leading decimal point, unless the number belongs to a longer one or
            # a word ("v1.5g", "1,.5").
            if not (low[rs - 1] == "." and s == rs and num.isdigit()
                    and (rs == 1 or not (low[rs - 2].isalnum() or low[rs - 2] in ".,"))):
                continue
            s, num = rs - 1, "0." + num
        if text[m.start(1) : m.end(1)] == "G" and (
                _network(low, s, e, m.end(), t) or low[m.end() : m.end() + 1].isdigit()):
            continue  # "4G LTE"; "PT111 G2", "Glock 19 G5": a model, not grams
        unit, factor = t.units[m.group(1)]
        if unit == "round" and m.group(1) == "rd" and num[-1:] == "3" and num[-2:-1] != "1":
            continue  # "3rd", "23rd": an ordinal, not rounds ("13rd" is 13 rounds)
        amount = parse_number(num)
        if not amount:
            continue
        frac = _FRACTION.search(low, max(0, s - 3), s) if num in _DENOMINATORS else None
        if frac and int(frac.group(1)) < amount:  # "1/8 oz", "3/4lb": a fraction of the unit
            amount = int(frac.group(1)) / amount
            s = frac.start()
        amount *= factor
        yield Mention("quantity", f"{fmt(amount)} {unit}", s, m.end(),
                      {"amount": amount, "unit": unit})
