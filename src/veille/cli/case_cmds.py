"""Case commands: import, process, status, report, demo, export evidence."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from veille.cli import app

CaseOpt = Annotated[
    Path | None,
    typer.Option("--case", help="Case folder (default: $VEILLE_CASE or ./veille-case).",
                 show_default=False),
]


def _err(line: str) -> None:
    typer.echo(line, err=True)


def _open(case: Path | None):  # type: ignore[no-untyped-def]
    from veille.store.db import CaseStore

    return CaseStore.open(case)


def _progress():  # type: ignore[no-untyped-def]
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    return Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
        TimeElapsedColumn(), TimeRemainingColumn(), transient=False,
        disable=not sys.stderr.isatty(),
    )


def run_import(store, paths: list[Path], format_name: str | None = None,  # type: ignore[no-untyped-def]
               fetch_media: bool = False):
    from veille.capture.importer import Importer

    importer = Importer(store, format_name=format_name, fetch_media=fetch_media,
                        on_issue=lambda issue: _err(issue.line()))
    units = importer.plan(paths)
    with _progress() as bar:
        task = bar.add_task("importing", total=len(units))

        def advance(path: Path, seen: int) -> None:
            bar.update(task, advance=1, description=f"importing ({seen} captures)")

        summary = importer.run(paths, progress=advance, units=units)
    return summary


def run_process(store, workers: int | None = None, limit: int | None = None):  # type: ignore[no-untyped-def]
    from veille.processing import process_case

    with _progress() as bar:
        task = bar.add_task("processing", total=None)

        def advance(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        return process_case(store, workers=workers, progress=advance, limit=limit)


@app.command("import")
def import_cmd(
    paths: Annotated[list[Path], typer.Argument(help="WARC files, folders of saved pages, "
                                                     "Telegram result.json, CSV/JSONL exports.")],
    case: CaseOpt = None,
    format_name: Annotated[str | None, typer.Option("--format", help="Export format name for "
                                                    "CSV/JSON/JSONL files (see `veille formats`).")] = None,
    mapping: Annotated[Path | None, typer.Option("--mapping", help="TOML column mapping for a "
                                                 "CSV/JSONL/JSON export (see docs/formats.md).")] = None,
    fetch_media: Annotated[bool, typer.Option(help="Also keep images and media from WARC files "
                                              "(off by default: veille captures text).")] = False,
) -> None:
    """Import captures (WARC, saved HTML, Telegram exports, scraper exports) into the case."""
    store = _open(case)
    if mapping is not None:
        format_name = _install_mapping(store, mapping)
    try:
        summary = run_import(store, paths, format_name, fetch_media)
    except KeyError as exc:
        _err(f"error: {exc.args[0]}")
        raise typer.Exit(2) from None
    typer.echo(
        f"{summary.files} inputs, {summary.captures_seen} captures read, "
        f"{summary.captures_added} new, {summary.quarantined} quarantined, "
        f"{summary.errors} errors, {summary.warnings} warnings"
    )
    if summary.failed:
        raise typer.Exit(1)


def _install_mapping(store, mapping: Path) -> str:  # type: ignore[no-untyped-def]
    """Keep the mapping inside the case: processing must find it again, in every worker."""
    import shutil

    from veille.formats.mapped import register_mapping_file

    try:
        fmt = register_mapping_file(mapping)
    except (OSError, ValueError) as exc:
        _err(f"error: {mapping}: {exc}")
        raise typer.Exit(2) from None
    dest = store.settings.mappings_dir
    dest.mkdir(exist_ok=True)
    shutil.copyfile(mapping, dest / f"{fmt.name}.toml")
    return fmt.name


@app.command("process")
def process_cmd(
    case: CaseOpt = None,
    workers: Annotated[int | None, typer.Option(help="Worker processes (default: all cores).")] = None,
    limit: Annotated[int | None, typer.Option(help="Process at most this many captures.")] = None,
) -> None:
    """Run parse, extract and classify over every capture not yet processed by this version."""
    store = _open(case)
    summary = run_process(store, workers, limit)
    recs = ", ".join(f"{n} {k}" for k, n in sorted(summary.records.items()))
    typer.echo(f"{summary.processed} captures processed ({summary.failed} failed): "
               f"{recs or 'no records'}, {summary.mentions} mentions, {summary.labels} labels")
    if summary.failed:
        raise typer.Exit(1)


@app.command("status")
def status_cmd(
    case: CaseOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """Say what the case holds: captures, records of each kind, labels, identifiers."""
    from veille.summary import case_summary

    store = _open(case)
    summary = case_summary(store)
    if as_json:
        typer.echo(json.dumps(summary, ensure_ascii=False, default=str))
        return
    print_summary(summary)


def print_summary(summary: dict) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    counts = Table(title=f"case {summary['case']}")
    counts.add_column("what")
    counts.add_column("count", justify="right")
    for key in ("captures", "processed", "pages", "listings", "vendors", "feedback", "posts",
                "messages", "mentions", "labels", "quarantined", "import_errors",
                "process_errors"):
        counts.add_row(key, f"{summary[key]:,}")
    console.print(counts)
    sites = Table(title="per site")
    for col in ("site", "kind", "captures", "listings", "vendors", "feedback", "posts",
                "messages"):
        sites.add_column(col, justify="left" if col in ("site", "kind") else "right")
    for name, row in list(summary["sites"].items())[:25]:
        sites.add_row(name[:60], row["kind"], str(row["captures"]),
                      *(str(row.get(k, 0)) for k in ("listing", "vendor", "feedback", "post",
                                                     "message")))
    console.print(sites)
    if summary["labels_by_class"]:
        labels = Table(title="labels")
        labels.add_column("label")
        labels.add_column("records", justify="right")
        for label, n in summary["labels_by_class"].items():
            labels.add_row(label, str(n))
        console.print(labels)
    if summary["top_identifiers"]:
        ids = Table(title="top identifiers")
        for col in ("kind", "value", "mentions", "captures"):
            ids.add_column(col)
        for r in summary["top_identifiers"]:
            ids.add_row(r["kind"], r["value"][:70], str(r["mentions"]), str(r["captures"]))
        console.print(ids)


@app.command("report")
def report_cmd(
    case: CaseOpt = None,
    output: Annotated[Path | None, typer.Option("-o", "--output",
                                                help="Where to write (default: CASE/report.html).")] = None,
) -> None:
    """Write the case's HTML report."""
    from veille.report.html import write_report
    from veille.summary import case_summary

    store = _open(case)
    path = write_report(case_summary(store), output or store.settings.report_path)
    typer.echo(f"report written to {path}")


@app.command("demo")
def demo_cmd(
    case: CaseOpt = None,
    seed: Annotated[int, typer.Option(help="Seed of the demo generator.")] = 7,
    scale: Annotated[float, typer.Option(help="Corpus size (1.0 is about 2,000 captures).")] = 1.0,
    workers: Annotated[int | None, typer.Option(help="Worker processes.")] = None,
) -> None:
    """Generate the bundled demo corpus into CASE/demo/ and run the whole job on it."""
    from veille.demo import generate
    from veille.report.html import write_report
    from veille.summary import case_summary

    store = _open(case)
    demo_dir = store.settings.case_dir / "demo"
    typer.echo(f"generating the demo corpus in {demo_dir} (seed {seed}, scale {scale})")
    generate(demo_dir, seed=seed, scale=scale)
    imp = run_import(store, [demo_dir])
    typer.echo(f"imported: {imp.captures_seen} captures read, {imp.captures_added} new, "
               f"{imp.errors} errors (the demo holds deliberately malformed pages)")
    proc = run_process(store, workers)
    typer.echo(f"processed: {proc.processed} captures, {proc.mentions} mentions, "
               f"{proc.labels} labels")
    summary = case_summary(store)
    print_summary(summary)
    path = write_report(summary, store.settings.report_path)
    typer.echo(f"report written to {path}")


export_app = typer.Typer(help="Export evidence and data from the case.", no_args_is_help=True)
app.add_typer(export_app, name="export")


@export_app.command("evidence")
def export_evidence_cmd(
    capture_id: Annotated[str, typer.Argument(help="Capture id (SHA-256) or a unique prefix.")],
    case: CaseOpt = None,
    output: Annotated[Path | None, typer.Option("-o", "--output",
                                                help="Write the bytes here (default: stdout).")] = None,
) -> None:
    """Return a capture's exact original bytes; its SHA-256 is printed to stderr."""
    import sqlalchemy as sa

    from veille.capture.evidence import EvidenceError, read_evidence
    from veille.store import schema as t

    store = _open(case)
    prefix = capture_id.strip().lower()
    if len(prefix) < 6:
        _err("error: give at least 6 characters of the capture id")
        raise typer.Exit(2)
    with store.engine.connect() as conn:
        rows = conn.execute(
            sa.select(t.captures).where(t.captures.c.id.startswith(prefix)).limit(2)
        ).all()
    if not rows:
        _err(f"error: no capture {prefix} in {store.settings.case_dir}")
        raise typer.Exit(1)
    if len(rows) > 1:
        _err(f"error: {prefix} matches several captures; give more characters")
        raise typer.Exit(2)
    row = rows[0]
    try:
        body = read_evidence(store.settings.evidence_dir, row.evidence_file, row.evidence_offset,
                             expected_sha256=row.id)
    except (EvidenceError, OSError) as exc:
        _err(f"error: {exc}")
        raise typer.Exit(1) from None
    if output:
        output.write_bytes(body)
    else:
        sys.stdout.buffer.write(body)
        sys.stdout.buffer.flush()
    _err(f"sha256 {row.id}  {len(body)} bytes  {row.url}  captured {row.captured_at}")


@app.command("formats")
def formats_cmd() -> None:
    """List the export formats `veille import --format` knows."""
    from veille.formats import REGISTRY, _load_builtin

    _load_builtin()
    for name, fmt in sorted(REGISTRY.items()):
        typer.echo(f"{name:28} {fmt.description}")


@app.command("search")
def search_cmd(
    query: Annotated[str, typer.Argument(help="Words that must all appear; end with * for a prefix.")],
    case: CaseOpt = None,
    limit: Annotated[int, typer.Option(help="Most hits to show.")] = 20,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object a line.")] = False,
) -> None:
    """Full-text search over listing, post and message text."""
    from dataclasses import asdict

    from veille.search import search

    store = _open(case)
    hits = search(store, query, limit)
    for hit in hits:
        if as_json:
            typer.echo(json.dumps(asdict(hit), ensure_ascii=False))
        else:
            typer.echo(f"{hit.record_type:8} {hit.record_id}  capture {hit.capture_id[:12]}  "
                       f"{hit.title[:60]}  {hit.snippet}")
    if not hits and not as_json:
        typer.echo("no match")
