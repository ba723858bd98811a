"""One Hyperscan pass that tells the slower extractors where to look.

A page holds thousands of numbers (dates, ratings, counts) and only a few are prices,
quantities or phones; it holds thousands of words and only a few start a firearm or calibre
name, a crypto address, a contact label or a PGP label. Walking every number run and trying
each regex at every word start were the largest costs of extraction in Python. One
multi-pattern pass of Hyperscan (a compiled regex engine made for this) finds the number runs
next to a currency, a unit or after a phone label, and the places where a firearm or calibre
alias, a crypto token, a contact-label anchor or a PGP label begins; the same Python tests and
regexes then run at those places alone.

Hyperscan is optional (its wheels exist for x86-64 Linux and macOS). Without it `scan`
returns None and the callers walk the whole text: the mentions are the same either way, which
tests/extract/test_fast_paths.py checks.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from functools import cache
from typing import Any

from veille.extract import arms, contacts, money, pgp

try:  # an accelerator, not a requirement
    import hyperscan
except ImportError:  # pragma: no cover - depends on the platform
    hyperscan = None

COMPILE_AFTER_CHARS = 1_000_000
_seen = 0  # characters read before the pre-filter was compiled
_wanted = False  # compile (or use) the pre-filter from now on
_MAIN_THREAD = threading.main_thread().ident
_local = threading.local()
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_CURRENCY_AFTER, _CURRENCY_BEFORE, _UNIT_AFTER, _PHONE_LABEL = 1, 2, 3, 4
_TOKEN = 5  # where crypto.find_addresses' token regex can match
_ANCHOR, _PGP_LABEL, _CUE = 100, 500, 700  # + the index of the anchor / PGP label / cue
_FIREARM, _CALIBRE = 1_000, 100_000  # + the index of the alias head


@dataclass(frozen=True, slots=True)
class Signals:
    # Number runs that money.find_prices, find_quantities and contacts.find_national_phones
    # could accept (each a superset of what it accepts; blobs not yet taken out).
    price_runs: list[tuple[int, int]]
    quantity_runs: list[tuple[int, int]]
    phone_runs: list[tuple[int, int]]
    firearm_starts: list[int]  # every place arms.firearm_matcher().scan can match
    calibre_starts: list[int]
    token_starts: list[int]  # every place crypto._TOKEN can match
    anchor_starts: list[int]  # every occurrence of a contact-label anchor (contacts.vocab())
    pgp_labels: list[tuple[int, str]]  # (start, label) of every PGP label occurrence
    cue_starts: list[int]  # where a chambering word (arms.bare_cues()) starts a word


def _ascii(pattern: str) -> str:
    """The pattern for the ASCII view of the text, where every other character is "?"."""
    return _NON_ASCII.sub(r"\\?", pattern)


@cache
def _database() -> tuple[Any, Any] | None:
    if hyperscan is None:
        return None
    t = money.tables()
    cur, units = t.currency_regex, t.unit_regex
    patterns = {
        # Superset of what each consumer accepts: money.find_prices reads a currency right
        # after the run (after one space) or right before it; find_quantities a unit after it;
        # contacts.find_national_phones a number at most 25 characters after a phone label.
        # Written for the ASCII view `scan` takes, where any other character reads "?".
        # (Python's \s also takes the ASCII separators \x1c-\x1f, Hyperscan's does not.)
        _CURRENCY_AFTER: rf"[0-9][\s\x1c-\x1f?]?(?:{cur})",
        _CURRENCY_BEFORE: rf"(?:{cur})[\s\x1c-\x1f?]?[0-9]",
        _UNIT_AFTER: rf"[0-9][ ?]?(?:{units})",
        _PHONE_LABEL: rf"(?:{contacts.vocab().phone_label_regex})[^0-9\n]{{0,25}}[0-9]",
    }
    # crypto._TOKEN is "\b" and 14 or more of [0-9A-Za-z]: its start, on the lower-cased text.
    patterns[_TOKEN] = r"\b[0-9a-z]{14}"
    patterns |= {_ANCHOR + i: re.escape(a) for i, a in enumerate(_anchors())}
    patterns |= {_PGP_LABEL + i: re.escape(lab) for i, lab in enumerate(pgp.FPR_LABELS)}
    patterns |= {_CUE + i: r"\b" + re.escape(c) for i, c in enumerate(arms.bare_cues())}
    # The firearm scan starts at an ASCII word boundary, as here.
    patterns |= {_FIREARM + i: r"\b" + h for i, h in enumerate(arms.firearm_matcher().heads)}
    patterns |= {_CALIBRE + i: h for i, h in enumerate(arms.calibre_matcher().heads)}
    ids = list(patterns)
    som = hyperscan.HS_FLAG_SOM_LEFTMOST
    db = hyperscan.Database()
    db.compile(
        expressions=[_ascii(patterns[i]).encode("ascii") for i in ids], ids=ids,
        elements=len(ids),
        flags=[som if i in (_CURRENCY_AFTER, _UNIT_AFTER) or i >= _FIREARM else 0 for i in ids],
    )
    return db, hyperscan.Scratch(db)


def _anchors() -> tuple[str, ...]:
    return contacts.vocab().anchors


def available() -> bool:
    """Whether the pre-filter runs here; compiles it now if it can."""
    global _wanted
    _wanted = True
    return _database() is not None


_RUN_CHARS = frozenset("0123456789.,'’\u00a0\u202f ")


def _run_around(low: str, d: int) -> tuple[int, int]:
    """The number run (money.NUMRUN's match) holding the digit at d."""
    s = d
    while s > 0 and low[s - 1] in _RUN_CHARS:
        s -= 1
    while not low[s].isdigit():
        s += 1
    e, n = d + 1, len(low)
    while e < n and low[e] in _RUN_CHARS:
        e += 1
    while not low[e - 1].isdigit():
        e -= 1
    return s, e


def scan(low: str) -> Signals | None:
    """Where the extractors should look in `low` (the lower-cased text); None when the
    pre-filter does not run here (the callers then walk the whole text)."""
    global _seen, _wanted
    if not _wanted:
        # Compiling costs about a second: worth it once this process has read ~1 MB of text
        # (or at once when `available()` or extract.prepare() asked for it), not for one
        # short text on the command line.
        _seen += len(low)
        if _seen < COMPILE_AFTER_CHARS:
            return None
        _wanted = True
    got = _database()
    if got is None:
        return None
    db, scratch = got
    if threading.get_ident() != _MAIN_THREAD:
        # A scratch space serves one scan at a time: each other thread gets its own.
        scratch = getattr(_local, "scratch", None)
        if scratch is None:
            scratch = _local.scratch = hyperscan.Scratch(db)
    # One byte per character, so Hyperscan's offsets are the text's: anything not ASCII reads
    # "?" here and in the patterns, which can only add places to look, never lose one.
    data = low.encode("ascii", "replace")
    price: list[int] = []  # a digit of the run
    quantity: list[int] = []
    phone: list[int] = []
    firearm: list[int] = []
    calibre: list[int] = []
    tokens: list[int] = []
    anchors: list[int] = []
    labels: list[tuple[int, str]] = []
    cues: list[int] = []
    anchor_list, pgp_list, cue_list = _anchors(), pgp.FPR_LABELS, arms.bare_cues()

    def on_match(pattern: int, start: int, end: int, flags: int, context: object) -> None:
        # Most frequent first: numbers, then anchors and tokens.
        if pattern == _UNIT_AFTER:
            quantity.append(start)
        elif pattern == _CURRENCY_AFTER:
            price.append(start)
        elif pattern == _CURRENCY_BEFORE:
            price.append(end - 1)
        elif pattern == _PHONE_LABEL:
            phone.append(end - 1)
        elif pattern >= _CALIBRE:
            calibre.append(start)
        elif pattern >= _FIREARM:
            firearm.append(start)
        elif pattern >= _CUE:
            cues.append(end - len(cue_list[pattern - _CUE]))
        elif pattern >= _PGP_LABEL:
            lab = pgp_list[pattern - _PGP_LABEL]
            labels.append((end - len(lab), lab))
        elif pattern >= _ANCHOR:
            anchors.append(end - len(anchor_list[pattern - _ANCHOR]))
        else:
            tokens.append(end - 14)

    db.scan(data, match_event_handler=on_match, scratch=scratch)
    # A calibre alias may start with a dot the head leaves out (".45 ACP").
    calibre += [s - 1 for s in calibre if s > 0 and low[s - 1] == "."]
    around: dict[int, tuple[int, int]] = {}

    def runs(digits: list[int]) -> list[tuple[int, int]]:
        out = set()
        for d in digits:
            r = around.get(d)
            if r is None:
                r = around[d] = _run_around(low, d)
            out.add(r)
        return sorted(out)

    return Signals(runs(price), runs(quantity), runs(phone), sorted(set(firearm)),
                   sorted(set(calibre)), tokens, sorted(set(anchors)), sorted(labels),
                   sorted(set(cues)))
