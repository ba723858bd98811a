"""The built-in export formats; importing this module registers them."""

from __future__ import annotations

from veille.formats import agora, anita, dream, whm  # noqa: F401

__all__ = ["agora", "anita", "dream", "whm"]
