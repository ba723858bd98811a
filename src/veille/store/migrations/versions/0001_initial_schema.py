"""initial schema

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-29 08:57:14.086451
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


FTS_SQL = (
    # Full-text search over listing, post and message text. FTS5 is the one SQLite-only
    # feature of the schema; PostgreSQL gets a tsvector index in its own migration.
    "CREATE VIRTUAL TABLE search_fts USING fts5("
    "record_id UNINDEXED, record_type UNINDEXED, capture_id UNINDEXED, title, body, "
    " tokenize='unicode61 remove_diacritics 2')"
)


def upgrade() -> None:
    op.create_table(
        "actors",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=500), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "corrections",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("record_id", sa.String(length=32), nullable=False),
        sa.Column("record_type", sa.String(length=20), nullable=False),
        sa.Column("label", sa.String(length=50), nullable=False),
        sa.Column("sublabel", sa.String(length=100), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("source", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("corrections", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_corrections_record_id"), ["record_id"], unique=False)

    op.create_table(
        "imports",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=True),
        sa.Column("size", sa.BigInteger(), nullable=True),
        sa.Column("importer", sa.String(length=50), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("captures_added", sa.Integer(), nullable=False),
        sa.Column("captures_seen", sa.Integer(), nullable=False),
        sa.Column("errors", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "quarantine",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("captured_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("source_file", sa.Text(), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.Column("quarantined_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("sha256"),
    )
    op.create_table(
        "sites",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=50), nullable=False),
        sa.Column("first_seen", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_seen", sa.DateTime(timezone=True), nullable=True),
        sa.Column("captures", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("name"),
    )
    op.create_table(
        "actor_accounts",
        sa.Column("actor_id", sa.String(length=32), nullable=False),
        sa.Column("site", sa.String(length=200), nullable=False),
        sa.Column("name", sa.String(length=500), nullable=False),
        sa.Column("evidence", sa.JSON(), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(["actor_id"], ["actors.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("actor_id", "site", "name"),
    )
    op.create_table(
        "captures",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("captured_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("content_type", sa.String(length=200), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("site", sa.String(length=200), nullable=False),
        sa.Column("source_file", sa.Text(), nullable=False),
        sa.Column("source_offset", sa.BigInteger(), nullable=True),
        sa.Column("source_record", sa.Text(), nullable=True),
        sa.Column("import_id", sa.Integer(), nullable=True),
        sa.Column("evidence_file", sa.Text(), nullable=False),
        sa.Column("evidence_offset", sa.BigInteger(), nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["import_id"],
            ["imports.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("captures", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_captures_site"), ["site"], unique=False)

    op.create_table(
        "import_errors",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("import_id", sa.Integer(), nullable=True),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("record", sa.Text(), nullable=True),
        sa.Column("level", sa.String(length=10), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["import_id"],
            ["imports.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "feedback",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("capture_id", sa.String(length=64), nullable=False),
        sa.Column("site", sa.String(length=200), nullable=False),
        sa.Column("listing_key", sa.String(length=500), nullable=True),
        sa.Column("listing_title", sa.Text(), nullable=True),
        sa.Column("vendor", sa.String(length=500), nullable=True),
        sa.Column("rating", sa.Float(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("date", sa.String(length=40), nullable=True),
        sa.Column("date_precision", sa.String(length=20), nullable=True),
        sa.Column("buyer", sa.String(length=200), nullable=True),
        sa.Column("index", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=100), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("warnings", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["capture_id"], ["captures.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("feedback", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_feedback_capture_id"), ["capture_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_feedback_site"), ["site"], unique=False)
        batch_op.create_index(batch_op.f("ix_feedback_vendor"), ["vendor"], unique=False)

    op.create_table(
        "labels",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("capture_id", sa.String(length=64), nullable=False),
        sa.Column("record_id", sa.String(length=32), nullable=False),
        sa.Column("record_type", sa.String(length=20), nullable=False),
        sa.Column("label", sa.String(length=50), nullable=False),
        sa.Column("sublabel", sa.String(length=100), nullable=True),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("review", sa.Boolean(), nullable=False),
        sa.Column("model_version", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(["capture_id"], ["captures.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("labels", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_labels_capture_id"), ["capture_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_labels_label"), ["label"], unique=False)
        batch_op.create_index(batch_op.f("ix_labels_record_id"), ["record_id"], unique=False)

    op.create_table(
        "listings",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("capture_id", sa.String(length=64), nullable=False),
        sa.Column("site", sa.String(length=200), nullable=False),
        sa.Column("listing_key", sa.String(length=500), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("price_amount", sa.Float(), nullable=True),
        sa.Column("price_currency", sa.String(length=10), nullable=True),
        sa.Column("prices", sa.JSON(), nullable=False),
        sa.Column("quantity", sa.Float(), nullable=True),
        sa.Column("unit", sa.String(length=50), nullable=True),
        sa.Column("vendor", sa.String(length=500), nullable=True),
        sa.Column("category_path", sa.JSON(), nullable=False),
        sa.Column("ships_from", sa.String(length=200), nullable=True),
        sa.Column("ships_to", sa.JSON(), nullable=False),
        sa.Column("listed_since", sa.String(length=40), nullable=True),
        sa.Column("index", sa.Integer(), nullable=False),
        sa.Column("extra", sa.JSON(), nullable=False),
        sa.Column("source", sa.String(length=100), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("warnings", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["capture_id"], ["captures.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("listings", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_listings_capture_id"), ["capture_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_listings_site"), ["site"], unique=False)
        batch_op.create_index(batch_op.f("ix_listings_vendor"), ["vendor"], unique=False)

    op.create_table(
        "mentions",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("capture_id", sa.String(length=64), nullable=False),
        sa.Column("record_id", sa.String(length=32), nullable=False),
        sa.Column("record_type", sa.String(length=20), nullable=False),
        sa.Column("field", sa.String(length=50), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("details", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["capture_id"], ["captures.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("mentions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_mentions_capture_id"), ["capture_id"], unique=False)
        batch_op.create_index("ix_mentions_kind_value", ["kind", "value"], unique=False)
        batch_op.create_index(batch_op.f("ix_mentions_record_id"), ["record_id"], unique=False)

    op.create_table(
        "messages",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("capture_id", sa.String(length=64), nullable=False),
        sa.Column("site", sa.String(length=200), nullable=False),
        sa.Column("channel", sa.String(length=500), nullable=False),
        sa.Column("message_id", sa.String(length=100), nullable=False),
        sa.Column("author", sa.String(length=500), nullable=True),
        sa.Column("date", sa.String(length=40), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("reply_to", sa.String(length=100), nullable=True),
        sa.Column("source", sa.String(length=100), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("warnings", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["capture_id"], ["captures.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("messages", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_messages_author"), ["author"], unique=False)
        batch_op.create_index(batch_op.f("ix_messages_capture_id"), ["capture_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_messages_site"), ["site"], unique=False)

    op.create_table(
        "observations",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("capture_id", sa.String(length=64), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("captured_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("source_file", sa.Text(), nullable=False),
        sa.Column("source_offset", sa.BigInteger(), nullable=True),
        sa.Column("import_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["capture_id"], ["captures.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(
            ["import_id"],
            ["imports.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("observations", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_observations_capture_id"), ["capture_id"], unique=False
        )

    op.create_table(
        "pages",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("capture_id", sa.String(length=64), nullable=False),
        sa.Column("site", sa.String(length=200), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("links", sa.JSON(), nullable=False),
        sa.Column("kind", sa.String(length=50), nullable=False),
        sa.Column("source", sa.String(length=100), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("warnings", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["capture_id"], ["captures.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("pages", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_pages_capture_id"), ["capture_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_pages_site"), ["site"], unique=False)

    op.create_table(
        "posts",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("capture_id", sa.String(length=64), nullable=False),
        sa.Column("site", sa.String(length=200), nullable=False),
        sa.Column("thread", sa.Text(), nullable=False),
        sa.Column("post_key", sa.String(length=500), nullable=False),
        sa.Column("author", sa.String(length=500), nullable=True),
        sa.Column("date", sa.String(length=40), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("index", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=100), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("warnings", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["capture_id"], ["captures.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("posts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_posts_author"), ["author"], unique=False)
        batch_op.create_index(batch_op.f("ix_posts_capture_id"), ["capture_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_posts_site"), ["site"], unique=False)

    op.create_table(
        "processed",
        sa.Column("capture_id", sa.String(length=64), nullable=False),
        sa.Column("pipeline_version", sa.String(length=200), nullable=False),
        sa.Column("processed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("records", sa.Integer(), nullable=False),
        sa.Column("warnings", sa.JSON(), nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["capture_id"], ["captures.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("capture_id"),
    )
    with op.batch_alter_table("processed", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_processed_pipeline_version"), ["pipeline_version"], unique=False
        )

    op.create_table(
        "vendors",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("capture_id", sa.String(length=64), nullable=False),
        sa.Column("site", sa.String(length=200), nullable=False),
        sa.Column("name", sa.String(length=500), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("joined", sa.String(length=40), nullable=True),
        sa.Column("sales", sa.Integer(), nullable=True),
        sa.Column("rating", sa.Float(), nullable=True),
        sa.Column("profile_text", sa.Text(), nullable=False),
        sa.Column("pgp_block", sa.Text(), nullable=True),
        sa.Column("other_accounts", sa.JSON(), nullable=False),
        sa.Column("extra", sa.JSON(), nullable=False),
        sa.Column("source", sa.String(length=100), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("warnings", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["capture_id"], ["captures.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("vendors", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_vendors_capture_id"), ["capture_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_vendors_name"), ["name"], unique=False)
        batch_op.create_index(batch_op.f("ix_vendors_site"), ["site"], unique=False)

    if op.get_bind().dialect.name == "sqlite":
        op.execute(FTS_SQL)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS search_fts")
    with op.batch_alter_table("vendors", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_vendors_site"))
        batch_op.drop_index(batch_op.f("ix_vendors_name"))
        batch_op.drop_index(batch_op.f("ix_vendors_capture_id"))

    op.drop_table("vendors")
    with op.batch_alter_table("processed", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_processed_pipeline_version"))

    op.drop_table("processed")
    with op.batch_alter_table("posts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_posts_site"))
        batch_op.drop_index(batch_op.f("ix_posts_capture_id"))
        batch_op.drop_index(batch_op.f("ix_posts_author"))

    op.drop_table("posts")
    with op.batch_alter_table("pages", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_pages_site"))
        batch_op.drop_index(batch_op.f("ix_pages_capture_id"))

    op.drop_table("pages")
    with op.batch_alter_table("observations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_observations_capture_id"))

    op.drop_table("observations")
    with op.batch_alter_table("messages", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_messages_site"))
        batch_op.drop_index(batch_op.f("ix_messages_capture_id"))
        batch_op.drop_index(batch_op.f("ix_messages_author"))

    op.drop_table("messages")
    with op.batch_alter_table("mentions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_mentions_record_id"))
        batch_op.drop_index("ix_mentions_kind_value")
        batch_op.drop_index(batch_op.f("ix_mentions_capture_id"))

    op.drop_table("mentions")
    with op.batch_alter_table("listings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_listings_vendor"))
        batch_op.drop_index(batch_op.f("ix_listings_site"))
        batch_op.drop_index(batch_op.f("ix_listings_capture_id"))

    op.drop_table("listings")
    with op.batch_alter_table("labels", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_labels_record_id"))
        batch_op.drop_index(batch_op.f("ix_labels_label"))
        batch_op.drop_index(batch_op.f("ix_labels_capture_id"))

    op.drop_table("labels")
    with op.batch_alter_table("feedback", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_feedback_vendor"))
        batch_op.drop_index(batch_op.f("ix_feedback_site"))
        batch_op.drop_index(batch_op.f("ix_feedback_capture_id"))

    op.drop_table("feedback")
    op.drop_table("import_errors")
    with op.batch_alter_table("captures", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_captures_site"))

    op.drop_table("captures")
    op.drop_table("actor_accounts")
    op.drop_table("sites")
    op.drop_table("quarantine")
    op.drop_table("imports")
    with op.batch_alter_table("corrections", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_corrections_record_id"))

    op.drop_table("corrections")
    op.drop_table("actors")
