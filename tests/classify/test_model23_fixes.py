"""Model 23: fixes read from blind sets AE, AF and AG after their one scoring on model 22, and from
the leave-one-market-out errors on Armslist and Agora. Each test names the fault it guards
against; the biased classifier makes the rule, not the weights, decide."""

from __future__ import annotations

import pytest

from tests.classify.biased import biased_label as _label
from veille.classify.lexicon import default_taxonomy
from veille.classify.normalize import normalize


@pytest.mark.parametrize(("raw", "expected"), [
    # Two different digits inside a word are a model number, not leetspeak ("HKP30SK" read as
    # "hkpeosk" and lost its gun).
    ("Hkp30sk v3", "hkp 30 sk v 3"),
    ("AR15A2", "ar 15 a 2"),
    # A short word ending in its number is a model name ("M4A1" read as "maa 1").
    ("M4A1", "m 4 a 1"),
    # Leetspeak still folds, and a formula with three numbers is not a model ("C4" explosive).
    ("c0ke w33d h3r0in", "coke weed heroin"),
    ("C4H6O3", "cah 6 o 3"),
])
def test_model_numbers_are_not_leetspeak(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


def test_a_rule_term_ending_in_dollar_stops_at_the_word_end() -> None:
    # "custom" vetoed "Real customer scans from a leaked KYC database" as a made-to-order scan.
    title, text = ("ID scans + selfie of REAL people (USA) x50",
                   "Real customer scans from a leaked exchange KYC database, front/back + selfie.")
    assert _label("fake_documents", title, text) == "stolen_data"
    assert _label("fake_documents", "Custom HQ Passport Scan", "Any name, real looking") == "fake_documents"


@pytest.mark.parametrize("title", [
    "7,62x39 Dose versiegelt",
    "7.62x39 lata sellada 1000 uds",
    "7.62x39 caisse scellée 1000 cps",
    "9mm ball x50, 22€",
])
def test_a_calibre_with_a_count_or_a_sealed_can_is_ammunition(title: str) -> None:
    # A calibre alone in the title, with no ammunition word, was read as a gun.
    assert _label("firearms", title) == "ammunition"
    assert _label("ammunition", title) == "ammunition"


def test_a_named_gun_with_its_rounds_stays_a_firearm() -> None:
    assert _label("ammunition", "Glock 19 mit 50 Schuss", "") == "firearms"
    assert _label("ammunition", "", "vendo fusca .38 con 1 caja de tiros, trato en persona") == "firearms"


@pytest.mark.parametrize(("first", "title", "text", "expected"), [
    # Toys and paintball markers: not guns, and their darts are not drugs.
    ("firearms", "Nerf Elite 2.0 blaster + 30 darts", "", "other"),
    ("drugs", "Paintball marker Tippmann 98", "Comes with hopper, CO2 tank and mask.", "other"),
    # Picture books and periodicals about weapons.
    ("firearms", "Bildband: Waffen des 2. Weltkriegs", "Sachbuch, 3. Auflage", "other"),
    ("firearms", "Revista Armas y Municiones, 40 números", "Colección 2010-2014", "other"),
    # Gun cases sold alone.
    ("firearms", "Maletín rígido para rifle con candado", "Sin el arma, solo el maletín. 60 €.", "other"),
    ("firearms", "Mallette de transport Peli 1700 pour carabine", "Vendue sans l'arme. 150 €.", "other"),
    ("firearms", "Visor Bushnell 4-12x40 con monturas", "", "other"),
    # Fired cases in German.
    ("ammunition", "Hülsen .223 Rem einmal verschossen, 1000 Stück", "", "other"),
    # A denial of the cleaning-kit cover story leaves the suppressor a firearm.
    ("firearms", "'Solvent trap' kit - its a real 5.56 suppressor, not a cleaning kit",
     "Complete working suppressor.", "firearms"),
    # A replica of a gun read as a counterfeit brand good is a display piece; a replica watch
    # stays counterfeit.
    ("counterfeit_goods", "Réplica decorativa Denix Luger P08, no dispara", "Metal. 75 €.", "other"),
    ("counterfeit_goods", "Replica Rolex Submariner", "", "counterfeit_goods"),
])
def test_weapon_boundaries_model_23(first: str, title: str, text: str, expected: str) -> None:
    assert _label(first, title, text) == expected


@pytest.mark.parametrize(("first", "title", "text", "expected"), [
    ("financial_fraud", "Cuentas bancarias españolas (logs) con saldo 3.000€+", "", "stolen_data"),
    ("drugs", "", "Café de especialidad en grano, Colombia, bolsa de 1 kg, tueste medio.", "other"),
    ("drugs", "Colombian cocaine 1kg", "90% purity", "drugs"),
    ("drugs", "Shipping upgrade: express tracked (+15 USD)", "", "other"),
    ("financial_fraud", "Gewinnspiel: 1 Los = 2 EUR - Hauptpreis 100€ Guthaben", "Ziehung jeden Freitag.", "other"),
    ("drugs", "beat sum1 up - USA - 2 guys - $1500", "", "violence_for_hire"),
    ("stolen_data", "Besoin de régler un compte ? On s'en charge", "", "violence_for_hire"),
])
def test_market_boundaries_model_23(first: str, title: str, text: str, expected: str) -> None:
    assert _label(first, title, text) == expected


def test_a_billing_address_is_not_a_forged_invoice() -> None:
    tax = default_taxonomy()
    masked = tax.mask(normalize("CVV España fresh con dirección de facturación"))
    assert "zzbilling" in masked
    assert not any(s.startswith("fake_documents") for s in tax.sublabel_hits(masked))
