"""`veille process`: resumable after kill -9, idempotent, re-runs on a new pipeline version."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.capture.helpers import cli, telegram_export, write_site, write_telegram
from veille import pipeline
from veille.processing import process_case
from veille.store.db import CaseStore


def counts(case: Path) -> dict[str, int]:
    con = sqlite3.connect(case / "veille.db")
    try:
        out = {}
        for table in ("captures", "processed", "pages", "listings", "posts", "messages", "mentions",
                      "labels"):
            out[table] = con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        out["fts"] = con.execute("SELECT count(*) FROM search_fts").fetchone()[0]
        out["fts_distinct"] = con.execute(
            "SELECT count(DISTINCT record_id) FROM search_fts").fetchone()[0]
        return out
    finally:
        con.close()


def test_process_resumes_after_kill_9(tmp_path: Path, case_dir: Path) -> None:
    write_site(tmp_path / "in" / "market", 3000)
    write_telegram(tmp_path / "in" / "tg" / "result.json", telegram_export(200))
    assert cli("import", "--case", case_dir, tmp_path / "in").exit_code == 0
    total = counts(case_dir)["captures"]
    assert total == 3000 + 201

    env = {**os.environ, "VEILLE_WORKERS": "2"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "veille.cli", "process", "--case", str(case_dir)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                done = counts(case_dir)["processed"]
            except sqlite3.OperationalError:
                done = 0
            if done > 0 or proc.poll() is not None:
                break
            time.sleep(0.02)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    partial = counts(case_dir)
    if partial["processed"] >= total:
        pytest.skip("the run finished before it could be killed; nothing to resume")
    assert partial["processed"] > 0

    res = cli("process", "--case", case_dir)
    assert res.exit_code == 0, res.output
    after = counts(case_dir)
    assert after["processed"] == total
    assert after["pages"] == 3000
    assert after["messages"] == 201
    # FTS rows have no primary key: a duplicate would show here.
    searchable = after["listings"] + after["posts"] + after["messages"]
    assert after["fts"] == after["fts_distinct"] == searchable

    again = cli("process", "--case", case_dir)
    assert "0 captures processed" in again.output
    assert counts(case_dir) == after


def test_new_pipeline_version_replaces_rows(tmp_path: Path, case_dir: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    write_site(tmp_path / "in" / "market", 40)
    write_telegram(tmp_path / "in" / "tg" / "result.json", telegram_export(30))
    assert cli("import", "--case", case_dir, tmp_path / "in").exit_code == 0
    store = CaseStore.open(case_dir)
    first = process_case(store, workers=1)
    assert first.processed == 71
    before = counts(case_dir)
    monkeypatch.setattr(pipeline, "PIPELINE_REVISION", pipeline.PIPELINE_REVISION + 1)
    second = process_case(store, workers=1)
    assert second.processed == 71
    assert second.version != first.version
    assert counts(case_dir) == before


def test_pages_are_parsed_with_hostile_parts_removed(tmp_path: Path, case_dir: Path) -> None:
    write_site(tmp_path / "m", 3)
    assert cli("import", "--case", case_dir, tmp_path / "m").exit_code == 0
    assert cli("process", "--case", case_dir).exit_code == 0
    con = sqlite3.connect(case_dir / "veille.db")
    title, text = con.execute(
        "SELECT title, text FROM pages WHERE url LIKE '%/listing/0'").fetchone()
    assert title.startswith("Glock 19 Gen5")
    assert "1 450,00 €" in text
    assert "document.cookie" not in text  # scripts never reach the text


def test_a_model_retrained_in_the_case_is_the_one_used(tmp_path: Path, case_dir: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    import json
    import shutil

    from veille.classify import default_model_dir

    monkeypatch.delenv("VEILLE_MODEL_DIR", raising=False)
    write_site(tmp_path / "in" / "market", 5)
    assert cli("import", "--case", case_dir, tmp_path / "in").exit_code == 0
    shipped = process_case(CaseStore.open(case_dir), workers=1)
    assert shipped.labels == 5
    retrained = case_dir / "model"
    shutil.copytree(default_model_dir(), retrained)
    meta = json.loads((retrained / "model.json").read_text())
    meta["version"] = "retrained-in-case-1"
    (retrained / "model.json").write_text(json.dumps(meta))
    second = process_case(CaseStore.open(case_dir), workers=2)
    assert second.version.endswith("model-retrained-in-case-1")
    assert second.processed == 5  # a new model means a new pipeline version
    con = sqlite3.connect(case_dir / "veille.db")
    versions = {v for (v,) in con.execute("SELECT DISTINCT model_version FROM labels")}
    assert versions == {"retrained-in-case-1"}


def test_import_resumes_after_kill_9(tmp_path: Path, case_dir: Path) -> None:
    from veille.capture.evidence import read_evidence

    write_site(tmp_path / "in" / "market", 4000)
    proc = subprocess.Popen(
        [sys.executable, "-m", "veille.cli", "import", "--case", str(case_dir),
         str(tmp_path / "in")],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                if counts(case_dir)["captures"] > 0:
                    break
            except sqlite3.OperationalError:
                pass
            time.sleep(0.02)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    partial = counts(case_dir)["captures"]
    if partial >= 4000:
        pytest.skip("the import finished before it could be killed; nothing to resume")
    assert cli("import", "--case", case_dir, tmp_path / "in").exit_code == 0
    con = sqlite3.connect(case_dir / "veille.db")
    caps = con.execute("SELECT id, evidence_file, evidence_offset FROM captures").fetchall()
    assert len(caps) == 4000
    assert con.execute("SELECT count(DISTINCT url) FROM observations").fetchone()[0] == 4000
    # Every recorded capture has its evidence, byte-exact.
    for cid, name, offset in caps[:: 37]:
        read_evidence(case_dir / "evidence", name, offset, expected_sha256=cid)
