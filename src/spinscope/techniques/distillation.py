"""Soft targets from trained teacher models, for distilling an ensemble into one network.

An ensemble of networks trained with different seeds tags better than any one of them, but
costs one encoder pass per member at run time. A student trained on the mean of the members'
probabilities (mixed with the gold labels) can keep part of that gain at the cost of one
network. The teachers are exported models (``model.onnx`` folders), run once over the
training windows; their probabilities are cached beside the run so a resumed run reuses them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from spinscope.errors import SpinscopeError

if TYPE_CHECKING:
    from spinscope.techniques.training import TrainingWindow

TEACHER_TARGETS = "teacher-targets.npz"


def windows_fingerprint(windows: Sequence[TrainingWindow], teachers: Sequence[str]) -> str:
    """What the cached targets were computed for: the windows' token ids and the teachers."""
    digest = hashlib.sha256()
    for teacher in teachers:
        digest.update(str(Path(teacher).resolve()).encode())
    for window in windows:
        digest.update(window.ids.tobytes())
        digest.update(b"|")
    return digest.hexdigest()


def teacher_probabilities(
    windows: Sequence[TrainingWindow],
    teachers: Sequence[str],
    cls_id: int,
    sep_id: int,
    threads: int = 0,
    batch_size: int = 1,
) -> list[np.ndarray]:
    """Per window, ``(tokens, outputs)``: the teachers' mean probabilities for its tokens.

    One window per batch by default: an int8 model quantises its activations with one scale
    per batch, so a window's probabilities shift a little with the windows batched beside it.
    """
    from spinscope.techniques.predictor import TechniquePredictor

    totals = [np.zeros(window.labels.shape, dtype=np.float32) for window in windows]
    order = sorted(range(len(windows)), key=lambda i: len(windows[i].ids))
    for teacher in teachers:
        folder = Path(teacher)
        if not (folder / "model.onnx").is_file():
            raise SpinscopeError(f"{folder}: no model.onnx in it (a teacher is an exported model)")
        predictor = TechniquePredictor(folder, threads=threads)
        if predictor.outputs != windows[0].labels.shape[1]:
            raise SpinscopeError(
                f"{folder}: the teacher has {predictor.outputs} outputs, "
                f"the student {windows[0].labels.shape[1]}"
            )
        for first in range(0, len(order), batch_size):
            chosen = order[first : first + batch_size]
            length = max(len(windows[i].ids) for i in chosen) + 2
            input_ids = np.zeros((len(chosen), length), dtype=np.int64)
            attention = np.zeros((len(chosen), length), dtype=np.int64)
            sentence_ids = np.full((len(chosen), length), -1, dtype=np.int64)
            for row, index in enumerate(chosen):
                window = windows[index]
                n = len(window.ids)
                input_ids[row, 0] = cls_id
                input_ids[row, 1 : n + 1] = window.ids
                input_ids[row, n + 1] = sep_id
                attention[row, : n + 2] = 1
                sentence_ids[row, 1 : n + 1] = window.sentences
            feed = {"input_ids": input_ids, "attention_mask": attention}
            if predictor.uses_sentences:
                feed["sentence_ids"] = sentence_ids
            (probabilities,) = predictor.session.run(None, feed)
            for row, index in enumerate(chosen):
                totals[index] += probabilities[row, 1 : len(windows[index].ids) + 1]
    return [total / len(teachers) for total in totals]


def cached_teacher_probabilities(
    output: Path,
    windows: Sequence[TrainingWindow],
    teachers: Sequence[str],
    cls_id: int,
    sep_id: int,
    threads: int = 0,
) -> list[np.ndarray]:
    """:func:`teacher_probabilities`, read from ``output`` when computed there before for the
    same windows and teachers."""
    cache = output / TEACHER_TARGETS
    fingerprint = windows_fingerprint(windows, teachers)
    if cache.exists():
        with np.load(cache) as stored:
            if str(stored["arr_0"]) == fingerprint:
                return [stored[f"arr_{i + 1}"] for i in range(len(windows))]
    targets = teacher_probabilities(windows, teachers, cls_id, sep_id, threads)
    temporary = cache.with_name("teacher-targets.tmp.npz")
    # stored by position: arr_0 the fingerprint, arr_{i+1} window i's probabilities
    np.savez_compressed(temporary, np.asarray(fingerprint), *targets)
    temporary.replace(cache)
    return targets


def soft_targets(labels: np.ndarray, teacher: np.ndarray, teacher_weight: float) -> np.ndarray:
    """The training target: gold labels and the teachers' probabilities, mixed."""
    mixed: np.ndarray = (1.0 - teacher_weight) * labels + teacher_weight * teacher
    return mixed.astype(np.float32)
