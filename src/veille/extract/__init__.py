"""Extract stage: text becomes mentions (identifiers). Pure functions; never imports store or web.

Contract the pipeline relies on:
    extract(text: str, *, default_region: str | None = None) -> list[Mention]
Offsets are character offsets into `text`; `value` is the normalised form.
"""

from __future__ import annotations

from veille.records import Mention


def extract(text: str, *, default_region: str | None = None) -> list[Mention]:
    # Placeholder until the extraction issue lands: the pipeline runs, finding nothing.
    return []


__all__ = ["extract"]
