"""Site profiles: one TOML data file per site family, read into frozen objects.

A profile says which pages belong to the site (`[match]`), what kind each page is
(`[[kind]]` rules on URL, title and CSS markers) and, for each record type, where each
field is (`[[records]]` with CSS selectors, XPaths or table labels, plus light
post-processing: a regex, a type, a date format, a default currency). See
src/veille/parse/profiles/README.md for the format. Adding a market is adding a file.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from veille.records import Feedback, Listing, Post, Vendor

BUILTIN_DIR = Path(__file__).parent / "profiles"
FIELD_TYPES = frozenset(
    "text multiline int number price date list pgp count stars url".split()
)
RECORD_CLASSES = {"listing": Listing, "vendor": Vendor, "feedback": Feedback, "post": Post}
PAGE_KINDS = frozenset({"listing", "vendor", "search", "category", "forum", "other"})


class ProfileError(ValueError):
    """A profile file that cannot be used; the message names the file and the key."""


@dataclass(frozen=True, slots=True)
class FieldSpec:
    name: str
    css: str | None = None
    xpath: str | None = None
    label: str | None = None  # regex matched against table / definition-list labels
    attr: str | None = None
    source: str | None = None  # "url" or "title": read the document URL or page title
    value: str | None = None  # a constant
    all: bool = False
    regex: str | None = None
    type: str = "text"
    split: str | None = None
    date_format: str | None = None
    currency: str | None = None
    char: str = "★"
    page: bool = False  # select from the whole page, not from the record's scope
    required: bool = False
    # Further specs for the same field (a TOML list): their values are appended for lists
    # and prices, or tried in turn for single values.
    more: tuple[FieldSpec, ...] = ()
    # Derived at load time, not a profile key: a single-valued field read by one CSS
    # selector, whose value comes from the first matching node that yields a string.
    first_only: bool = False
    # ...and read as the node's text or one attribute (no regex, split or PGP handling).
    plain_first: bool = False

    def describe(self) -> str:
        parts = []
        if self.label:
            parts.append(f"label~{self.label!r}")
        if self.css:
            parts.append(f"css {self.css!r}")
        if self.xpath:
            parts.append(f"xpath {self.xpath!r}")
        if self.source:
            parts.append(f"source {self.source}")
        if self.value is not None:
            parts.append(f"value {self.value!r}")
        return " ".join(parts) or "(nothing)"


@dataclass(frozen=True, slots=True)
class RecordSpec:
    type: str
    kinds: tuple[str, ...]
    fields: tuple[FieldSpec, ...]
    each: str | None = None
    each_xpath: str | None = None
    skip_without: tuple[str, ...] = ()  # drop a scoped record lacking any of these fields
    # Derived at load time so that building a record does no per-field lookups:
    # whether each field counts towards confidence (read from the scope, not constant),
    # and whether it is a field of the record class (else it goes to `extra`).
    declared: tuple[bool, ...] = ()
    on_record: tuple[bool, ...] = ()
    # The record field's kind for each field ("list", "int", "float", "str", "other").
    coerce: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class KindRule:
    kind: str
    url: re.Pattern[str] | None = None
    title: re.Pattern[str] | None = None
    css: str | None = None


@dataclass(frozen=True, slots=True)
class Profile:
    name: str
    site: str
    path: str
    description: str = ""
    default_currency: str | None = None
    dayfirst: bool = True
    decimal: str | None = None  # "," or "."; None: from the page's lang attribute
    match_url: tuple[re.Pattern[str], ...] = ()
    match_title: tuple[re.Pattern[str], ...] = ()
    match_css: tuple[str, ...] = ()
    kinds: tuple[KindRule, ...] = ()
    records: tuple[RecordSpec, ...] = field(default_factory=tuple)

    @property
    def uses_xpath(self) -> bool:
        return any(r.each_xpath or any(f.xpath for f in r.fields) for r in self.records)


def _regex(path: str, key: str, pattern: Any) -> re.Pattern[str]:
    if not isinstance(pattern, str):
        raise ProfileError(f"{path}: {key} must be a string regex, got {pattern!r}")
    try:
        return re.compile(pattern, re.IGNORECASE)
    except re.error as exc:
        raise ProfileError(f"{path}: {key}: bad regex {pattern!r}: {exc}") from None


def _strings(path: str, key: str, value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise ProfileError(f"{path}: {key} must be a string or a list of strings")


def _check_css(path: str, key: str, selector: str) -> None:
    from selectolax.lexbor import LexborHTMLParser

    try:
        LexborHTMLParser("<p></p>").css(selector)
    except Exception as exc:  # selectolax raises ValueError or its own errors
        raise ProfileError(f"{path}: {key}: bad CSS selector {selector!r}: {exc}") from None


def _check_xpath(path: str, key: str, expr: str) -> None:
    from lxml import etree

    try:
        etree.XPath(expr)
    except etree.XPathSyntaxError as exc:
        raise ProfileError(f"{path}: {key}: bad XPath {expr!r}: {exc}") from None


_FIELD_KEYS = set(FieldSpec.__dataclass_fields__) - {"name", "more", "first_only",
                                                     "plain_first"}
SINGLE_TYPES = frozenset({"text", "multiline", "int", "number", "date", "url"})


def field_kind(cls: type, name: str) -> str:
    """The record field's kind: list, int, float, str or other."""
    ann = str(cls.__dataclass_fields__[name].type) if name in cls.__dataclass_fields__ else ""
    for kind in ("list", "int", "float", "str"):
        if ann.startswith(kind):
            return kind
    return "other"


def _field(path: str, rtype: str, name: str, raw: Any) -> FieldSpec:
    where = f"records[{rtype}].fields.{name}"
    if isinstance(raw, list) and raw:
        first = _field(path, rtype, name, raw[0])
        rest = tuple(_field(path, rtype, name, r) for r in raw[1:])
        return FieldSpec(**{**{k: getattr(first, k) for k in FieldSpec.__dataclass_fields__},
                            "more": rest})
    if isinstance(raw, str):
        raw = {"css": raw}
    if not isinstance(raw, dict):
        raise ProfileError(f"{path}: {where} must be a table or a CSS selector string")
    unknown = set(raw) - _FIELD_KEYS
    if unknown:
        raise ProfileError(f"{path}: {where}: unknown keys {sorted(unknown)}")
    spec = FieldSpec(name=name, **raw)
    if spec.type not in FIELD_TYPES:
        raise ProfileError(f"{path}: {where}: type {spec.type!r} not in {sorted(FIELD_TYPES)}")
    if not (spec.css or spec.xpath or spec.label or spec.source or spec.attr
            or spec.value is not None):
        raise ProfileError(f"{path}: {where}: needs css, xpath, label, attr, source or value")
    if spec.source not in (None, "url", "title"):
        raise ProfileError(f"{path}: {where}: source must be 'url' or 'title'")
    if spec.css:
        _check_css(path, where, spec.css)
    if spec.xpath:
        _check_xpath(path, where, spec.xpath)
    if spec.regex:
        _regex(path, where + ".regex", spec.regex)
    if spec.label:
        _regex(path, where + ".label", spec.label)
    cls = RECORD_CLASSES[rtype]
    if name not in cls.__dataclass_fields__ and "extra" not in cls.__dataclass_fields__:
        raise ProfileError(f"{path}: {where}: {rtype} records have no field {name!r}")
    first_only = (spec.type in SINGLE_TYPES and not spec.all and bool(spec.css)
                  and not spec.label and not spec.xpath and spec.value is None
                  and not spec.source)
    if not first_only:
        return spec
    plain = not spec.regex and not spec.split and spec.type != "pgp"
    return replace(spec, first_only=True, plain_first=plain)


def profile_from_dict(data: dict[str, Any], path: str) -> Profile:
    name = data.get("name")
    if not isinstance(name, str) or not re.fullmatch(r"[a-z0-9][a-z0-9_.-]*", name):
        raise ProfileError(f"{path}: 'name' must be a lower-case identifier")
    match = data.get("match") or {}
    kinds = []
    for i, k in enumerate(data.get("kind") or []):
        kind = k.get("kind")
        if kind not in PAGE_KINDS:
            raise ProfileError(f"{path}: kind[{i}].kind must be one of {sorted(PAGE_KINDS)}")
        if k.get("css"):
            _check_css(path, f"kind[{i}].css", k["css"])
        kinds.append(KindRule(
            kind=kind,
            url=_regex(path, f"kind[{i}].url", k["url"]) if k.get("url") else None,
            title=_regex(path, f"kind[{i}].title", k["title"]) if k.get("title") else None,
            css=k.get("css"),
        ))
    records = []
    for i, r in enumerate(data.get("records") or []):
        rtype = r.get("type")
        if rtype not in RECORD_CLASSES:
            raise ProfileError(f"{path}: records[{i}].type must be one of {sorted(RECORD_CLASSES)}")
        if r.get("each"):
            _check_css(path, f"records[{i}].each", r["each"])
        if r.get("each_xpath"):
            _check_xpath(path, f"records[{i}].each_xpath", r["each_xpath"])
        fields = tuple(_field(path, rtype, n, f) for n, f in (r.get("fields") or {}).items())
        if r.get("each_xpath") and any(f.css and not f.page for f in fields):
            raise ProfileError(f"{path}: records[{i}]: with each_xpath, fields use xpath")
        cls = RECORD_CLASSES[rtype]
        records.append(RecordSpec(
            type=rtype,
            kinds=_strings(path, f"records[{i}].kinds", r.get("kinds")) or ("listing",),
            fields=fields,
            each=r.get("each"),
            each_xpath=r.get("each_xpath"),
            skip_without=_strings(path, f"records[{i}].skip_without", r.get("skip_without")),
            declared=tuple(not f.page and f.value is None for f in fields),
            on_record=tuple(f.name in cls.__dataclass_fields__ and f.name != "extra"
                            for f in fields),
            coerce=tuple(field_kind(cls, f.name) for f in fields),
        ))
    return Profile(
        name=name,
        site=str(data.get("site") or name),
        path=path,
        description=str(data.get("description", "")),
        default_currency=data.get("default_currency"),
        dayfirst=bool(data.get("dayfirst", True)),
        decimal=_decimal(path, data.get("decimal")),
        match_url=tuple(_regex(path, "match.url", p) for p in _strings(path, "match.url",
                                                                         match.get("url"))),
        match_title=tuple(_regex(path, "match.title", p)
                          for p in _strings(path, "match.title", match.get("title"))),
        match_css=_strings(path, "match.css", match.get("css")),
        kinds=tuple(kinds),
        records=tuple(records),
    )


def _decimal(path: str, value: Any) -> str | None:
    if value not in (None, ",", "."):
        raise ProfileError(f"{path}: decimal must be \",\" or \".\"")
    return value


def load_profile(path: Path | str) -> Profile:
    p = Path(path)
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ProfileError(f"{p}: cannot read profile: {exc}") from None
    return profile_from_dict(data, str(p))


@lru_cache(maxsize=32)
def load_profile_dir_checked(directory: str) -> tuple[tuple[Profile, ...], tuple[str, ...]]:
    """Every usable *.toml profile of a directory, sorted by file name, and the errors of
    the unusable ones (cached: profiles are data files, read once per process)."""
    profiles: list[Profile] = []
    errors: list[str] = []
    for p in sorted(Path(directory).glob("*.toml")):
        try:
            profiles.append(load_profile(p))
        except ProfileError as exc:
            errors.append(str(exc))
    return tuple(profiles), tuple(errors)


def load_profile_dir(directory: str) -> tuple[Profile, ...]:
    return load_profile_dir_checked(directory)[0]


def builtin_profiles() -> tuple[Profile, ...]:
    return load_profile_dir(str(BUILTIN_DIR))


def find_profile(name_or_path: str, extra_dirs: tuple[str, ...] = ()) -> Profile:
    p = Path(name_or_path)
    if p.suffix == ".toml" and p.exists():
        return load_profile(p)
    for d in (*extra_dirs, str(BUILTIN_DIR)):
        for prof in load_profile_dir(d):
            if prof.name == name_or_path:
                return prof
    known = ", ".join(sorted(pr.name for pr in builtin_profiles()))
    raise ProfileError(f"no profile named {name_or_path!r} (built in: {known})")
