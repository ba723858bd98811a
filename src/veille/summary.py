"""What a case holds, as plain data: shared by `veille status` and the HTML report."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from veille.store import schema as t
from veille.store.db import CaseStore

# Mentions that describe the goods rather than identify an actor.
TRADE_KINDS = ("price", "quantity", "firearm", "calibre")


def _top_values(conn: sa.Connection, top: int, include: tuple[str, ...] = (),
                exclude: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    m = t.mentions
    query = (
        sa.select(m.c.kind, m.c.value, sa.func.count().label("n"),
                  sa.func.count(sa.distinct(m.c.capture_id)).label("captures"))
        .group_by(m.c.kind, m.c.value)
        .order_by(sa.text("n DESC"), m.c.kind, m.c.value)
        .limit(top)
    )
    if include:
        query = query.where(m.c.kind.in_(include))
    if exclude:
        query = query.where(m.c.kind.not_in(exclude))
    return [
        {"kind": r.kind, "value": r.value, "mentions": r.n, "captures": r.captures}
        for r in conn.execute(query)
    ]


def _count(conn: sa.Connection, table: sa.Table) -> int:
    return conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()


def case_summary(store: CaseStore, top: int = 15) -> dict[str, Any]:
    with store.engine.connect() as conn:
        out: dict[str, Any] = {
            "case": str(store.settings.case_dir),
            "captures": _count(conn, t.captures),
            "processed": _count(conn, t.processed),
        }
        for table in t.RECORD_TABLES.values():
            out[table.name] = _count(conn, table)
        out["mentions"] = _count(conn, t.mentions)
        out["labels"] = _count(conn, t.labels)
        out["quarantined"] = _count(conn, t.quarantine)
        out["import_errors"] = conn.execute(
            sa.select(sa.func.count()).where(t.import_errors.c.level == "error")
        ).scalar_one()
        out["process_errors"] = conn.execute(
            sa.select(sa.func.count()).where(t.processed.c.error.is_not(None))
        ).scalar_one()
        versions = conn.execute(
            sa.select(t.processed.c.pipeline_version, sa.func.count())
            .group_by(t.processed.c.pipeline_version)
        ).all()
        out["pipeline_versions"] = {v: n for v, n in versions}

        per_site: dict[str, dict[str, Any]] = {}
        # A page names the site its profile recognised (e.g. a market's name rather than
        # one of its onion mirrors); captures without a page keep the importer's site.
        site_col = sa.func.coalesce(t.pages.c.site, t.captures.c.site)
        for site, kind, n in conn.execute(
            sa.select(site_col, sa.func.max(t.sites.c.kind), sa.func.count())
            .select_from(
                t.captures.outerjoin(t.pages, t.pages.c.capture_id == t.captures.c.id)
                .outerjoin(t.sites, t.sites.c.name == t.captures.c.site)
            )
            .group_by(site_col)
            .order_by(sa.func.count().desc())
        ):
            per_site[site] = {"kind": kind or "unknown", "captures": n}
        for name, table in t.RECORD_TABLES.items():
            for site, n in conn.execute(
                sa.select(table.c.site, sa.func.count()).group_by(table.c.site)
            ):
                per_site.setdefault(site, {"kind": "derived", "captures": 0})[name] = n
        out["sites"] = per_site

        out["labels_by_class"] = {
            label: n for label, n in conn.execute(
                sa.select(t.labels.c.label, sa.func.count()).group_by(t.labels.c.label)
                .order_by(sa.func.count().desc())
            )
        }
        out["review"] = conn.execute(
            sa.select(sa.func.count()).where(t.labels.c.review.is_(True))
        ).scalar_one()
        out["mentions_by_kind"] = {
            kind: n for kind, n in conn.execute(
                sa.select(t.mentions.c.kind, sa.func.count()).group_by(t.mentions.c.kind)
                .order_by(sa.func.count().desc())
            )
        }
        out["top_identifiers"] = _top_values(conn, top, exclude=TRADE_KINDS)
        out["top_firearms"] = _top_values(conn, top, include=("firearm", "calibre"))
        out["recent_errors"] = [
            {"level": r.level, "path": r.path, "record": r.record, "message": r.message}
            for r in conn.execute(
                sa.select(t.import_errors).order_by(t.import_errors.c.id.desc()).limit(top)
            )
        ]
    return out
