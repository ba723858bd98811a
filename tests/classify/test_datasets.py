"""Loaders of the shared research exports (skipped when ../shared/data is absent)."""

from __future__ import annotations

import json
from collections import Counter

from tests.conftest import shared_data
from veille.classify.datasets import load_mappings, load_market, seed_examples
from veille.classify.lexicon import LABELS


def test_every_whm_category_in_the_export_is_mapped() -> None:
    path = shared_data("whitehousemarket-2021", "whm_2021-05-23_crawl.json")
    blocks = json.loads(path.read_text(encoding="utf-8"))
    cats = next(b for b in blocks if b["name"] == "categories")["values"]
    names = {c["name"] for c in cats.values()}
    assert len(names) == 68
    assert names <= set(load_mappings()["whm"])


def test_every_duta_class_is_mapped() -> None:
    import csv

    path = shared_data("duta", "duta10k_onion_labels_filtered.csv")
    with path.open(encoding="utf-8") as fh:
        keys = {f"{r['Main_Class']}/{r['Sub_Class']}" for r in csv.DictReader(fh)}
    assert keys <= set(load_mappings()["duta"])


def test_agora_loader_maps_categories_and_joins_vendor_descriptions() -> None:
    shared_data("agora-2014")
    exs = load_market("agora")
    counts = Counter(e.label for e in exs)
    assert counts["drugs"] > 5000
    assert counts["firearms"] >= 30 and counts["ammunition"] >= 30
    assert counts["fake_documents"] >= 80
    assert any(e.text for e in exs), "vendor-page descriptions were not joined"
    assert all(e.label in LABELS for e in exs)


def test_armslist_loader_strips_the_for_sale_prefix() -> None:
    shared_data("armslist-2017")
    exs = load_market("armslist")
    assert len(exs) > 2000
    assert all(e.label == "firearms" for e in exs)
    assert not any(e.title.lower().startswith(("for sale:", "for sale/trade:")) for e in exs)


def test_duta_loader_recovers_rows_with_stray_backslashes() -> None:
    shared_data("duta")
    exs = load_market("duta")
    # The export has 254 illegal-drug pages and 112 eBay pages; a few need escape repair.
    assert Counter(e.label for e in exs)["drugs"] > 160
    assert Counter(e.label for e in exs)["other"] > 100


def test_seed_set_covers_all_labels_in_four_languages() -> None:
    seed = seed_examples()
    for label in LABELS:
        langs = {e.lang for e in seed if e.label == label}
        assert {"fr", "en", "de", "es"} <= langs, label
