"""Tokenisation with character offsets, and the overlapping windows an encoder sees.

Runs without torch: the run-time tagger and the trainer share it, so the two cut articles
into windows the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

WINDOW_TOKENS = 256
"""Encoder input length, [CLS] and [SEP] included."""
BODY_TOKENS = WINDOW_TOKENS - 2


def load_tokenizer(path: Path) -> Any:
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(path))
    tokenizer.no_truncation()  # the shipped file truncates at 128 and pads; windows do that
    tokenizer.no_padding()
    return tokenizer


@dataclass(slots=True)
class Encoded:
    ids: np.ndarray
    """Token ids, no special tokens."""
    offsets: np.ndarray
    """``(n, 2)`` character offsets of each token in the text, end exclusive."""


def encode(tokenizer: Any, text: str) -> Encoded:
    encoding = tokenizer.encode(text, add_special_tokens=False)
    offsets = np.asarray(encoding.offsets, dtype=np.int64).reshape(-1, 2)
    return Encoded(np.asarray(encoding.ids, dtype=np.int64), offsets)


def window_starts(count: int, stride: int) -> list[int]:
    """Starts of windows of :data:`BODY_TOKENS` tokens, ``stride`` apart, the last flush with
    the end so every token is seen."""
    if count <= BODY_TOKENS:
        return [0]
    starts = list(range(0, count - BODY_TOKENS, stride))
    starts.append(count - BODY_TOKENS)
    return starts


def window_batch(
    ids: np.ndarray, starts: list[int], cls_id: int, sep_id: int
) -> tuple[np.ndarray, np.ndarray]:
    """Input ids and attention masks for the windows at ``starts``, padded to one length."""
    bodies = [ids[start : start + BODY_TOKENS] for start in starts]
    length = max(len(body) for body in bodies) + 2
    input_ids = np.zeros((len(bodies), length), dtype=np.int64)
    attention = np.zeros((len(bodies), length), dtype=np.int64)
    for row, body in enumerate(bodies):
        input_ids[row, 0] = cls_id
        input_ids[row, 1 : len(body) + 1] = body
        input_ids[row, len(body) + 1] = sep_id
        attention[row, : len(body) + 2] = 1
    return input_ids, attention


def token_sentences(offsets: np.ndarray, sentences: list[tuple[int, int]]) -> np.ndarray:
    """Per token, the index of the sentence it starts in (a token between two sentences goes
    with the one before; one before the first, with the first)."""
    if not sentences or len(offsets) == 0:
        return np.zeros(len(offsets), dtype=np.int64)
    starts = np.asarray([start for start, _ in sentences], dtype=np.int64)
    index = np.searchsorted(starts, offsets[:, 0], side="right") - 1
    result: np.ndarray = np.maximum(index, 0).astype(np.int64)
    return result


def window_sentence_ids(
    sentence_of_token: np.ndarray, starts: list[int], length: int
) -> np.ndarray:
    """Sentence ids laid out like :func:`window_batch`'s input ids: -1 for [CLS], [SEP] and
    padding, which join no sentence."""
    ids = np.full((len(starts), length), -1, dtype=np.int64)
    for row, start in enumerate(starts):
        body = sentence_of_token[start : start + BODY_TOKENS]
        ids[row, 1 : len(body) + 1] = body
    return ids


def merge_windows(count: int, starts: list[int], probabilities: list[np.ndarray]) -> np.ndarray:
    """Per-token probabilities from overlapping windows, weighting each window's tokens by
    their distance from its edges, where the encoder saw least context."""
    channels = probabilities[0].shape[-1]
    total = np.zeros((count, channels), dtype=np.float32)
    weight = np.zeros((count, 1), dtype=np.float32)
    for start, window in zip(starts, probabilities, strict=True):
        body = window[1 : 1 + min(BODY_TOKENS, count - start)]
        n = len(body)
        position = np.arange(n, dtype=np.float32)
        edge = np.minimum(position + 1, n - position)
        w = np.minimum(edge / 32.0, 1.0)[:, None] + 1e-3
        total[start : start + n] += body * w
        weight[start : start + n] += w
    return total / np.maximum(weight, 1e-6)


def token_labels(encoded: Encoded, spans: list[tuple[int, int, int]], channels: int) -> np.ndarray:
    """Multi-hot ``(n, channels)`` labels: a token carries every technique whose span it
    overlaps by at least one character; the last channel marks "inside any span"."""
    labels = np.zeros((len(encoded.ids), channels), dtype=np.float32)
    if len(encoded.ids) == 0:
        return labels
    starts = encoded.offsets[:, 0]
    ends = encoded.offsets[:, 1]
    for start, end, index in spans:
        inside = (starts < end) & (ends > start)
        labels[inside, index] = 1.0
        labels[inside, channels - 1] = 1.0
    return labels
