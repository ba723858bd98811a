"""Extraction on real material from ../shared/data (skipped when the data is absent).

- dream-2016-sellers-pgp: all 689 armoured keys give the fingerprints in the derived table
  (computed by the data set's curator with `gpg --show-keys`), also once a page has flattened
  the armour to one line;
- crypto/: every OFAC SDN and ransomware address is found and validated, except the four OFAC
  entries explained in EXPLAINED_OFAC;
- anita-markets: the contact handles vendors post.
"""

from __future__ import annotations

import collections
import csv
import json
from datetime import UTC, datetime

import pytest

from tests.conftest import shared_data
from veille.extract import CRYPTO_KINDS, extract, extract_with_warnings

csv.field_size_limit(10**8)


def _dream_rows() -> tuple[list[dict], dict[str, dict]]:
    folder = shared_data("dream-2016-sellers-pgp")
    with (folder / "DreamMarket2016_seller.csv").open(encoding="utf-8", errors="replace") as f:
        rows = [r for r in csv.DictReader(f) if "BEGIN PGP PUBLIC KEY BLOCK" in (r["pgp"] or "")]
    with (folder / "dream2016_seller_pgp_fingerprints_derived.csv").open(encoding="utf-8") as f:
        derived = {r["seller_name"]: r for r in csv.DictReader(f)}
    return rows, derived


def test_dream_689_keys_parse_to_the_derived_fingerprints() -> None:
    rows, derived = _dream_rows()
    assert len(rows) == 689
    mismatches = []
    for r in rows:
        res = extract_with_warnings(r["pgp"], kinds=["pgp"])
        keys = [m for m in res.mentions if m.kind == "pgp"]
        want = derived[r["seller_name"]]
        if len(keys) != 1 or keys[0].value != want["primary_fpr"]:
            mismatches.append((r["seller_name"], [k.value for k in keys], res.warnings))
            continue
        k = keys[0]
        created = datetime.fromtimestamp(int(want["key_created_unix"]), UTC)
        assert k.details["created"] == created.strftime("%Y-%m-%dT%H:%M:%SZ")
        assert k.details["key_id"] == want["primary_fpr"][-16:]
        assert k.details["algorithm"]
        assert k.details["user_ids"], r["seller_name"]
    assert mismatches == []
    # mQIN... is an old-format 4096-bit RSA key: the modulus size comes from the packet.
    first = extract(rows[0]["pgp"], kinds=["pgp"])[0]
    assert rows[0]["pgp"].split("\n\n", 1)[1].startswith("mQIN")
    assert first.details["algorithm"] == "RSA-4096"


def test_dream_keys_shared_by_two_seller_names() -> None:
    rows, _ = _dream_rows()
    by_fpr: dict[str, set[str]] = collections.defaultdict(set)
    for r in rows:
        for m in extract(r["pgp"], kinds=["pgp"]):
            by_fpr[m.value].add(r["seller_name"])
    shared = {f: names for f, names in by_fpr.items() if len(names) > 1}
    assert len(shared) == 5  # SOURCE.md: 5 fingerprints are shared by two seller names
    assert any({"amsterdam2015", "WhiteDevils"} <= names for names in shared.values())


def test_dream_keys_survive_a_page_that_flattened_the_armour() -> None:
    rows, derived = _dream_rows()
    # Every tenth key, with its line breaks turned into spaces and prose around it.
    page = "\n".join(
        f"Vendor {r['seller_name']} profile. My key: {' '.join(r['pgp'].split())} Thanks!"
        for r in rows[::10]
    )
    res = extract_with_warnings(page)
    got = [m.value for m in res.mentions if m.kind == "pgp"]
    assert got == [derived[r["seller_name"]]["primary_fpr"] for r in rows[::10]]
    assert res.warnings == []
    # Nothing is read out of the base64 of the keys.
    inside = [m for m in res.mentions if m.kind != "pgp" and "mQ" in page[m.start - 3 : m.end]]
    assert inside == []


def _ofac() -> list[dict]:
    path = shared_data("crypto", "ofac-sdn-addresses", "ofac_sdn_addresses_2024-09-27.csv")
    with path.open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


# The OFAC entries that are legitimately not reported, and why.
EXPLAINED_OFAC = {
    # Listed under XMR but 64 hex digits: a transaction hash or key, not a Monero address.
    "5be5543ff73456ab9f2d207887e2af87322c651ea1a873c5b25b7ffae456c320",
    # Valid Base58Check, but Verge shares version 30 with Dogecoin: the address alone cannot
    # say which chain it is on, so it is not reported.
    "DFFJhnQNZf8rf67tYnesPu7MuGUpYtzv7Z",
}
# What each OFAC currency code is reported as: tokens (USDT, USDC) and EVM chains travel on
# their host chain's address format; BCH/BSV legacy addresses are Bitcoin-format.
OFAC_KINDS = {"XBT": {"btc", "trx"}, "ETH": {"eth"}, "LTC": {"ltc"}, "BCH": {"bch", "btc"},
              "XMR": {"xmr"}, "ZEC": {"zec"}, "DASH": {"dash"}, "TRX": {"trx"},
              "USDT": {"eth", "trx", "btc"}, "USDC": {"eth"}, "ARB": {"eth"}, "BSC": {"eth"},
              "ETC": {"eth"}, "BSV": {"btc"}, "BTG": {"btg"}, "XRP": {"xrp"}}


def test_ofac_sdn_addresses_found_and_validated() -> None:
    rows = _ofac()
    assert len(rows) == 654
    text = "\n".join(f"SDN {r['currency']}: {r['address']}; " for r in rows)
    found = {text[m.start : m.end]: m for m in extract(text, kinds=sorted(CRYPTO_KINDS))}
    per_kind = collections.Counter()
    missing = []
    for r in rows:
        addr = r["address"]
        m = found.get(addr) or found.get("bitcoincash:" + addr)
        if m is None:
            missing.append(addr)
            continue
        assert m.kind in OFAC_KINDS[r["currency"]], (r, m)
        per_kind[m.kind] += 1
    assert sorted(missing) == sorted(EXPLAINED_OFAC)
    # One address the list files under XBT is a Tron address (Base58Check version 0x41).
    assert per_kind == {"btc": 443, "eth": 165, "trx": 18, "ltc": 10, "bch": 6, "dash": 3,
                        "zec": 3, "xmr": 2, "btg": 1, "xrp": 1}


@pytest.mark.parametrize(
    ("name", "column"),
    [("huang2018_cerber_locky_ransom_payments.csv", "potential_ransom_wallet_addr"),
     ("ransomwhere_addresses_via_opensanctions.csv", "address"),
     ("cable2024_showing_the_receipts_addresses2020-22.csv", "address")],
)
def test_ransomware_addresses_all_found(name: str, column: str) -> None:
    path = shared_data("crypto", "ransomware-addresses", name)
    with path.open(encoding="utf-8") as f:
        addrs = [r[column] for r in csv.DictReader(f)]
    text = "\n".join(f"ransom note: send BTC to {a}." for a in addrs)
    got = [text[m.start : m.end] for m in extract(text, kinds=["btc"])]
    assert got == addrs


def _agartha_texts() -> list[str]:
    path = shared_data("anita-markets", "2020_03_31_agartha_product.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    return [str((p.get("page_data") or {}).get("info") or "") for p in data.values()]


def test_anita_vendor_handles() -> None:
    found: dict[str, set[str]] = collections.defaultdict(set)
    for t in _agartha_texts():
        for m in extract(t):
            found[m.kind].add(m.value)
    # Handles read off the listings by hand (see the module docstring), glue cut where a
    # flattened page ran the next word into the handle ("secure99Hello", "madmax2200Kik").
    expected_wickr = {"jason30594", "secure99", "brookmax5", "legitmed007", "sicario999",
                      "backspace99", "walgreenstore", "pusher22", "greenshop4200", "inlandpro",
                      "coachman12", "wilshop07", "madmax2200", "legitboss33", "amazingshop",
                      "pharmahouse", "ket31", "chemsman", "xaviergras", "shipout1", "levicooper",
                      "methedplug", "easywayvendor"}
    assert expected_wickr <= found["wickr"], expected_wickr - found["wickr"]
    assert {"madmax7454", "brookmax56"} <= found["kik"]
    assert {"madmax2200", "methedplug", "walgreenstore"} <= found["telegram"]
    assert {"747165525", "748227943"} <= found["icq"]
    # Phones were pseudonymised into the +44 7700 900xxx drama range: labelled ones are kept.
    assert "+447700900000" in found["whatsapp"] and "+447700900000" in found["phone"]
    assert "contact001@protonmail.com" in found["email"]
    # Prose around the messenger names never becomes a handle.
    junk = {"app", "messenger", "or", "me", "id", "before", "from", "the", "name"}
    for kind in ("wickr", "kik", "telegram"):
        assert not (found[kind] & junk), (kind, found[kind] & junk)


def test_anita_real_pages_via_visible_text() -> None:
    from veille.parse.html import decode_html, html_tree, visible_text

    path = shared_data("anita-markets", "drugsmedicine_vendor_fredthebaker_2019-09-11.htm")
    text = visible_text(html_tree(decode_html(path.read_bytes())[0]))
    res = extract_with_warnings(text)
    keys = [m for m in res.mentions if m.kind == "pgp"]
    assert len(keys) == 1 and len(keys[0].value) == 40 and keys[0].value.isupper()
    prices = [m for m in res.mentions if m.kind == "price"]
    assert prices and all(m.details["currency"] == "BTC" for m in prices)
