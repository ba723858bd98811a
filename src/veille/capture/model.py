"""What an importer yields: captures to keep, or issues that name the file and record."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from datetime import UTC, datetime


@dataclass(slots=True)
class CaptureIn:
    body: bytes
    url: str
    captured_at: datetime
    content_type: str
    source_file: str
    source_offset: int | None = None
    source_record: str | None = None
    site: str = ""
    sha256: str = field(init=False)

    def __post_init__(self) -> None:
        self.sha256 = hashlib.sha256(self.body).hexdigest()
        self.captured_at = as_utc(self.captured_at)


@dataclass(slots=True)
class ImportIssue:
    """A problem with one input. `fatal` issues mean something was not imported."""

    path: str
    message: str
    record: str | None = None
    fatal: bool = True

    def line(self) -> str:
        where = f"{self.path}: {self.record}" if self.record else self.path
        level = "error" if self.fatal else "warning"
        return f"{level}: {where}: {self.message}"


def as_utc(dt: datetime) -> datetime:
    """Naive times (SQLite returns them so) are taken as UTC."""
    return dt if dt.tzinfo else dt.replace(tzinfo=UTC)


def file_time(path: str) -> datetime:
    return datetime.fromtimestamp(os.stat(path).st_mtime, tz=UTC)


def parse_time(value: str) -> datetime:
    """ISO 8601 (with Z), or a Unix timestamp; naive times are taken as UTC."""
    value = value.strip()
    try:
        ts = float(value)
    except ValueError:
        dt = datetime.fromisoformat(value.replace("Z", "+00:00"))
    else:
        dt = datetime.fromtimestamp(ts, tz=UTC)
    return as_utc(dt)
