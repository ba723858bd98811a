"""Regenerate the fixed pool of vendor OpenPGP keys used by the demo corpus.

Key generation cannot be seeded, so the demo generator never creates keys: it reads this
committed pool (public keys only) and stays byte-for-byte deterministic. Run this script only
to replace the pool on purpose:

    .venv/bin/python -m veille.demo.make_keys [--count 120]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pysequoia

KEYS_DIR = Path(__file__).resolve().parent / "keys"

# Fixed handles so that the user IDs of the pool never change between regenerations.
_FIRST = [
    "nord", "loup", "sable", "ombre", "fer", "cobalt", "kalt", "wolf", "raven", "ghost",
    "iron", "viper", "falke", "bleu", "rouge", "schwarz", "grey", "ash", "tiger", "ours",
    "fuchs", "lynx", "silent", "dutch", "balkan", "alpine", "baltic", "rhein", "seine", "thames",
]
_SECOND = ["trade", "supply", "shop", "direct", "import", "garage", "depot", "store"]


def pool_names(count: int) -> list[str]:
    names: list[str] = []
    i = 0
    while len(names) < count:
        a = _FIRST[i % len(_FIRST)]
        b = _SECOND[(i // len(_FIRST)) % len(_SECOND)]
        names.append(f"{a}{b}")
        i += 1
    return names


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=120)
    args = ap.parse_args()
    KEYS_DIR.mkdir(exist_ok=True)
    for old in KEYS_DIR.glob("key-*.asc"):
        old.unlink()
    index = []
    for i, name in enumerate(pool_names(args.count)):
        uid = f"{name} <{name}@example.org>"
        cert = pysequoia.Tsk.generate(uid).extract_certificate()
        fname = f"key-{i:03d}.asc"
        (KEYS_DIR / fname).write_text(str(cert), encoding="ascii")
        index.append({"file": fname, "fingerprint": cert.fingerprint.upper(), "user_id": uid, "name": name})
    (KEYS_DIR / "index.json").write_text(json.dumps(index, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {len(index)} public keys to {KEYS_DIR}")


if __name__ == "__main__":
    main()
