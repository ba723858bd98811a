"""The evidence store: every capture's original bytes in WARC files inside the case.

Each capture is written once as a WARC `resource` record (gzip member per record, so any
record can be read back by seeking to its offset). Each import run writes new files, which
rotate at a size limit; a file is never modified once its run is over. The WARC headers carry the original URL,
capture time and the SHA-256 of the payload, so the files stand on their own as evidence.
"""

from __future__ import annotations

import hashlib
import io
import os
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.warcwriter import WARCWriter

from veille.capture.model import CaptureIn


class EvidenceWriter:
    def __init__(self, evidence_dir: Path, rotate_bytes: int) -> None:
        self.dir = evidence_dir
        self.rotate_bytes = rotate_bytes
        self.dir.mkdir(parents=True, exist_ok=True)
        self._fh: io.BufferedWriter | None = None
        self._name = ""
        self._writer: WARCWriter | None = None

    def _open(self) -> None:
        # Each run starts a file of its own: a run killed mid-record leaves its partial
        # gzip member at the very end of its own file, never in the middle of a later one.
        numbers = [int(p.name[9:14]) for p in self.dir.glob("evidence-[0-9]*.warc.gz")]
        path = self.dir / f"evidence-{max(numbers, default=0) + 1:05d}.warc.gz"
        self._fh = open(path, "xb")  # noqa: SIM115 - kept open across many writes
        self._name = path.name
        self._writer = WARCWriter(self._fh, gzip=True)

    def write(self, cap: CaptureIn) -> tuple[str, int]:
        if self._fh is None or self._fh.tell() >= self.rotate_bytes:
            self.close()
            self._open()
        assert self._fh is not None and self._writer is not None
        offset = self._fh.tell()
        headers = {
            "WARC-Date": cap.captured_at.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "WARC-Payload-Digest": f"sha256:{cap.sha256}",
            "WARC-Block-Digest": f"sha256:{cap.sha256}",
            "WARC-Source-File": cap.source_file,
        }
        if cap.source_offset is not None:
            headers["WARC-Source-Offset"] = str(cap.source_offset)
        record = self._writer.create_warc_record(
            cap.url,
            "resource",
            payload=io.BytesIO(cap.body),
            length=len(cap.body),
            warc_content_type=cap.content_type or "application/octet-stream",
            warc_headers_dict=headers,
        )
        self._writer.write_record(record)
        return self._name, offset

    def flush(self) -> None:
        """Make written records durable before the database says they exist."""
        if self._fh is not None:
            self._fh.flush()
            os.fsync(self._fh.fileno())

    def close(self) -> None:
        if self._fh is not None:
            self.flush()
            self._fh.close()
            self._fh = None
            self._writer = None


class EvidenceError(Exception):
    pass


def read_evidence(evidence_dir: Path, name: str, offset: int, expected_sha256: str | None = None,
                  ) -> bytes:
    path = evidence_dir / name
    with open(path, "rb") as fh:
        fh.seek(offset)
        for record in ArchiveIterator(fh):
            body = record.content_stream().read()
            break
        else:
            raise EvidenceError(f"{path}: no WARC record at offset {offset}")
    if expected_sha256 is not None:
        got = hashlib.sha256(body).hexdigest()
        if got != expected_sha256:
            raise EvidenceError(
                f"{path}@{offset}: SHA-256 mismatch (expected {expected_sha256}, got {got})"
            )
    return body
