"""Prefix-factored regex alternations, shared by the extract and classify stages.

Python's `re` tries every branch of a large alternation at every position; factoring the
branches by common prefix (a trie) lets it fail after a character or two instead.
"""

from __future__ import annotations


def trie_regex(alias_atoms: list[list[str]]) -> str:
    """One regex matching any of the atom sequences, factored by common prefix. Atoms are regex
    pieces (an escaped character, a class...); where a sequence ends inside a longer one, the
    longer is tried first."""
    trie: dict = {}
    for atoms in alias_atoms:
        node = trie
        for a in atoms:
            node = node.setdefault(a, {})
        node[""] = {}

    def emit(node: dict) -> str:
        terminal = "" in node
        alts = [a + emit(child) for a, child in node.items() if a != ""]
        if not alts:
            return ""
        if terminal:
            return "(?:" + "|".join(alts) + ")?"
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return emit(trie)
