"""CLI commands of the parse stage: `veille parse` and `veille profiles ...`."""

from __future__ import annotations

import hashlib
import json
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

import typer

from veille.cli import app

profiles_app = typer.Typer(help="Site profiles: list them, test them on saved pages.",
                           no_args_is_help=True)
app.add_typer(profiles_app, name="profiles")


def _capture_time(path: Path, captured_at: str | None) -> datetime:
    from veille.capture.model import file_time, parse_time

    return parse_time(captured_at) if captured_at else file_time(str(path))


def record_line(rec: Any) -> dict[str, Any]:
    """A record as one JSON line: `type` first; a listing's `price` is its first price."""
    d = rec.to_dict()
    out = {"type": d.pop("type"), **d}
    if out["type"] == "listing":
        prices = out.get("prices") or []
        out = {"type": "listing", "price": prices[0] if prices else None, **out}
    return out


def _telegram_docs(path: Path, data: dict[str, Any], captured: datetime) -> list[Any]:
    from veille.records import TELEGRAM_CONTENT_TYPE, Document

    chat = {k: data.get(k) for k in ("name", "type", "id")}
    docs = []
    for msg in data.get("messages") or []:
        if not isinstance(msg, dict) or msg.get("type", "message") != "message":
            continue
        body = json.dumps({"chat": chat, "message": msg}, ensure_ascii=False,
                          sort_keys=True).encode("utf-8")
        docs.append(Document(capture_id=hashlib.sha256(body).hexdigest(), url=path.as_uri(),
                             captured_at=captured, content_type=TELEGRAM_CONTENT_TYPE,
                             body=body))
    return docs


def _export_docs(path: Path, captured: datetime) -> list[Any] | None:
    """Rows of a known export format as row captures, or None when the file is not one."""
    from veille.formats import Row, row_body, sniff_format
    from veille.records import ROW_CONTENT_TYPE, Document

    fmt = sniff_format(path)
    if fmt is None:
        return None
    docs = []
    for row in fmt.iter_rows(path):
        if not isinstance(row, Row):
            typer.echo(f"{path}: row at {row.offset}: {row}", err=True)
            continue
        body = row_body(fmt.name, row.table, row.data, path.name)
        docs.append(Document(capture_id=hashlib.sha256(body).hexdigest(), url=path.as_uri(),
                             captured_at=captured, content_type=ROW_CONTENT_TYPE, body=body))
    return docs


@app.command("parse")
def parse_command(
    file: Path = typer.Argument(..., exists=True, dir_okay=False, help="Saved page, Telegram "
                                "export (result.json) or a known export file."),
    url: str = typer.Option(None, help="The page's URL (used for profile rules and links)."),
    profile: str = typer.Option(None, help="Use this profile (name or .toml path)."),
    profiles_dir: list[Path] = typer.Option([], help="Extra directory of profiles."),
    captured_at: str = typer.Option(None, help="Capture time, ISO 8601 (default: file "
                                    "time); relative dates resolve against it."),
    page: bool = typer.Option(False, "--page", help="Also print the page record."),
    no_fallback: bool = typer.Option(False, "--no-fallback", help="No generic fallback."),
) -> None:
    """Parse one saved page or export file and print its records as JSON lines."""
    from veille.parse import ParseConfig, parse
    from veille.records import Document

    captured = _capture_time(file, captured_at)
    config = ParseConfig(profile=profile, profile_dirs=tuple(str(p) for p in profiles_dir),
                         fallback=not no_fallback)
    body = file.read_bytes()
    docs: list[Any] | None = None
    head = body[:4096].lstrip()
    if head.startswith(b"{") and b'"messages"' in body[:1_000_000]:
        try:
            data = json.loads(body.decode("utf-8"))
            if isinstance(data, dict) and isinstance(data.get("messages"), list):
                docs = _telegram_docs(file, data, captured)
        except ValueError:
            docs = None
    if docs is None and file.suffix.lower() in (".csv", ".json", ".jsonl", ".tsv"):
        docs = _export_docs(file, captured)
        if docs is None:
            typer.echo(f"{file}: not a known export format (see `veille formats`); "
                       "parsed as a page", err=True)
    if docs is None:
        docs = [Document(capture_id=hashlib.sha256(body).hexdigest(),
                         url=url or file.resolve().as_uri(), captured_at=captured,
                         content_type="text/html", body=body)]
    out = sys.stdout
    for doc in docs:
        result = parse(doc, config)
        for w in dict.fromkeys(result.warnings):
            typer.echo(f"{file}: warning: {w}", err=True)
        for rec in result.records:
            if rec.type == "page" and not page:
                continue
            out.write(json.dumps(record_line(rec), ensure_ascii=False, default=str) + "\n")


@profiles_app.command("list")
def profiles_list() -> None:
    """List the built-in site profiles."""
    from veille.parse.profile import builtin_profiles

    for p in builtin_profiles():
        typer.echo(f"{p.name:20} {p.description}")


@profiles_app.command("test")
def profiles_test(
    profile: str = typer.Argument(..., help="Profile name or path to a .toml file."),
    pages: list[Path] = typer.Argument(..., exists=True, dir_okay=False),
    url: str = typer.Option(None, help="URL to assume for the pages (kind rules use it)."),
    kind: str = typer.Option(None, help="Force the page kind instead of the profile rules."),
) -> None:
    """Show which fields each selector of PROFILE found or missed on each PAGE."""
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table
    from rich.text import Text

    from veille.parse.engine import PageContext, apply_profile, kind_of_page, profile_matches
    from veille.parse.guard import limit_nesting
    from veille.parse.html import decode_html, html_tree, page_lang, page_title
    from veille.parse.profile import ProfileError, find_profile

    console = Console()
    try:
        prof = find_profile(profile)
    except ProfileError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    missing_total = 0
    for path in pages:
        html, _ = decode_html(path.read_bytes()[:20 * 1024 * 1024])
        html, _ = limit_nesting(html)
        tree = html_tree(html)
        ctx = PageContext(tree=tree, html=html, url=url or path.resolve().as_uri(),
                          title=page_title(tree), captured_at=_capture_time(path, None),
                          lang=page_lang(tree))
        page_kind = kind or kind_of_page(prof, ctx)
        matched = profile_matches(prof, ctx, None)
        console.print(f"[bold]{escape(str(path))}[/bold]: kind [cyan]{page_kind}[/cyan]; site match: "
                      f"{'yes' if matched else '[red]no[/red] (URL, title and markers all missed)'}")
        _, warnings, trace = apply_profile(prof, ctx, page_kind, "profiles-test")
        for w in warnings:
            console.print(f"  [yellow]warning[/yellow] {escape(w)}")
        specs = [s for s in prof.records if page_kind in s.kinds]
        if not specs:
            console.print(f"  no record specs for kind {page_kind!r}")
        for spec in specs:
            runs = [results for s, _, results in trace if s is spec]
            scope = spec.each or spec.each_xpath or "page"
            table = Table(title=f"{spec.type} ({scope}: {len(runs)} block(s))", title_justify="left")
            for col in ("field", "found", "first value", "selector"):
                table.add_column(col, overflow="fold")
            for i, f in enumerate(spec.fields):
                hits = [r[i] for r in runs if r[i].found]
                errors = {r[i].error for r in runs if r[i].error}
                if hits:
                    status = Text(f"{len(hits)}/{len(runs)}", style="green")
                    first = hits[0].value
                    shown = json.dumps([p.to_dict() for p in first] if isinstance(first, list)
                                       and first and hasattr(first[0], "to_dict") else first,
                                       ensure_ascii=False, default=str)
                else:
                    missing_total += 1
                    status = Text("missed", style="red")
                    shown = "; ".join(sorted(e for e in errors if e)) or ""
                table.add_row(Text(f.name), status, Text(shown[:120]), Text(f.describe()))
            console.print(table)
    if missing_total:
        console.print(f"[red]{missing_total} field(s) found nothing[/red]")
