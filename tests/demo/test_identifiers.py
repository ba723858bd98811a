"""Every address, onion name and PGP key in the demo corpus is real and checksum-valid, and the
deliberately corrupted addresses are not."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pysequoia
import pytest

from tests.demo.checksums import address_valid, onion_v3_valid
from veille.demo.actors import KEYS_DIR

ARMOR_RE = re.compile(r"-----BEGIN PGP PUBLIC KEY BLOCK-----.*?-----END PGP PUBLIC KEY BLOCK-----", re.S)
ONION_RE = re.compile(r"\b[a-z2-7]{56}\.onion\b")


def _unescape(s: str) -> str:
    return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&amp;", "&")


def _fingerprints_in(html: str) -> list[str]:
    return [pysequoia.Cert.from_bytes(_unescape(block).encode()).fingerprint.upper() for block in ARMOR_RE.findall(html)]


def test_every_address_passes_an_independent_checksum(corpus):
    _, _, truth = corpus
    kinds = {a["kind"] for a in truth["addresses"]}
    assert kinds == {"btc_p2pkh", "btc_p2sh", "btc_p2wpkh", "btc_p2tr", "xmr", "eth"}
    bad = [a for a in truth["addresses"] if not address_valid(a["address"], a["kind"])]
    assert bad == []
    for v in truth["vendors"]:
        for a in v["addresses"]:
            assert address_valid(a["address"], a["kind"]), (v["name"], a)


def test_vendor_addresses_are_printed_on_their_profile(corpus):
    out, _, truth = corpus
    for v in truth["vendors"]:
        html = (out / v["path"]).read_text(encoding="utf-8")
        for a in v["addresses"]:
            assert a["address"] in html, (v["path"], a)


def test_corrupted_addresses_fail_their_checksum_and_are_placed(corpus):
    out, _, truth = corpus
    corrupted = truth["corrupted_addresses"]
    assert len(corrupted) >= 5
    assert {c["site"] for c in corrupted} >= {"forum-passion-collection", "stock-prive"}
    by_url = _url_index(out)
    for c in corrupted:
        assert address_valid(c["corrupted_from"], c["kind"])
        assert not address_valid(c["address"], c["kind"])
        assert sum(x != y for x, y in zip(c["address"], c["corrupted_from"], strict=True)) == 1
        text = (out / c["url"]).read_text(encoding="utf-8") if c["url"].startswith("telegram/") else by_url[c["url"]].read_text(encoding="utf-8")
        assert c["address"] in text


def _url_index(out: Path) -> dict[str, Path]:
    index = {}
    for manifest in sorted(out.glob("sites/*/manifest.csv")):
        for line in manifest.read_text(encoding="utf-8").splitlines()[1:]:
            path, url, _ = line.split(",")
            index[url] = manifest.parent / path
    return index


def test_every_onion_name_has_a_valid_v3_checksum(corpus):
    out, _, truth = corpus
    assert len(truth["onions"]) >= 4
    for o in truth["onions"]:
        assert onion_v3_valid(o["onion"]), o
    seen = set()
    for manifest in sorted(out.glob("sites/*/manifest.csv")):
        seen.update(ONION_RE.findall(manifest.read_text(encoding="utf-8")))
    for v in truth["vendors"]:
        if v["shop_onion"]:
            seen.update(ONION_RE.findall((out / v["path"]).read_text(encoding="utf-8")))
    assert len(seen) >= 4
    assert all(onion_v3_valid(o) for o in seen)
    assert not onion_v3_valid("a" * 56 + ".onion")


def test_shipped_keys_are_public_openpgp_keys_with_the_indexed_fingerprint():
    index = json.loads((KEYS_DIR / "index.json").read_text(encoding="utf-8"))
    assert len(index) >= 40
    fingerprints = set()
    for entry in index:
        text = (KEYS_DIR / entry["file"]).read_text(encoding="ascii")
        assert "PRIVATE KEY" not in text
        cert = pysequoia.Cert.from_bytes(text.encode())
        assert cert.fingerprint.upper() == entry["fingerprint"]
        assert str(cert.user_ids[0]) == entry["user_id"] or entry["user_id"] in repr(cert.user_ids[0])
        fingerprints.add(entry["fingerprint"])
    assert len(fingerprints) == len(index)


def test_vendor_key_on_the_page_is_the_one_the_truth_names(corpus):
    out, _, truth = corpus
    with_key = [v for v in truth["vendors"] if v["pgp_fingerprint"]]
    assert len(with_key) >= 100
    for v in truth["vendors"]:
        html = (out / v["path"]).read_text(encoding="utf-8")
        assert _fingerprints_in(html) == ([v["pgp_fingerprint"]] if v["pgp_fingerprint"] else [])


# Published test vectors (BIP-13 examples, BIP-173, BIP-350, EIP-55).
VECTORS = {
    "btc_p2pkh": "1BoatSLRHtKNngkdXEeobR76b53LETtpyT",
    "btc_p2sh": "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy",
    "btc_p2wpkh": "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4",
    "btc_p2tr": "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0",
    "eth": "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
}


@pytest.mark.parametrize("kind", sorted(VECTORS))
def test_independent_validators_accept_published_vectors_and_reject_one_changed_character(kind):
    # Guards the guards: validators that accept anything would make the tests above pointless.
    good = VECTORS[kind]
    assert address_valid(good, kind)
    i = len(good) - 5
    alphabet = "0123456789abcdef" if kind == "eth" else "qpzry9x8gf2tvdw0s3jn54khce6mua7l" if kind.startswith("btc_p2w") or kind == "btc_p2tr" else "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
    for c in alphabet:
        if c.lower() != good[i].lower():
            assert not address_valid(good[:i] + c + good[i + 1 :], kind), c


def test_monero_validator_rejects_a_changed_character(corpus):
    _, _, truth = corpus
    xmr = next(a["address"] for a in truth["addresses"] if a["kind"] == "xmr")
    assert address_valid(xmr, "xmr")
    assert xmr[0] == "4" and len(xmr) == 95
    changed = xmr[:50] + ("A" if xmr[50] != "A" else "B") + xmr[51:]
    assert not address_valid(changed, "xmr")
