"""The case report: one self-contained HTML file, every value escaped, no scripts.

Scraped text is hostile; Jinja2's autoescape turns it into inert text, and the page carries a
Content-Security-Policy that forbids scripts and remote loads even if something slipped by.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from veille import __version__


def render_report(summary: dict[str, Any]) -> str:
    env = Environment(
        loader=PackageLoader("veille.report", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
    )
    template = env.get_template("report.html")
    return template.render(
        s=summary, version=__version__,
        generated=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        max_sites=40,
    )


def write_report(summary: dict[str, Any], path: Path) -> Path:
    tmp = path.with_suffix(".tmp")
    tmp.write_text(render_report(summary), encoding="utf-8")
    tmp.replace(path)
    return path
