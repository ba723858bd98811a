"""The same case on PostgreSQL and on SQLite gives the same rows.

Runs when VEILLE_TEST_DATABASE_URL points at a PostgreSQL server (`.ci/run` starts one when it
can); each run creates and drops its own database there.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest
import sqlalchemy as sa

from tests.capture.helpers import cli, telegram_export, write_site, write_telegram, write_warc
from veille.summary import case_summary

SERVER = os.environ.get("VEILLE_TEST_DATABASE_URL")


@pytest.fixture
def pg_url() -> str:
    if not SERVER:
        pytest.skip("no PostgreSQL server: set VEILLE_TEST_DATABASE_URL "
                    "(e.g. postgresql+psycopg://postgres@127.0.0.1:5432/postgres)")
    pytest.importorskip("psycopg")
    name = f"veille_test_{uuid.uuid4().hex[:10]}"
    admin = sa.create_engine(SERVER, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    url = sa.engine.make_url(SERVER).set(database=name).render_as_string(hide_password=False)
    yield url
    with admin.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def test_postgres_case_matches_sqlite(tmp_path: Path, pg_url: str,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    inputs = tmp_path / "in"
    write_site(inputs / "market", 60)
    write_warc(inputs / "crawl.warc.gz", 20)
    write_telegram(inputs / "tg" / "result.json", telegram_export(40))
    monkeypatch.setenv("VEILLE_WORKERS", "2")

    monkeypatch.delenv("VEILLE_DATABASE_URL", raising=False)
    lite = tmp_path / "lite"
    assert cli("import", "--case", lite, inputs).exit_code == 0
    assert cli("process", "--case", lite).exit_code == 0

    monkeypatch.setenv("VEILLE_DATABASE_URL", pg_url)
    pg = tmp_path / "pg"
    assert cli("import", "--case", pg, inputs).exit_code == 0
    res = cli("process", "--case", pg)
    assert res.exit_code == 0, res.output
    assert "0 new" in cli("import", "--case", pg, inputs).output

    from veille.store.db import CaseStore

    pg_summary = case_summary(CaseStore.open(pg))
    monkeypatch.delenv("VEILLE_DATABASE_URL")
    lite_summary = case_summary(CaseStore.open(lite))
    keys = ("captures", "processed", "pages", "listings", "vendors", "feedback", "posts",
            "messages", "mentions", "labels")
    assert {k: pg_summary[k] for k in keys} == {k: lite_summary[k] for k in keys}
    assert pg_summary["captures"] == 60 + 20 + 41
    assert pg_summary["top_identifiers"] == lite_summary["top_identifiers"]

    from veille.search import search

    monkeypatch.setenv("VEILLE_DATABASE_URL", pg_url)
    hits = search(CaseStore.open(pg), "Submariner")
    assert hits and all("Submariner" in h.title or "Submariner" in h.snippet for h in hits)
