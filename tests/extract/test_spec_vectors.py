"""Official test vectors: BIP-173, BIP-350, EIP-55, Tor rend-spec-v3 onion names, CashAddr.

Each address is also embedded in prose, so the vectors test the extractor, not only the codec.
"""

from __future__ import annotations

import base64
import hashlib
import random

import pytest

from veille.demo.addresses import AddressFactory, corrupt, is_valid
from veille.extract import extract
from veille.extract.codecs import BECH32_CONST, BECH32M_CONST, bech32_decode, segwit_decode


def _found(text: str, kind: str | None = None) -> list:
    return [m for m in extract(text) if kind is None or m.kind == kind]


def _in_prose(addr: str) -> list:
    text = f"Payment address: {addr} (send exact amount)."
    return [m for m in extract(text) if text[m.start : m.end] == addr or m.kind in
            ("btc", "ltc", "bch", "xmr", "eth", "zec", "dash", "trx", "btg", "xrp")]


# --- BIP-173 / BIP-350 ------------------------------------------------------------------------

# BIP-350 "Test vectors for v0-v16 native segregated witness addresses": valid ones, with the
# scriptPubKey each must decode to.
BIP350_VALID = [
    ("BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4", "0014751e76e8199196d454941c45d1b3a323f1433bd6"),
    ("tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7",
     "00201863143c14c5166804bd19203356da136c985678cd4d27a1b8c6329604903262"),
    ("bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kt5nd6y",
     "5128751e76e8199196d454941c45d1b3a323f1433bd6751e76e8199196d454941c45d1b3a323f1433bd6"),
    ("BC1SW50QGDZ25J", "6002751e"),
    ("bc1zw508d6qejxtdg4y5r3zarvaryvaxxpcs", "5210751e76e8199196d454941c45d1b3a323"),
    ("tb1qqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvsesrxh6hy",
     "0020000000c4a5cad46221b2a187905e5266362b99d5e91c6ce24d165dab93e86433"),
    ("tb1pqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvsesf3hn0c",
     "5120000000c4a5cad46221b2a187905e5266362b99d5e91c6ce24d165dab93e86433"),
    ("bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0",
     "512079be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798"),
]

# BIP-350 invalid addresses (reason in the comment, as in the BIP).
BIP350_INVALID = [
    "tc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq5zuyut",  # invalid hrp
    "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd",  # bech32 instead of bech32m
    "tb1z0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqglt7rf",  # bech32 instead of bech32m
    "BC1S0XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ54WELL",  # bech32 instead of bech32m
    "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh",  # bech32m instead of bech32
    "tb1q0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq24jc47",  # bech32m instead of bech32
    "bc1p38j9r5y49hruaue7wxjce0updqjuyyx0kh56v8s25huc6995vvpql3jow4",  # invalid character
    "BC130XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ7ZWS8R",  # invalid witness version
    "bc1pw5dgrnzv",  # invalid program length (1 byte)
    "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7v8n0nx0muaewav253zgeav",  # 41 bytes
    "BC1QR508D6QEJXTDG4Y5R3ZARVARYV98GJ9P",  # invalid program length for witness version 0
    "tb1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq47Zagq",  # mixed case
    "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7v07qwwzcrf",  # zero padding > 4 bits
    "tb1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vpggkg4j",  # non-zero padding
    "bc1gmk9yu",  # empty data section
]

# BIP-173 invalid addresses.
BIP173_INVALID = [
    "tc1qw508d6qejxtdg4y5r3zarvary0c5xw7kg3g4ty",  # invalid hrp
    "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5",  # invalid checksum
    "BC13W508D6QEJXTDG4Y5R3ZARVARY0C5XW7KN40WF2",  # invalid witness version
    "bc1rw5uspcuh",  # invalid program length
    "bc10w508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kw5rljs90",
    "BC1QR508D6QEJXTDG4Y5R3ZARVARYV98GJ9P",  # invalid program length for witness version 0
    "tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sL5k7",  # mixed case
    "bc1zw508d6qejxtdg4y5r3zarvaryvqyzf3du",  # zero padding of more than 4 bits
    "tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3pjxtptv",  # non-zero padding
    "bc1gmk9yu",  # empty data section
]

# BIP-173's valid v1+ addresses were bech32; BIP-350 made them invalid. They must be rejected.
BIP173_V1_NOW_INVALID = [
    "bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7k7grplx",
    "BC1SW50QA3JX3S",
    "bc1zw508d6qejxtdg4y5r3zarvaryvg6kdaj",
]

# Bech32 / bech32m strings (checksum only, not addresses).
BECH32_VALID = ["A12UEL5L", "a12uel5l",
                "an83characterlonghumanreadablepartthatcontainsthenumber1andtheexcludedcharactersbio1tt5tgs",
                "abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw",
                "11qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqc8247j",
                "split1checkupstagehandshakeupstreamerranterredcaperred2y9e3w", "?1ezyfcl"]
BECH32M_VALID = ["A1LQFN3A", "a1lqfn3a",
                 "an83characterlonghumanreadablepartthatcontainsthetheexcludedcharactersbioandnumber11sg7hg6",
                 "abcdef1l7aum6echk45nj3s0wdvt2fg8x9yrzpqzd3ryx",
                 "11llllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllludsr8",
                 "split1checkupstagehandshakeupstreamerranterredcaperredlc445v", "?1v759aa"]
BECH32_INVALID = ["pzry9x0s0muk", "1pzry9x0s0muk", "x1b4n0q5v", "li1dgmt3", "de1lg7wt\xff",
                  "A1G7SGD8", "10a06t8", "1qzzfhee"]


def _script(addr: str) -> str:
    hrp = addr.lower()[: addr.lower().rfind("1")]
    dec = segwit_decode(hrp, addr)
    assert dec is not None, addr
    witver, prog = dec
    op = 0 if witver == 0 else 0x50 + witver
    return bytes([op, len(prog)]).hex() + prog.hex()


@pytest.mark.parametrize(("addr", "script"), BIP350_VALID)
def test_bip350_valid_addresses_decode_and_are_found(addr: str, script: str) -> None:
    assert _script(addr) == script
    found = _found(f"send to {addr} today", "btc")
    assert [m.value for m in found] == [addr.lower()]
    if addr.lower().startswith("tb1"):
        assert found[0].details["network"] == "testnet"
    else:
        assert "network" not in found[0].details
    assert found[0].details["encoding"] == ("bech32" if addr.lower()[3] == "q" else "bech32m")


@pytest.mark.parametrize("addr", BIP350_INVALID + BIP173_INVALID + BIP173_V1_NOW_INVALID)
def test_bip173_bip350_invalid_addresses_are_never_reported(addr: str) -> None:
    assert _in_prose(addr) == []


@pytest.mark.parametrize("s", BECH32_VALID)
def test_bech32_strings(s: str) -> None:
    dec = bech32_decode(s)
    assert dec is not None and dec[2] == BECH32_CONST


@pytest.mark.parametrize("s", BECH32M_VALID)
def test_bech32m_strings(s: str) -> None:
    dec = bech32_decode(s)
    assert dec is not None and dec[2] == BECH32M_CONST


@pytest.mark.parametrize("s", BECH32_INVALID)
def test_bech32_invalid_strings(s: str) -> None:
    assert bech32_decode(s) is None


# --- EIP-55 -----------------------------------------------------------------------------------

EIP55_MIXED = [
    "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
    "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
    "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
    "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb",
]
EIP55_ALL_CAPS = ["0x52908400098527886E0F7030069857D2E4169EE7",
                  "0x8617E340B3D01FA5F11F306F4090FD50E238070D"]
EIP55_ALL_LOWER = ["0xde709f2102306220921060314715629080e2fb77",
                   "0x27b1fdb04752bbc536007a920d24acb045561c26"]


@pytest.mark.parametrize("addr", EIP55_MIXED)
def test_eip55_mixed_case_passes_and_keeps_its_case(addr: str) -> None:
    found = _found(f"ETH: {addr}", "eth")
    assert [(m.value, m.details["checksum"]) for m in found] == [(addr, "eip55")]


@pytest.mark.parametrize("addr", EIP55_MIXED)
def test_eip55_one_flipped_letter_is_rejected(addr: str) -> None:
    i = next(i for i, c in enumerate(addr) if i >= 2 and c.isalpha())
    bad = addr[:i] + addr[i].swapcase() + addr[i + 1 :]
    assert _found(f"ETH: {bad}", "eth") == []


@pytest.mark.parametrize("addr", EIP55_ALL_CAPS + EIP55_ALL_LOWER)
def test_single_case_eth_is_kept_without_checksum(addr: str) -> None:
    found = _found(f"ETH: {addr}", "eth")
    assert [(m.value, m.details["checksum"]) for m in found] == [("0x" + addr[2:].lower(), "none")]


def test_eth_needs_exactly_40_hex_digits() -> None:
    assert _found("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAedd", "eth") == []
    assert _found("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAe", "eth") == []
    assert _found("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeg", "eth") == []


# --- Tor rend-spec-v3 onion names -------------------------------------------------------------

ONION_V3 = [  # well-known public services
    "duckduckgogg42xjoc72x3sjasowoarfbgcmvfimaftt6twagswzczad.onion",
    "2gzyxa5ihm7nsggfxnu52rck2vv4rvmdlkiu3zzui5du4xyclen53wid.onion",  # torproject.org
    "facebookwkhpilnemxj7asaniu7vnjjbiltxjqhye3mhbshg7kx5tfyd.onion",
]


def _onion(pubkey: bytes, version: int, good_checksum: bool = True) -> str:
    v = bytes([version])
    chk = hashlib.sha3_256(b".onion checksum" + pubkey + v).digest()[:2]
    if not good_checksum:
        chk = bytes([chk[0] ^ 1, chk[1]])
    return base64.b32encode(pubkey + chk + v).decode().lower() + ".onion"


@pytest.mark.parametrize("name", ONION_V3)
def test_onion_v3_known_services_in_urls(name: str) -> None:
    text = f"mirror: https://{name.upper()}/market/?ref=1 and http://www.{name}"
    found = _found(text, "onion")
    assert [m.value for m in found] == [name, name]
    assert text[found[1].start : found[1].end] == name


def test_onion_v3_checksum_and_version_are_checked() -> None:
    key = bytes(range(32))
    good = _onion(key, 3)
    assert [m.value for m in _found(f"at {good}")] == [good]
    assert _found(f"at {_onion(key, 3, good_checksum=False)}", "onion") == []
    assert _found(f"at {_onion(key, 2)}", "onion") == []  # right checksum, wrong version
    flipped = ("b" if good[5] != "b" else "c").join([good[:5], good[6:]])
    assert _found(f"at {flipped}", "onion") == []
    # A one-letter slip in a well-known name ("53wid" written "53wyd") is caught by the checksum.
    assert _found("2gzyxa5ihm7nsggfxnu52rck2vv4rvmdlkiu3zzui5du4xyclen53wyd.onion") == []


def test_onion_lengths() -> None:
    assert [(m.kind, m.value) for m in _found("old: silkroad7rn2puhj.onion/")] == [
        ("onion_v2", "silkroad7rn2puhj.onion")]
    assert _found("bad: silkroad7rn2puh.onion") == []  # 15 characters
    assert _found("x" * 60 + ".onion") == []  # longer than any name


# --- Base58Check, Monero, CashAddr: independent encoder from the demo package -------------------


def test_generated_addresses_found_and_corruptions_rejected() -> None:
    rng = random.Random(7)
    fac = AddressFactory(rng)
    kind_of = {"btc_p2pkh": "btc", "btc_p2sh": "btc", "btc_p2wpkh": "btc", "btc_p2tr": "btc",
               "xmr": "xmr", "eth": "eth"}
    for _ in range(60):
        for k in kind_of:
            addr = getattr(fac, k)()
            assert is_valid(addr, k)
            found = _found(f"pay {addr}.", kind_of[k])
            assert [m.value.lower() for m in found] == [addr.lower()], (k, addr)
            bad = corrupt(addr, k, rng) if k != "eth" else addr[:-1] + ("0" if addr[-1] != "0" else "1")
            if k == "eth" and not any(c.isupper() for c in bad[2:]):
                continue  # an all-lower-case corruption is a legitimate "checksum: none" address
            assert _found(f"pay {bad}.", kind_of[k]) == [], (k, bad)


@pytest.mark.parametrize(
    ("addr", "kind", "details"),
    [
        ("1BoatSLRHtKNngkdXEeobR76b53LETtpyT", "btc", {"type": "p2pkh"}),
        ("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", "btc", {"type": "p2pkh"}),  # genesis coinbase
        ("3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy", "btc", {"type": "p2sh"}),  # BIP-13 era example
        ("mipcBbFg9gMiCh81Kj8tqqdgoZub1ZJRfn", "btc", {"type": "p2pkh", "network": "testnet"}),
        # The XRP Ledger's genesis account: Base58Check in its own alphabet.
        ("rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTh", "xrp", {"type": "account"}),
        ("rrrrrrrrrrrrrrrrrrrrrhoLvTp", "xrp", {"type": "account"}),  # ACCOUNT_ZERO
    ],
)
def test_base58check_known(addr: str, kind: str, details: dict) -> None:
    found = _found(f"({addr})", kind)
    assert [(m.value, m.details) for m in found] == [(addr, details)]
    bad = addr[:-1] + ("a" if addr[-1] != "a" else "b")
    assert _in_prose(bad) == []


def test_cashaddr_spec_example() -> None:
    # CashAddr spec example (the same hash as 1BpEi6DfDAUFd7GtittLSdBeYJvcoaVggu).
    addr = "bitcoincash:qpm2qsznhks23z7629mms6s4cwef74vcwvy22gdx6a"
    found = _found(f"BCH {addr} ok", "bch")
    assert [m.value for m in found] == [addr]
    assert found[0].start == 4
    assert [m.value for m in _found("BCH qpm2qsznhks23z7629mms6s4cwef74vcwvy22gdx6a", "bch")] == [addr]
    assert _found("BCH qpm2qsznhks23z7629mms6s4cwef74vcwvy22gdx6b") == []


def test_monero_subaddress_and_integrated() -> None:
    from veille.demo.addresses import _monero_b58, keccak256

    rng = random.Random(11)
    for tag, extra, kind_type in ((42, 0, "subaddress"), (19, 8, "integrated"), (18, 0, "standard"),
                                  (53, 0, "standard")):
        payload = bytes([tag]) + rng.randbytes(64 + extra)
        addr = _monero_b58(payload + keccak256(payload)[:4])
        found = _found(f"XMR {addr}", "xmr")
        assert [(m.value, m.details["type"]) for m in found] == [(addr, kind_type)]
        assert found[0].details.get("network", "mainnet") == ("testnet" if tag == 53 else "mainnet")
        bad = _monero_b58(payload + bytes(4))
        assert _found(f"XMR {bad}", "xmr") == []
