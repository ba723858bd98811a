"""Inference: features -> linear scores -> taxonomy rules -> label, sublabel, score, review."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from veille.classify.features import Analysed, Featurizer
from veille.classify.lexicon import LABELS, Rule, Taxonomy
from veille.classify.prediction import Prediction
from veille.classify.prefilter import LiteralPrefilter
from veille.classify.weights import LinearWeights

RULE_SCORE = 0.75  # a fired definition rule is not a probability; report it as fairly sure
# "Vends casque M35 et baïonnette", "Verkaufe Pumpgun ...", "Selling 2 tickets ...": a sale verb
# opening a title or a post says nothing about the item, and rules that look for what a title
# names first ("^... holster", "^book ...") must see the item, not the verb.
_SALE_VERB = re.compile(r"^(?:(?:je|ich|i|we|on)\s+)?(?:vends?|vendons|vendo|vendemos|verkaufe|verkaufen|biete|bieten|"
                        r"sell|selling|wts|offering|ofrezco|se vende|a vendre|zu verkaufen|"
                        r"for sale)\s+(?:(?:mon|ma|mes|my|meine?n?|mi|mis|un|une|des|ein|eine|einen|a|an|"
                        r"some)\s+)?")


def softmax(S: np.ndarray) -> np.ndarray:
    S = S - S.max(axis=1, keepdims=True)
    np.exp(S, out=S)
    S /= S.sum(axis=1, keepdims=True)
    return S


class LinearClassifier:
    """A pure function of its inputs once loaded: no I/O, no global state in predict()."""

    def __init__(self, weights: LinearWeights, taxonomy: Taxonomy) -> None:
        if tuple(weights.labels) != LABELS:
            raise ValueError(f"model labels {weights.labels} differ from taxonomy {LABELS}")
        self.weights = weights
        self.tax = taxonomy
        self.featurizer = Featurizer(taxonomy, weights.features)
        self.version = str(weights.meta.get("version", "unversioned"))
        self.review_prob = float(weights.meta.get("review_prob", 0.6))
        self.review_margin = float(weights.meta.get("review_margin", 0.2))
        # Nothing in the text is a known term and the model hesitates: call it "other" (and
        # flag it) rather than let the largest class absorb gibberish and private listings.
        self.unknown_prob = float(weights.meta.get("unknown_prob", 0.0))
        # Labels the model may only give when the text names something of that kind (a gun ad
        # names a gun, a maker or a calibre). Without such a term the next label is taken and
        # the item flagged: character n-grams alone turned pill brands ("Yellow Bullet") and
        # edible names ("Dark Fire") into firearms on markets the model never saw.
        self.evidence_labels = frozenset(weights.meta.get("evidence_labels", ()))
        # Label -> its bare generic words ("arme", "Waffe", "gun"): a call of that label whose
        # title (or a post's first line) names those words and nothing more specific (no gun
        # type, part, maker, model or calibre) is flagged for review. On the written sets such
        # firearms calls were wrong 13 times in 13 ("Problemlöser mit Waffe", "Armé jusqu'aux
        # dents : caisse à outils"); a title naming no firearms term at all is left alone, as
        # most real gun ads name a model the lexicon does not list.
        self.weak_title_review: dict[str, frozenset[str]] = {
            lab: frozenset(words) for lab, words in weights.meta.get("weak_title_review", {}).items()}
        # The rules that may read each label, in taxonomy order: a rule only reads the labels in
        # its if_label (all of them when empty).
        # Each with its index k: the rule's title regex is pattern 2k of the prefilter, its
        # title veto 2k + 1.
        self._rules_for: dict[str, list[tuple[Rule, int]]] = {
            lab: [(r, k) for k, r in enumerate(taxonomy.rules) if not r.if_label or lab in r.if_label]
            for lab in LABELS}
        self._title_prefilter = LiteralPrefilter(
            [p for r in taxonomy.rules for p in (r.title_regex, r.title_not_regex)])

    @classmethod
    def from_dir(cls, directory: Path, taxonomy: Taxonomy) -> LinearClassifier:
        return cls(LinearWeights.load(directory), taxonomy)

    def probabilities(self, items: Sequence[tuple[str, str]]) -> tuple[np.ndarray, list[Analysed]]:
        X, analysed = self.featurizer.transform(items)
        S = np.asarray(X @ self.weights.W) + self.weights.b
        return softmax(S), analysed

    def _apply_rules(self, label: str, a: Analysed) -> str | None:
        # Conditions name a label ("ammunition") or a sublabel ("firearms.pistol"). Both sets
        # are built once per item, not once per rule: 40 rules ran over every listing.
        in_title = {s.split(".", 1)[0] for s in a.title_hits} | set(a.title_hits)
        both = f" {a.title} {a.text} "
        title = _SALE_VERB.sub("", a.title)
        maybe = self._title_prefilter.candidates(title)
        for rule, k in self._rules_for[label]:
            if rule.needs_text and not a.text:
                continue
            if rule.any_sublabels and not any(s in a.sub_hits for s in rule.any_sublabels):
                continue
            if rule.title_has and in_title.isdisjoint(rule.title_has):
                continue
            if not in_title.isdisjoint(rule.title_lacks):
                continue
            # All conditions must hold; the positive title pattern fails most often, so it runs
            # before the vetoes (same result, fewer regex searches).
            if rule.title_regex is not None and (2 * k not in maybe
                                                 or not rule.title_regex.search(title)):
                continue
            if rule.title_not_regex is not None and 2 * k + 1 in maybe \
                    and rule.title_not_regex.search(title):
                continue
            if rule.text_not_regex is not None and rule.text_not_regex.search(a.text):
                continue
            if rule.also_re is not None and rule.also_re.search(both) is None:
                continue
            if rule.unless_re is not None and rule.unless_re.search(both) is not None:
                continue
            return rule.set
        return None

    def _sublabel(self, label: str, a: Analysed) -> str | None:
        best, best_v = None, 0.0
        for sub, v in a.sub_hits.items():
            if sub.startswith(label + ".") and not sub.endswith(".generic"):
                v = v + (2 * a.title_hits.get(sub, 0.0))
                if v > best_v:
                    best, best_v = sub, v
        return best

    def predict(self, items: Sequence[tuple[str, str]]) -> list[Prediction]:
        if not items:
            return []
        P, analysed = self.probabilities(items)
        order = np.argsort(-P, axis=1)
        out: list[Prediction] = []
        weak = self.weak_title_review

        def emit(label: str, sub: str | None, score: float, review: bool, a: Analysed) -> None:
            if label in weak and not review and self._only_generic_in_title(label, a):
                review = True
            out.append(Prediction(label, sub, score, review))

        for i, a in enumerate(analysed):
            top, second = order[i, 0], order[i, 1]
            label = LABELS[top]
            p1, p2 = float(P[i, top]), float(P[i, second])
            review = p1 < self.review_prob or (p1 - p2) < self.review_margin
            forced = self._apply_rules(label, a)
            # A weapon label without a weapon term falls back to the next label. When no rule
            # read the weapon label, the rules read the fallback too ("Debt collection with
            # physical persuasion" was top-scored firearms; the violence rule, which does not
            # apply to firearms, never ran).
            if forced is None and label in self.evidence_labels and not self._has_evidence(a):
                alt = next(int(j) for j in order[i] if LABELS[j] not in self.evidence_labels)
                label, p1, review = LABELS[alt], float(P[i, alt]), True
                forced = self._apply_rules(label, a)
            if forced is not None:
                flabel = forced.split(".", 1)[0]
                sub = forced if "." in forced else self._sublabel(flabel, a)
                if flabel != label:
                    p1 = max(float(P[i, LABELS.index(flabel)]), RULE_SCORE)
                    review = False
                emit(flabel, sub, round(p1, 4), review, a)
                continue
            if not a.title and not a.text:
                out.append(Prediction("other", None, 0.0, True))
                continue
            if p1 < self.unknown_prob and not any(not s.startswith("~") for s in a.sub_hits):
                out.append(Prediction("other", None, round(float(P[i, LABELS.index("other")]), 4),
                                      True))
                continue
            emit(label, self._sublabel(label, a), round(p1, 4), review, a)
        return out

    def _only_generic_in_title(self, label: str, a: Analysed) -> bool:
        """Whether the title's terms of this label are all bare generic words (and there is one)."""
        if "~calibre" in a.title_hits:
            return False
        prefix = label + "."
        if any(s.startswith(prefix) and not s.endswith(".generic") for s in a.title_hits):
            return False
        ts = self.tax.term_sublabels
        terms = [t.rstrip("$") for t in self.tax.find_terms(a.title)
                 if any(s.startswith(prefix) for s in ts[t])]
        return bool(terms) and all(t in self.weak_title_review[label] for t in terms)

    def _has_evidence(self, a: Analysed) -> bool:
        return any(s.split(".", 1)[0] in self.evidence_labels or s == "~calibre"
                   for s in a.sub_hits)
