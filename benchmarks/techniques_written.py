"""Technique models on texts written and labelled for spinscope, in the register users bring.

Usage: python benchmarks/techniques_written.py [DIR] [--model DIR]...

PTC is mostly US partisan web copy of 2017-2018. spinscope's users bring state-agency wire
stories that quote "experts" praising a leader and blaming a neighbour, government-aligned
op-eds, and straight reports of the same events. ``DIR`` (default
``training_data/techniques_written/heldout``) holds such texts, written for this project and
marked up inline (``{{Technique|words}}``, see ``spinscope.techniques.corpus.parse_marked``).
None of them is trained on. Each model (the shipped one, then every ``--model`` folder, an
exported model with its ``decoding.json``) decodes them with its own tuned rules; the script
prints FLC and SI, the characters covered beside gold's, and FLC per technique, side by side.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

DEFAULT_DIR = (
    Path(__file__).resolve().parents[1] / "training_data" / "techniques_written" / "heldout"
)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("directory", nargs="?", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--model", type=Path, action="append", default=[])
    args = parser.parse_args()

    from spinscope.errors import SpinscopeError
    from spinscope.techniques.corpus import read_marked
    from spinscope.techniques.decoding import rules_from_config
    from spinscope.techniques.export import exported_model
    from spinscope.techniques.predictor import BUNDLED_MODEL, DECODING, TechniquePredictor
    from spinscope.techniques.scoring import coverage, flc_score, si_score, technique_scores
    from spinscope.techniques.tuning import collect, gold_spans, predict

    for model in args.model:  # refused before any work, one line each
        try:
            exported_model(model)
        except SpinscopeError as error:
            print(f"error: {error}", file=sys.stderr)
            return 1
        if not (model / DECODING).is_file():
            print(
                f"error: {model}: no {DECODING} (tune it first: spinscope tune techniques "
                f"--data DIR --model {model})",
                file=sys.stderr,
            )
            return 1
    examples = read_marked(args.directory)
    texts = {e.id: e.text for e in examples}
    gold = gold_spans(examples)
    print(
        f"{args.directory}: {len(examples)} texts, {sum(len(s) for s in gold.values())} gold "
        "spans\n"
    )
    models = [BUNDLED_MODEL, *args.model]
    tables = []
    print(f"{'model':40} {'spans':>6} {'FLC P':>6} {'FLC R':>6} {'FLC F1':>6} {'SI F1':>6} cover")
    for model in models:
        predictor = TechniquePredictor(model, threads=2)
        predicted = predict(collect(predictor, examples), rules_from_config(predictor.decoding))
        flc, si = flc_score(gold, predicted), si_score(gold, predicted)
        cover = coverage(texts, gold, predicted)
        name = "shipped" if model == BUNDLED_MODEL else str(model)
        count = sum(len(spans) for spans in predicted.values())
        print(
            f"{name[-40:]:40} {count:6d} {flc.precision:6.3f} {flc.recall:6.3f} {flc.f1:6.3f} "
            f"{si.f1:6.3f} {cover.predicted_share:6.1%} (gold {cover.gold_share:.1%})"
        )
        tables.append({score.technique: score for score in technique_scores(gold, predicted)})
    print("\nFLC F1 per technique (predicted spans) for each model in turn")
    for technique in sorted(set().union(*tables)):
        first = next(t[technique] for t in tables if technique in t)
        cells = "  ".join(
            f"{t[technique].score.f1:5.3f} ({t[technique].predicted_spans:3d})"
            if technique in t
            else "    -"
            for t in tables
        )
        print(f"{technique:44} gold {first.gold_spans:4d}   {cells}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
