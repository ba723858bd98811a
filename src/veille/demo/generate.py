"""The demo corpus: three markets, a collectors' forum, a Telegram channel, a WARC, the truth.

Same seed and scale, same bytes: every random draw comes from a named seeded stream, times
derive from a fixed base date, and nothing iterates over an unordered set.
"""

from __future__ import annotations

import json
import shutil
from collections import deque
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any

from veille.demo.actors import IDENTIFIER_KINDS, Persona, PersonaFactory, Site, load_keys, share
from veille.demo.addresses import AddressFactory, corrupt
from veille.demo.catalog import CATEGORY_NAMES, COUNTRIES, TOP_LABELS
from veille.demo.common import BASE_TIME, capture_time, iso_z, stream
from veille.demo.forum import build_thread, render_thread
from veille.demo.listings import (
    ListingModel,
    build_listing,
    make_prices,
    new_feedback,
    pick_offer,
    shown_feedback,
)
from veille.demo.markets import LAYOUTS, CategoryItem, Layout
from veille.demo.profiles_text import contact_line, profile_lines
from veille.demo.telegram import build_channel
from veille.demo.writers import SiteWriter, TruthWriter, WarcOut

GENERATOR_VERSION = 1
OUTPUTS = ("sites", "telegram", "warc", "_truth.json")

MARKETS = [
    ("comptoir-obscur", "Le Comptoir Obscur", "fr", "fr-table"),
    ("northbay", "NorthBay Market", "en", "en-cards"),
    ("schattenmarkt", "Schattenmarkt", "de", "de-jsonld"),
]
FORUM = ("forum-passion-collection", "Passion Collection – le forum des collectionneurs", "fr")
CHANNEL = ("stock-prive", "Stock Privé FR ⚡", 1873452210)
WARC_SITE = "schattenmarkt"
SEARCHES = {
    "fr": ["glock", "9x19", "kalach", "cartouches", "neutralisé", "cocaïne", "passeport", "cvv", "ak-47", "remis en état"],
    "en": ["glock", "9mm", "ak-47", "rounds", "reactivated", "cocaine", "passport", "cvv", "80% lower", "switch"],
    "de": ["glock", "9x19", "kalaschnikow", "schuss", "reaktiviert", "kokain", "reisepass", "cvv", "ak-47", "dekowaffe"],
}


def _n(base: float, scale: float, minimum: int) -> int:
    return max(minimum, round(base * scale))


def _addr_truth(value: str, kind: str) -> dict[str, str]:
    return {"address": value, "kind": kind}


class _Corpus:
    def __init__(self, out_dir: Path, seed: int, scale: float) -> None:
        self.out = out_dir
        self.seed = seed
        self.scale = scale
        self.summary: dict[str, Any] = {"sites": {}, "telegram": {}, "warc": {}}
        self.truth = TruthWriter(out_dir)
        self.malformed: list[dict[str, Any]] = []
        self.corrupted: list[dict[str, Any]] = []
        self.onions: list[dict[str, str]] = []
        onion_factory = AddressFactory(stream(seed, "onions"))
        self.sites: list[Site] = []
        for name, display, lang, layout in MARKETS:
            onion = onion_factory.onion()
            self.onions.append({"onion": onion, "site": name, "role": "market"})
            self.sites.append(Site(name, display, lang, "market", layout, f"http://{onion}"))
        self.forum = Site(FORUM[0], FORUM[1], FORUM[2], "forum", "phpbb", "https://forum.passion-collection.example")
        self.channel = Site(CHANNEL[0], CHANNEL[1], "fr", "telegram", "telegram-desktop-json", "https://t.me/stockprive_fr")
        self.shop_onions = [onion_factory.onion() for _ in range(_n(12, scale, 4))]
        for o in self.shop_onions:
            self.onions.append({"onion": o, "site": "", "role": "vendor shop mentioned in a profile"})
        self.displays = {s.name: s.display for s in [*self.sites, self.forum, self.channel]}
        self.layouts: dict[str, Layout] = {s.name: LAYOUTS[s.layout](s) for s in self.sites}

    # ---- actors ---------------------------------------------------------------------------
    def build_actors(self) -> None:
        rng = stream(self.seed, "personas")
        self.addrs = AddressFactory(stream(self.seed, "addresses"))
        factory = PersonaFactory(rng, self.addrs, load_keys())
        self.vendors: dict[str, list[Persona]] = {s.name: [] for s in self.sites}
        self.groups: list[dict[str, Any]] = []
        self.tg_contact: str | None = None
        self.forum_seller: tuple[str, str] | None = None
        n_groups = _n(10, self.scale, 3)
        wanted = sum(1 for g in range(n_groups) if IDENTIFIER_KINDS[g % len(IDENTIFIER_KINDS)] == "pgp")
        n_pgp = factory.reserve_keys(wanted)
        for g in range(n_groups):
            kind = IDENTIFIER_KINDS[g % len(IDENTIFIER_KINDS)]
            if kind == "pgp":
                # Past the reserved keys, further groups share a BTC address instead.
                kind = "pgp" if n_pgp > 0 else "btc"
                n_pgp -= 1
            chosen = rng.sample(self.sites, k=rng.choice([2, 2, 3]))
            actor = f"actor-{g:04d}"
            personas = [factory.persona(s.name, actor) for s in chosen]
            value = share(personas, kind, factory)
            declared = rng.random() < 0.4
            if declared:
                personas[0].also_on.append((personas[1].site, personas[1].name))
            members = [{"site": p.site, "name": p.name, "url": self.layouts[p.site].vendor_ref(p.name)[0]} for p in personas]
            if g == 3 and kind == "telegram":
                self.tg_contact = value
                members.append({"site": self.channel.name, "name": self.channel.display, "url": self.channel.base_url})
            if g == 4 and kind == "wickr":
                self.forum_seller = ("Armurier_du_Sud", value)
                members.append({"site": self.forum.name, "name": "Armurier_du_Sud", "url": self.forum.base_url})
            for p in personas:
                self.vendors[p.site].append(p)
            self.groups.append({
                "group": f"g{g:03d}", "actor": actor, "shared": {"kind": kind, "value": value},
                "declared_in_profile": declared, "members": members,
            })
        per_site = _n(50, self.scale, 8)
        serial = 0
        for s in self.sites:
            while len(self.vendors[s.name]) < per_site:
                self.vendors[s.name].append(factory.persona(s.name, f"solo-{serial:05d}"))
                serial += 1
        # Namesakes: the same name on two markets, but two different actors (a linking trap).
        self.namesakes: list[dict[str, Any]] = []
        for i in range(_n(2, self.scale, 1)):
            a, b = self.sites[i % 3], self.sites[(i + 1) % 3]
            pa = [p for p in self.vendors[a.name] if p.actor.startswith("solo-")][i]
            pb = [p for p in self.vendors[b.name] if p.actor.startswith("solo-")][-1 - i]
            pb.name = pa.name
            self.namesakes.append({"name": pa.name, "members": [
                {"site": a.name, "actor": pa.actor}, {"site": b.name, "actor": pb.actor}]})
        self.tg_contact = self.tg_contact or factory.handle("telegram", "stockprive")
        self.forum_seller = self.forum_seller or ("Armurier_du_Sud", factory.handle("wickr", "armurier"))
        self.tg_xmr = self.addrs.xmr()
        self.factory = factory

    def _corrupted_source(self, rng_name: str, n: int) -> list[tuple[str, str, str]]:
        rng = stream(self.seed, rng_name)
        out = []
        for _ in range(n):
            addr, kind = self.addrs.btc()
            out.append((corrupt(addr, kind, rng), kind, addr))
        return out

    # ---- markets --------------------------------------------------------------------------
    def market(self, site: Site) -> None:
        layout = self.layouts[site.name]
        lang = site.lang
        rng = stream(self.seed, f"listings:{site.name}")
        writer = SiteWriter(self.out / "sites" / site.name)
        warc = WarcOut(self.out / "warc" / f"{site.name}.warc.gz", self.seed) if site.name == WARC_SITE else None
        vendors = self.vendors[site.name]
        cum, total = [], 0.0
        for v in vendors:
            total += v.weight
            cum.append(total)
        counts = {"listing": 0, "broken_listing": 0, "vendor": 0, "category": 0, "search": 0}
        reservoir: dict[str, deque[CategoryItem]] = {label: deque(maxlen=40) for label in TOP_LABELS}
        n_listings = _n(500, self.scale, 20)
        malformed_at = {n_listings // 3: "missing_price", n_listings // 2: "truncated",
                        (2 * n_listings) // 3: {"fr-table": "wrong_encoding", "en-cards": "huge_attribute",
                                                "de-jsonld": "deep_nesting"}[site.layout]}
        if site.layout == "en-cards":
            malformed_at[n_listings - 1] = "empty"
        for i in range(n_listings):
            vendor = rng.choices(vendors, cum_weights=cum)[0]
            offer = pick_offer(rng, vendor)
            lid = {"fr-table": f"{48213 + 3 * i + rng.randrange(3)}",
                   "en-cards": rng.randbytes(5).hex(),
                   "de-jsonld": f"SM-{i + 1:05d}"}[site.layout]
            url, path = layout.listing_ref(lid)
            captured_at = capture_time(rng)
            m = build_listing(rng, site, lid, url, path, captured_at, vendor, offer)
            if rng.random() < 0.12:
                self._add_contact(m, rng)
            fb = shown_feedback(rng, lang, m.feedback, captured_at)
            fault = malformed_at.get(i)
            html = layout.listing(m, fb, missing_price=fault == "missing_price")
            body = self._damage(html, fault, rng)
            writer.write(path, url, captured_at, body)
            if fault:
                self.malformed.append({"path": f"sites/{site.name}/{path}", "url": url, "site": site.name,
                                       "kind": fault, "listing_id": lid, "detail": _FAULTS[fault],
                                       "in_listings_truth": fault not in _UNREADABLE})
            if fault in _UNREADABLE:
                counts["broken_listing"] += 1
            else:
                counts["listing"] += 1
                self.truth.add("listings", self._listing_truth(m, fb, f"sites/{site.name}/{path}", fault))
            if fault not in _UNREADABLE:
                vendor.n_listings += 1
                vendor.n_feedback += len(m.feedback)
                vendor.recent = (vendor.recent + [(url, m.title)])[-6:]
                reservoir[offer.label].append(CategoryItem(
                    url, m.title, "—" if fault == "missing_price" else m.prices[0].display, vendor.name,
                    layout.vendor_ref(vendor.name)[0], COUNTRIES[m.ships_from][lang]))
            if warc is not None and fault is None and rng.random() < 0.6:
                self._recapture(m, warc, rng, layout)
        for v in vendors:
            url, path = layout.vendor_ref(v.name)
            captured_at = capture_time(rng)
            writer.write(path, url, captured_at, self._vendor_page(v, layout, rng).encode("utf-8"))
            counts["vendor"] += 1
        self._category_pages(site, layout, rng, writer, reservoir, counts)
        writer.close()
        if warc is not None:
            warc.close()
            self.summary["warc"][site.name] = {"response": warc.count}
        self.summary["sites"][site.name] = counts

    def _add_contact(self, m: ListingModel, rng: Any) -> None:
        v = m.vendor
        options = [(k, val) for k, val in v.handles.items()] + [("btc", a) for a, _ in v.btc] + [("xmr", a) for a in v.xmr]
        if not options:
            return
        kind, value = rng.choice(options)
        if kind in ("btc", "xmr"):
            word = {"fr": "Paiement direct", "en": "Direct pay", "de": "Direktzahlung"}[m.site.lang]
            m.description.append(f"{word} {kind.upper()}: {value}")
        else:
            m.description.append(contact_line(m.site.lang, kind, value, rng))
        m.extra_identifiers.append(value)

    def _damage(self, html: str, fault: str | None, rng: Any) -> bytes:
        if fault == "truncated":
            cut = html.index("<", int(len(html) * 0.6)) + 3
            return html[:cut].encode("utf-8")
        if fault == "wrong_encoding":
            # latin-1 bytes under no declaration; characters outside latin-1 become references.
            return html.replace('<meta charset="utf-8">\n', "").encode("latin-1", "xmlcharrefreplace")
        if fault == "empty":
            return b""
        if fault == "huge_attribute":
            blob = "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") for _ in range(64)) * 16384
            return html.replace('<div class="listing-card"', f'<div data-track="{blob}" class="listing-card"', 1).encode("utf-8")
        if fault == "deep_nesting":
            depth = 5000
            return html.replace('<div class="sm-beschreibung"', "<div>" * depth + "</div>" * depth + '<div class="sm-beschreibung"', 1).encode("utf-8")
        return html.encode("utf-8")

    def _listing_truth(self, m: ListingModel, fb: list[Any], path: str, fault: str | None, **extra: Any) -> dict[str, Any]:
        d: dict[str, Any] = {
            "site": m.site.name, "url": m.url, "path": path, "captured_at": iso_z(m.captured_at),
            "listing_id": m.lid, "title": m.title,
            "prices": [] if fault == "missing_price" else [{"amount": p.amount, "currency": p.currency, "display": p.display} for p in m.prices],
            "vendor": m.vendor.name, "vendor_actor": m.vendor.actor,
            "ships_from": m.ships_from, "ships_to": m.ships_to, "category_path": m.category,
            "label": m.offer.label, "sublabel": m.offer.sublabel, "listed_since": m.listed_since.isoformat(),
            "quantity": m.quantity, "unit": m.unit, "model": m.model, "calibre": m.calibre,
            "feedback": [{"rating": f.rating, "buyer": f.buyer, "date": d.isoformat(), "shown": shown} for f, shown, d in fb],
            "identifiers": list(m.extra_identifiers),  # vendor handle or address quoted in the description
            "malformed": fault,
        }
        d.update(extra)
        return d

    def _recapture(self, m: ListingModel, warc: WarcOut, rng: Any, layout: Layout) -> None:
        # At least one new feedback: an unchanged page would have the same bytes as the saved
        # copy, and the importer (rightly) stores identical bytes once.
        later = m.captured_at + timedelta(days=rng.randrange(14, 45), seconds=rng.randrange(86400))
        new_fb = [new_feedback(rng, m.site.lang, m.captured_at.date() + timedelta(days=rng.randrange(1, (later - m.captured_at).days + 1)), m.vendor.rating)
                  for _ in range(rng.choice([1, 1, 2, 3, 5]))]
        feedback = sorted(m.feedback + new_fb, key=lambda f: f.when, reverse=True)
        prices = make_prices(rng, m.site.lang, round(m.eur * rng.choice([0.9, 1.1]))) if rng.random() < 0.1 else m.prices
        m2 = replace(m, captured_at=later, feedback=feedback, prices=prices)
        fb = shown_feedback(rng, m.site.lang, feedback, later)
        idx = warc.write(m.url, later, layout.listing(m2, fb).encode("utf-8"))
        self.truth.add("listings", self._listing_truth(m2, fb, f"warc/{m.site.name}.warc.gz", None, warc_record=idx, recapture=True))

    def _vendor_page(self, v: Persona, layout: Layout, rng: Any) -> str:
        shop = self.shop_onions.pop() if self.shop_onions and rng.random() < 0.15 else None
        bad = None
        if v.actor.startswith("solo-") and self._vendor_corrupted and rng.random() < 0.08:
            bad, kind, src = self._vendor_corrupted.pop()
            self.corrupted.append({"address": bad, "kind": kind, "corrupted_from": src, "site": v.site,
                                   "url": layout.vendor_ref(v.name)[0]})
        if shop:
            self.onions[[o["onion"] for o in self.onions].index(shop)]["site"] = v.site
            self.onions[[o["onion"] for o in self.onions].index(shop)]["vendor"] = v.name
        lines = profile_lines(v, layout.lang, rng, self.displays, shop_onion=shop, corrupted=bad)
        sales = v.n_feedback + int(v.n_feedback * rng.uniform(0.5, 3.0)) + rng.randrange(0, 40)
        self.vendor_truth.append(self._vendor_truth(v, layout, sales, shop))
        return layout.vendor(v, lines, sales)

    def _vendor_truth(self, v: Persona, layout: Layout, sales: int, shop: str | None) -> dict[str, Any]:
        return {
            "site": v.site, "name": v.name, "url": layout.vendor_ref(v.name)[0],
            "path": f"sites/{v.site}/{layout.vendor_ref(v.name)[1]}", "actor": v.actor,
            "joined": v.joined.isoformat(), "sales": sales, "rating": v.rating, "listings": v.n_listings,
            "pgp_fingerprint": v.key.fingerprint if v.key else None, "pgp_user_id": v.key.user_id if v.key else None,
            "addresses": [_addr_truth(a, k) for a, k in v.addresses()],
            "handles": dict(v.handles), "also_on": [{"site": s, "name": n} for s, n in v.also_on],
            "shop_onion": shop,
        }

    def _category_pages(self, site: Site, layout: Layout, rng: Any, writer: SiteWriter,
                        reservoir: dict[str, deque[CategoryItem]], counts: dict[str, int]) -> None:
        lang = site.lang
        n_pages = _n(20, self.scale, 4)
        queries = list(SEARCHES[lang])
        page_no: dict[str, int] = {}
        labels = [lb for lb in TOP_LABELS if reservoir[lb]]
        for i in range(n_pages):
            captured_at = capture_time(rng)
            if i % 4 == 3 and queries:
                q = queries.pop(0)
                items = [it for lb in TOP_LABELS for it in reservoir[lb] if q.lower() in it.title.lower()][:20]
                url, path = layout.search_ref(q)
                heading = {"fr": f"Résultats pour « {q} »", "en": f'Search results for "{q}"', "de": f"Suchergebnisse für „{q}“"}[lang]
                writer.write(path, url, captured_at, layout.category(heading, items, None).encode("utf-8"))
                counts["search"] += 1
                continue
            label = labels[i % len(labels)]
            pool = list(reservoir[label])
            items = rng.sample(pool, k=min(len(pool), rng.randrange(8, 21)))
            cat = [CATEGORY_NAMES[lang][label]]
            key = cat[0]
            page_no[key] = page_no.get(key, 0) + 1
            url, path = layout.category_ref(cat, page_no[key])
            next_url = layout.category_ref(cat, page_no[key] + 1)[0]
            heading = cat[0] + ("" if page_no[key] == 1 else f" – page {page_no[key]}")
            writer.write(path, url, captured_at, layout.category(heading, items, next_url).encode("utf-8"))
            counts["category"] += 1

    # ---- forum and telegram ---------------------------------------------------------------
    def forum_site(self) -> None:
        rng = stream(self.seed, "forum")
        site = self.forum
        writer = SiteWriter(self.out / "sites" / site.name)
        n_threads = _n(40, self.scale, 5)
        contact = [f"Tél : +33 1 99 00 {rng.randrange(10, 99)} {rng.randrange(10, 99)}",
                   f"Mail : {self.factory.handle('email', 'collec')}"]
        pid = 1000
        seller_threads = {3, 11, 19} if n_threads > 19 else {1}
        corrupted = self._corrupted_source("corrupt:forum", 1)
        for t in range(n_threads):
            tid = 200 + t * 7
            start = capture_time(rng, 200, 10) - timedelta(days=rng.randrange(0, 20))
            title, forum_id, posts = build_thread(rng, tid, pid, start, self.forum_seller if t in seller_threads else None, contact)
            if t == 5 and corrupted:
                bad, kind, src = corrupted.pop()
                posts[0].text += f" Paiement BTC accepté : {bad}"
                self.corrupted.append({"address": bad, "kind": kind, "corrupted_from": src, "site": site.name,
                                       "url": f"{site.base_url}/viewtopic.php?t={tid}", "post_id": posts[0].pid})
            pid = posts[-1].pid + rng.randrange(1, 30)
            captured_at = posts[-1].when + timedelta(hours=rng.randrange(1, 240))
            url = f"{site.base_url}/viewtopic.php?t={tid}"
            path = f"viewtopic/t{tid}.html"
            writer.write(path, url, captured_at, render_thread(site, tid, title, forum_id, posts, rng).encode("utf-8"))
            for p in posts:
                self.truth.add("posts", {"site": site.name, "url": url, "path": f"sites/{site.name}/{path}",
                                         "thread_id": tid, "post_id": p.pid, "author": p.author,
                                         "date": p.when.strftime("%Y-%m-%dT%H:%M:%S"), "offer": p.label is not None,
                                         "label": p.label, "sublabel": p.sublabel})
        writer.close()
        self.summary["sites"][site.name] = {"thread": n_threads}

    def telegram(self) -> None:
        rng = stream(self.seed, "telegram")
        name, display, channel_id = CHANNEL[0], CHANNEL[1], CHANNEL[2]
        corrupted = self._corrupted_source("corrupt:telegram", 2)
        pool = [c[0] for c in corrupted]
        placed: list[tuple[str, int]] = []
        start = BASE_TIME - timedelta(days=185)
        end = BASE_TIME - timedelta(days=1)
        export, truth = build_channel(rng, display, channel_id, start.replace(tzinfo=None), end.replace(tzinfo=None),
                                      _n(300, self.scale, 30), self.tg_contact or "", self.tg_xmr, pool, placed)
        for bad, mid in placed:
            kind, src = next((c[1], c[2]) for c in corrupted if c[0] == bad)
            self.corrupted.append({"address": bad, "kind": kind, "corrupted_from": src, "site": name,
                                   "url": f"telegram/{name}/result.json", "message_id": mid})
        folder = self.out / "telegram" / name
        folder.mkdir(parents=True, exist_ok=True)
        with open(folder / "result.json", "w", encoding="utf-8") as fh:
            json.dump(export, fh, ensure_ascii=False, indent=1)
        for t in truth:
            self.truth.add("messages", {"channel": name, **t})
        n_service = sum(1 for t in truth if t["type"] == "service")
        self.summary["telegram"][name] = {"message": len(truth) - n_service, "service": n_service}

    # ---- all ------------------------------------------------------------------------------
    def run(self) -> dict[str, Any]:
        self.build_actors()
        self.vendor_truth: list[dict[str, Any]] = []
        self._vendor_corrupted = self._corrupted_source("corrupt:vendors", _n(4, self.scale, 3))
        for site in self.sites:
            self.market(site)
        self.forum_site()
        self.telegram()
        html = sum(sum(v.values()) for v in self.summary["sites"].values())
        warc = sum(v["response"] for v in self.summary["warc"].values())
        tg = sum(v["message"] + v["service"] for v in self.summary["telegram"].values())
        self.summary["captures"] = html + warc + tg
        self.summary["html_files"] = html
        self.summary.update(seed=self.seed, scale=self.scale)
        addresses = _unique([a for v in self.vendor_truth for a in v["addresses"]] + [_addr_truth(self.tg_xmr, "xmr")])
        head = {
            "generator": {"name": "veille.demo", "version": GENERATOR_VERSION, "seed": self.seed,
                          "scale": self.scale, "base_time": iso_z(BASE_TIME)},
            "sites": {s.name: {"display": s.display, "kind": s.kind, "language": s.lang, "layout": s.layout,
                               "base_url": s.base_url, "folder": f"sites/{s.name}"} for s in [*self.sites, self.forum]}
            | {self.channel.name: {"display": self.channel.display, "kind": "telegram", "language": "fr",
                                   "layout": self.channel.layout, "base_url": self.channel.base_url,
                                   "folder": f"telegram/{self.channel.name}", "telegram_contact": self.tg_contact}},
            "warc": {site: {"path": f"warc/{site}.warc.gz", "records": v["response"],
                            "note": "re-captures of listing pages 14-45 days after the saved copy"}
                     for site, v in self.summary["warc"].items()},
            "identity_groups": self.groups,
            "namesakes": self.namesakes,
            "vendors": self.vendor_truth,
            "addresses": addresses,
            "corrupted_addresses": self.corrupted,
            # Only onions that some page shows: unused shop names stay out of the truth.
            "onions": [o for o in self.onions if o["site"]],
            "malformed": self.malformed,
        }
        self.truth.finish(head, {"summary": self.summary})
        return self.summary


def _unique(items: list[dict[str, str]]) -> list[dict[str, str]]:
    seen: dict[str, dict[str, str]] = {}
    for it in items:
        seen.setdefault(it["address"], it)
    return list(seen.values())


# Pages whose expected listing fields cannot be read back; they get no entry in "listings".
_UNREADABLE = ("truncated", "empty")
_FAULTS = {
    "missing_price": "listing page without any price (the price cell is empty)",
    "truncated": "HTML cut in the middle of a tag",
    "wrong_encoding": "latin-1 bytes with no charset declaration",
    "empty": "zero-byte file",
    "huge_attribute": "one attribute value of 1 MiB",
    "deep_nesting": "5,000 nested <div> elements",
}


def generate(out_dir: Path | str, seed: int = 7, scale: float = 1.0) -> dict[str, Any]:
    """Write the demo corpus into out_dir and return a summary (counts per site and kind).

    Re-running replaces what a previous run wrote there (sites/, telegram/, warc/, _truth.json)
    and leaves everything else alone.
    """
    if scale <= 0:
        raise ValueError(f"scale must be positive, got {scale}")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    for name in OUTPUTS:
        target = out / name
        if target.is_dir():
            shutil.rmtree(target)
        elif target.exists():
            target.unlink()
    return _Corpus(out, seed, scale).run()


__all__ = ["generate"]
