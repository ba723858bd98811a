"""Which of many regexes could match a title, found in one pass over it.

The taxonomy's rules hold about 120 title regexes, most of them long alternations that open
with `\\b`. Python's engine has no literal prefilter for such patterns: it tries every branch at
every position, so running them cost a third of the classifier's time on long descriptions,
though most of them match no title at all. Each regex is parsed once, at load, into a set of
literals such that any match must contain one of them ("gun", "pistol", "revolver" for
`\\b(?:toy|water) (?:guns?|pistols?|revolvers?)\\b`). An Aho-Corasick automaton of every
literal then finds, in one pass over the title, the regexes that could match; only those are
searched. A regex whose literals cannot be worked out is always searched, so the result is
exactly that of searching every regex.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import Any

import ahocorasick

try:  # The parser behind re.compile; its tree is the regex's meaning, not a guess from its text.
    from re import _constants as _c
    from re import _parser
except ImportError:  # pragma: no cover - Python before 3.11
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _parser  # type: ignore[no-redef]

_MAX_EXACT = 64  # largest set of exact strings kept for a run of a regex (cross products grow)
_ZERO_WIDTH = {_c.AT, _c.ASSERT, _c.ASSERT_NOT}
_REPEATS = {_c.MAX_REPEAT, _c.MIN_REPEAT} | ({_c.POSSESSIVE_REPEAT}
                                               if hasattr(_c, "POSSESSIVE_REPEAT") else set())
_Lits = frozenset[str] | None


def _better(a: frozenset[str], b: _Lits) -> bool:
    """Whether literal set a filters better than b: longer shortest literal, then fewer."""
    if b is None:
        return True
    ka, kb = min(map(len, a)), min(map(len, b))
    return ka > kb or (ka == kb and len(a) < len(b))


def _node(op: Any, av: Any, flags: int) -> tuple[_Lits, _Lits]:
    """(exact, required) for one parsed node: the finite set of strings it matches, if small,
    and a set of literals one of which every match of it contains (None when unknown)."""
    if op is _c.LITERAL:
        return frozenset((chr(av),)), frozenset((chr(av),))
    if op in _ZERO_WIDTH:
        return frozenset(("",)), None
    if op is _c.IN:
        if all(o is _c.LITERAL for o, _ in av) and len(av) <= _MAX_EXACT:
            chars = frozenset(chr(v) for _, v in av)
            return chars, chars
        return None, None
    if op is _c.SUBPATTERN:
        add_flags, del_flags, sub = av[1], av[2], av[3]
        flags = (flags | add_flags) & ~del_flags
        if flags & re.IGNORECASE:
            return None, None
        return _seq(sub, flags)
    if op is _c.BRANCH:
        exacts, reqs = zip(*(_seq(b, flags) for b in av[1]), strict=True)
        exact = None
        if all(e is not None for e in exacts):
            exact = frozenset().union(*exacts)
            if len(exact) > _MAX_EXACT:
                exact = None
        req = None if any(r is None for r in reqs) else frozenset().union(*reqs)
        return exact, req
    if op in _REPEATS:
        lo, hi, sub = av
        e, r = _seq(sub, flags)
        exact = None
        if e is not None and hi == 1 and lo in (0, 1):
            exact = e | {""} if lo == 0 else e
        return exact, (r if lo >= 1 else None)
    return None, None


def _seq(items: Any, flags: int) -> tuple[_Lits, _Lits]:
    """(exact, required) for a sequence: runs of exact strings are multiplied out; the best of
    those runs and of the required sets of the other nodes is the sequence's required set."""
    run: frozenset[str] = frozenset(("",))
    intact = True  # no node has broken the run yet: the run is the sequence's exact set
    best: _Lits = None

    def close(run: frozenset[str], best: _Lits) -> _Lits:
        if "" not in run and _better(run, best):
            return run
        return best

    for op, av in items:
        e, r = _node(op, av, flags)
        if e is not None and len(run) * len(e) <= _MAX_EXACT:
            run = frozenset(a + b for a in run for b in e)
            continue
        intact = False
        best = close(run, best)
        if e is not None and len(e) <= _MAX_EXACT:
            run = e
            continue
        run = frozenset(("",))
        if r is not None and "" not in r and _better(r, best):
            best = r
    return (run if intact else None), close(run, best)


def required_literals(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Literals one of which every match of the pattern contains; None when that cannot be
    said (case-insensitive patterns, or a branch with nothing literal in it)."""
    return _required(pattern.pattern, pattern.flags)


@cache  # several rules share a regex (the everyday-goods list, the "with ammo" vetoes)
def _required(source: str, flags: int) -> frozenset[str] | None:
    if flags & re.IGNORECASE:
        return None
    try:
        tree = _parser.parse(source, flags)
    except Exception:  # pragma: no cover - a pattern re.compile took must parse
        return None
    _, req = _seq(list(tree), flags)
    return req if req and "" not in req else None


class LiteralPrefilter:
    """The patterns, by index, that could match a text: every one whose literals occur in it,
    and every one without known literals."""

    __slots__ = ("_automaton", "_always")

    def __init__(self, patterns: Sequence[re.Pattern[str] | None]) -> None:
        by_literal: dict[str, set[int]] = {}
        always: set[int] = set()
        for i, p in enumerate(patterns):
            if p is None:
                continue
            lits = required_literals(p)
            if lits is None:
                always.add(i)
                continue
            for lit in lits:
                by_literal.setdefault(lit, set()).add(i)
        self._always = frozenset(always)
        self._automaton: Any = None
        if by_literal:
            a = ahocorasick.Automaton()
            for lit, ids in by_literal.items():
                a.add_word(lit, frozenset(ids))
            a.make_automaton()
            self._automaton = a

    def candidates(self, text: str) -> set[int]:
        out = set(self._always)
        if self._automaton is not None and text:
            for _, ids in self._automaton.iter(text):
                out |= ids
        return out
