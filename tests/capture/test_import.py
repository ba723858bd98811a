"""Importers on realistic inputs: saved pages, WARC, Telegram, exports, and hostile ones."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import sqlalchemy as sa
from warcio.archiveiterator import ArchiveIterator

from tests.capture.helpers import cli, telegram_export, write_site, write_telegram, write_warc
from tests.conftest import shared_data
from veille.store import schema as t
from veille.store.db import CaseStore


def rows(case: Path, table: sa.Table) -> list:
    store = CaseStore.open(case)
    with store.engine.connect() as conn:
        return conn.execute(sa.select(table)).all()


def test_real_market_pages_are_kept_byte_exact(case_dir: Path) -> None:
    folder = shared_data("anita-markets")
    pages = sorted(folder.glob("*.htm"))
    assert len(pages) == 3
    result = cli("import", "--case", case_dir, *pages)
    assert result.exit_code == 0, result.output
    caps = {r.id: r for r in rows(case_dir, t.captures)}
    assert len(caps) == 3
    for page in pages:
        digest = hashlib.sha256(page.read_bytes()).hexdigest()
        cap = caps[digest]
        assert cap.size == page.stat().st_size
        assert cap.source_file == str(page)
        assert cap.url.startswith("file://") and cap.url.endswith(page.name)
        out = case_dir / "out.bin"
        res = cli("export", "evidence", digest[:16], "--case", case_dir, "-o", out)
        assert res.exit_code == 0, res.output
        assert out.read_bytes() == page.read_bytes()
        assert digest in res.output


def test_manifest_gives_url_and_time(tmp_path: Path, case_dir: Path) -> None:
    write_site(tmp_path / "testmarket", 12)
    res = cli("import", "--case", case_dir, tmp_path / "testmarket")
    assert res.exit_code == 0, res.output
    caps = sorted(rows(case_dir, t.captures), key=lambda r: r.url)
    assert len(caps) == 12
    first = [c for c in caps if c.url == "http://testmarket.example/listing/0"][0]
    assert first.captured_at.replace(tzinfo=None).isoformat() == "2026-05-01T12:00:00"
    assert first.site == "testmarket.example"
    assert first.content_type == "text/html"


def test_reimport_adds_nothing(tmp_path: Path, case_dir: Path) -> None:
    write_site(tmp_path / "site", 30)
    write_warc(tmp_path / "crawl.warc.gz", 10)
    write_telegram(tmp_path / "tg" / "result.json", telegram_export(15))
    first = cli("import", "--case", case_dir, tmp_path)
    assert first.exit_code == 0, first.output
    n_caps = len(rows(case_dir, t.captures))
    n_obs = len(rows(case_dir, t.observations))
    evidence_size = sum(p.stat().st_size for p in (case_dir / "evidence").iterdir())
    assert n_caps == 30 + 10 + 16
    second = cli("import", "--case", case_dir, tmp_path)
    assert second.exit_code == 0
    assert "0 new" in second.output
    assert len(rows(case_dir, t.captures)) == n_caps
    assert len(rows(case_dir, t.observations)) == n_obs
    assert sum(p.stat().st_size for p in (case_dir / "evidence").iterdir()) == evidence_size


def test_same_bytes_at_two_urls_is_one_capture_two_observations(tmp_path: Path,
                                                               case_dir: Path) -> None:
    site = tmp_path / "mirror"
    site.mkdir()
    (site / "a.html").write_text("<html><title>Same</title><body>Same page</body></html>")
    (site / "manifest.csv").write_text(
        "path,url,captured_at\n"
        "a.html,http://one.example/p,2026-01-01T00:00:00Z\n"
    )
    other = tmp_path / "mirror2"
    other.mkdir()
    (other / "a.html").write_text("<html><title>Same</title><body>Same page</body></html>")
    (other / "manifest.csv").write_text(
        "path,url,captured_at\na.html,http://two.example/p,2026-02-01T00:00:00Z\n")
    assert cli("import", "--case", case_dir, site, other).exit_code == 0
    assert len(rows(case_dir, t.captures)) == 1
    assert {o.url for o in rows(case_dir, t.observations)} == {
        "http://one.example/p", "http://two.example/p"}


def test_warc_text_only_and_media_skipped(tmp_path: Path, case_dir: Path) -> None:
    bodies = write_warc(tmp_path / "crawl.warc.gz", 8, with_image=True)
    res = cli("import", "--case", case_dir, tmp_path / "crawl.warc.gz")
    assert res.exit_code == 0, res.output
    caps = rows(case_dir, t.captures)
    assert {c.id for c in caps} == {hashlib.sha256(b).hexdigest() for b in bodies}
    assert all(c.content_type.startswith("text/html") for c in caps)
    assert all(c.source_offset is not None for c in caps)


def test_truncated_warc_keeps_records_before_the_break(tmp_path: Path, case_dir: Path) -> None:
    whole = tmp_path / "whole.warc"
    bodies = write_warc(whole, 10)
    data = whole.read_bytes()
    cut = tmp_path / "cut.warc"
    # Cut in the middle of the 8th record's payload.
    cut.write_bytes(data[: data.index(b"(warc 7)") + 100])
    write_site(tmp_path / "other", 3)
    res = cli("import", "--case", case_dir, cut, tmp_path / "other")
    assert res.exit_code == 1
    assert "cut.warc" in res.output and "truncated" in res.output
    ids = {c.id for c in rows(case_dir, t.captures)}
    for body in bodies[:7]:
        assert hashlib.sha256(body).hexdigest() in ids
    assert hashlib.sha256(bodies[8]).hexdigest() not in ids
    assert len(ids) == 7 + 3


def test_bad_inputs_each_get_one_clear_line(tmp_path: Path, case_dir: Path) -> None:
    folder = tmp_path / "dump"
    folder.mkdir()
    (folder / "empty.html").write_bytes(b"")
    (folder / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (folder / "latin1.html").write_bytes("<html><body>Prix: 45 € - Qualité supérieure</body>"
                                         "</html>".encode("latin-1", "replace"))
    huge = folder / "huge.html"
    with open(huge, "wb") as fh:  # sparse: 200 MB on paper, nothing to read
        fh.truncate(200 * 1024 * 1024)
    (folder / "good.html").write_text("<html><title>ok</title><body>fine</body></html>")
    res = cli("import", "--case", case_dir, folder)
    assert res.exit_code == 1
    lines = res.output.splitlines()

    def line_for(name: str) -> str:
        found = [ln for ln in lines if name in ln]
        assert len(found) == 1, (name, lines)
        return found[0]

    assert "empty" in line_for("empty.html")
    assert "PNG" in line_for("image.html")
    assert "200.0 MB exceeds" in line_for("huge.html")
    assert line_for("latin1.html").startswith("warning:")
    caps = rows(case_dir, t.captures)
    assert sorted(Path(c.source_file).name for c in caps) == ["good.html", "latin1.html"]
    errors = rows(case_dir, t.import_errors)
    assert {Path(e.path).name for e in errors if e.level == "error"} == {
        "empty.html", "image.html", "huge.html"}


def test_telegram_export_messages_and_missing_fields(tmp_path: Path, case_dir: Path) -> None:
    data = telegram_export(12)
    del data["messages"][3]["date"]
    data["messages"][5] = "not a message"
    write_telegram(tmp_path / "chan" / "result.json", data)
    res = cli("import", "--case", case_dir, tmp_path / "chan" / "result.json")
    assert res.exit_code == 1
    assert "result.json: chat 777 message #3: missing field(s) date" in res.output
    assert "message #5" in res.output
    caps = rows(case_dir, t.captures)
    assert len(caps) == 13 - 2
    assert all(c.site == "telegram:777" for c in caps)
    assert cli("process", "--case", case_dir).exit_code == 0
    msgs = {m.message_id: m for m in rows(case_dir, t.messages)}
    assert len(msgs) == 11
    assert msgs["8"].reply_to == "7"
    assert msgs["2"].text.startswith("Fullz US + SSN (x10) - $85.00 @datakingz")
    assert msgs["2"].channel == "Canal Stock"
    assert msgs["2"].date == "2026-05-01T14:00:00"


def test_unrecognised_export_names_the_file(tmp_path: Path, case_dir: Path) -> None:
    f = tmp_path / "random.csv"
    f.write_text("a,b,c\n1,2,3\n")
    res = cli("import", "--case", case_dir, f)
    assert res.exit_code == 1
    assert "random.csv" in res.output and "--format" in res.output


def test_mapped_csv_export_becomes_listings(tmp_path: Path, case_dir: Path) -> None:
    mapping = tmp_path / "acme.toml"
    mapping.write_text(
        'name = "acme"\nfile = "csv"\nrecord = "listing"\nsite = "acme-market"\n'
        '[fields]\ntitle = "product"\nvendor = "seller"\nprice = "price"\n'
        'currency = "cur"\nships_to = "to"\nlisting_key = "id"\n'
    )
    data = tmp_path / "acme.csv"
    data.write_text(
        "id,product,seller,price,cur,to\n"
        "a1,Glock 17 Gen4,armurier_nord,\"1 200,50\",EUR,\"FR, BE, DE\"\n"
        "a2,Cocaine 5g,white_rabbit,0.0123,BTC,Worldwide\n"
        "a3,broken row,x,1,EUR,FR,extra\n",
        encoding="utf-8",
    )
    res = cli("import", "--case", case_dir, "--mapping", mapping, data)
    assert res.exit_code == 1  # the broken row is reported...
    assert "acme.csv: row at 4" in res.output
    assert len(rows(case_dir, t.captures)) == 2  # ...and the others are kept
    assert cli("process", "--case", case_dir).exit_code == 0
    listings = {r.listing_key: r for r in rows(case_dir, t.listings)}
    assert listings["a1"].price_amount == 1200.5 and listings["a1"].price_currency == "EUR"
    assert listings["a1"].ships_to == ["FR", "BE", "DE"]
    assert listings["a2"].price_currency == "BTC" and listings["a2"].vendor == "white_rabbit"
    assert listings["a1"].source == "format:acme"


def test_restricted_content_is_quarantined_not_stored(tmp_path: Path, case_dir: Path) -> None:
    policy = case_dir / "policy"
    policy.mkdir(parents=True)
    (policy / "placeholder.terms.txt").write_text("# neutral placeholder terms\nzzrestricted term\n")
    site = tmp_path / "s"
    site.mkdir()
    secret = "<html><body>offer ZZRESTRICTED   TERM here, unique-body-marker-91</body></html>"
    (site / "bad.html").write_text(secret)
    (site / "fine.html").write_text("<html><body>ordinary listing</body></html>")
    hashed = tmp_path / "h"
    hashed.mkdir()
    (hashed / "known.html").write_text("<html><body>known bad bytes</body></html>")
    (policy / "referral.hashes.txt").write_text(
        hashlib.sha256((hashed / "known.html").read_bytes()).hexdigest() + "\n")
    assert cli("import", "--case", case_dir, site, hashed).exit_code == 0
    q = {Path(r.source_file).name: r for r in rows(case_dir, t.quarantine)}
    assert set(q) == {"bad.html", "known.html"}
    assert q["bad.html"].sha256 == hashlib.sha256(secret.encode()).hexdigest()
    assert q["bad.html"].reason == "term list placeholder.terms.txt"
    assert q["known.html"].reason == "hash list referral.hashes.txt"
    assert [Path(c.source_file).name for c in rows(case_dir, t.captures)] == ["fine.html"]
    import gzip

    for ev in (case_dir / "evidence").iterdir():
        assert b"unique-body-marker-91" not in gzip.decompress(ev.read_bytes())
    status = json.loads(cli("status", "--case", case_dir, "--json").output)
    assert status["quarantined"] == 2 and status["captures"] == 1


def test_truncated_gzip_warc_reports_the_break(tmp_path: Path, case_dir: Path) -> None:
    whole = tmp_path / "whole.warc.gz"
    bodies = write_warc(whole, 10)
    data = whole.read_bytes()
    offsets = []
    with open(whole, "rb") as fh:
        it = ArchiveIterator(fh)
        for record in it:
            record.content_stream().read()
            offsets.append(it.get_record_offset())
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: offsets[7] + 100])  # inside the 8th gzip member
    res = cli("import", "--case", case_dir, cut)
    assert res.exit_code == 1
    assert "cut.warc.gz" in res.output and "truncated" in res.output
    ids = {c.id for c in rows(case_dir, t.captures)}
    kept = [b for b in bodies if hashlib.sha256(b).hexdigest() in ids]
    assert kept == bodies[:7]  # every record before the break


def test_non_utf8_export_rows_are_read_with_a_warning_naming_file_and_line(
    tmp_path: Path, case_dir: Path
) -> None:
    mapping = tmp_path / "acme.toml"
    mapping.write_text('name = "acme2"\nfile = "csv"\nrecord = "listing"\n'
                       '[fields]\ntitle = "product"\n')
    data = tmp_path / "latin.csv"
    data.write_bytes("product\nReplica watch\nFusil à pompe calibre 12\nHolster\n"
                     .encode("cp1252"))
    res = cli("import", "--case", case_dir, "--mapping", mapping, data)
    assert res.exit_code == 0, res.output
    warnings = [ln for ln in res.output.splitlines() if ln.startswith("warning:")]
    assert len(warnings) == 1
    assert "latin.csv" in warnings[0] and "line 3" in warnings[0] and "not UTF-8" in warnings[0]
    assert "0xe0" in warnings[0] and "'product'" in warnings[0]
    # Nothing else is lost: every row is imported (the bad byte replaced: see the next test).
    assert len(rows(case_dir, t.captures)) == 3


def test_builtin_export_with_a_bad_byte_keeps_every_row(tmp_path: Path) -> None:
    from veille.formats.common import iter_csv

    data = tmp_path / "export.csv"
    data.write_bytes(b"product,price\nGlock 19,500\nFusil \xe0 pompe,300\nHolster,20\n")
    got = list(iter_csv(data, "products"))
    assert [r.data["product"] for r in got] == ["Glock 19", "Fusil \ufffd pompe", "Holster"]
    assert [r.warning is not None for r in got] == [False, True, False]
    assert "export.csv: line 3: not UTF-8 (byte 0xe0 in column 'product')" in got[1].warning
    header = tmp_path / "header.csv"
    header.write_bytes(b"prix \xe9tiquette,product\n12,Holster\n")
    row = next(iter(iter_csv(header, "products")))
    assert row.warning is not None and "byte 0xe9" in row.warning  # the bad byte is in a name
    assert row.data["product"] == "Holster"


def test_manifest_paths_cannot_leave_the_folder(tmp_path: Path, case_dir: Path) -> None:
    outside = tmp_path / "secret.html"
    outside.write_text("<html><body>outside the site folder</body></html>")
    site = tmp_path / "site"
    site.mkdir()
    (site / "ok.html").write_text("<html><body>inside</body></html>")
    (site / "link.html").symlink_to(outside)
    (site / "manifest.csv").write_text(
        "path,url,captured_at\n"
        "ok.html,http://s.example/ok,2026-01-01T00:00:00Z\n"
        "../secret.html,http://s.example/escape,2026-01-01T00:00:00Z\n"
        "link.html,http://s.example/link,2026-01-01T00:00:00Z\n"
    )
    res = cli("import", "--case", case_dir, site)
    assert res.exit_code == 1
    assert res.output.count("leaves the folder") == 2
    assert [c.url for c in rows(case_dir, t.captures)] == ["http://s.example/ok"]
