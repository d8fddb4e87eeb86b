"""The satire wording model: words, vectors, fitting, saving, and its place in genre."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from spinscope.satire.wording import WordingModel, fit_wording, term_frequencies, words

SATIRES = [
    "The ministry confirmed the bridge had been opened again, itself for the ninth time.",
    "Officials confirmed the results had already been announced before the vote itself.",
    "The council confirmed it had already fined the weather itself for arriving late.",
    "The agency confirmed that the queue had itself been queued already for the queue.",
]
REPORTS = [
    "The ministry said the bridge would open in March after delays, officials said.",
    "Officials said the results would be announced after the vote on Sunday.",
    "The council said it would review parking fines after complaints from residents.",
    "The agency said waiting times had fallen, according to figures released on Monday.",
]


def test_words_are_lower_case_letter_runs() -> None:
    assert words("It isn't 2027 YET, Minister.") == ["it", "isn", "t", "yet", "minister"]
    assert term_frequencies("Yes yes no")["yes"] == 2


def test_terms_are_words_and_word_pairs() -> None:
    counts = term_frequencies("Asked whether, asked whether again.")
    assert counts == {
        "asked": 2,
        "whether": 2,
        "again": 1,
        "asked whether": 2,
        "whether asked": 1,
        "whether again": 1,
    }


def test_the_sparse_fit_gives_the_dense_solution() -> None:
    """The fit keeps only non-zero entries; the same gradient steps on the full matrix, with
    its exact spectral norm, reach the same weights."""
    import numpy as np

    from spinscope.satire.wording import _logistic_regression, _SparseRows

    rng = np.random.default_rng(3)
    dense = rng.random((12, 9)) * (rng.random((12, 9)) < 0.4)
    dense /= np.maximum(np.linalg.norm(dense, axis=1, keepdims=True), 1e-9)
    y = (rng.random(12) < 0.5).astype(float)
    rows, columns = np.nonzero(dense)
    sparse = _SparseRows(rows, columns, dense[rows, columns], dense.shape)
    assert sparse.squared_norm() == pytest.approx(np.linalg.norm(dense, 2) ** 2, rel=1e-6)
    weights, bias = _logistic_regression(sparse, y, 0.01, steps=400)
    # the same steps, on the dense matrix
    step = 1.0 / (0.25 * (np.linalg.norm(dense, 2) ** 2 / 12 + 1.0) + 0.01)
    design = np.c_[dense, np.ones(12)]
    penalty = np.r_[np.full(9, 0.01), 0.0]
    theta = np.zeros(10)
    ahead = theta.copy()
    for k in range(400):
        gradient = design.T @ (1 / (1 + np.exp(-design @ ahead)) - y) / 12 + penalty * ahead
        updated = ahead - step * gradient
        ahead = updated + (k / (k + 3)) * (updated - theta)
        theta = updated
    assert np.allclose(weights, theta[:-1], atol=1e-6) and bias == pytest.approx(
        theta[-1], abs=1e-6
    )


def test_vector_has_unit_length_and_ignores_unknown_words() -> None:
    model = WordingModel({"itself": 2.0, "said": 1.0}, {"itself": 1.0, "said": -1.0}, 0.0)
    vector = model.vector(term_frequencies("itself itself said unknown"))
    assert set(vector) == {"itself", "said"}
    assert math.isclose(sum(v * v for v in vector.values()), 1.0)
    # sublinear counts: two uses weigh 1 + ln 2, not 2
    assert math.isclose(vector["itself"] / vector["said"], 2.0 * (1 + math.log(2)))
    assert model.logit("nothing known here") == 0.0


def test_fitted_model_separates_the_wording_it_was_shown() -> None:
    texts = SATIRES + REPORTS
    model = fit_wording(texts, [True] * 4 + [False] * 4, l2=0.001)
    assert model.weights["confirmed"] > 0 > model.weights["said"]
    assert model.logit("The office confirmed the letter had itself already arrived.") > 0
    assert model.logit("The office said the letter would arrive on Monday, officials said.") < 0
    # a word in a single text teaches nothing general and is not kept
    assert "ninth" not in model.idf


def test_save_and_load_give_the_same_logits(tmp_path: Path) -> None:
    model = fit_wording(SATIRES + REPORTS, [True] * 4 + [False] * 4, l2=0.001)
    path = tmp_path / "model.json"
    model.save(path, training={"note": "tiny"})
    again = WordingModel.load(path)
    for text in SATIRES + REPORTS:
        assert again.logit(text) == pytest.approx(model.logit(text), abs=1e-5)
