"""Scoring persuasion-technique spans against gold annotations in the PTC format.

Gold is a folder of ``article<ID>.txt`` files, each with ``article<ID>.labels.tsv`` beside it;
predictions are one file of ``ID<TAB>TECHNIQUE<TAB>START<TAB>END`` lines (character offsets into
the article text, end exclusive). Three views of the same predictions:

* **FLC**, fragment-level classification (Da San Martino et al., "Fine-Grained Analysis of
  Propaganda in News Articles", EMNLP 2019, section 5): labelled spans with partial credit for
  partial overlap. With ``C(s, t, h) = |s ∩ t| / h · δ(l(s), l(t))``, pairs taken within one
  article and every article pooled::

      P(S, T) = 1/|S| · Σ C(s, t, |s|)      R(S, T) = 1/|T| · Σ C(s, t, |t|)

* **SI**, span identification (SemEval-2020 Task 11): the same measure with labels ignored, after
  merging the overlapping spans of each article, gold and predicted alike.
* **SLC**, sentence-level classification: an article line holding text is a sentence (PTC
  articles have one sentence per line); it is propagandistic when a span shares a character
  with it. Precision, recall and F1 of the positive class.

Besides these: FLC per technique, and the share of article characters the gold and predicted
spans cover, which shows a model that buys recall with over-long spans.

Overlapping spans of one technique. Taken literally the FLC formula lets precision pass 1: a
prediction lying over two overlapping gold spans of its label earns the shared characters twice.
Two remedies, chosen with ``flc_overlaps``:

* ``"merge"`` (default) is what the organisers' EMNLP-2019 scorer (``proptech_scorer.py`` of the
  corpus bundle) does: within an article, spans of one technique that share a character become
  one span, in the gold always, and in predictions too (that scorer rejects such predictions
  unless run with ``-m``, which merges them; an evaluation should not fail because a model
  repeated itself). ``|S|`` and ``|T|`` count the merged spans. Merged spans of one technique
  are disjoint, so no span can earn more than 1.
* ``"cap"`` keeps the spans as given and caps each span's summed credit at 1:
  ``min(1, Σ_t C(s, t, |s|))`` for a prediction, ``min(1, Σ_s C(s, t, |t|))`` for a gold span.

The PTC v1 gold has no overlapping spans of one technique (train: 5,114 spans, dev: 927), so the
two agree on it unless the predictions overlap themselves.

Conventions shared by all three tasks:

* Spans merge only when they share a character; spans that merely touch (one ends where the next
  starts) stay apart, as in the organisers' scorers.
* Offsets are used as given for FLC and SI, as the organisers' scorer does (the PTC train split
  has one gold span ending past its article); coverage counts only characters inside the text.
* With no predictions precision is 0, with no gold spans recall is 0, and F1 is 0 unless both
  are positive. (The organisers' scorer reports F1 = 1 when both sets are empty; 0 keeps an
  empty evaluation from looking perfect.)
* Per-technique recall uses the recall credit. (The organisers' script divides the precision
  credit by the gold count there, so its per-technique recall figures are not comparable.)
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import numpy as np

Overlaps = Literal["merge", "cap"]
"""How FLC treats overlapping spans of one technique in one article (see the module docstring)."""
OVERLAP_MODES: tuple[Overlaps, ...] = ("merge", "cap")

SentenceLabels = Mapping[str, Mapping[int, bool]]
"""``{article_id: {line_index: propagandistic}}``; ``line_index`` counts every line of the text
from 0, empty ones included, so it is the line number in the file minus 1. Lines left out are
not propagandistic."""

Interval = tuple[int, int]

LABELS_SUFFIX = ".labels.tsv"
_TEXT_NAME = re.compile(r"^article([^.]+)\.txt$")
_LABELS_NAME = re.compile(r"^article([^.]+)\.labels\.tsv$")
_OFFSET = re.compile(r"[0-9]+")


@dataclass(frozen=True, slots=True)
class LabelledSpan:
    """One technique span: characters ``[start, end)`` of an article."""

    article_id: str
    technique: str
    start: int
    end: int

    def __post_init__(self) -> None:
        # A zero-length span would divide by zero in the FLC credit; refuse it at the source.
        if self.start < 0 or self.end <= self.start:
            raise ValueError(
                f"span [{self.start}, {self.end}) of article {self.article_id} must have "
                "0 <= start < end"
            )


@dataclass(frozen=True, slots=True)
class Score:
    """Precision, recall and F1 with the sums behind them.

    For FLC and SI ``predicted_credit`` is ``Σ C(s, t, |s|)`` and ``gold_credit`` is
    ``Σ C(s, t, |t|)``; for SLC both are the number of true positives.
    """

    precision: float
    recall: float
    f1: float
    predicted_credit: float
    predicted: int
    """``|S|``: predicted spans (after merging, where the task merges) or positive sentences."""
    gold_credit: float
    gold: int
    """``|T|``: gold spans (after merging, where the task merges) or positive sentences."""

    @classmethod
    def from_sums(
        cls, predicted_credit: float, predicted: int, gold_credit: float, gold: int
    ) -> Score:
        precision = predicted_credit / predicted if predicted else 0.0
        recall = gold_credit / gold if gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision > 0 and recall > 0 else 0.0
        return cls(precision, recall, f1, predicted_credit, predicted, gold_credit, gold)

    def to_dict(self) -> dict[str, Any]:
        return {
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "predicted_credit": self.predicted_credit,
            "predicted": self.predicted,
            "gold_credit": self.gold_credit,
            "gold": self.gold,
        }


@dataclass(frozen=True, slots=True)
class TechniqueScore:
    """FLC restricted to one technique, with the span counts as read (before any merging)."""

    technique: str
    score: Score
    gold_spans: int
    predicted_spans: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "technique": self.technique,
            "gold_spans": self.gold_spans,
            "predicted_spans": self.predicted_spans,
            **self.score.to_dict(),
        }


@dataclass(frozen=True, slots=True)
class Coverage:
    """Article characters inside the union of gold spans, of predicted spans, and of both."""

    characters: int
    gold_characters: int
    predicted_characters: int
    shared_characters: int

    @property
    def gold_share(self) -> float:
        return self.gold_characters / self.characters if self.characters else 0.0

    @property
    def predicted_share(self) -> float:
        return self.predicted_characters / self.characters if self.characters else 0.0

    @property
    def predicted_in_gold(self) -> float:
        """Share of predicted characters that gold spans also cover (character precision)."""
        if not self.predicted_characters:
            return 0.0
        return self.shared_characters / self.predicted_characters

    def to_dict(self) -> dict[str, Any]:
        return {
            "characters": self.characters,
            "gold_characters": self.gold_characters,
            "predicted_characters": self.predicted_characters,
            "shared_characters": self.shared_characters,
            "gold_share": self.gold_share,
            "predicted_share": self.predicted_share,
            "predicted_in_gold": self.predicted_in_gold,
        }


@dataclass(frozen=True, slots=True)
class Report:
    """Everything :func:`evaluate` measures; :func:`format_report` renders it."""

    articles: int
    gold_spans: int
    predicted_spans: int
    flc: Score
    si: Score
    slc: Score
    slc_source: Literal["spans", "sentence labels"]
    """Where the predicted sentence labels came from."""
    techniques: tuple[TechniqueScore, ...]
    coverage: Coverage
    flc_overlaps: Overlaps

    def to_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "gold_spans": self.gold_spans,
            "predicted_spans": self.predicted_spans,
            "flc_overlaps": self.flc_overlaps,
            "flc": self.flc.to_dict(),
            "si": self.si.to_dict(),
            "slc": {**self.slc.to_dict(), "source": self.slc_source},
            "techniques": [technique.to_dict() for technique in self.techniques],
            "coverage": self.coverage.to_dict(),
        }


# --- reading -------------------------------------------------------------------------------


def _read_text(path: Path) -> str:
    try:
        # newline="" keeps "\r\n" as two characters: offsets index the file's characters as
        # they are, and translating line ends would shift every offset after the first one.
        with path.open(encoding="utf-8", newline="") as handle:
            return handle.read()
    except UnicodeDecodeError as error:
        raise ValueError(f"{path}: not UTF-8 text ({error.reason} at byte {error.start})") from None


def _parse_spans(path: Path, text: str) -> list[tuple[int, LabelledSpan]]:
    """The spans of a 4-column file with their line numbers; blank lines are skipped."""
    spans: list[tuple[int, LabelledSpan]] = []
    # split("\n") rather than splitlines(): the latter also breaks at form feeds and the like,
    # and the line numbers in error messages would drift from what an editor shows.
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.rstrip("\r")
        if not line.strip():
            continue
        fields = [field.strip() for field in line.split("\t")]
        if len(fields) != 4:
            raise ValueError(
                f"{path}:{number}: expected 4 tab-separated fields "
                f"(article id, technique, start, end), found {len(fields)}"
            )
        article_id, technique, start, end = fields
        if not article_id or not technique:
            raise ValueError(f"{path}:{number}: empty article id or technique")
        if not (_OFFSET.fullmatch(start) and _OFFSET.fullmatch(end)):
            raise ValueError(
                f"{path}:{number}: start and end must be non-negative whole numbers, "
                f"found {start!r} and {end!r}"
            )
        if int(end) <= int(start):
            raise ValueError(f"{path}:{number}: end {end} must be greater than start {start}")
        spans.append((number, LabelledSpan(article_id, technique, int(start), int(end))))
    return spans


def read_spans_file(path: str | os.PathLike[str]) -> dict[str, list[LabelledSpan]]:
    """Spans of a predictions file (``ID<TAB>TECHNIQUE<TAB>START<TAB>END``, any number of
    articles), by article id in order of first appearance. Raises ``ValueError`` naming the
    file and line of a malformed line."""
    file = Path(path)
    spans: dict[str, list[LabelledSpan]] = {}
    for _, span in _parse_spans(file, _read_text(file)):
        spans.setdefault(span.article_id, []).append(span)
    return spans


def _article_texts(directory: Path) -> dict[str, Path]:
    if not directory.is_dir():
        raise ValueError(f"{directory}: not a folder")
    texts: dict[str, Path] = {}
    for path in sorted(directory.iterdir()):
        match = _TEXT_NAME.match(path.name)
        if match is not None and path.is_file():
            texts[match.group(1)] = path
    if not texts:
        raise ValueError(f"{directory}: no article<ID>.txt files")
    return texts


def read_articles(path: str | os.PathLike[str]) -> dict[str, str]:
    """Texts of the ``article<ID>.txt`` files in a gold folder, by article id."""
    return {article_id: _read_text(file) for article_id, file in _article_texts(Path(path)).items()}


def read_gold_dir(path: str | os.PathLike[str]) -> dict[str, list[LabelledSpan]]:
    """Gold spans of a PTC-style folder, by article id; every article is a key, with an empty
    list when it has no spans.

    Each ``article<ID>.txt`` needs ``article<ID>.labels.tsv`` (empty when the article has no
    spans) and the other way round: a missing file would silently turn into "no propaganda" or
    into spans that no sentence or coverage figure can place. The id column must match the
    file name.
    """
    directory = Path(path)
    texts = _article_texts(directory)
    for file in sorted(directory.glob(f"article*{LABELS_SUFFIX}")):
        match = _LABELS_NAME.match(file.name)
        if match is not None and match.group(1) not in texts:
            raise ValueError(f"{file}: no article{match.group(1)}.txt beside it")
    gold: dict[str, list[LabelledSpan]] = {}
    for article_id in texts:
        file = directory / f"article{article_id}{LABELS_SUFFIX}"
        if not file.is_file():
            raise ValueError(
                f"{file}: missing (each article<ID>.txt needs its labels file, empty if the "
                "article has no spans)"
            )
        spans: list[LabelledSpan] = []
        for number, span in _parse_spans(file, _read_text(file)):
            if span.article_id != article_id:
                raise ValueError(
                    f"{file}:{number}: article id {span.article_id} does not match the file "
                    f"name (article{article_id})"
                )
            spans.append(span)
        gold[article_id] = spans
    return gold


# --- span arithmetic -----------------------------------------------------------------------


def merge_intervals(intervals: Iterable[Interval]) -> list[Interval]:
    """Sorted union of ``[start, end)`` intervals; intervals that share a character merge, ones
    that only touch stay apart (as the organisers' scorers merge)."""
    merged: list[Interval] = []
    for start, end in sorted(intervals):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _credit(predicted: Sequence[Interval], gold: Sequence[Interval]) -> tuple[float, float]:
    """``(Σ_s min(1, Σ_t |s∩t|/|s|), Σ_t min(1, Σ_s |s∩t|/|t|))`` over same-label intervals.

    The cap binds only when intervals on one side overlap each other; for merged (disjoint)
    intervals each sum is at most 1 already, so applying it always changes nothing there.
    """
    if not predicted or not gold:
        return 0.0, 0.0
    s = np.asarray(predicted, dtype=np.int64)
    t = np.asarray(gold, dtype=np.int64)
    # |s ∩ t| for every pair at once: rows are predictions, columns gold spans.
    overlap = np.minimum(s[:, 1:2], t[None, :, 1]) - np.maximum(s[:, 0:1], t[None, :, 0])
    np.clip(overlap, 0, None, out=overlap)
    per_predicted = overlap.sum(axis=1) / (s[:, 1] - s[:, 0])
    per_gold = overlap.sum(axis=0) / (t[:, 1] - t[:, 0])
    return float(np.minimum(per_predicted, 1.0).sum()), float(np.minimum(per_gold, 1.0).sum())


def _groups(
    spans: Mapping[str, Sequence[LabelledSpan]], *, by_technique: bool, merge: bool
) -> dict[tuple[str, str], list[Interval]]:
    """Intervals by (article id, technique); technique "" when labels are ignored."""
    groups: dict[tuple[str, str], list[Interval]] = defaultdict(list)
    for article_id, article_spans in spans.items():
        for span in article_spans:
            groups[(article_id, span.technique if by_technique else "")].append(
                (span.start, span.end)
            )
    if merge:
        return {key: merge_intervals(intervals) for key, intervals in groups.items()}
    return dict(groups)


@dataclass(slots=True)
class _Tally:
    predicted_credit: float = 0.0
    predicted: int = 0
    gold_credit: float = 0.0
    gold: int = 0

    def score(self) -> Score:
        return Score.from_sums(self.predicted_credit, self.predicted, self.gold_credit, self.gold)


def _tallies(
    gold: Mapping[str, Sequence[LabelledSpan]],
    predicted: Mapping[str, Sequence[LabelledSpan]],
    *,
    by_technique: bool,
    merge: bool,
) -> dict[str, _Tally]:
    """Credit and counts per technique ("" when labels are ignored), pairs within articles."""
    gold_groups = _groups(gold, by_technique=by_technique, merge=merge)
    predicted_groups = _groups(predicted, by_technique=by_technique, merge=merge)
    tallies: dict[str, _Tally] = defaultdict(_Tally)
    for (_, technique), intervals in gold_groups.items():
        tallies[technique].gold += len(intervals)
    for key, intervals in predicted_groups.items():
        tally = tallies[key[1]]
        tally.predicted += len(intervals)
        predicted_credit, gold_credit = _credit(intervals, gold_groups.get(key, []))
        tally.predicted_credit += predicted_credit
        tally.gold_credit += gold_credit
    return tallies


def _pooled(tallies: Iterable[_Tally]) -> Score:
    total = _Tally()
    for tally in tallies:
        total.predicted_credit += tally.predicted_credit
        total.predicted += tally.predicted
        total.gold_credit += tally.gold_credit
        total.gold += tally.gold
    return total.score()


def _check_mode(flc_overlaps: str) -> None:
    if flc_overlaps not in OVERLAP_MODES:
        raise ValueError(f"flc_overlaps must be 'merge' or 'cap', not {flc_overlaps!r}")


# --- the three tasks -----------------------------------------------------------------------


def flc_score(
    gold: Mapping[str, Sequence[LabelledSpan]],
    predicted: Mapping[str, Sequence[LabelledSpan]],
    *,
    flc_overlaps: Overlaps = "merge",
) -> Score:
    """Fragment-level classification, corpus-level (see the module docstring for the measure
    and for ``flc_overlaps``)."""
    _check_mode(flc_overlaps)
    tallies = _tallies(gold, predicted, by_technique=True, merge=flc_overlaps == "merge")
    return _pooled(tallies.values())


def technique_scores(
    gold: Mapping[str, Sequence[LabelledSpan]],
    predicted: Mapping[str, Sequence[LabelledSpan]],
    *,
    flc_overlaps: Overlaps = "merge",
) -> list[TechniqueScore]:
    """FLC per technique (S and T restricted to it), for every technique in gold or
    predictions, in name order."""
    _check_mode(flc_overlaps)
    tallies = _tallies(gold, predicted, by_technique=True, merge=flc_overlaps == "merge")
    gold_counts = _span_counts(gold)
    predicted_counts = _span_counts(predicted)
    return [
        TechniqueScore(
            technique,
            tallies[technique].score(),
            gold_counts.get(technique, 0),
            predicted_counts.get(technique, 0),
        )
        for technique in sorted(tallies)
    ]


def _span_counts(spans: Mapping[str, Sequence[LabelledSpan]]) -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    for article_spans in spans.values():
        for span in article_spans:
            counts[span.technique] += 1
    return counts


def si_score(
    gold: Mapping[str, Sequence[LabelledSpan]], predicted: Mapping[str, Sequence[LabelledSpan]]
) -> Score:
    """Span identification: labels ignored, each article's overlapping spans merged on both
    sides, then the FLC measure."""
    return _pooled(_tallies(gold, predicted, by_technique=False, merge=True).values())


def sentence_bounds(text: str) -> list[tuple[int, int, int]]:
    """``(line_index, start, end)`` of each sentence: each line with non-blank text. ``end``
    stops before the line's ``"\\n"``; lines are counted from 0, blank ones included."""
    bounds: list[tuple[int, int, int]] = []
    position = 0
    for index, line in enumerate(text.split("\n")):
        if line.strip():
            bounds.append((index, position, position + len(line)))
        position += len(line) + 1
    return bounds


def label_sentences(
    articles: Mapping[str, str], spans: Mapping[str, Sequence[LabelledSpan]]
) -> dict[str, dict[int, bool]]:
    """Sentence labels from spans: a sentence is positive when any span, whatever its
    technique, shares at least one character with it."""
    labels: dict[str, dict[int, bool]] = {}
    for article_id, text in articles.items():
        bounds = sentence_bounds(text)
        article_spans = spans.get(article_id, ())
        if not bounds:
            labels[article_id] = {}
            continue
        if not article_spans:
            labels[article_id] = {index: False for index, _, _ in bounds}
            continue
        lines = np.asarray([(start, end) for _, start, end in bounds], dtype=np.int64)
        found = np.asarray([(span.start, span.end) for span in article_spans], dtype=np.int64)
        # Line and span share a character when each starts before the other ends.
        touched = (found[None, :, 0] < lines[:, 1:2]) & (found[None, :, 1] > lines[:, 0:1])
        hit: list[bool] = np.asarray(touched.any(axis=1), dtype=np.bool_).tolist()
        labels[article_id] = {index: flag for (index, _, _), flag in zip(bounds, hit, strict=True)}
    return labels


def slc_score(
    articles: Mapping[str, str], gold: SentenceLabels, predicted: SentenceLabels
) -> Score:
    """Sentence-level classification over every sentence of ``articles``: P/R/F1 of the
    positive class. Raises ``ValueError`` for predicted labels of unknown articles, or a
    positive label on a line that is not a sentence."""
    _check_known_articles(predicted, articles, "sentence labels")
    true_positive = predicted_positive = gold_positive = 0
    for article_id, text in articles.items():
        bounds = sentence_bounds(text)
        gold_labels = gold.get(article_id, {})
        predicted_labels = predicted.get(article_id, {})
        sentences = {index for index, _, _ in bounds}
        for index, flag in predicted_labels.items():
            if flag and index not in sentences:
                raise ValueError(
                    f"sentence labels: line {index} of article {article_id} is blank or past "
                    "the end of the text"
                )
        for index in sentences:
            is_gold = gold_labels.get(index, False)
            is_predicted = predicted_labels.get(index, False)
            gold_positive += is_gold
            predicted_positive += is_predicted
            true_positive += is_gold and is_predicted
    return Score.from_sums(true_positive, predicted_positive, true_positive, gold_positive)


def coverage(
    articles: Mapping[str, str],
    gold: Mapping[str, Sequence[LabelledSpan]],
    predicted: Mapping[str, Sequence[LabelledSpan]],
) -> Coverage:
    """Characters of ``articles`` under gold spans, under predicted spans and under both
    (unions per article, so overlapping spans count once), pooled over articles."""
    characters = gold_characters = predicted_characters = shared_characters = 0
    for article_id, text in articles.items():
        gold_mask = _mask(len(text), gold.get(article_id, ()))
        predicted_mask = _mask(len(text), predicted.get(article_id, ()))
        characters += len(text)
        gold_characters += int(gold_mask.sum())
        predicted_characters += int(predicted_mask.sum())
        shared_characters += int((gold_mask & predicted_mask).sum())
    return Coverage(characters, gold_characters, predicted_characters, shared_characters)


def _mask(length: int, spans: Iterable[LabelledSpan]) -> np.ndarray[Any, np.dtype[np.bool_]]:
    mask = np.zeros(length, dtype=np.bool_)
    for span in spans:
        mask[span.start : min(span.end, length)] = True  # a span past the end counts what exists
    return mask


def _check_known_articles(
    found: Mapping[str, object], articles: Mapping[str, str], what: str
) -> None:
    unknown = [article_id for article_id in found if article_id not in articles]
    if unknown:
        shown = ", ".join(unknown[:5]) + (", …" if len(unknown) > 5 else "")
        raise ValueError(f"{what} name {len(unknown)} article(s) not in the gold folder: {shown}")


# --- all at once ---------------------------------------------------------------------------


def evaluate(
    gold_dir: str | os.PathLike[str],
    predictions: str | os.PathLike[str] | Mapping[str, Sequence[LabelledSpan]],
    *,
    sentence_labels: SentenceLabels | None = None,
    flc_overlaps: Overlaps = "merge",
) -> Report:
    """Score predictions (a spans file or ``{article_id: spans}``) against a gold folder.

    SLC predictions come from the predicted spans unless ``sentence_labels`` gives them.
    Raises ``ValueError`` when the gold folder or predictions are malformed or name articles
    the gold folder lacks (most likely the wrong folder; their spans could not be scored).
    """
    _check_mode(flc_overlaps)
    articles = read_articles(gold_dir)
    gold = read_gold_dir(gold_dir)
    if isinstance(predictions, str | os.PathLike):
        predicted: Mapping[str, Sequence[LabelledSpan]] = read_spans_file(predictions)
    else:
        predicted = predictions
    _check_known_articles(predicted, articles, "predictions")
    gold_sentences = label_sentences(articles, gold)
    if sentence_labels is None:
        slc = slc_score(articles, gold_sentences, label_sentences(articles, predicted))
    else:
        slc = slc_score(articles, gold_sentences, sentence_labels)
    return Report(
        articles=len(articles),
        gold_spans=sum(len(spans) for spans in gold.values()),
        predicted_spans=sum(len(spans) for spans in predicted.values()),
        flc=flc_score(gold, predicted, flc_overlaps=flc_overlaps),
        si=si_score(gold, predicted),
        slc=slc,
        slc_source="spans" if sentence_labels is None else "sentence labels",
        techniques=tuple(technique_scores(gold, predicted, flc_overlaps=flc_overlaps)),
        coverage=coverage(articles, gold, predicted),
        flc_overlaps=flc_overlaps,
    )


def format_report(report: Report) -> str:
    """The report as a plain-text table."""
    lines = [
        f"Persuasion-technique spans: {report.articles} articles, "
        f"{report.gold_spans} gold spans, {report.predicted_spans} predicted spans",
        "",
        f"{'task':<30}{'P':>8}{'R':>8}{'F1':>8}   {'P = credit / |S|':<22}{'R = credit / |T|'}",
    ]
    overlaps = "merged" if report.flc_overlaps == "merge" else "capped"
    slc_from = "from spans" if report.slc_source == "spans" else "from sentence labels"
    for name, score in (
        ("FLC  spans + technique", report.flc),
        ("SI   spans, any technique", report.si),
        (f"SLC  sentences {slc_from}", report.slc),
    ):
        lines.append(f"{name:<30}{_scores(score)}   {_ratios(score)}")
    lines.append(
        f"(FLC: same-technique overlaps {overlaps}; SI: overlapping spans merged; "
        "SLC: one sentence per line)"
    )

    lines += ["", "FLC per technique"]
    width = max([len("technique"), *(len(row.technique) for row in report.techniques)]) + 2
    lines.append(f"{'technique':<{width}}{'gold':>6}{'pred':>6}{'P':>8}{'R':>8}{'F1':>8}")
    for row in report.techniques:
        lines.append(
            f"{row.technique:<{width}}{row.gold_spans:>6}{row.predicted_spans:>6}"
            f"{_scores(row.score)}"
        )
    if not report.techniques:
        lines.append("(no spans on either side)")

    cover = report.coverage
    lines += [
        "",
        f"Characters under spans (of {cover.characters:,} article characters)",
        f"  gold        {cover.gold_share:7.1%}  ({cover.gold_characters:,})",
        f"  predicted   {cover.predicted_share:7.1%}  ({cover.predicted_characters:,})",
        f"  predicted characters inside gold spans: {cover.predicted_in_gold:.1%}",
    ]
    return "\n".join(lines)


def _scores(score: Score) -> str:
    return f"{score.precision:8.4f}{score.recall:8.4f}{score.f1:8.4f}"


def _ratios(score: Score) -> str:
    precision = f"{score.predicted_credit:.2f} / {score.predicted}"
    return f"{precision:<22}{score.gold_credit:.2f} / {score.gold}"
