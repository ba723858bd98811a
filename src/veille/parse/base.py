"""Minimal parse: title, visible text and links of an HTML page, or a Telegram message.

Site profiles and the generic fallback (issue 4) plug in here and add listings, vendors,
feedback and posts beside the page record.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from veille.parse.html import page_from_html
from veille.records import (
    ROW_CONTENT_TYPE,
    TELEGRAM_CONTENT_TYPE,
    Document,
    ParseResult,
)


@dataclass(frozen=True)
class ParseConfig:
    """What parsing may depend on besides the document itself."""

    max_html_bytes: int = 20 * 1024 * 1024


def parse(doc: Document, config: ParseConfig | None = None) -> ParseResult:
    config = config or ParseConfig()
    if doc.content_type == TELEGRAM_CONTENT_TYPE:
        from veille.parse.telegram import parse_telegram_message

        return parse_telegram_message(doc)
    if doc.content_type == ROW_CONTENT_TYPE:
        from veille.formats import parse_row

        return parse_row(doc)
    result = ParseResult()
    page, warnings = page_from_html(doc, max_bytes=config.max_html_bytes)
    result.warnings.extend(warnings)
    if page is not None:
        result.records.append(page)
    return result


def load_json_body(doc: Document) -> dict:
    obj = json.loads(doc.body.decode("utf-8"))
    if not isinstance(obj, dict):
        raise ValueError("expected a JSON object")
    return obj
