"""Small helpers shared by the demo renderers: seeded streams, dates, price formatting."""

from __future__ import annotations

import html
import random
from datetime import UTC, date, datetime, timedelta

BASE_TIME = datetime(2026, 6, 1, 12, 0, 0, tzinfo=UTC)
# Fixed exchange rates (EUR per unit) so that fiat and crypto prices agree on every page.
EUR_PER = {"EUR": 1.0, "USD": 0.92, "BTC": 58000.0, "XMR": 150.0}


MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def stream(seed: int, name: str) -> random.Random:
    """An independent RNG per purpose, so that changing one part never shifts another."""
    return random.Random(f"veille-demo:{seed}:{name}")


def esc(s: object) -> str:
    # Escapes what HTML needs (also double quotes, for attributes) but leaves apostrophes
    # alone, as most market software does.
    return html.escape(str(s), quote=False).replace('"', "&quot;")


def iso_z(dt: datetime) -> str:
    return dt.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def capture_time(rng: random.Random, earliest_days: float = 180.0, latest_days: float = 46.0) -> datetime:
    seconds = rng.randrange(int(latest_days * 86400), int(earliest_days * 86400))
    return BASE_TIME - timedelta(seconds=seconds)


def _group(intpart: int, sep: str) -> str:
    s = str(intpart)
    groups = []
    while len(s) > 3:
        groups.insert(0, s[-3:])
        s = s[:-3]
    groups.insert(0, s)
    return sep.join(groups)


def fmt_number(value: float, decimals: int, thousands: str, decimal: str) -> str:
    q = f"{value:.{decimals}f}"
    intpart, _, frac = q.partition(".")
    out = _group(int(intpart), thousands)
    return out + (decimal + frac if decimals else "")


def convert(eur: float, currency: str) -> float:
    return eur / EUR_PER[currency]


def crypto_decimals(currency: str, amount: float) -> int:
    # Never exactly three decimals: "7,420 XMR" would read as seven thousand four hundred
    # and twenty under the thousands-separator convention, and no parser could tell.
    if currency == "BTC":
        return 5 if amount < 0.01 else 4
    return 2 if amount >= 10 else 4


def format_price(lang: str, amount: float, currency: str, rng: random.Random) -> tuple[str, float]:
    """Display string and the amount it shows, in the market's own conventions."""
    if currency in ("BTC", "XMR"):
        d = crypto_decimals(currency, amount)
        shown = round(amount, d)
        dec = "," if lang in ("fr", "de") and rng.random() < 0.7 else "."
        return f"{fmt_number(shown, d, '', dec)} {currency}", shown
    shown = round(amount, 2)
    if lang == "fr":
        sep = rng.choice([" ", "\u00a0", "\u202f"])
        sym = rng.choice([" €", " €", " EUR"]) if currency == "EUR" else " $"
        return fmt_number(shown, 2, sep, ",") + sym, shown
    if lang == "de":
        sym = rng.choice([" EUR", " €"]) if currency == "EUR" else " USD"
        return fmt_number(shown, 2, ".", ",") + sym, shown
    sym = {"USD": "$", "EUR": "€"}[currency]
    return sym + fmt_number(shown, 2, ",", "."), shown


def feedback_date(lang: str, when: date, now: datetime, rng: random.Random) -> tuple[str, date]:
    """A feedback date as markets show it ('il y a 2 semaines', '3 days ago', '12.03.2026').

    Relative dates are snapped to whole weeks or months when shown that way, and the snapped
    date is returned, so the ground truth always equals what the page says.
    """
    days = (now.date() - when).days
    if rng.random() < 0.45 and days <= 150:
        if days < 7:
            n, unit = days, "day"
        elif days < 35:
            n, unit = max(1, round(days / 7)), "week"
        else:
            n, unit = max(1, round(days / 30)), "month"
        when = now.date() - timedelta(days=n * {"day": 1, "week": 7, "month": 30}[unit])
        if n == 0:
            return {"fr": "aujourd'hui", "en": "today", "de": "heute"}[lang], when
        words = {
            "fr": {"day": ("jour", "jours"), "week": ("semaine", "semaines"), "month": ("mois", "mois")},
            "en": {"day": ("day", "days"), "week": ("week", "weeks"), "month": ("month", "months")},
            "de": {"day": ("Tag", "Tagen"), "week": ("Woche", "Wochen"), "month": ("Monat", "Monaten")},
        }[lang][unit]
        word = words[0] if n == 1 else words[1]
        return {"fr": f"il y a {n} {word}", "en": f"{n} {word} ago", "de": f"vor {n} {word}"}[lang], when
    if lang == "fr":
        return when.strftime("%d/%m/%Y"), when
    if lang == "de":
        return when.strftime("%d.%m.%Y"), when
    # Month names from our own table: strftime("%b") would follow the process locale.
    return rng.choice([when.isoformat(), f"{MONTHS_EN[when.month - 1]} {when.day:02d}, {when.year}"]), when


def masked_buyer(rng: random.Random) -> str:
    return rng.choice("abcdefghijklmnopqrstuvwxyz") + "***" + rng.choice("0123456789abcdefghijklmnopqrstuvwxyz")
