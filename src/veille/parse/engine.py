"""Apply a site profile to a parsed page: page kind, then records field by field.

Every field is looked up independently: a selector that finds nothing or fails leaves that
field empty with a warning on the record, and the other fields and records still come out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from typing import Any
from urllib.parse import urljoin

from selectolax.lexbor import LexborHTMLParser, LexborNode

from veille.parse.accounts import claimed_accounts
from veille.parse.profile import (
    RECORD_CLASSES,
    SINGLE_TYPES,
    FieldSpec,
    Profile,
    RecordSpec,
    field_kind,
)
from veille.parse.values import decimal_for_lang, find_prices, parse_date, parse_number
from veille.records import Price, Record

MAX_RECORDS_PER_SPEC = 2000
MAX_FIELD_VALUES = 200
_PGP = re.compile(
    r"-----BEGIN PGP (PUBLIC KEY BLOCK|SIGNATURE|MESSAGE)-----.*?-----END PGP \1-----", re.S
)
_ARMOR_HEADER = re.compile(r"^[A-Za-z][A-Za-z-]*: ")
_WS = re.compile(r"\s+")
_SINGLE_TYPES = SINGLE_TYPES


@dataclass(slots=True)
class PageContext:
    """What field lookups may read: the tree, the document URL and capture time."""

    tree: LexborHTMLParser
    html: str
    url: str
    title: str
    captured_at: datetime
    lang: str | None = None  # the page's <html lang>, for number formats
    text: str | None = None  # the page's visible text, when already computed
    _lxml: Any = None
    _labels: dict[int, list[tuple[str, Any]]] = field(default_factory=dict)
    # Page-level fields repeated in every scoped record (the vendor on each feedback) are
    # read once per page.
    _page_fields: dict[int, FieldResult] = field(default_factory=dict)
    _decimal: str | None = "?"
    # The document node, made once: whole-page selections are cached by selector, since
    # several specs of a profile read the same one (and each is a walk of the whole tree).
    _root: Any = None
    _root_css: dict[str, Any] = field(default_factory=dict)
    _dates: dict[tuple[str, str | None, bool], tuple[str, str] | None] = field(
        default_factory=dict)

    def root(self) -> Any:
        if self._root is None:
            self._root = self.tree.root
        return self._root

    def css_on_root(self, selector: str) -> list[Any]:
        """`tree.root.css(selector)`, once per page and selector (callers never modify it)."""
        found = self._root_css.get(selector)
        if found is None:
            root = self.root()
            found = root.css(selector) if root is not None else []
            self._root_css[selector] = found
        return found

    def css_first_on_root(self, selector: str) -> Any:
        key = "\0first\0" + selector
        if key in self._root_css:
            return self._root_css[key]
        full = self._root_css.get(selector)
        if full is not None:
            found = full[0] if full else None
        else:
            root = self.root()
            found = root.css_first(selector) if root is not None else None
        self._root_css[key] = found
        return found

    def date(self, text: str, fmt: str | None, dayfirst: bool) -> tuple[str, str] | None:
        """`parse_date` against the capture time, once per distinct text on the page (a
        page of reviews repeats "2 months ago" and the like)."""
        key = (text, fmt, dayfirst)
        if key in self._dates:
            return self._dates[key]
        found = self._dates[key] = parse_date(text, self.captured_at, fmt, dayfirst)
        return found

    def decimal(self) -> str | None:
        if self._decimal == "?":
            self._decimal = decimal_for_lang(self.lang)
        return self._decimal

    def lxml_root(self) -> Any:
        if self._lxml is None:
            import lxml.html

            try:
                self._lxml = lxml.html.fromstring(self.html or "<html></html>")
            except (ValueError, Exception):  # lxml raises ParserError on empty documents
                self._lxml = lxml.html.fromstring("<html></html>")
        return self._lxml


@dataclass(slots=True)
class FieldResult:
    name: str
    value: Any
    found: bool
    error: str | None = None
    precision: str | None = None


def kind_of_page(profile: Profile, ctx: PageContext) -> str:
    for rule in profile.kinds:
        if rule.url is not None and not rule.url.search(ctx.url or ""):
            continue
        if rule.title is not None and not rule.title.search(ctx.title):
            continue
        if rule.css:
            try:
                if ctx.tree.css_first(rule.css) is None:
                    continue
            except Exception:
                continue
        return rule.kind
    return "other"


def profile_matches(profile: Profile, ctx: PageContext, site_hint: str | None) -> bool:
    if site_hint and site_hint in (profile.name, profile.site):
        return True
    if any(p.search(ctx.url or "") for p in profile.match_url):
        return True
    if any(p.search(ctx.title) for p in profile.match_title):
        return True
    for sel in profile.match_css:
        try:
            if ctx.tree.css_first(sel) is not None:
                return True
        except Exception:
            continue
    return False


def _matches_without_css(profile: Profile, ctx: PageContext, site_hint: str | None) -> bool:
    if site_hint and site_hint in (profile.name, profile.site):
        return True
    if any(p.search(ctx.url or "") for p in profile.match_url):
        return True
    return any(p.search(ctx.title) for p in profile.match_title)


def first_matching_profile(
    profiles: tuple[Profile, ...], ctx: PageContext, site_hint: str | None
) -> Profile | None:
    """The first profile that `profile_matches` the page, in order.

    CSS markers are each a walk of the whole tree, and a page that matches no earlier
    profile misses all of their markers: so the URL and title rules are read first, and the
    markers of the profiles before the first such match are tried as one grouped
    selector. Only when that finds something are they tried one by one, as before.
    """
    first = next((i for i, p in enumerate(profiles) if _matches_without_css(p, ctx, site_hint)),
                 len(profiles))
    earlier = [sel for p in profiles[:first] for sel in p.match_css]
    if earlier:
        try:
            hit = ctx.tree.css_first(", ".join(earlier)) is not None
        except Exception:  # one bad marker: the one-by-one loop skips just that one
            hit = True
        if hit:
            for p in profiles[:first]:
                if profile_matches(p, ctx, site_hint):
                    return p
    return profiles[first] if first < len(profiles) else None


# --- field lookups -------------------------------------------------------------------------


def _text(node: Any, multiline: bool) -> str:
    if isinstance(node, str):
        raw = node
    elif isinstance(node, LexborNode):
        if multiline:
            return multiline_text(node)
        raw = node.text(deep=True, separator=" ", strip=False)
    else:  # an lxml element
        raw = node.text_content()
    if multiline:
        # One line per text line: <br> and block boundaries both end a line.
        return "\n".join(ln for ln in (" ".join(x.split()) for x in raw.split("\n")) if ln)
    return " ".join(raw.split())


_BLOCK_TAGS = frozenset(
    "br p div li tr dt dd h1 h2 h3 h4 h5 h6 pre blockquote table ul ol section article "
    "header footer hr".split()
)


def multiline_text(node: LexborNode, limit: int = 200_000) -> str:
    """Text as a browser lays it out: source whitespace collapsed, a line break at <br>
    and at block elements."""
    if next(node.iter(include_text=False), None) is None:
        # Only text inside (the usual review or cell): no line structure to keep.
        return " ".join((node.text(deep=True) or "").split())
    parts: list[str] = []
    size = 0
    for n in node.traverse(include_text=True):
        if n.tag == "-text":
            # Source line breaks are only whitespace in HTML.
            t = _WS.sub(" ", n.text_content or "")
            parts.append(t)
            size += len(t)
            if size > limit:
                break
        elif n.tag in _BLOCK_TAGS:
            parts.append("\n")
    lines = (" ".join(ln.split()) for ln in "".join(parts).split("\n"))
    return "\n".join(ln for ln in lines if ln)


def _label_pairs(scope: Any, ctx: PageContext) -> list[tuple[str, Any]]:
    """(label, value node) pairs from two-cell table rows and definition lists in scope."""
    key = id(scope)
    cached = ctx._labels.get(key)
    if cached is not None:
        return cached
    pairs: list[tuple[str, Any]] = []
    for tr in scope.css("tr"):
        cells = [c for c in tr.iter() if c.tag in ("td", "th")]
        if len(cells) >= 2:
            pairs.append((_label_text(cells[0]), cells[1]))
    for dt in scope.css("dt"):
        dd = dt.next
        while dd is not None and dd.tag != "dd":
            dd = dd.next
        if dd is not None:
            pairs.append((_label_text(dt), dd))
    ctx._labels[key] = pairs
    return pairs


def _label_text(node: LexborNode) -> str:
    return " ".join(node.text(deep=True, separator=" ").split()).strip(" :").lower()


def _select(spec: FieldSpec, scope: Any, ctx: PageContext) -> list[Any]:
    """The nodes (or strings) a field spec points at, in document order."""
    if spec.value is not None:
        return [spec.value]
    if spec.source == "url":
        return [ctx.url]
    if spec.source == "title":
        return [ctx.title]
    if spec.page:
        scope = ctx.lxml_root() if spec.xpath else ctx.root()
    if scope is None:
        return []
    if spec.css and not spec.label and not spec.xpath:
        # The usual field: one CSS selector on the record's scope.
        if scope is ctx._root:
            return ctx.css_on_root(spec.css)[:MAX_FIELD_VALUES]
        return scope.css(spec.css)[:MAX_FIELD_VALUES]
    nodes: list[Any] = [scope]
    if spec.label:
        pat = _label_regex(spec.label)
        nodes = [v for lab, v in _label_pairs(scope, ctx) if pat.fullmatch(lab)]
    if spec.css:
        nodes = nodes[0].css(spec.css) if len(nodes) == 1 else [
            m for n in nodes for m in n.css(spec.css)]
    if spec.xpath:
        found: list[Any] = []
        for n in nodes if not isinstance(scope, LexborNode) else [ctx.lxml_root()]:
            res = n.xpath(spec.xpath)
            found.extend(res if isinstance(res, list) else [res])
        nodes = found
    return nodes[:MAX_FIELD_VALUES]


@lru_cache(maxsize=1024)
def _label_regex(pattern: str) -> re.Pattern[str]:
    # Profiles are data: their patterns are compiled once per process, not per page.
    return re.compile(pattern, re.IGNORECASE)


@lru_cache(maxsize=1024)
def _value_regex(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE | re.S)


def _strings(spec: FieldSpec, nodes: list[Any], ctx: PageContext) -> list[str]:
    if not nodes:
        return []
    multiline = spec.type == "multiline"
    # Single-valued fields stop at the first non-empty value instead of reading every node.
    first_only = not spec.all and spec.type in _SINGLE_TYPES
    if not spec.attr and not spec.regex and not spec.split and spec.type != "pgp":
        # The usual field, the node's text: the loop below without its per-node checks.
        if first_only:
            for n in nodes:
                s = _text(n, multiline)
                if s:
                    return [s]
            return []
        return [s for s in (_text(n, multiline) for n in nodes) if s]
    out: list[str] = []
    for n in nodes:
        if spec.attr and not isinstance(n, str):
            v = n.attrs.get(spec.attr) if isinstance(n, LexborNode) else n.get(spec.attr)
            s = (v or "").strip()
        elif spec.type == "pgp" and isinstance(n, LexborNode):
            # Armour lines matter: keep <pre>/<textarea> newlines and break at <br>.
            s = n.text(deep=True, separator="\n", strip=False)
        else:
            s = _text(n, multiline)
        if spec.regex:
            m = _value_regex(spec.regex).search(s)
            if not m:
                continue
            s = m.group("v") if "v" in m.re.groupindex else m.group(1) if m.re.groups else m.group(0)
            s = (s or "").strip()
        if spec.split:
            out.extend(p.strip() for p in s.split(spec.split) if p.strip())
        elif s:
            out.append(s)
        if out and first_only:
            break
    return out


def normalise_pgp(text: str) -> str | None:
    """A PGP armour block with one line per armour line, whatever the HTML did to it."""
    m = _PGP.search(text)
    if not m:
        return None
    lines = [ln.strip() for ln in m.group(0).replace("\r", "\n").split("\n") if ln.strip()]
    head, body = [lines[0]], []
    i = 1
    while i < len(lines) - 1 and _ARMOR_HEADER.match(lines[i]):
        head.append(lines[i])
        i += 1
    body = lines[i:-1]
    return "\n".join([*head, "", *body, lines[-1]])


def evaluate_field(spec: FieldSpec, scope: Any, ctx: PageContext, profile: Profile) -> FieldResult:
    if spec.page or spec.source or spec.value is not None:
        # Results are never modified after this point, so the cached one is shared.
        cached = ctx._page_fields.get(id(spec))
        if cached is None:
            cached = _evaluate_with_alternatives(spec, scope, ctx, profile)
            ctx._page_fields[id(spec)] = cached
        return cached
    if spec.more:
        return _evaluate_with_alternatives(spec, scope, ctx, profile)
    if spec.plain_first and scope is not None:
        # Most fields of most records: the text of the first node one CSS selector finds
        # in the record's scope. Anything unusual (no text there, a failing selector)
        # goes the general way below, which gives the same result.
        try:
            first = ctx.css_first_on_root(spec.css) if scope is ctx._root \
                else scope.css_first(spec.css)
        except Exception:
            return _evaluate_one(spec, scope, ctx, profile)
        if first is None:
            return FieldResult(spec.name, None, False)
        if type(first) is LexborNode:
            t = spec.type
            if spec.attr:
                s = (first.attrs.get(spec.attr) or "").strip()
            elif t == "multiline":
                s = multiline_text(first)
            else:
                s = " ".join(first.text(deep=True, separator=" ", strip=False).split())
            if s:
                if t == "text" or t == "multiline":
                    return FieldResult(spec.name, s, True)
                return _typed_value(spec, [s], ctx, profile)
    return _evaluate_one(spec, scope, ctx, profile)


def _evaluate_with_alternatives(
    spec: FieldSpec, scope: Any, ctx: PageContext, profile: Profile
) -> FieldResult:
    res = _evaluate_one(spec, scope, ctx, profile)
    for alt in spec.more:
        other = _evaluate_one(alt, scope, ctx, profile)
        if not other.found:
            continue
        if res.found and isinstance(res.value, list) and isinstance(other.value, list):
            res.value = res.value + [v for v in other.value if v not in res.value]
        elif not res.found:
            res = other
    return res


def _evaluate_one(spec: FieldSpec, scope: Any, ctx: PageContext, profile: Profile) -> FieldResult:
    if spec.first_only:
        # css_first stops at the first match instead of walking the rest of the scope (for
        # a page-wide field, the rest of the page). Only when that node yields no string
        # are the other matches read, so the value is the one `_select` + `_strings` give.
        try:
            # The first node `_select` would return; inline, as it runs for most fields.
            if spec.page:
                scope = ctx.root()
            if scope is None:
                first = None
            elif scope is ctx._root:
                first = ctx.css_first_on_root(spec.css)  # type: ignore[arg-type]
            else:
                first = scope.css_first(spec.css)
        except Exception as exc:  # a selector that the engine rejects at run time
            return FieldResult(spec.name, None, False, f"selector failed: {exc}")
        if first is None:
            return FieldResult(spec.name, None, False)
        if type(first) is LexborNode and not spec.attr and not spec.regex \
                and not spec.split and spec.type != "pgp":
            # The node's text, as `_strings` reads it, without its per-node checks.
            if spec.type == "multiline":
                s = multiline_text(first)
            else:
                s = " ".join(first.text(deep=True, separator=" ", strip=False).split())
            texts = [s] if s else []
        else:
            texts = _strings(spec, [first], ctx)
        if not texts:
            try:
                rest = _select(spec, scope, ctx)[1:]
            except Exception as exc:
                return FieldResult(spec.name, None, False, f"selector failed: {exc}")
            texts = _strings(spec, rest, ctx)
    else:
        try:
            nodes = _select(spec, scope, ctx)
        except Exception as exc:
            return FieldResult(spec.name, None, False, f"selector failed: {exc}")
        if spec.type == "count":
            return FieldResult(spec.name, len(nodes), bool(nodes))
        texts = _strings(spec, nodes, ctx)
    if not texts:
        return FieldResult(spec.name, None, False)
    return _typed_value(spec, texts, ctx, profile)


def _typed_value(spec: FieldSpec, texts: list[str], ctx: PageContext,
                 profile: Profile) -> FieldResult:
    """The field's value from its non-empty strings, by the field's type."""
    t = spec.type
    value: Any
    precision = None
    if t == "text" or t == "multiline":
        # The usual case first; the chain below gives the same for these two types.
        value = texts if spec.all else texts[0]
        return FieldResult(spec.name, value, True)
    decimal = profile.decimal or ctx.decimal()
    if t == "price":
        value = []
        for s in texts:
            value.extend(find_prices(s, spec.currency or profile.default_currency, decimal))
        value = value or None
    elif t == "pgp":
        value = normalise_pgp("\n".join(texts))
    elif t == "int":
        n = parse_number(texts[0], decimal)
        value = int(n) if n is not None else None
    elif t == "number":
        value = parse_number(texts[0], decimal)
    elif t == "stars":
        value = float(sum(s.count(spec.char) for s in texts))
    elif t == "date":
        d = ctx.date(texts[0], spec.date_format, profile.dayfirst)
        value, precision = (d if d else (None, None))
    elif t == "url":
        value = urljoin(ctx.url, texts[0]) if ctx.url else texts[0]
    elif t == "list":
        value = list(dict.fromkeys(texts))
    elif spec.all:
        value = texts
    else:
        value = texts[0] if t == "text" else texts[0]
    if value is None or value == []:
        return FieldResult(spec.name, None, False, f"could not read {t} from {texts[0][:60]!r}")
    return FieldResult(spec.name, value, True, precision=precision)


# --- records -------------------------------------------------------------------------------


@lru_cache(maxsize=256)
def _annotation(cls: type[Record], name: str) -> str:
    return field_kind(cls, name)


def _coerce(cls: type[Record], name: str, value: Any, kind: str | None = None) -> Any:
    if kind is None:
        kind = _annotation(cls, name)
    if kind == "str" and type(value) is str:
        return value
    if kind == "list":
        return value if isinstance(value, list) else [value]
    if isinstance(value, list) and not (value and isinstance(value[0], Price)):
        value = ", ".join(str(v) for v in value)
    if kind == "int" and not isinstance(value, int):
        n = parse_number(str(value))
        return int(n) if n is not None else None
    if kind == "float" and not isinstance(value, (float, int)):
        return parse_number(str(value))
    if kind == "str" and not isinstance(value, str):
        return str(value)
    return value


def build_record(
    spec: RecordSpec, scope: Any, ctx: PageContext, profile: Profile, capture_id: str,
    index: int,
) -> tuple[Record | None, list[FieldResult]]:
    cls = RECORD_CLASSES[spec.type]
    results = [evaluate_field(f, scope, ctx, profile) for f in spec.fields]
    if spec.skip_without:
        by_name = {r.name: r for r in results}
        if any(not by_name[n].found for n in spec.skip_without if n in by_name):
            return None, results
    if spec.each:
        for r, d in zip(results, spec.declared, strict=True):
            if d and r.found:
                break
        else:  # a block with none of the record's own fields
            return None, results
    values: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    warnings: list[str] = []
    declared = found = 0
    for f, r, is_declared, on_record, kind in zip(spec.fields, results, spec.declared,
                                                  spec.on_record, spec.coerce, strict=True):
        if is_declared:
            declared += 1
            found += r.found
        if not r.found:
            if r.error:
                warnings.append(f"{spec.type}.{f.name}: {r.error}")
            elif f.required:
                warnings.append(f"{spec.type}.{f.name}: {f.describe()} found nothing")
            continue
        if on_record:
            v = r.value
            try:
                values[f.name] = v if kind == "str" and type(v) is str \
                    else _coerce(cls, f.name, v, kind)
            except (TypeError, ValueError) as exc:
                warnings.append(f"{spec.type}.{f.name}: {exc}")
                continue
            if r.precision and f.name == "date" and spec.type == "feedback":
                values["date_precision"] = r.precision
        else:
            extra[f.name] = r.value
    if "index" in cls.__dataclass_fields__:
        values["index"] = index
    if not spec.each and not spec.each_xpath and "url" in cls.__dataclass_fields__ \
            and not values.get("url"):
        values["url"] = ctx.url
    if spec.type == "vendor" and not values.get("other_accounts") and values.get("profile_text"):
        values["other_accounts"] = claimed_accounts(values["profile_text"])
    if extra:
        values["extra"] = extra
    rec = cls(capture_id=capture_id, site=profile.site, source=f"profile:{profile.name}",
              confidence=round(0.5 + 0.5 * found / declared, 3) if declared else 0.9,
              warnings=warnings, **values)
    return rec, results


def scopes_of(spec: RecordSpec, ctx: PageContext) -> list[Any]:
    if spec.each_xpath:
        res = ctx.lxml_root().xpath(spec.each_xpath)
        return [r for r in (res if isinstance(res, list) else []) if hasattr(r, "xpath")]
    if spec.each:
        return ctx.tree.css(spec.each)
    return [ctx.root()]


def apply_profile(
    profile: Profile, ctx: PageContext, kind: str, capture_id: str
) -> tuple[list[Record], list[str], list[tuple[RecordSpec, int, list[FieldResult]]]]:
    """Records of every spec for this page kind, plus per-field results for `profiles test`."""
    records: list[Record] = []
    warnings: list[str] = []
    trace: list[tuple[RecordSpec, int, list[FieldResult]]] = []
    for spec in profile.records:
        if kind not in spec.kinds:
            continue
        try:
            scopes = scopes_of(spec, ctx)
        except Exception as exc:
            warnings.append(f"profile {profile.name}: {spec.type} scope failed: {exc}")
            continue
        if len(scopes) > MAX_RECORDS_PER_SPEC:
            warnings.append(f"profile {profile.name}: {len(scopes)} {spec.type} blocks; "
                            f"only the first {MAX_RECORDS_PER_SPEC} were read")
            scopes = scopes[:MAX_RECORDS_PER_SPEC]
        index = 0
        for scope in scopes:
            rec, results = build_record(spec, scope, ctx, profile, capture_id, index)
            trace.append((spec, index, results))
            if rec is not None:
                records.append(rec)
                index += 1
    return records, warnings, trace
