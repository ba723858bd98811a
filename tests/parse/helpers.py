"""Helpers for parse tests: build a Document, parse it, pick records by type."""

from __future__ import annotations

from datetime import UTC, datetime

from veille.parse import ParseConfig, parse
from veille.records import Document, ParseResult, Record

CAPTURED = datetime(2019, 9, 11, 12, 0, tzinfo=UTC)


def doc_of(body: bytes | str, url: str = "http://example.test/page",
           captured_at: datetime = CAPTURED, content_type: str = "text/html",
           site_hint: str | None = None) -> Document:
    if isinstance(body, str):
        body = body.encode("utf-8")
    return Document(capture_id="cap-test", url=url, captured_at=captured_at,
                    content_type=content_type, body=body, site_hint=site_hint)


def parse_body(body: bytes | str, url: str = "http://example.test/page",
               config: ParseConfig | None = None, **kw: object) -> ParseResult:
    return parse(doc_of(body, url, **kw), config)  # type: ignore[arg-type]


def of_type(result: ParseResult, kind: str) -> list[Record]:
    return [r for r in result.records if r.type == kind]
