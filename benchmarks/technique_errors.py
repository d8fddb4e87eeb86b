"""Where the shipped technique model loses FLC on PTC dev: wrong spans or wrong names.

Usage: python benchmarks/technique_errors.py [--data DIR]

Decodes the shipped model's token probabilities on dev with its shipped rules, then prints:

- per technique, how many predicted spans overlap a gold span of the same technique (right),
  overlap only gold spans of other techniques (other technique), or overlap no gold span;
- FLC with the shipped names, and with "oracle names" (each predicted span renamed after the
  gold span it overlaps most, spans on no gold kept as they are): how much better naming alone,
  on the same spans, could do;
- how often the network's own ranking names a gold span right (the technique with the highest
  mean, or peak, probability over the span's tokens, among the 18 PTC techniques).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path

from spinscope.techniques.scoring import LabelledSpan

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared/datasets"

RIGHT = "right"
OTHER = "other technique"
NO_GOLD = "no gold"


def _overlap(a: LabelledSpan, b: LabelledSpan) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def breakdown(
    gold: Mapping[str, Sequence[LabelledSpan]],
    predicted: Mapping[str, Sequence[LabelledSpan]],
) -> Counter[tuple[str, str]]:
    """``(technique, outcome)`` counts of predicted spans; outcome is one of RIGHT, OTHER,
    NO_GOLD."""
    counts: Counter[tuple[str, str]] = Counter()
    for article, spans in predicted.items():
        for span in spans:
            names = {g.technique for g in gold.get(article, ()) if _overlap(span, g)}
            outcome = NO_GOLD if not names else RIGHT if span.technique in names else OTHER
            counts[span.technique, outcome] += 1
    return counts


def oracle_names(
    gold: Mapping[str, Sequence[LabelledSpan]],
    predicted: Mapping[str, Sequence[LabelledSpan]],
) -> dict[str, list[LabelledSpan]]:
    """Each predicted span renamed after the gold span it overlaps most (the first such in
    gold's order on a tie); a span on no gold keeps its name."""
    renamed: dict[str, list[LabelledSpan]] = {}
    for article, spans in predicted.items():
        out = []
        for span in spans:
            best = max(gold.get(article, ()), key=lambda g: _overlap(span, g), default=None)
            if best is not None and _overlap(span, best):
                span = LabelledSpan(article, best.technique, span.start, span.end)
            out.append(span)
        renamed[article] = out
    return renamed


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args()

    import numpy as np

    from spinscope.techniques import tuning
    from spinscope.techniques.catalogue import PTC_TECHNIQUES
    from spinscope.techniques.corpus import read_training_data
    from spinscope.techniques.decoding import rules_from_config
    from spinscope.techniques.predictor import TechniquePredictor
    from spinscope.techniques.scoring import flc_score, si_score

    _, dev = read_training_data(args.data, use_memes=False)
    if not dev:
        print(f"no PTC dev articles under {args.data}", file=sys.stderr)
        return 1
    predictor = TechniquePredictor()
    articles = tuning.collect(predictor, dev)
    gold = tuning.gold_spans(dev)
    predicted = tuning.predict(articles, rules_from_config(predictor.decoding))

    counts = breakdown(gold, predicted)
    print(f"PTC dev: {len(dev)} articles, {sum(len(v) for v in gold.values())} gold spans\n")
    print(f"{'predicted technique':44}{RIGHT:>8}{OTHER:>17}{NO_GOLD:>10}")
    for technique in sorted({t for t, _ in counts}):
        row = [counts[technique, o] for o in (RIGHT, OTHER, NO_GOLD)]
        print(f"{technique:44}{row[0]:8}{row[1]:17}{row[2]:10}")
    totals = [sum(v for (_, o), v in counts.items() if o == k) for k in (RIGHT, OTHER, NO_GOLD)]
    print(f"{'all':44}{totals[0]:8}{totals[1]:17}{totals[2]:10}\n")

    for name, spans in (
        ("shipped names", predicted),
        ("oracle names", oracle_names(gold, predicted)),
    ):
        flc, si = flc_score(gold, spans), si_score(gold, spans)
        print(
            f"{name:16} FLC P {flc.precision:.3f} R {flc.recall:.3f} F1 {flc.f1:.3f}"
            f"   SI F1 {si.f1:.3f}"
        )

    named = Counter[str]()
    for article in articles:
        offsets = article.probabilities.encoded.offsets
        probabilities = article.probabilities.probabilities[:, : len(PTC_TECHNIQUES)]
        for span in gold[article.id]:
            inside = (offsets[:, 0] < span.end) & (offsets[:, 1] > span.start)
            if not inside.any():
                continue
            named["spans"] += 1
            named["mean"] += (
                PTC_TECHNIQUES[int(np.argmax(probabilities[inside].mean(0)))] == span.technique
            )
            named["peak"] += (
                PTC_TECHNIQUES[int(np.argmax(probabilities[inside].max(0)))] == span.technique
            )
    total = max(named["spans"], 1)
    print(
        f"\nnetwork's own name for the {named['spans']} gold spans: right "
        f"{named['mean'] / total:.3f} by mean probability, {named['peak'] / total:.3f} by peak"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
