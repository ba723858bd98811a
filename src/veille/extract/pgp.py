"""OpenPGP: armoured public key blocks become fingerprints; fingerprints written in text are found.

Blocks are parsed by Sequoia (pysequoia), which reads old- and new-format packets. Scraped
blocks often lost their line breaks (a page flattened to one line), so when the block does not
parse as it stands the base64 body is rebuilt from its tokens and parsed as binary. A block that
still does not parse, or that has no END line, is skipped with a warning; it never raises.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC

from veille.records import Mention

BEGIN = "-----BEGIN PGP PUBLIC KEY BLOCK-----"
END = "-----END PGP PUBLIC KEY BLOCK-----"
MAX_BLOCK_CHARS = 2_000_000  # a key with thousands of signatures is still far below this
MAX_USER_IDS = 50

_B64_TOKEN = re.compile(r"[A-Za-z0-9+/=]+")
_ARMOR_HEADER = re.compile(r"^(?:Version|Comment|Hash|Charset|MessageID):.*$", re.M)
# A written fingerprint: 40 hex digits, possibly in groups of four; or a key id (16 or 8 hex,
# usually 0x-prefixed). Only reported after a label, since bare hex is usually a hash.
# Labels that announce a fingerprint, looked up by literal search in the lower-cased text.
FPR_LABELS = ("pgp", "gpg", "fingerprint", "fpr", "key id", "keyid", "key-id", "schlüssel",
              "fingerabdruck", "empreinte", "huella", "clef", "clé")
_FPR_VALUE = re.compile(
    r"[\s:=\-.>(\[]{0,12}(?:(?P<fpr>(?:[0-9A-Fa-f]{4}[ \u00a0]{0,2}){9}[0-9A-Fa-f]{4})"
    r"|(?P<kid>0x[0-9A-Fa-f]{16}|0x[0-9A-Fa-f]{8}|[0-9A-Fa-f]{16}))(?![0-9A-Za-z])"
)
_LABEL_WINDOW = 60  # characters between a label and the fingerprint it announces

Warn = Callable[[str], None]


def _first_line(e: BaseException) -> str:
    msg = str(e).strip()
    return msg.splitlines()[0] if msg else type(e).__name__


def _algorithm_name(pk: object, body: bytes) -> str:
    name = str(getattr(pk, "key_algorithm", "")).rsplit(".", 1)[-1]
    # The public-key packet body is: version(1) created(4) algorithm(1) then MPIs; the first MPI's
    # 2-byte bit count is the modulus size for RSA, DSA and Elgamal.
    if name.startswith(("RSA", "DSA", "ElGamal")) and len(body) > 8 and body[0] == 4:
        bits = int.from_bytes(body[6:8], "big")
        family = "RSA" if name.startswith("RSA") else "DSA" if name == "DSA" else "ElGamal"
        return f"{family}-{bits}"
    return name


def parse_key(data: bytes) -> dict[str, object]:
    """Fingerprint and details of the first certificate in `data` (armoured or binary).

    Raises ValueError when the data holds no readable public key.
    """
    import pysequoia
    from pysequoia import packet

    try:
        cert = pysequoia.Cert.from_bytes(data)
        fpr = str(cert.fingerprint).upper()
    except Exception as e:  # pysequoia raises plain Exception subclasses from Rust
        raise ValueError(_first_line(e)) from e
    details: dict[str, object] = {"key_id": fpr[-16:], "user_ids": []}
    # User IDs come from the packets, not from `cert.user_ids`: that applies Sequoia's standard
    # policy, which rejects the SHA-1 self-signatures most 2010s market keys carry, and we want
    # what the key says, not whether it would be accepted for encryption today.
    user_ids: list[str] = []
    try:
        for pk in packet.PacketPile.from_bytes(data):
            if pk.tag == packet.Tag.PublicKey and "created" not in details:
                created = pk.key_created
                if created is not None:
                    details["created"] = created.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
                details["algorithm"] = _algorithm_name(pk, bytes(pk.body or b""))
            elif pk.tag == packet.Tag.UserID and len(user_ids) < MAX_USER_IDS:
                uid = pk.user_id
                if isinstance(uid, bytes | bytearray):
                    uid = bytes(uid).decode("utf-8", "replace")
                if uid is not None and uid not in user_ids:
                    user_ids.append(str(uid))
    except Exception:  # details are a bonus; the fingerprint already came from the cert
        pass
    details["user_ids"] = user_ids
    return {"fingerprint": fpr, **details}


def _rebuild_binary(block: str) -> bytes | None:
    """The key bytes of an armour whose line breaks were lost, or None."""
    body = block[len(BEGIN) : -len(END)]
    body = _ARMOR_HEADER.sub(" ", body)
    tokens = _B64_TOKEN.findall(body.replace("\\n", " "))
    # Drop header words that survived flattening: the key data starts with the first token that
    # begins like a public-key packet ('m' old format, 'x' new format) and is line-sized.
    start = next((i for i, t in enumerate(tokens) if t[0] in "mx" and len(t) >= 40), None)
    if start is None:
        return None
    tokens = tokens[start:]
    if tokens and tokens[-1].startswith("=") and len(tokens[-1]) == 5:
        tokens = tokens[:-1]  # the CRC-24 line
    data = "".join(tokens)
    if "=" in data:
        # A CRC glued to the last line ("...AQAB=abcd") once breaks were lost.
        data = data[: data.index("=")]
        data = data.rstrip("=")
    data += "=" * (-len(data) % 4)
    try:
        return base64.b64decode(data)
    except (binascii.Error, ValueError):
        return None


MAX_WARNINGS = 20


def find_pgp_blocks(text: str, warn: Warn) -> Iterator[Mention]:
    # Every search below moves forward only and the position of the next END line is
    # remembered, so a page of BEGIN lines without END costs one pass, not one pass per BEGIN.
    pos = 0
    next_end = -2  # not searched yet
    warned = 0

    def skip(message: str) -> None:
        nonlocal warned
        warned += 1
        if warned <= MAX_WARNINGS:
            warn(message)
        elif warned == MAX_WARNINGS + 1:
            warn("more broken PGP public key blocks; further warnings suppressed")

    while True:
        start = text.find(BEGIN, pos)
        if start < 0:
            return
        if next_end != -1 and next_end < start + len(BEGIN):
            next_end = text.find(END, start + len(BEGIN))
        nxt = text.find(BEGIN, start + len(BEGIN))
        if next_end < 0 or next_end - start > MAX_BLOCK_CHARS or 0 <= nxt < next_end:
            skip(f"PGP public key block at offset {start} has no END line (truncated); skipped")
            if nxt < 0:
                return
            pos = nxt
            continue
        end = next_end + len(END)
        pos = end
        block = text[start:end]
        key = None
        error = ""
        try:
            key = parse_key(block.replace("\r\n", "\n").encode("utf-8", "replace"))
        except ValueError as e:
            error = str(e)
            raw = _rebuild_binary(block)
            if raw:
                try:
                    key = parse_key(raw)
                except ValueError as e2:
                    error = str(e2)
        if key is None:
            skip(f"PGP public key block at offset {start} does not parse ({error}); skipped")
            continue
        fpr = str(key.pop("fingerprint"))
        yield Mention("pgp", fpr, start, end, key)


def _occurrences(low: str) -> Iterator[tuple[int, str]]:
    for lab in FPR_LABELS:
        i = low.find(lab)
        while i >= 0:
            yield i, lab
            i = low.find(lab, i + 1)


def _label_ends(low: str, hits: Iterable[tuple[int, str]] | None = None) -> list[int]:
    """Ends of the PGP labels standing as words; `hits` (from prefilter.scan) are the places
    a label may start, else every occurrence is looked up."""
    ends = set()
    for i, lab in _occurrences(low) if hits is None else hits:
        e = i + len(lab)
        if (low.startswith(lab, i) and (i == 0 or not low[i - 1].isalnum())
                and not low[e : e + 1].isalnum()):
            ends.add(e)
    return sorted(ends)


def find_fingerprints(text: str, low: str | None = None,
                      hits: Iterable[tuple[int, str]] | None = None) -> Iterator[Mention]:
    low = text.lower() if low is None else low
    for label_end in _label_ends(low, hits):
        # The value follows the label, possibly after a few words ("PGP key fingerprint is:").
        window_end = min(len(text), label_end + _LABEL_WINDOW)
        for i in range(label_end, window_end):
            c = text[i]
            if c in "0123456789abcdefABCDEF" and (i == label_end or not text[i - 1].isalnum()):
                vm = _FPR_VALUE.match(text, i)
                if vm:
                    if vm.group("fpr"):
                        value = re.sub(r"\s", "", vm.group("fpr")).upper()
                        yield Mention("pgp_fingerprint", value, vm.start("fpr"), vm.end("fpr"),
                                      {"form": "fingerprint"})
                    else:
                        kid = vm.group("kid")
                        value = kid[2:].upper() if kid[:2] in ("0x", "0X") else kid.upper()
                        yield Mention("pgp_fingerprint", value, vm.start("kid"), vm.end("kid"),
                                      {"form": "key_id"})
                    break
            elif c == "\n" and i > label_end + 1 and text[i - 1] == "\n":
                break
