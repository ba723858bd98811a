"""Full-text search over listing, post and message text.

SQLite uses the FTS5 index; other databases fall back to a case-insensitive substring match
(PostgreSQL gets its own index in a later migration).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import sqlalchemy as sa

from veille.store import schema as t
from veille.store.db import CaseStore

_TOKEN = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class Hit:
    record_type: str
    record_id: str
    capture_id: str
    title: str
    snippet: str


def fts_query(text: str) -> str:
    """Analyst words to an FTS5 query: every word must appear, prefixes allowed with '*'."""
    words = _TOKEN.findall(text)
    star = text.rstrip().endswith("*")
    parts = [f'"{w}"' for w in words]
    if parts and star:
        parts[-1] += "*"
    return " ".join(parts)


def search(store: CaseStore, text: str, limit: int = 20) -> list[Hit]:
    query = fts_query(text)
    if not query:
        return []
    with store.engine.connect() as conn:
        if store.is_sqlite:
            rows = conn.execute(sa.text(
                "SELECT record_type, record_id, capture_id, title, "
                "snippet(search_fts, 4, '[', ']', ' … ', 12) AS snip "
                "FROM search_fts WHERE search_fts MATCH :q ORDER BY rank LIMIT :n"),
                {"q": query, "n": limit}).all()
            return [Hit(r.record_type, r.record_id, r.capture_id, r.title, r.snip) for r in rows]
        hits: list[Hit] = []
        needle = f"%{text.strip()}%"
        for rtype, table, title_col, body_col in (
            ("listing", t.listings, t.listings.c.title, t.listings.c.description),
            ("post", t.posts, None, t.posts.c.text),
            ("message", t.messages, None, t.messages.c.text),
        ):
            cond = body_col.ilike(needle)
            if title_col is not None:
                cond = sa.or_(cond, title_col.ilike(needle))
            cols = [table.c.id, table.c.capture_id, body_col]
            if title_col is not None:
                cols.append(title_col)
            for r in conn.execute(sa.select(*cols).where(cond).limit(limit - len(hits))):
                title = r[3] if title_col is not None else ""
                hits.append(Hit(rtype, r[0], r[1], title, (r[2] or "")[:160]))
            if len(hits) >= limit:
                break
        return hits
