"""Onion service names: v3 (56 characters, checksum and version checked) and v2 (16 characters).

The scan anchors on the literal ".onion" and looks back at most 57 characters, so it costs one
fast substring search however hostile the text is. Names are case-insensitive; values are
lower case `name.onion`, also when the name sits inside a URL or behind a subdomain.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterator

from veille.records import Mention

_DOT_ONION = re.compile(r"\.onion(?![0-9A-Za-z-])", re.I)
# Base32 letters in either case (and the Kelvin sign, which lower-cases to "k"), ending where
# ".onion" starts: the name is read back from there in one bounded regex step.
_NAME_BEFORE = re.compile("[a-zA-Z2-7\u212a]{1,57}\\Z")


def onion_v3_ok(name: str) -> bool:
    """rend-spec-v3: base32(pubkey(32) | checksum(2) | version(1)), version 3,
    checksum = SHA3-256(".onion checksum" | pubkey | version)[:2]."""
    if len(name) != 56:
        return False
    try:
        raw = base64.b32decode(name.upper())
    except ValueError:
        return False
    pubkey, checksum, version = raw[:32], raw[32:34], raw[34:]
    if version != b"\x03":
        return False
    return hashlib.sha3_256(b".onion checksum" + pubkey + version).digest()[:2] == checksum


def find_onions(text: str) -> Iterator[Mention]:
    for m in _DOT_ONION.finditer(text):
        end = m.start()
        nm = _NAME_BEFORE.search(text, max(0, end - 57), end)
        i = nm.start() if nm else end
        label = text[i:end].lower()
        # The label must start the name or follow a dot (subdomain) or a non-name character.
        if i > 0 and (text[i - 1].isalnum() or text[i - 1] in "-_"):
            continue
        if len(label) == 56:
            if onion_v3_ok(label):
                yield Mention("onion", label + ".onion", i, m.end(), {"version": 3})
        elif len(label) == 16:
            yield Mention("onion_v2", label + ".onion", i, m.end(), {"version": 2})
