"""Contact identifiers: e-mail, phone (E.164), and messenger handles where the text labels them.

Messenger names are everyday words ("signal", "session", "text"), so a handle is reported only
right after a label ("Wickr ID.......trusted99", "mon télégram: @x", "ICQ = 747 165 525"),
and a plain word is accepted as a handle only after explicit punctuation or when it carries a
digit or underscore. Vendors' pages are often flattened to one line, gluing the next word to
the handle ("secure99Hello", "walgreenstoreALL"): the glue is cut at case and digit changes.
The vocabulary (labels in four languages, stop-words, TLDs) is data: data/contacts.toml.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from veille.extract._text import lower_view, starts_regex, trie_regex
from veille.records import Mention

MAX_LABEL_GAP = 48  # characters between a label and its value ("Wickr ID :::::: name")
MAX_HANDLE = 40


@dataclass(frozen=True)
class _Vocab:
    label_re: re.Pattern[str]
    anchors: tuple[str, ...]
    anchor_re: re.Pattern[str]  # one pass finds where any anchor starts
    phone_before: re.Pattern[str]
    phone_label_regex: str  # any phone, WhatsApp, Signal or Telegram label (prefilter too)
    label_kind: dict[str, str]
    gap_re: re.Pattern[str]
    stopwords: frozenset[str]
    glued: tuple[str, ...]
    labels_longest_first: tuple[str, ...]
    tlds: frozenset[str]


def _word_alt(words: list[str]) -> str:
    parts = sorted({w.lower() for w in words}, key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"[\s\-]?") for p in parts)


def _label_atoms(label: str) -> list[str]:
    return [r"[\s\-]?" if c in " -" else re.escape(c) for c in label.lower()]


def _norm_label(s: str) -> str:
    return re.sub(r"[\s\-]", "", s.lower())


@cache
def vocab() -> _Vocab:
    raw = tomllib.loads(
        resources.files("veille.extract").joinpath("data/contacts.toml").read_text("utf-8")
    )
    labels: dict[str, list[str]] = raw["labels"]
    words = raw["words"]
    label_kind = {_norm_label(w): kind for kind, ws in labels.items() for w in ws}
    all_labels = [w for ws in labels.values() for w in ws]
    # Labels are found in the lower-cased view by literal search on their first four
    # characters (fast whatever the text), then confirmed with one anchored trie regex.
    label_re = re.compile(trie_regex([_label_atoms(w) for w in all_labels]) + r"(?!\w)")
    # Phone labels ("tel", "call", "text") are everyday substrings, so they are not searched
    # for; instead each number long enough to be a phone looks back for one (phone_before).
    anchors = tuple(sorted({w.lower()[:4] for k, ws in labels.items() if k != "phone" for w in ws}))
    phone_words = [w for k in ("phone", "whatsapp", "signal", "telegram") for w in labels[k]]
    phone_label = trie_regex([_label_atoms(w) for w in phone_words])
    phone_before = re.compile("(?:" + phone_label + r")[^0-9\n]{0,25}$")
    quals = _word_alt(words["qualifiers"] + words["connectors"])
    # The gap between a label and its value: punctuation runs and qualifier words, bounded by
    # the caller through `endpos`, so this cannot run away on hostile input.
    gap_re = re.compile(
        rf"(?:[\s:=>\-.…/|~*?!()\[\]{{}}«»→#,;'\"_]|(?:{quals})(?!\w))*", re.I
    )
    import phonenumbers

    tlds = {t.lower() for t in words["tlds"]} | {r.lower() for r in phonenumbers.SUPPORTED_REGIONS}
    return _Vocab(
        label_re=label_re,
        anchors=anchors,
        anchor_re=starts_regex(anchors),
        phone_before=phone_before,
        phone_label_regex=phone_label,
        label_kind=label_kind,
        gap_re=gap_re,
        stopwords=frozenset(w.lower() for w in words["stopwords"]) | frozenset(label_kind),
        glued=tuple(sorted({s.lower() for s in words["glued_suffixes"]}, key=len, reverse=True)),
        labels_longest_first=tuple(sorted(label_kind, key=len, reverse=True)),
        tlds=frozenset(tlds),
    )


# --- e-mail -----------------------------------------------------------------------------------

_LOCAL_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._%+-")
_DOMAIN = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9\-]{0,62}\.){1,8}[A-Za-z0-9\-]{2,63}")


def _fit_tld(domain: str, tlds: frozenset[str]) -> str | None:
    """The domain with its TLD checked; glued text after a known TLD is cut ("mail.comship")."""
    head, _, tld = domain.rpartition(".")
    low = tld.lower()
    if low in tlds:
        return domain
    # Only three-letter-or-longer TLDs are cut off glued text: "x.comship" is clear, but
    # "x.notatld" is not "x.no" followed by "tatld".
    for n in range(min(len(low) - 1, 12), 2, -1):
        if low[:n] in tlds and tld[n].isalpha():
            return f"{head}.{tld[:n]}"
    return None


def find_emails(text: str) -> Iterator[Mention]:
    tlds = vocab().tlds
    pos = text.find("@")
    while pos >= 0:
        i = pos
        floor = max(0, pos - 64)
        while i > floor and text[i - 1] in _LOCAL_CHARS:
            i -= 1
        while i < pos and text[i] in "._-+":
            i += 1
        dm = _DOMAIN.match(text, pos + 1, min(len(text), pos + 256))
        if i < pos and dm and not (i > 0 and text[i - 1] in _LOCAL_CHARS):
            domain = _fit_tld(dm.group().rstrip("-"), tlds)
            if domain:
                local = text[i:pos]
                end = pos + 1 + len(domain)
                yield Mention("email", f"{local}@{domain.lower()}", i, end, {})
        pos = text.find("@", pos + 1)


# --- phone ------------------------------------------------------------------------------------

_PLUS_PHONE = re.compile(r"\+[ \u00a0]?\d[\d \u00a0\-.()/]{5,20}\d")
_PHONE_SHAPE = re.compile(r"[0-9][0-9 .\-/()\u00a0]{5,18}[0-9]")
_DIGITS = re.compile(r"[0-9]")
_NUMBER = re.compile(r"(?:\+|00)?[ \u00a0]?\(?\d[\d \u00a0\-.()/]{4,20}\d")


def parse_phone(raw: str, region: str | None, labelled: bool) -> tuple[str, dict] | None:
    """E.164 form and details, or None. Unlabelled numbers must be valid; labelled ones possible."""
    got = _parse_phone(_PHONE_NOISE.sub("", raw), region, labelled)
    return (got[0], dict(got[1])) if got else None


_PHONE_NOISE = re.compile(r"[\s\u00a0.\-/]")


@lru_cache(maxsize=4096)  # a pure function; vendors repeat the same number on every listing
def _parse_phone(cand: str, region: str | None, labelled: bool) -> tuple[str, tuple] | None:
    import phonenumbers

    digits = sum(c.isdigit() for c in cand)
    if not 7 <= digits <= 15:
        return None
    if cand.startswith("00"):
        cand = "+" + cand[2:]
    try:
        num = phonenumbers.parse(cand, region if not cand.startswith("+") else None)
    except phonenumbers.NumberParseException:
        return None
    valid = phonenumbers.is_valid_number(num)
    if not valid and not (labelled and phonenumbers.is_possible_number(num)):
        return None
    e164 = phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.E164)
    details: list[tuple[str, object]] = [("valid", valid)]
    rc = phonenumbers.region_code_for_number(num)
    if rc:
        details.append(("region", rc))
    return e164, tuple(details)


def _phone_labelled(low: str, s: int) -> bool:
    return vocab().phone_before.search(low, max(0, s - 40), s) is not None


def find_plus_phones(text: str, region: str | None, low: str | None = None) -> Iterator[Mention]:
    low = text.lower() if low is None else low
    for m in _PLUS_PHONE.finditer(text):
        got = parse_phone(m.group(), region, labelled=_phone_labelled(low, m.start()))
        if got:
            yield Mention("phone", got[0], m.start(), m.end(), got[1])


def find_national_phones(text: str, low: str, region: str | None,
                         runs: list[tuple[int, int]]) -> Iterator[Mention]:
    """Numbers written without "+": only after a phone label, parsed in the site's region."""
    for rs, e in runs:
        # Cheap shape test first: most numbers are prices and amounts, too short for a phone.
        if e - rs < 6 and text[e : e + 1] not in ("-", "/", ")", "("):
            continue
        if rs > 0 and text[rs - 1] in "+0123456789":
            continue
        if rs > 1 and text[rs - 1] == " " and text[rs - 2] == "+":
            continue
        m = _PHONE_SHAPE.match(text, rs)
        if not m or _DIGITS.subn("", m.group())[1] < 7 or not _phone_labelled(low, rs):
            continue
        ph = _phone_at(text, rs, min(len(text), rs + 30), region)
        if ph:
            s, e, e164, det = ph
            yield Mention("phone", e164, s, e, det)


# --- messenger handles ------------------------------------------------------------------------

_HANDLE = re.compile(r"@?([A-Za-z0-9][A-Za-z0-9_.\-]{1,60})")
_ICQ = re.compile(r"(\d[\d \u00a0\-]{3,13}\d)(?!\d)")
_SESSION = re.compile(r"(05[0-9a-fA-F]{64})(?![0-9A-Za-z])")
_JID = re.compile(r"([A-Za-z0-9._%+\-]{1,64}@[A-Za-z0-9.\-]{1,200}\.[A-Za-z]{2,24})")
_SIGNAL_USER = re.compile(r"([A-Za-z][A-Za-z0-9_]{2,31}\.\d{2,9})(?![\w])")
_AT_HANDLE = re.compile(r"@([A-Za-z][A-Za-z0-9_]{3,31})(?![\w@.])")
_TME = re.compile(
    r"(?:t\.me|telegram\.me|telegram\.dog)/"
    r"(?:(joinchat/|\+)([a-z0-9_\-]{8,64})|(?:s/)?([a-z][a-z0-9_]{3,31}))(?![\w])"
)
_WAME = re.compile(r"(?:wa\.me/|whatsapp\.com/send/?\?phone=)\+?(\d{7,15})")
_ICQ_LINK = re.compile(r"icq\.im/(\d{5,10})(?!\d)")
_URL_HEAD = re.compile(r"(?:https?://)?(?:www\.|api\.|chat\.)?$")
_GLUE_CASE = re.compile(r"(?<=\d)(?=[A-Z][a-z]|[A-Z]{2})|(?<=[a-z])(?=[A-Z]{2,})")
_EXPLICIT = re.compile(r"[:=>.…/|~*(\[#]")


_RUN_PUNCT = re.compile(r"[.\-_]{2,}")
_QUALIFIER_NEXT = re.compile(r"\s*(?:id|name|username|me)?\s*[:=>.]", re.I)


def _trim_handle(h: str, v: _Vocab, next_text: str = "") -> str:
    m = _RUN_PUNCT.search(h)
    if m:
        h = h[: m.start()]
    h = h.rstrip(".-_")
    if next_text and _QUALIFIER_NEXT.match(next_text):
        # "meetthesourcekik ID....": the next label is glued on in lower case.
        low = h.lower()
        for lab in v.labels_longest_first:
            if len(lab) >= 3 and low.endswith(lab) and len(h) - len(lab) >= 3:
                h = h[: -len(lab)]
                break
    m = _GLUE_CASE.search(h, 3)
    if m:
        h = h[: m.start()]
    low = h.lower()
    for suf in v.glued:
        n = len(suf)
        if len(h) - n >= 3 and low.endswith(suf):
            before, first = h[-n - 1], h[-n]
            if before.isdigit() or (first.isupper() and before.islower()):
                h = h[:-n]
                break
    return h.rstrip(".-_")


def _handle_ok(h: str, explicit: bool, v: _Vocab) -> bool:
    if not 3 <= len(h) <= 32 or h.lower() in v.stopwords or h.lower().startswith("http"):
        return False
    if h.isdigit() and len(h) < 5:
        return False
    return explicit or any(c.isdigit() or c == "_" for c in h)


def _label_hits(low: str, v: _Vocab, starts: list[int] | None = None) -> list[re.Match[str]]:
    """Labels found where an anchor starts: `starts` (from prefilter.scan, sorted) or a scan."""
    hits = []
    end = -1
    for i in (am.start() for am in v.anchor_re.finditer(low)) if starts is None else starts:
        if i < end:
            continue
        m = v.label_re.match(low, i)
        if m:
            hits.append(m)
            end = m.end()
    return hits


def _labelled(text: str, low: str, region: str | None,
              starts: list[int] | None = None) -> Iterator[Mention]:
    v = vocab()
    n = len(text)
    for lm in _label_hits(low, v, starts):
        kind = v.label_kind.get(_norm_label(lm.group()))
        if kind is None:
            continue
        gm = v.gap_re.match(text, lm.end(), min(n, lm.end() + MAX_LABEL_GAP))
        pos = gm.end() if gm else lm.end()
        explicit = bool(gm and _EXPLICIT.search(gm.group()))
        prev = text[lm.start() - 1] if lm.start() else ""
        if prev == "_" or (prev.isalpha() and not prev.isascii()):
            continue
        label_text = text[lm.start() : lm.end()]
        glued = prev.isalpha() and not (prev.islower() and label_text[0].isupper())
        # Glued onto a lower-case word ("uswickr ID.... x"): only a long label followed by
        # explicit punctuation counts, so "hotel:" and "context:" stay prose.
        if glued and (len(lm.group()) < 5 or not explicit):
            continue
        limit = min(n, pos + 120)
        yield from _value_after(text, kind, pos, limit, explicit, region, v)


def _phone_at(text: str, pos: int, limit: int, region: str | None) -> tuple[int, int, str, dict] | None:
    m = _NUMBER.match(text, pos, limit)
    if not m:
        return None
    got = parse_phone(m.group(), region, labelled=True)
    if not got:
        return None
    return m.start(), m.end(), got[0], got[1]


def _value_after(text: str, kind: str, pos: int, limit: int, explicit: bool,
                 region: str | None, v: _Vocab) -> Iterator[Mention]:
    c = text[pos] if pos < limit else ""
    if kind in ("phone", "whatsapp", "signal", "telegram") and (c.isdigit() or c in "+("):
        ph = _phone_at(text, pos, limit, region)
        if ph:
            s, e, e164, det = ph
            yield Mention("phone", e164, s, e, det)
            if kind != "phone":
                yield Mention(kind, e164, s, e, {"form": "phone"})
        return
    if kind == "icq":
        m = _ICQ.match(text, pos, limit)
        if m:
            digits = re.sub(r"\D", "", m.group(1))
            if 5 <= len(digits) <= 10:
                yield Mention("icq", digits, m.start(1), m.end(1), {})
        return
    if kind == "session":
        m = _SESSION.match(text, pos, limit)
        if m:
            yield Mention("session", m.group(1).lower(), m.start(1), m.end(1), {})
        return
    if kind == "xmpp":
        m = _JID.match(text, pos, limit)
        if m:
            dom = _fit_tld(m.group(1).rpartition("@")[2], v.tlds)
            if dom:
                local = m.group(1).rpartition("@")[0]
                yield Mention("xmpp", f"{local}@{dom}".lower(), m.start(1),
                              m.start(1) + len(local) + 1 + len(dom), {})
        return
    if kind == "signal":
        m = _SIGNAL_USER.match(text, pos, limit)
        if m:
            yield Mention("signal", m.group(1).lower(), m.start(1), m.end(1), {"form": "username"})
        return
    if kind in ("wickr", "kik", "telegram"):
        m = _HANDLE.match(text, pos, limit)
        if m:
            raw = m.group(1)
            nxt = text[m.end(1) : m.end(1) + 16]
            h = _trim_handle(raw, v, nxt if len(raw) == len(raw.rstrip(".-_")) else "")
            if text[m.start(1) + len(h) : m.start(1) + len(h) + 1] == "@":
                return  # the start of an e-mail address, not a handle
            at = text[pos] == "@"
            if kind == "telegram":
                h = h.rstrip(".")
                ok = 5 <= len(h) <= 32 and re.fullmatch(r"[A-Za-z][A-Za-z0-9_]+", h) is not None
                ok = ok and (at or _handle_ok(h, explicit, v))
            else:
                ok = _handle_ok(h, explicit or at, v)
            if ok:
                s = m.start(1)
                yield Mention(kind, h.lower(), s, s + len(h), {})
                return
        if kind == "telegram":
            # "Telegram channel ... @handle": an @handle shortly after the label.
            am = _AT_HANDLE.search(text, pos, min(limit, pos + 40))
            if am and am.start() > 0 and text[am.start() - 1] not in _LOCAL_CHARS:
                h = _trim_handle(am.group(1), v)
                if len(h) >= 5 and h.lower() not in v.stopwords:
                    yield Mention("telegram", h.lower(), am.start(1), am.start(1) + len(h), {})


def _link_start(low: str, i: int) -> int | None:
    """Start of the URL whose host starts at i (scheme and www. included), or None if the host
    is the tail of a longer name ("bat.me/")."""
    head = _URL_HEAD.search(low, max(0, i - 12), i)
    s = head.start() if head else i
    if s > 0 and (low[s - 1].isalnum() or low[s - 1] in "._-"):
        return None
    return s


def find_links(text: str, low: str) -> Iterator[Mention]:
    if "t.me/" in low or "telegram.me/" in low or "telegram.dog/" in low:
        for m in _TME.finditer(low):
            s = _link_start(low, m.start())
            if s is None:
                continue
            if m.group(2):
                invite = text[m.start(2) : m.end(2)]  # invite hashes are case-sensitive
                yield Mention("telegram", "+" + invite, s, m.end(), {"form": "invite"})
            else:
                yield Mention("telegram", m.group(3), s, m.end(), {"form": "link"})
    if "wa.me/" in low or "whatsapp.com/send" in low:
        for m in _WAME.finditer(low):
            s = _link_start(low, m.start())
            got = parse_phone("+" + m.group(1), None, labelled=True) if s is not None else None
            if got:
                yield Mention("whatsapp", got[0], s, m.end(), {"form": "link"})
                yield Mention("phone", got[0], m.start(1), m.end(1), got[1])
    if "icq.im/" in low:
        for m in _ICQ_LINK.finditer(low):
            s = _link_start(low, m.start())
            if s is not None:
                yield Mention("icq", m.group(1), s, m.end(), {"form": "link"})


HANDLE_KINDS = frozenset({"telegram", "wickr", "session", "signal", "xmpp", "icq", "kik",
                          "whatsapp", "phone"})


def find_contacts(text: str, region: str | None, low: str | None = None,
                  runs: list[tuple[int, int]] | None = None,
                  want: frozenset[str] | set[str] | None = None,
                  anchor_starts: list[int] | None = None) -> Iterator[Mention]:
    from veille.extract.money import number_runs

    want = HANDLE_KINDS | {"email"} if want is None else want
    low = lower_view(text) if low is None else low
    if "email" in want and "@" in text:
        yield from find_emails(text)
    if "phone" in want:
        if "+" in text:
            yield from find_plus_phones(text, region, low)
        yield from find_national_phones(text, low, region,
                                        number_runs(text) if runs is None else runs)
    if want & HANDLE_KINDS:
        yield from _labelled(text, low, region, anchor_starts)
        yield from find_links(text, low)
