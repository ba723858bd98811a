"""The records that flow between stages.

Everything here is plain data: the per-document stages (parse, extract, classify) take and
return these objects and nothing else, so the same chain runs in one process, in a pool or
on Spark. Every derived record carries the id of the capture it came from.

Ids are content hashes: the same capture through the same pipeline gives the same ids, so a
re-run replaces rows instead of duplicating them.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, fields
from datetime import datetime
from functools import cache
from typing import Any, ClassVar, Literal

RecordType = Literal["page", "listing", "vendor", "feedback", "post", "message"]

ROW_CONTENT_TYPE = "application/vnd.veille.row+json"
TELEGRAM_CONTENT_TYPE = "application/vnd.veille.telegram-message+json"


def record_id(kind: str, capture_id: str, *parts: object) -> str:
    """Stable id of a derived row: a hash of its kind, its capture and its key parts."""
    h = hashlib.sha256()
    h.update(kind.encode())
    h.update(b"\x1f")
    h.update(capture_id.encode())
    for p in parts:
        h.update(b"\x1f")
        h.update(str(p).encode("utf-8", "surrogatepass"))
    return h.hexdigest()[:32]


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


@dataclass(frozen=True, slots=True)
class Document:
    """One capture as the per-document stages see it: its bytes and what we know about them."""

    capture_id: str
    url: str
    captured_at: datetime
    content_type: str
    body: bytes
    site_hint: str | None = None


@dataclass(slots=True)
class Price:
    amount: float
    currency: str  # ISO 4217 code or crypto ticker, upper case

    def to_dict(self) -> dict[str, Any]:
        return {"amount": self.amount, "currency": self.currency}


@dataclass(slots=True)
class Record:
    """Fields common to every parsed record."""

    type: ClassVar[RecordType]
    capture_id: str
    site: str
    # How the record was produced: "profile:<name>", "fallback", "format:<name>", "telegram"...
    source: str = ""
    confidence: float = 1.0
    warnings: list[str] = field(default_factory=list)

    def key(self) -> tuple[object, ...]:
        raise NotImplementedError

    @property
    def id(self) -> str:
        return record_id(self.type, self.capture_id, *self.key())

    def to_dict(self) -> dict[str, Any]:
        # Shallow on purpose: dataclasses.asdict deep-copies every list and was the main
        # cost of writing records. Values are shared with the record; do not mutate them.
        d = {name: getattr(self, name) for name in _field_names(type(self))}
        if "prices" in d:
            d["prices"] = [p.to_dict() if isinstance(p, Price) else p for p in d["prices"]]
        d["type"] = self.type
        d["id"] = self.id
        return d

    def texts(self) -> dict[str, str]:
        """The free-text fields that extract and classify read, by field name."""
        return {}


@dataclass(slots=True)
class Page(Record):
    type: ClassVar[RecordType] = "page"
    url: str = ""
    title: str = ""
    text: str = ""
    links: list[str] = field(default_factory=list)
    kind: str = "other"  # listing, vendor, search, forum, other

    def key(self) -> tuple[object, ...]:
        return (self.url,)

    def texts(self) -> dict[str, str]:
        return {"title": self.title, "text": self.text}


@dataclass(slots=True)
class Listing(Record):
    type: ClassVar[RecordType] = "listing"
    listing_key: str = ""  # the listing's own identifier on the site
    url: str = ""
    title: str = ""
    description: str = ""
    prices: list[Price] = field(default_factory=list)
    quantity: float | None = None
    unit: str | None = None
    vendor: str | None = None
    category_path: list[str] = field(default_factory=list)
    ships_from: str | None = None
    ships_to: list[str] = field(default_factory=list)
    listed_since: str | None = None  # ISO date
    index: int = 0  # position on the page, for pages that list several
    # Other values the site shows that have no field of their own (stock, escrow, sold count).
    extra: dict[str, Any] = field(default_factory=dict)

    def key(self) -> tuple[object, ...]:
        return (self.site, self.listing_key, self.index, self.title)

    def texts(self) -> dict[str, str]:
        return {"title": self.title, "description": self.description}


@dataclass(slots=True)
class Vendor(Record):
    type: ClassVar[RecordType] = "vendor"
    name: str = ""
    url: str = ""
    joined: str | None = None  # ISO date
    sales: int | None = None
    rating: float | None = None
    profile_text: str = ""
    pgp_block: str | None = None
    other_accounts: list[dict[str, str]] = field(default_factory=list)  # [{"site":..,"name":..}]
    # Other values the site shows (positive/negative feedback counts, level, last seen).
    extra: dict[str, Any] = field(default_factory=dict)

    def key(self) -> tuple[object, ...]:
        return (self.site, self.name)

    def texts(self) -> dict[str, str]:
        return {"profile_text": self.profile_text, "pgp_block": self.pgp_block or ""}


@dataclass(slots=True)
class Feedback(Record):
    type: ClassVar[RecordType] = "feedback"
    listing_key: str | None = None
    listing_title: str | None = None
    vendor: str | None = None
    rating: float | None = None
    text: str = ""
    date: str | None = None  # ISO date or datetime
    date_precision: str | None = None  # second, day, week, month, year
    buyer: str | None = None
    index: int = 0

    def key(self) -> tuple[object, ...]:
        return (self.site, self.listing_key, self.vendor, self.index)

    def texts(self) -> dict[str, str]:
        return {"text": self.text}


@dataclass(slots=True)
class Post(Record):
    type: ClassVar[RecordType] = "post"
    thread: str = ""
    post_key: str = ""
    author: str | None = None
    date: str | None = None
    text: str = ""
    url: str = ""
    index: int = 0

    def key(self) -> tuple[object, ...]:
        return (self.site, self.thread, self.post_key, self.index)

    def texts(self) -> dict[str, str]:
        return {"text": self.text}


@dataclass(slots=True)
class Message(Record):
    type: ClassVar[RecordType] = "message"
    channel: str = ""
    message_id: str = ""
    author: str | None = None
    date: str | None = None
    text: str = ""
    reply_to: str | None = None

    def key(self) -> tuple[object, ...]:
        return (self.site, self.channel, self.message_id)

    def texts(self) -> dict[str, str]:
        return {"text": self.text}


@dataclass(slots=True)
class Mention:
    """An identifier found in text: kind and normalised value, with offsets in `field`."""

    kind: str
    value: str
    start: int
    end: int
    details: dict[str, Any] = field(default_factory=dict)
    # Provenance, filled by the pipeline when the mention is tied to a record.
    capture_id: str = ""
    record_id: str = ""
    field: str = ""

    @property
    def id(self) -> str:
        return record_id("mention", self.capture_id, self.record_id, self.field, self.kind,
                         self.start, self.end)

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"kind": self.kind, "value": self.value, "start": self.start,
                             "end": self.end}
        d.update(self.details)
        return d


@dataclass(slots=True)
class Label:
    """A classifier's decision on one record."""

    label: str
    sublabel: str | None
    score: float
    review: bool
    model_version: str
    capture_id: str = ""
    record_id: str = ""
    record_type: str = ""

    @property
    def id(self) -> str:
        return record_id("label", self.capture_id, self.record_id, self.model_version)


RECORD_TYPES: dict[str, type[Record]] = {
    cls.type: cls for cls in (Page, Listing, Vendor, Feedback, Post, Message)
}


@dataclass(slots=True)
class ParseResult:
    records: list[Record] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass(slots=True)
class DocumentResult:
    """Everything the per-document pipeline derived from one capture."""

    capture_id: str
    records: list[Record] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    labels: list[Label] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    error: str | None = None
