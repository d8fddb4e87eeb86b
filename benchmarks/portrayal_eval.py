"""Entity portrayal and genre against the hand-labelled set in tests/data/portrayal.

Usage: python benchmarks/portrayal_eval.py [DIR] [--pipeline NAMES]

Runs the analyzer (the default pipeline unless ``--pipeline`` names one) over every article
``DIR/labels.json`` lists and prints, per article, the gold and predicted genre and, per
labelled entity, the gold and predicted role with the predicted tone; then role accuracy,
recall per gold role, a confusion matrix, macro-F1 over roles, genre accuracy, how many
labelled entities no portrayal record matched, and the issue's two tests: in how many reports
whose labels name a hero and a villain both are cast, and which articles whose labels name no
villain cast one anyway.

A label matches a portrayal record when the record's ``name``, or the text of any mention of
an entity the record stands for (its ``entity_id`` and the ``members`` folded into it:
"Indian Army" into India), equals the label's ``entity`` or one of its
``aliases`` (case-insensitively, ignoring a leading "the", a possessive and spacing). When
several records match ("Armenia", "Armenian", "Yerevan" for one label), the one that casts
the entity most strongly (largest ``|tone|``, a non-neutral role first) stands for it. An
entity no record matches counts as predicted ``neutral`` and is counted as not found.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spinscope.document import Document
from spinscope.roles.labels import (
    ROLES,
    ArticleLabel,
    LabelError,
    RoleLabel,
    load_labels,
    matching_records,
    strongest_record,
)

DEFAULT_DIR = Path(__file__).resolve().parents[1] / "tests" / "data" / "portrayal"
UNFOUND_ROLE = "neutral"
NO_GENRE = "none"


@dataclass(frozen=True, slots=True)
class RolePrediction:
    label: RoleLabel
    role: str
    tone: float | None
    """``None`` when no portrayal record matched the label."""
    record: str | None = None
    """The name of the record that decided the role."""

    @property
    def found(self) -> bool:
        return self.record is not None


@dataclass(slots=True)
class RoleScores:
    total: int
    correct: int
    confusion: Counter[tuple[str, str]]
    """(gold, predicted) → count."""
    recall: dict[str, float | None]
    """Per gold role; ``None`` when the role has no gold example."""
    precision: dict[str, float | None]
    f1: dict[str, float]
    macro_f1: float

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0


@dataclass(slots=True)
class ArticleResult:
    label: ArticleLabel
    genre: str
    genre_score: float | None
    predictions: list[RolePrediction] = field(default_factory=list)


def predict_role(doc: Document, label: RoleLabel) -> RolePrediction:
    """The role the document's portrayal records give the labelled entity."""
    records = matching_records(doc, label)
    if not records:
        return RolePrediction(label, UNFOUND_ROLE, None)
    best = strongest_record(records)
    return RolePrediction(label, best.role, best.tone, best.name)


def predicted_genre(doc: Document) -> tuple[str, float | None]:
    if doc.genre is None:
        return NO_GENRE, None
    return doc.genre.label, doc.genre.score


def score_roles(pairs: Iterable[tuple[str, str]]) -> RoleScores:
    """Accuracy, recall and precision per role, confusion and macro-F1 of (gold, predicted).

    Macro-F1 averages F1 over the roles that occur as gold or as prediction (as scikit-learn
    does by default); a role with no true positive has F1 0.
    """
    confusion: Counter[tuple[str, str]] = Counter(pairs)
    total = sum(confusion.values())
    correct = sum(n for (gold, predicted), n in confusion.items() if gold == predicted)
    gold_counts: Counter[str] = Counter()
    predicted_counts: Counter[str] = Counter()
    for (gold, predicted), n in confusion.items():
        gold_counts[gold] += n
        predicted_counts[predicted] += n
    seen = [r for r in ROLES if gold_counts[r] or predicted_counts[r]]
    seen += sorted((set(gold_counts) | set(predicted_counts)) - set(ROLES))
    recall: dict[str, float | None] = {}
    precision: dict[str, float | None] = {}
    f1: dict[str, float] = {}
    for role in seen:
        hits = confusion[(role, role)]
        recall[role] = hits / gold_counts[role] if gold_counts[role] else None
        precision[role] = hits / predicted_counts[role] if predicted_counts[role] else None
        r, p = recall[role] or 0.0, precision[role] or 0.0
        f1[role] = 2 * p * r / (p + r) if p + r else 0.0
    macro = sum(f1.values()) / len(f1) if f1 else 0.0
    return RoleScores(total, correct, confusion, recall, precision, f1, macro)


def genre_accuracy(pairs: Sequence[tuple[str, str]]) -> float:
    if not pairs:
        return 0.0
    return sum(gold == predicted for gold, predicted in pairs) / len(pairs)


def evaluate_document(doc: Document, label: ArticleLabel) -> ArticleResult:
    genre, score = predicted_genre(doc)
    result = ArticleResult(label, genre, score)
    result.predictions = [predict_role(doc, role) for role in label.roles]
    return result


def praise_and_blame(results: Iterable[ArticleResult]) -> tuple[list[str], list[str]]:
    """The reports whose labels name a hero and a villain (the issue's praise-and-blame wire
    story), split into those where a labelled hero is cast as hero and a labelled villain as
    villain, and the others: ``(cast, missed)``, file names."""
    cast: list[str] = []
    missed: list[str] = []
    for result in results:
        golds = {p.label.role for p in result.predictions}
        if result.label.genre != "reporting" or not {"protagonist", "antagonist"} <= golds:
            continue
        both = all(
            any(p.label.role == p.role == role for p in result.predictions)
            for role in ("protagonist", "antagonist")
        )
        (cast if both else missed).append(result.label.file)
    return cast, missed


def labels_a_villain(result: ArticleResult) -> bool:
    return any(p.label.role == "antagonist" for p in result.predictions)


def false_villains(results: Iterable[ArticleResult]) -> list[tuple[str, list[str]]]:
    """Articles whose labels name no villain (neutral reports among them), each with the
    labelled actors the annotator nevertheless casts as villain; only articles with any."""
    found: list[tuple[str, list[str]]] = []
    for result in results:
        if labels_a_villain(result):
            continue
        names = [p.label.entity for p in result.predictions if p.role == "antagonist"]
        if names:
            found.append((result.label.file, names))
    return found


def role_pairs(results: Iterable[ArticleResult]) -> list[tuple[str, str]]:
    return [(p.label.role, p.role) for r in results for p in r.predictions]


def format_report(results: Sequence[ArticleResult]) -> str:
    lines: list[str] = []
    for result in results:
        mark = "ok" if result.genre == result.label.genre else "WRONG"
        score = f" ({result.genre_score:.2f})" if result.genre_score is not None else ""
        lines.append(f"== {result.label.file}")
        lines.append(
            f"   genre: gold {result.label.genre}, predicted {result.genre}{score}  [{mark}]"
        )
        for p in result.predictions:
            tone = f"{p.tone:+.2f}" if p.tone is not None else "  -  "
            found = f"as {p.record!r}" if p.found else "(not found)"
            mark = "ok" if p.role == p.label.role else "WRONG"
            lines.append(
                f"   {p.label.entity:<32} gold {p.label.role:<11} predicted {p.role:<11} "
                f"tone {tone}  {found}  [{mark}]"
            )
    scores = score_roles(role_pairs(results))
    predictions = [p for r in results for p in r.predictions]
    unfound = sum(not p.found for p in predictions)
    genres = [(r.label.genre, r.genre) for r in results]
    lines.append("")
    lines.append(f"articles: {len(results)}, labelled entities: {scores.total}")
    lines.append(
        f"labelled entities not found in doc.portrayal: {unfound} of {scores.total} "
        f"(counted as predicted {UNFOUND_ROLE})"
    )
    lines.append(f"role accuracy: {scores.accuracy:.3f} ({scores.correct}/{scores.total})")
    lines.append(f"macro-F1 over roles: {scores.macro_f1:.3f}")
    baseline = score_roles((gold, UNFOUND_ROLE) for gold, _ in role_pairs(results))
    lines.append(
        f"baseline, every entity {UNFOUND_ROLE}: accuracy {baseline.accuracy:.3f}, "
        f"macro-F1 {baseline.macro_f1:.3f}"
    )
    lines.append("per gold role:      recall  precision     F1  (gold n)")
    gold_counts = Counter(gold for gold, _ in role_pairs(results))
    for role, f1 in scores.f1.items():
        lines.append(
            f"  {role:<16} {_ratio(scores.recall[role])}  {_ratio(scores.precision[role])}"
            f"   {f1:.3f}  ({gold_counts[role]})"
        )
    lines.append("confusion (rows gold, columns predicted):")
    columns = list(scores.f1)
    lines.append("  " + " " * 13 + "".join(f"{c[:11]:>12}" for c in columns))
    for gold in columns:
        cells = "".join(f"{scores.confusion[(gold, c)]:>12}" for c in columns)
        lines.append(f"  {gold:<13}{cells}")
    correct_genres = sum(g == p for g, p in genres)
    lines.append(f"genre accuracy: {genre_accuracy(genres):.3f} ({correct_genres}/{len(genres)})")
    cast, missed = praise_and_blame(results)
    lines.append(
        f"praise-and-blame reports, hero and villain both cast: {len(cast)} of "
        f"{len(cast) + len(missed)}" + (f" (missed: {', '.join(missed)})" if missed else "")
    )
    unvillained = sum(not labels_a_villain(r) for r in results)
    cast_anyway = false_villains(results)
    lines.append(
        f"articles whose labels name no villain: {unvillained}, casting one anyway: "
        f"{len(cast_anyway)}"
        + "".join(f"; {file}: {', '.join(names)}" for file, names in cast_anyway)
    )
    return "\n".join(lines)


def _ratio(value: float | None) -> str:
    return f"{value:6.3f}" if value is not None else "     -"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("directory", nargs="?", type=Path, default=DEFAULT_DIR)
    parser.add_argument(
        "--pipeline",
        help="comma-separated annotator names (default: the analyzer's default pipeline)",
    )
    args = parser.parse_args(argv)
    try:
        labels = load_labels(args.directory)
    except LabelError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    missing = [a.file for a in labels if not (args.directory / a.file).is_file()]
    if missing:
        print(f"error: {args.directory}: labelled articles missing: {missing}", file=sys.stderr)
        return 1

    from spinscope.pipeline import Analyzer

    options: dict[str, Any] = {}
    if args.pipeline:
        options["pipeline"] = tuple(n.strip() for n in args.pipeline.split(",") if n.strip())
    analyzer = Analyzer(**options)
    for name in ("portrayal", "genre"):
        if name not in analyzer.pipeline:
            print(f"note: the pipeline has no {name!r} annotator", file=sys.stderr)
    results = []
    for label in labels:
        doc = analyzer.analyze_path(args.directory / label.file)
        results.append(evaluate_document(doc, label))
    print(format_report(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
