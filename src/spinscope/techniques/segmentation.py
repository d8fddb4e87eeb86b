"""Sentences for technique decoding, cut the same way at tuning and at run time."""

from __future__ import annotations

from typing import Any


def sentence_spans(text: str, nlp_doc: Any = None) -> list[tuple[int, int]]:
    """Sentence spans of ``text``, from the spaCy doc the entity annotator made if there is
    one, else by tokenising afresh (cheap: no model runs)."""
    from spinscope.nlp import english, mark_sentence_starts

    if nlp_doc is None:
        nlp_doc = english().make_doc(text)
        mark_sentence_starts(nlp_doc)
    spans: list[tuple[int, int]] = []
    for sentence in nlp_doc.sents:
        start, end = sentence.start_char, sentence.end_char
        while end > start and text[end - 1].isspace():
            end -= 1
        while start < end and text[start].isspace():
            start += 1
        if end > start:
            spans.append((start, end))
    return spans
