"""Classifier quality: cross-market matrix and multilingual test sets, printed as Markdown.

Usage: .venv/bin/python benchmarks/bench_classify_quality.py [--quick] [--open-sealed]
--open-sealed also scores the sealed Agora vendor slice (datasets.is_sealed), which is kept out of
every tuning run; open it only to report, once.
Retrains the model many times (about 20 trainings; several minutes on 2 shared cores). Every
"unseen market" figure comes from a model trained without any row of that market; the seed set
(ours) is always in training, the multilingual test sets never are.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1] / "tests" / "classify" / "data"


def fmt_report(name: str, r) -> str:  # type: ignore[no-untyped-def]
    return f"| {name} | {r.n} | {r.accuracy:.3f} | {r.macro_f1:.3f} |"


def per_class_table(r) -> str:  # type: ignore[no-untyped-def]
    lines = ["| label | precision | recall | F1 | support |", "|---|---|---|---|---|"]
    for lab, m in r.per_class.items():
        lines.append(f"| {lab} | {m['precision']:.3f} | {m['recall']:.3f} | {m['f1']:.3f} | "
                     f"{m['support']} |")
    return "\n".join(lines)


def main() -> None:
    from veille.classify import load_default
    from veille.classify.datasets import MARKETS, load_markets, shared_data_dir
    from veille.classify.experiments import leave_out, lomo, multilingual, pairwise
    from veille.classify.lexicon import Taxonomy

    logging.disable(logging.WARNING)
    quick = "--quick" in sys.argv
    tax = Taxonomy.load()
    clf = load_default()
    assert clf is not None
    print(f"## Shipped model {clf.version}\n")
    for name in ("multilingual_test.tsv", "multilingual_test_b.tsv"):
        res = multilingual(clf, TESTS / name)
        print(f"### {name}\n")
        print("| subset | n | accuracy | macro-F1 |\n|---|---|---|---|")
        for k, r in res.items():
            print(fmt_report(k, r))
        print()
        print(per_class_table(res["all"]))
        print()
    if not shared_data_dir().exists():
        print("shared data absent: cross-market figures skipped")
        return
    data = load_markets()
    print("## Leave WHM and Dream out (train on Agora, DUTA, Armslist + seed)\n")
    print("| test | n | accuracy | macro-F1 | accuracy, titles only |\n|---|---|---|---|---|")
    for m, v in leave_out(tax, ["whm", "dream"], data=data).items():
        print(f"| {m} | {v['full'].n} | {v['full'].accuracy:.3f} | {v['full'].macro_f1:.3f} | "
              f"{v['titles'].accuracy:.3f} |")
    print("\n## Leave one market out (each row: trained on the other four + seed)\n")
    res = lomo(tax, data=data, open_sealed="--open-sealed" in sys.argv)
    print("| held-out market | n | accuracy | macro-F1 | accuracy, titles only | macro-F1, titles only |")
    print("|---|---|---|---|---|---|")
    for m, v in res.items():
        print(f"| {m} | {v['full'].n} | {v['full'].accuracy:.3f} | {v['full'].macro_f1:.3f} | "
              f"{v['titles'].accuracy:.3f} | {v['titles'].macro_f1:.3f} |")
    print("\nPooled out-of-market predictions, per class (title + description):\n")
    print(per_class_table(res["pooled"]["full"]))
    print("\nPooled, titles only:\n")
    print(per_class_table(res["pooled"]["titles"]))
    print("\nConfusion matrix (pooled, rows = true):\n")
    print("```\n" + res["pooled"]["full"].format().split("confusion", 1)[1] + "\n```")
    if "sealed" in res:
        print("\n## Sealed Agora vendor slice (never looked at while tuning; model without Agora)\n")
        print(per_class_table(res["sealed"]["full"]))
        print("\nTitles only:\n")
        print(per_class_table(res["sealed"]["titles"]))
        print("\n```\n" + res["sealed"]["full"].format() + "\n```")
    if quick:
        return
    print("\n## Train on seed + one market, accuracy on each market (diagonal in-sample)\n")
    pw = pairwise(tax, data=data)
    print("| trained on \\ tested on | " + " | ".join(MARKETS) + " |")
    print("|---|" + "---|" * len(MARKETS))
    for a, row in pw.items():
        print(f"| {a} | " + " | ".join(f"{row[b]:.3f}" for b in MARKETS) + " |")


if __name__ == "__main__":
    main()
