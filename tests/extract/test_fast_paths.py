"""The speed shortcuts find exactly what the plain scans they replace would find."""

from __future__ import annotations

import random
import re

from veille.extract import arms, extract, money
from veille.extract._text import lower_view, starts_regex, trie_regex

_PIECES = [
    " ", "  ", "\n", ".", ",", "-", "x", "(", "9mm", ".45", "45", "acp", "cal", "calibre", "12",
    "gauge", "7.62x39", "1.223", ".223", "rem", "a", "k", "kal", "č", "€", "$", "eur", "euros",
    "btc", "usd", "1 450,50", "1.200,00", "g", "kg", "pills", "rounds", "+33 6 12 34 56 78",
    "tel", "whatsapp", "wickr", "AbCdEf0123456789" * 5, "==", "/", "0", "7", "2016-05-12",
]


def _texts(n: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(_PIECES) for _ in range(rnd.randint(1, 60))) for _ in range(n)]


def _plain_calibre_scan() -> re.Pattern[str]:
    """The calibre scan as first written: a zero-width boundary test before the trie."""
    raw = arms._load("calibres.toml")
    atoms = [arms._calibre_atoms(a) for c in raw["calibre"] for a in c["aliases"]]
    return re.compile(r"(?a)(?:\b|(?=\.\d))(?:" + trie_regex(atoms) + ")" + arms._AFTER)


def test_calibre_scan_matches_the_plain_scan() -> None:
    plain, fast = _plain_calibre_scan(), arms.calibre_matcher().scan
    texts = _texts(3000, 1) + [".45 acp", "x.45 acp", "cal.45", "a9mm", "9mm", "1.223 .223"]
    hits = 0
    for t in texts:
        low = lower_view(t)
        want = [m.span() for m in plain.finditer(low)]
        assert [m.span() for m in fast.finditer(low)] == want, t
        hits += len(want)
    assert hits > 1000  # the random texts do exercise the scan


def test_starts_regex_finds_overlapping_occurrences() -> None:
    words = ["tele", "elegram", "wick", "ickr", "kik", "kik "]
    r = starts_regex(words)
    for t in ["telegram wickr kik kik", "teletele", "wickrickr", "TELE tele"] + _texts(500, 2):
        want = sorted({i for w in words for i in range(len(t)) if t.startswith(w, i)})
        assert [m.start() for m in r.finditer(t)] == want, t


def test_number_run_shortcuts_keep_every_price_quantity_and_phone() -> None:
    """Extraction with the run pre-filter equals the consumers run on every number."""
    for t in _texts(1500, 3):
        low = lower_view(t)
        runs = money.number_runs(t)
        got = [(m.kind, m.value, m.start, m.end)
               for m in extract(t, kinds=["price", "quantity"], default_region="FR")]
        blobs = [m.span() for m in re.finditer(r"[0-9A-Za-z+/=]{64,}", t)]
        prose = [r for r in runs if not any(s <= r[0] < e for s, e in blobs)]
        want = sorted(
            [(m.kind, m.value, m.start, m.end) for m in money.find_prices(t, low, prose)]
            + [(m.kind, m.value, m.start, m.end) for m in money.find_quantities(t, low, prose)],
            key=lambda x: (x[2], x[3], x[0]),
        )
        assert got == want, t


_FIREARM_PIECES = [
    " ", "\n", "-", ".", "glock", "gl0ck", "19", "g19", "ak", "47", "ak-47", "kalash", "ruger",
    "m77", "hawkeye", ".223", "remington", "308", "winchester", "model", "70", "sig", "sauer",
    "p226", "sti", "still", "design", "zoraki", "914", "mas", "36", "mauser", "k98k", "9mm",
    "makarov", "Ü", "€", "ç", "12", "ga", "7,62x39", "x", "×", "30-06", "springfield", "é",
    # crypto tokens, PGP and contact labels
    "1BoatSLRHtKNngkdXEeobR76b53LETtpyT", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4",
    "rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTh", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
    "AbCdEf0123456789AbCd", "pgp", "fingerprint", "clé", "schlüssel", "key id", ":",
    "3F2C 9A11 0B7E 55D1 2A6C  8E0F 1D9B 44A2 6C13 7E55", "0x1D9B44A26C137E55", "wickr",
    "wickr me", "telegram", "@vendor_99", "kik", "icq", "signal", "session", "jabber",
    "vendor99@exploit.im", "t.me/vendor_99", "wa.me/33612345678", "télégram",
    # bare calibres after a gun or a chambering word
    "chambered in", "fires", "cal.", "kaliber", "local", "308", "5.56", "30-06", ".45", "22",
    "rounds", "$750",
]


def _signals_off(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from veille.extract import prefilter

    monkeypatch.setattr(prefilter, "_database", lambda: None)


def _all(texts: list[str]) -> list[list[tuple[str, str, int, int]]]:
    return [[(m.kind, m.value, m.start, m.end) for m in extract(t, default_region="FR")]
            for t in texts]


def test_hyperscan_prefilter_gives_the_same_mentions_as_the_plain_scans(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from veille.extract import prefilter

    if not prefilter.available():
        import pytest

        pytest.skip("hyperscan is not installed here: only the plain scans run")
    rnd = random.Random(5)
    texts = _texts(1500, 4) + ["".join(rnd.choice(_FIREARM_PIECES) for _ in range(rnd.randint(1, 40)))
                               for _ in range(1500)]
    texts += [
        "Glock 19 Gen5 9mm, 650 € – 1/2 oz, tél: 06 12 34 56 78, .45 ACP x 50 rounds",
        "Прекрасный Glock 17 за 500 €, 10 г, тел. 06 12 34 56 78, 7,62×39 — ÜBER 1.200,00 EUR",
        "$625\nAK-47 en .22 LR, 331 EUR, 800 rounds", "1 " * 3000 + "€", "€" + "1 " * 3000,
        "9" * 70 + " € " + "A" * 70 + "12 € 5g",
        "5\x1c€ and 7\x1dEUR, 3\u2009g, 12\u00a0rounds",  # whitespace Python knows, ASCII-ish
    ]
    fast = _all(texts)
    assert sum(len(x) for x in fast) > 3000  # the texts do exercise every extractor
    _signals_off(monkeypatch)
    assert _all(texts) == fast


def test_prefilter_offsets_are_characters_not_bytes() -> None:
    from veille.extract import prefilter

    if not prefilter.available():
        import pytest

        pytest.skip("hyperscan is not installed here")
    low = lower_view("Ünïcödé ☃ glock 19 für 650 € oder 7,62×39")
    signals = prefilter.scan(low)
    assert signals is not None
    assert low[signals.firearm_starts[0]:].startswith("glock 19")
    runs = [low[s:e] for s, e in signals.price_runs]
    assert "650" in runs and "19" not in runs  # "€" is "?" for Hyperscan: more runs, never fewer
    assert any(low[s:].startswith("7,62×39") for s in signals.calibre_starts)


def test_prefilter_is_safe_from_several_threads() -> None:
    from concurrent.futures import ThreadPoolExecutor

    texts = _texts(400, 9) + ["Glock 19, 650 €, 9mm x 50 rounds, tél: 06 12 34 56 78"] * 50
    alone = _all(texts)
    with ThreadPoolExecutor(max_workers=4) as pool:
        parts = list(pool.map(lambda t: _all([t])[0], texts))
    assert parts == alone


def test_prefilter_waits_for_a_megabyte_before_compiling(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from veille.extract import prefilter

    if not prefilter.available():
        import pytest

        pytest.skip("hyperscan is not installed here")
    monkeypatch.setattr(prefilter, "_wanted", False)
    monkeypatch.setattr(prefilter, "_seen", 0)
    assert prefilter.scan("glock 19 for 650 €") is None  # one short text: not worth compiling
    big = "glock 19 for 650 € " * (prefilter.COMPILE_AFTER_CHARS // 19 + 1)
    assert prefilter.scan(big) is not None
    assert prefilter.scan("glock 19") is not None  # from then on, every text
