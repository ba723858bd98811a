"""The audited gold (data/audit_labels.csv): market rows relabelled by the taxonomy's definitions,
named by a key that holds none of their text."""

from __future__ import annotations

import csv
from collections import Counter

from tests.conftest import shared_data
from veille.classify.datasets import Example, example_id, is_sealed, load_markets
from veille.classify.experiments import AUDIT_LABELS, held_out_results, load_audit
from veille.classify.lexicon import LABELS, data_path


def test_example_id_is_stable_and_depends_on_every_field() -> None:
    ex = Example("Glock 19", "used", "firearms", None, "armslist", group="v1")
    assert example_id(ex) == example_id(Example("Glock 19", "used", "drugs", None, "armslist", group="v1"))
    assert example_id(ex).startswith("armslist:") and len(example_id(ex)) == len("armslist:") + 12
    others = {example_id(Example("Glock 19", "used", "firearms", None, "armslist", group="v2")),
              example_id(Example("Glock 19", "new", "firearms", None, "armslist", group="v1")),
              example_id(Example("Glock 17", "used", "firearms", None, "armslist", group="v1"))}
    assert example_id(ex) not in others and len(others) == 3


def test_shipped_audit_file_is_well_formed() -> None:
    with data_path(AUDIT_LABELS).open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert rows and set(rows[0]) == {"id", "slice", "label", "unsure", "note"}
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids))
    assert {r["label"] for r in rows} <= set(LABELS)
    assert {r["slice"] for r in rows} == {"sealed", "unsealed"}
    assert {r["unsure"] for r in rows} <= {"", "1"}
    # Notes are a few words, never a copied listing.
    assert max(len(r["note"]) for r in rows) <= 80


def test_load_audit_skips_bad_rows_and_names_the_line(tmp_path, caplog) -> None:
    path = tmp_path / "audit.csv"
    path.write_text("id,slice,label,unsure,note\n"
                    "agora:aaaaaaaaaaaa,sealed,drugs,,\n"
                    "agora:bbbbbbbbbbbb,unsealed,weapons,,typo\n"
                    ",unsealed,drugs,,\n"
                    "duta:cccccccccccc,unsealed,other,1,shop page\n", encoding="utf-8")
    got = load_audit(path)
    assert set(got) == {"agora:aaaaaaaaaaaa", "duta:cccccccccccc"}
    assert got["agora:aaaaaaaaaaaa"].sealed and not got["agora:aaaaaaaaaaaa"].unsure
    assert got["duta:cccccccccccc"].unsure and not got["duta:cccccccccccc"].sealed
    assert "line 3" in caplog.text and "line 4" in caplog.text
    assert load_audit(tmp_path / "absent.csv") == {}


def test_every_audited_id_names_a_row_of_the_shared_exports() -> None:
    shared_data("agora-2014")
    audit = load_audit()
    data = load_markets()
    found: dict[str, Example] = {}
    for rows in data.values():
        for e in rows:
            rid = example_id(e)
            if rid in audit:
                found[rid] = e
    assert set(found) == set(audit)
    # The sealed flag of the audit agrees with the sealed split of the loader.
    assert all(audit[rid].sealed == is_sealed(e) for rid, e in found.items())
    assert Counter(a.sealed for a in audit.values())[True] == 1780


def test_held_out_results_drop_only_the_audited_rescorings() -> None:
    # lomo() returns the audited rescorings beside the markets; tables of held-out markets
    # (the quality bench, `veille evaluate --cross-market`) list everything else.
    res = {"agora": {}, "sealed": {}, "pooled": {}, "audited": {}, "sealed audited": {}}
    assert list(held_out_results(res)) == ["agora", "sealed", "pooled"]
