"""Hostile-HTML basics: decode bytes, parse with Lexbor, read visible text and links.

Scraped pages are adversarial, so every function here bounds what it reads and never runs
or renders anything: scripts, styles and templates are dropped before text is taken.
"""

from __future__ import annotations

import codecs
import re
from urllib.parse import urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)
_CT_CHARSET = re.compile(r"charset\s*=\s*\"?([A-Za-z0-9_\-:.]+)", re.I)
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")
INVISIBLE_TAGS = ("script", "style", "noscript", "template", "iframe", "object", "embed", "svg")
MAX_LINKS = 2000
_INVISIBLE_SELECTOR = ",".join(INVISIBLE_TAGS)


def decode_html(body: bytes, content_type: str = "") -> tuple[str, list[str]]:
    """Bytes to text: declared charset first, then UTF-8, then cp1252; never raises."""
    text, warnings, _ = decode_html_codec(body, content_type)
    return text, warnings


def decode_html_codec(body: bytes, content_type: str = "") -> tuple[str, list[str], str]:
    """`decode_html`, and the codec that decoded the text."""
    warnings: list[str] = []
    candidates: list[str] = []
    m = _CT_CHARSET.search(content_type or "")
    if m:
        candidates.append(m.group(1).decode() if isinstance(m.group(1), bytes) else m.group(1))
    m2 = _META_CHARSET.search(body[:4096])
    if m2:
        candidates.append(m2.group(1).decode("ascii", "replace"))
    candidates += ["utf-8"]
    for enc in candidates:
        try:
            return body.decode(enc), warnings, enc
        except (UnicodeDecodeError, LookupError):
            continue
    try:
        text = body.decode("cp1252")
        warnings.append("not valid UTF-8; decoded as cp1252")
        return text, warnings, "cp1252"
    except UnicodeDecodeError:
        warnings.append("not valid UTF-8; undecodable bytes replaced")
        return body.decode("utf-8", "replace"), warnings, "replace"


def is_utf8_codec(name: str) -> bool:
    """True when `name` is Python's plain UTF-8 codec (not utf-8-sig, which drops a BOM)."""
    try:
        return codecs.lookup(name).name == "utf-8"
    except LookupError:
        return False


_INLINE_SPACE_CHARS = "\t\r\f\v\u00a0\u202f"
_LINE_EDGES = re.compile(r" ?\n ?")
_MANY_NEWLINES = re.compile(r"\n{3,}")


def normalise_space(text: str) -> str:
    """Runs of spaces to one, lines stripped, at most one blank line in a row."""
    text = _SPACES.sub(" ", text.replace("\r", "\n"))
    text = _LINE_EDGES.sub("\n", text)
    return _MANY_NEWLINES.sub("\n\n", text).strip()


MAX_JSON_LD = 20
MAX_JSON_LD_CHARS = 200_000


def html_tree(html: str) -> LexborHTMLParser:
    tree, _ = html_tree_and_json_ld(html)
    return tree


def html_tree_and_json_ld(
    html: str, utf8: bytes | None = None, has_invisible: bool = True
) -> tuple[LexborHTMLParser, list[str]]:
    """The parsed tree with invisible elements removed, and the JSON-LD blocks it held.

    JSON-LD lives in <script> elements, so it is read (as text, never run) before they go.
    `utf8`, when given, must be exactly `html` encoded as UTF-8 (the page's own bytes when
    they decoded as UTF-8): Lexbor reads UTF-8, so it is spared encoding the text again.
    `has_invisible=False` says the source opens none of INVISIBLE_TAGS (see
    guard.scan_tags), which spares a walk of the whole tree looking for them.
    """
    tree = LexborHTMLParser(utf8 if utf8 is not None else html)
    json_ld: list[str] = []
    if not has_invisible:
        return tree, json_ld
    for node in tree.css(_INVISIBLE_SELECTOR):
        if (
            node.tag == "script"
            and len(json_ld) < MAX_JSON_LD
            and "ld+json" in (node.attrs.get("type") or "").lower()
        ):
            json_ld.append((node.text(deep=True) or "")[:MAX_JSON_LD_CHARS])
        node.decompose()
    return tree, json_ld


def visible_text(tree: LexborHTMLParser) -> str:
    """One line per text node, spaces collapsed, empty lines dropped."""
    root = tree.body or tree.root
    if root is None:
        return ""
    # Whitespace-only nodes would only become empty lines, and every line is stripped
    # below: Lexbor need not strip each text node too.
    raw = root.text(separator="\n", skip_empty=True)
    # C-level split/strip/filter: per-match regex substitution was the slowest part here.
    text = "\n".join(filter(None, map(str.strip, raw.split("\n"))))
    # Only these trigger the collapse (a lone U+202F stays, as it always has).
    if "  " in text or "\t" in text or "\u00a0" in text or "\r" in text:
        text = collapse_inline_spaces(text)
    return text


def collapse_inline_spaces(text: str) -> str:
    """Runs of spaces, tabs and no-break spaces to one space (newlines kept).

    Same result as `re.sub(r"[ \\t\\r\\f\\v\\u00a0\\u202f]+", " ", text)`, but with C-level replace calls: the
    regex tried every character of a 30 KB page and cost about 1 ms where it ran.
    """
    for ch in _INLINE_SPACE_CHARS:
        if ch in text:
            text = text.replace(ch, " ")
    while "  " in text:
        text = text.replace("  ", " ")
    return text


def page_title(tree: LexborHTMLParser) -> str:
    node = tree.css_first("title")
    if node is not None:
        t = normalise_space(node.text())
        if t:
            return t[:1000]
    h = tree.css_first("h1")
    return normalise_space(h.text())[:1000] if h is not None else ""


def page_lang(tree: LexborHTMLParser) -> str | None:
    node = tree.css_first("html")
    lang = (node.attrs.get("lang") or "").strip() if node is not None else ""
    return lang[:20] or None


_SKIP_HREF = ("javascript:", "data:", "mailto:", "#")


def page_links(tree: LexborHTMLParser, base_url: str) -> list[str]:
    """The page's link targets, absolute, deduplicated in page order, at most MAX_LINKS."""
    # urljoin costs about 70 us a call; most hrefs are absolute or root-relative, and those
    # join by string concatenation. A market page has hundreds of menu links, so the
    # common cases are comprehensions rather than a loop with several calls per link.
    try:
        parts = urlsplit(base_url) if base_url else None
    except ValueError:
        parts = None
    origin = f"{parts.scheme}://{parts.netloc}" if parts and parts.scheme and parts.netloc \
        else None
    # The selector guarantees the attribute, so index it (a third cheaper than .get()).
    hrefs = [h for h in (((a.attrs["href"] or "").strip())
                         for a in tree.css("a[href]")) if h and not h.startswith(_SKIP_HREF)]
    # First occurrences in page order (dict keys); None marks an href that is no URL.
    links: dict[str | None, None] = {}
    for start in range(0, len(hrefs), MAX_LINKS):
        chunk = hrefs[start:start + MAX_LINKS]
        if origin:
            links.update(dict.fromkeys(
                [origin + h if h[0] == "/" and h[1:2] != "/" else _absolute(h, base_url)
                 for h in chunk]))
        else:
            links.update(dict.fromkeys([_absolute(h, base_url) for h in chunk]))
        if len(links) > MAX_LINKS:
            break
    return [u for u in links if u is not None][:MAX_LINKS]


def _absolute(href: str, base_url: str) -> str | None:
    if href.startswith(("http://", "https://")):
        return href
    try:
        url = urljoin(base_url, href) if base_url else href
        urlsplit(url)
    except ValueError:
        return None
    return url


def site_of(url: str) -> str:
    """The site a URL belongs to: its host without www., or 'local' for file URLs."""
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        host = ""
    if host.startswith("www."):
        host = host[4:]
    return host or "local"
