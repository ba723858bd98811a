"""PGP: armoured blocks to fingerprints (new-format packets too), damage skipped with a warning."""

from __future__ import annotations

import json
from importlib import resources

import pysequoia

from veille.extract import extract, extract_with_warnings

KEYS = resources.files("veille.demo").joinpath("keys")


def _demo_keys(n: int = 3) -> list[tuple[str, dict]]:
    index = json.loads(KEYS.joinpath("index.json").read_text("utf-8"))
    return [(KEYS.joinpath(e["file"]).read_text("utf-8"), e) for e in index[:n]]


def test_new_format_key_block_gives_fingerprint_and_details() -> None:
    block, meta = _demo_keys(1)[0]
    assert block.split("\n\n", 1)[1].startswith("x")  # Sequoia writes new-format packets
    text = f"Vendor profile\n{block}\nShipping worldwide"
    [m] = [m for m in extract(text) if m.kind == "pgp"]
    assert m.value == meta["fingerprint"]
    assert m.details["key_id"] == meta["fingerprint"][-16:]
    assert m.details["user_ids"] == [meta["user_id"]]
    assert m.details["algorithm"]
    assert m.details["created"].endswith("Z")
    assert text[m.start : m.end] == block.strip()


def test_freshly_generated_key_round_trips() -> None:
    cert = pysequoia.Tsk.generate("Test <test@example.org>").extract_certificate()
    armored = str(cert)
    [m] = extract(armored, kinds=["pgp"])
    assert m.value == str(cert.fingerprint).upper()
    assert m.details["user_ids"] == ["Test <test@example.org>"]


def test_flattened_block_parses() -> None:
    block, meta = _demo_keys(1)[0]
    flat = " ".join(block.split())
    assert [m.value for m in extract(f"key: {flat} end", kinds=["pgp"])] == [meta["fingerprint"]]


def test_truncated_and_corrupt_blocks_are_skipped_with_warnings() -> None:
    (good, g), (second, s), (third, t) = _demo_keys(3)
    lines = second.strip().split("\n")
    corrupt_body = "\n".join(lines[:6] + ["!!!!" + lines[6][4:]] + lines[7:])
    corrupted = corrupt_body.replace(lines[8], lines[8][::-1]) if len(lines) > 9 else corrupt_body
    truncated = third[: len(third) // 2]  # no END line
    text = "\n".join([good, "addr 1BoatSLRHtKNngkdXEeobR76b53LETtpyT", corrupted, truncated,
                      "mirror dreadytofatroptsdj6io7l3xptbet6onoyno2yv7jicoxknyazubrad.onion"])
    warnings: list[str] = []
    ms = extract(text, on_warning=warnings.append)
    assert [m.value for m in ms if m.kind == "pgp"] == [g["fingerprint"]]
    # Everything else on the page is still found.
    assert {m.kind for m in ms} >= {"btc", "onion"}
    assert len(warnings) == 2
    assert any("does not parse" in w for w in warnings)
    assert any("no END line" in w for w in warnings)
    res = extract_with_warnings(text)
    assert res.warnings == warnings


def test_empty_and_garbage_blocks() -> None:
    text = "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\n-----END PGP PUBLIC KEY BLOCK-----"
    res = extract_with_warnings(text)
    assert res.mentions == [] and len(res.warnings) == 1
    junk = "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\n" + "QUJD" * 5000 + "\n-----END PGP PUBLIC KEY BLOCK-----"
    res = extract_with_warnings(junk)
    assert res.mentions == [] and len(res.warnings) == 1


def test_written_fingerprints_and_key_ids() -> None:
    text = ("PGP fingerprint: 1D9D EA53 92C6 A420 C868  ACC5 73E2 5F3B 44E1 3E81\n"
            "Empreinte : 13e1b819e358c2a25c17e8dcef14453816f0e7c0\n"
            "Key ID: 0x73E25F3B44E13E81\n"
            "sha1 13e1b819e358c2a25c17e8dcef14453816f0e7c0 of the file")
    got = [(m.value, m.details["form"]) for m in extract(text, kinds=["pgp_fingerprint"])]
    assert got == [("1D9DEA5392C6A420C868ACC573E25F3B44E13E81", "fingerprint"),
                   ("13E1B819E358C2A25C17E8DCEF14453816F0E7C0", "fingerprint"),
                   ("73E25F3B44E13E81", "key_id")]
