"""The wording model: how much an article's words read like deadpan satire, not straight news.

A logistic regression over tf-idf weights of the article's words and word pairs. It is fitted
on pairs of articles written for it (``training_data/genre_pairs``,
``training_data/genre_opinion_pairs``, ``training_data/genre_form_pairs``): each pair tells one
story twice, in the same setting, format and cast, once straight (as a report, an opinion
piece, a press release, an advice column, a Q&A) and once as deadpan satire.
Topic words appear on both sides of a pair and cancel out; what is left is the wording of the
impossible told calmly ("itself", "already", "always", "confirmed", "asked whether").

The model's output is a logit. Genre reads it as the feature ``satire_wording``; how far above
which floor it must be to count, and how much it weighs, live in ``data/genre.json`` with the
other features.
"""

from __future__ import annotations

import functools
import itertools
import json
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

BUNDLED_WORDING_MODEL = (
    Path(__file__).resolve().parent.parent / "models" / "satire" / "wording_model.json"
)
_WORD = re.compile(r"[^\W\d_]+")
"""A run of letters: numbers and names of days are not wording."""


def words(text: str) -> list[str]:
    """The article's words, lower-cased; apostrophes split them ("isn't" -> "isn", "t")."""
    return _WORD.findall(text.lower())


def term_frequencies(text: str) -> Counter[str]:
    """Counts of the article's words and of each two words in a row ("asked whether")."""
    found = words(text)
    return Counter(found) + Counter(f"{a} {b}" for a, b in itertools.pairwise(found))


@dataclass(frozen=True, slots=True)
class WordingModel:
    idf: dict[str, float]
    """Inverse document frequency of each known word."""
    weights: dict[str, float]
    """The regression's weight of each known word."""
    bias: float

    def vector(self, counts: Counter[str]) -> dict[str, float]:
        """Sublinear tf-idf of the known words, scaled to unit length."""
        raw = {w: (1.0 + math.log(n)) * self.idf[w] for w, n in counts.items() if w in self.idf}
        norm = math.sqrt(sum(v * v for v in raw.values()))
        return {w: v / norm for w, v in raw.items()} if norm else {}

    def logit(self, text: str) -> float:
        """Log-odds that ``text`` is deadpan satire rather than its straight twin."""
        vector = self.vector(term_frequencies(text))
        return self.bias + sum(self.weights[w] * v for w, v in vector.items())

    def to_config(self, training: dict[str, object] | None = None) -> dict[str, object]:
        return {
            "bias": round(self.bias, 6),
            "words": {
                w: [round(self.idf[w], 6), round(self.weights[w], 6)] for w in sorted(self.idf)
            },
            "training": training or {},
        }

    @classmethod
    def from_config(cls, config: dict[str, object]) -> WordingModel:
        table: dict[str, list[float]] = config["words"]  # type: ignore[assignment]
        return cls(
            {w: float(pair[0]) for w, pair in table.items()},
            {w: float(pair[1]) for w, pair in table.items()},
            float(config["bias"]),  # type: ignore[arg-type]
        )

    def save(self, path: Path, training: dict[str, object] | None = None) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        config = self.to_config(training)
        table: dict[str, list[float]] = config.pop("words")  # type: ignore[assignment]
        head = json.dumps(config, indent=2)[:-2]  # one word a line below, to read and diff
        rows = ",\n".join(f"    {json.dumps(w)}: {json.dumps(v)}" for w, v in table.items())
        path.write_text(f'{head},\n  "words": {{\n{rows}\n  }}\n}}\n', encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> WordingModel:
        return cls.from_config(json.loads(path.read_text(encoding="utf-8")))


@functools.cache
def bundled_wording_model() -> WordingModel | None:
    """The shipped model, or ``None`` when the package was built without it."""
    if not BUNDLED_WORDING_MODEL.is_file():
        return None
    return WordingModel.load(BUNDLED_WORDING_MODEL)


def fit_wording(
    texts: Sequence[str], satire: Sequence[bool], l2: float, min_documents: int = 2
) -> WordingModel:
    """Fit the model on ``texts`` labelled satire (True) or straight (False).

    Words in fewer than ``min_documents`` texts are left out (a name used in one pair teaches
    nothing general). The regression minimises the mean log loss plus ``l2 / 2`` times the
    squared weights (the bias is not penalised) by Nesterov-accelerated gradient descent, a
    fixed 3,000 steps from zero: at the weak penalties out-of-fold loss prefers, the step
    count regularises as much as the penalty does, the same way in every fit.
    """
    counts = [term_frequencies(text) for text in texts]
    document_frequency: Counter[str] = Counter()
    for c in counts:
        document_frequency.update(c.keys())
    vocabulary = sorted(w for w, df in document_frequency.items() if df >= min_documents)
    n = len(texts)
    idf = {w: math.log((1 + n) / (1 + document_frequency[w])) + 1.0 for w in vocabulary}
    empty = WordingModel(idf, dict.fromkeys(vocabulary, 0.0), 0.0)
    index = {w: i for i, w in enumerate(vocabulary)}
    rows: list[int] = []
    columns: list[int] = []
    values: list[float] = []
    for row, c in enumerate(counts):
        for w, v in empty.vector(c).items():
            rows.append(row)
            columns.append(index[w])
            values.append(v)
    x = _SparseRows(
        np.asarray(rows, dtype=np.int64),
        np.asarray(columns, dtype=np.int64),
        np.asarray(values, dtype=np.float64),
        (n, len(vocabulary)),
    )
    y = np.asarray(satire, dtype=np.float64)
    weights, bias = _logistic_regression(x, y, l2)
    return WordingModel(idf, {w: float(weights[index[w]]) for w in vocabulary}, float(bias))


@dataclass(frozen=True, slots=True)
class _SparseRows:
    """A texts-by-terms matrix kept as its non-zero entries: with word pairs the vocabulary
    runs to tens of thousands of terms, of which each text has a few hundred."""

    rows: np.ndarray
    columns: np.ndarray
    values: np.ndarray
    shape: tuple[int, int]

    def times(self, vector: np.ndarray) -> np.ndarray:
        """``X @ vector``."""
        products = self.values * vector[self.columns]
        return np.bincount(self.rows, weights=products, minlength=self.shape[0])

    def transposed_times(self, vector: np.ndarray) -> np.ndarray:
        """``X.T @ vector``."""
        products = self.values * vector[self.rows]
        return np.bincount(self.columns, weights=products, minlength=self.shape[1])

    def squared_norm(self, iterations: int = 100) -> float:
        """The largest eigenvalue of ``X.T @ X`` (the squared spectral norm), by power
        iteration from a fixed start."""
        vector = np.ones(self.shape[1]) / math.sqrt(max(self.shape[1], 1))
        value = 0.0
        for _ in range(iterations):
            product = self.transposed_times(self.times(vector))
            value = float(np.linalg.norm(product))
            if value == 0.0:
                return 0.0
            vector = product / value
        return value


def _logistic_regression(
    x: _SparseRows, y: np.ndarray, l2: float, steps: int = 3000
) -> tuple[np.ndarray, float]:
    n, dims = x.shape
    # Rows have unit length, so the loss's gradient is Lipschitz with at most this constant.
    lipschitz = 0.25 * (x.squared_norm() / n + 1.0) + l2
    step = 1.0 / lipschitz
    weights = np.zeros(dims)
    bias = 0.0
    ahead_weights, ahead_bias = weights.copy(), bias
    for k in range(steps):
        scores = x.times(ahead_weights) + ahead_bias
        errors = 0.5 * (1.0 + np.tanh(0.5 * scores)) - y  # sigmoid, no overflow
        gradient = x.transposed_times(errors) / n + l2 * ahead_weights
        updated_weights = ahead_weights - step * gradient
        updated_bias = ahead_bias - step * float(np.mean(errors))
        pull = k / (k + 3)  # Nesterov's momentum
        ahead_weights = updated_weights + pull * (updated_weights - weights)
        ahead_bias = updated_bias + pull * (updated_bias - bias)
        weights, bias = updated_weights, updated_bias
    return weights, bias
