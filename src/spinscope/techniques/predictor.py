"""Run-time inference: the int8 ONNX model through onnxruntime, tokenisation by tokenizers.

torch is not needed here; it stays in the training extra.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from spinscope.techniques.export import ONNX_INT8, TOKENIZER
from spinscope.techniques.windows import (
    BODY_TOKENS,
    Encoded,
    encode,
    load_tokenizer,
    merge_windows,
    token_sentences,
    window_batch,
    window_sentence_ids,
    window_starts,
)

DECODING = "decoding.json"
BUNDLED_MODEL = Path(__file__).resolve().parent.parent / "models" / "techniques"
"""The model shipped inside the package."""


@dataclass(slots=True)
class TokenProbabilities:
    encoded: Encoded
    probabilities: np.ndarray
    """``(tokens, outputs)``: per token, the probability of each technique, then "any"."""


class TechniquePredictor:
    """Per-token technique probabilities for a text, window by window."""

    def __init__(
        self,
        model_dir: Path = BUNDLED_MODEL,
        threads: int = 1,
        model_file: str = ONNX_INT8,
        stride: int | None = None,
    ) -> None:
        import onnxruntime

        options = onnxruntime.SessionOptions()
        # One thread per process: batches already run one worker process per core.
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        self.session = onnxruntime.InferenceSession(
            str(model_dir / model_file), options, providers=["CPUExecutionProvider"]
        )
        self.tokenizer = load_tokenizer(model_dir / TOKENIZER)
        self.cls_id = self.tokenizer.token_to_id("[CLS]")
        self.sep_id = self.tokenizer.token_to_id("[SEP]")
        decoding = model_dir / DECODING
        self.decoding: dict[str, Any] = (
            json.loads(decoding.read_text(encoding="utf-8")) if decoding.exists() else {}
        )
        self.stride = stride or int(self.decoding.get("stride", BODY_TOKENS))
        self.uses_sentences = any(i.name == "sentence_ids" for i in self.session.get_inputs())
        """Whether the network pools each token's sentence (see ``model.sentence_means``)."""

    def __call__(
        self,
        text: str,
        batch_size: int = 8,
        sentences: list[tuple[int, int]] | None = None,
    ) -> TokenProbabilities:
        """Probabilities for ``text``; ``sentences`` (character spans) are cut from the text
        when the network needs them and the caller has none."""
        encoded = encode(self.tokenizer, text)
        count = len(encoded.ids)
        if count == 0:
            return TokenProbabilities(encoded, np.zeros((0, self.outputs), dtype=np.float32))
        sentence_of_token = None
        if self.uses_sentences:
            if sentences is None:
                from spinscope.techniques.segmentation import sentence_spans

                sentences = sentence_spans(text)
            sentence_of_token = token_sentences(encoded.offsets, sentences)
        starts = window_starts(count, self.stride)
        outputs: list[np.ndarray] = []
        for first in range(0, len(starts), batch_size):
            chunk = starts[first : first + batch_size]
            input_ids, attention = window_batch(encoded.ids, chunk, self.cls_id, self.sep_id)
            feed = {"input_ids": input_ids, "attention_mask": attention}
            if sentence_of_token is not None:
                feed["sentence_ids"] = window_sentence_ids(
                    sentence_of_token, chunk, input_ids.shape[1]
                )
            (probabilities,) = self.session.run(None, feed)
            outputs.extend(probabilities)
        return TokenProbabilities(encoded, merge_windows(count, starts, outputs))

    @property
    def outputs(self) -> int:
        shape = self.session.get_outputs()[0].shape
        return int(shape[-1])
