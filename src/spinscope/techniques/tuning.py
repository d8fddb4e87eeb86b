"""Choose each technique's decoding rule and threshold on the dev split, honestly.

Thresholds tuned and scored on the same articles flatter a model, so the figure reported is
cross-fitted: tune on one half of dev, score on the other, and the reverse, pooling both halves'
predictions. The rules shipped are then tuned on all of dev.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from spinscope.techniques.corpus import ANY, LABELS, LabelledText
from spinscope.techniques.decoding import ANY_TECHNIQUE, SENTENCE, TOKENS, DecodingRule, decode
from spinscope.techniques.predictor import TechniquePredictor, TokenProbabilities
from spinscope.techniques.scoring import (
    LabelledSpan,
    Score,
    coverage,
    flc_score,
    label_sentences,
    sentence_bounds,
    si_score,
    slc_score,
)
from spinscope.techniques.segmentation import sentence_spans
from spinscope.techniques.sentence_model import (
    SentenceModel,
    fit_sentence_model,
    sentence_features,
)

THRESHOLD_STEP = 0.05
THRESHOLDS = tuple(float(round(t, 2)) for t in np.arange(0.2, 0.96, THRESHOLD_STEP))
EXTEND_FACTORS = (0.5, 0.7)
"""Hysteresis: a token run may grow down to these fractions of its threshold."""
SI_WEIGHT = 0.5
"""Tuning maximises FLC F1 plus this times SI F1: both are targets, and SI rewards finding
propaganda the technique labels miss."""
MAX_COVERAGE_RATIO = 1.5
"""Predicted spans may cover at most this multiple of the characters gold spans cover."""
MIN_SUPPORT = 10
"""A technique with fewer gold spans than this in the tuning articles is not emitted: a rule
chosen on a handful of spans fits them, not the technique (cross-fitted FLC 0.212 → 0.217)."""
CROSS_FIT_SPLITS = 4
"""Cross-fitting is repeated over this many halvings of dev and averaged: a single halving's
FLC moves by about ±0.005 with which articles fall on which side."""


@dataclass(slots=True)
class DevArticle:
    id: str
    text: str
    probabilities: TokenProbabilities
    sentences: list[tuple[int, int]]


def collect(predictor: TechniquePredictor, examples: Sequence[LabelledText]) -> list[DevArticle]:
    articles: list[DevArticle] = []
    for example in examples:
        sentences = sentence_spans(example.text)
        probabilities = predictor(example.text, sentences=sentences)
        articles.append(DevArticle(example.id, example.text, probabilities, sentences))
    return articles


def gold_spans(examples: Sequence[LabelledText]) -> dict[str, list[LabelledSpan]]:
    return {e.id: [LabelledSpan(e.id, t, s, end) for s, end, t in e.spans] for e in examples}


def predict(
    articles: Sequence[DevArticle], rules: Mapping[str, DecodingRule]
) -> dict[str, list[LabelledSpan]]:
    predictions: dict[str, list[LabelledSpan]] = {}
    for article in articles:
        decoded = decode(
            article.text,
            article.probabilities.encoded.offsets,
            article.probabilities.probabilities,
            article.sentences,
            LABELS,
            dict(rules),
        )
        predictions[article.id] = [
            LabelledSpan(article.id, s.technique, s.start, s.end) for s in decoded
        ]
    return predictions


def line_features(article: DevArticle) -> tuple[list[int], np.ndarray]:
    """SLC's sentences are the article's lines: their indices and sentence-model features."""
    bounds = sentence_bounds(article.text)
    features = sentence_features(
        article.probabilities.probabilities,
        article.probabilities.encoded.offsets,
        [(start, end) for _, start, end in bounds],
        ANY,
    )
    return [index for index, _, _ in bounds], features


def line_labels(articles: Sequence[DevArticle], model: SentenceModel) -> dict[str, dict[int, bool]]:
    """Each article's lines labelled propaganda or not by the sentence model."""
    labels: dict[str, dict[int, bool]] = {}
    for article in articles:
        indices, features = line_features(article)
        flags = model.scores(features) >= model.threshold
        labels[article.id] = {i: bool(f) for i, f in zip(indices, flags, strict=True)}
    return labels


def candidate_rules() -> list[DecodingRule]:
    """Every rule tuning may pick for a technique: token runs, token runs grown around their
    peaks down to a lower threshold, or whole sentences, at each threshold."""
    rules = [DecodingRule(t, m) for m in (TOKENS, SENTENCE) for t in THRESHOLDS]
    rules += [
        DecodingRule(t, TOKENS, round(t * factor, 2))
        for t in THRESHOLDS
        for factor in EXTEND_FACTORS
    ]
    return rules


def tune_rules(
    articles: Sequence[DevArticle],
    gold: Mapping[str, Sequence[LabelledSpan]],
    min_support: int = MIN_SUPPORT,
) -> dict[str, DecodingRule]:
    """The rule set with the best pooled FLC F1 + SI F1 / 2, by coordinate ascent over
    techniques.

    FLC pools every technique's spans, so a technique tuned alone to its own best F1 can still
    cost more precision than it brings: its options include being left out. Each pass tries
    every option of every technique with the others fixed and keeps the best. An option is
    judged by its mean objective over itself and its neighbours on the threshold grid, so a
    threshold wins on a plateau, not on a spike that a few spans happen to make (cross-fitted
    FLC 0.217 → 0.222)."""
    ids = {a.id for a in articles}
    gold_here = {i: list(gold.get(i, [])) for i in ids}
    candidates = candidate_rules()
    options: dict[str, list[tuple[DecodingRule | None, dict[str, list[LabelledSpan]]]]] = {}
    for label in LABELS:
        support = sum(s.technique == label for spans in gold_here.values() for s in spans)
        if support < max(min_support, 1):
            continue  # too little dev evidence: left out rather than guessed
        options[label] = [(None, {})] + [
            (rule, predict(articles, {label: rule})) for rule in candidates
        ]
    options[ANY_TECHNIQUE] = [(None, {})] + [
        (rule, predict(articles, {ANY_TECHNIQUE: rule}))
        for rule in candidates
        if rule.mode == TOKENS
    ]
    neighbours = {
        label: threshold_neighbours([rule for rule, _ in choices])
        for label, choices in options.items()
    }

    def pooled(choice: dict[str, int]) -> float:
        combined: dict[str, list[LabelledSpan]] = {i: [] for i in ids}
        for label, index in choice.items():
            for article_id, spans in options[label][index][1].items():
                combined[article_id].extend(spans)
        return flc_score(gold_here, combined).f1 + SI_WEIGHT * si_score(gold_here, combined).f1

    def smoothed(choice: dict[str, int], label: str) -> float:
        around = neighbours[label][choice[label]]
        return float(np.mean([pooled({**choice, label: index}) for index in around]))

    chosen: dict[str, int] = {label: 0 for label in options}
    for _ in range(3):
        improved = False
        for label in options:
            best = smoothed(chosen, label)
            for index in range(len(options[label])):
                trial = {**chosen, label: index}
                value = smoothed(trial, label)
                if value > best + 1e-9:
                    best, chosen, improved = value, trial, True
        if not improved:
            break
    rules: dict[str, DecodingRule] = {}
    for label, index in chosen.items():
        rule = options[label][index][0]
        if rule is not None:
            rules[label] = rule
    return rules


def threshold_neighbours(rules: Sequence[DecodingRule | None]) -> list[list[int]]:
    """For each rule, the indices of the rules of the same kind (mode, and growth factor when
    it grows) whose threshold is at most one grid step away, itself included. "Not emitted"
    (``None``) has no neighbours but itself."""

    def kind(rule: DecodingRule) -> tuple[str, float | None]:
        factor = None if rule.extend is None else round(rule.extend / rule.threshold, 1)
        return rule.mode, factor

    result: list[list[int]] = []
    for index, rule in enumerate(rules):
        if rule is None:
            result.append([index])
            continue
        result.append(
            [
                other_index
                for other_index, other in enumerate(rules)
                if other is not None
                and kind(other) == kind(rule)
                and abs(other.threshold - rule.threshold) <= THRESHOLD_STEP + 1e-9
            ]
        )
    return result


def fit_sentences(
    articles: Sequence[DevArticle], gold: Mapping[str, Sequence[LabelledSpan]]
) -> SentenceModel:
    """The sentence model fitted on the articles' lines, gold-labelled from their spans.

    Training weights positives up, so raw probabilities run high; the fitted score reads as
    the chance that a sentence holds a technique."""
    gold_labels = label_sentences({a.id: a.text for a in articles}, gold)
    rows: list[np.ndarray] = []
    truth: list[float] = []
    for article in articles:
        indices, features = line_features(article)
        rows.append(features)
        truth += [1.0 if gold_labels[article.id].get(i, False) else 0.0 for i in indices]
    return fit_sentence_model(np.concatenate(rows), np.asarray(truth))


def limit_coverage(
    articles: Sequence[DevArticle],
    gold: Mapping[str, Sequence[LabelledSpan]],
    rules: dict[str, DecodingRule],
) -> dict[str, DecodingRule]:
    """Raise thresholds, the widest-covering technique's first, until predictions cover at
    most :data:`MAX_COVERAGE_RATIO` times the characters gold covers."""
    texts = {a.id: a.text for a in articles}
    rules = dict(rules)
    for _ in range(200):
        cover = coverage(texts, gold, predict(articles, rules))
        if not rules or cover.predicted_characters <= MAX_COVERAGE_RATIO * cover.gold_characters:
            break
        widths = {
            label: sum(
                s.end - s.start
                for spans in predict(articles, {label: rule}).values()
                for s in spans
            )
            for label, rule in rules.items()
        }
        widest = max(widths, key=lambda label: widths[label])
        rule = rules[widest]
        if rule.threshold >= 0.95:
            del rules[widest]
        else:
            rules[widest] = DecodingRule(round(rule.threshold + 0.05, 2), rule.mode, rule.extend)
    return rules


def evaluate_rules(
    articles: Sequence[DevArticle],
    gold: Mapping[str, Sequence[LabelledSpan]],
    rules: Mapping[str, DecodingRule],
    sentence_model: SentenceModel,
) -> dict[str, Any]:
    texts = {a.id: a.text for a in articles}
    predicted = predict(articles, rules)
    gold_labels = label_sentences(texts, gold)
    return {
        **_figures(texts, gold, predicted, line_labels(articles, sentence_model)),
        "slc_from_spans": _as_dict(
            slc_score(texts, gold_labels, label_sentences(texts, predicted))
        ),
    }


def _figures(
    texts: Mapping[str, str],
    gold: Mapping[str, Sequence[LabelledSpan]],
    predicted: Mapping[str, Sequence[LabelledSpan]],
    lines: Mapping[str, Mapping[int, bool]],
) -> dict[str, Any]:
    """FLC, SI, SLC (from line labels) and the characters covered, gold's and predicted."""
    cover = coverage(texts, gold, predicted)
    return {
        "flc": _as_dict(flc_score(gold, predicted)),
        "si": _as_dict(si_score(gold, predicted)),
        "slc": _as_dict(slc_score(texts, label_sentences(texts, gold), lines)),
        "coverage_gold": round(cover.gold_share, 4),
        "coverage_predicted": round(cover.predicted_share, 4),
    }


def _as_dict(score: Score) -> dict[str, float]:
    return {
        "precision": round(score.precision, 4),
        "recall": round(score.recall, 4),
        "f1": round(score.f1, 4),
    }


def tune(
    articles: Sequence[DevArticle],
    gold: Mapping[str, Sequence[LabelledSpan]],
    written: Sequence[DevArticle] = (),
) -> tuple[dict[str, DecodingRule], SentenceModel]:
    """Decoding rules tuned on ``articles`` (PTC dev) together with ``written`` (texts written
    for spinscope in its users' register, none of them trained on), and the sentence model,
    fitted on the PTC articles' lines alone (SLC is PTC's measure)."""
    every = [*articles, *written]
    rules = limit_coverage(every, gold, tune_rules(every, gold))
    return rules, fit_sentences(articles, gold)


def cross_fit(
    articles: Sequence[DevArticle],
    gold: Mapping[str, Sequence[LabelledSpan]],
    splits: int = CROSS_FIT_SPLITS,
    written: Sequence[DevArticle] = (),
) -> dict[str, Any]:
    """Tune on one half of dev, predict the other, and the reverse; both halves' predictions
    pooled and scored. Repeated over ``splits`` halvings (articles alternating by id, then
    shuffled with fixed seeds); the figures are their means, with each split's FLC F1 beside.
    ``written`` texts, when given, join every tuning half, as they join tuning itself."""
    ordered = sorted(articles, key=lambda a: a.id)
    texts = {a.id: a.text for a in articles}
    runs: list[dict[str, Any]] = []
    for split in range(splits):
        shuffled = list(ordered)
        if split:
            random.Random(split).shuffle(shuffled)
        halves = (shuffled[0::2], shuffled[1::2])
        predicted: dict[str, list[LabelledSpan]] = {}
        lines: dict[str, dict[int, bool]] = {}
        for tune_half, score_half in (halves, halves[::-1]):
            rules, sentence_model = tune(tune_half, gold, written)
            predicted.update(predict(score_half, rules))
            lines.update(line_labels(score_half, sentence_model))
        runs.append(_figures(texts, gold, predicted, lines))
    return {**_mean(runs), "flc_f1_per_split": [run["flc"]["f1"] for run in runs]}


def _mean(runs: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """The mean of figure dictionaries of the same shape, rounded as :func:`_figures` rounds."""
    mean: dict[str, Any] = {}
    for key, value in runs[0].items():
        if isinstance(value, Mapping):
            mean[key] = _mean([run[key] for run in runs])
        else:
            mean[key] = round(float(np.mean([run[key] for run in runs])), 4)
    return mean


def decoding_config(
    rules: Mapping[str, DecodingRule],
    sentence_model: SentenceModel,
    stride: int,
) -> dict[str, Any]:
    return {
        "labels": list(LABELS),
        "stride": stride,
        "sentence_model": sentence_model.to_config(),
        "rules": {k: r.to_config() for k, r in rules.items()},
    }
