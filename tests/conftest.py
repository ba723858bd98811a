"""Shared test helpers: where the real data sets live, and small case fixtures."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def shared_data(*parts: str) -> Path:
    """Path into ../shared/data (or $VEILLE_SHARED_DATA); skips the test when it is absent."""
    root = Path(os.environ.get("VEILLE_SHARED_DATA") or REPO.parent / "shared" / "data")
    path = root.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"real data not available: {path} is absent (set VEILLE_SHARED_DATA)")
    return path


@pytest.fixture
def case_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("VEILLE_DATABASE_URL", raising=False)
    monkeypatch.setenv("VEILLE_WORKERS", "1")
    return tmp_path / "case"
