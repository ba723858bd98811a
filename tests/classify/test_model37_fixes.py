"""Model 37: the second pass of the sense inventory (data/lookalikes2_*.toml): tools named after
guns, brands and models, places, idioms, titles, food and sport."""

from __future__ import annotations

import pytest

from veille.classify.lexicon import default_taxonomy
from veille.classify.normalize import normalize


@pytest.mark.parametrize("text", [
    "Ineos Grenadier Trialmaster 2023", "Warheads extreme sour candy, case of 24",
    "Draisinenfahrt auf der Kanonenbahn", "Les Trois Mousquetaires, Dumas, 2 tomes",
    "Tomahawk Steak vom Almochsen, 1,2 kg", "Gibson Les Paul P90 pickups",
])
def test_second_pass_phrases_are_masked(text: str) -> None:
    assert "zzlookalike" in default_taxonomy().mask(normalize(text))


@pytest.mark.parametrize("text", [
    # Left out on purpose: a counterfeit perfume or a gift card must stay visible to its rules,
    # and a real gun or cartridge must never be masked.
    "Bombshell perfume 100ml 1:1 copy", "Target gift card $500, 60% of face value",
    "Lee-Enfield No4 Mk1 .303 rifle", "Magnum Double Action .357 revolver",
])
def test_second_pass_leaves_signals_visible(text: str) -> None:
    assert "zzlookalike" not in default_taxonomy().mask(normalize(text))


def test_phrase_masker_matches_whole_words_longest_first_with_a_final_plural() -> None:
    from veille.classify.lexicon import PhraseMasker

    m = PhraseMasker({"water pistol": "zzl", "water pistol holster": "zzh", "kitten": "zzk",
                      "joint de culasse": "zzj"})
    assert m.sub("2 water pistols for kids") == "2 zzl for kids"
    assert m.sub("water pistol holster black") == "zzh black"
    assert m.sub("three kittens and a kitten") == "three zzk and a zzk"
    assert m.sub("kit joint de culasses neuf") == "kit zzj neuf"
    # Never inside a word, never a phrase cut short, never the plural of an inner word.
    assert m.sub("waterpistol kittenish joint de culasse2") == "waterpistol kittenish joint de culasse2"
    assert m.sub("joints de culasse") == "joints de culasse"
    assert m.sub("") == ""
