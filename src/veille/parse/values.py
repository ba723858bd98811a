"""Light post-processing of scraped strings: numbers, prices, absolute and relative dates.

Market pages write the same value many ways ("1 450,50 €", "1.200,00 EUR", "฿0.0060",
"il y a 3 jours", "vor 1 Woche", "3 days, 12 hours"); these helpers turn them into plain
values and never raise on bad input: they return None and let the caller warn.
"""

from __future__ import annotations

import re
from calendar import isleap
from datetime import date, datetime, timedelta

from veille.records import Price

# Currency words and symbols as pages write them, to ISO 4217 codes or crypto tickers.
CURRENCY_SYMBOLS: dict[str, str] = {
    "€": "EUR", "$": "USD", "US$": "USD", "£": "GBP", "¥": "JPY", "₽": "RUB", "₹": "INR",
    "฿": "BTC", "₿": "BTC", "Ƀ": "BTC", "ɱ": "XMR", "Ł": "LTC", "CHF": "CHF", "Fr.": "CHF",
}
CURRENCY_WORDS: dict[str, str] = {
    "eur": "EUR", "euro": "EUR", "euros": "EUR", "usd": "USD", "dollar": "USD",
    "dollars": "USD", "dólares": "USD", "gbp": "GBP", "pound": "GBP", "pounds": "GBP",
    "btc": "BTC", "xbt": "BTC", "bitcoin": "BTC", "bitcoins": "BTC", "xmr": "XMR",
    "monero": "XMR", "ltc": "LTC", "litecoin": "LTC", "eth": "ETH", "bch": "BCH",
    "zec": "ZEC", "dash": "DASH", "usdt": "USDT", "cad": "CAD", "aud": "AUD", "chf": "CHF",
    "jpy": "JPY", "rub": "RUB", "pln": "PLN", "sek": "SEK", "nok": "NOK", "dkk": "DKK",
    "czk": "CZK", "brl": "BRL", "mxn": "MXN", "inr": "INR", "nzd": "NZD",
}
CRYPTO = frozenset({"BTC", "XMR", "LTC", "ETH", "BCH", "ZEC", "DASH"})
_SYMBOL_RE = "|".join(re.escape(s) for s in sorted(CURRENCY_SYMBOLS, key=len, reverse=True))
_WORD_RE = "|".join(sorted(CURRENCY_WORDS, key=len, reverse=True))
# A number as pages write it: digits with optional thousands groups (space, thin space,
# dot, comma, apostrophe) and an optional decimal part.
_NUM = r"\d{1,3}(?:[ \u00a0\u202f'.,]\d{3}(?!\d))+(?:[.,]\d+)?|\d+(?:[.,]\d+)?|[.,]\d+"
_CUR = rf"(?:{_SYMBOL_RE}|\b(?:{_WORD_RE})\b)"
# One pattern for "currency then amount" or "amount then currency", kept for callers that
# need a match object; scanning long texts goes number-first (iter_prices), which is about
# ten times faster than trying every currency alternative at every position.
PRICE_RE = re.compile(
    rf"(?P<c1>{_CUR})\s?(?P<n1>{_NUM})|(?P<n2>{_NUM})\s?(?P<c2>{_CUR})", re.IGNORECASE
)
NUMBER_RE = re.compile(rf"[-+]?(?:{_NUM})")
_AMOUNT_RE = re.compile(_NUM)
_GROUP_MARKS = re.compile(r"[ \u00a0\u202f']")
_CODE_RE = re.compile(r"[A-Za-z]{3,5}")


def parse_number(text: str | None, decimal: str | None = None) -> float | None:
    """'1 450,50' -> 1450.5, '1.200,00' -> 1200.0, '1,200.5' -> 1200.5, '12,5' -> 12.5.

    `decimal` ("," or ".") is the page's decimal mark when known (from the profile or the
    page language); it only decides the ambiguous case of one separator followed by three
    digits: "1,553" is 1553 on an English page and 1.553 on a French one.
    """
    if not text:
        return None
    m = NUMBER_RE.search(text)
    if m is None:
        return None
    s = m.group(0)
    if " " in s or "\u00a0" in s or "\u202f" in s or "'" in s:
        s = _GROUP_MARKS.sub("", s)
    sign = -1.0 if s.startswith("-") else 1.0
    s = s.lstrip("+-")
    if "." in s and "," in s:
        # The last separator is the decimal one.
        dec = "." if s.rfind(".") > s.rfind(",") else ","
        s = s.replace("," if dec == "." else ".", "").replace(dec, ".")
    elif "," in s or "." in s:
        sep = "," if "," in s else "."
        parts = s.split(sep)
        # Several separators, or one followed by exactly three digits after a non-zero
        # integer part, mean thousands ("1,200", "1.200.000"); otherwise decimal ("12,5").
        thousands = len(parts) > 2 or (len(parts[1]) == 3 and parts[0] not in ("", "0"))
        if len(parts) == 2 and len(parts[1]) == 3 and decimal is not None:
            thousands = sep != decimal
        if thousands:
            s = "".join(parts)
        else:
            s = parts[0] + "." + parts[1]
    try:
        return sign * float(s)
    except ValueError:
        return None


def normalise_currency(text: str | None) -> str | None:
    if not text:
        return None
    t = text.strip()
    if t in CURRENCY_SYMBOLS:
        return CURRENCY_SYMBOLS[t]
    return CURRENCY_WORDS.get(t.lower()) or (t.upper() if _CODE_RE.fullmatch(t)
                                              else None)


_SYMBOLS_BY_LENGTH = sorted(CURRENCY_SYMBOLS, key=len, reverse=True)
_SYM_BY_FIRST: dict[str, list[str]] = {}
_SYM_BY_LAST: dict[str, list[str]] = {}
for _sym in _SYMBOLS_BY_LENGTH:
    _SYM_BY_FIRST.setdefault(_sym[0], []).append(_sym)
    _SYM_BY_LAST.setdefault(_sym[-1], []).append(_sym)
_LEADING_WORD = re.compile(r"[^\W\d_]+")
_TRAILING_WORD = re.compile(r"[^\W\d_]+$")


def _currency_after(text: str, end: int) -> tuple[str, int] | None:
    i = end + 1 if text[end:end + 1] in (" ", "\u00a0", "\u202f") else end
    for sym in _SYM_BY_FIRST.get(text[i:i + 1], ()):
        if text.startswith(sym, i):
            if sym.isalpha() and _LEADING_WORD.match(text, i).end() != i + len(sym):
                continue  # "CHFX" is not CHF
            return sym, i + len(sym)
    if not text[i:i + 1].isalpha():
        return None
    m = _LEADING_WORD.match(text, i, i + 12)
    if m is not None and m.group(0).lower() in CURRENCY_WORDS and (
            m.end() == len(text) or not text[m.end()].isalnum()):
        return m.group(0), m.end()
    return None


def _currency_before(text: str, start: int) -> tuple[str, int] | None:
    j = start - 1 if start and text[start - 1] in (" ", "\u00a0", "\u202f") else start
    if not j:
        return None
    last = text[j - 1]
    for sym in _SYM_BY_LAST.get(last, ()):
        if j >= len(sym) and text.startswith(sym, j - len(sym)):
            k = j - len(sym)
            if sym.isalpha() and k and text[k - 1].isalpha():
                continue
            return sym, k
    if not last.isalpha():
        return None
    m = _TRAILING_WORD.search(text, max(0, j - 12), j)
    if m is not None and m.group(0).lower() in CURRENCY_WORDS and (
            m.start() == 0 or not text[m.start() - 1].isalnum()):
        return m.group(0), m.start()
    return None


def iter_price_matches(text: str, limit: int | None = None, max_numbers: int | None = None):
    """(amount text, currency text, start, end) of each amount with a currency next to it.

    Number first, then a look at the characters around it: scanning a long page this way
    is about ten times faster than trying every currency alternative at every position.
    """
    n = 0
    for i, m in enumerate(_AMOUNT_RE.finditer(text)):
        if max_numbers is not None and i >= max_numbers:
            return
        start, end = m.span()
        after = _currency_after(text, end)
        if after is not None:
            yield m.group(0), after[0], start, after[1]
        else:
            before = _currency_before(text, start)
            if before is None:
                continue
            yield m.group(0), before[0], before[1], end
        n += 1
        if limit is not None and n >= limit:
            return


def find_prices(text: str, default_currency: str | None = None,
                decimal: str | None = None) -> list[Price]:
    """Every amount-with-currency in `text`; a bare number takes `default_currency`."""
    out: list[Price] = []
    for num, cur_text, _, _ in iter_price_matches(text or ""):
        cur = normalise_currency(cur_text)
        dec = decimal
        seps = [c for c in num if c in ".,"]
        if cur in CRYPTO and len(seps) == 1 and " " not in num.strip():
            # Crypto prices carry fractions ("8.993 XMR", "1,553 XMR"), never thousands.
            dec = seps[0]
        amount = parse_number(num, dec)
        if amount is not None and cur:
            out.append(Price(amount=amount, currency=cur))
    if not out and default_currency:
        amount = parse_number(text, decimal)
        if amount is not None:
            out.append(Price(amount=amount, currency=default_currency.upper()))
    return out


DECIMAL_COMMA_LANGS = frozenset("fr de es it nl pt ru pl cs sk sv da nb nn fi tr el ro hu "
                                "uk bg hr sr sl lt lv et id".split())


def decimal_for_lang(lang: str | None) -> str | None:
    """The decimal mark a page in this language uses ("fr-FR" -> ","); None if unknown."""
    if not lang:
        return None
    base = lang.strip().lower().replace("_", "-").split("-")[0]
    if base in DECIMAL_COMMA_LANGS:
        return ","
    return "." if base in ("en", "zh", "ja", "ko", "he", "th", "ga", "mt") else None


# --- dates -------------------------------------------------------------------------------

MONTHS: dict[str, int] = {}
for _i, _names in enumerate(
    [
        "january jan janvier janv januar jän enero ene",
        "february feb février fevrier févr fév februar febrero",
        "march mar mars märz marz marzo",
        "april apr avril avr abril abr",
        "may mai mayo",
        "june jun juin juni junio",
        "july jul juillet juil juli julio",
        "august aug août aout agosto ago",
        "september sep sept septembre septiembre setiembre",
        "october oct octobre oktober okt octubre",
        "november nov novembre noviembre",
        "december dec décembre decembre déc dezember dez diciembre dic",
    ],
    start=1,
):
    for _n in _names.split():
        MONTHS[_n] = _i

UNITS: dict[str, str] = {}
for _unit, _words in {
    "second": "s sec secs second seconds seconde secondes sekunde sekunden segundo segundos",
    "minute": "m min mins minute minutes minuten minuto minutos",
    "hour": "h hr hrs hour hours heure heures stunde stunden hora horas",
    "day": "d day days jour jours tag tage tagen día dia días dias",
    "week": "w wk wks week weeks semaine semaines woche wochen semana semanas",
    "month": "mo month months mois monat monate monaten mes meses",
    "year": "y yr yrs year years an ans année années jahr jahre jahren año años ano anos",
}.items():
    for _w in _words.split():
        UNITS[_w] = _unit
_UNIT_ORDER = ["year", "month", "week", "day", "hour", "minute", "second"]
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "un": 1, "une": 1, "ein": 1, "einem": 1, "einer": 1,
    "eine": 1, "uno": 1, "una": 1, "two": 2, "deux": 2, "zwei": 2, "dos": 2,
    "three": 3, "trois": 3, "drei": 3, "tres": 3,
}
# Matched against lower-cased text, so without IGNORECASE (which made each scan two to
# three times slower; the only extra matches it allowed, such as a dotless "ı", were not
# keys of UNITS or _NUMBER_WORDS and raised KeyError below).
_REL_PART = re.compile(
    r"(\d+|" + "|".join(_NUMBER_WORDS) + r")\s*(" + "|".join(
        sorted((re.escape(u) for u in UNITS), key=len, reverse=True)) + r")\b\.?",
)
_TODAY = {"today": 0, "aujourd'hui": 0, "aujourd’hui": 0, "heute": 0, "hoy": 0,
          "yesterday": 1, "hier": 1, "gestern": 1, "ayer": 1,
          "just now": 0, "à l'instant": 0, "gerade eben": 0, "ahora": 0}


_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


_REL_FILLER = re.compile(r"\b(ago|il y a|vor|hace|depuis|seit|since|and|et|und|y)\b|[,\s]")


def _minus_months(d: datetime, months: int) -> datetime:
    y, m = divmod(d.month - 1 - months, 12)
    year, month = d.year + y, m + 1
    # calendar.monthrange also computes the weekday; only the month's length is needed.
    last = 29 if month == 2 and isleap(year) else _MONTH_DAYS[month - 1]
    return d.replace(year=year, month=month, day=min(d.day, last))


def _iso(d: datetime, precision: str) -> str:
    if precision in ("second", "minute", "hour"):
        if precision == "hour":
            d = d.replace(minute=0, second=0, microsecond=0)
        elif precision == "minute":
            d = d.replace(second=0, microsecond=0)
        return d.replace(microsecond=0, tzinfo=None).isoformat()
    return d.date().isoformat()


def parse_relative_date(text: str, now: datetime) -> tuple[str, str] | None:
    """'2 days ago', 'il y a 3 jours', 'vor 1 Woche', 'hace 2 semanas', '1 week, 2 days'.

    Returns (ISO date or datetime, precision) where precision is the smallest unit the
    text gives, so '1 week' stays a week-precise date.
    """
    t = (text or "").strip().lower().replace("\u00a0", " ")
    if not t or len(t) > 120:
        return None
    if t in _TODAY:
        return _iso(now - timedelta(days=_TODAY[t]), "day"), "day"
    if not any(c.isdigit() for c in t) or " " not in t:
        # "yesterday 14:00" style: a day word with something after it
        head = t.split(" ", 1)[0]
        if head in _TODAY:
            return _iso(now - timedelta(days=_TODAY[head]), "day"), "day"
    # One scan gives both the relative parts and what lies between them (as findall and
    # sub("") would, in two scans).
    parts: list[tuple[str, str]] = []
    between: list[str] = []
    last = 0
    for m in _REL_PART.finditer(t):
        parts.append((m.group(1), m.group(2)))
        between.append(t[last:m.start()])
        last = m.end()
    if not parts:
        return None
    between.append(t[last:])
    # Reject strings with other content (e.g. a price) beyond the relative parts.
    if _REL_FILLER.sub("", "".join(between)):
        return None
    d = now
    smallest = "year"
    for num, unit_word in parts:
        n = int(num) if num.isdigit() else _NUMBER_WORDS[num.lower()]
        unit = UNITS[unit_word.lower()]
        if unit == "year":
            d = _minus_months(d, 12 * n)
        elif unit == "month":
            d = _minus_months(d, n)
        else:
            d = d - timedelta(**{unit + "s": n})
        if _UNIT_ORDER.index(unit) > _UNIT_ORDER.index(smallest):
            smallest = unit
    return _iso(d, smallest), smallest


_FOUR_DIGITS = re.compile(r"\d{4}")
_ISO_RE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?)?")
_DMY_RE = re.compile(r"\b(\d{1,2})[./-](\d{1,2})[./-](\d{4}|\d{2})\b")
_TEXT_DATE_RE = re.compile(
    r"(?:(?P<d1>\d{1,2})\.?\s*(?:de\s+)?(?P<m1>[a-zéûäè]{3,10})\.?,?\s*(?:de\s+)?(?P<y1>\d{4})"
    r"|(?P<m2>[a-zéûäè]{3,10})\.?\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{4}))",
    re.IGNORECASE,
)


def parse_date(
    text: str | None, now: datetime | None = None, fmt: str | None = None,
    dayfirst: bool = True,
) -> tuple[str, str] | None:
    """An absolute or relative date to (ISO string, precision); None when not a date."""
    if not text:
        return None
    t = " ".join(text.split())
    if fmt:
        try:
            d = datetime.strptime(t, fmt)
        except ValueError:
            pass
        else:
            precision = "second" if "%S" in fmt else "minute" if "%M" in fmt else "day"
            return _iso(d, precision), precision
    # The ISO and written-month forms both need a four-digit year; relative dates ("2
    # months ago", the usual review date) have none and skip both scans.
    has_year = _FOUR_DIGITS.search(t) is not None
    m = _ISO_RE.search(t) if has_year else None
    if m:
        y, mo, da = int(m.group(1)), int(m.group(2)), int(m.group(3))
        try:
            if m.group(4):
                d = datetime(y, mo, da, int(m.group(4)), int(m.group(5)), int(m.group(6) or 0))
                prec = "second" if m.group(6) else "minute"
                return _iso(d, prec), prec
            return date(y, mo, da).isoformat(), "day"
        except ValueError:
            return None
    m = _TEXT_DATE_RE.search(t) if has_year else None
    if m:
        mon = MONTHS.get((m.group("m1") or m.group("m2") or "").lower())
        if mon:
            try:
                d0 = date(int(m.group("y1") or m.group("y2")), mon,
                          int(m.group("d1") or m.group("d2")))
                return d0.isoformat(), "day"
            except ValueError:
                pass
    m = _DMY_RE.search(t)
    if m:
        a, b, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        y = y + 2000 if y < 100 else y
        # Day first (European) unless told otherwise or impossible ("12/31/2014").
        day, mon = (a, b) if (dayfirst and b <= 12) or a > 12 else (b, a)
        try:
            return date(y, mon, day).isoformat(), "day"
        except ValueError:
            return None
    if now is not None:
        return parse_relative_date(t, now)
    return None
