"""The case commands end to end: demo, status, report, help."""

from __future__ import annotations

import json
from pathlib import Path

from tests.capture.helpers import cli
from veille.cli import app


def test_demo_runs_the_whole_job_and_keeps_its_corpus(case_dir: Path) -> None:
    res = cli("demo", "--case", case_dir, "--scale", "0.15", "--workers", "1")
    assert res.exit_code == 0, res.output
    assert (case_dir / "demo" / "_truth.json").is_file()
    report = (case_dir / "report.html").read_text(encoding="utf-8")
    assert "veille case report" in report
    status = json.loads(cli("status", "--case", case_dir, "--json").output)
    assert status["captures"] > 200
    assert status["processed"] == status["captures"]
    for kind in ("pages", "listings", "vendors", "feedback", "posts", "messages", "mentions"):
        assert status[kind] > 0, kind
    assert {"btc", "xmr", "pgp"} <= set(status["mentions_by_kind"])
    hits = [json.loads(line) for line in
            cli("search", "--case", case_dir, "--json", "glock").output.splitlines()]
    assert hits and all(h["record_type"] == "listing" for h in hits)
    assert all("glock" in (h["title"] + h["snippet"]).lower() for h in hits)
    # The corpus stays in the case so it can be imported again; doing so adds nothing.
    again = cli("import", "--case", case_dir, case_dir / "demo")
    assert "0 new" in again.output


def test_report_never_carries_scraped_markup(tmp_path: Path, case_dir: Path) -> None:
    hostile = tmp_path / "dump"
    hostile.mkdir()
    (hostile / "<img src=x onerror=alert(1)>.html").write_bytes(b"")
    (hostile / "page.html").write_text(
        "<html><title><img src=x onerror=alert(2)></title><body>"
        "<script>alert(3)</script>Wickr: evil<b>handle</b></body></html>")
    cli("import", "--case", case_dir, hostile)
    cli("process", "--case", case_dir)
    out = tmp_path / "r.html"
    assert cli("report", "--case", case_dir, "-o", out).exit_code == 0
    html = out.read_text(encoding="utf-8")
    assert "&lt;img src=x onerror=alert(1)&gt;.html" in html  # shown, as inert text
    assert "<script" not in html and "<img" not in html
    assert "default-src 'none'" in html


def test_help_lists_every_command_with_a_line() -> None:
    res = cli("--help")
    assert res.exit_code == 0
    names = [c.name for c in app.registered_commands] + [g.name for g in app.registered_groups]
    for name in ("import", "process", "status", "demo", "report", "export"):
        assert name in names
    for cmd in app.registered_commands:
        name = cmd.name or cmd.callback.__name__
        assert name in res.output
        assert (cmd.callback.__doc__ or "").strip(), f"{name} has no help line"
