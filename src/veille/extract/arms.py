"""Firearm makes/models and calibres, normalised, in four languages and through leetspeak.

Aliases come from data/firearms.toml and data/calibres.toml. They are compiled into one
prefix-factored regex per kind (a trie, so each text position costs a few character tests
whatever the number of aliases), then the matched span is mapped back to its entry by testing
only that short span against each entry's own pattern.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from veille.extract import money
from veille.extract._text import lower_view, trie_regex
from veille.records import Mention

# Look-alikes that obfuscated listings substitute for letters ("gl0ck", "k4lash").
_LEET = {"o": "[o0]", "a": "[a4@]", "e": "[e3]", "i": "[i1!]", "s": "[s5$]", "l": "[l1]",
         "t": "[t7]", "g": "[g9]", "b": "[b8]"}
_SEP = r"[\s\-_.]{0,2}"
_CAL_SEP = r"[\s\-]{0,2}"
_AFTER = r"(?![^\W_])"


def _split_digits(alias: str) -> str:
    """Put a space at each letter/digit change: separators are optional, so "glock19" and
    "glock 19" become one path in the trie and the longest alias always wins."""
    return re.sub(r"(?<=[a-z])(?=\d)|(?<=\d)(?=[a-z])", " ", alias.lower())


def _firearm_atoms(alias: str) -> list[str]:
    atoms: list[str] = []
    for c in _split_digits(alias):
        if c in " -":
            if atoms and atoms[-1] != _SEP:
                atoms.append(_SEP)
        elif c in _LEET and atoms:
            # Not on the first letter: a literal first character lets `re` skip through the
            # text by first character, and listings keep the initial ("gl0ck", "k4lash").
            atoms.append(_LEET[c])
        else:
            atoms.append(re.escape(c))
    return atoms


def _calibre_atoms(alias: str) -> list[str]:
    # "9x19": the x between digits becomes a placeholder before letters and digits are split.
    a = _split_digits(re.sub(r"(?<=\d)x(?=\d)", "\x00", alias.lower()))
    atoms: list[str] = []
    has_more = bool(re.search(r"[a-z]", a))
    for i, c in enumerate(a):
        prev = a[i - 1] if i else ""
        nxt = a[i + 1] if i + 1 < len(a) else ""
        if c == "." and i == 0:
            # ".45 acp" also finds "45 ACP", but a bare ".308" needs its dot.
            atoms.append(r"\.?" if has_more else r"\.")
        elif c == " " or (c == "-" and not (prev.isdigit() and nxt.isdigit())):
            if atoms and atoms[-1] != _CAL_SEP:
                atoms.append(_CAL_SEP)
        elif c == "\x00":
            atoms.append(r"\s?[x×*]\s?")
        elif c == "." and prev.isdigit() and nxt.isdigit():
            atoms.append(r"[.,]")
        else:
            atoms.append(re.escape(c))
    return atoms


@dataclass(frozen=True)
class _Entry:
    value: str
    pattern: re.Pattern[str]
    details: dict[str, str]
    specificity: int


@dataclass(frozen=True, eq=False)  # hashed by identity, for the resolve cache
class _Matcher:
    scan: re.Pattern[str]
    entries: tuple[_Entry, ...]
    # Regexes for the first few characters of every alias, for a pre-filter (prefilter.py)
    # to find where `scan` can match; each is a prefix of what `scan` would match there.
    heads: tuple[str, ...] = ()

    def resolve(self, span: str) -> _Entry | None:
        return _resolve_cached(self, span.lower())

    def _resolve(self, span: str) -> _Entry | None:
        best = None
        for e in self.entries:
            if e.pattern.fullmatch(span) and (best is None or e.specificity > best.specificity):
                best = e
        return best


@lru_cache(maxsize=8192)  # pure: the same few spellings recur on every page of a shop
def _resolve_cached(matcher: _Matcher, span: str) -> _Entry | None:
    return matcher._resolve(span)


def _load(name: str) -> dict:
    return tomllib.loads(
        resources.files("veille.extract").joinpath(f"data/{name}").read_text("utf-8")
    )


# The boundary each scan needs before its first character, written as a check made just
# after that character: `re` can then skip through the text by first character (a C loop)
# instead of testing a zero-width assertion at every position, which cost more than the
# whole calibre match. Same positions as "\b" (plus "(?=\.\d)" for calibres).
_WORD_HEAD = r"(?<!\w.)"  # after a word character: the one before it is not one (ASCII)
_NONWORD_HEAD = r"(?<=\w.)"  # after any other character: a word character before it
_DOT_HEAD = r"(?:(?<=\w\.)|(?=\d))"  # after a dot: a word character before it, or a digit next


def _front_split(all_atoms: list[list[str]], dot_front: bool) -> str:
    """trie_regex(all_atoms) with the front boundary moved behind each first character.

    Alternatives keep the trie's order, so `re` picks the same match at every position."""
    groups: dict[str, list[list[str]]] = {}
    for atoms in all_atoms:
        groups.setdefault(atoms[0], []).append(atoms[1:])
    alts: list[str] = []
    for first, rests in groups.items():
        rest = trie_regex(rests)
        if first == r"\.?" and dot_front:
            # Greedy optional dot: the dotted form is tried first, then the bare one.
            alts.append(r"\." + _DOT_HEAD + rest)
            alts.append(_front_split(rests, dot_front)[3:-1])
        elif first == r"\." and dot_front:
            alts.append(first + _DOT_HEAD + rest)
        elif len(first) == 1 or first[0] == "\\" and len(first) == 2:
            c = first[-1]
            # In ASCII mode "č" is not a word character: "\b" before it needs one before it.
            word = c.isascii() and (c.isalnum() or c == "_")
            alts.append(first + (_WORD_HEAD if word else _NONWORD_HEAD) + rest)
        else:
            raise ValueError(f"no front rule for first atom {first!r}")
    return "(?:" + "|".join(alts) + ")"


def _compile(groups: list[tuple[str, dict[str, str], list[str]]], atoms_of,
             dot_front: bool = False) -> _Matcher:
    entries = []
    all_atoms = []
    for value, details, aliases in groups:
        atom_lists = [atoms_of(a) for a in aliases]
        all_atoms += atom_lists
        pat = re.compile(trie_regex(atom_lists), re.I)
        entries.append(_Entry(value, pat, details, max(len(a) for a in aliases)))
    # Case-sensitive over the lower-cased text with an ASCII word boundary in front; finer
    # boundary rules are checked in Python. A plain "\b" is fastest for firearms (their first
    # letters are most of the alphabet, and "\b" fails at once inside words); calibres start
    # with a digit, a dot, "c" or "k", so moving their boundary test behind the first character
    # lets `re` skip the rest (measured 5x faster on the benchmark corpus).
    if dot_front:
        scan = re.compile("(?a)" + _front_split(all_atoms, dot_front) + _AFTER)
    else:
        scan = re.compile(r"(?a)\b(?:" + trie_regex(all_atoms) + ")" + _AFTER)
    heads = sorted({_head(atoms, dot_front) for atoms in all_atoms})
    return _Matcher(scan, tuple(entries), tuple(h for h in heads if h))


_VARIABLE = frozenset({_SEP, _CAL_SEP, r"\.?", r"\s?[x×*]\s?"})


def _head(atoms: list[str], dot_front: bool) -> str:
    """The alias's first four characters (with any separators between them) as a regex. A
    leading optional dot is left out: the caller also tries the position before a dot."""
    if dot_front and atoms and atoms[0] in (r"\.?", r"\."):
        atoms = atoms[1:]
    head: list[str] = []
    chars = 0
    for a in atoms:
        if chars == 4:
            break
        head.append(a)
        chars += a not in _VARIABLE
    while head and head[-1] in _VARIABLE:
        head.pop()
    return "".join(head)


def _model_name(model: str) -> str:
    """"sr9" -> "SR9", "m77 hawkeye" -> "M77 Hawkeye", "pt111 g2" -> "PT111 G2"."""
    if len(model) <= 5:
        return model.upper()
    return " ".join(w.upper() if len(w) <= 2 or any(c.isdigit() for c in w) else w.title()
                    for w in model.split())


@cache
def firearm_matcher() -> _Matcher:
    raw = _load("firearms.toml")
    groups: list[tuple[str, dict[str, str], list[str]]] = []
    for f in raw.get("firearm", []):
        det = {k: f[k] for k in ("make", "type") if k in f}
        groups.append((f["value"], det, f["aliases"]))
    for mk in raw.get("make", []):
        det = {"make": mk["name"], "type": mk.get("type", "")}
        for model in mk.get("models", []):
            aliases = []
            for a in mk["aliases"]:
                aliases.append(f"{a} {model}")
                for p in mk.get("prefixes", []):
                    aliases.append(f"{a} {p}{model}")
            groups.append((f"{mk['name']} {_model_name(model)}", det | {"model": model.upper()},
                           aliases))
        if mk.get("bare"):
            groups.append((mk["name"], det, mk["aliases"]))
    return _compile(groups, _firearm_atoms)


@cache
def calibre_matcher() -> _Matcher:
    raw = _load("calibres.toml")
    groups = [(c["value"], {}, c["aliases"]) for c in raw["calibre"]]
    # ".45 ACP" starts with a dot, where there is no word boundary.
    return _compile(groups, _calibre_atoms, dot_front=True)


def _starts_word(low: str, i: int, calibre: bool) -> bool:
    if i == 0:
        return True
    p = low[i - 1]
    if p.isalnum() or p == "_":
        return False
    # "1.223" is a number, not ".223"; "cal.45" is fine.
    return not (calibre and (p == "," or (p == "." and i > 1 and low[i - 2].isdigit())))


def _matches_at(scan: re.Pattern[str], low: str, starts: list[int]) -> Iterator[re.Match[str]]:
    """What `scan.finditer(low)` yields, trying only `starts` (sorted), which must hold every
    position where `scan` matches."""
    end = 0
    for s in starts:
        if s < end:
            continue
        m = scan.match(low, s)
        if m:
            end = m.end()
            yield m


def _find(text: str, low: str, kind: str, matcher: _Matcher,
          starts: list[int] | None = None) -> Iterator[Mention]:
    calibre = kind == "calibre"
    found = matcher.scan.finditer(low) if starts is None else _matches_at(matcher.scan, low, starts)
    for m in found:
        s = m.start()
        if m.end() == s or not _starts_word(low, s, calibre):
            continue
        span = text[s : m.end()]
        if not span.strip():
            continue
        if not calibre and len(span) <= 3 and span.islower():
            continue  # "m4", "pm", "sks" in lower case are prose; models are written "M4"
        entry = matcher.resolve(span)
        if entry is None:
            continue
        details = dict(entry.details)
        if span.lower() != entry.value.lower():
            details["raw"] = span
        yield Mention(kind, entry.value, s, m.end(), details)


def find_firearms(text: str, low: str | None = None,
                  starts: list[int] | None = None) -> Iterator[Mention]:
    """`starts`, from prefilter.scan, spares the scan of every word start."""
    yield from _find(text, lower_view(text) if low is None else low, "firearm", firearm_matcher(),
                     starts)


@cache
def _load_bare() -> dict:
    return _load("calibres.toml")["bare"]


@cache
def bare_cues() -> tuple[str, ...]:
    """The chambering words after which a bare number is a calibre (calibres.toml [bare])."""
    return tuple(_load_bare()["cues"])


@cache
def _bare() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str]]:
    raw = _load_bare()
    numbers: dict[str, str] = raw["numbers"]
    alts = "|".join(re.escape(n).replace(r"\.", "[.,]") for n in
                    sorted(numbers, key=len, reverse=True))
    # Up to two spaces (or a slash) after the gun's name, an optional "in", then the number.
    after_gun = re.compile(rf"[ /]{{1,2}}(?:in )?\.?({alts})(?![\w]|[.,]\d)")
    cues = "|".join(re.escape(c) for c in sorted(bare_cues(), key=len, reverse=True))
    # No look-behind in front, so `re` can skip by first character; the word start is
    # checked on each match instead.
    after_cue = re.compile(rf"(?:{cues})[ :]+(?:[a-z]+ )?\.?({alts})(?![\w]|[.,]\d)")
    return after_gun, after_cue, {k.replace(",", "."): v for k, v in numbers.items()}


def find_bare_calibres(text: str, low: str, firearms: list[Mention], calibres: list[Mention],
                       cue_starts: list[int] | None = None) -> list[Mention]:
    """Bare calibre numbers where a gun ad puts them (calibres.toml [bare]): after a firearm's
    name or a chambering word, and not followed by a unit or a price of their own.
    `cue_starts` (from prefilter.scan) are where a chambering word may begin."""
    after_gun, after_cue, numbers = _bare()
    t = money.tables()
    taken = {(c.start, c.end) for c in calibres}
    found: dict[int, re.Match[str]] = {}
    for f in firearms:
        m = after_gun.match(low, f.end)
        if m:
            found[m.start(1)] = m
    cues = after_cue.finditer(low) if cue_starts is None else (
        m for m in (after_cue.match(low, i) for i in cue_starts) if m)
    for m in cues:
        if m.start() == 0 or not (low[m.start() - 1].isalnum() or low[m.start() - 1] == "_"):
            found.setdefault(m.start(1), m)
    out = []
    for s, m in sorted(found.items()):
        start = s - 1 if s > 0 and low[s - 1] == "." else s
        e = m.end(1)
        if any(a <= start < b or a < e <= b for a, b in taken):
            continue
        if t.unit_after.match(low, e):
            continue  # "45 rounds", "22 g": a quantity
        cur = t.cur_after.match(low, e)
        if cur and not low[cur.end() : cur.end() + 1].strip(" ").isdigit():
            continue  # "45 €": a price ("45 $750": the currency is the next number's)
        value = numbers[m.group(1).replace(",", ".")]
        out.append(Mention("calibre", value, start, e, {"raw": text[start:e], "form": "bare"}))
    return out


def drop_cartridge_makers(firearms: list[Mention], calibres: list[Mention]) -> list[Mention]:
    """A maker or gun name inside a calibre's name is the cartridge, not a gun: ".223
    Remington", "9mm Makarov", "7.62 Tokarev", "30-06 Springfield" ("9mm Glock" stays a gun:
    the calibre there ends before the maker). A named model (".45 Colt Python") stays."""
    if not calibres:
        return firearms
    spans = [(c.start, c.end) for c in calibres]
    return [f for f in firearms
            if "model" in f.details or not any(s <= f.start and f.end <= e for s, e in spans)]


def find_calibres(text: str, low: str | None = None,
                  starts: list[int] | None = None) -> Iterator[Mention]:
    yield from _find(text, lower_view(text) if low is None else low, "calibre", calibre_matcher(),
                     starts)
