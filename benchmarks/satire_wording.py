"""How genre weighs the satire wording model: chosen on the training pairs, scored on the
labelled test articles, in one run.

Usage: python benchmarks/satire_wording.py [--pairs DIR ...] [--jobs N] [--cache FILE]

1. Fits the wording model on the pairs with twins kept in one fold and takes each training
   text's out-of-fold logit (``spinscope train satire`` does the same).
2. Runs the genre annotator on every training text, every labelled test article
   (tests/data: the portrayal sets' labels.json, and tests/data/genre and the blind genre
   sets by file name), PTC train and PTC dev, keeping the features without the wording
   feature. ``--cache FILE`` keeps the logits and features of a run and reads them back on
   the next (analysing only texts added since), so the choice can be re-examined without an
   hour of refitting and analysis.
3. Over a grid of floors, weights and caps for ``satire_wording`` (the feature counts as
   ``weight * (min(logit, cap) - floor)`` above its floor), picks, using only the training
   texts and their out-of-fold logits, the setting with the most training texts right less
   ``--false-satire-cost`` (3) for each straight training text called satire. The training
   texts are the pairs' twins, the opinion pieces and PTC train's 293 real articles
   (``--real-straight``), which are right unless called satire: the twins are written to
   differ only in their telling, and real partisan news, sarcastic as it often is, keeps the
   choice from trading real articles for satires.
4. Prints, for the shipped genre.json's setting, the chosen one and genre without the wording
   feature: training texts right, test articles right and PTC dev articles called satire.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
STRAIGHT = "reporting or opinion"
"""The truth of a real article known not to be satire but not labelled reporting or opinion."""


def labelled_test_articles() -> list[tuple[Path, str]]:
    from spinscope.roles.labels import load_labels

    articles: list[tuple[Path, str]] = []
    for folder in sorted((ROOT / "tests" / "data").glob("portrayal*")):
        articles += [(folder / a.file, a.genre) for a in load_labels(folder)]
    for folder in sorted((ROOT / "tests" / "data").glob("genre*")):  # genre, genre_blind*
        for path in sorted(folder.glob("*.txt")):
            articles.append((path, path.name.split("_")[0]))
    return articles


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--pairs",
        type=Path,
        nargs="+",
        default=[
            folder
            for name in ("genre_pairs", "genre_opinion_pairs", "genre_form_pairs")
            if (folder := ROOT / "training_data" / name).is_dir()
        ],
        help="folders of satire twins (NAME_satire.txt with NAME_report.txt or NAME_opinion.txt)",
    )
    parser.add_argument(
        "--opinion",
        type=Path,
        default=ROOT / "training_data" / "genre_opinion",
        help="opinion pieces, for tuning only: none may be called satire",
    )
    parser.add_argument(
        "--external",
        type=Path,
        default=ROOT.parent / "shared" / "datasets" / "ptc-emnlp2019" / "dev",
        help="real articles none of which is satire (PTC dev): how many are called satire",
    )
    parser.add_argument(
        "--real-straight",
        type=Path,
        default=ROOT.parent / "shared" / "datasets" / "ptc-emnlp2019" / "train",
        help="real articles none of which is satire (PTC train), for tuning only: each one "
        "called satire counts as a straight text called satire",
    )
    parser.add_argument("--false-satire-cost", type=float, default=3.0)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument(
        "--cache",
        type=Path,
        help="a JSON file for the measured features and logits: written after a full run, "
        "read instead of refitting and re-analysing when it exists",
    )
    args = parser.parse_args()

    from spinscope.annotators import genre
    from spinscope.cleaning import clean
    from spinscope.pipeline import analyze_many
    from spinscope.readers import read_path
    from spinscope.satire.training import choose_penalty, rank_auc, read_pairs, read_straight
    from spinscope.satire.wording import fit_wording

    pairs = [p for folder in args.pairs for p in read_pairs(folder)]
    real = read_straight(args.real_straight) if args.real_straight.is_dir() else []
    fitted = pairs + real
    """What the wording model is fitted on, as ``spinscope train satire --straight`` fits it:
    the twins and PTC train's real articles."""
    tests = labelled_test_articles()
    opinion = sorted(args.opinion.glob("*.txt")) if args.opinion.is_dir() else []
    external = sorted(args.external.glob("*.txt")) if args.external.is_dir() else []
    scored = [str(p) for p in opinion] + [str(p) for p, _ in tests] + [str(p) for p in external]
    """Texts the final model is not fitted on: their logits are the final model's."""
    paths = [str(p.path) for p in fitted] + scored
    features: dict[str, dict[str, float]] = {}
    cached: dict[str, Any] = {}
    if args.cache and args.cache.exists():
        cached = json.loads(args.cache.read_text(encoding="utf-8"))
        features = cached["features"]
        print(f"read {args.cache}: {len(features)} texts")
    if cached.get("fitted") == [str(p.path) for p in fitted]:
        l2, oof = cached["l2"], cached["out_of_fold"]
    else:
        l2, _, fold_logits = choose_penalty(fitted)
        oof = [float(z) for z in fold_logits]
    print(
        f"fitted texts: {len(fitted)} ({len(real)} real straight articles), l2 {l2}, "
        f"out-of-fold AUC {rank_auc(np.asarray(oof), [p.satire for p in fitted]):.3f}"
    )
    missing = [path for path in paths if path not in features]
    if missing:  # all of them, or texts added since the cached run
        pipeline = ("language", "metadata", "entities", "quotes", "techniques", "genre")
        for outcome in analyze_many(missing, pipeline=pipeline, jobs=args.jobs):
            if outcome.document is None or outcome.document.genre is None:
                print(f"failed: {outcome.source}: {outcome.error}", file=sys.stderr)
                return 1
            found = dict(outcome.document.genre.features)
            found.pop("satire_wording", None)
            features[outcome.source] = {
                k: v for k, v in found.items() if not k.startswith("score_")
            }
    if args.cache:
        record = {"fitted": [str(p.path) for p in fitted], "l2": l2, "out_of_fold": oof}
        args.cache.write_text(json.dumps({**record, "features": features}), encoding="utf-8")
    final = fit_wording([p.text for p in fitted], [p.satire for p in fitted], l2)
    logits = {path: final.logit(clean(read_path(path).text).text) for path in scored}
    """The final model's logit of each text it was not fitted on, from the text as cleaned
    for analysis."""

    base = genre.genre_weights()
    test_logits = {str(p): logits[str(p)] for p, _ in tests}
    train_logits = {str(p.path): float(z) for p, z in zip(fitted, oof, strict=True)}
    # Opinion pieces are not fitted on, so the final model has not seen them either.
    train_logits.update({str(p): logits[str(p)] for p in opinion})

    def label(path: str, logit: float | None, floor: float, weight: float, cap: float) -> str:
        values = dict(features[path])
        model = base
        if logit is not None:
            values["satire_wording"] = logit
            weights = {k: dict(v) for k, v in base.weights.items()}
            weights["satire"]["satire_wording"] = weight
            model = dataclasses.replace(
                base,
                weights=weights,
                floors={**base.floors, "satire_wording": floor},
                caps={**base.caps, "satire_wording": cap},
            )
        scores = genre.label_scores(values, model)
        return max(genre.LABELS, key=lambda name: scores[name])

    truth = {str(p.path): p.genre for p in pairs}
    truth.update({str(p): "opinion" for p in opinion})
    truth.update({str(p.path): STRAIGHT for p in real})  # reporting or opinion: either

    def is_right(path: str, called: str) -> bool:
        return called == truth[path] or (truth[path] == STRAIGHT and called != "satire")

    before = {p: label(p, None, 0, 0, 0) for p in train_logits}
    print(
        f"training texts without wording: "
        f"{sum(is_right(p, before[p]) for p in before)}/{len(before)} right; "
        f"{dict(Counter((truth[p], before[p]) for p in before if not is_right(p, before[p])))}"
    )

    def on_training(floor: float, weight: float, cap: float) -> tuple[int, int]:
        """Training texts right, and straight training texts called satire."""
        called = {p: label(p, z, floor, weight, cap) for p, z in train_logits.items()}
        right = sum(is_right(p, called[p]) for p in called)
        false_satire = sum(called[p] == "satire" and truth[p] != "satire" for p in called)
        return right, false_satire

    # A straight text called satire is worse than a satire missed (it tells a reader to
    # dismiss a real report): each counts --false-satire-cost times.
    grid = []
    for floor in (0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0):
        for weight in (1.0, 1.5, 2.0, 3.0, 4.0, 6.0, 8.0, 10.0, 12.0, 16.0):
            for span in (2.0, 3.0, 4.0):
                right, false_satire = on_training(floor, weight, floor + span)
                objective = right - args.false_satire_cost * false_satire
                grid.append((objective, right, -weight, floor, floor + span, false_satire))
    grid.sort(reverse=True)
    print(
        "best settings on training texts "
        "(objective, right, straight called satire, floor/weight/cap):"
    )
    for objective, right, weight, floor, cap, false_satire in grid[:5]:
        print(
            f"  {objective:6.1f} {right:4d}/{len(train_logits)} {false_satire:3d}  "
            f"{floor}/{-weight}/{cap}"
        )
    _, _, weight, floor, cap, _ = grid[0]
    settings = {
        "shipped genre.json": (
            base.floors.get("satire_wording", 0.0),
            base.weights["satire"].get("satire_wording", 0.0),
            base.caps.get("satire_wording", 0.0),
        ),
        "chosen": (floor, -weight, cap),
    }
    labels_by_setting = {
        "without wording": {str(p): label(str(p), None, 0, 0, 0) for p, _ in tests}
    }
    for name, (floor, weight, cap) in settings.items():
        right, false_satire = on_training(floor, weight, cap)
        print(
            f"{name}: floor {floor}, weight {weight}, cap {cap}: training texts "
            f"{right}/{len(train_logits)} right, {false_satire} straight called satire"
        )
        labels_by_setting[name] = {
            str(p): label(str(p), test_logits[str(p)], floor, weight, cap) for p, _ in tests
        }
    for name, called in labels_by_setting.items():
        right = sum(called[str(p)] == g for p, g in tests)
        confusion = Counter((g, called[str(p)]) for p, g in tests if called[str(p)] != g)
        print(f"test articles, {name:20s} {right}/{len(tests)} right; misses {dict(confusion)}")
    if external:
        for name, setting in [("without wording", None), *settings.items()]:
            counts = Counter(
                label(str(p), logits[str(p)], *setting) if setting else label(str(p), None, 0, 0, 0)
                for p in external
            )
            print(f"{args.external} ({len(external)} real articles), {name}: {dict(counts)}")
    for name, called in labels_by_setting.items():
        if name == "without wording":
            continue
        for p, g in tests:
            if called[str(p)] != g:
                print(
                    f"  {name} miss: {g} -> {called[str(p)]} (logit {test_logits[str(p)]:.2f}) {p}"
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
