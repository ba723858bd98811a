"""Generic fallback for pages no profile describes.

It reads a listing's title, prices, vendor, description, ships from/to and category from
whatever the page offers, strongest signal first: schema.org JSON-LD, schema.org microdata,
OpenGraph, label/value pairs (tables, definition lists, "Label: value") in French, English,
German and Spanish, then heading and price patterns and the main text block. Each field
remembers which signal gave it; the record's confidence is the mean strength of those.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from selectolax.lexbor import LexborHTMLParser, LexborNode

from veille.parse.engine import PageContext, normalise_pgp
from veille.parse.html import normalise_space
from veille.parse.values import (
    decimal_for_lang,
    find_prices,
    iter_price_matches,
    normalise_currency,
    parse_date,
    parse_number,
)
from veille.records import Listing, Price, Record, Vendor

# Strength of each signal, used as the confidence of the fields it gives.
WEIGHTS = {"json-ld": 0.95, "microdata": 0.9, "opengraph": 0.8, "label": 0.8,
           "price-class": 0.65, "heading": 0.6, "link": 0.45, "text": 0.45, "main-block": 0.5,
           "breadcrumb": 0.7, "url": 0.5}

# Labels as pages write them, accents and case removed, to record fields.
_LABELS: dict[str, tuple[str, ...]] = {
    "prices": ("prix", "price", "preis", "precio", "tarif", "cout", "cost", "kosten", "costo",
               "prix unitaire", "unit price", "price (btc)", "price (usd)", "price (eur)",
               "montant", "betrag", "importe", "prix de vente", "verkaufspreis",
               "precio de venta", "our price", "sale price"),
    "vendor": ("vendeur", "vendor", "verkaufer", "vendedor", "annonceur", "sold by",
               "vendu par", "verkauft von", "vendido por", "seller", "anbieter", "handler",
               "marchand", "merchant", "offered by", "propose par", "angeboten von",
               "ofrecido por", "boutique", "shop", "store", "tienda", "anunciante",
               "inserent", "posted by", "publie par", "publicado por", "eingestellt von"),
    "ships_from": ("ships from", "shipping from", "ship from", "expedie de", "expedie depuis",
                   "expedition depuis", "envoi depuis", "envoye de", "pays d'origine",
                   "origine", "origin", "versand aus", "versand von", "versendet aus",
                   "herkunft", "herkunftsland", "envio desde", "enviado desde", "envios desde",
                   "origen", "pais de origen", "location", "lieu", "standort", "ubicacion"),
    "ships_to": ("ships to", "shipping to", "ship to", "livraison", "livraison vers",
                 "livre vers", "expedie vers", "expedition vers", "destinations",
                 "destination", "versand nach", "lieferung nach", "liefert nach",
                 "versandziel", "envio a", "envios a", "enviamos a", "destino", "destinos"),
    "category_path": ("categorie", "category", "kategorie", "categoria", "rubrique",
                      "rubrik", "rubro", "section", "seccion"),
    "title": ("titre", "title", "titel", "titulo", "produit", "product", "produkt",
              "producto", "article", "artikel", "articulo", "nom", "name", "nombre"),
    "description": ("description", "beschreibung", "descripcion", "details", "detalles",
                    "produktbeschreibung", "descriptif"),
    "quantity": ("quantite", "quantity", "menge", "cantidad", "qty", "stock", "lager",
                 "poids", "weight", "gewicht", "peso"),
    "vendor_joined": ("membre depuis", "member since", "joined", "inscrit depuis",
                      "inscription", "mitglied seit", "registriert seit", "dabei seit",
                      "miembro desde", "registrado desde", "vendor since", "vendeur depuis",
                      "verkaufer seit", "vendedor desde", "vendor for", "registered"),
    "vendor_sales": ("ventes", "sales", "verkaufe", "verkaufte", "ventas", "transactions",
                     "orders", "commandes", "bestellungen", "pedidos", "deals", "vendus"),
    "vendor_rating": ("note", "rating", "bewertung", "valoracion", "puntuacion",
                      "avg rating", "note moyenne", "durchschnitt", "score", "feedback score"),
    "listed_since": ("listed since", "en ligne depuis", "publie le", "date de publication",
                     "eingestellt am", "online seit", "publicado el", "fecha de publicacion",
                     "listed", "date", "datum", "fecha", "added", "ajoute le"),
}
LABEL_TO_FIELD: dict[str, str] = {lab: f for f, labs in _LABELS.items() for lab in labs}
_LABEL_TAGS = "th, td, dt, b, strong, label, span, em"
_PRICE_CLASS = re.compile(r"price|prix|preis|precio|cost|amount|tarif", re.I)
_VENDOR_HREF = re.compile(
    r"/(?:vendor|vendors|seller|sellers|user|users|profile|vendeur|vendeurs|verkaeufer|"
    r"verkaufer|haendler|vendedor|vendedores|shop|boutique|u)/|[?&](?:vendor|seller|user|"
    r"v_id|uid)=", re.I)
_UNIT_QTY = re.compile(r"(\d+(?:[.,]\d+)?)\s?(kg|g|gr|mg|µg|ug|ml|l|oz|lb|pcs|pills?|tabs?|"
                       r"x|units?|st(?:ück|k)?|comprimés?|unités?|pastillas?|unidades)\b", re.I)
MAX_LABEL_NODES = 5000
_LETTER = re.compile(r"[^\W\d_]")
_BREADCRUMB = ('[class*="breadcrumb"] a, [id*="breadcrumb"] a, [aria-label*="breadcrumb"] a, '
               '[class*="crumb"] a, #fil a, [class*="pfad"] a, [class*="ariane"] a, '
               '[class*="migas"] a')
_HOME_WORDS = {"home", "accueil", "start", "startseite", "inicio", "index", "portada"}
_URL_KEY = re.compile(r"[?&](?:id|code|offer|item|product|listing|pid|ad)=([\w.-]{2,64})", re.I)
_PATH_KEY = re.compile(r"/([A-Za-z0-9][\w.-]{2,63})/?$")


def _key_from_url(url: str) -> str | None:
    """The listing's identifier as its URL shows it: ?id=..., or the last path segment."""
    m = _URL_KEY.search(url or "")
    if m:
        return m.group(1)
    path = (url or "").split("?", 1)[0].split("#", 1)[0]
    if path.startswith(("file:", "data:")):
        return None
    m = _PATH_KEY.search(path)
    if m and not re.search(r"\.(?:html?|php|aspx?)$", m.group(1)):
        return m.group(1)
    if m:
        return re.sub(r"\.(?:html?|php|aspx?)$", "", m.group(1)) or None
    return None


def _machine_number(text: str) -> float | None:
    """Numbers in content attributes, JSON-LD and OpenGraph use a dot for decimals
    ("1.555" is one and a half), unlike the same digits shown to people."""
    try:
        return float(text.strip())
    except ValueError:
        return parse_number(text)


def _fold(text: str) -> str:
    """Lower case without accents or trailing colons, for label matching."""
    if text.isascii():
        return " ".join(text.lower().split()).strip(" :-*")
    t = unicodedata.normalize("NFKD", text.lower())
    t = "".join(c for c in t if not unicodedata.combining(c))
    return " ".join(t.replace("\u00a0", " ").split()).strip(" :：-–—*")


@dataclass(slots=True)
class Found:
    values: dict[str, Any] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)
    decimal: str | None = None  # the page's decimal mark, from its language
    now: Any = None  # capture time, for relative dates
    text_prices: list[tuple[str, str, int, int]] | None = None

    def put(self, name: str, value: Any, source: str) -> None:
        if value in (None, "", []) or name in self.values:
            return
        self.values[name] = value
        self.sources[name] = source


# --- signals -------------------------------------------------------------------------------


def _walk_json(obj: Any, depth: int = 0) -> list[dict[str, Any]]:
    if depth > 8:
        return []
    if isinstance(obj, list):
        return [d for o in obj[:200] for d in _walk_json(o, depth + 1)]
    if isinstance(obj, dict):
        out = [obj]
        if "@graph" in obj:
            out += _walk_json(obj["@graph"], depth + 1)
        return out
    return []


def _types(obj: dict[str, Any]) -> set[str]:
    t = obj.get("@type")
    ts = t if isinstance(t, list) else [t]
    return {str(x).rsplit("/", 1)[-1].lower() for x in ts if x}


def _name_of(v: Any) -> str | None:
    if isinstance(v, dict):
        v = v.get("name")
    if isinstance(v, list):
        v = v[0] if v else None
    return str(v).strip() if isinstance(v, str | int | float) and str(v).strip() else None


def _offer_prices(offers: Any) -> list[Price]:
    out: list[Price] = []
    for o in (offers if isinstance(offers, list) else [offers])[:20]:
        if not isinstance(o, dict):
            continue
        cur = normalise_currency(str(o.get("priceCurrency") or "")) or None
        for key in ("price", "lowPrice"):
            if o.get(key) is not None:
                amount = _machine_number(str(o[key]))
                if amount is not None and cur:
                    out.append(Price(amount, cur))
                elif amount is not None:
                    out.extend(find_prices(str(o[key])))
                break
        spec = o.get("priceSpecification")
        if isinstance(spec, dict) and not out:
            out += _offer_prices({**spec, "@type": "Offer"})
    return out


def from_json_ld(blocks: list[str], found: Found, warnings: list[str]) -> None:
    for raw in blocks:
        try:
            data = json.loads(raw)
        except (ValueError, RecursionError) as exc:  # deeply nested JSON recurses
            warnings.append(f"fallback: unreadable JSON-LD block ({exc.__class__.__name__})")
            continue
        for obj in _walk_json(data):
            if not _types(obj) & {"product", "offer", "individualproduct", "productmodel"}:
                continue
            offers = obj.get("offers") if "offer" not in _types(obj) else obj
            found.put("title", _name_of(obj.get("name")), "json-ld")
            found.put("description", normalise_space(str(obj.get("description") or "")),
                      "json-ld")
            found.put("prices", _offer_prices(offers), "json-ld")
            seller = (offers.get("seller") if isinstance(offers, dict) else None) or \
                obj.get("seller") or obj.get("brand")
            found.put("vendor", _name_of(seller), "json-ld")
            cat = obj.get("category")
            if isinstance(cat, str):
                found.put("category_path", [c.strip() for c in re.split(r"\s*[>/]\s*", cat)
                                            if c.strip()], "json-ld")
            found.put("listing_key", _name_of(obj.get("sku") or obj.get("productID")), "json-ld")


def _prop(node: LexborNode) -> str:
    a = node.attributes
    return (a.get("content") or a.get("value") or node.text(deep=True, separator=" ")).strip()


def from_microdata(tree: LexborHTMLParser, found: Found) -> None:
    scope = tree.css_first('[itemtype*="schema.org/Product"], [itemtype*="schema.org/Offer"]')
    if scope is None:
        return
    name = scope.css_first('[itemprop="name"]')
    if name is not None:
        found.put("title", " ".join(_prop(name).split()), "microdata")
    price = scope.css_first('[itemprop="price"], [itemprop="lowPrice"]')
    cur = scope.css_first('[itemprop="priceCurrency"]')
    if price is not None:
        amount = (_machine_number(price.attributes["content"] or "")
                  if price.attrs.get("content") else parse_number(_prop(price)))
        code = normalise_currency(_prop(cur)) if cur is not None else None
        if amount is not None and code:
            found.put("prices", [Price(amount, code)], "microdata")
        else:
            found.put("prices", find_prices(_prop(price), decimal=found.decimal), "microdata")
    seller = scope.css_first('[itemprop="seller"] [itemprop="name"], [itemprop="seller"], '
                             '[itemprop="brand"] [itemprop="name"], [itemprop="brand"]')
    if seller is not None:
        found.put("vendor", " ".join(_prop(seller).split()), "microdata")
    desc = scope.css_first('[itemprop="description"]')
    if desc is not None:
        found.put("description", normalise_space(desc.text(separator="\n")), "microdata")
    sku = scope.css_first('[itemprop="sku"], [itemprop="productID"]')
    if sku is not None:
        found.put("listing_key", _prop(sku), "microdata")


def from_opengraph(tree: LexborHTMLParser, found: Found) -> None:
    meta: dict[str, str] = {}
    for m in tree.css("meta[property], meta[name]"):
        key = (m.attrs.get("property") or m.attrs.get("name") or "").lower()
        if key and key not in meta:
            meta[key] = (m.attrs.get("content") or "").strip()
    found.put("title", meta.get("og:title"), "opengraph")
    amount = meta.get("product:price:amount") or meta.get("og:price:amount")
    cur = meta.get("product:price:currency") or meta.get("og:price:currency")
    if amount:
        n = _machine_number(amount)
        code = normalise_currency(cur) if cur else None
        if n is not None and code:
            found.put("prices", [Price(n, code)], "opengraph")
    found.put("description", meta.get("og:description"), "opengraph")


def _value_after_label(node: LexborNode, label_text: str, fname: str = "") -> str:
    """The value next to a label node: the next cell, else the rest of its parent's text."""
    if node.tag in ("th", "td", "dt"):
        sib = node.next
        while sib is not None and sib.tag not in ("td", "dd", "th"):
            sib = sib.next
        if sib is None:
            return ""
        if fname == "vendor":
            # A vendor cell often adds a rating or badge after the name's link.
            link = sib.css_first("a")
            if link is not None and link.text(deep=True).strip():
                return " ".join(link.text(deep=True, separator=" ").split())
        return " ".join(sib.text(deep=True, separator=" ").split())
    parent = node.parent
    if parent is not None:
        ptext = " ".join(parent.text(deep=True, separator=" ").split())
        own = " ".join(node.text(deep=True, separator=" ").split())
        i = ptext.find(own)
        if i >= 0:
            rest = ptext[i + len(own):].strip(" :：-–—|")
            if rest and len(rest) < 500:
                return rest
    sib = node.next
    while sib is not None and sib.tag == "-text" and not (sib.text() or "").strip():
        sib = sib.next
    return " ".join(sib.text(deep=True, separator=" ").split()).strip(" :") if sib else ""


def from_labels(tree: LexborHTMLParser, found: Found) -> None:
    root = tree.body or tree.root
    if root is None:
        return
    for i, node in enumerate(root.css(_LABEL_TAGS)):
        if i >= MAX_LABEL_NODES:
            break
        own = node.text(deep=True, separator=" ")
        if len(own) > 60 or _LETTER.search(own) is None:
            continue  # labels are short and have letters
        key = _fold(own)
        fname = _label_field(key)
        if fname is not None:
            if fname in found.values:
                continue
            value = _value_after_label(node, own.strip(), fname)
            if value:
                _put_labelled(found, fname, value)
            continue
        # "Joined 2023-12-15" or "170 sales": label and value in one element.
        words = key.split(" ")
        for n in (3, 2, 1):
            if len(words) > n:
                fname = LABEL_TO_FIELD.get(" ".join(words[:n]))
                value = " ".join(own.split()[n:]) if fname else ""
                if not fname:
                    fname = LABEL_TO_FIELD.get(" ".join(words[-n:]))
                    value = " ".join(own.split()[:-n]) if fname else ""
                if fname and fname.startswith("vendor_") and fname not in found.values:
                    _put_labelled(found, fname, value)
                    break


def _label_field(key: str) -> str | None:
    fname = LABEL_TO_FIELD.get(key)
    if fname is None and ("/" in key or "|" in key):
        # Bilingual labels: "Versand von / Ships from".
        for part in re.split(r"\s*[/|]\s*", key):
            fname = LABEL_TO_FIELD.get(part)
            if fname is not None:
                break
    return fname


def _put_labelled(found: Found, fname: str, value: str) -> None:
    if fname == "prices":
        found.put("prices", find_prices(value, decimal=found.decimal), "label")
    elif fname == "ships_to":
        found.put("ships_to", [v.strip() for v in re.split(r"[,;/]| and | et | und | y ", value)
                               if v.strip()], "label")
    elif fname == "category_path":
        found.put("category_path", [c.strip() for c in re.split(r"\s*[>/»›]\s*", value)
                                    if c.strip()], "label")
    elif fname == "quantity":
        m = _UNIT_QTY.search(value)
        if m:
            found.put("quantity", parse_number(m.group(1)), "label")
            found.put("unit", m.group(2).lower(), "label")
    elif fname in ("listed_since", "vendor_joined"):
        d = parse_date(value, found.now)
        if d:
            found.put(fname, d[0], "label")
    elif fname == "vendor_sales":
        n = parse_number(value)
        if n is not None and n >= 0:
            found.put(fname, int(n), "label")
    elif fname == "vendor_rating":
        m = re.search(r"(\d+(?:[.,]\d+)?)\s*(?:/\s*(\d+(?:[.,]\d+)?))?", value)
        if m:
            r = parse_number(m.group(1), decimal=",") if "," in m.group(1) else float(m.group(1))
            scale = parse_number(m.group(2), decimal=",") if m.group(2) else 5.0
            if r is not None and scale and 0 <= r <= scale:
                found.put(fname, round(r * 5.0 / scale, 3) if scale != 5.0 else r, "label")
    else:
        found.put(fname, value[:2000] if fname == "description" else value[:300], "label")


def from_patterns(tree: LexborHTMLParser, ctx: PageContext, found: Found) -> None:
    h = tree.css_first("h1") or tree.css_first("h2")
    if h is not None:
        found.put("title", " ".join(h.text(deep=True, separator=" ").split())[:500], "heading")
    elif ctx.title:
        found.put("title", ctx.title, "heading")
    if "prices" not in found.values:
        for node in tree.css("[class], [id]"):
            cls = (node.attrs.get("class") or "") + " " + (node.attrs.get("id") or "")
            if _PRICE_CLASS.search(cls):
                prices = find_prices(node.text(deep=True, separator=" "), decimal=found.decimal)
                if prices:
                    found.put("prices", prices[:5], "price-class")
                    break
    if "vendor" not in found.values:
        for a in tree.css("a[href]"):
            if _VENDOR_HREF.search(a.attrs.get("href") or ""):
                name = " ".join(a.text(deep=True, separator=" ").split())
                if 1 < len(name) <= 60:
                    found.put("vendor", name, "link")
                    break
    root = tree.body
    if "prices" not in found.values and root is not None:
        matches = _text_prices(ctx, found)
        if matches:
            _num, _cur, start, end = matches[0]
            found.put("prices", find_prices(_page_text(ctx)[start:end], decimal=found.decimal),
                      "text")
    if "description" not in found.values and root is not None:
        best, best_len = None, 80
        for node in root.css("p, div, td, dd, article, section, pre, blockquote"):
            n = len((node.text(deep=False) or "").strip())
            if n > best_len:
                best, best_len = node, n
        if best is not None:
            found.put("description", normalise_space(best.text(separator="\n"))[:5000],
                      "main-block")
    if "category_path" not in found.values:
        seen: set[int] = set()
        crumbs = []
        for a in tree.css(_BREADCRUMB)[:40]:
            if a.mem_id not in seen:  # grouped selectors can return a node twice
                seen.add(a.mem_id)
                crumbs.append(" ".join(a.text(deep=True, separator=" ").split()))
        crumbs = [c for c in crumbs if c and len(c) < 80]
        if crumbs and _fold(crumbs[0]) in _HOME_WORDS:
            crumbs = crumbs[1:]
        found.put("category_path", crumbs, "breadcrumb")
    if "listing_key" not in found.values:
        found.put("listing_key", _key_from_url(ctx.url), "url")


SEARCH_PAGE_PRICES = 8  # this many unlabelled prices make a result page, not a listing


def _page_text(ctx: PageContext) -> str:
    if ctx.text is None:
        root = ctx.tree.body
        ctx.text = root.text(deep=True, separator="\n") if root is not None else ""
    return ctx.text[:200_000]


TEXT_PRICE_WINDOW = 12_000  # characters of text scanned for prices, from the title on
TEXT_PRICE_NUMBERS = 250  # numbers looked at in that window (menus are full of counts)


def _text_prices(ctx: PageContext, found: Found) -> list[tuple[str, str, int, int]]:
    """The first few amounts with a currency in the page text, from the title onwards
    (menus and balances above it are not the offer), scanned once per page."""
    if found.text_prices is None:
        text = _page_text(ctx)
        title = found.values.get("title") or ""
        start = max(0, text.find(title)) if title else 0
        window = text[start:start + TEXT_PRICE_WINDOW]
        found.text_prices = [(n, c, a + start, b + start) for n, c, a, b in
                             iter_price_matches(window, limit=SEARCH_PAGE_PRICES,
                                                max_numbers=TEXT_PRICE_NUMBERS)]
    return found.text_prices


def parse_fallback(
    tree: LexborHTMLParser, ctx: PageContext, json_ld: list[str], capture_id: str, site: str
) -> tuple[list[Record], str, list[str]]:
    """Records the generic readers can justify, the page kind they suggest, and warnings."""
    warnings: list[str] = []
    found = Found(decimal=decimal_for_lang(ctx.lang), now=ctx.captured_at)
    for step in (
        lambda: from_json_ld(json_ld, found, warnings),
        lambda: from_microdata(tree, found),
        lambda: from_opengraph(tree, found),
        lambda: from_labels(tree, found),
        lambda: from_patterns(tree, ctx, found),
    ):
        try:
            step()
        except Exception as exc:  # one reader failing must not cost the others
            warnings.append(f"fallback reader failed: {exc.__class__.__name__}: {exc}")
    records: list[Record] = []
    v = found.values
    structured = any(s in ("json-ld", "microdata", "opengraph", "label")
                     for s in found.sources.values())
    kind = "other"
    weak_price = found.sources.get("prices") in ("text", "price-class")
    if any(n in v for n in ("vendor_joined", "vendor_sales")) and weak_price:
        # A vendor page whose only "price" is a balance or a figure in the text.
        kind = "vendor"
    elif v.get("title") and v.get("prices"):
        n_prices = len(_text_prices(ctx, found))
        if not structured and n_prices >= 8:
            kind = "search"  # many unlabelled prices: a category or search result page
        else:
            kind = "listing"
    if kind == "listing":
        listing = Listing(capture_id=capture_id, site=site, source="fallback", url=ctx.url)
        for name in ("title", "description", "prices", "vendor", "ships_from", "ships_to",
                     "category_path", "quantity", "unit", "listing_key", "listed_since"):
            if name in v:
                setattr(listing, name, v[name])
        core = [found.sources[n] for n in ("title", "prices", "vendor") if n in found.sources]
        listing.confidence = round(sum(WEIGHTS[s] for s in core) / 3, 3)
        listing.extra["field_sources"] = dict(found.sources)
        if "vendor" not in v:
            listing.warnings.append("fallback: no vendor found")
        records.append(listing)
    text = _page_text(ctx)
    block = normalise_pgp(text) if "-----BEGIN PGP PUBLIC KEY BLOCK-----" in text else None
    vendor_signals = [n for n in ("vendor_joined", "vendor_sales") if n in v]
    if kind != "listing" and (block or vendor_signals):
        # A vendor's page: the heading names the vendor unless a label does.
        name = v.get("vendor") or ""
        if not name and found.sources.get("title") == "heading":
            name = v.get("title") or ""
        vendor = Vendor(capture_id=capture_id, site=site, source="fallback", name=name,
                        url=ctx.url, pgp_block=block, joined=v.get("vendor_joined"),
                        sales=v.get("vendor_sales"), rating=v.get("vendor_rating"),
                        profile_text=v.get("description") or "")
        vendor.confidence = round(min(0.9, 0.3 + 0.15 * len(vendor_signals)
                                      + (0.2 if name else 0) + (0.1 if block else 0)), 3)
        if not name:
            vendor.warnings.append("fallback: vendor page without a vendor name")
        records.append(vendor)
        if kind == "other":
            kind = "vendor"
    elif block and kind == "listing":
        warnings.append("fallback: a PGP key on a listing page was not attributed")
    return records, kind, warnings
