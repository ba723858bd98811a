"""`veille classify`, `label`, `labels import`, `train` (with corrections) and `evaluate`."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa
from typer.testing import CliRunner

from veille.cli import app

runner = CliRunner()


def test_classify_file_writes_one_jsonl_line_per_good_item(tmp_path: Path) -> None:
    src = tmp_path / "items.jsonl"
    src.write_text("\n".join([
        json.dumps({"id": "a", "title": "Munition 9mm 1000 Schuss", "text": "Vollmantel"}),
        "{not json",
        json.dumps({"id": "b", "text": "Faux passeport français avec puce"}),
        json.dumps(["a list"]),
        json.dumps({"title": "no id"}),
        "",
        json.dumps({"id": 7, "title": "Pistolet d'alarme converti en 9mm", "text": None}),
    ]) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["classify", str(src)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in rows] == ["a", "b", "7"]
    assert [r["label"] for r in rows] == ["ammunition", "fake_documents", "firearms"]
    assert rows[2]["sublabel"] == "firearms.converted"
    for r in rows:
        assert set(r) >= {"id", "label", "sublabel", "score", "review"}
        assert isinstance(r["review"], bool)
    assert "items.jsonl:2" in result.stderr and "items.jsonl:4" in result.stderr
    assert "items.jsonl:5" in result.stderr and "3 line(s) skipped" in result.stderr


def test_classify_reads_standard_input() -> None:
    line = json.dumps({"id": "x", "title": "Cocaína colombiana 2g", "text": ""})
    result = runner.invoke(app, ["classify", "-"], input=line + "\n")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["label"] == "drugs"


def test_classify_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["classify", str(tmp_path / "absent.jsonl")])
    assert result.exit_code == 2
    assert "absent.jsonl" in result.stderr


@pytest.fixture
def case_with_listings(case_dir: Path) -> Path:
    from veille.store import schema
    from veille.store.db import CaseStore

    store = CaseStore.open(case_dir)
    now = datetime.now(UTC)
    with store.engine.begin() as conn:
        conn.execute(schema.captures.insert().values(
            id="c" * 64, url="http://example.onion/x", captured_at=now, content_type="text/html",
            size=1, site="example", source_file="x.warc", evidence_file="e.warc",
            evidence_offset=0, imported_at=now))
        for i in range(3):
            conn.execute(schema.listings.insert().values(
                id=f"L{i}", capture_id="c" * 64, site="example",
                title=f"zorblax widget premium {i}", description="quux frobnicator"))
        conn.execute(schema.posts.insert().values(
            id="P1", capture_id="c" * 64, site="example", text="selling zorblax widgets"))
    store.close()
    return case_dir


def _corrections(case_dir: Path) -> list[dict]:
    from veille.store import schema
    from veille.store.db import CaseStore

    store = CaseStore.open(case_dir)
    with store.engine.connect() as conn:
        rows = [dict(r) for r in conn.execute(sa.select(schema.corrections)).mappings()]
    store.close()
    return rows


def test_label_stores_a_correction_for_a_record_of_the_case(case_with_listings: Path) -> None:
    case = str(case_with_listings)
    r = runner.invoke(app, ["label", "L0", "hacking.malware", "--note", "seen by analyst",
                            "--case", case])
    assert r.exit_code == 0, r.output
    r = runner.invoke(app, ["label", "P1", "hacking", "--case", case])
    assert r.exit_code == 0, r.output
    rows = _corrections(case_with_listings)
    assert [(x["record_id"], x["record_type"], x["label"], x["sublabel"]) for x in rows] == [
        ("L0", "listing", "hacking", "hacking.malware"), ("P1", "post", "hacking", None)]
    assert rows[0]["note"] == "seen by analyst" and rows[0]["source"] == "cli"


def test_label_rejects_unknown_labels_and_records(case_with_listings: Path) -> None:
    case = str(case_with_listings)
    r = runner.invoke(app, ["label", "L0", "weapons", "--case", case])
    assert r.exit_code == 2 and "unknown label" in r.stderr
    r = runner.invoke(app, ["label", "L0", "drugs.rifle", "--case", case])
    assert r.exit_code == 2 and "unknown sublabel" in r.stderr
    r = runner.invoke(app, ["label", "NOPE", "drugs", "--case", case])
    assert r.exit_code == 1 and "NOPE" in r.stderr
    assert _corrections(case_with_listings) == []


def test_labels_import_keeps_good_rows_and_reports_bad_ones(case_with_listings: Path,
                                                           tmp_path: Path) -> None:
    csv_file = tmp_path / "labels.csv"
    csv_file.write_text("id,label,sublabel,note\n"
                        "L1,hacking,,batch 1\n"
                        "L2,firearms,converted,\n"
                        "L0,not_a_label,,\n"
                        "GHOST,drugs,,\n"
                        ",drugs,,\n", encoding="utf-8")
    r = runner.invoke(app, ["labels", "import", str(csv_file), "--case", str(case_with_listings)])
    assert r.exit_code == 0, r.output
    assert "2 label(s) imported, 3 skipped" in r.stdout
    assert "line 4" in r.stderr and "GHOST" in r.stderr and "line 6" in r.stderr
    rows = _corrections(case_with_listings)
    assert [(x["record_id"], x["label"], x["sublabel"]) for x in rows] == [
        ("L1", "hacking", None), ("L2", "firearms", "firearms.converted")]
    assert rows[0]["source"] == "csv:labels.csv"


def test_labels_import_needs_id_and_label_columns(case_with_listings: Path, tmp_path: Path) -> None:
    csv_file = tmp_path / "bad.csv"
    csv_file.write_text("record,category\nL1,hacking\n", encoding="utf-8")
    r = runner.invoke(app, ["labels", "import", str(csv_file), "--case", str(case_with_listings)])
    assert "header must name 'id' and 'label'" in r.stderr
    assert _corrections(case_with_listings) == []


@pytest.mark.slow
def test_train_learns_from_the_case_corrections(case_with_listings: Path, tmp_path: Path) -> None:
    case = str(case_with_listings)
    for rid in ("L0", "L1", "L2"):
        assert runner.invoke(app, ["label", rid, "violence_for_hire", "--case", case]).exit_code == 0
    out = tmp_path / "model"
    r = runner.invoke(app, ["train", "--case", case, "--markets", "", "--out", str(out),
                            "--version", "test-corrections"])
    assert r.exit_code == 0, r.output
    info = json.loads((out / "model.json").read_text(encoding="utf-8"))
    assert info["trained_on"]["corrections"] == 3 and info["version"] == "test-corrections"
    src = tmp_path / "q.jsonl"
    src.write_text(json.dumps({"id": "q", "title": "zorblax widget premium", "text": ""}) + "\n",
                   encoding="utf-8")
    r = runner.invoke(app, ["classify", str(src), "--model", str(out)])
    assert json.loads(r.stdout)["label"] == "violence_for_hire"
    r = runner.invoke(app, ["train", "--case", case, "--markets", "", "--out", str(out),
                            "--no-corrections"])
    assert json.loads((out / "model.json").read_text())["trained_on"]["corrections"] == 0


def test_evaluate_prints_per_class_figures_and_confusion_matrix() -> None:
    r = runner.invoke(app, ["evaluate"])
    assert r.exit_code == 0, r.output
    assert "macro-F1" in r.stdout and "confusion" in r.stdout
    for label in ("firearms", "ammunition", "violence_for_hire"):
        assert label in r.stdout
    r = runner.invoke(app, ["evaluate", "--json"])
    data = json.loads(r.stdout)
    assert set(data["multilingual"]) >= {"all", "fr", "en", "de", "es", "titles_only"}
