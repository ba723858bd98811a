"""The rules' literal prefilter: it may only skip a regex that cannot match."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from veille.classify import load_default
from veille.classify.classifier import _SALE_VERB
from veille.classify.evaluation import read_test_tsv
from veille.classify.prefilter import LiteralPrefilter, required_literals

DATA = Path(__file__).parent / "data"


@pytest.mark.parametrize(("pattern", "literals"), [
    # A rule's usual shape: of the two alternations every match holds, the one with the longer
    # shortest literal, then the fewer literals.
    (r"\b(?:toy|water|cap)\s+(?:guns?|pistols?)\b", {"toy", "water", "cap"}),
    (r"\b(?:toy|water|cap)\s+(?:guns?|pistols?|revolvers?)\b", {"toy", "water", "cap"}),
    (r"\b(?:to|water|cap)\s+(?:guns?|pistols?)\b", {"gun", "guns", "pistol", "pistols"}),
    # Optional parts multiply out; look-arounds and \b take no characters.
    (r"(?<![\d.])\bpistol(?:et|a)?\b(?!\w)", {"pistol", "pistolet", "pistola"}),
    # Inside a word: the literal between the open-ended runs.
    (r"\w*kostum\w*", {"kostum"}),
    # Each branch brings its own best literal; a repeat of at least one brings its body's.
    # A space next to the words lengthens the literal.
    (r"^\d+ (?:rounds|schuss)\b|\b(?:cajas|boxes)(?: of)+ \d",
     {" rounds", " schuss", "cajas", "boxes"}),
    # A character class of a few letters is a set of one-letter strings.
    (r"\bmag[sz]\b", {"mags", "magz"}),
    # A case-folded group is not read, but what stands outside it still counts.
    (r"x(?i:gun)", {"x"}),
    # None: a match may hold no known literal, so the regex is always searched.
    (r"(?i)gun", None),  # case folded: a literal test would miss "GUN"
    (r"\bgun\b|\d{3,}", None),  # one branch has no literal at all
    (r"(?:rounds)?\d+", None),  # the only literal is optional
])
def test_required_literals(pattern: str, literals: set[str] | None) -> None:
    assert required_literals(re.compile(pattern)) == literals


def test_prefilter_names_every_pattern_that_can_match() -> None:
    pats = [re.compile(r"\b(?:toy|water) guns?\b"), None, re.compile(r"\d+ rounds"),
            re.compile(r"(?i)holster")]
    pf = LiteralPrefilter(pats)
    assert pf.candidates("water gun for kids") == {0, 3}
    assert pf.candidates("50 rounds 9mm") == {2, 3}
    assert pf.candidates("") == {3}  # unknown literals: always searched


def _rows() -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    for f in sorted(DATA.glob("*.tsv")):
        items = read_test_tsv(f)
        rows += [(i.title, i.text) for i in items] + [("", i.text) for i in items]
    return rows


def test_shipped_rules_never_lose_a_match_on_the_test_sets() -> None:
    """Every rule regex that matches a title of the written test sets is a candidate for it.
    The titles are the ones the rules read: normalised, masked, sale verb taken off."""
    clf = load_default()
    assert clf is not None
    pats = [p for r in clf.tax.rules for p in (r.title_regex, r.title_not_regex)]
    pf = LiteralPrefilter(pats)
    titles = {_SALE_VERB.sub("", clf.featurizer.analyse(t, x).title) for t, x in _rows()[::5]}
    assert len(titles) > 3_000
    lost = [(i, t) for t in titles for i in set(range(len(pats))) - pf.candidates(t)
            if pats[i] is not None and pats[i].search(t)]
    assert not lost
    # And it does skip most of them, or it would be no use.
    mean = sum(len(pf.candidates(t)) for t in titles) / len(titles)
    assert mean < 0.25 * sum(p is not None for p in pats)


def test_predictions_same_with_and_without_prefilter() -> None:
    clf = load_default()
    assert clf is not None
    rows = _rows()[1::4]
    filtered = clf.predict(rows)

    class Everything:
        def candidates(self, text: str) -> set[int]:
            return set(range(2 * len(clf.tax.rules)))

    saved = clf._title_prefilter
    clf._title_prefilter = Everything()  # type: ignore[assignment]
    try:
        assert clf.predict(rows) == filtered
    finally:
        clf._title_prefilter = saved
