"""The one document model every stage reads and writes.

A reader turns an input into a :class:`SourceDocument`: the decoded original input
(``source_text``) and the text it extracted from it, with an :class:`OffsetMap` from that text
back into ``source_text``. Cleaning produces the clean ``text`` of a :class:`Document` and a map
composed all the way back to ``source_text``. Annotators add spans (entities, quotes, ...) made
by :meth:`Document.span`, which records both clean and source offsets at creation, so no span is
ever found again by searching for its string.
"""

from __future__ import annotations

import json
from array import array
from dataclasses import asdict, dataclass, field
from typing import Any


class OffsetMap:
    """Maps each character of a derived text to the characters of its source text.

    ``positions[i]`` is the source index where derived character ``i`` starts; one sentinel
    entry at the end holds the source length. The map is non-decreasing. Characters the
    derivation inserted (a space that rejoins two lines) map to the source index of the next
    original character. ``ends[i]``, when present, is where character ``i`` ends in the source:
    a character decoded from ``&amp;`` covers the whole reference. Without ``ends`` each
    character covers one source character.
    """

    __slots__ = ("ends", "positions")

    def __init__(self, positions: array[int], ends: array[int] | None = None) -> None:
        self.positions = positions
        self.ends = ends

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        return cls(array("l", range(length + 1)))

    def __len__(self) -> int:
        """Length of the derived text."""
        return len(self.positions) - 1

    @property
    def source_length(self) -> int:
        return self.positions[-1]

    def _end_of(self, index: int) -> int:
        return self.ends[index] if self.ends is not None else self.positions[index] + 1

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Source offsets ``[s, e)`` of the derived span ``[start, end)`` (end exclusive)."""
        if not 0 <= start <= end <= len(self):
            raise ValueError(f"span [{start}, {end}) outside text of length {len(self)}")
        if start == end:
            point = self.positions[start]
            return point, point
        return self.positions[start], max(self._end_of(end - 1), self.positions[start])

    def then(self, inner: OffsetMap) -> OffsetMap:
        """Compose: ``self`` maps C -> B and ``inner`` maps B -> A; the result maps C -> A."""
        inner_positions = inner.positions
        positions = array("l", (inner_positions[p] for p in self.positions))
        if self.ends is None and inner.ends is None:
            return OffsetMap(positions)
        count = len(self)
        ends = array(
            "l",
            (
                inner._end_of(max(self._end_of(i) - 1, 0)) if self._end_of(i) > 0 else 0
                for i in range(count)
            ),
        )
        return OffsetMap(positions, ends)


class TextBuilder:
    """Builds a derived text piece by piece while recording its :class:`OffsetMap`."""

    def __init__(self, source_length: int) -> None:
        self._parts: list[str] = []
        self._positions = array("l")
        self._ends: array[int] | None = None
        self._source_length = source_length
        self._anchored = False  # whether insert/map_to ran, which may need the clamp below

    def copy(self, text: str, source_start: int) -> None:
        """Append ``text``, found at ``source_start`` in the source character for character."""
        self._parts.append(text)
        self._positions.extend(range(source_start, source_start + len(text)))
        if self._ends is not None:
            self._ends.extend(range(source_start + 1, source_start + len(text) + 1))

    def insert(self, text: str, source_position: int) -> None:
        """Append ``text`` with no counterpart in the source, anchored at ``source_position``."""
        self._parts.append(text)
        self._positions.extend([source_position] * len(text))
        if self._ends is not None:
            self._ends.extend([source_position + 1] * len(text))
        self._anchored = True

    def map_to(self, text: str, source_start: int, source_end: int) -> None:
        """Append ``text`` that replaces the source span ``[source_start, source_end)``.

        Used for references such as ``&amp;`` -> ``&``: characters map proportionally into it.
        """
        self._parts.append(text)
        self._anchored = True
        if self._ends is None:
            self._ends = array("l", (p + 1 for p in self._positions))
        width = max(source_end - source_start, 1)
        count = max(len(text), 1)
        starts = [source_start + (i * width) // count for i in range(len(text))]
        self._positions.extend(starts)
        self._ends.extend([*starts[1:], source_end][: len(text)])

    def __len__(self) -> int:
        return len(self._positions)

    def last_char(self) -> str:
        for part in reversed(self._parts):
            if part:
                return part[-1]
        return ""

    def build(self) -> tuple[str, OffsetMap]:
        positions = array("l", self._positions)
        positions.append(self._source_length)
        # Inserted characters anchored past later copies would break monotonicity; clamp.
        for i in range(len(positions) - 2 if self._anchored else -1, -1, -1):
            if positions[i] > positions[i + 1]:
                positions[i] = positions[i + 1]
        ends = self._ends
        if ends is not None:
            for i in range(len(ends)):
                ends[i] = max(ends[i], positions[i])
        return "".join(self._parts), OffsetMap(positions, ends)


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the clean text, with its offsets into the original input too."""

    start: int
    end: int
    source_start: int
    source_end: int
    text: str


@dataclass(slots=True)
class SourceDocument:
    """What a reader returns: the decoded input and the text it extracted from it."""

    source: str
    """File path, ``<stdin>`` or ``<text>``."""
    format: str
    """``text``, ``html`` or ``pdf``."""
    source_text: str
    """The decoded original input: the file's text, the HTML markup, the PDF's text layer."""
    text: str
    """The extracted text, before cleaning."""
    offsets: OffsetMap
    """Maps ``text`` to ``source_text``."""
    encoding: str | None = None
    hints: dict[str, Any] = field(default_factory=dict)
    """Metadata the format itself gives (HTML meta tags, PDF info): title, authors, date, ..."""


@dataclass(slots=True)
class Dateline:
    place: str
    date: str | None


@dataclass(slots=True)
class Metadata:
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    outlet: str | None = None
    published: str | None = None
    dateline: Dateline | None = None
    language: str | None = None
    author_roles: dict[str, str] = field(default_factory=dict)
    """Stated role per author, from bylines such as "By X, Executive Director, Y Center"."""


@dataclass(slots=True)
class Entity:
    id: str
    name: str
    type: str
    mentions: list[Span] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    """Titles and roles the text gives this entity ("President", "a professor at X")."""


@dataclass(slots=True)
class Speaker:
    name: str
    entity_id: str | None
    role: str | None
    mention: Span | None = None
    """The words that name the speaker at this quote ("he", "the expert", "John Smith")."""


@dataclass(slots=True)
class Quote:
    start: int
    end: int
    source_start: int
    source_end: int
    text: str
    kind: str
    """``direct`` or ``indirect``."""
    speaker: Speaker | None
    cue: Span | None


@dataclass(slots=True)
class TechniqueSpan:
    """A passage that uses a persuasion technique (names and definitions: data/techniques.json)."""

    start: int
    end: int
    source_start: int
    source_end: int
    text: str
    technique: str
    """The technique's id, as in the PTC corpus: ``Loaded_Language``, ``Name_Calling,Labeling``."""
    score: float
    """The model's confidence in [0, 1]."""


@dataclass(slots=True)
class SentenceScore:
    """How likely a sentence is to use propaganda at all."""

    start: int
    end: int
    propaganda: float


@dataclass(slots=True)
class Evidence:
    """A passage that supports a portrayal or frame decision, with why it counted."""

    start: int
    end: int
    source_start: int
    source_end: int
    text: str
    kind: str
    """What the passage is: ``praise``, ``blame``, ``harm`` (suffering), ``technique``,
    ``quote`` (a quoted speaker about the entity), ``term`` (a frame's evidence term)."""
    weight: float
    """Its signed contribution: positive casts the entity well, negative badly; for frames,
    how much the term adds to the frame's score."""
    speaker: str | None = None
    """Who says it, when the passage is inside a quote."""


@dataclass(slots=True)
class Portrayal:
    """How the text casts one entity: hero, villain, victim or nobody in particular."""

    entity_id: str
    name: str
    role: str
    """``protagonist``, ``antagonist``, ``innocent`` (a victim) or ``neutral``."""
    tone: float
    """From -1 (vilified) to 1 (glorified)."""
    evidence: list[Evidence] = field(default_factory=list)
    role_scores: dict[str, float] = field(default_factory=dict)
    """The role model's probability of each role (empty when only the rules decided)."""
    members: list[str] = field(default_factory=list)
    """The ids of every entity the record stands for: ``entity_id`` first, then the groups,
    demonyms, capitals and organs of state folded into it ("Indian Army", "Indian troops" and
    "New Delhi" into India)."""


@dataclass(slots=True)
class Genre:
    label: str
    """``reporting``, ``opinion`` or ``satire``."""
    score: float
    """Confidence in the label, in [0, 1]."""
    features: dict[str, float] = field(default_factory=dict)
    """The measurements that decided it (first-person rate, attributed share, ...)."""


@dataclass(slots=True)
class Frame:
    """One of the 14 Media Frames Corpus frames, scored for this article."""

    frame: str
    """The frame's id, as in data/frames.json (``economic``, ``security_and_defense``...)."""
    score: float
    """In [0, 1]."""
    evidence: list[Evidence] = field(default_factory=list)


@dataclass(slots=True)
class Document:
    """An article under analysis: clean text, offset map and the annotations on it."""

    source: str
    format: str
    source_text: str
    text: str
    offsets: OffsetMap
    encoding: str | None = None
    hints: dict[str, Any] = field(default_factory=dict)
    paragraphs: list[Span] = field(default_factory=list)
    metadata: Metadata = field(default_factory=Metadata)
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    techniques: list[TechniqueSpan] = field(default_factory=list)
    sentences: list[SentenceScore] = field(default_factory=list)
    portrayal: list[Portrayal] = field(default_factory=list)
    genre: Genre | None = None
    frames: list[Frame] = field(default_factory=list)
    removed: list[Span] = field(default_factory=list)
    """Debris the cleaner dropped (headers, page numbers, mastheads), as spans of ``source_text``
    (``start``/``end`` are -1 because they are not in ``text``)."""
    nlp: Any = None
    """The spaCy ``Doc`` over ``text`` while annotators run; never serialised."""

    def span(self, start: int, end: int) -> Span:
        """The span ``[start, end)`` of the clean text, with its source offsets."""
        source_start, source_end = self.offsets.to_source(start, end)
        return Span(start, end, source_start, source_end, self.text[start:end])

    def paragraph_bounds(self) -> list[tuple[int, int]]:
        """``(start, end)`` of each paragraph: the cleaner's, or blank-line-separated parts
        of the text when a document was built without them."""
        if self.paragraphs:
            return [(p.start, p.end) for p in self.paragraphs]
        bounds: list[tuple[int, int]] = []
        position = 0
        for part in self.text.split("\n\n"):
            bounds.append((position, position + len(part)))
            position += len(part) + 2
        return bounds

    def evidence(self, start: int, end: int, kind: str, weight: float) -> Evidence:
        """The clean-text passage ``[start, end)`` as evidence, with its source offsets."""
        source_start, source_end = self.offsets.to_source(start, end)
        return Evidence(
            start, end, source_start, source_end, self.text[start:end], kind, round(weight, 4)
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "format": self.format,
            "text": self.text,
            "metadata": asdict(self.metadata),
            "entities": [asdict(entity) for entity in self.entities],
            "quotes": [asdict(quote) for quote in self.quotes],
            "techniques": [asdict(span) for span in self.techniques],
            "sentences": [asdict(sentence) for sentence in self.sentences],
            "portrayal": [asdict(portrayal) for portrayal in self.portrayal],
            "genre": asdict(self.genre) if self.genre is not None else None,
            "frames": [asdict(frame) for frame in self.frames],
        }

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)


Analysis = Document
"""What :func:`spinscope.analyze` returns: the analysed :class:`Document`."""
