"""Checksum-valid identifiers built from a seeded RNG: crypto addresses and v3 onion names.

The demo corpus must exercise checksum validation in the extract stage, so every address is
built the way wallets build them (Base58Check, bech32/bech32m, Monero's block-wise base58 with
Keccak-256, EIP-55 casing). Bech32/bech32m encoding and Keccak come from the extract stage's
codecs (the `bech32` PyPI package lacks bech32m); the test-suite checks every address with an
independent decoder.
"""

from __future__ import annotations

import base64
import hashlib
import random

from Crypto.Hash import SHA3_256

from veille.extract.codecs import (
    BECH32_CHARSET,
    b58check_decode,
    keccak256,
    segwit_decode,
    segwit_encode,
    xmr_decode,
)

B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


def b58encode(data: bytes) -> str:
    n = int.from_bytes(data, "big")
    out = ""
    while n:
        n, r = divmod(n, 58)
        out = B58[r] + out
    pad = len(data) - len(data.lstrip(b"\0"))
    return "1" * pad + out


def base58check(payload: bytes) -> str:
    check = hashlib.sha256(hashlib.sha256(payload).digest()).digest()[:4]
    return b58encode(payload + check)


def segwit_address(hrp: str, witver: int, program: bytes) -> str:
    return segwit_encode(hrp, witver, program)


def _monero_b58(data: bytes) -> str:
    # Monero encodes 8-byte blocks into 11 characters each (a short last block gets fewer),
    # so the usual big-integer base58 would give a different string.
    full_len = {0: 0, 1: 2, 2: 3, 3: 5, 4: 6, 5: 7, 6: 9, 7: 10, 8: 11}
    out = []
    for i in range(0, len(data), 8):
        block = data[i : i + 8]
        n = int.from_bytes(block, "big")
        chars = []
        for _ in range(full_len[len(block)]):
            n, r = divmod(n, 58)
            chars.append(B58[r])
        out.append("".join(reversed(chars)))
    return "".join(out)


class AddressFactory:
    """Builds addresses from its own RNG stream so that adding a page never shifts them."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def _bytes(self, n: int) -> bytes:
        return self.rng.randbytes(n)

    def btc_p2pkh(self) -> str:
        return base58check(b"\x00" + self._bytes(20))

    def btc_p2sh(self) -> str:
        return base58check(b"\x05" + self._bytes(20))

    def btc_p2wpkh(self) -> str:
        return segwit_address("bc", 0, self._bytes(20))

    def btc_p2tr(self) -> str:
        return segwit_address("bc", 1, self._bytes(32))

    def btc(self) -> tuple[str, str]:
        kind = self.rng.choices(
            ["btc_p2pkh", "btc_p2sh", "btc_p2wpkh", "btc_p2tr"], weights=[3, 2, 4, 2]
        )[0]
        return getattr(self, kind)(), kind

    def xmr(self) -> str:
        payload = b"\x12" + self._bytes(64)
        return _monero_b58(payload + keccak256(payload)[:4])

    def eth(self) -> str:
        raw = self._bytes(20).hex()
        digest = keccak256(raw.encode()).hex()
        return "0x" + "".join(
            c.upper() if c.isalpha() and int(digest[i], 16) >= 8 else c for i, c in enumerate(raw)
        )

    def onion(self) -> str:
        pubkey = self._bytes(32)
        version = b"\x03"
        checksum = SHA3_256.new(b".onion checksum" + pubkey + version).digest()[:2]
        return base64.b32encode(pubkey + checksum + version).decode().lower() + ".onion"


def is_valid(address: str, kind: str) -> bool:
    """Re-check an address with the extract stage's decoders (used to make sure a corruption
    broke it; the tests check every address with decoders of their own)."""
    if kind in ("btc_p2pkh", "btc_p2sh"):
        return b58check_decode(address) is not None
    if kind in ("btc_p2wpkh", "btc_p2tr"):
        decoded = segwit_decode("bc", address)
        return decoded is not None and decoded[0] == (0 if kind == "btc_p2wpkh" else 1)
    if kind == "xmr":
        return xmr_decode(address) is not None
    if kind == "eth":
        raw = address[2:]
        digest = keccak256(raw.lower().encode()).hex()
        return all(
            (c.isupper() if int(digest[i], 16) >= 8 else c.islower())
            for i, c in enumerate(raw)
            if c.isalpha()
        )
    raise ValueError(f"unknown address kind {kind!r}")


def corrupt(address: str, kind: str, rng: random.Random) -> str:
    """Change one character so the checksum fails (the result is re-checked, never assumed)."""
    alphabet = BECH32_CHARSET if kind in ("btc_p2wpkh", "btc_p2tr") else B58
    start = 4 if kind in ("btc_p2wpkh", "btc_p2tr") else 2
    for _ in range(10_000):
        i = rng.randrange(start, len(address))
        c = rng.choice(alphabet)
        if c == address[i]:
            continue
        bad = address[:i] + c + address[i + 1 :]
        if not is_valid(bad, kind):
            return bad
    raise RuntimeError(f"could not corrupt {address!r}: every change still passed the {kind} checksum")
