"""A Telegram Desktop export message (one capture each) becomes a Message record."""

from __future__ import annotations

import json

from veille.records import Document, Message, ParseResult


def flatten_text(text: object) -> str:
    """Telegram's `text` is a string or a list of strings and entity objects."""
    if isinstance(text, str):
        return text
    if isinstance(text, list):
        parts = []
        for part in text:
            if isinstance(part, str):
                parts.append(part)
            elif isinstance(part, dict):
                parts.append(str(part.get("text", "")))
        return "".join(parts)
    return ""


def parse_telegram_message(doc: Document) -> ParseResult:
    result = ParseResult()
    try:
        obj = json.loads(doc.body.decode("utf-8"))
        chat = obj.get("chat") or {}
        msg = obj["message"]
    except (ValueError, KeyError, AttributeError, TypeError) as exc:
        result.warnings.append(f"unreadable Telegram message capture: {exc}")
        return result
    if not isinstance(msg, dict):
        result.warnings.append("unreadable Telegram message capture: message is not an object")
        return result
    channel = str(chat.get("name") or chat.get("id") or "unknown")
    reply = msg.get("reply_to_message_id")
    result.records.append(
        Message(
            capture_id=doc.capture_id,
            site=f"telegram:{chat.get('id', channel)}",
            source="telegram",
            channel=channel,
            message_id=str(msg.get("id", "")),
            author=msg.get("from") or msg.get("actor") or None,
            date=msg.get("date"),
            text=flatten_text(msg.get("text", "")),
            reply_to=str(reply) if reply is not None else None,
        )
    )
    return result
