"""Sites, vendor personas and the actors behind them (including cross-site identities)."""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from veille.demo.addresses import AddressFactory
from veille.demo.catalog import TOP_LABELS
from veille.demo.common import BASE_TIME

KEYS_DIR = Path(__file__).resolve().parent / "keys"


@dataclass(frozen=True)
class Key:
    file: str
    fingerprint: str
    user_id: str
    armored: str


def load_keys() -> list[Key]:
    index = json.loads((KEYS_DIR / "index.json").read_text(encoding="utf-8"))
    return [
        Key(e["file"], e["fingerprint"], e["user_id"], (KEYS_DIR / e["file"]).read_text(encoding="ascii"))
        for e in index
    ]


@dataclass(frozen=True)
class Site:
    name: str  # folder name under sites/ (or telegram/), also the site id in _truth.json
    display: str
    lang: str
    kind: str  # market, forum, telegram
    layout: str
    base_url: str


@dataclass
class Persona:
    """One vendor account on one market (or a seller on the forum / the Telegram channel)."""

    site: str
    name: str
    actor: str
    joined: date
    rating: float
    weight: float
    specialties: list[str]
    key: Key | None = None
    btc: list[tuple[str, str]] = field(default_factory=list)  # (address, kind)
    xmr: list[str] = field(default_factory=list)
    eth: list[str] = field(default_factory=list)
    handles: dict[str, str] = field(default_factory=dict)
    also_on: list[tuple[str, str]] = field(default_factory=list)  # (site display name, account name)
    n_listings: int = 0
    n_feedback: int = 0
    recent: list[tuple[str, str]] = field(default_factory=list)  # (url, title), newest last

    def addresses(self) -> list[tuple[str, str]]:
        return self.btc + [(a, "xmr") for a in self.xmr] + [(a, "eth") for a in self.eth]


_PREFIX = ["Glock", "Kalash", "Euro", "Dutch", "Balkan", "Le", "Der", "Black", "Silent", "Fast",
           "Pharma", "Doc", "Nord", "Swiss", "Paris", "Berlin", "Lyon", "Stealth", "Royal", "Ghost",
           "Iron", "Tokyo", "Alpha", "Uncle", "Mister", "Dr", "Capitaine", "Herr", "Lucky", "Cobra"]
_SUFFIX = ["Dealer", "Shop", "Armory", "Supply", "King", "Bros", "Corp", "Direct", "Plug", "Store",
           "Express", "Masters", "Garage", "Connect", "Depot", "Market", "Labs", "Arms", "Gang", "Boutique"]
_SEP = ["", "_", "-", ""]
IDENTIFIER_KINDS = ["pgp", "btc", "xmr", "telegram", "wickr", "session", "email", "xmpp"]


class PersonaFactory:
    def __init__(self, rng: random.Random, addrs: AddressFactory, keys: list[Key]) -> None:
        self.rng = rng
        self.addrs = addrs
        self.keys = list(keys)
        rng.shuffle(self.keys)
        self._used_names: set[str] = set()
        self._serial = 0
        self.reserved: list[Key] = []

    def name(self) -> str:
        while True:
            r = self.rng
            n = r.choice(_PREFIX) + r.choice(_SEP) + r.choice(_SUFFIX)
            if r.random() < 0.45:
                n += str(r.randrange(1, 999))
            if r.random() < 0.15:
                n = n.lower()
            if n.lower() not in self._used_names:
                self._used_names.add(n.lower())
                return n

    def take_key(self) -> Key | None:
        return self.keys.pop() if self.keys else None

    def reserve_keys(self, n: int) -> int:
        """Set keys aside for actors that share one key; returns how many could be reserved."""
        n = min(n, len(self.keys) // 3)
        self.reserved = [self.keys.pop() for _ in range(n)]
        return n

    def handle(self, kind: str, base: str) -> str:
        self._serial += 1
        r = self.rng
        stem = "".join(c for c in base.lower() if c.isalnum())[:14] or "vendor"
        tag = f"{stem}{self._serial:03d}"
        if kind == "telegram":
            return f"{stem}_{self._serial:03d}"
        if kind == "wickr":
            return tag
        if kind == "session":
            return "05" + r.randbytes(32).hex()
        if kind == "xmpp":
            return f"{tag}@jabber.example.net"
        if kind == "email":
            return f"{tag}@{r.choice(['example.com', 'example.net', 'example.org'])}"
        if kind == "phone":
            if r.random() < 0.5:
                return f"+447700900{r.randrange(0, 1000):03d}"
            return f"+3319900{r.randrange(0, 10000):04d}"
        raise ValueError(kind)

    def persona(self, site: str, actor: str, name: str | None = None) -> Persona:
        r = self.rng
        name = name or self.name()
        joined = (BASE_TIME - timedelta(days=r.randrange(200, 1400))).date()
        specialties = r.sample(TOP_LABELS, k=r.choice([1, 2, 2, 3]))
        if r.random() < 0.5 and "firearms" not in specialties:
            specialties[0] = r.choice(["firearms", "ammunition"])
        p = Persona(
            site=site, name=name, actor=actor, joined=joined,
            rating=round(r.uniform(3.6, 5.0), 1), weight=r.paretovariate(1.4),
            specialties=specialties,
        )
        if r.random() < 0.85:
            p.key = self.take_key()
        if r.random() < 0.7:
            p.btc.append(self.addrs.btc())
        if r.random() < 0.5:
            p.xmr.append(self.addrs.xmr())
        if r.random() < 0.1:
            p.eth.append(self.addrs.eth())
        for kind, prob in [("telegram", 0.5), ("wickr", 0.3), ("session", 0.2), ("xmpp", 0.25),
                           ("email", 0.3), ("phone", 0.08)]:
            if r.random() < prob:
                p.handles[kind] = self.handle(kind, name)
        return p


def share(personas: list[Persona], kind: str, factory: PersonaFactory) -> str:
    """Give every persona of one actor the same identifier of `kind`; returns its value."""
    first = personas[0]
    if kind == "pgp":
        # A reserved key: the pool is small, and a shared key must never be someone else's too.
        key = factory.reserved.pop()
        for p in personas:
            p.key = key
        return key.fingerprint
    if kind == "btc":
        addr = first.btc[0] if first.btc else factory.addrs.btc()
        for p in personas:
            if addr not in p.btc:
                p.btc.insert(0, addr)
        return addr[0]
    if kind == "xmr":
        addr = first.xmr[0] if first.xmr else factory.addrs.xmr()
        for p in personas:
            if addr not in p.xmr:
                p.xmr.insert(0, addr)
        return addr
    value = first.handles.get(kind) or factory.handle(kind, first.name)
    for p in personas:
        p.handles[kind] = value
    return value
