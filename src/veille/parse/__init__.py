"""Parse stage: one capture becomes records. Pure: no database, no network, no global state.

`parse(doc, config)` is the single entry point the pipeline calls.
"""

from __future__ import annotations

from veille.parse.base import ParseConfig, parse

__all__ = ["ParseConfig", "parse"]
