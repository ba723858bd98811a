"""Accounts on other markets that a vendor profile claims ("also on Agora as X").

The claims are what the vendor wrote, not a proven identity: linking decides later how
much to trust them.
"""

from __future__ import annotations

import re

MARKETS = (
    "Silk Road 2", "Silk Road", "SR2", "Agora", "Evolution", "AlphaBay", "Alpha Bay", "Dream",
    "Hansa", "Wall Street", "WSM", "Empire", "Berlusconi", "White House", "WHM", "Nucleus",
    "Abraxas", "Valhalla", "Tochka", "Versus", "Cannazon", "Torrez", "Dark0de", "Monopoly",
    "ASAP", "Outlaw", "Pandora", "Middle Earth", "Oasis", "Apollon", "Point", "Olympus",
    "CannaHome", "Agartha", "DarkMarket", "Hydra", "Black Market Reloaded", "BMR", "TradeRoute",
    "Cryptonia", "Samsara", "Flugsvamp", "Wallstreet",
)
_MARKET = "(?P<site>" + "|".join(re.escape(m) for m in sorted(MARKETS, key=len, reverse=True)) + ")"
_NAME = r"@?(?P<name>[A-Za-z0-9][\w.\-]{1,39})"
_PATTERNS = [
    # "also on Agora as X", "aussi sur Agora sous le nom X", "auch auf Agora als X",
    # "también en Agora como X"
    re.compile(
        r"(?i:also|aussi|auch|también|tambien|found|find (?:me|us)|trouvez-(?:moi|nous))"
        r"(?:\s+(?i:présente?|presente?|actif|active|aktiv|vertreten|activo|activa))?\s+"
        r"(?i:on|sur|auf|en|at|bei)\s+"
        # a known market, or any capitalised name of up to four words ("Le Comptoir Obscur")
        r"(?:(?i:" + _MARKET + r")|(?P<site2>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3}))"
        r"(?:\s+(?i:market))?\s*"
        r"(?i:as|under|sous le nom(?: de)?|als|unter|como|con el nombre|:)\s*" + _NAME,
    ),
    # "Agora: X", "Dream market name = X", "my Hansa account is X"
    re.compile(
        r"\b" + _MARKET + r"(?:\s+market)?\s*(?:name|account|profile|nick|username|pseudo)?"
        r"\s*(?:[:=]|\bis\b|\best\b|\bist\b|\bes\b)\s*" + _NAME,
        re.IGNORECASE,
    ),
    # "Alphabay account is up username is also AirPatrol"
    re.compile(
        r"\b" + _MARKET + r"\b[^.\n]{0,40}?\b(?:username|user name|name|nick|pseudo)\s+"
        r"(?:is|est|ist|es)\s+(?:also\s+|aussi\s+|auch\s+|tambi[eé]n\s+)?" + _NAME,
        re.IGNORECASE,
    ),
    # "Hansa http://hansamkt2rr6nfg3.onion/vendor/ALaurizen"
    re.compile(
        r"\b" + _MARKET + r"\b[^\n]{0,60}?\.onion/(?:vendor|user|profile|seller|u|v)/"
        + _NAME,
        re.IGNORECASE,
    ),
]
_NOT_SITES = {
    "monday", "mondays", "tuesday", "tuesdays", "wednesday", "wednesdays", "thursday",
    "thursdays", "friday", "fridays", "saturday", "saturdays", "sunday", "sundays",
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "montag",
    "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "lunes", "martes",
    "miércoles", "jueves", "viernes", "sábado", "domingo", "request", "demand", "i", "we",
}
_STOP = {"the", "a", "an", "my", "our", "same", "le", "la", "der", "die", "das", "el", "down",
         "closed", "offline", "and", "et", "und", "y", "up", "live", "open", "active",
         "back", "banned", "gone", "also", "aussi", "auch", "now", "still", "here", "usual",
         "always", "well", "before", "soon", "requested", "needed"}


def claimed_accounts(text: str, limit: int = 20) -> list[dict[str, str]]:
    """[{"site": market, "name": account}] in order of first mention, deduplicated."""
    out: list[dict[str, str]] = []
    seen: set[tuple[str, str]] = set()
    for pat in _PATTERNS:
        for m in pat.finditer(text[:100_000]):
            name = m.group("name").rstrip(".-")
            if name.lower() in _STOP or len(name) < 2:
                continue
            site = m.group("site") or (m.groupdict().get("site2") or "")
            if not site or site.split()[0].lower() in _NOT_SITES:
                continue
            key = (site.lower(), name.lower())
            if key not in seen:
                seen.add(key)
                out.append({"site": site, "name": name})
                if len(out) >= limit:
                    return out
    return out
