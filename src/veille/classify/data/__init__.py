"""Taxonomy, dataset mappings and the seed set (data files, read with importlib.resources)."""
