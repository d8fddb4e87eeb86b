"""Technique detection on the PTC dev split: a lexicon baseline and the shipped model, one run.

Usage: python benchmarks/techniques_side_by_side.py [--data DIR] [--jobs N]

Prints FLC, SI and SLC (P/R/F1), the share of characters the predicted spans cover beside
gold's, and articles/s for each. The model runs through ``spinscope analyze`` itself (the full
pipeline: cleaning, metadata, entities, quotes and techniques), so its articles/s is the speed
a user gets, and its spans are scored at their source offsets.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared/datasets"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()

    from spinscope.annotators.techniques import bundled_model_available
    from spinscope.pipeline import analyze_many
    from spinscope.techniques.baseline import LexiconTagger
    from spinscope.techniques.corpus import read_training_data
    from spinscope.techniques.scoring import (
        LabelledSpan,
        coverage,
        flc_score,
        label_sentences,
        si_score,
        slc_score,
    )
    from spinscope.techniques.tuning import gold_spans

    train, dev = read_training_data(args.data, use_memes=False)
    texts = {e.id: e.text for e in dev}
    gold = gold_spans(dev)
    gold_lines = label_sentences(texts, gold)

    def report(name: str, predicted: dict[str, list[LabelledSpan]], rate: float) -> None:
        flc = flc_score(gold, predicted)
        si = si_score(gold, predicted)
        slc = slc_score(texts, gold_lines, label_sentences(texts, predicted))
        cover = coverage(texts, gold, predicted)
        share = cover.predicted_characters / max(cover.characters, 1)
        gold_share = cover.gold_characters / max(cover.characters, 1)
        print(
            f"{name:34}{flc.precision:6.3f}{flc.recall:6.3f}{flc.f1:6.3f}  "
            f"{si.precision:6.3f}{si.recall:6.3f}{si.f1:6.3f}  "
            f"{slc.precision:6.3f}{slc.recall:6.3f}{slc.f1:6.3f}  "
            f"{100 * share:5.1f}% ({100 * gold_share:.1f}%){rate:9.1f}"
        )

    print(f"PTC dev: {len(dev)} articles, {sum(len(v) for v in gold.values())} gold spans\n")
    print(
        f"{'':34}{'FLC P':>6}{'R':>6}{'F1':>6}  {'SI P':>6}{'R':>6}{'F1':>6}  "
        f"{'SLC P':>6}{'R':>6}{'F1':>6}  {'covered (gold)':>15}{'art/s':>8}"
    )

    started = time.perf_counter()
    baseline = LexiconTagger().fit(train)
    fit_seconds = time.perf_counter() - started
    started = time.perf_counter()
    predicted = {
        e.id: [LabelledSpan(e.id, t, s, end) for s, end, t in baseline.predict(e.text)] for e in dev
    }
    rate = len(dev) / (time.perf_counter() - started)
    report(f"lexicon baseline ({fit_seconds:.0f} s to fit)", predicted, rate)

    if not bundled_model_available():
        print("no bundled technique model: train one with `spinscope train techniques`")
        return 1
    ptc = args.data / "ptc-emnlp2019" / "dev"
    paths = [str(ptc / f"article{e.id}.txt") for e in dev]
    started = time.perf_counter()
    predicted = {}
    for outcome in analyze_many(paths, jobs=args.jobs):
        assert outcome.document is not None, outcome.error
        article_id = Path(outcome.source).stem.removeprefix("article")
        predicted[article_id] = [
            LabelledSpan(article_id, t.technique, t.source_start, t.source_end)
            for t in outcome.document.techniques
            if t.source_end > t.source_start
        ]
    rate = len(dev) / (time.perf_counter() - started)
    report(f"spinscope analyze (model, {args.jobs} jobs)", predicted, rate)
    peak = max(
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
    )
    print(f"\npeak memory of one process: {peak / 1024:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
