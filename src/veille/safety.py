"""Safety checks shared by importers: restricted-content policy and content sniffing.

Restricted content is defined by the user, never by this code: term lists and SHA-256 hash
lists placed in the case's `policy/` folder (`*.terms.txt` / `terms.txt`: one term or phrase
a line; `*.hashes.txt` / `hashes.txt`: one SHA-256 a line; `#` starts a comment). A capture
that matches is quarantined: its body is never written anywhere, only its URL, hash, time
and the name of the list that matched are kept, for referral to the authorities.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

_MAGIC = {
    b"\x89PNG": "PNG image",
    b"\xff\xd8\xff": "JPEG image",
    b"GIF8": "GIF image",
    b"%PDF": "PDF document",
    b"PK\x03\x04": "ZIP archive",
    b"\x7fELF": "ELF executable",
    b"MZ": "Windows executable",
    b"RIFF": "RIFF media",
    b"\x00\x00\x00": "binary data",
}


def sniff_binary(head: bytes) -> str | None:
    """Name the kind of binary content, or None when the bytes look like text."""
    for magic, name in _MAGIC.items():
        if head.startswith(magic):
            return name
    if b"\x00" in head[:8192]:
        return "binary data (NUL bytes)"
    return None


def _read_lines(path: Path) -> list[str]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.append(line)
    return out


@dataclass
class RestrictedPolicy:
    terms: dict[str, list[str]] = field(default_factory=dict)  # list name -> terms
    hashes: dict[str, str] = field(default_factory=dict)  # sha256 -> list name
    _pattern: re.Pattern[str] | None = field(default=None, init=False, repr=False)
    _term_list: dict[str, str] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        alternatives = []
        for list_name, terms in self.terms.items():
            for term in terms:
                key = term.casefold()
                self._term_list.setdefault(key, list_name)
                alternatives.append(re.escape(key).replace(r"\ ", r"\s+"))
        if alternatives:
            alternatives.sort(key=len, reverse=True)
            self._pattern = re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)")

    @classmethod
    def load(cls, policy_dir: Path) -> RestrictedPolicy:
        terms: dict[str, list[str]] = {}
        hashes: dict[str, str] = {}
        if policy_dir.is_dir():
            for path in sorted(policy_dir.iterdir()):
                if path.name.endswith("terms.txt"):
                    terms[path.name] = _read_lines(path)
                elif path.name.endswith("hashes.txt"):
                    for h in _read_lines(path):
                        hashes[h.lower()] = path.name
        return cls(terms=terms, hashes=hashes)

    @property
    def empty(self) -> bool:
        return not self.hashes and self._pattern is None

    def check(self, sha256: str, body: bytes) -> str | None:
        """The reason a capture is restricted ("hash list X" / "term list X"), or None."""
        if sha256 in self.hashes:
            return f"hash list {self.hashes[sha256]}"
        if self._pattern is not None:
            m = self._pattern.search(body.decode("utf-8", "replace").casefold())
            if m:
                key = re.sub(r"\s+", " ", m.group(0))
                return f"term list {self._term_list.get(key, '?')}"
        return None
