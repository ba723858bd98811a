"""The taxonomy data file and its multilingual lexicon.

The lexicon is compiled into two trie-shaped regular expressions, so one C-level scan of a
listing finds every term; a plain alternation of ~1,500 terms would be tried term by term at
every word start.
"""

from __future__ import annotations

import re
import tomllib
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

from veille.classify.normalize import normalize
from veille.trie import trie_regex

LABELS: tuple[str, ...] = (
    "firearms", "ammunition", "explosives", "drugs", "financial_fraud", "fake_documents",
    "hacking", "stolen_data", "violence_for_hire", "counterfeit_goods", "other",
)
PREFIX_MIN = 5  # terms this long match as a word prefix (pistol -> pistola, pistolet, pistole)


def data_path(name: str) -> Path:
    return Path(str(resources.files("veille.classify") / "data" / name))


def _trie_regex(words: list[str]) -> str:
    """A regex alternation of literal words factored as a trie: 'abc|abd' -> 'ab(?:c|d)'."""
    return trie_regex([[re.escape(ch) for ch in w] for w in words])


def number_variants(phrase: str) -> set[str]:
    """A masked phrase and its forms with the head word in the other number: "pistolet de
    dessin" also masks "pistolets de dessin", "balles de paille" also "balle de paille". The
    mask already takes a plural on the last word; French and Spanish put it on the first
    ("cartouches d encre", "bombas de agua"), and a blind set wrote the plural of a phrase the
    inventory held in the singular."""
    words = phrase.split(" ")
    if len(words) < 2 or len(words[0]) < 4 or words[0].isdigit():
        return {phrase}
    head, rest = words[0], " ".join(words[1:])
    if head.endswith("s"):
        forms = {head[:-1], head[:-2]} if head.endswith("es") else {head[:-1]}
    else:
        forms = {head + "s"} if head[-1] in "aeiou" else {head + "s", head + "es"}
    return {phrase} | {f"{f} {rest}" for f in forms if len(f) >= 3}


def _read_data_toml(name: str, what: str) -> tuple[Path, dict]:
    """A data file named by taxonomy.toml, parsed; a missing or malformed one is refused with its
    path and what it was meant to be."""
    path = data_path(name)
    try:
        return path, tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ValueError(f"{path}: cannot read the {what}: {exc}") from exc


def _inventory_phrases(name: str) -> list[str]:
    """The masked phrases of a sense inventory (data/lookalikes_*.toml): one [[word]] table per
    weapon word, with the everyday senses it has and the phrases that prove them."""
    path, raw = _read_data_toml(name, "look-alike inventory")
    out: list[str] = []
    for n, word in enumerate(raw.get("word", []), 1):
        phrases = word.get("phrases")
        if not isinstance(phrases, list) or not all(isinstance(p, str) for p in phrases):
            raise ValueError(f"{path}: word #{n} ({word.get('word')!r}): phrases must be a list of strings")
        out += phrases
    return out


def _word_list_pattern(name: str) -> str:
    """A regex fragment for a word-list file (data/everyday_goods.toml): one table per language
    with `words`, matched as whole words, and `heads`, also matched as the last part of a German
    compound ("Kreiselkompass"). Either may end in s, es, e, n or en."""
    path, raw = _read_data_toml(name, "word list")
    words: set[str] = set()
    heads: set[str] = set()
    for lang, spec in raw.items():
        for key, into in (("words", words), ("heads", heads)):
            items = spec.get(key, []) if isinstance(spec, dict) else None
            if not isinstance(items, list) or not all(isinstance(w, str) for w in items):
                raise ValueError(f"{path}: [{lang}] {key} must be a list of strings")
            into.update(n for w in items if (n := normalize(w)))
    if not words and not heads:
        raise ValueError(f"{path}: the word list is empty")
    end = r"(?:s|es|e|n|en)?(?!\w)"
    alts = []
    if words:
        alts.append(r"(?<!\w)(?:" + _trie_regex(sorted(words)) + ")" + end)
    if heads:
        # A head may end any word (a compound's head is its last part). No leading \w*: it made
        # the engine retry every word start.
        alts.append("(?:" + _trie_regex(sorted(heads)) + ")" + end)
    return "(?:" + "|".join(alts) + ")"


def _rule_terms(terms: list[str]) -> tuple[str, ...]:
    return tuple(" " + normalize(t.rstrip("$")) + ("$" if t.endswith("$") else "") for t in terms)


@dataclass(frozen=True)
class Rule:
    name: str
    any_sublabels: tuple[str, ...]
    # Normalised, with a leading space: each matches at a word start; one ending in "$" also
    # ends at a word end ("custom$" is not "customer").
    also_any: tuple[str, ...]
    unless: tuple[str, ...]
    if_label: tuple[str, ...]
    set: str
    title_regex: re.Pattern[str] | None = None
    title_has: tuple[str, ...] = ()  # labels with at least one lexicon hit in the title
    title_lacks: tuple[str, ...] = ()  # labels with no lexicon hit in the title
    title_not_regex: re.Pattern[str] | None = None
    needs_text: bool = False  # fires only when there is a description to read, not on a title alone
    # A veto read in the description alone: ".38 Spec" as a title names a gun unless the text
    # below counts its cartridges ("200 Patronen in Originalschachteln").
    text_not_regex: re.Pattern[str] | None = None
    # also_any and unless compiled into one alternation each: 75 rules times a few dozen
    # substring tests per item cost a third of the classifier's time as Python loops.
    also_re: re.Pattern[str] | None = field(default=None, compare=False)
    unless_re: re.Pattern[str] | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        for attr, terms in (("also_re", self.also_any), ("unless_re", self.unless)):
            if terms:
                # Factored as a trie: a flat alternation of a hundred terms was tried term by
                # term at every position of every listing's title and text.
                prefix = sorted({t for t in terms if not t.endswith("$")})
                exact = sorted({t[:-1] for t in terms if t.endswith("$")})
                parts = [_trie_regex(prefix)] if prefix else []
                if exact:
                    parts.append("(?:" + _trie_regex(exact) + r")(?!\w)")
                object.__setattr__(self, attr, re.compile("|".join(parts)))


@dataclass
class Taxonomy:
    labels: dict[str, dict]
    sublabels: dict[str, str]  # "label.sub" -> definition
    term_sublabels: dict[str, tuple[str, ...]]
    rules: list[Rule]
    version: str
    _prefix_re: re.Pattern[str] | None = field(default=None, repr=False)
    _exact_re: re.Pattern[str] | None = field(default=None, repr=False)
    # Feature groups with `mask = true`: their phrases are replaced by one token before any
    # feature is computed, so "weed" in "weed eater" never teaches the model that weed is legal.
    mask_terms: dict[str, str] = field(default_factory=dict)  # normalised phrase -> token
    _masker: PhraseMasker | None = field(default=None, repr=False)

    @classmethod
    def load(cls, path: Path | None = None) -> Taxonomy:
        raw = tomllib.loads((path or data_path("taxonomy.toml")).read_text(encoding="utf-8"))
        labels = raw["labels"]
        if tuple(labels) != LABELS:
            raise ValueError(f"taxonomy labels must be exactly {LABELS}, got {tuple(labels)}")
        sublabels: dict[str, str] = {}
        terms: dict[str, set[str]] = defaultdict(set)
        for label, spec in labels.items():
            for sub, sspec in spec.get("sublabels", {}).items():
                key = f"{label}.{sub}"
                sublabels[key] = sspec.get("definition", "")
                for term in sspec.get("terms", []):
                    exact = term.endswith("$")
                    norm = normalize(term.rstrip("$"))
                    if norm:
                        terms[norm + ("$" if exact else "")].add(key)
        # Neutral feature groups: keys start with "~" so they never pass for a sublabel.
        mask_terms: dict[str, str] = {}
        for group, gspec in raw.get("feature_groups", {}).items():
            if gspec.get("mask"):
                token = f"zz{group}"
                terms[token + "$"].add(f"~{group}")
                phrases = list(gspec.get("terms", []))
                for name in gspec.get("phrase_files", ()):
                    phrases += _inventory_phrases(name)
                mask_terms.update({v: token for t in phrases if (n := normalize(t))
                                   for v in number_variants(n)})
                continue
            for term in gspec.get("terms", []):
                exact = term.endswith("$")
                norm = normalize(term.rstrip("$"))
                if norm:
                    terms[norm + ("$" if exact else "")].add(f"~{group}")
        patterns: dict[str, str] = dict(raw.get("patterns", {}))
        # Long word lists live in their own files and fill a {{name}} fragment like [patterns].
        for pname, fname in raw.get("pattern_files", {}).items():
            patterns[pname] = _word_list_pattern(fname)

        def rx(rule: dict, key: str) -> re.Pattern[str] | None:
            """The rule's regex with its {{name}} fragments from [patterns] filled in."""
            src = rule.get(key)
            if not src:
                return None
            for name, frag in patterns.items():
                src = src.replace("{{" + name + "}}", frag)
            if "{{" in src:
                raise ValueError(f"rule {rule['name']}: unknown pattern in {key}: {src}")
            return re.compile(src)

        groups: dict[str, list[str]] = raw.get("sublabel_groups", {})
        for gname, members in groups.items():
            unknown = [m for m in members if m not in sublabels]
            if unknown:
                raise ValueError(f"sublabel group {gname}: unknown sublabels {unknown}")
        term_groups: dict[str, list[str]] = raw.get("term_groups", {})

        def spelled(rule: dict, key: str, named: dict[str, list[str]], what: str) -> list[str]:
            """The rule's list under `key` with each "@group" from `named` spelled out."""
            out: list[str] = []
            for item in rule.get(key, ()):
                if item.startswith("@"):
                    if item[1:] not in named:
                        raise ValueError(f"rule {rule['name']}: unknown {what} {item}")
                    out += named[item[1:]]
                else:
                    out.append(item)
            return out

        def subs(rule: dict, key: str) -> tuple[str, ...]:
            return tuple(spelled(rule, key, groups, "sublabel group"))

        def rule_terms(rule: dict, key: str) -> tuple[str, ...]:
            return _rule_terms(spelled(rule, key, term_groups, "term group"))

        rules = [
            Rule(r["name"], subs(r, "any_sublabels"),
                 rule_terms(r, "also_any"), rule_terms(r, "unless"),
                 tuple(r.get("if_label", ())), r["set"],
                 rx(r, "title_regex"),
                 subs(r, "title_has"), subs(r, "title_lacks"),
                 rx(r, "title_not_regex"),
                 bool(r.get("needs_text", False)),
                 rx(r, "text_not_regex"))
            for r in raw.get("rules", [])
        ]
        for r in rules:
            if r.set.split(".")[0] not in LABELS:
                raise ValueError(f"rule {r.name} sets unknown label {r.set}")
        tax = cls(labels, sublabels, {t: tuple(sorted(s)) for t, s in terms.items()}, rules,
                  str(raw.get("version", "0")), mask_terms=mask_terms)
        tax._compile()
        return tax

    def _compile(self) -> None:
        prefix = [t for t in self.term_sublabels if not t.endswith("$") and len(t) >= PREFIX_MIN]
        exact = [t.rstrip("$") for t in self.term_sublabels
                 if t.endswith("$") or len(t) < PREFIX_MIN]
        # Prefix terms may run on into the rest of a word; exact ones take an optional plural.
        # A term never starts or ends inside a decimal number: "524.45" is a price or a
        # measure, not the calibre ".45" (normalisation drops a calibre's leading dot); nor does
        # an exact term end before a percent sign ("40%" is a share, not the calibre ".40").
        self._prefix_re = re.compile(r"(?<![\w.])(" + _trie_regex(prefix) + r")\w*")
        # The plural "s" needs three letters before it: "ga" (gauge) is not "gas", "ar" not "ars".
        self._exact_re = re.compile(r"(?<![\w.])(" + _trie_regex(exact) + r")(?:(?<=\w\w\w)s)?(?!\w|\.\d|%)")
        if self.mask_terms:
            self._masker = PhraseMasker(self.mask_terms)

    def mask(self, norm_text: str) -> str:
        """Replace masked look-alike phrases ("weed eater") by their group token."""
        if self._masker is None or not norm_text:
            return norm_text
        return self._masker.sub(norm_text)

    def find_terms(self, norm_text: str) -> list[str]:
        """Lexicon terms present in already-normalised text (keys of term_sublabels)."""
        assert self._prefix_re is not None and self._exact_re is not None
        ts = self.term_sublabels
        found = self._prefix_re.findall(norm_text)
        for m in self._exact_re.finditer(norm_text):
            t = m.group(1)
            if t.isdigit() and norm_text.startswith(" ", m.end()) \
                    and norm_text[m.end() + 1:m.end() + 2].isdigit():
                # A number followed by another number is a digit run (a phone number, "44 7700
                # 900023"; a date, a price list), not the calibre ".44".
                continue
            found.append(t + "$" if t + "$" in ts else t)
        return [t for t in found if t in ts]

    def sublabel_hits(self, norm_text: str) -> dict[str, float]:
        """Sublabel -> evidence (longer, more specific terms count more)."""
        hits: dict[str, float] = defaultdict(float)
        for t in self.find_terms(norm_text):
            for sub in self.term_sublabels[t]:
                hits[sub] += len(t.rstrip("$"))
        return hits


class PhraseMasker:
    """Replaces whole-word phrases of normalised text by their token, longest phrase first; the
    last word may take a plural "s". A dictionary keyed by first word, not one regex: with 13,000
    masked forms the alternation took a second to compile at every load."""

    __slots__ = ("_single", "_by_pair", "_keys")

    def __init__(self, terms: dict[str, str]) -> None:
        single: dict[str, str] = {}
        by_pair: dict[tuple[str, str], list[tuple[tuple[str, ...], str]]] = defaultdict(list)
        for phrase, token in terms.items():
            words = tuple(phrase.split(" "))
            if len(words) == 1:
                single[words[0]] = single[words[0] + "s"] = token
                continue
            by_pair[words[:2]].append((words, token))
            if len(words) == 2:  # the last word may take a plural "s"
                by_pair[(words[0], words[1] + "s")].append((words, token))
        for entries in by_pair.values():
            entries.sort(key=lambda e: -len(e[0]))
        self._single = single
        self._by_pair = dict(by_pair)
        # Every word that can open a match: most texts share none of them, and a set test in C
        # answers that without a Python loop.
        self._keys = frozenset(single) | frozenset(w0 for w0, _ in by_pair)

    def _match(self, words: list[str], i: int) -> tuple[int, str] | None:
        """Length and token of the longest phrase starting at words[i], if any."""
        if i + 1 < len(words):
            for phrase, token in self._by_pair.get((words[i], words[i + 1]), ()):
                k = len(phrase)
                if k == 2 or (i + k <= len(words) and words[i + 2:i + k - 1] == list(phrase[2:-1])
                              and words[i + k - 1] in (phrase[-1], phrase[-1] + "s")):
                    return k, token
        token = self._single.get(words[i])
        return (1, token) if token is not None else None

    def sub(self, text: str) -> str:
        words = text.split(" ")
        keys = self._keys
        if keys.isdisjoint(words):
            return text
        out: list[str] = []
        last = 0
        for i in [i for i, w in enumerate(words) if w in keys]:
            if i < last:
                continue
            found = self._match(words, i)
            if found is not None:
                out += words[last:i]
                out.append(found[1])
                last = i + found[0]
        if not out:
            return text
        out += words[last:]
        return " ".join(out)


@cache
def default_taxonomy() -> Taxonomy:
    return Taxonomy.load()
