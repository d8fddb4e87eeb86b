from __future__ import annotations

import numpy as np

from spinscope.techniques.corpus import LABELS, OUTPUTS
from spinscope.techniques.predictor import TokenProbabilities
from spinscope.techniques.scoring import LabelledSpan
from spinscope.techniques.tuning import DevArticle, calibrate_sentences, tune_rules
from spinscope.techniques.windows import Encoded

LOADED = LABELS.index("Loaded_Language")
DOUBT = LABELS.index("Doubt")


def article(
    article_id: str, words: list[str], loaded: list[float], doubt: list[float]
) -> DevArticle:
    text = " ".join(words)
    offsets, position = [], 0
    for word in words:
        offsets.append((position, position + len(word)))
        position += len(word) + 1
    probabilities = np.zeros((len(words), OUTPUTS), dtype=np.float32)
    probabilities[:, LOADED] = loaded
    probabilities[:, DOUBT] = doubt
    probabilities[:, -1] = np.maximum(loaded, doubt)
    encoded = Encoded(np.arange(len(words)), np.asarray(offsets))
    stop = text.index(".") + 1 if "." in text else len(text)
    sentences = [(0, stop)] + ([(stop + 1, len(text))] if stop < len(text) else [])
    return DevArticle(article_id, text, TokenProbabilities(encoded, probabilities), sentences)


def test_a_technique_that_only_costs_precision_is_left_out() -> None:
    words = ["the", "evil", "regime", ".", "it", "may", "perhaps", "lie"]
    articles = [
        # Loaded language is predicted right on "evil"; Doubt fires only in the second
        # sentence, while gold marks it in the first
        article(
            str(i),
            words,
            [0.1, 0.9, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1],
            [0.1, 0.1, 0.1, 0.1, 0.9, 0.9, 0.9, 0.9],
        )
        for i in range(4)
    ]
    gold = {
        a.id: [
            LabelledSpan(a.id, "Loaded_Language", 4, 8),  # "evil"
            LabelledSpan(a.id, "Doubt", 0, 3),  # "the"
        ]
        for a in articles
    }
    rules = tune_rules(articles, gold)
    assert set(rules) == {"Loaded_Language"}
    assert rules["Loaded_Language"].mode == "tokens"
    assert 0.1 < rules["Loaded_Language"].threshold <= 0.9


def test_sentence_calibration_matches_observed_rates() -> None:
    # lines scoring 0.9 raw are propaganda half the time, lines scoring 0.5 a tenth of the time
    articles, gold = [], {}
    for i in range(40):
        raw = 0.9 if i < 20 else 0.5
        positive = i % 2 == 0 if i < 20 else i in (20, 30)
        a = article(str(i), ["plain", "line"], [raw, raw], [0.0, 0.0])
        articles.append(a)
        gold[a.id] = [LabelledSpan(a.id, "Loaded_Language", 0, 5)] if positive else []
    a, b = calibrate_sentences(articles, gold)

    def calibrated(p: float) -> float:
        return float(1 / (1 + np.exp(-(a * np.log(p / (1 - p)) + b))))

    assert abs(calibrated(0.9) - 0.5) < 0.02
    assert abs(calibrated(0.5) - 0.1) < 0.02
