"""Normalisation and the taxonomy/lexicon data files."""

from __future__ import annotations

import tomllib

import pytest

from veille.classify.datasets import split_label
from veille.classify.lexicon import LABELS, Taxonomy, data_path
from veille.classify.normalize import normalize


@pytest.mark.parametrize(("raw", "expected"), [
    ("c0ke 1g", "coke 1 g"),
    ("Gl0ck 19 gen5", "glock 19 gen 5"),
    ("C O C A I N E 90%", "cocaine 90%"),
    ("Cocaína colombiana", "cocaina colombiana"),
    ("Schalldämpfer für Glock", "schalldampfer fur glock"),
    ("Munition 7,62x39", "munition 7.62 x 39"),
    ("Fußball", "fussball"),
    ("AK-47 / 9mm!!!", "ak 47 9 mm"),
    ("", ""),
])
def test_normalize_folds_obfuscation_accents_and_units(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


def test_normalize_keeps_edge_digits_that_are_models_or_quantities() -> None:
    # Digits at a word edge are not leetspeak: "3mmc" must not become "emmc".
    assert normalize("3mmc ak47 g17") == "3 mmc ak 47 g17"


def test_glock_model_names_are_not_grams() -> None:
    # A number after the "g" is a model ("G26"); a weight puts the number first ("5g").
    assert normalize("Gen4 G26, 3.5g") == "gen 4 g26 3.5 g"
    assert normalize("5g Kush") == "5 g kush"


def test_taxonomy_has_exactly_the_eleven_labels_with_definitions() -> None:
    tax = Taxonomy.load()
    assert tuple(tax.labels) == LABELS
    assert len(LABELS) == 11
    for label, spec in tax.labels.items():
        assert spec["definition"].strip(), label
        subs = [s for s in tax.sublabels if s.startswith(label + ".")]
        assert subs, f"{label} has no sublabels"
    for sub, definition in tax.sublabels.items():
        assert definition.strip(), sub


def test_every_sublabel_has_examples_in_four_languages_worth_of_terms() -> None:
    raw = tomllib.loads(data_path("taxonomy.toml").read_text(encoding="utf-8"))
    for label, spec in raw["labels"].items():
        for sub, sspec in spec["sublabels"].items():
            assert len(sspec.get("examples", [])) >= 3, f"{label}.{sub}"
            assert sspec.get("terms"), f"{label}.{sub}"


@pytest.mark.parametrize(("text", "sublabel"), [
    ("Vends pistolet d'alarme converti en 9mm", "firearms.converted"),
    ("Schreckschusspistole auf scharf umgebaut", "firearms.converted"),
    ("Remise en état de tir - Makarov", "firearms.reactivated"),
    ("Dekowaffe mit Zertifikat", "other.deactivated_weapon"),
    ("Réplique airsoft M4", "other.replica"),
    ("80% lower receiver", "firearms.lower_80"),
    ("Munición 9mm 50 cartuchos", "ammunition.bulk"),
    ("1000 Schuss Patronen", "ammunition.bulk"),
    ("k0ks 2 Gramm", "drugs.cocaine"),
    ("Sicario profesional", "violence_for_hire.murder"),
])
def test_lexicon_finds_multilingual_and_obfuscated_terms(text: str, sublabel: str) -> None:
    tax = Taxonomy.load()
    assert sublabel in tax.sublabel_hits(normalize(text))


def test_lexicon_does_not_fire_on_unrelated_text() -> None:
    tax = Taxonomy.load()
    hits = tax.sublabel_hits(normalize("Garden hose 30 m, green, new in box"))
    assert not [h for h in hits if h.startswith(("firearms", "drugs", "explosives"))]


def test_taxonomy_rejects_a_wrong_label_set(tmp_path) -> None:
    text = data_path("taxonomy.toml").read_text(encoding="utf-8")
    bad = tmp_path / "taxonomy.toml"
    bad.write_text(text.replace("[labels.violence_for_hire]", "[labels.violence]")
                   .replace("[labels.violence_for_hire.", "[labels.violence."), encoding="utf-8")
    with pytest.raises(ValueError, match="exactly"):
        Taxonomy.load(bad)


def test_mapping_tables_cover_the_five_datasets_and_use_taxonomy_labels() -> None:
    tax = Taxonomy.load()
    maps = tomllib.loads(data_path("mappings.toml").read_text(encoding="utf-8"))
    assert {"agora", "whm", "dream", "duta", "armslist"} <= set(maps)
    for table, entries in maps.items():
        if table.endswith("_skip"):  # row filters (e.g. Armslist title prefixes), not labels
            continue
        for key, value in entries.items():
            if not value:
                continue
            label, sub = split_label(value)
            assert label in LABELS, (table, key)
            assert sub is None or sub in tax.sublabels, (table, key, sub)
    assert maps["agora"]["Weapons/Lethal firearms"] == "firearms"
    assert maps["agora"]["Weapons/Ammunition"] == "ammunition"
    assert maps["agora"]["Counterfeits/Money"].startswith("financial_fraud")
    assert maps["armslist"]["Handguns"].startswith("firearms")


def _refuses_rule(tmp_path, field: str) -> None:  # type: ignore[no-untyped-def]
    """The shipped taxonomy plus one rule named "typo" with `field` must fail to load, naming it."""
    bad = tmp_path / "taxonomy.toml"
    bad.write_text(data_path("taxonomy.toml").read_text(encoding="utf-8")
                   + f'\n[[rules]]\nname = "typo"\n{field}\nset = "other"\n', encoding="utf-8")
    with pytest.raises(ValueError, match="typo"):
        Taxonomy.load(bad)


def test_rule_patterns_are_filled_in_and_an_unknown_one_is_refused(tmp_path) -> None:  # type: ignore[no-untyped-def]
    tax = Taxonomy.load()
    rule = next(r for r in tax.rules if r.name == "cartridges_by_count_are_ammunition")
    assert rule.title_not_regex is not None and "{{" not in rule.title_not_regex.pattern
    assert rule.title_not_regex.search("ruger with 50 rounds")
    _refuses_rule(tmp_path, 'title_regex = "{{with_amo}}"')


def test_rule_sublabel_groups_are_spelled_out_and_an_unknown_one_is_refused(tmp_path) -> None:  # type: ignore[no-untyped-def]
    tax = Taxonomy.load()
    rule = next(r for r in tax.rules if r.name == "guide_or_tutorial_is_other")
    assert "firearms.assault_rifle" in rule.title_lacks
    assert not any(s.startswith("@") for r in tax.rules
                   for s in (*r.title_has, *r.title_lacks, *r.any_sublabels))
    _refuses_rule(tmp_path, 'title_lacks = ["@gun_typs"]')


def test_rule_term_groups_are_spelled_out_and_an_unknown_one_is_refused(tmp_path) -> None:  # type: ignore[no-untyped-def]
    tax = Taxonomy.load()
    rule = next(r for r in tax.rules if r.name == "deactivated_weapon_in_text_is_other")
    assert " non demilitarise" in rule.unless and " listing is deactivated" in rule.unless
    assert rule.unless_re is not None and rule.unless_re.search(" grenade non demilitarisee ")
    assert not any(t.lstrip().startswith("@") for r in tax.rules for t in (*r.also_any, *r.unless))
    _refuses_rule(tmp_path, 'unless = ["@carde"]')
