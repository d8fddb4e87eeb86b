"""The technique error analysis: outcome counts and oracle names on hand-made spans."""

from __future__ import annotations

import pytest
from tests.conftest import load_benchmark

from spinscope.techniques.scoring import LabelledSpan, flc_score

errors = load_benchmark("technique_errors")

GOLD = {
    "1": [
        LabelledSpan("1", "Loaded_Language", 0, 10),
        LabelledSpan("1", "Doubt", 20, 60),
    ]
}
PREDICTED = {
    "1": [
        LabelledSpan("1", "Loaded_Language", 2, 8),  # inside the gold span of its technique
        LabelledSpan("1", "Name_Calling,Labeling", 25, 35),  # inside the Doubt span
        LabelledSpan("1", "Loaded_Language", 70, 80),  # on no gold span
    ]
}


def test_breakdown_sorts_each_predicted_span_by_what_it_overlaps() -> None:
    counts = errors.breakdown(GOLD, PREDICTED)
    assert counts == {
        ("Loaded_Language", errors.RIGHT): 1,
        ("Name_Calling,Labeling", errors.OTHER): 1,
        ("Loaded_Language", errors.NO_GOLD): 1,
    }


def test_oracle_names_rename_spans_on_gold_and_keep_the_rest() -> None:
    renamed = errors.oracle_names(GOLD, PREDICTED)
    assert [(s.technique, s.start, s.end) for s in renamed["1"]] == [
        ("Loaded_Language", 2, 8),
        ("Doubt", 25, 35),
        ("Loaded_Language", 70, 80),
    ]


def test_oracle_names_take_the_gold_span_overlapped_most() -> None:
    gold = {"1": [LabelledSpan("1", "Doubt", 0, 12), LabelledSpan("1", "Slogans", 10, 30)]}
    predicted = {"1": [LabelledSpan("1", "Loaded_Language", 8, 20)]}
    # 4 characters on Doubt (8-12), 10 on Slogans (10-20)
    assert errors.oracle_names(gold, predicted)["1"][0].technique == "Slogans"


def test_oracle_names_raise_flc_as_worked_out_by_hand() -> None:
    # Shipped names: precision (6/6 + 0 + 0) / 3 = 1/3; recall (6/10 + 0) / 2 = 0.3.
    shipped = flc_score(GOLD, PREDICTED)
    assert shipped.precision == pytest.approx(1 / 3)
    assert shipped.recall == pytest.approx(0.3)
    # Oracle names: the middle span becomes Doubt, wholly inside it: precision 2/3;
    # recall (6/10 + 10/40) / 2 = 0.425.
    oracle = flc_score(GOLD, errors.oracle_names(GOLD, PREDICTED))
    assert oracle.precision == pytest.approx(2 / 3)
    assert oracle.recall == pytest.approx(0.425)
