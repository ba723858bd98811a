"""Case commands: import, process, status, demo, report, export."""

from __future__ import annotations

from veille.cli import app  # noqa: F401
