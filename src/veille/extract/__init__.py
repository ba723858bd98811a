"""Extract stage: text becomes mentions (identifiers). Pure functions; never imports store or web.

Contract the pipeline relies on:
    extract(text: str, *, default_region: str | None = None) -> list[Mention]
Offsets are character offsets into `text`; `value` is the normalised form; mentions come sorted
by (start, end, kind).

Warnings (a PGP block that is truncated or does not parse, an oversized text) never raise:
    - `extract(text, on_warning=callback)` calls `callback(message)` for each one, or
    - `extract_with_warnings(text)` returns `Extraction(mentions, warnings)`.
Without either, warnings are dropped and extraction still returns everything else it found.

Kinds (part of the interface): btc ltc bch xmr eth zec dash trx btg xrp (checksum-validated only),
onion onion_v2, pgp pgp_fingerprint, email phone telegram wickr session signal xmpp icq kik
whatsapp, price quantity, firearm calibre. See the README's extraction section for details.

Every scan is a single left-to-right regex pass or a literal search with bounded look-around,
so time grows linearly with the text, including 10 MB single lines of base58 or hex. Where
Hyperscan is installed, one pass of it (prefilter.py) tells the extractors where to look
(numbers, firearm and calibre names, crypto tokens, contact and PGP labels), with the same
results.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache

from veille.extract import arms, contacts, crypto, money, onion, pgp, prefilter
from veille.extract._text import lower_view
from veille.records import Mention

KINDS = (
    "btc", "ltc", "bch", "xmr", "eth", "zec", "dash", "trx", "btg", "xrp", "onion", "onion_v2", "pgp",
    "pgp_fingerprint", "email", "phone", "telegram", "wickr", "session", "signal", "xmpp", "icq",
    "kik", "whatsapp", "price", "quantity", "firearm", "calibre",
)
CRYPTO_KINDS = frozenset({"btc", "ltc", "bch", "xmr", "eth", "zec", "dash", "trx", "btg", "xrp"})
DEFAULT_MAX_CHARS = 50_000_000
_PHONE_RUN_KINDS = frozenset({"phone", "whatsapp", "telegram", "signal"})
_RUN_KINDS = _PHONE_RUN_KINDS | {"price", "quantity"}
_LOW_KINDS = frozenset({"pgp_fingerprint", "firearm", "calibre", "wickr", "session", "xmpp",
                        "icq", "kik"})
_ONION_KINDS = frozenset({"onion", "onion_v2"})
_CONTACT_KINDS = frozenset({"email", "phone", "telegram", "wickr", "session", "signal", "xmpp",
                            "icq", "kik", "whatsapp"})
_ALL_KINDS = frozenset(KINDS)


@dataclass(slots=True)
class Extraction:
    mentions: list[Mention] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _inside(spans: list[tuple[int, int]], m: Mention) -> bool:
    return any(s <= m.start and m.end <= e for s, e in spans)


def _resolve(mentions: Iterable[Mention], pgp_spans: list[tuple[int, int]]) -> list[Mention]:
    seen: set[tuple[str, int, int]] = set()
    out: list[Mention] = []
    for m in mentions:
        key = (m.kind, m.start, m.end)
        if key in seen:
            continue
        # Base64 inside an armoured key is not prose: nothing else is read from it.
        if pgp_spans and m.kind != "pgp" and _inside(pgp_spans, m):
            continue
        seen.add(key)
        out.append(m)
    # A JID labelled as Jabber is not also reported as an e-mail address.
    xmpp = {(m.start, m.end) for m in out if m.kind == "xmpp"}
    if xmpp:
        out = [m for m in out if not (m.kind == "email" and (m.start, m.end) in xmpp)]
    out.sort(key=lambda m: (m.start, m.end, m.kind))
    return out


_BLOB_CHARS = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz+/=")
_BLOB_AHEAD = re.compile(r"[0-9A-Za-z+/=]*")
_BLOB_MIN = 64


def _in_blob(text: str, i: int) -> bool:
    """Whether position i lies in a run of 64+ base58/hex/base64 characters: digits inside
    those are never prices, phones or calibres. Looks at most 64 characters either way, so
    hostile blobs stay cheap however many numbers they hold."""
    ahead = _BLOB_AHEAD.match(text, i, i + _BLOB_MIN).end() - i
    j, floor = i, max(0, i - (_BLOB_MIN - ahead))
    while j > floor and text[j - 1] in _BLOB_CHARS:
        j -= 1
    return ahead + (i - j) >= _BLOB_MIN


@cache
def _currency_edges() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Currencies of one character, and the first and last two characters of longer ones."""
    cur = list(money.tables().currencies)
    return (frozenset(c for c in cur if len(c) == 1), frozenset(c[:2] for c in cur if len(c) > 1),
            frozenset(c[-2:] for c in cur if len(c) > 1))


def _run_in_blob(text: str, rs: int, e: int) -> bool:
    """Whether the number run rs..e lies in a blob. Common case first: a short run with nothing
    blob-like on either side is not in one."""
    if e - rs < _BLOB_MIN and (rs == 0 or text[rs - 1] not in _BLOB_CHARS) and (
            e == len(text) or text[e] not in _BLOB_CHARS):
        return False
    return _in_blob(text, rs)


def _outside_blobs(text: str, runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    return [(rs, e) for rs, e in runs if not _run_in_blob(text, rs, e)]


def _candidate_runs(
    text: str, low: str, runs: Iterable[tuple[int, int]], want: frozenset[str]
) -> tuple[list[tuple[int, int]], list[tuple[int, int]], list[tuple[int, int]]]:
    """The number runs each of price, quantity and national-phone could use, outside blobs.

    Most of a page's numbers (dates, ratings, counts) fail all three consumers' first cheap
    test; one loop applies a copy of those tests (each consumer still applies its own), so the
    blob test and the consumers' loops see only the few that pass."""
    t = money.tables()
    first, last, units = t.cur_first_chars, t.last_chars, t.unit_first_chars
    cur1, cur2, cur_end2 = _currency_edges()
    do_price, do_qty = "price" in want, "quantity" in want
    do_phone = bool(want & _PHONE_RUN_KINDS)
    n = len(low)
    price: list[tuple[int, int]] = []
    qty: list[tuple[int, int]] = []
    phone: list[tuple[int, int]] = []
    blob_until = -1  # end of the last blob found: every run starting before it is in it
    for r in runs:
        rs, e = r
        if rs < blob_until:
            continue
        nxt = low[e] if e < n else ""
        nxt2 = low[e + 1] if e + 1 < n else ""
        is_price = is_qty = False
        if do_price and not (rs > 0 and low[rs - 1] in ".,"):
            # A currency starting after the run (after one space), or ending before it
            # (before one space): first or last character, then the first or last two.
            p = e + 1 if nxt.isspace() and nxt2 else e
            c = low[p] if p < n else ""
            if c in first and (c in cur1 or low[p : p + 2] in cur2):
                is_price = True
            elif rs > 0:
                q = rs - 1 if rs > 1 and low[rs - 1].isspace() else rs
                c = low[q - 1]
                is_price = c in last and (c in cur1 or low[max(0, q - 2) : q] in cur_end2)
        if do_qty:
            is_qty = nxt2 in units if nxt in " \u00a0" and nxt2 else nxt in units
        is_phone = do_phone and (e - rs >= 6 or nxt in ("-", "/", ")", "("))
        if not (is_price or is_qty or is_phone):
            continue
        if _run_in_blob(text, rs, e):
            blob_until = _BLOB_AHEAD.match(text, rs).end()
            continue
        if is_price:
            price.append(r)
        if is_qty:
            qty.append(r)
        if is_phone:
            phone.append(r)
    return price, qty, phone


def extract_with_warnings(
    text: str,
    *,
    default_region: str | None = None,
    kinds: Iterable[str] | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Extraction:
    """All mentions in `text`, plus the warnings met on the way. Never raises on bad text.

    `default_region` (ISO 3166 alpha-2, e.g. "FR") lets national-format phone numbers parse.
    `kinds` limits the scan to some kinds (all by default). Text beyond `max_chars` is not read,
    with a warning.
    """
    warnings: list[str] = []
    if not isinstance(text, str):
        raise TypeError(f"extract() needs str, not {type(text).__name__}")
    if len(text) > max_chars:
        warnings.append(f"text is {len(text)} characters; only the first {max_chars} were read")
        text = text[:max_chars]
    want = _ALL_KINDS if kinds is None else frozenset(kinds)
    unknown = want - _ALL_KINDS
    if unknown:
        raise ValueError(f"unknown mention kinds: {sorted(unknown)}")
    region = default_region.upper() if default_region else None

    needs_runs = want & _RUN_KINDS
    needs_low = needs_runs or want & _LOW_KINDS
    low = lower_view(text) if needs_low else ""
    # Where to look, from one Hyperscan pass when it is installed (else None: every scan runs).
    # (Asked for addresses, e-mails and onions alone, the plain scans are cheaper than the pass.)
    signals = prefilter.scan(low) if needs_low else None
    # The number runs worth a look: those next to a currency, a unit or after a phone label,
    # or else every run (money.number_runs) through the consumers' first cheap tests.
    if signals is not None:
        price_runs, qty_runs, phone_runs = (
            _outside_blobs(text, r) for r in (signals.price_runs, signals.quantity_runs,
                                              signals.phone_runs))
    else:
        runs = map(re.Match.span, money.NUMRUN.finditer(text)) if needs_runs else ()
        price_runs, qty_runs, phone_runs = _candidate_runs(text, low, runs, want)
    found: list[Mention] = []
    pgp_spans: list[tuple[int, int]] = []
    if "-----BEGIN PGP" in text:
        blocks = list(pgp.find_pgp_blocks(text, warnings.append))
        pgp_spans = [(m.start, m.end) for m in blocks]
        if "pgp" in want:
            found += blocks
    if "pgp_fingerprint" in want:
        found += pgp.find_fingerprints(text, low, signals and signals.pgp_labels)
    if want & CRYPTO_KINDS:
        found += (m for m in crypto.find_addresses(text, signals and signals.token_starts)
                  if m.kind in want)
    if want & _ONION_KINDS:
        found += (m for m in onion.find_onions(text) if m.kind in want)
    if want & _CONTACT_KINDS:
        found += (m for m in contacts.find_contacts(
            text, region, low, phone_runs, want, signals and signals.anchor_starts)
                  if m.kind in want)
    if "price" in want:
        found += money.find_prices(text, low, price_runs)
    if "quantity" in want:
        found += money.find_quantities(text, low, qty_runs)
    if want & {"firearm", "calibre"}:
        calibres = list(arms.find_calibres(text, low, signals and signals.calibre_starts))
        firearms = arms.drop_cartridge_makers(
            list(arms.find_firearms(text, low, signals and signals.firearm_starts)), calibres)
        if "calibre" in want:
            found += calibres + arms.find_bare_calibres(text, low, firearms, calibres,
                                                         signals and signals.cue_starts)
        if "firearm" in want:
            found += firearms
    return Extraction(_resolve(found, pgp_spans), warnings)


def prepare() -> None:
    """Compile every vocabulary and the pre-filter now (about 2 s), so that processes forked
    afterwards share them instead of each compiling its own."""
    money.tables()
    contacts.vocab()
    arms.firearm_matcher()
    arms.calibre_matcher()
    prefilter.available()


def extract(
    text: str,
    *,
    default_region: str | None = None,
    on_warning: Callable[[str], None] | None = None,
    kinds: Iterable[str] | None = None,
) -> list[Mention]:
    """The identifiers in `text` as mentions; warnings go to `on_warning` if given."""
    result = extract_with_warnings(text, default_region=default_region, kinds=kinds)
    if on_warning is not None:
        for w in result.warnings:
            on_warning(w)
    return result.mentions


__all__ = ["CRYPTO_KINDS", "KINDS", "Extraction", "extract", "extract_with_warnings", "prepare"]
