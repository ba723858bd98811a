"""Helpers shared by the extractors: a lower-cased view of the text and trie-shaped regexes.

Case-insensitive regexes with large alternations are slow in Python's `re` (every position
tries every branch). The extractors instead scan one lower-cased copy of the text with
case-sensitive, prefix-factored patterns, which `re` can skip through by first character.
The copy has the same length as the text, so offsets found in it are offsets in the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from veille.trie import trie_regex

_ASCII_LOWER = {c: c + 32 for c in range(65, 91)}


def lower_view(text: str) -> str:
    """`text` lower-cased without changing its length (so offsets carry over)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    # A few characters (e.g. "İ") lower-case to two; fall back to ASCII-only lower-casing.
    return text.translate(_ASCII_LOWER)


def starts_regex(words: Iterable[str]) -> re.Pattern[str]:
    """A regex whose matches are the first characters of every occurrence of any of `words`
    (overlapping ones too: each match is one character, the rest is a lookahead).

    One pass of this is faster than one `str.find` pass per word once there are more than a
    few words: `re` skips through the text by first character and tests the rest only there.
    """
    by_first: dict[str, list[list[str]]] = {}
    for w in words:
        by_first.setdefault(w[0], []).append([re.escape(c) for c in w[1:]])
    alts = [re.escape(c) + "(?=" + trie_regex(rests) + ")" for c, rests in by_first.items()]
    return re.compile("|".join(alts))
