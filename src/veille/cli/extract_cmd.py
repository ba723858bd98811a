"""CLI commands of the extract stage: `veille extract FILE|-`."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import typer

from veille.cli import app

MAX_INPUT_BYTES = 50_000_000
_HTML_SNIFF = re.compile(rb"<!doctype html|<html[\s>]|<body[\s>]|<head[\s>]|<div[\s>]|<p[\s>]", re.I)


def _looks_html(name: str, head: bytes) -> bool:
    if name.lower().endswith((".htm", ".html", ".xhtml")):
        return True
    return bool(_HTML_SNIFF.search(head[:4096]))


@app.command("extract")
def extract_command(
    file: str = typer.Argument(..., help="Text or HTML file to read, or - for standard input."),
    region: str | None = typer.Option(
        None, "--region", "-r", help="Default phone region (ISO 3166 code, e.g. FR) for national numbers."
    ),
    kind: list[str] | None = typer.Option(
        None, "--kind", "-k", help="Only these kinds (repeatable), e.g. -k btc -k onion."
    ),
    mode: str = typer.Option("auto", "--as", help="Read the input as 'text', 'html' or 'auto'."),
    max_bytes: int = typer.Option(MAX_INPUT_BYTES, help="Read at most this many bytes."),
) -> None:
    """Find identifiers (addresses, onions, PGP keys, handles, prices, firearms) and print JSONL."""
    from veille.extract import KINDS, extract_with_warnings

    name = "<stdin>" if file == "-" else file
    if kind:
        bad = sorted(set(kind) - set(KINDS))
        if bad:
            raise typer.BadParameter(f"unknown kinds {bad}; known: {', '.join(KINDS)}",
                                     param_hint="--kind")
    if mode not in ("auto", "text", "html"):
        raise typer.BadParameter("must be auto, text or html", param_hint="--as")
    try:
        if file == "-":
            data = sys.stdin.buffer.read(max_bytes + 1)
        else:
            with Path(file).open("rb") as fh:
                data = fh.read(max_bytes + 1)
    except OSError as e:
        typer.echo(f"veille extract: {name}: {e.strerror or e}", err=True)
        raise typer.Exit(2) from e
    if len(data) > max_bytes:
        typer.echo(f"veille extract: {name}: larger than {max_bytes} bytes; only the start was read",
                   err=True)
        data = data[:max_bytes]

    is_html = mode == "html" or (mode == "auto" and _looks_html(name, data))
    from veille.parse.html import decode_html

    text, dec_warnings = decode_html(data)
    if is_html:
        from veille.parse.html import html_tree, visible_text

        text = visible_text(html_tree(text))
    for w in dec_warnings:
        typer.echo(f"veille extract: {name}: {w}", err=True)

    result = extract_with_warnings(text, default_region=region, kinds=kind or None)
    for w in result.warnings:
        typer.echo(f"veille extract: {name}: {w}", err=True)
    out = sys.stdout
    for m in result.mentions:
        out.write(json.dumps(m.to_dict(), ensure_ascii=False) + "\n")
    out.flush()
