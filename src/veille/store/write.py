"""Dialect-neutral write helpers: insert-or-ignore and bulk replace of derived rows."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

# SQLite allows at most 32766 bound parameters per statement; stay well under it.
CHUNK = 500


def insert_ignore(conn: sa.Connection, table: sa.Table, rows: Sequence[dict[str, Any]]) -> None:
    """Insert rows, silently skipping those whose primary key already exists."""
    if not rows:
        return
    name = conn.dialect.name
    if name == "sqlite":
        _sqlite_insert_ignore(conn, table, rows)
        return
    if name == "postgresql":
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


def _sqlite_insert_ignore(conn: sa.Connection, table: sa.Table,
                          rows: Sequence[dict[str, Any]]) -> None:
    # SQLAlchemy's per-row parameter processing cost more than SQLite's own work when
    # `process` writes ~20 rows a capture. Same column types, same bind processors (JSON,
    # datetime, boolean), applied in one tight loop, then one executemany.
    cols = [c for c in table.columns if c.name in rows[0]]
    procs = [c.type._cached_bind_processor(conn.dialect) for c in cols]  # noqa: SLF001
    names = [c.name for c in cols]
    defaults = [_default(c) for c in cols]
    params = []
    for row in rows:
        values = []
        for name, proc, default in zip(names, procs, defaults, strict=True):
            value = row.get(name, default)
            values.append(proc(value) if proc is not None and value is not None else value)
        params.append(tuple(values))
    quoted = ", ".join(f'"{n}"' for n in names)
    marks = ", ".join("?" for _ in names)
    conn.exec_driver_sql(
        f'INSERT OR IGNORE INTO "{table.name}" ({quoted}) VALUES ({marks})', params)


def _default(column: sa.Column) -> Any:
    default = column.default
    if default is None or not default.is_scalar:
        return default.arg(None) if default is not None and callable(default.arg) else None
    return default.arg
