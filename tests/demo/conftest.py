from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from veille.demo import generate


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any], dict[str, Any]]:
    """The demo corpus at its default scale (about 2,300 captures, ~2 s): (dir, summary, truth)."""
    out = tmp_path_factory.mktemp("demo")
    summary = generate(out, seed=7, scale=1.0)
    truth = json.loads((out / "_truth.json").read_text(encoding="utf-8"))
    return out, summary, truth
