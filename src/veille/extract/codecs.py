"""Address encodings and their checksums: Base58Check, Monero base58, bech32/bech32m, CashAddr.

Decoders return None for anything that is not a well-formed, checksum-valid string; they never
raise on hostile input. Callers bound the input length before calling (every address format is
shorter than 130 characters), so the big-integer arithmetic here stays cheap.
"""

from __future__ import annotations

import hashlib

from Crypto.Hash import keccak

B58_ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_B58_INDEX = {c: i for i, c in enumerate(B58_ALPHABET)}
# The XRP Ledger uses the same Base58Check with its own alphabet.
XRP_ALPHABET = "rpshnaf39wBUDNEGHJKLM4PQRST7VWXYZ2bcdeCg65jkm8oFqi1tuvAxyz"
_XRP_INDEX = {c: i for i, c in enumerate(XRP_ALPHABET)}

BECH32_CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
_BECH32_INDEX = {c: i for i, c in enumerate(BECH32_CHARSET)}
BECH32_CONST = 1
BECH32M_CONST = 0x2BC830A3


def keccak256(data: bytes) -> bytes:
    return keccak.new(digest_bits=256, data=data).digest()


def sha256d(data: bytes) -> bytes:
    return hashlib.sha256(hashlib.sha256(data).digest()).digest()


# --- Base58Check (Bitcoin and the chains that copied it) -------------------------------------


def _b58_int(s: str, index: dict[str, int]) -> int | None:
    """The base-58 number `s` spells in the alphabet `index`, or None for a foreign character."""
    n = 0
    for c in s:
        v = index.get(c)
        if v is None:
            return None
        n = n * 58 + v
    return n


def b58decode(s: str, xrp: bool = False) -> bytes | None:
    index, zero = (_XRP_INDEX, "r") if xrp else (_B58_INDEX, "1")
    n = _b58_int(s, index)
    if n is None:
        return None
    pad = len(s) - len(s.lstrip(zero))
    body = n.to_bytes((n.bit_length() + 7) // 8, "big") if n else b""
    return b"\0" * pad + body


def b58check_decode(s: str, xrp: bool = False) -> bytes | None:
    """The payload (version bytes + hash) of a Base58Check string, or None if the checksum fails.
    `xrp`: in the XRP Ledger's alphabet."""
    raw = b58decode(s, xrp)
    if raw is None or len(raw) < 5:
        return None
    payload, check = raw[:-4], raw[-4:]
    if sha256d(payload)[:4] != check:
        return None
    return payload


# --- Monero's block-wise base58 ---------------------------------------------------------------

# Monero encodes 8-byte blocks into 11 characters; a short final block gets fewer characters.
_XMR_BLOCK_BYTES = {0: 0, 2: 1, 3: 2, 5: 3, 6: 4, 7: 5, 9: 6, 10: 7, 11: 8}


def xmr_b58decode(s: str) -> bytes | None:
    out = bytearray()
    for i in range(0, len(s), 11):
        chunk = s[i : i + 11]
        size = _XMR_BLOCK_BYTES.get(len(chunk))
        if size is None:
            return None
        n = _b58_int(chunk, _B58_INDEX)
        if n is None or n >> (8 * size):
            return None
        out += n.to_bytes(size, "big")
    return bytes(out)


def xmr_decode(s: str) -> bytes | None:
    """The payload (varint tag + keys [+ payment id]) of a Monero address, Keccak-checked."""
    raw = xmr_b58decode(s)
    if raw is None or len(raw) < 5:
        return None
    payload, check = raw[:-4], raw[-4:]
    if keccak256(payload)[:4] != check:
        return None
    return payload


# --- bech32 / bech32m (BIP-173, BIP-350) ------------------------------------------------------


_GEN = (0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)


def _gen_xor(top: int) -> int:
    out = 0
    for i in range(5):
        if (top >> i) & 1:
            out ^= _GEN[i]
    return out


# BIP-173's inner loop tabulated once: what to XOR in for each value of the top five bits.
_GEN_TABLE = tuple(_gen_xor(b) for b in range(32))


def _polymod(values: list[int]) -> int:
    chk = 1
    table = _GEN_TABLE
    for v in values:
        chk = ((chk & 0x1FFFFFF) << 5 ^ v) ^ table[chk >> 25]
    return chk


def _hrp_expand(hrp: str) -> list[int]:
    return [ord(x) >> 5 for x in hrp] + [0] + [ord(x) & 31 for x in hrp]


def segwit_encode(hrp: str, witver: int, program: bytes) -> str:
    """A segwit address: bech32 for version 0, bech32m for later versions (BIP-350)."""
    const = BECH32_CONST if witver == 0 else BECH32M_CONST
    data = [witver] + (convertbits(program, 8, 5, pad=True) or [])
    pm = _polymod(_hrp_expand(hrp) + data + [0] * 6) ^ const
    checksum = [(pm >> 5 * (5 - i)) & 31 for i in range(6)]
    return hrp + "1" + "".join(BECH32_CHARSET[d] for d in data + checksum)


def bech32_decode(s: str) -> tuple[str, list[int], int] | None:
    """(hrp, data without checksum, constant) for a valid bech32 or bech32m string, else None."""
    if len(s) > 90 or any(ord(c) < 33 or ord(c) > 126 for c in s):
        return None
    if s.lower() != s and s.upper() != s:
        return None  # mixed case is invalid by BIP-173
    s = s.lower()
    pos = s.rfind("1")
    if pos < 1 or pos + 7 > len(s):
        return None
    hrp = s[:pos]
    try:
        data = [_BECH32_INDEX[c] for c in s[pos + 1 :]]
    except KeyError:
        return None
    const = _polymod(_hrp_expand(hrp) + data)
    if const not in (BECH32_CONST, BECH32M_CONST):
        return None
    return hrp, data[:-6], const


def convertbits(data: list[int] | bytes, frombits: int, tobits: int, pad: bool) -> list[int] | None:
    acc = bits = 0
    ret: list[int] = []
    maxv = (1 << tobits) - 1
    for value in data:
        if value < 0 or value >> frombits:
            return None
        acc = (acc << frombits) | value
        bits += frombits
        while bits >= tobits:
            bits -= tobits
            ret.append((acc >> bits) & maxv)
    if pad:
        if bits:
            ret.append((acc << (tobits - bits)) & maxv)
    elif bits >= frombits or ((acc << (tobits - bits)) & maxv):
        return None
    return ret


def segwit_decode(hrp_expected: str, addr: str) -> tuple[int, bytes] | None:
    """(witness version, program) for a valid segwit address with this hrp (BIP-173/350 rules)."""
    dec = bech32_decode(addr)
    if dec is None:
        return None
    hrp, data, const = dec
    if hrp != hrp_expected or not data:
        return None
    witver = data[0]
    if witver > 16:
        return None
    prog = convertbits(data[1:], 5, 8, False)
    if prog is None or not 2 <= len(prog) <= 40:
        return None
    if witver == 0 and len(prog) not in (20, 32):
        return None
    # BIP-350: v0 uses bech32, v1+ uses bech32m.
    if (witver == 0) != (const == BECH32_CONST):
        return None
    return witver, bytes(prog)


# --- CashAddr (Bitcoin Cash) ------------------------------------------------------------------


def _cash_polymod(values: list[int]) -> int:
    gens = (0x98F2BC8E61, 0x79B76D99E2, 0xF33E5FB3C4, 0xAE2EABE2A8, 0x1E4F43E470)
    c = 1
    for d in values:
        c0 = c >> 35
        c = ((c & 0x07FFFFFFFF) << 5) ^ d
        for i in range(5):
            if (c0 >> i) & 1:
                c ^= gens[i]
    return c ^ 1


def cashaddr_decode(prefix: str, payload: str) -> tuple[int, bytes] | None:
    """(version byte, hash) for a valid CashAddr payload under `prefix`, else None."""
    if payload.lower() != payload and payload.upper() != payload:
        return None
    payload = payload.lower()
    try:
        data = [_BECH32_INDEX[c] for c in payload]
    except KeyError:
        return None
    if len(data) < 9:
        return None
    values = [ord(c) & 31 for c in prefix] + [0] + data
    if _cash_polymod(values) != 0:
        return None
    raw = convertbits(data[:-8], 5, 8, False)
    if raw is None or not raw:
        return None
    version, h = raw[0], bytes(raw[1:])
    size_bits = version & 7
    sizes = (20, 24, 28, 32, 40, 48, 56, 64)
    if len(h) != sizes[size_bits] or version & 0x80:
        return None
    return version, h
