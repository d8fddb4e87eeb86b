"""Repetition, detected over the whole article: a window of 256 tokens cannot see it.

Gold Repetition spans are mostly short, uncommon words or phrases that an article says again
and again ("historic", "anti-Israel", "brutal dictator"), each occurrence marked. The detector
marks every occurrence of a word n-gram that recurs at least ``min_occurrences`` times and whose
words are rare enough in general English (wordfreq's Zipf scale) to be a chosen word, not
grammar. Its parameters are tuned on the training split.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

from wordfreq import zipf_frequency

TECHNIQUE = "Repetition"
_WORD = re.compile(r"[A-Za-z][\w'’-]*")


@dataclass(frozen=True, slots=True)
class RepetitionRule:
    """Defaults as tuned on the PTC training split (FLC F1 on Repetition: 0.06 train, 0.077
    dev)."""

    min_occurrences: int = 4
    max_zipf: float = 4.0
    """Every word of the n-gram must be at most this frequent (Zipf 4 ≈ once in 10,000 words)."""
    longest: int = 1
    skip_capitalised: bool = True
    """Names (capitalised mid-sentence) recur in any report; they are not the technique."""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@functools.lru_cache(maxsize=200_000)
def _zipf(word: str) -> float:
    return float(zipf_frequency(word, "en"))


def detect(text: str, rule: RepetitionRule) -> list[tuple[int, int]]:
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
    occurrences: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for size in range(1, rule.longest + 1):
        for i in range(len(words) - size + 1):
            chunk = words[i : i + size]
            lowered = [w.lower() for _, _, w in chunk]
            if rule.skip_capitalised and any(
                w[:1].isupper()
                and j + i > 0
                and text[chunk[j][0] - 2 : chunk[j][0]].strip() not in {".", "!", "?", ""}
                for j, (_, _, w) in enumerate(chunk)
            ):
                continue
            if all(_zipf(w) <= rule.max_zipf for w in lowered):
                occurrences[" ".join(lowered)].append((chunk[0][0], chunk[-1][1]))
    spans = sorted(
        span
        for found in occurrences.values()
        if len(found) >= rule.min_occurrences
        for span in found
    )
    kept: list[tuple[int, int]] = []
    for start, end in spans:  # the longest of overlapping n-grams
        if kept and start < kept[-1][1]:
            if end - start > kept[-1][1] - kept[-1][0]:
                kept[-1] = (start, end)
            continue
        kept.append((start, end))
    return kept


def candidate_rules() -> list[RepetitionRule]:
    return [
        RepetitionRule(occurrences, zipf, longest, skip)
        for occurrences, zipf, longest, skip in itertools.product(
            (2, 3, 4), (3.0, 3.5, 4.0, 4.5), (1, 2, 3), (True, False)
        )
    ]


def tune(texts: dict[str, str], gold: dict[str, Sequence[Any]]) -> tuple[RepetitionRule, float]:
    """The candidate rule with the best FLC F1 on Repetition, and that F1."""
    from spinscope.techniques.scoring import LabelledSpan, flc_score

    gold_repetition = {
        i: [s for s in spans if s.technique == TECHNIQUE] for i, spans in gold.items()
    }
    best: tuple[float, RepetitionRule] = (-1.0, RepetitionRule())
    for rule in candidate_rules():
        predicted = {
            i: [LabelledSpan(i, TECHNIQUE, s, e) for s, e in detect(text, rule)]
            for i, text in texts.items()
        }
        f1 = flc_score(gold_repetition, predicted).f1
        if f1 > best[0]:
            best = (f1, rule)
    return best[1], best[0]
