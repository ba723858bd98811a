"""One capture becomes records: the page itself, then what a site profile or the generic
fallback reads from it (listings, vendors, feedback, posts), or a Telegram message, or an
export row.

Bounds: the body is cut at `max_html_bytes`, nesting deeper than `max_depth` is flattened
before parsing (see guard.py), and every reader failure becomes a warning on the result.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from veille.parse.guard import MAX_DEPTH, crude_nesting_bound, limit_nesting, scan_tags
from veille.parse.html import (
    INVISIBLE_TAGS,
    decode_html_codec,
    html_tree_and_json_ld,
    is_utf8_codec,
    page_lang,
    page_links,
    page_title,
    site_of,
    visible_text,
)
from veille.records import (
    ROW_CONTENT_TYPE,
    TELEGRAM_CONTENT_TYPE,
    Document,
    Page,
    ParseResult,
)


@dataclass(frozen=True)
class ParseConfig:
    """What parsing may depend on besides the document itself."""

    max_html_bytes: int = 20 * 1024 * 1024
    # Nesting beyond this depth is flattened (text kept) before parsing.
    max_depth: int = MAX_DEPTH
    # Extra profile directories, searched before the built-in profiles.
    profile_dirs: tuple[str, ...] = ()
    use_builtin_profiles: bool = True
    # Force one profile (by name or .toml path) instead of matching.
    profile: str | None = None
    # Run the generic fallback on pages no profile matches.
    fallback: bool = True


def parse(doc: Document, config: ParseConfig | None = None) -> ParseResult:
    config = config or ParseConfig()
    if doc.content_type == TELEGRAM_CONTENT_TYPE:
        from veille.parse.telegram import parse_telegram_message

        return parse_telegram_message(doc)
    if doc.content_type == ROW_CONTENT_TYPE:
        from veille.formats import parse_row

        return parse_row(doc)
    return parse_html(doc, config)


def candidate_profiles(config: ParseConfig) -> tuple[tuple[Any, ...], list[str]]:
    """The profiles to try, in order, and the errors of profile files that could not load."""
    from veille.parse.profile import BUILTIN_DIR, find_profile, load_profile_dir_checked

    if config.profile:
        return (find_profile(config.profile, config.profile_dirs),), []
    out: tuple[Any, ...] = ()
    errors: list[str] = []
    dirs = [*config.profile_dirs, *([str(BUILTIN_DIR)] if config.use_builtin_profiles else [])]
    for d in dirs:
        profiles, errs = load_profile_dir_checked(d)
        out += profiles
        errors += [f"profile skipped: {e}" for e in errs]
    return out, errors


def parse_html(doc: Document, config: ParseConfig) -> ParseResult:
    from veille.parse.engine import (
        PageContext,
        apply_profile,
        first_matching_profile,
        kind_of_page,
    )

    result = ParseResult()
    warnings: list[str] = []
    body = doc.body
    if len(body) > config.max_html_bytes:
        warnings.append(
            f"page is {len(body)} bytes; only the first {config.max_html_bytes} were parsed"
        )
        body = body[: config.max_html_bytes]
    if not body.strip():
        result.warnings.append("empty page")
        return result
    html, dec_warnings, codec = decode_html_codec(body, doc.content_type)
    warnings += dec_warnings
    dropped = 0
    # The coarse check runs on the bytes (no re-encoding); only pages it cannot clear are
    # examined and flattened as text.
    ascii_compatible = b"\x00" not in body[:4096]  # not UTF-16/32: tags are visible bytes
    if ascii_compatible:
        bound, has_invisible = scan_tags(body, INVISIBLE_TAGS)
    else:
        bound, has_invisible = crude_nesting_bound(html), True
    if bound > config.max_depth:
        html, dropped = limit_nesting(html, config.max_depth)
    if dropped:
        warnings.append(f"page nests deeper than {config.max_depth} levels; "
                        f"{dropped} tags beyond that depth were dropped (text kept)")
    # Valid UTF-8 decoded as such re-encodes to the same bytes: hand Lexbor those.
    utf8 = body if not dropped and type(body) is bytes and is_utf8_codec(codec) else None
    # The byte scan speaks for the text only when the text is those bytes decoded as UTF-8.
    tree, json_ld = html_tree_and_json_ld(html, utf8, has_invisible or utf8 is None)
    title = page_title(tree)
    page = Page(
        capture_id=doc.capture_id,
        site=doc.site_hint or site_of(doc.url),
        source="html",
        url=doc.url,
        title=title,
        text=visible_text(tree),
        links=page_links(tree, doc.url),
    )
    if _looks_truncated(html):
        warnings.append("page looks truncated (no closing </html>); fields may be missing")
    ctx = PageContext(tree=tree, html=html, url=doc.url, title=title,
                      captured_at=doc.captured_at, lang=page_lang(tree), text=page.text)
    records = []
    try:
        profiles, profile_errors = candidate_profiles(config)
        warnings += profile_errors
    except ValueError as exc:  # ProfileError: a broken profile file must not stop parsing
        warnings.append(f"profiles not loaded: {exc}")
        profiles = ()
    if config.profile:
        profile = profiles[0] if profiles else None
    else:
        profile = first_matching_profile(profiles, ctx, doc.site_hint)
    if profile is not None:
        try:
            page.kind = kind_of_page(profile, ctx)
            page.site = profile.site
            page.source = f"profile:{profile.name}"
            records, pw, _ = apply_profile(profile, ctx, page.kind, doc.capture_id)
            warnings += pw
        except Exception as exc:  # keep the page record whatever the profile did
            warnings.append(f"profile {profile.name} failed: {exc.__class__.__name__}: {exc}")
    elif config.fallback:
        from veille.parse.fallback import parse_fallback

        try:
            records, page.kind, fw = parse_fallback(tree, ctx, json_ld, doc.capture_id,
                                                    page.site)
            page.source = "fallback"
            page.confidence = max((r.confidence for r in records), default=0.5)
            warnings += fw
        except Exception as exc:
            warnings.append(f"fallback failed: {exc.__class__.__name__}: {exc}")
    page.warnings = list(warnings)
    for r in records:
        # Page-level problems (truncation, encoding, flattening) concern every record.
        r.warnings = [*warnings, *r.warnings]
    result.records = [page, *records]
    result.warnings = warnings + [w for r in records for w in r.warnings if w not in warnings]
    return result


def _looks_truncated(html: str) -> bool:
    tail = html[-2048:].lower()
    return "<html" in html[:4096].lower() and "</html" not in tail and "</body" not in tail


def load_json_body(doc: Document) -> dict:
    obj = json.loads(doc.body.decode("utf-8"))
    if not isinstance(obj, dict):
        raise ValueError("expected a JSON object")
    return obj
