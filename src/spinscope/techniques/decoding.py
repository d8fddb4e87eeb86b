"""From per-token probabilities to technique spans, one rule per technique.

Short techniques (loaded language, name calling) are marked where the model's probability runs
high, token by token. Long ones (doubt, causal oversimplification, appeals to fear) are
sentence-sized in the gold data, while token probabilities tend to peak on a few words; for those
the whole sentence is marked when its peak passes the threshold. Which rule and threshold each
technique gets is chosen on the dev split (see :mod:`spinscope.techniques.tuning`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

TOKENS = "tokens"
SENTENCE = "sentence"
ANY_TECHNIQUE = "*"
"""The rule key for spans found on the "inside any technique" channel; each such span is named
after the technique the model rates highest over it."""
DETECTOR = "detector"
"""Repetition only: the article-level detector of :mod:`spinscope.techniques.repetition`."""


@dataclass(frozen=True, slots=True)
class DecodingRule:
    threshold: float
    mode: str = TOKENS
    extend: float | None = None
    """Tokens mode only: a run that reaches ``threshold`` somewhere grows over its neighbours
    down to this lower probability (hysteresis), so spans take in the words around a peak."""

    def to_config(self) -> dict[str, Any]:
        """The rule as written in a model's decoding.json."""
        config: dict[str, Any] = {"threshold": self.threshold, "mode": self.mode}
        if self.extend is not None:
            config["extend"] = self.extend
        return config

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> DecodingRule:
        extend = config.get("extend")
        return cls(
            float(config["threshold"]),
            str(config["mode"]),
            float(extend) if extend is not None else None,
        )


def rules_from_config(config: Mapping[str, Any]) -> dict[str, DecodingRule]:
    """The per-technique rules of a model's decoding.json (its ``rules`` object)."""
    return {label: DecodingRule.from_config(rule) for label, rule in config["rules"].items()}


@dataclass(frozen=True, slots=True)
class DecodedSpan:
    start: int
    end: int
    technique: str
    score: float


def _word_edges(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a span of word pieces to whole words."""
    if start < len(text) and text[start].isalnum():
        while start > 0 and text[start - 1].isalnum():
            start -= 1
    if end > 0 and text[end - 1].isalnum():
        while end < len(text) and text[end].isalnum():
            end += 1
    return start, end


def token_sentences(offsets: np.ndarray, sentences: list[tuple[int, int]]) -> np.ndarray:
    """The sentence index of every token (by its first character)."""
    if len(offsets) == 0:
        return np.zeros(0, dtype=np.int64)
    starts = np.asarray([s for s, _ in sentences], dtype=np.int64)
    return np.maximum(np.searchsorted(starts, offsets[:, 0], side="right") - 1, 0)


def decode(
    text: str,
    offsets: np.ndarray,
    probabilities: np.ndarray,
    sentences: list[tuple[int, int]],
    labels: tuple[str, ...],
    rules: dict[str, DecodingRule],
) -> list[DecodedSpan]:
    spans: list[DecodedSpan] = []
    if len(offsets) == 0:
        return spans
    sentence_of = token_sentences(offsets, sentences)
    channels = [*labels, ANY_TECHNIQUE] if probabilities.shape[1] > len(labels) else labels
    for index, label in enumerate(channels):
        rule = rules.get(label)
        if rule is None:
            continue
        if rule.mode == DETECTOR:
            from spinscope.techniques.repetition import RepetitionRule, detect

            # A rule, not a probability: its spans carry a neutral score.
            spans.extend(DecodedSpan(s, e, label, 0.5) for s, e in detect(text, RepetitionRule()))
            continue
        column = probabilities[:, index]
        above = column >= rule.threshold
        if not above.any():
            continue
        if rule.mode == SENTENCE:
            for sentence in np.unique(sentence_of[above]):
                start, end = sentences[int(sentence)]
                peak = float(column[sentence_of == sentence].max())
                spans.append(DecodedSpan(start, end, label, peak))
            continue
        # Runs of tokens above the threshold (or, with hysteresis, above the lower one);
        # a single dip below it inside a run is bridged.
        inside = above if rule.extend is None else column >= rule.extend
        bridged = inside.copy()
        bridged[1:-1] |= inside[:-2] & inside[2:]
        positions = np.flatnonzero(bridged)
        # A run ends at a gap or where a new sentence begins.
        breaks = np.flatnonzero((np.diff(positions) > 1) | (np.diff(sentence_of[positions]) != 0))
        for run in np.split(positions, breaks + 1):
            first, last = int(run[0]), int(run[-1])
            if rule.extend is not None and not above[first : last + 1].any():
                continue  # no peak in this run
            start, end = _word_edges(text, int(offsets[first, 0]), int(offsets[last, 1]))
            technique = label
            if label == ANY_TECHNIQUE:
                means = probabilities[first : last + 1, : len(labels)].mean(axis=0)
                technique = labels[int(np.argmax(means))]
            spans.append(DecodedSpan(start, end, technique, float(column[first : last + 1].max())))
    spans.sort(key=lambda s: (s.start, s.end, s.technique))
    return spans
