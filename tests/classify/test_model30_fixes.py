"""Model 30: fixes read from blind sets AX and AY after their one scoring on models 22, 28 and 29.
Each test names the fault it guards against; the biased classifier makes the rule, not the
weights, decide."""

from __future__ import annotations

import pytest

from tests.classify.biased import biased_label as _label


@pytest.mark.parametrize(("first", "title", "text", "expected"), [
    # A calibre with a bullet weight, bricks or a sealed tin is a box of rounds, not a gun.
    ("ammunition", ".308 match 168gr", "Federal Gold Medal, 10 boxes of 20.", "ammunition"),
    ("firearms", "22LR bricks", "5 bricks of 500, CCI Standard Velocity.", "ammunition"),
    ("ammunition", "7,62x39 Blechdose versiegelt", "", "ammunition"),
    ("other", "", "Lot de 1000 x 5.45x39 en caisse scellée, livraison partout en France", "ammunition"),
    # A drilled "solvent trap" sold as a cleaning kit is a suppressor.
    ("firearms", "Solvent trap cleaning kit 1/2x28, drilled", "fully indexed and drilled, ready to run", "firearms"),
    ("firearms", "Cleaning kit for AR-15, bore snake and rods", "", "other"),
    # A gun safe with an inner safe is a safe.
    ("firearms", "", "Waffenschrank Klasse 0, 5 Langwaffen, mit Innentresor, Selbstabholung", "other"),
])
def test_boundaries_model_30(first: str, title: str, text: str, expected: str) -> None:
    assert _label(first, title, text) == expected
