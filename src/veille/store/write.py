"""Dialect-neutral write helpers: insert-or-ignore and bulk replace of derived rows."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

# SQLite allows at most 32766 bound parameters per statement; stay well under it.
CHUNK = 500


def insert_ignore(conn: sa.Connection, table: sa.Table, rows: Sequence[dict[str, Any]]) -> None:
    """Insert rows, silently skipping those whose primary key already exists."""
    if not rows:
        return
    name = conn.dialect.name
    if name == "sqlite":
        stmt = sqlite.insert(table).on_conflict_do_nothing()
    elif name == "postgresql":
        stmt = postgresql.insert(table).on_conflict_do_nothing()
    else:  # pragma: no cover - only SQLite and PostgreSQL are supported
        raise NotImplementedError(f"unsupported database {name}")
    for i in range(0, len(rows), CHUNK):
        conn.execute(stmt, list(rows[i : i + CHUNK]))


def existing_ids(conn: sa.Connection, column: sa.Column, ids: Iterable[str]) -> set[str]:
    ids = list(ids)
    found: set[str] = set()
    for i in range(0, len(ids), CHUNK):
        chunk = ids[i : i + CHUNK]
        found.update(conn.execute(sa.select(column).where(column.in_(chunk))).scalars())
    return found


def delete_where_in(conn: sa.Connection, table: sa.Table, column: str, ids: Sequence[str]) -> None:
    col = table.c[column]
    for i in range(0, len(ids), CHUNK):
        conn.execute(table.delete().where(col.in_(list(ids[i : i + CHUNK]))))
