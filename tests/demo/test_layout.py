"""The on-disk contract the importer relies on: manifests, Telegram export, WARC, truth."""

from __future__ import annotations

import csv
import gzip
import hashlib
import json
import re
from datetime import datetime

from warcio.archiveiterator import ArchiveIterator

ISO_Z = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")


def test_summary_counts_match_the_files(corpus):
    out, summary, truth = corpus
    assert 2000 <= summary["captures"] <= 2600
    html_files = sum(1 for p in out.glob("sites/*/**/*.html"))
    assert html_files == summary["html_files"]
    assert truth["summary"] == summary
    listings = sum(c.get("listing", 0) for c in summary["sites"].values())
    recaptures = sum(v["response"] for v in summary["warc"].values())
    assert len(truth["listings"]) == listings + recaptures
    assert 1400 <= listings <= 1600
    assert sum(c.get("vendor", 0) for c in summary["sites"].values()) >= 150


def test_every_manifest_row_names_an_existing_file_with_url_and_time(corpus):
    out, _, truth = corpus
    folders = {info["folder"] for info in truth["sites"].values() if info["kind"] != "telegram"}
    assert {p.parent.relative_to(out).as_posix() for p in out.glob("sites/*/manifest.csv")} == folders
    for manifest in out.glob("sites/*/manifest.csv"):
        site = manifest.parent.name
        base = truth["sites"][site]["base_url"]
        with open(manifest, encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
        assert rows and list(rows[0]) == ["path", "url", "captured_at"]
        paths = [r["path"] for r in rows]
        assert len(set(paths)) == len(paths)
        assert len({r["url"] for r in rows}) == len(rows)
        for r in rows:
            assert (manifest.parent / r["path"]).is_file(), r
            assert r["url"].startswith(base + "/")
            assert ISO_Z.match(r["captured_at"])
            t = datetime.fromisoformat(r["captured_at"].replace("Z", "+00:00"))
            assert datetime.fromisoformat("2025-11-01T00:00:00+00:00") < t <= datetime.fromisoformat("2026-06-01T12:00:00+00:00")
        on_disk = {p.relative_to(manifest.parent).as_posix() for p in manifest.parent.rglob("*.html")}
        assert on_disk == set(paths)


def test_telegram_export_has_the_desktop_format(corpus):
    out, summary, truth = corpus
    path = out / "telegram" / "stock-prive" / "result.json"
    export = json.loads(path.read_text(encoding="utf-8"))
    assert set(export) >= {"name", "type", "id", "messages"}
    assert export["type"] == "public_channel" and isinstance(export["id"], int)
    ids = [m["id"] for m in export["messages"]]
    assert ids == sorted(ids) and len(set(ids)) == len(ids)
    assert 250 <= len(ids) <= 350
    kinds = {m["type"] for m in export["messages"]}
    assert kinds == {"message", "service"}
    known = set(ids)
    rich = 0
    for m in export["messages"]:
        datetime.strptime(m["date"], "%Y-%m-%dT%H:%M:%S")
        assert int(m["date_unixtime"]) == int(datetime.fromisoformat(m["date"] + "+00:00").timestamp())
        if m["type"] == "service":
            assert m["actor"] and m["action"]
            continue
        assert m["from"] == export["name"] and m["from_id"] == f"channel{export['id']}"
        if isinstance(m["text"], list):
            rich += 1
            for part in m["text"]:
                assert isinstance(part, str) or (set(part) == {"type", "text"} and part["type"] in {"bold", "mention", "link"})
        else:
            assert isinstance(m["text"], str) and m["text"]
        if "reply_to_message_id" in m:
            assert m["reply_to_message_id"] in known and m["reply_to_message_id"] < m["id"]
    assert rich > 50
    assert len(truth["messages"]) == len(ids)


def test_warc_holds_response_records_that_the_truth_describes(corpus):
    out, summary, truth = corpus
    path = out / "warc" / "schattenmarkt.warc.gz"
    with gzip.open(path) as fh:
        assert fh.read(8) == b"WARC/1.0"
    records = []
    with open(path, "rb") as fh:
        for rec in ArchiveIterator(fh):
            assert rec.rec_type == "response"
            assert rec.http_headers.get_header("Content-Type") == "text/html; charset=utf-8"
            records.append((rec.rec_headers.get_header("WARC-Target-URI"), rec.rec_headers.get_header("WARC-Date"),
                            rec.content_stream().read()))
    assert 200 <= len(records) <= 400
    assert len(records) == summary["warc"]["schattenmarkt"]["response"]
    recaps = [t for t in truth["listings"] if t.get("recapture")]
    assert len(recaps) == len(records)
    for t in recaps:
        uri, when, body = records[t["warc_record"]]
        assert uri == t["url"] and when == t["captured_at"]
        assert t["title"].encode() in body.replace(b"&amp;", b"&")
    saved = {t["url"]: t for t in truth["listings"] if not t.get("recapture")}
    for t in recaps:
        first = saved[t["url"]]
        assert first["captured_at"] < t["captured_at"]
        assert len(t["feedback"]) > len(first["feedback"])


def test_every_capture_has_distinct_bytes(corpus):
    # Importers key captures on the SHA-256 of their bytes; duplicates would vanish on import.
    out, summary, _ = corpus
    digests = [hashlib.sha256(p.read_bytes()).hexdigest() for p in out.glob("sites/*/**/*.html")]
    with open(out / "warc" / "schattenmarkt.warc.gz", "rb") as fh:
        digests += [hashlib.sha256(r.content_stream().read()).hexdigest() for r in ArchiveIterator(fh)]
    assert len(digests) == len(set(digests)) == summary["html_files"] + summary["warc"]["schattenmarkt"]["response"]


def test_truth_sections_and_listing_fields(corpus):
    _, _, truth = corpus
    assert set(truth) == {"generator", "sites", "warc", "identity_groups", "namesakes", "vendors", "addresses",
                          "corrupted_addresses", "onions", "malformed", "listings", "posts", "messages", "summary"}
    assert truth["generator"]["base_time"] == "2026-06-01T12:00:00Z"
    for t in truth["listings"]:
        assert set(t) >= {"site", "url", "path", "captured_at", "listing_id", "title", "prices", "vendor",
                          "ships_from", "ships_to", "category_path", "label", "sublabel", "listed_since", "feedback"}
        assert t["sublabel"].startswith(t["label"] + ".")
