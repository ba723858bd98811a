"""Configuration in one place: defaults, then the case's veille.toml, then the environment.

Environment variables:
  VEILLE_CASE            default case folder (else ./veille-case)
  VEILLE_DATABASE_URL    SQLAlchemy URL of the case database (else SQLite inside the case)
  VEILLE_WORKERS         processes for `veille process` (else all cores)
  VEILLE_MAX_CAPTURE_MB  largest single capture accepted by importers (else 50)
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path

DEFAULT_CASE = "veille-case"


def default_case_dir() -> Path:
    return Path(os.environ.get("VEILLE_CASE") or DEFAULT_CASE)


@dataclass(frozen=True)
class Settings:
    case_dir: Path
    database_url: str
    workers: int = field(default_factory=lambda: os.cpu_count() or 1)
    batch_size: int = 64
    max_capture_bytes: int = 50 * 1024 * 1024
    evidence_rotate_bytes: int = 1024 * 1024 * 1024

    @property
    def evidence_dir(self) -> Path:
        return self.case_dir / "evidence"

    @property
    def policy_dir(self) -> Path:
        return self.case_dir / "policy"

    @property
    def mappings_dir(self) -> Path:
        return self.case_dir / "mappings"

    @property
    def report_path(self) -> Path:
        return self.case_dir / "report.html"


def load_settings(case_dir: Path | str | None = None) -> Settings:
    case = Path(case_dir) if case_dir is not None else default_case_dir()
    case = case.expanduser().resolve()
    settings = Settings(case_dir=case, database_url=f"sqlite:///{case / 'veille.db'}")
    toml_path = case / "veille.toml"
    if toml_path.is_file():
        with open(toml_path, "rb") as fh:
            data = tomllib.load(fh)
        known = {k: v for k, v in data.items() if k in Settings.__dataclass_fields__}
        known.pop("case_dir", None)
        settings = replace(settings, **known)
    env = os.environ
    if env.get("VEILLE_DATABASE_URL"):
        settings = replace(settings, database_url=env["VEILLE_DATABASE_URL"])
    if env.get("VEILLE_WORKERS"):
        settings = replace(settings, workers=max(1, int(env["VEILLE_WORKERS"])))
    if env.get("VEILLE_MAX_CAPTURE_MB"):
        settings = replace(
            settings, max_capture_bytes=int(float(env["VEILLE_MAX_CAPTURE_MB"]) * 1024 * 1024)
        )
    return settings
