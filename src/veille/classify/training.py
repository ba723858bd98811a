"""Training: shared research exports + our multilingual seed + analyst corrections."""

from __future__ import annotations

import random
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

import numpy as np

from veille.classify.datasets import MARKETS, Example, load_markets, seed_examples
from veille.classify.features import FeatureConfig, Featurizer
from veille.classify.lexicon import LABELS, Taxonomy
from veille.classify.weights import LinearWeights


@dataclass
class TrainConfig:
    max_per_market_label: int = 2500  # drugs dominate every market; cap so they do not swamp
    class_balance_power: float = 0.5  # 0 = raw frequencies, 1 = fully balanced
    seed_weight: float = 1.0
    # Everyday legal goods (seed_items.toml [everyday]). At 1.0 they pulled real edibles ("Cake
    # Pop", "THCookies") and bare gun ads to `other` out of market; 0.15 raised the audited
    # out-of-market macro-F1 by 0.02 for -0.002 on market gold (docs/MODEL_CARD.md, model 24).
    everyday_weight: float = 0.15
    market_weight: dict[str, float] = field(default_factory=dict)  # per market, default 1
    correction_weight: float = 5.0  # an analyst's decision outweighs a scraped category
    title_only_copies: bool = True  # markets without descriptions must still classify
    delegate_to_rules: tuple[str, ...] = ("other.deactivated_weapon", "other.replica")
    # review = top probability below review_prob or top-two margin below review_margin. Chosen on
    # model 1's leave-one-market-out predictions and kept; on model 4's they flag 5.2 % of
    # listings and catch 50.6 % of the errors (bench_classify_quality.py prints this).
    review_prob: float = 0.7
    review_margin: float = 0.3
    # No lexicon term at all and top probability below this -> "other" with review. 0.5 raised
    # firearms precision on held-out markets (0.92 -> 0.96) but sent unlisted euphemisms
    # ("need someone gone") to "other"; off by default, see docs/MODEL_CARD.md.
    unknown_prob: float = 0.0
    # Weapon labels need a weapon term in the text (see LinearClassifier.evidence_labels).
    evidence_labels: tuple[str, ...] = ("firearms", "ammunition", "explosives")
    # Label -> bare generic words; a call whose title names only those is flagged for review
    # (see LinearClassifier.weak_title_review). Normalised lexicon terms whose only sublabel of
    # the label is its generic one: "gun", "firearm" or "Feuerwaffe" also count as a pistol, so
    # a title naming them is never weak, and a plural is read as its singular's term.
    weak_title_review: dict[str, tuple[str, ...]] = field(default_factory=lambda: {"firearms": (
        "arme", "armes", "waffe", "waffen", "schusswaffe", "arma", "armas", "weapon")})
    alpha: float = 1e-5
    epochs: int = 15
    # Second model: complement naive Bayes on the same features, added to the logistic
    # regression's scores with this weight. Both are linear in the features, so the ensemble is
    # folded into one weight matrix and costs nothing at inference. NB weighs words seen in only
    # a few rows more than regularised logistic regression does, which is what the small classes
    # have. Leave-one-market-out: 0.15 adds ~0.003 pooled macro-F1, 0.3 and more cost ammunition
    # precision; a small, not a decisive, gain. 0 = off.
    nb_weight: float = 0.15
    nb_alpha: float = 0.1
    random_state: int = 0
    features: FeatureConfig = field(default_factory=FeatureConfig)


def assemble(markets: dict[str, list[Example]], seed: Sequence[Example],
             corrections: Sequence[Example], cfg: TrainConfig) -> list[tuple[Example, float]]:
    rng = random.Random(cfg.random_state)
    rows: list[tuple[Example, float]] = []
    for name, examples in markets.items():
        mw = cfg.market_weight.get(name, 1.0)
        by_label: dict[str, list[Example]] = defaultdict(list)
        for ex in examples:
            by_label[ex.label].append(ex)
        for _label, exs in by_label.items():
            if len(exs) > cfg.max_per_market_label:
                exs = rng.sample(exs, cfg.max_per_market_label)
            rows += [(ex, mw) for ex in exs]
    rows += [(ex, cfg.everyday_weight if ex.source == "everyday" else cfg.seed_weight)
             for ex in seed if ex.source != "everyday" or cfg.everyday_weight > 0]
    rows += [(ex, cfg.correction_weight) for ex in corrections]
    if cfg.title_only_copies:
        rows += [(replace(ex, text=""), w * 0.5)
                 for ex, w in list(rows) if ex.text and ex.title]
    counts = Counter(ex.label for ex, _ in rows)
    total = sum(counts.values())
    cw = {lab: (total / (len(counts) * n)) ** cfg.class_balance_power for lab, n in counts.items()}
    return [(ex, w * cw[ex.label]) for ex, w in rows]


def complement_nb_weights(X, y: np.ndarray, w: np.ndarray,  # type: ignore[no-untyped-def]
                          alpha: float) -> np.ndarray:
    """Complement naive Bayes as a (n_features x n_labels) matrix of per-label feature weights.

    Centred across labels (softmax ignores a per-feature constant) and zero for features never
    seen in training, so unseen hashed buckets stay out of the pruned, quantised model file."""
    from sklearn.naive_bayes import ComplementNB

    nb = ComplementNB(alpha=alpha, norm=False)
    nb.fit(X, y, sample_weight=w)
    F = np.asarray(nb.feature_log_prob_, dtype=np.float64)  # (n_classes_seen, n_features)
    F -= F.mean(axis=0, keepdims=True)
    F[:, np.asarray(nb.feature_count_.sum(axis=0)).ravel() == 0] = 0.0
    out = np.zeros((X.shape[1], len(LABELS)), dtype=np.float32)
    for j, cls in enumerate(nb.classes_):
        out[:, cls] = F[j]
    return out


def fit(rows: Sequence[tuple[Example, float]], taxonomy: Taxonomy, cfg: TrainConfig,
        meta: dict | None = None) -> LinearWeights:
    from sklearn.linear_model import SGDClassifier

    feat = Featurizer(taxonomy, cfg.features)
    X, _ = feat.transform([(ex.title, ex.text) for ex, _ in rows])
    y = np.array([LABELS.index(ex.label) for ex, _ in rows])
    w = np.array([wt for _, wt in rows], dtype=np.float64)
    clf = SGDClassifier(loss="log_loss", alpha=cfg.alpha, max_iter=cfg.epochs, tol=None,
                        random_state=cfg.random_state, average=True)
    clf.fit(X, y, sample_weight=w)
    W = np.zeros((cfg.features.n_features, len(LABELS)), dtype=np.float32)
    b = np.full(len(LABELS), -10.0, dtype=np.float32)  # a label never seen stays improbable
    for j, cls in enumerate(clf.classes_):
        W[:, cls] = clf.coef_[j]
        b[cls] = clf.intercept_[j]
    if cfg.nb_weight > 0 and len(clf.classes_) > 1:
        W += cfg.nb_weight * complement_nb_weights(X, y, w, cfg.nb_alpha)
    return LinearWeights(list(LABELS), W, b, cfg.features, dict(meta or {}))


def train(taxonomy: Taxonomy, cfg: TrainConfig | None = None,
          markets: Sequence[str] = MARKETS, corrections: Sequence[Example] = (),
          use_seed: bool = True, preloaded: dict[str, list[Example]] | None = None) -> LinearWeights:
    cfg = cfg or TrainConfig()
    t0 = time.time()
    data = {m: preloaded[m] for m in markets} if preloaded else load_markets(tuple(markets))
    seed = seed_examples(cfg.random_state) if use_seed else []
    if cfg.delegate_to_rules:
        # Deactivated guns and airsoft replicas say "Glock" or "AK-47" as loudly as real ones; as
        # "other" training rows they teach the model that gun names mean "other". The taxonomy
        # rules decide those cases instead, so these seed rows stay out of the linear model.
        from veille.classify.normalize import normalize

        seed = [ex for ex in seed if not (
            ex.label == "other"
            and any(s in cfg.delegate_to_rules
                    for s in taxonomy.sublabel_hits(normalize(f"{ex.title} {ex.text}"))))]
    rows = assemble(data, seed, corrections, cfg)
    meta = {
        "trained_on": {**{m: len(v) for m, v in data.items()}, "seed": len(seed),
                       "corrections": len(corrections)},
        "train_rows": len(rows),
        "taxonomy_version": taxonomy.version,
        "review_prob": cfg.review_prob,
        "review_margin": cfg.review_margin,
        "unknown_prob": cfg.unknown_prob,
        "evidence_labels": list(cfg.evidence_labels),
        "weak_title_review": {k: list(v) for k, v in cfg.weak_title_review.items()},
    }
    weights = fit(rows, taxonomy, cfg, meta)
    weights.meta["train_seconds"] = round(time.time() - t0, 1)
    return weights
