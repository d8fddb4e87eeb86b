"""Persuasion-technique spans and per-sentence propaganda scores, from the bundled model."""

from __future__ import annotations

from pathlib import Path

from spinscope.document import Document, SentenceScore, TechniqueSpan
from spinscope.techniques.corpus import ANY
from spinscope.techniques.decoding import DecodingRule, decode, rules_from_config
from spinscope.techniques.predictor import BUNDLED_MODEL, TechniquePredictor
from spinscope.techniques.segmentation import sentence_spans
from spinscope.techniques.sentence_model import SentenceModel, sentence_features


class TechniqueTagger:
    """Adds ``doc.techniques`` and ``doc.sentences``."""

    name = "techniques"

    def __init__(self, model_dir: Path = BUNDLED_MODEL) -> None:
        self.model_dir = model_dir
        self._predictor: TechniquePredictor | None = None
        self._decoding: tuple[tuple[str, ...], dict[str, DecodingRule], SentenceModel] = (
            (),
            {},
            SentenceModel.from_decoding({}),
        )
        """Labels, rules and sentence model from the model's decoding.json, read once."""

    @property
    def predictor(self) -> TechniquePredictor:
        if self._predictor is None:  # loaded on first use, once per process
            self._predictor = TechniquePredictor(self.model_dir)
            decoding = self._predictor.decoding
            self._decoding = (
                tuple(decoding["labels"]),
                rules_from_config(decoding),
                SentenceModel.from_decoding(decoding),
            )
        return self._predictor

    def __call__(self, doc: Document) -> Document:
        predictor = self.predictor
        labels, rules, sentence_model = self._decoding
        sentences = sentence_spans(doc.text, doc.nlp.doc if doc.nlp is not None else None)
        token_probabilities = predictor(doc.text, sentences=sentences)
        offsets = token_probabilities.encoded.offsets
        probabilities = token_probabilities.probabilities
        for found in decode(doc.text, offsets, probabilities, sentences, labels, rules):
            span = doc.span(found.start, found.end)
            doc.techniques.append(
                TechniqueSpan(
                    span.start,
                    span.end,
                    span.source_start,
                    span.source_end,
                    span.text,
                    found.technique,
                    round(found.score, 4),
                )
            )
        scores = sentence_model.scores(sentence_features(probabilities, offsets, sentences, ANY))
        doc.sentences = [
            SentenceScore(start, end, round(score, 4))
            for (start, end), score in zip(sentences, scores, strict=True)
        ]
        return doc


def bundled_model_available() -> bool:
    return (BUNDLED_MODEL / "model.onnx").exists() and (BUNDLED_MODEL / "decoding.json").exists()
