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
from spinscope.techniques.windows import window_batch, window_sentence_ids

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
) -> list[np.ndarray]:
    """Per window, ``(tokens, outputs)``: the teachers' mean probabilities for its tokens.

    One window per run, as the run-time predictor sees a short text: an int8 model quantises
    its activations with one scale per batch, so a window's probabilities would shift a
    little with the windows batched beside it.
    """
    from spinscope.techniques.export import exported_model
    from spinscope.techniques.predictor import TechniquePredictor

    totals = [np.zeros(window.labels.shape, dtype=np.float32) for window in windows]
    for teacher in teachers:
        folder = exported_model(Path(teacher), "a teacher is an exported model")
        predictor = TechniquePredictor(folder, threads=threads)
        if predictor.outputs != windows[0].labels.shape[1]:
            raise SpinscopeError(
                f"{folder}: the teacher has {predictor.outputs} outputs, "
                f"the student {windows[0].labels.shape[1]}"
            )
        for window, total in zip(windows, totals, strict=True):
            input_ids, attention = window_batch(window.ids, [0], cls_id, sep_id)
            feed = {"input_ids": input_ids, "attention_mask": attention}
            if predictor.uses_sentences:
                feed["sentence_ids"] = window_sentence_ids(
                    window.sentences, [0], input_ids.shape[1]
                )
            (probabilities,) = predictor.session.run(None, feed)
            total += probabilities[0, 1 : len(window.ids) + 1]
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
