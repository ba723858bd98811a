"""CLI commands of the classify stage."""

from __future__ import annotations

from veille.cli import app  # noqa: F401
