"""Models 32 and 33: the sense inventory of weapon words (data/lookalikes_*.toml), masks that take
the plural or singular of their head word, and fixes read from blind sets BD to BG after their one
scoring on models 31 and 32. Each test names the fault it guards against."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from tests.classify.biased import biased_label as _label
from veille.classify import lexicon
from veille.classify.datasets import seed_examples
from veille.classify.lexicon import Taxonomy, data_path, default_taxonomy, number_variants
from veille.classify.normalize import normalize

WEAPON_LABELS = ("firearms", "ammunition", "explosives")
INVENTORIES = ("lookalikes_fr.toml", "lookalikes_en.toml", "lookalikes_de.toml", "lookalikes_es.toml",
               "lookalikes2_fr.toml", "lookalikes2_en.toml", "lookalikes2_de.toml", "lookalikes2_es.toml")


def _masked(text: str) -> bool:
    return "zzlookalike" in default_taxonomy().mask(normalize(text))


@pytest.mark.parametrize(("phrase", "also"), [
    ("pistolet de dessin", "pistolets de dessin"),
    ("balles de paille", "balle de paille"),
    ("bombas de agua", "bomba de agua"),
    ("canon eos", "canons eos"),
])
def test_a_masked_phrase_also_masks_its_head_word_in_the_other_number(phrase: str, also: str) -> None:
    assert also in number_variants(phrase)


def test_one_word_and_short_headed_phrases_get_no_number_variants() -> None:
    # "gas cylinder" -> "ga cylinder" or "mg tf" -> "mgs tf" would be noise, not a plural.
    assert number_variants("roggenschrot") == {"roggenschrot"}
    assert number_variants("gas cylinder") == {"gas cylinder"}
    assert number_variants("mg tf") == {"mg tf"}


@pytest.mark.parametrize("text", [
    # Blind sets wrote the plural of a phrase the inventory holds in the singular, and the
    # singular of one it holds in the plural.
    "Pistolets de dessin (perroquets), lot de 3",
    "Cartouche de Gauloises blondes, 10 paquets",
    "Caballo de tiro percherón, 8 años",
    # Phrases of the inventory itself, one per language.
    "Joint de culasse Peugeot 206 1.4 HDi neuf",
    "Magic Bullet blender, barely used",
    "Roggenschrot 1 kg Bio",
    "Balas de paja 2026, 300 uds",
])
def test_inventory_phrases_are_masked(text: str) -> None:
    assert _masked(text)


@pytest.mark.parametrize("text", [
    # Real gun parts and cartridges that share a word with the inventory: never masked.
    "Culasse mobile complète pour AR-15",
    "Cartuchos HP 9mm, caja de 50",
    ".22 Magnum Mini revolver NAA",
    "Silencieux inox 1/2x20 pour carabine 22lr",
    # Counterfeit signals inside a look-alike phrase stay visible (an inventory phrase had hidden
    # "camiseta arsenal" from the replica-shirt rule).
    "Camisetas Arsenal 24/25 réplica 1:1",
    "Calibre de Cartier replica, swiss movement",
])
def test_weapon_and_counterfeit_phrases_are_not_masked(text: str) -> None:
    assert not _masked(text)


def test_no_masked_phrase_hides_a_weapon_row_of_the_seed() -> None:
    tax = default_taxonomy()
    hidden = [(e.label, e.title, e.text) for e in seed_examples(0) if e.label in WEAPON_LABELS
              and "zzlookalike" in tax.mask(normalize(f"{e.title} {e.text}"))]
    assert hidden == []


def test_every_inventory_file_is_wired_into_the_lookalike_mask() -> None:
    raw = tomllib.loads(data_path("taxonomy.toml").read_text(encoding="utf-8"))
    assert tuple(raw["feature_groups"]["lookalike"]["phrase_files"]) == INVENTORIES
    tax = default_taxonomy()
    for name in INVENTORIES:
        inv = tomllib.loads(data_path(name).read_text(encoding="utf-8"))
        assert len(inv["word"]) >= 40, name
        for word in inv["word"]:
            assert word["everyday_senses"] and word["items"], (name, word["word"])
            for phrase in word["phrases"]:
                assert normalize(phrase) in tax.mask_terms, (name, phrase)


def test_a_malformed_inventory_is_refused_with_its_file_name(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    bad = tmp_path / "lookalikes_xx.toml"
    bad.write_text('lang = "xx"\n[[word]]\nword = "gun"\nphrases = "nail gun"\n', encoding="utf-8")
    monkeypatch.setattr(lexicon, "data_path", lambda name: tmp_path / name)
    with pytest.raises(ValueError, match=r"lookalikes_xx\.toml: word #1 \('gun'\)"):
        lexicon._inventory_phrases("lookalikes_xx.toml")
    bad.write_text("lang = \n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"lookalikes_xx\.toml: cannot read"):
        lexicon._inventory_phrases("lookalikes_xx.toml")


def test_the_shipped_model_reads_the_inventory_titles_as_everyday_goods() -> None:
    # In sample (the phrases were written with these titles), but it fails if the inventory is
    # unwired or a retrain lets the weapon rules through again: model 31 called 413 of 1,549 weapons.
    from veille.classify import load_default

    clf = load_default()
    items = [item for name in INVENTORIES
             for word in tomllib.loads(data_path(name).read_text(encoding="utf-8"))["word"]
             for item in word["items"]]
    weapons = [p.label for p in clf.predict([(item, "") for item in items]) if p.label in WEAPON_LABELS]
    assert len(items) > 1500
    assert len(weapons) / len(items) < 0.03


@pytest.mark.parametrize(("first", "title", "text", "expected"), [
    # Produce and brake callipers are graded or named by "calibre".
    ("firearms", "Pommes Golden calibre 75/80", "Caisse de 18 kg directement du verger, 22€", "other"),
    ("firearms", "Naranjas de Valencia calibre 4", "", "other"),
    ("firearms", "Brembo brake calibers 4 pot", "", "other"),
    # ... but a gun or its rounds named beside the produce word stay what they are.
    ("firearms", "Fusil calibre 12 superposé, vendu avec caisse de transport et verger de tir", "",
     "firearms"),
    # Forged gun licences in the words the blind sets used.
    ("firearms", "", "Carte européenne d'arme à feu à ton nom, hologramme ok, 350€", "fake_documents"),
    ("firearms", "UK firearm certificate made to order, holo + real-looking stamp", "", "fake_documents"),
    ("other", "WBK grün mit Eintrag nach Wunsch - nicht vom Original zu unterscheiden", "",
     "fake_documents"),
])
def test_boundaries_model_33(first: str, title: str, text: str, expected: str) -> None:
    assert _label(first, title, text) == expected


def test_intimidation_euphemisms_of_sets_bd_to_bg_are_violence_terms() -> None:
    tax = default_taxonomy()
    for text in ("Problem solver. Any city. Half up front.", "Schuldeneintreiber – wir klopfen persönlich an",
                 "Cobro deudas con visita personal", "Cobros difíciles: si no te paga, lo visitamos"):
        assert any(s.startswith("violence_for_hire.") for s in tax.sublabel_hits(normalize(text))), text


def test_scanned_id_packs_are_not_forged_documents() -> None:
    # "Packs selfie + DNI escaneado": scans of real documents are stolen data, not forgeries, so
    # the rule for documents named first steps aside when the title says they are scanned.
    rule = next(r for r in Taxonomy.load().rules if r.name == "document_named_first_is_fake_documents")
    assert rule.unless_re is not None and rule.unless_re.search(" dni escaneado plus selfie ")
    assert _label("drugs", "DNI escaneado + selfie, 500 packs", "") != "fake_documents"
