"""Fitting the wording model on paired articles, with out-of-fold scores kept pair by pair."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from spinscope.cleaning import clean
from spinscope.errors import InputError, SpinscopeError
from spinscope.readers import read_path
from spinscope.satire.wording import WordingModel, fit_wording

SATIRE_SUFFIX = "_satire"
STRAIGHT_GENRES = {"_report": "reporting", "_opinion": "opinion"}
"""A satire's straight twin tells its story as a report or argues it as an opinion piece (its
genre, by its file name's suffix): the model must learn that sarcasm in a signed argument is
not satire either."""
STRAIGHT_SUFFIXES = tuple(STRAIGHT_GENRES)
PENALTIES = (0.000001, 0.000003, 0.00001, 0.00003, 0.0001, 0.0003, 0.001, 0.003, 0.01)
"""Ridge penalties tried; the one with the lowest out-of-fold log loss is kept."""
FOLDS = 8


@dataclass(frozen=True, slots=True)
class PairedText:
    pair: str
    """The name both twins share: ``govt_01`` for ``govt_01_satire.txt``."""
    path: Path
    text: str
    """The clean text, as ``spinscope analyze`` would see it."""
    genre: str
    """``satire``, or the straight twin's genre: ``reporting`` or ``opinion``."""

    @property
    def satire(self) -> bool:
        return self.genre == "satire"


def _clean_text(path: Path) -> str:
    """The file's clean text, as ``spinscope analyze`` would see it; unreadable input is an
    error naming the file."""
    try:
        source = read_path(path)
    except InputError as error:
        raise SpinscopeError(str(error)) from error
    return clean(source.text).text


def read_pairs(directory: Path) -> list[PairedText]:
    """Every ``NAME_satire.txt`` with its straight twin, ``NAME_report.txt`` or
    ``NAME_opinion.txt``, in ``directory``.

    A file that is neither, or a twin without the other, is an error naming the file: a
    lone satire would teach the model its topic.
    """
    if not directory.is_dir():
        raise SpinscopeError(f"{directory}: not a folder")
    texts: list[PairedText] = []
    names = " or ".join(f"NAME{suffix}.txt" for suffix in (SATIRE_SUFFIX, *STRAIGHT_SUFFIXES))
    for path in sorted(directory.glob("*.txt")):
        stem = path.stem
        straight = next((x for x in STRAIGHT_SUFFIXES if stem.endswith(x)), None)
        if stem.endswith(SATIRE_SUFFIX):
            pair, genre = stem[: -len(SATIRE_SUFFIX)], "satire"
            twins = [f"{pair}{suffix}.txt" for suffix in STRAIGHT_SUFFIXES]
        elif straight is not None:
            pair, genre = stem[: -len(straight)], STRAIGHT_GENRES[straight]
            twins = [f"{pair}{SATIRE_SUFFIX}.txt"]
        else:
            raise SpinscopeError(f"{path}: not named {names}")
        present = [twin for twin in twins if (directory / twin).is_file()]
        if len(present) != 1:
            wanted = " or ".join(twins)
            problem = "is missing" if not present else "has two straight twins"
            raise SpinscopeError(f"{path}: its twin ({wanted}) {problem}")
        texts.append(PairedText(f"{directory.name}/{pair}", path, _clean_text(path), genre))
    if not texts:
        raise SpinscopeError(f"{directory}: no satire pairs ({names}) in it")
    return texts


UNPAIRED_STRAIGHT = "straight"
"""The genre of a real article known not to be satire, read without a twin (PTC's news)."""


def read_straight(directory: Path) -> list[PairedText]:
    """Every ``.txt`` in ``directory`` as a straight text without a twin: real news, none of
    it satire. Each is a group of its own in the folds. Real partisan news is sarcastic and
    argues in words the twins never use; without it the model calls some of it satire."""
    if not directory.is_dir():
        raise SpinscopeError(f"{directory}: not a folder")
    texts = []
    for path in sorted(directory.glob("*.txt")):
        name = f"{directory.name}/{path.stem}"
        texts.append(PairedText(name, path, _clean_text(path), UNPAIRED_STRAIGHT))
    if not texts:
        raise SpinscopeError(f"{directory}: no .txt articles in it")
    return texts


def fold_of(pairs: Sequence[PairedText], folds: int = FOLDS) -> list[int]:
    """Each text's fold: twins share one, so a story is never both trained on and scored."""
    names = sorted({p.pair for p in pairs})
    fold = {name: i % folds for i, name in enumerate(names)}
    return [fold[p.pair] for p in pairs]


def out_of_fold_logits(
    pairs: Sequence[PairedText],
    l2: float,
    folds: int = FOLDS,
    fit: Callable[[Sequence[str], Sequence[bool], float], WordingModel] = fit_wording,
) -> np.ndarray:
    """Each text's logit from a model fitted on the other folds."""
    assigned = fold_of(pairs, folds)
    logits = np.zeros(len(pairs))
    for fold in sorted(set(assigned)):
        train = [p for p, f in zip(pairs, assigned, strict=True) if f != fold]
        model = fit([p.text for p in train], [p.satire for p in train], l2)
        for i, (p, f) in enumerate(zip(pairs, assigned, strict=True)):
            if f == fold:
                logits[i] = model.logit(p.text)
    return logits


def log_loss(logits: np.ndarray, satire: Sequence[bool]) -> float:
    y = np.asarray(satire, dtype=np.float64)
    # log(1 + e^-z) for satire, log(1 + e^z) for straight, computed stably
    signed = np.where(y == 1.0, -logits, logits)
    return float(np.mean(np.logaddexp(0.0, signed)))


def rank_auc(logits: np.ndarray, satire: Sequence[bool]) -> float:
    """The chance that a satire outscores a straight text (ties count half)."""
    y = np.asarray(satire, dtype=bool)
    positive, negative = logits[y], logits[~y]
    if not len(positive) or not len(negative):
        return float("nan")
    wins = (positive[:, None] > negative[None, :]).sum()
    ties = (positive[:, None] == negative[None, :]).sum()
    return float((wins + 0.5 * ties) / (len(positive) * len(negative)))


def choose_penalty(
    pairs: Sequence[PairedText], penalties: Sequence[float] = PENALTIES
) -> tuple[float, dict[float, float], np.ndarray]:
    """The penalty with the lowest out-of-fold log loss, the loss of each, and its logits."""
    labels = [p.satire for p in pairs]
    losses: dict[float, float] = {}
    best: tuple[float, np.ndarray] | None = None
    for l2 in penalties:
        logits = out_of_fold_logits(pairs, l2)
        losses[l2] = log_loss(logits, labels)
        if best is None or losses[l2] < losses[best[0]]:
            best = (l2, logits)
    assert best is not None
    return best[0], losses, best[1]
