"""A simple baseline to measure the model against: a phrase lexicon learnt from train spans.

For each technique, the word n-grams (1 to 3 words) that sit inside that technique's spans in
most of their training occurrences become its lexicon; at prediction time every occurrence is
marked. Cheap, transparent, and a floor any learnt model has to clear.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from spinscope.techniques.corpus import LabelledText

_WORD = re.compile(r"[\w'’-]+")


def _ngrams(text: str, longest: int) -> list[tuple[int, int, str]]:
    words = [(m.start(), m.end(), m.group().lower()) for m in _WORD.finditer(text)]
    grams: list[tuple[int, int, str]] = []
    for size in range(1, longest + 1):
        for i in range(len(words) - size + 1):
            chunk = words[i : i + size]
            grams.append((chunk[0][0], chunk[-1][1], " ".join(w for _, _, w in chunk)))
    return grams


@dataclass(slots=True)
class LexiconTagger:
    longest: int = 3
    min_count: int = 3
    min_precision: float = 0.5
    lexicon: dict[str, str] = field(default_factory=dict)
    """n-gram → technique."""

    def fit(self, examples: Sequence[LabelledText]) -> LexiconTagger:
        total: Counter[str] = Counter()
        inside: dict[str, Counter[str]] = defaultdict(Counter)
        for example in examples:
            for start, end, gram in _ngrams(example.text, self.longest):
                total[gram] += 1
                for s, e, technique in example.spans:
                    if s <= start and end <= e:
                        inside[gram][technique] += 1
        for gram, counts in inside.items():
            technique, hits = counts.most_common(1)[0]
            if hits >= self.min_count and hits / total[gram] >= self.min_precision:
                self.lexicon[gram] = technique
        return self

    def predict(self, text: str) -> list[tuple[int, int, str]]:
        found = [
            (start, end, self.lexicon[gram])
            for start, end, gram in _ngrams(text, self.longest)
            if gram in self.lexicon
        ]
        # Keep the longest of overlapping matches of one technique.
        found.sort(key=lambda f: (f[2], f[0], -(f[1] - f[0])))
        kept: list[tuple[int, int, str]] = []
        for start, end, technique in found:
            if kept and kept[-1][2] == technique and start < kept[-1][1]:
                continue
            kept.append((start, end, technique))
        return sorted(kept)
