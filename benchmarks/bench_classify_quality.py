"""Classifier quality: cross-market matrix and multilingual test sets, printed as Markdown.

Usage: .venv/bin/python benchmarks/bench_classify_quality.py [--quick] [--open-sealed]
       [--compare MODEL_DIR]
--open-sealed also scores the sealed Agora vendor slice (datasets.is_sealed), which is kept out of
every tuning run; open it only to report, once.
--compare MODEL_DIR also scores an earlier model (model.json + weights.npz, with the taxonomy.toml
it shipped with when the folder holds one) on the same test sets, printed beside the shipped one.
The blind sets (every tests/classify/data/*_test*.tsv from C on, each with a README, and the
held-out market labels, src/veille/classify/data/heldout_labels.csv) are scored with the shipped
model; the held-out labels are skipped with a message when absent. They are for scoring a frozen
model once: never tune on what they print. The audited gold (src/veille/classify/data/audit_labels.csv) rescores
the out-of-market predictions of sampled market rows against labels given by the definitions.
Retrains the model many times (about 20 trainings; several minutes on 2 shared cores). Every
"unseen market" figure comes from a model trained without any row of that market; the seed set
(ours) is always in training, the multilingual test sets never are.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1] / "tests" / "classify" / "data"


def set_order(p: Path) -> tuple[int, str]:
    """Where a test set stands in the order the sets were written (A, B, ..., Z, AA, ...): its
    letters follow "_test" in its name ("multilingual_test.tsv" is A, "..._test_ae.tsv" AE)."""
    letters = p.stem.rsplit("_test", 1)[1].lstrip("_")
    return len(letters), letters


def test_sets() -> list[Path]:
    """Every outside test set in tests/classify/data, in the order they were written."""
    return sorted(TESTS.glob("*_test*.tsv"), key=set_order)


def fmt_report(name: str, r) -> str:  # type: ignore[no-untyped-def]
    return f"| {name} | {r.n} | {r.accuracy:.3f} | {r.macro_f1:.3f} |"


def print_subsets(res) -> None:  # type: ignore[no-untyped-def]
    """Accuracy and macro-F1 per subset, then the per-class table of the whole set."""
    print("| subset | n | accuracy | macro-F1 |\n|---|---|---|---|")
    for k, r in res.items():
        print(fmt_report(k, r))
    print()
    print(per_class_table(res["all"]))
    print()


def per_class_table(r) -> str:  # type: ignore[no-untyped-def]
    lines = ["| label | precision | recall | F1 | support |", "|---|---|---|---|---|"]
    for lab, m in r.per_class.items():
        lines.append(f"| {lab} | {m['precision']:.3f} | {m['recall']:.3f} | {m['f1']:.3f} | "
                     f"{m['support']} |")
    return "\n".join(lines)


def load_compare():  # type: ignore[no-untyped-def]
    """The model named by --compare DIR, with the taxonomy it shipped with if DIR holds one."""
    if "--compare" not in sys.argv:
        return None
    from veille.classify.classifier import LinearClassifier
    from veille.classify.lexicon import Taxonomy

    d = Path(sys.argv[sys.argv.index("--compare") + 1])
    tax_file = d / "taxonomy.toml"
    return LinearClassifier.from_dir(d, Taxonomy.load(tax_file if tax_file.exists() else None))


def heldout(clf, other=None) -> None:  # type: ignore[no-untyped-def]
    """Blind gold labels for market dumps never used in training (ANITA: Agartha, CannaHome,
    DarkMarket); title = name, text = info."""
    from veille.classify.datasets import shared_data_dir
    from veille.classify.experiments import HELDOUT_LABELS, heldout_items, score_heldout
    from veille.classify.lexicon import data_path

    print("### Held-out market labels (heldout_labels.csv)\n")
    if not data_path(HELDOUT_LABELS).exists():
        print(f"absent ({data_path(HELDOUT_LABELS)}): skipped\n")
        return
    if not (shared_data_dir() / "anita-markets").exists():
        print(f"shared data absent ({shared_data_dir() / 'anita-markets'}): skipped\n")
        return
    items, problems = heldout_items()
    for msg in problems[:10]:
        print(f"warning: {msg}")
    if problems:
        print(f"({len(problems)} row(s) not scored)\n")
    unclear = sum(1 for it in items if it[4])
    print(f"{len(items)} listings joined; {unclear} marked unclear in the labels' notes\n")
    res = score_heldout(clf, items)
    print_subsets(res)
    print("Without the unclear rows:\n")
    print(per_class_table(res["without unclear"]))
    print("\nTitles only:\n")
    print(per_class_table(res["titles only"]))
    print("\n```\n" + res["all"].format() + "\n```\n")
    if other is not None:
        print(f"Same rows, {other.version}:\n")
        print_subsets(score_heldout(other, items))


def text_only_table(clf, now: dict) -> None:  # type: ignore[no-untyped-def]
    """Every set sent as text without a title (title and description in one paragraph, as a
    forum post or message carries it), read as model 6 reads it (first line as the title; `now`,
    already scored by main) and as models up to 5 did (no title at all, so every "title lacks
    X" rule condition held)."""
    import veille.classify.features as features
    from veille.classify.experiments import multilingual

    print("### Text without a title (posts, messages)\n")
    print("| set | n | macro-F1, first line read as title | macro-F1, no title (models <= 5) |")
    print("|---|---|---|---|")
    head = features.text_head
    for name, r in now.items():
        features.text_head = lambda text: ""  # type: ignore[assignment]
        try:
            before = multilingual(clf, TESTS / name)["text only"]
        finally:
            features.text_head = head
        print(f"| {name} | {r.n} | {r.macro_f1:.3f} | {before.macro_f1:.3f} |")
    print()


def audited(res) -> None:  # type: ignore[no-untyped-def]
    """The same out-of-market predictions scored against gold labels given by the taxonomy's
    definitions (data/audit_labels.csv) instead of the market's category, on the audited rows."""
    for key, what in (("audited", "unsealed sample"), ("sealed audited", "sealed Agora vendors")):
        if key not in res:
            continue
        r = res[key]
        print(f"\n## Audited gold, {what} (out-of-market models; gold by the definitions)\n")
        print("| gold | n | accuracy | macro-F1 |\n|---|---|---|---|")
        for name, k in (("audited", "full"), ("audited, titles only", "titles"),
                        ("audited, rows not marked unsure", "sure only"),
                        ("market category (same rows)", "market gold")):
            print(fmt_report(name, r[k]))
        print()
        print(per_class_table(r["full"]))
        print("\n```\n" + r["full"].format().split("confusion", 1)[1] + "\n```")


def main() -> None:
    from veille.classify import load_default
    from veille.classify.datasets import MARKETS, load_markets, shared_data_dir
    from veille.classify.evaluation import review_summary
    from veille.classify.experiments import (
        held_out_results,
        leave_out,
        load_audit,
        lomo,
        multilingual,
        pairwise,
    )
    from veille.classify.lexicon import Taxonomy

    logging.disable(logging.WARNING)
    quick = "--quick" in sys.argv
    tax = Taxonomy.load()
    clf = load_default()
    assert clf is not None
    other = load_compare()
    print(f"## Shipped model {clf.version}" + (f" (compared with {other.version})" if other else "")
          + "\n")
    text_now = {}
    for path in test_sets():
        name = path.name
        res = multilingual(clf, path)
        text_now[name] = res["text only"]
        print(f"### {name}\n")
        print_subsets(res)
        print(per_class_table(res["titles_only"]).replace("| label |", "| label (titles only) |"))
        print("\n```\n" + res["all"].format().split("confusion", 1)[1] + "\n```\n")
        if other is not None:
            print(f"Same set, {other.version}:\n")
            print_subsets(multilingual(other, path))
    text_only_table(clf, text_now)
    heldout(clf, other)
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
    pairs: list = []
    res = lomo(tax, data=data, open_sealed="--open-sealed" in sys.argv, collect=pairs,
               audit=load_audit())
    print("| held-out market | n | accuracy | macro-F1 | accuracy, titles only | macro-F1, titles only |")
    print("|---|---|---|---|---|---|")
    for m, v in held_out_results(res).items():
        print(f"| {m} | {v['full'].n} | {v['full'].accuracy:.3f} | {v['full'].macro_f1:.3f} | "
              f"{v['titles'].accuracy:.3f} | {v['titles'].macro_f1:.3f} |")
    print("\nPooled out-of-market predictions, per class (title + description):\n")
    print(per_class_table(res["pooled"]["full"]))
    print("\nPooled, titles only:\n")
    print(per_class_table(res["pooled"]["titles"]))
    print("\nConfusion matrix (pooled, rows = true):\n")
    print("```\n" + res["pooled"]["full"].format().split("confusion", 1)[1] + "\n```")
    rv = review_summary(pairs)
    print(f"\nReview flag on the pooled out-of-market predictions: flags {rv['flagged_share']:.1%} "
          f"of items, catches {rv['errors_caught']:.1%} of the errors (accuracy "
          f"{rv['accuracy_unflagged']:.1%} unflagged, {rv['accuracy_flagged']:.1%} flagged)")
    if "sealed" in res:
        print("\n## Sealed Agora vendor slice (never looked at while tuning; model without Agora)\n")
        print(per_class_table(res["sealed"]["full"]))
        print("\nTitles only:\n")
        print(per_class_table(res["sealed"]["titles"]))
        print("\n```\n" + res["sealed"]["full"].format() + "\n```")
    audited(res)
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
