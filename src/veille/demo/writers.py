"""Streaming writers: one site folder with its manifest, the WARC, and the ground truth.

Everything is written as it is produced so that memory stays flat at any scale.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import uuid
from datetime import datetime
from pathlib import Path
from typing import Any

from veille.demo.common import iso_z


class SiteWriter:
    """sites/<name>/: the saved pages and manifest.csv (path,url,captured_at)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        root.mkdir(parents=True, exist_ok=True)
        self._fh = open(root / "manifest.csv", "w", encoding="utf-8", newline="")  # noqa: SIM115
        self._csv = csv.writer(self._fh, lineterminator="\n")
        self._csv.writerow(["path", "url", "captured_at"])
        self.count = 0

    def write(self, rel_path: str, url: str, captured_at: datetime, body: bytes) -> None:
        target = self.root / rel_path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(body)
        self._csv.writerow([rel_path, url, iso_z(captured_at)])
        self.count += 1

    def close(self) -> None:
        self._fh.close()


class WarcOut:
    """warc/<site>.warc.gz: HTTP response records with fixed ids and dates (no wall clock)."""

    def __init__(self, path: Path, seed: int) -> None:
        from warcio.warcwriter import WARCWriter

        path.parent.mkdir(parents=True, exist_ok=True)
        self._fh = open(path, "wb")  # noqa: SIM115
        self._writer = WARCWriter(self._fh, gzip=True)
        self._seed = seed
        self.count = 0

    def write(self, url: str, captured_at: datetime, body: bytes) -> int:
        from warcio.statusandheaders import StatusAndHeaders

        # warcio would otherwise draw a random record id; derive it from the content instead.
        digest = hashlib.sha256(f"{self._seed}|{url}|{iso_z(captured_at)}".encode() + body).digest()
        record_id = f"<urn:uuid:{uuid.UUID(bytes=digest[:16], version=4)}>"
        http_headers = StatusAndHeaders(
            "200 OK",
            [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(body)))],
            protocol="HTTP/1.1",
        )
        record = self._writer.create_warc_record(
            url, "response", payload=io.BytesIO(body), http_headers=http_headers,
            warc_headers_dict={"WARC-Date": iso_z(captured_at), "WARC-Record-ID": record_id},
        )
        self._writer.write_record(record)
        self.count += 1
        return self.count - 1

    def close(self) -> None:
        self._fh.close()


class TruthWriter:
    """_truth.json, assembled at the end from small head/tail sections and streamed sections."""

    STREAMED = ("listings", "posts", "messages")

    def __init__(self, out_dir: Path) -> None:
        self.out_dir = out_dir
        self._tmp = {name: out_dir / f"_truth.{name}.jsonl.tmp" for name in self.STREAMED}
        self._fh = {name: open(p, "w", encoding="utf-8") for name, p in self._tmp.items()}  # noqa: SIM115

    def add(self, section: str, obj: dict[str, Any]) -> None:
        self._fh[section].write(json.dumps(obj, ensure_ascii=False) + "\n")

    def finish(self, head: dict[str, Any], tail: dict[str, Any]) -> None:
        for fh in self._fh.values():
            fh.close()
        with open(self.out_dir / "_truth.json", "w", encoding="utf-8") as out:
            out.write("{\n")
            for key, value in head.items():
                out.write(f"{json.dumps(key)}: {json.dumps(value, ensure_ascii=False, indent=1)},\n")
            for name in self.STREAMED:
                out.write(f'"{name}": [\n')
                with open(self._tmp[name], encoding="utf-8") as src:
                    first = True
                    for line in src:
                        out.write(("" if first else ",\n") + line.rstrip("\n"))
                        first = False
                out.write("\n],\n")
                self._tmp[name].unlink()
            items = list(tail.items())
            for i, (key, value) in enumerate(items):
                sep = ",\n" if i < len(items) - 1 else "\n"
                out.write(f"{json.dumps(key)}: {json.dumps(value, ensure_ascii=False, indent=1)}{sep}")
            out.write("}\n")
