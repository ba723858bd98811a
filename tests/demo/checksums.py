"""Independent checksum validators, written for the tests from the specifications (BIP-13/173/350,
Monero address format, EIP-55, Tor rend-spec-v3), so that the generator is not checked by itself."""

from __future__ import annotations

import base64
import hashlib

from Crypto.Hash import keccak

ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"


def _b58_int(s: str) -> int:
    n = 0
    for ch in s:
        n = n * 58 + ALPHABET.index(ch)
    return n


def base58check_version(addr: str) -> int | None:
    """The version byte of a valid Base58Check string, or None."""
    try:
        n = _b58_int(addr)
    except ValueError:
        return None
    zeros = len(addr) - len(addr.lstrip("1"))
    raw = b"\x00" * zeros + (n.to_bytes((n.bit_length() + 7) // 8, "big") if n else b"")
    if len(raw) != 25:
        return None
    body, check = raw[:-4], raw[-4:]
    if hashlib.sha256(hashlib.sha256(body).digest()).digest()[:4] != check:
        return None
    return body[0]


def segwit_version(addr: str, hrp: str = "bc") -> int | None:
    """Witness version of a valid bech32 (v0) / bech32m (v1+) address, or None."""
    if addr.lower() != addr or not addr.startswith(hrp + "1"):
        return None
    data_part = addr[len(hrp) + 1 :]
    try:
        data = [BECH32.index(c) for c in data_part]
    except ValueError:
        return None
    values = [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp] + data
    gens = (0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)
    chk = 1
    for v in values:
        top = chk >> 25
        chk = ((chk & 0x1FFFFFF) << 5) ^ v
        for i, g in enumerate(gens):
            if (top >> i) & 1:
                chk ^= g
    version = data[0]
    expected = 1 if version == 0 else 0x2BC830A3
    if chk != expected:
        return None
    prog_bits = (len(data) - 7) * 5
    prog_len = prog_bits // 8
    if version == 0 and prog_len not in (20, 32):
        return None
    if version == 1 and prog_len != 32:
        return None
    return version


def monero_valid(addr: str) -> bool:
    if len(addr) != 95:
        return False
    sizes = {11: 8, 7: 5}
    raw = b""
    try:
        for i in range(0, 95, 11):
            chunk = addr[i : i + 11]
            raw += _b58_int(chunk).to_bytes(sizes[len(chunk)], "big")
    except (ValueError, OverflowError, KeyError):
        return False
    if raw[0] != 0x12:
        return False
    return keccak.new(digest_bits=256, data=raw[:-4]).digest()[:4] == raw[-4:]


def eip55_valid(addr: str) -> bool:
    if not addr.startswith("0x") or len(addr) != 42:
        return False
    body = addr[2:]
    h = keccak.new(digest_bits=256, data=body.lower().encode()).hexdigest()
    for c, hc in zip(body, h[:40], strict=True):
        if c.isalpha() and (c.isupper() != (int(hc, 16) >= 8)):
            return False
    return True


def onion_v3_valid(name: str) -> bool:
    label = name.removesuffix(".onion")
    if len(label) != 56:
        return False
    raw = base64.b32decode(label.upper())
    pubkey, checksum, version = raw[:32], raw[32:34], raw[34:]
    expected = hashlib.sha3_256(b".onion checksum" + pubkey + version).digest()[:2]
    return version == b"\x03" and checksum == expected


def address_valid(addr: str, kind: str) -> bool:
    if kind == "btc_p2pkh":
        return base58check_version(addr) == 0x00
    if kind == "btc_p2sh":
        return base58check_version(addr) == 0x05
    if kind == "btc_p2wpkh":
        return segwit_version(addr) == 0
    if kind == "btc_p2tr":
        return segwit_version(addr) == 1
    if kind == "xmr":
        return monero_valid(addr)
    if kind == "eth":
        return eip55_valid(addr)
    raise AssertionError(f"unknown kind {kind}")
