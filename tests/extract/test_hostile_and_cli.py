"""Hostile input (huge lines, long base58/hex runs, binary junk) and the `veille extract` command.

No timings here: the linear-time check lives in benchmarks/bench_extract_adversarial.py.
"""

from __future__ import annotations

import json

from typer.testing import CliRunner

from veille.cli import app
from veille.extract import extract, extract_with_warnings

VALID_BTC = "1BoatSLRHtKNngkdXEeobR76b53LETtpyT"
B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


def test_long_base58_run_with_addresses_around_it() -> None:
    run = (B58 * 20_000)[:1_000_000]
    text = f"{VALID_BTC} {run} {run[:34]} x {VALID_BTC}"
    ms = extract(text)
    # The run and a 34-character slice of it are not addresses (checksum); the real ones are.
    assert [(m.kind, m.start) for m in ms if m.kind == "btc"] == [("btc", 0), ("btc", len(text) - 34)]


def test_multi_megabyte_single_line() -> None:
    line = ("a0Zx9 ." * 500_000)[:3_000_000]  # the 10 MB figure is in the benchmark
    text = line + " contact@example.org"
    ms = extract(text)
    assert [(m.kind, m.value) for m in ms] == [("email", "contact@example.org")]


def test_hex_run_and_onion_run() -> None:
    text = "0x" + "ab" * 500_000 + " " + "a" * 200_000 + ".onion " + "@" * 100_000
    assert extract(text) == []


def test_max_chars_is_a_warning_not_a_failure() -> None:
    res = extract_with_warnings("pay " + VALID_BTC + " " + "x" * 100, max_chars=50)
    assert [m.kind for m in res.mentions] == ["btc"]
    assert res.warnings and "only the first 50" in res.warnings[0]


def test_offsets_point_at_the_text() -> None:
    text = "é€ 1 450,50 €, ✓ wickr: vendeur99, 💊 25g " + VALID_BTC
    for m in extract(text):
        assert text[m.start : m.end], m
    assert any(text[m.start : m.end] == VALID_BTC for m in extract(text))


runner = CliRunner()


def test_cli_reads_text_from_stdin() -> None:
    res = runner.invoke(app, ["extract", "-"], input=f"send to {VALID_BTC} please\n")
    assert res.exit_code == 0, res.output
    rows = [json.loads(line) for line in res.stdout.splitlines()]
    assert rows == [{"kind": "btc", "value": VALID_BTC, "start": 8, "end": 42, "type": "p2pkh"}]


def test_cli_reads_html_as_visible_text(tmp_path) -> None:
    page = tmp_path / "vendor.html"
    page.write_text(
        "<html><head><script>var a='" + VALID_BTC + "';</script></head><body>"
        "<p>Wickr ID: <b>trusted99</b></p><p>Prix&nbsp;: 1&nbsp;450,50 &euro;</p></body></html>",
        encoding="utf-8",
    )
    res = runner.invoke(app, ["extract", str(page)])
    assert res.exit_code == 0, res.output
    rows = [json.loads(line) for line in res.stdout.splitlines()]
    kinds = [(r["kind"], r["value"]) for r in rows]
    assert ("wickr", "trusted99") in kinds
    assert ("price", "1450.5 EUR") in kinds
    assert all(r["kind"] != "btc" for r in rows)  # scripts are not visible text


def test_cli_kind_filter_and_errors(tmp_path) -> None:
    f = tmp_path / "t.txt"
    f.write_text(f"{VALID_BTC} and 25g", encoding="utf-8")
    res = runner.invoke(app, ["extract", str(f), "-k", "quantity"])
    assert [json.loads(x)["kind"] for x in res.stdout.splitlines()] == ["quantity"]
    res = runner.invoke(app, ["extract", str(f), "-k", "nonsense"])
    assert res.exit_code != 0
    res = runner.invoke(app, ["extract", str(tmp_path / "missing.txt")])
    assert res.exit_code == 2
    assert "missing.txt" in res.output


def test_cli_warns_on_broken_pgp_and_keeps_going(tmp_path) -> None:
    f = tmp_path / "p.txt"
    f.write_text("-----BEGIN PGP PUBLIC KEY BLOCK-----\nmQINBgarbage\n" + VALID_BTC,
                 encoding="utf-8")
    res = runner.invoke(app, ["extract", str(f)])
    assert res.exit_code == 0
    assert "p.txt" in res.stderr and "no END line" in res.stderr
    assert [json.loads(x)["kind"] for x in res.stdout.splitlines()] == ["btc"]


def test_kind_subsets_find_the_same_mentions() -> None:
    text = ("Mirror HTTP://DUCKDUCKGOGG42XJOC72X3SJASOWOARFBGCMVFIMAFTT6TWAGSWZCZAD.ONION/ "
            f"pay {VALID_BTC}, mail a.b@example.org, Wickr: trusted99, 25g for 1 450,50 €")
    full = extract(text)
    for kinds in (["onion"], ["btc", "email", "onion", "xmr"], ["wickr"], ["price", "quantity"]):
        assert extract(text, kinds=kinds) == [m for m in full if m.kind in kinds], kinds


def test_offsets_hold_when_lower_casing_changes_length() -> None:
    # "İ".lower() is two characters; the lower-cased view must keep offsets anyway.
    text = "İİİ Wickr: trusted99 İ Glock 19 İ 25g " + VALID_BTC
    got = {m.kind: text[m.start : m.end] for m in extract(text)}
    assert got["wickr"] == "trusted99"
    assert got["firearm"] == "Glock 19"
    assert got["quantity"] == "25g"
    assert got["btc"] == VALID_BTC
