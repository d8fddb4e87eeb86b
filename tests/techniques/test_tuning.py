from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from spinscope.techniques.corpus import ANY, LABELS, OUTPUTS
from spinscope.techniques.decoding import SENTENCE, TOKENS, DecodingRule
from spinscope.techniques.predictor import TokenProbabilities
from spinscope.techniques.scoring import LabelledSpan
from spinscope.techniques.sentence_model import sentence_features
from spinscope.techniques.tuning import (
    MIN_SUPPORT,
    DevArticle,
    cross_fit,
    fit_sentences,
    threshold_neighbours,
    tune,
    tune_rules,
)
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
        for i in range(MIN_SUPPORT + 2)
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


def test_sentence_model_scores_match_observed_rates() -> None:
    # lines scoring 0.9 raw are propaganda half the time, lines scoring 0.5 a tenth of the time
    articles, gold = [], {}
    for i in range(80):
        raw = 0.9 if i < 40 else 0.5
        positive = i % 2 == 0 if i < 40 else i % 10 == 0
        a = article(str(i), ["plain", "line"], [raw, raw], [0.0, 0.0])
        articles.append(a)
        gold[a.id] = [LabelledSpan(a.id, "Loaded_Language", 0, 5)] if positive else []
    model = fit_sentences(articles, gold)
    high = articles[0].probabilities.probabilities
    low = articles[-1].probabilities.probabilities
    offsets = articles[0].probabilities.encoded.offsets
    lines = [(0, len(articles[0].text))]
    assert model.scores(sentence_features(high, offsets, lines, ANY))[0] == pytest.approx(
        0.5, abs=0.03
    )
    assert model.scores(sentence_features(low, offsets, lines, ANY))[0] == pytest.approx(
        0.1, abs=0.03
    )
    # the best F1 labels the 0.9 lines propaganda and the 0.5 ones not
    assert 0.1 < model.threshold <= 0.5


def _evil_articles(count: int) -> tuple[list[DevArticle], dict[str, list[LabelledSpan]]]:
    words = ["the", "evil", "regime", ".", "it", "may", "perhaps", "lie"]
    loaded = [0.1, 0.9, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1]
    articles = [article(str(i), words, loaded, [0.1] * 8) for i in range(count)]
    gold = {a.id: [LabelledSpan(a.id, "Loaded_Language", 4, 8)] for a in articles}
    return articles, gold


def test_a_technique_with_too_few_gold_spans_is_not_emitted() -> None:
    articles, gold = _evil_articles(MIN_SUPPORT - 1)
    assert "Loaded_Language" not in tune_rules(articles, gold)
    assert set(tune_rules(articles, gold, min_support=1)) == {"Loaded_Language"}


def test_neighbours_are_the_same_kind_of_rule_one_grid_step_away() -> None:
    rules = [
        None,
        DecodingRule(0.5, TOKENS),
        DecodingRule(0.55, TOKENS),
        DecodingRule(0.6, TOKENS),
        DecodingRule(0.55, SENTENCE),
        DecodingRule(0.5, TOKENS, 0.25),
        DecodingRule(0.55, TOKENS, 0.28),
        DecodingRule(0.55, TOKENS, 0.38),
    ]
    neighbours = threshold_neighbours(rules)
    assert neighbours[0] == [0]
    assert neighbours[2] == [1, 2, 3]  # not the sentence rule, nor the growing ones
    assert neighbours[1] == [1, 2]
    assert neighbours[4] == [4]
    assert neighbours[5] == [5, 6]  # grown to half the threshold, both
    assert neighbours[7] == [7]  # grown to 0.7 of it: another kind


def test_cross_fitting_averages_its_splits() -> None:
    articles, gold = _evil_articles(2 * MIN_SUPPORT + 2)
    report = cross_fit(articles, gold, splits=3)
    assert len(report["flc_f1_per_split"]) == 3
    # every half has the support to emit loaded language, and it is right everywhere
    assert report["flc"]["f1"] == 1.0
    assert report["flc"]["f1"] == sum(report["flc_f1_per_split"]) / 3


def test_written_texts_join_tuning_and_give_support_dev_lacks() -> None:
    # half of dev has too few loaded-language spans to tune a rule; written texts bring more
    dev, gold = _evil_articles(MIN_SUPPORT)
    half = dev[: MIN_SUPPORT // 2]
    written, written_gold = _evil_articles(MIN_SUPPORT)
    written = [replace(a, id=f"written{a.id}") for a in written]
    written_gold = {
        f"written{i}": [replace(s, article_id=f"written{i}") for s in spans]
        for i, spans in written_gold.items()
    }
    both = {**gold, **written_gold}
    assert "Loaded_Language" not in tune(half, gold)[0]
    rules, sentence_model = tune(half, both, written)
    assert set(rules) == {"Loaded_Language"}
    # the sentence model is PTC's: fitted on dev's lines alone, whatever the written texts say
    assert sentence_model == tune(half, gold)[1]
    # cross-fitting: every tuning half has the written texts beside it. Written texts where
    # the network's "evil" is nobody's technique outweigh dev's half and silence it.
    unmarked = [replace(a, id=f"unmarked{i}") for i, a in enumerate(written * 4)]
    assert cross_fit(dev, gold, splits=1)["flc"]["f1"] == 1.0
    assert cross_fit(dev, gold, splits=1, written=unmarked)["flc"]["f1"] == 0.0
