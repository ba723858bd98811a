"""The case database schema, for SQLite (default) and PostgreSQL.

Every derived table has a `capture_id` naming the capture it came from. Ids of derived rows
are content hashes (see records.record_id), so re-processing replaces rows instead of adding.
List- and dict-valued fields are stored as JSON. Only the full-text index (FTS5) is
SQLite-specific; it is created by the migration, not here.
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

TS = sa.DateTime(timezone=True)


def _capture_fk() -> sa.Column:
    return sa.Column(
        "capture_id", sa.String(64), sa.ForeignKey("captures.id", ondelete="CASCADE"),
        nullable=False, index=True,
    )


def _provenance() -> list[sa.Column]:
    return [
        sa.Column("source", sa.String(100), nullable=False, default=""),
        sa.Column("confidence", sa.Float, nullable=False, default=1.0),
        sa.Column("warnings", sa.JSON, nullable=False, default=list),
    ]


imports = sa.Table(
    "imports", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("path", sa.Text, nullable=False),
    sa.Column("sha256", sa.String(64)),
    sa.Column("size", sa.BigInteger),
    sa.Column("importer", sa.String(50), nullable=False),
    sa.Column("started_at", TS, nullable=False),
    sa.Column("finished_at", TS),
    sa.Column("captures_added", sa.Integer, nullable=False, default=0),
    sa.Column("captures_seen", sa.Integer, nullable=False, default=0),
    sa.Column("errors", sa.Integer, nullable=False, default=0),
)

captures = sa.Table(
    "captures", metadata,
    sa.Column("id", sa.String(64), primary_key=True),  # SHA-256 of the bytes
    sa.Column("url", sa.Text, nullable=False),
    sa.Column("captured_at", TS, nullable=False),
    sa.Column("content_type", sa.String(200), nullable=False),
    sa.Column("size", sa.BigInteger, nullable=False),
    sa.Column("site", sa.String(200), nullable=False, index=True),
    sa.Column("source_file", sa.Text, nullable=False),
    sa.Column("source_offset", sa.BigInteger),
    sa.Column("source_record", sa.Text),
    sa.Column("import_id", sa.Integer, sa.ForeignKey("imports.id")),
    sa.Column("evidence_file", sa.Text, nullable=False),
    sa.Column("evidence_offset", sa.BigInteger, nullable=False),
    sa.Column("imported_at", TS, nullable=False),
)

# The same bytes can be seen at several URLs or times; each sighting is kept.
observations = sa.Table(
    "observations", metadata,
    sa.Column("id", sa.String(32), primary_key=True),
    _capture_fk(),
    sa.Column("url", sa.Text, nullable=False),
    sa.Column("captured_at", TS, nullable=False),
    sa.Column("source_file", sa.Text, nullable=False),
    sa.Column("source_offset", sa.BigInteger),
    sa.Column("import_id", sa.Integer, sa.ForeignKey("imports.id")),
)

import_errors = sa.Table(
    "import_errors", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("import_id", sa.Integer, sa.ForeignKey("imports.id")),
    sa.Column("path", sa.Text, nullable=False),
    sa.Column("record", sa.Text),
    sa.Column("level", sa.String(10), nullable=False, default="error"),
    sa.Column("message", sa.Text, nullable=False),
    sa.Column("created_at", TS, nullable=False),
)

# Restricted content: the body is never stored, only what a referral needs.
quarantine = sa.Table(
    "quarantine", metadata,
    sa.Column("sha256", sa.String(64), primary_key=True),
    sa.Column("url", sa.Text, nullable=False),
    sa.Column("captured_at", TS, nullable=False),
    sa.Column("source_file", sa.Text, nullable=False),
    sa.Column("reason", sa.String(200), nullable=False),
    sa.Column("quarantined_at", TS, nullable=False),
)

processed = sa.Table(
    "processed", metadata,
    sa.Column("capture_id", sa.String(64), sa.ForeignKey("captures.id", ondelete="CASCADE"),
              primary_key=True),
    sa.Column("pipeline_version", sa.String(200), nullable=False, index=True),
    sa.Column("processed_at", TS, nullable=False),
    sa.Column("records", sa.Integer, nullable=False, default=0),
    sa.Column("warnings", sa.JSON, nullable=False, default=list),
    sa.Column("error", sa.Text),
)

sites = sa.Table(
    "sites", metadata,
    sa.Column("name", sa.String(200), primary_key=True),
    sa.Column("kind", sa.String(50), nullable=False, default="unknown"),
    sa.Column("first_seen", TS),
    sa.Column("last_seen", TS),
    sa.Column("captures", sa.Integer, nullable=False, default=0),
)

pages = sa.Table(
    "pages", metadata,
    sa.Column("id", sa.String(32), primary_key=True),
    _capture_fk(),
    sa.Column("site", sa.String(200), nullable=False, index=True),
    sa.Column("url", sa.Text, nullable=False),
    sa.Column("title", sa.Text, nullable=False, default=""),
    sa.Column("text", sa.Text, nullable=False, default=""),
    sa.Column("links", sa.JSON, nullable=False, default=list),
    sa.Column("kind", sa.String(50), nullable=False, default="other"),
    *_provenance(),
)

listings = sa.Table(
    "listings", metadata,
    sa.Column("id", sa.String(32), primary_key=True),
    _capture_fk(),
    sa.Column("site", sa.String(200), nullable=False, index=True),
    sa.Column("listing_key", sa.String(500), nullable=False, default=""),
    sa.Column("url", sa.Text, nullable=False, default=""),
    sa.Column("title", sa.Text, nullable=False, default=""),
    sa.Column("description", sa.Text, nullable=False, default=""),
    sa.Column("price_amount", sa.Float),
    sa.Column("price_currency", sa.String(10)),
    sa.Column("prices", sa.JSON, nullable=False, default=list),
    sa.Column("quantity", sa.Float),
    sa.Column("unit", sa.String(50)),
    sa.Column("vendor", sa.String(500), index=True),
    sa.Column("category_path", sa.JSON, nullable=False, default=list),
    sa.Column("ships_from", sa.String(200)),
    sa.Column("ships_to", sa.JSON, nullable=False, default=list),
    sa.Column("listed_since", sa.String(40)),
    sa.Column("index", sa.Integer, nullable=False, default=0),
    sa.Column("extra", sa.JSON, nullable=False, default=dict),
    *_provenance(),
)

vendors = sa.Table(
    "vendors", metadata,
    sa.Column("id", sa.String(32), primary_key=True),
    _capture_fk(),
    sa.Column("site", sa.String(200), nullable=False, index=True),
    sa.Column("name", sa.String(500), nullable=False, index=True),
    sa.Column("url", sa.Text, nullable=False, default=""),
    sa.Column("joined", sa.String(40)),
    sa.Column("sales", sa.Integer),
    sa.Column("rating", sa.Float),
    sa.Column("profile_text", sa.Text, nullable=False, default=""),
    sa.Column("pgp_block", sa.Text),
    sa.Column("other_accounts", sa.JSON, nullable=False, default=list),
    sa.Column("extra", sa.JSON, nullable=False, default=dict),
    *_provenance(),
)

feedback = sa.Table(
    "feedback", metadata,
    sa.Column("id", sa.String(32), primary_key=True),
    _capture_fk(),
    sa.Column("site", sa.String(200), nullable=False, index=True),
    sa.Column("listing_key", sa.String(500)),
    sa.Column("listing_title", sa.Text),
    sa.Column("vendor", sa.String(500), index=True),
    sa.Column("rating", sa.Float),
    sa.Column("text", sa.Text, nullable=False, default=""),
    sa.Column("date", sa.String(40)),
    sa.Column("date_precision", sa.String(20)),
    sa.Column("buyer", sa.String(200)),
    sa.Column("index", sa.Integer, nullable=False, default=0),
    *_provenance(),
)

posts = sa.Table(
    "posts", metadata,
    sa.Column("id", sa.String(32), primary_key=True),
    _capture_fk(),
    sa.Column("site", sa.String(200), nullable=False, index=True),
    sa.Column("thread", sa.Text, nullable=False, default=""),
    sa.Column("post_key", sa.String(500), nullable=False, default=""),
    sa.Column("author", sa.String(500), index=True),
    sa.Column("date", sa.String(40)),
    sa.Column("text", sa.Text, nullable=False, default=""),
    sa.Column("url", sa.Text, nullable=False, default=""),
    sa.Column("index", sa.Integer, nullable=False, default=0),
    *_provenance(),
)

messages = sa.Table(
    "messages", metadata,
    sa.Column("id", sa.String(32), primary_key=True),
    _capture_fk(),
    sa.Column("site", sa.String(200), nullable=False, index=True),
    sa.Column("channel", sa.String(500), nullable=False, default=""),
    sa.Column("message_id", sa.String(100), nullable=False, default=""),
    sa.Column("author", sa.String(500), index=True),
    sa.Column("date", sa.String(40)),
    sa.Column("text", sa.Text, nullable=False, default=""),
    sa.Column("reply_to", sa.String(100)),
    *_provenance(),
)

mentions = sa.Table(
    "mentions", metadata,
    sa.Column("id", sa.String(32), primary_key=True),
    _capture_fk(),
    sa.Column("record_id", sa.String(32), nullable=False, index=True),
    sa.Column("record_type", sa.String(20), nullable=False),
    sa.Column("field", sa.String(50), nullable=False),
    sa.Column("kind", sa.String(30), nullable=False),
    sa.Column("value", sa.Text, nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("details", sa.JSON, nullable=False, default=dict),
    sa.Index("ix_mentions_kind_value", "kind", "value"),
)

labels = sa.Table(
    "labels", metadata,
    sa.Column("id", sa.String(32), primary_key=True),
    _capture_fk(),
    sa.Column("record_id", sa.String(32), nullable=False, index=True),
    sa.Column("record_type", sa.String(20), nullable=False),
    sa.Column("label", sa.String(50), nullable=False, index=True),
    sa.Column("sublabel", sa.String(100)),
    sa.Column("score", sa.Float, nullable=False),
    sa.Column("review", sa.Boolean, nullable=False, default=False),
    sa.Column("model_version", sa.String(100), nullable=False),
)

# Analyst corrections to labels; the next `veille train` learns from them.
corrections = sa.Table(
    "corrections", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("record_id", sa.String(32), nullable=False, index=True),
    sa.Column("record_type", sa.String(20), nullable=False, default=""),
    sa.Column("label", sa.String(50), nullable=False),
    sa.Column("sublabel", sa.String(100)),
    sa.Column("note", sa.Text),
    sa.Column("source", sa.String(200), nullable=False, default="cli"),
    sa.Column("created_at", sa.String(40), nullable=False),
)

# Linked identities across sites; filled by the linking stage.
actors = sa.Table(
    "actors", metadata,
    sa.Column("id", sa.String(32), primary_key=True),
    sa.Column("name", sa.String(500), nullable=False),
    sa.Column("created_at", TS, nullable=False),
)

actor_accounts = sa.Table(
    "actor_accounts", metadata,
    sa.Column("actor_id", sa.String(32), sa.ForeignKey("actors.id", ondelete="CASCADE"),
              primary_key=True),
    sa.Column("site", sa.String(200), primary_key=True),
    sa.Column("name", sa.String(500), primary_key=True),
    sa.Column("evidence", sa.JSON, nullable=False, default=list),
    sa.Column("score", sa.Float, nullable=False, default=1.0),
)

RECORD_TABLES: dict[str, sa.Table] = {
    "page": pages,
    "listing": listings,
    "vendor": vendors,
    "feedback": feedback,
    "post": posts,
    "message": messages,
}

# Tables whose rows derive from a capture and are replaced when it is processed again.
DERIVED_TABLES: tuple[sa.Table, ...] = (*RECORD_TABLES.values(), mentions, labels)
