"""The bundled demo corpus: a seeded, deterministic generator of fictional market captures."""

from veille.demo.generate import generate

__all__ = ["generate"]
