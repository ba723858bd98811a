"""The free text of vendor profiles: contact handles, addresses, 'also on' lines, in three languages."""

from __future__ import annotations

import random

from veille.demo.actors import Persona
from veille.demo.catalog import CATEGORY_NAMES

_INTRO = {
    "fr": ["Bienvenue sur ma boutique.", "Vendeur sérieux depuis {year}.", "Qualité et discrétion avant tout.",
           "Spécialités : {specs}.", "Commandes traitées du lundi au vendredi."],
    "en": ["Welcome to my shop.", "Trusted vendor since {year}.", "Quality and stealth first.",
           "Specialities: {specs}.", "Orders shipped Monday to Friday."],
    "de": ["Willkommen in meinem Shop.", "Seriöser Verkäufer seit {year}.", "Qualität und Diskretion zuerst.",
           "Schwerpunkte: {specs}.", "Versand Montag bis Freitag."],
}
_LABELS = {
    "fr": {"telegram": "Telegram", "wickr": "Wickr", "session": "Session", "xmpp": "Jabber",
           "email": "Mail", "phone": "Tél/Signal", "btc": "BTC (remboursements)", "xmr": "XMR",
           "eth": "ETH", "also": "Aussi présent sur {site} sous le nom {name}.",
           "shop": "Ma boutique perso : {onion}", "old": "Ancienne adresse BTC (ne plus utiliser) : {addr}"},
    "en": {"telegram": "Telegram", "wickr": "Wickr", "session": "Session ID", "xmpp": "XMPP",
           "email": "Email", "phone": "Signal", "btc": "BTC refunds", "xmr": "XMR", "eth": "ETH",
           "also": "Also on {site} as {name}.", "shop": "Private shop: {onion}",
           "old": "Old BTC address (do not use): {addr}"},
    "de": {"telegram": "Telegram", "wickr": "Wickr", "session": "Session-ID", "xmpp": "Jabber",
           "email": "E-Mail", "phone": "Signal", "btc": "BTC (Erstattungen)", "xmr": "XMR", "eth": "ETH",
           "also": "Auch auf {site} als {name} / also on {site} as {name}.",
           "shop": "Eigener Shop: {onion}", "old": "Alte BTC-Adresse (nicht mehr nutzen): {addr}"},
}


def format_phone(e164: str) -> str:
    if e164.startswith("+44"):
        return f"+44 {e164[3:7]} {e164[7:]}"
    d = e164[3:]
    return f"+33 {d[0]} {d[1:3]} {d[3:5]} {d[5:7]} {d[7:9]}"


def contact_line(lang: str, kind: str, value: str, rng: random.Random) -> str:
    lab = _LABELS[lang][kind]
    if kind == "telegram":
        return rng.choice([f"{lab}: @{value}", f"{lab} : t.me/{value}", f"{lab}: https://t.me/{value}"])
    if kind == "wickr":
        return rng.choice([f"Wickr ID.......{value}", f"{lab}: {value}", f"wickr me: {value}"])
    if kind == "phone":
        return f"{lab}: {format_phone(value)}"
    return f"{lab}: {value}"


def profile_lines(
    p: Persona, lang: str, rng: random.Random, site_displays: dict[str, str],
    shop_onion: str | None = None, corrupted: str | None = None,
) -> list[str]:
    specs = ", ".join(CATEGORY_NAMES[lang][s] for s in p.specialties)
    lines = [t.format(year=p.joined.year, specs=specs) for t in rng.sample(_INTRO[lang], k=3)]
    for kind, value in p.handles.items():
        lines.append(contact_line(lang, kind, value, rng))
    for addr, _kind in p.btc:
        lines.append(f"{_LABELS[lang]['btc']}: {addr}")
    for addr in p.xmr:
        lines.append(f"{_LABELS[lang]['xmr']}: {addr}")
    for addr in p.eth:
        lines.append(f"{_LABELS[lang]['eth']}: {addr}")
    for site, name in p.also_on:
        lines.append(_LABELS[lang]["also"].format(site=site_displays.get(site, site), name=name))
    if shop_onion:
        lines.append(_LABELS[lang]["shop"].format(onion=f"http://{shop_onion}"))
    if corrupted:
        lines.append(_LABELS[lang]["old"].format(addr=corrupted))
    return lines
