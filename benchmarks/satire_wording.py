"""How genre weighs the satire wording model: chosen on the training pairs, scored on the
labelled test articles, in one run.

Usage: python benchmarks/satire_wording.py [--pairs DIR ...] [--jobs N]

1. Fits the wording model on the pairs with twins kept in one fold and takes each training
   text's out-of-fold logit (``spinscope train satire`` does the same).
2. Runs the genre annotator on every training text and every labelled test article
   (tests/data: the portrayal sets' labels.json, and tests/data/genre, genre_blind and
   genre_blind2, genre_blind3, genre_blind4 by file name), keeping
   the features, without the wording feature.
3. Over a grid of floors and weights for ``satire_wording`` (the feature counts as
   ``weight * (min(logit, cap) - floor)`` above its floor), picks the setting with the most
   training texts labelled right, then the fewest straight texts called satire, using only
   the out-of-fold logits.
4. Prints genre accuracy on the test articles with the shipped genre.json, without the
   wording feature, and with the chosen setting.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def labelled_test_articles() -> list[tuple[Path, str]]:
    from spinscope.roles.labels import load_labels

    articles: list[tuple[Path, str]] = []
    for folder in sorted((ROOT / "tests" / "data").glob("portrayal*")):
        articles += [(folder / a.file, a.genre) for a in load_labels(folder)]
    for folder in ("genre", "genre_blind", "genre_blind2", "genre_blind3", "genre_blind4"):
        for path in sorted((ROOT / "tests" / "data" / folder).glob("*.txt")):
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
            for name in ("genre_pairs", "genre_opinion_pairs")
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
    parser.add_argument("--false-satire-cost", type=float, default=3.0)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()

    from spinscope.annotators import genre
    from spinscope.pipeline import analyze_many
    from spinscope.satire.training import choose_penalty, rank_auc, read_pairs
    from spinscope.satire.wording import fit_wording

    pairs = [p for folder in args.pairs for p in read_pairs(folder)]
    l2, _, oof = choose_penalty(pairs)
    print(
        f"training pairs: {len(pairs)} texts, l2 {l2}, out-of-fold AUC "
        f"{rank_auc(oof, [p.satire for p in pairs]):.3f}"
    )
    final = fit_wording([p.text for p in pairs], [p.satire for p in pairs], l2)

    tests = labelled_test_articles()
    opinion = sorted(args.opinion.glob("*.txt")) if args.opinion.is_dir() else []
    external = sorted(args.external.glob("*.txt")) if args.external.is_dir() else []
    paths = [str(p.path) for p in pairs] + [str(p) for p in opinion] + [str(p) for p, _ in tests]
    paths += [str(p) for p in external]
    pipeline = ("language", "metadata", "entities", "quotes", "techniques", "genre")
    features: dict[str, dict[str, float]] = {}
    shipped: dict[str, str] = {}
    logits: dict[str, float] = {}
    """The final model's logit of each text, from the clean text the analysis made."""
    for outcome in analyze_many(paths, pipeline=pipeline, jobs=args.jobs):
        if outcome.document is None or outcome.document.genre is None:
            print(f"failed: {outcome.source}: {outcome.error}", file=sys.stderr)
            return 1
        found = dict(outcome.document.genre.features)
        shipped[outcome.source] = outcome.document.genre.label
        found.pop("satire_wording", None)
        features[outcome.source] = found
        logits[outcome.source] = final.logit(outcome.document.text)

    base = genre._model()
    test_logits = {str(p): logits[str(p)] for p, _ in tests}
    train_logits = {str(p.path): float(z) for p, z in zip(pairs, oof, strict=True)}
    # Opinion pieces are not in the pairs, so the final model has not seen them either.
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
    before = {p: label(p, None, 0, 0, 0) for p in train_logits}
    print(
        f"training texts without wording: "
        f"{sum(before[p] == truth[p] for p in before)}/{len(before)} right; "
        f"{dict(Counter((truth[p], before[p]) for p in before if before[p] != truth[p]))}"
    )
    grid = []
    for floor in (0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0):
        for weight in (1.0, 1.5, 2.0, 3.0, 4.0, 6.0, 8.0, 10.0, 12.0, 16.0):
            for span in (2.0, 3.0, 4.0):
                cap = floor + span
                called = {p: label(p, z, floor, weight, cap) for p, z in train_logits.items()}
                right = sum(called[p] == truth[p] for p in called)
                false_satire = sum(called[p] == "satire" and truth[p] != "satire" for p in called)
                objective = right - args.false_satire_cost * false_satire
                grid.append((objective, right, -false_satire, floor, weight, cap))
    grid.sort(reverse=True)
    _, right, false_satire, floor, weight, cap = grid[0]
    print(
        f"chosen on training pairs: floor {floor}, weight {weight}, cap {cap}: "
        f"{right}/{len(train_logits)} right, {-false_satire} straight texts called satire"
    )
    no_wording = {p: label(p, None, 0, 0, 0) for p, _ in ((str(p), g) for p, g in tests)}
    with_wording = {
        str(p): label(str(p), test_logits[str(p)], floor, weight, cap) for p, _ in tests
    }
    for name, called in (
        ("shipped genre.json", {str(p): shipped[str(p)] for p, _ in tests}),
        ("without wording", no_wording),
        ("with wording (chosen)", with_wording),
    ):
        right = sum(called[str(p)] == g for p, g in tests)
        confusion = Counter((g, called[str(p)]) for p, g in tests if called[str(p)] != g)
        print(f"test articles, {name:22s} {right}/{len(tests)} right; misses {dict(confusion)}")
    if external:
        for name, use in (("without wording", False), ("with wording (chosen)", True)):
            called = Counter(
                label(str(p), logits[str(p)] if use else None, floor, weight, cap) for p in external
            )
            print(f"{args.external} ({len(external)} real articles), {name}: {dict(called)}")
    for p, g in tests:
        if with_wording[str(p)] != g:
            print(f"  miss: {g} -> {with_wording[str(p)]} (logit {test_logits[str(p)]:.2f}) {p}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
