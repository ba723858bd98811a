"""Build the extraction benchmark corpus: real market text with planted identifiers.

Background paragraphs come from ../shared/data (Agora, Dream, Armslist, DUTA, Anita, WHM text
fields); identifiers already in them (anything with "@", long alphanumeric runs, ".onion", "+"
numbers) are scrubbed, so that a reported identifier is either one we planted or a false
positive. Into each document we plant valid identifiers (checksum-valid addresses built the
way wallets build them, real OFAC/ransomware addresses, v3 onions, e-mails, phones, handles,
prices, firearms) and corrupted ones (one character changed, checksum re-checked to fail).

Output: benchmarks/out/extract_corpus.jsonl, one document a line:
    {"text": ..., "valid": [[kind, value], ...], "invalid": [[kind, value], ...]}

    .venv/bin/python benchmarks/build_extract_corpus.py --size-mb 100
"""

from __future__ import annotations

import argparse
import base64
import csv
import hashlib
import json
import os
import random
import re
import sys
from pathlib import Path

from veille.demo.addresses import AddressFactory, corrupt, is_valid

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "benchmarks" / "out"
csv.field_size_limit(10**8)

_SCRUB = [
    re.compile(r"\S*@\S*"),
    re.compile(r"[0-9A-Za-z]{20,}"),
    re.compile(r"\S*\.onion\S*", re.I),
    re.compile(r"\+[\d\s().-]{6,}"),
    re.compile(r"-----BEGIN PGP.*?-----END PGP[^-]*-----", re.S),
    re.compile(r"(?:w1ckr|wickr|wicker|wikr|telegram|kik|icq|whats\W?app|jabber|xmpp|session"
               r"|signal)\W{0,40}\S*", re.I),
]


def shared_data() -> Path:
    root = Path(os.environ.get("VEILLE_SHARED_DATA") or REPO.parent / "shared" / "data")
    if not root.exists():
        sys.exit(f"shared data not found at {root} (set VEILLE_SHARED_DATA)")
    return root


def scrub(text: str) -> str:
    for rx in _SCRUB:
        text = rx.sub(" ", text)
    return text


def _strings(obj: object, out: list[str]) -> None:
    if isinstance(obj, str):
        if len(obj) >= 60:
            out.append(obj)
    elif isinstance(obj, dict):
        for v in obj.values():
            _strings(v, out)
    elif isinstance(obj, list):
        for v in obj:
            _strings(v, out)


def background_paragraphs(root: Path) -> list[str]:
    paras: list[str] = []
    for path in sorted(root.rglob("*")):
        if path.suffix == ".csv" and "crypto" not in path.parts:
            with path.open(encoding="utf-8", errors="replace", newline="") as f:
                for row in csv.reader(f):
                    paras += [c for c in row if len(c) >= 60 and "BEGIN PGP" not in c]
        elif path.suffix in (".json", ".jsonl") and "crypto" not in path.parts:
            raw = path.read_text(encoding="utf-8", errors="replace")
            docs = raw.splitlines() if path.suffix == ".jsonl" else [raw]
            for d in docs:
                try:
                    _strings(json.loads(d), paras)
                except ValueError:
                    continue
    return [s for p in paras if len(s := scrub(p)) >= 60]


def real_addresses(root: Path) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {"btc": [], "eth": [], "xmr": []}
    ofac = root / "crypto" / "ofac-sdn-addresses" / "ofac_sdn_addresses_2024-09-27.csv"
    with ofac.open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            # One "XBT" entry of the list is a Tron address (T...): keep Bitcoin-format ones.
            if r["currency"] == "XBT" and r["address"].startswith(("1", "3", "bc1")):
                out["btc"].append(r["address"])
            elif r["currency"] == "ETH":
                out["eth"].append(r["address"])
            elif r["currency"] == "XMR" and len(r["address"]) == 95:
                out["xmr"].append(r["address"])
    rw = root / "crypto" / "ransomware-addresses" / "cable2024_showing_the_receipts_addresses2020-22.csv"
    with rw.open(encoding="utf-8") as f:
        out["btc"] += [r["address"] for r in csv.DictReader(f)]
    return out


def onion_v3(rng: random.Random, good: bool = True) -> str:
    pub = rng.randbytes(32)
    chk = hashlib.sha3_256(b".onion checksum" + pub + b"\x03").digest()[:2]
    if not good:
        chk = bytes([chk[0] ^ 0x5A, chk[1]])
    return base64.b32encode(pub + chk + b"\x03").decode().lower() + ".onion"


FIRST = ["nord", "loup", "sable", "green", "dark", "blue", "kraut", "lune", "sol", "pharma"]
LAST = ["trade", "shop", "store", "plug", "vendor", "market", "labs", "direct", "express"]
PHONE_REGIONS = ["FR", "DE", "ES", "GB", "US", "NL", "BE", "CH", "IT"]
FIREARMS = [("Glock 19", "Glock 19"), ("gl0ck 17", "Glock 17"), ("AK-47", "AK-47"),
            ("Kalashnikov", "AK-47"), ("AR-15", "AR-15"), ("Makarov", "Makarov PM"),
            ("CZ Scorpion", "CZ Scorpion"), ("TT-33", "Tokarev TT-33"), ("Beretta 92FS", "Beretta 92FS")]
CALIBRES = [("9mm Luger", "9x19mm"), ("9x19", "9x19mm"), ("7.62x39", "7.62x39mm"),
            (".45 ACP", ".45 ACP"), ("12 gauge", "12 gauge"), ("calibre 12", "12 gauge"),
            (".22 LR", ".22 LR")]


class Planter:
    def __init__(self, rng: random.Random, real: dict[str, list[str]]) -> None:
        self.rng = rng
        self.fac = AddressFactory(rng)
        self.real = real

    def handle(self) -> str:
        r = self.rng
        return f"{r.choice(FIRST)}{r.choice(LAST)}{r.randrange(10, 999)}"

    def phone(self) -> tuple[str, str]:
        import phonenumbers

        while True:
            region = self.rng.choice(PHONE_REGIONS)
            ex = phonenumbers.example_number_for_type(region, phonenumbers.PhoneNumberType.MOBILE)
            nat = str(ex.national_number)
            nat = nat[:-3] + f"{self.rng.randrange(1000):03d}"
            num = phonenumbers.parse(f"+{ex.country_code}{nat}")
            if phonenumbers.is_valid_number(num):
                shown = phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
                return shown, phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.E164)

    def sentence(self) -> tuple[str, list[list[str]], list[list[str]]]:
        """One planted sentence: its text, valid [kind, value] pairs, invalid pairs."""
        r = self.rng
        choice = r.choices(
            ["btc", "btc_real", "xmr", "eth", "onion", "email", "phone", "handles", "trade",
             "bad_btc", "bad_xmr", "bad_eth", "bad_onion"],
            weights=[6, 3, 3, 3, 4, 4, 3, 3, 4, 4, 2, 2, 2],
        )[0]
        if choice == "btc":
            addr, _k = self.fac.btc()
            tpl = r.choice(["Send BTC to {}", "Bitcoin address: {}", "Adresse de paiement : {}",
                            "Zahlung an {} bitte", "Dirección BTC: {}"])
            return tpl.format(addr), [["btc", addr]], []
        if choice == "btc_real":
            addr = r.choice(self.real["btc"])
            return f"Escrow refunds go to {addr} only.", [["btc", addr]], []
        if choice == "xmr":
            addr = self.fac.xmr() if r.random() < 0.7 or not self.real["xmr"] else r.choice(self.real["xmr"])
            return f"XMR: {addr}", [["xmr", addr]], []
        if choice == "eth":
            addr = self.fac.eth() if r.random() < 0.7 else r.choice(self.real["eth"])
            return f"ETH/USDT (ERC-20) {addr}", [["eth", addr]], []
        if choice == "onion":
            o = onion_v3(r)
            tpl = r.choice(["New mirror: http://{}/market", "Notre miroir {} est en ligne",
                            "Spiegel: https://www.{}/", "link {}"])
            return tpl.format(o), [["onion", o]], []
        if choice == "email":
            e = f"{self.handle()}@{r.choice(['protonmail.com', 'tutanota.com', 'cock.li', 'gmail.com'])}"
            return f"Contact: {e}", [["email", e]], []
        if choice == "phone":
            shown, e164 = self.phone()
            tpl = r.choice(["WhatsApp: {}", "call/text {}", "Tél. {}", "Telefon {}"])
            extra = [["whatsapp", e164]] if tpl.startswith("WhatsApp") else []
            return tpl.format(shown), [["phone", e164], *extra], []
        if choice == "handles":
            w, t = self.handle(), self.handle()
            return (f"Wickr ID: {w} | Telegram: @{t}", [["wickr", w], ["telegram", t]], [])
        if choice == "trade":
            fa, fa_v = r.choice(FIREARMS)
            cal, cal_v = r.choice(CALIBRES)
            n, rounds = r.randrange(2, 900), r.randrange(1, 20) * 50
            return (f"{fa} en {cal}, {n} EUR, {rounds} rounds",
                    [["firearm", fa_v], ["calibre", cal_v], ["price", f"{n} EUR"],
                     ["quantity", f"{rounds} round"]], [])
        if choice == "bad_btc":
            addr, k = self.fac.btc()
            bad = corrupt(addr, k, r)
            return f"Send BTC to {bad}", [], [["btc", bad]]
        if choice == "bad_xmr":
            bad = corrupt(self.fac.xmr(), "xmr", r)
            return f"XMR: {bad}", [], [["xmr", bad]]
        if choice == "bad_eth":
            addr = self.fac.eth()
            for i in range(2, len(addr)):
                if addr[i].isalpha():
                    bad = addr[:i] + addr[i].swapcase() + addr[i + 1 :]
                    # Still mixed case: an all-upper or all-lower result is a legitimate
                    # "checksum: none" address, not a corrupted one.
                    letters = [c for c in bad[2:] if c.isalpha()]
                    mixed = any(c.isupper() for c in letters) and any(c.islower() for c in letters)
                    if not is_valid(bad, "eth") and mixed:
                        return f"ETH {bad}", [], [["eth", bad]]
            return "ETH none", [], []
        o = onion_v3(r, good=False)
        return f"mirror http://{o}/", [], [["onion", o]]


def build(size_mb: float, seed: int, out: Path) -> tuple[int, int]:
    root = shared_data()
    rng = random.Random(seed)
    paras = background_paragraphs(root)
    planter = Planter(rng, real_addresses(root))
    target = int(size_mb * 1_000_000)
    written = docs = 0
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as f:
        while written < target:
            parts: list[str] = []
            valid: list[list[str]] = []
            invalid: list[list[str]] = []
            for _ in range(rng.randrange(2, 7)):
                parts.append(rng.choice(paras))
                if rng.random() < 0.6:
                    s, v, bad = planter.sentence()
                    parts.append(s)
                    valid += v
                    invalid += bad
            text = "\n".join(parts)
            line = json.dumps({"text": text, "valid": valid, "invalid": invalid}, ensure_ascii=False)
            f.write(line + "\n")
            written += len(text.encode("utf-8"))
            docs += 1
    return docs, written


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size-mb", type=float, default=100.0)
    ap.add_argument("--seed", type=int, default=3)
    ap.add_argument("--out", type=Path, default=OUT / "extract_corpus.jsonl")
    a = ap.parse_args()
    docs, size = build(a.size_mb, a.seed, a.out)
    print(f"{a.out}: {docs} documents, {size / 1e6:.1f} MB of text")


if __name__ == "__main__":
    main()
