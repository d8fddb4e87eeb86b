"""How an article frames its issue: scores for the 14 frames of the Media Frames Corpus.

The frames (Card et al. 2015, "The Media Frames Corpus") and a weighted cue lexicon for each
live in ``data/frames.json``. Cues are single words or phrases; both they and the article's
words are reduced to light stems (lowercase, regular plural, ``-ed`` and ``-ing`` endings and a
final ``e`` removed, a doubled final consonant halved, irregular forms from the data file), so
"shelled", "shelling" and "shell" meet. A hyphen splits words, so the cue "cease-fire" also
matches "cease fire". Matching runs left to right over the tokens and takes the longest cue
starting at each token, so "trade war" counts as one economic cue, not also as a security
"war". The data file's ``non_cues`` ("trade accusations", "political scientist") are matched
the same way and then ignored, so their words cue nothing there. A phrase never runs across
punctuation or a paragraph break.

A frame's score, in [0, 1], is the product of two saturating terms::

    score = (1 - exp(-density / DENSITY_SCALE)) * (1 - exp(-variety / VARIETY_SCALE))

``density`` measures how much of the text the frame takes up: the summed weights of its cue
occurrences per 1000 tokens, counted as if the text had ``SMOOTHING_TOKENS`` more tokens
without a cue (so a one-line snippet is not judged on a handful of words). It is linear in the
occurrences so a long article that keeps to its frame scores as high as a short one.
``variety`` is the summed weight of the distinct cues seen: one word, however often repeated,
does not make a frame (the variety term stays at 0.28 for a single strong cue), while an
article dominated by a frame uses many of its cues. With the constants below, one strong cue in
a 500-word article scores about 0.02; a dozen different cues of a frame in it score above 0.5.

Every frame with a cue in the text is reported, highest score first, unless its score rounds
to zero (a single weak cue in a book-length text); frames without a cue are left out. Each
keeps ``MAX_EVIDENCE`` matches as ``term`` evidence: first the first use of each cue, strongest
cue first, then repeats. An evidence item's weight is its share of the frame's score (its
cue's weight over the frame's weighted hits, times the score), so the weights of all of a
frame's matches add up to its score.
"""

from __future__ import annotations

import functools
import math
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from spinscope.data import read_json
from spinscope.document import Document, Evidence, Frame
from spinscope.nlp import NlpState

FRAMES_FILE = "frames.json"

DENSITY_SCALE = 20.0
"""Weighted cue hits per 1000 tokens at which the density term reaches 1 - 1/e (0.63)."""
VARIETY_SCALE = 3.0
"""Summed weight of distinct cues at which the variety term reaches 1 - 1/e."""
SMOOTHING_TOKENS = 100
"""Cue-less tokens added to every text before computing density, to damp very short texts."""
MAX_EVIDENCE = 10
"""Evidence terms kept per frame, strongest first."""
SCORE_DIGITS = 4

_WORD = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W_]+(?:['’][^\W_]+)*")
"""A word: an abbreviation written with points ("U.N."), or letters and digits, with inner
apostrophes ("women's", "isn't"). Hyphens split words so "cease-fire" is two."""
_JOINER = re.compile(r"(?:['’]s?)?[ \t]*(?:[-‐‑][ \t]*)?\n?[ \t]*")
"""What may stand between two words of one phrase: a possessive ending, spaces, one hyphen,
one line break (a wrapped line, not a paragraph break)."""
_POSSESSIVE = re.compile(r"['’]s?$")
_CLITICS = frozenset({"'s", "’s", "'", "’", "n't", "n’t", "'re", "’re", "'ll", "’ll", "'ve", "’ve"})


@dataclass(frozen=True, slots=True)
class FrameDefinition:
    """One frame of the catalogue, for display."""

    id: str
    """As in the Media Frames Corpus codebook, snake-cased (``security_and_defense``)."""
    name: str
    definition: str


@dataclass(frozen=True, slots=True)
class _Cue:
    frame: str
    term: str
    """The cue as written in the data file; repeats of one cue are counted together."""
    weight: float


@dataclass(frozen=True, slots=True)
class _Word:
    start: int
    end: int
    stem: str
    joined: bool
    """Whether a phrase may run from the previous word into this one."""


@dataclass(frozen=True, slots=True)
class _Lexicon:
    cues: dict[tuple[str, ...], tuple[_Cue, ...]]
    """Cues by the stems of their words; a key may cue several frames, a non-cue none."""
    lengths: dict[str, tuple[int, ...]]
    """By first stem, the word counts of the cues starting with it, longest first."""


@dataclass(frozen=True, slots=True)
class _Morphology:
    irregular: dict[str, str]
    unchanged: frozenset[str]


@functools.cache
def _data() -> dict[str, Any]:
    data: dict[str, Any] = read_json(FRAMES_FILE)
    return data


@functools.cache
def frame_catalogue() -> dict[str, FrameDefinition]:
    """Every frame by id, in the Media Frames Corpus codebook's order."""
    return {
        entry["id"]: FrameDefinition(entry["id"], entry["name"], entry["definition"])
        for entry in _data()["frames"]
    }


@functools.cache
def _morphology() -> _Morphology:
    raw = _data()["morphology"]
    return _Morphology(dict(raw["irregular"]), frozenset(raw["unchanged"]))


@functools.lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """The light stem that cue words and text words are compared on (see module docstring).

    Crude on purpose: it only has to send a word and its inflections to the same string, and
    it is applied to the lexicon too, so "vaccine" and "vaccines" both become "vaccin".
    """
    morphology = _morphology()
    word = _POSSESSIVE.sub("", word.lower().replace("’", "'")).replace(".", "")
    word = morphology.irregular.get(word, word)
    if word in morphology.unchanged:
        return word
    if len(word) > 4 and word.endswith(("ies", "ied")):
        word = word[:-3] + "y"
    elif len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    elif word.endswith("ed") and _has_vowel(word[:-2]) and len(word) > 4:
        word = word[:-2]
    elif word.endswith("ing") and _has_vowel(word[:-3]) and len(word) > 5:
        word = word[:-3]
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]
    if len(word) > 2 and word[-1] == word[-2] and word[-1] not in "aeiousy":
        word = word[:-1]  # "planned" -> "plan", and "kill"/"killed" both -> "kil"
    return word


def _has_vowel(text: str) -> bool:
    return any(c in "aeiouy" for c in text)


def _words_of(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    return [
        (m.start(), m.end()) for m in _WORD.finditer(text, start, len(text) if end is None else end)
    ]


def _key(phrase: str) -> tuple[str, ...]:
    return tuple(stem(phrase[start:end]) for start, end in _words_of(phrase))


@functools.cache
def _lexicon() -> _Lexicon:
    cues: dict[tuple[str, ...], list[_Cue]] = defaultdict(list)
    for entry in _data()["frames"]:
        frame = entry["id"]
        for term, weight in entry["lexicon"].items():
            key = _key(term)
            if not key or not 0 < weight <= 1:
                raise ValueError(f"{FRAMES_FILE}: bad cue {term!r} ({weight}) in frame {frame}")
            same = [c for c in cues[key] if c.frame == frame]
            if same:  # two spellings of one cue in a frame: the stronger one stands
                if same[0].weight >= weight:
                    continue
                cues[key].remove(same[0])
            cues[key].append(_Cue(frame, term, float(weight)))
    for phrase in _data()["non_cues"]:
        key = _key(phrase)
        if key in cues:
            raise ValueError(f"{FRAMES_FILE}: {phrase!r} is both a cue and a non-cue")
        cues[key] = []
    lengths: dict[str, set[int]] = defaultdict(set)
    for key in cues:
        lengths[key[0]].add(len(key))
    return _Lexicon(
        {key: tuple(found) for key, found in cues.items()},
        {first: tuple(sorted(counts, reverse=True)) for first, counts in lengths.items()},
    )


def _tokens(doc: Document) -> list[tuple[int, int]]:
    """Word tokens of the clean text as ``(start, end)``: spaCy's when the pipeline ran it."""
    if not isinstance(doc.nlp, NlpState):
        return _words_of(doc.text)
    spans: list[tuple[int, int]] = []
    for token in doc.nlp.doc:
        if token.is_space or token.is_punct or token.text in _CLITICS:
            continue
        start = token.idx
        # spaCy keeps some hyphenated words whole ("e-mail"); split them as the lexicon is.
        spans.extend(_words_of(doc.text, start, start + len(token.text)))
    return spans


def _stem_of(doc: Document, start: int, end: int, lemmas: dict[int, str]) -> str:
    lemma = lemmas.get(start)
    return stem(lemma if lemma else doc.text[start:end])


def _words(doc: Document) -> list[_Word]:
    lemmas: dict[int, str] = {}
    if isinstance(doc.nlp, NlpState):
        # The pipeline's Doc is not lemmatised; if a richer one is attached, use its lemmas.
        lemmas = {t.idx: t.lemma_ for t in doc.nlp.doc if t.lemma_ and "-" not in t.text}
    words: list[_Word] = []
    previous_end: int | None = None
    for start, end in _tokens(doc):
        joined = previous_end is not None and bool(_JOINER.fullmatch(doc.text, previous_end, start))
        words.append(_Word(start, end, _stem_of(doc, start, end, lemmas), joined))
        previous_end = end
    return words


@dataclass(slots=True)
class _Match:
    start: int
    end: int
    cue: _Cue


def _matches(words: list[_Word], lexicon: _Lexicon) -> list[_Match]:
    """Greedy longest match, left to right; a matched phrase's words are not matched again."""
    found: list[_Match] = []
    i = 0
    while i < len(words):
        step = 1
        for length in lexicon.lengths.get(words[i].stem, ()):
            span = words[i : i + length]
            if len(span) < length or not all(w.joined for w in span[1:]):
                continue
            cues = lexicon.cues.get(tuple(w.stem for w in span))
            if cues is not None:
                found.extend(_Match(span[0].start, span[-1].end, cue) for cue in cues)
                step = length
                break
        i += step
    return found


def frame_score(weighted_hits: float, variety: float, token_count: int) -> float:
    """The score of a frame with these weighted cue hits and distinct-cue weight."""
    density = 1000.0 * weighted_hits / (token_count + SMOOTHING_TOKENS)
    return (1.0 - math.exp(-density / DENSITY_SCALE)) * (1.0 - math.exp(-variety / VARIETY_SCALE))


class FrameScorer:
    """Adds ``doc.frames``: the frames with cues in the text, highest score first."""

    name = "frames"

    def __call__(self, doc: Document) -> Document:
        words = _words(doc)
        by_frame: dict[str, list[tuple[_Match, bool]]] = defaultdict(list)
        seen: set[_Cue] = set()
        for match in _matches(words, _lexicon()):
            by_frame[match.cue.frame].append((match, match.cue in seen))
            seen.add(match.cue)
        order = {frame: rank for rank, frame in enumerate(frame_catalogue())}
        frames: list[Frame] = []
        for frame, hits in by_frame.items():
            weighted = sum(match.cue.weight for match, _ in hits)
            variety = sum(cue.weight for cue in {match.cue for match, _ in hits})
            score = frame_score(weighted, variety, len(words))
            if round(score, SCORE_DIGITS) == 0:
                continue
            # Distinct cues before repeats: ten mentions of "war" say less than ten cues.
            shown = sorted(hits, key=lambda hit: (hit[1], -hit[0].cue.weight, hit[0].start))
            evidence: list[Evidence] = [
                doc.evidence(match.start, match.end, "term", score * match.cue.weight / weighted)
                for match, _ in shown[:MAX_EVIDENCE]
            ]
            frames.append(Frame(frame, round(score, SCORE_DIGITS), evidence))
        frames.sort(key=lambda f: (-f.score, order[f.frame]))
        doc.frames = frames
        return doc
