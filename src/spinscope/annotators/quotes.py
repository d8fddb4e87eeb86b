"""Direct and indirect quotes, each attributed to a named speaker.

Direct quotes are found by pairing quote marks within paragraphs (a quote runs on into the next
paragraph only when that paragraph opens with a quote mark, as news style writes it), so an odd
number of marks can never swallow the rest of an article. Their speakers come from the cue
right after the closing mark (``"…," he said``) or right before the opening one (``X said: "…"``).
Indirect speech comes from the dependency parse of the sentences that hold a reporting verb or
"according to": the verb's clausal complement is the content and its subject the speaker.
Pronouns ("he"), descriptions ("the expert", "the professor") and bare surnames are resolved to
the named entity they refer to; a speaker is never reported as "he".
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from spinscope import gazetteer
from spinscope.annotators.entities import person_nouns
from spinscope.annotators.metadata import NOT_PROSE_KINDS, SPANS_HINT
from spinscope.data import read_json, read_lines
from spinscope.document import Document, Entity, Quote, Span, Speaker
from spinscope.nlp import NlpState

_CUE_WINDOW = 14
"""How many tokens after a closing mark may stand between it and its reporting verb."""
_MIN_UNCUED_WORDS = 4
"""A shorter quote with no cue of its own is a scare quote or a title, not speech."""
_DIRECT_CONTEXT_PARAGRAPHS = 1
_PRONOUN_LOOKBACK_PARAGRAPHS = 3
_ACADEMIC_NOUNS = frozenset(
    {"expert", "analyst", "scholar", "specialist", "observer", "commentator", "researcher"}
)


@functools.cache
def reporting_verbs() -> frozenset[str]:
    forms: set[str] = set()
    for line in read_lines("reporting_verbs.tsv"):
        _, _, inflections = line.partition("\t")
        forms.update(inflections.split("|"))
    return frozenset(forms)


_NOUN_LIKE_LEMMAS = frozenset(
    {
        "state",
        "report",
        "point",
        "note",
        "claim",
        "comment",
        "tweet",
        "post",
        "answer",
        "estimate",
        "remark",
        "promise",
        "joke",
        "caution",
        "continue",
        "feel",
        "reply",
    }
)


@functools.cache
def cue_words() -> frozenset[str]:
    """Forms that make a sentence worth parsing: reporting verbs, less the present-tense forms
    of lemmas that are mostly nouns in news ("the state", "a report"), which rarely report
    speech in that form and would double the parsing bill."""
    forms: set[str] = set()
    for line in read_lines("reporting_verbs.tsv"):
        lemma, _, inflections = line.partition("\t")
        for form in inflections.split("|"):
            if lemma in _NOUN_LIKE_LEMMAS and form in {lemma, lemma + "s", lemma + "es"}:
                continue
            if lemma in _NOUN_LIKE_LEMMAS and form.endswith("ing"):
                continue
            forms.add(form)
    return frozenset(forms)


@functools.cache
def _speaker_words() -> dict[str, Any]:
    data: dict[str, Any] = read_json("speaker_words.json")
    return data


@dataclass(slots=True)
class _Direct:
    start: int
    """First character inside the opening mark."""
    end: int
    """The closing mark's position (end exclusive of the content)."""
    open_mark: int
    close_mark: int
    paragraph: int


@dataclass(slots=True)
class _Attribution:
    speaker: Speaker | None
    cue: Span | None


class QuoteExtractor:
    """Adds ``doc.quotes``. Needs the entity annotator to have run."""

    name = "quotes"

    def __call__(self, doc: Document) -> Document:
        state: NlpState | None = doc.nlp
        if state is None:
            raise RuntimeError("QuoteExtractor needs EntityRecognizer to run first")
        resolver = _SpeakerResolver(doc, state)
        skipped = _skipped_spans(doc)
        paragraphs = doc.paragraph_bounds()
        directs = [
            d
            for d in find_direct_quotes(doc.text, paragraphs)
            if not any(a <= d.open_mark < b for a, b in skipped)
        ]
        inside = [(d.start, d.end) for d in directs]
        resolver.quoted = inside

        people = {e.id for e in doc.entities if e.type == "PERSON"}
        direct_quotes = self._attribute_direct(doc, state, directs, resolver, people)
        indirect_quotes = self._indirect(doc, state, inside, skipped, resolver)
        quotes = [q for q in direct_quotes if q is not None] + indirect_quotes
        quotes = _partial_quotes_follow_indirect(doc, quotes)
        quotes.sort(key=lambda q: (q.start, q.end))
        _documents_speak_for_their_issuers(state, quotes, resolver)
        _uncued_follow_reported(state, quotes, resolver, people)
        _pronoun_speakers_follow_described_subjects(doc, state, quotes, resolver)
        doc.quotes = [q for q in quotes if q.speaker is not None or q.kind == "direct"]
        return doc

    # -- direct quotes ---------------------------------------------------------------------
    def _attribute_direct(
        self,
        doc: Document,
        state: NlpState,
        directs: list[_Direct],
        resolver: _SpeakerResolver,
        people: set[str],
    ) -> list[Quote | None]:
        sdoc = state.doc
        results: list[Quote | None] = []
        previous: Quote | None = None
        for direct in directs:
            attribution = _cue_after(sdoc, direct, resolver) or _cue_before(sdoc, direct, resolver)
            words = len(doc.text[direct.start : direct.end].split())
            if attribution is None:
                if words < _MIN_UNCUED_WORDS:
                    # Scare quotes ("so-called 'peacekeepers'") or partial quotes, which an
                    # indirect quote around them may still claim.
                    results.append(_quote(doc, direct.start, direct.end, "partial", None, None))
                    continue
                speaker = None
                if previous is not None and previous.speaker is not None:
                    gap = resolver.paragraph_of(direct.open_mark) - resolver.paragraph_of(
                        previous.end
                    )
                    if gap <= _DIRECT_CONTEXT_PARAGRAPHS and _nobody_else_between(
                        state, people, previous.end, direct.open_mark, previous.speaker.entity_id
                    ):
                        speaker = previous.speaker
                attribution = _Attribution(speaker, None)
            quote = _quote(
                doc, direct.start, direct.end, "direct", attribution.speaker, attribution.cue
            )
            if quote.speaker is not None:
                resolver.note_speaker(quote)
            results.append(quote)
            previous = quote
        return results

    # -- indirect quotes -------------------------------------------------------------------
    def _indirect(
        self,
        doc: Document,
        state: NlpState,
        inside_direct: list[tuple[int, int]],
        skipped: list[tuple[int, int]],
        resolver: _SpeakerResolver,
    ) -> list[Quote]:
        verbs = reporting_verbs()
        cues = cue_words()
        candidates = []
        for sentence in state.doc.sents:
            if any(a <= sentence.start_char < b for a, b in skipped):
                continue
            lowered = [t.lower_ for t in sentence]
            has_cue = any(
                word in cues and not within(t.idx, inside_direct)
                for word, t in zip(lowered, sentence, strict=True)
            )
            if has_cue or "according" in lowered:
                candidates.append(sentence)
        quotes: list[Quote] = []
        for offset, parsed in state.parsed(candidates):
            for token in parsed:
                quote = None
                if token.lower_ in verbs and token.tag_.startswith(("VB", "MD")):
                    quote = _reported_speech(doc, offset, token, inside_direct, resolver)
                elif token.lower_ == "according":
                    quote = _according_to(doc, offset, token, resolver)
                if quote is not None:
                    quotes.append(quote)
        return quotes


def find_direct_quotes(text: str, paragraphs: list[tuple[int, int]]) -> list[_Direct]:
    """Pair quote marks paragraph by paragraph; unpaired marks are dropped, never extended.

    A quote stays open past a paragraph's end only when the next paragraph opens with a quote
    mark, the news convention for a quote running over several paragraphs.
    """
    marks = _speaker_words()["quote_marks"]
    openers: set[str] = set(marks["open"])
    closers: set[str] = set(marks["close"])
    pairs: dict[str, str] = marks["pairs"]
    found: list[_Direct] = []
    open_at: tuple[int, str] | None = None
    for number, (p_start, p_end) in enumerate(paragraphs):
        begin = p_start
        if open_at is not None:
            begin = p_start + 1  # skip the continuation's opening mark
        for i in range(begin, p_end):
            char = text[i]
            if char != '"' and char not in openers and char not in closers:
                continue
            if char in "‘’" and not _single_quote_mark(text, i, p_start, p_end):
                continue
            if open_at is None:
                if char in openers or (char == '"' and _opens(text, i, p_start)):
                    open_at = (i, char)
                continue
            opener = open_at[1]
            if opener == '"':
                if char == '"' and _closes(text, i, p_end):
                    closes = True
                elif char == '"' or char in openers:
                    open_at = (i, char)  # the earlier mark was stray: restart here
                    continue
                else:
                    continue
            else:
                closes = char == pairs.get(opener)
                if not closes:
                    if char == opener or (char == '"' and _opens(text, i, p_start)):
                        open_at = (i, char)
                    continue
            if closes:
                if i > open_at[0] + 1:
                    found.append(_Direct(open_at[0] + 1, i, open_at[0], i, number))
                open_at = None
        if open_at is not None:
            following = paragraphs[number + 1][0] if number + 1 < len(paragraphs) else None
            mark = text[following : following + 1] if following is not None else ""
            if not (mark in openers or mark == '"') or not _opens_sentence(
                text, open_at[0], p_start
            ):
                # An unmatched mark, or a partial quote opened mid-sentence: no quote, rather
                # than one that swallows the following paragraphs.
                open_at = None
    return found


def _opens_sentence(text: str, mark: int, p_start: int) -> bool:
    before = text[p_start:mark].rstrip()
    return not before or before[-1] in ".!?:,;—–-"


def _single_quote_mark(text: str, i: int, p_start: int, p_end: int) -> bool:
    """‘ and ’ are quote marks only at word edges; inside a word ’ is an apostrophe."""
    before = text[i - 1] if i > p_start else " "
    after = text[i + 1] if i + 1 < p_end else " "
    if text[i] == "‘":
        return not before.isalnum() and (after.isalnum() or after in '“"')
    return not after.isalnum()


def _opens(text: str, i: int, p_start: int) -> bool:
    before = text[i - 1] if i > p_start else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{—–-:,") and not after.isspace()


def _closes(text: str, i: int, p_end: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < p_end else " "
    return not before.isspace() and not after.isalnum()


def within(position: int, spans: list[tuple[int, int]]) -> bool:
    """Whether ``position`` lies in one of the ``[start, end)`` ``spans``."""
    return any(a <= position < b for a, b in spans)


def _quote(
    doc: Document, start: int, end: int, kind: str, speaker: Speaker | None, cue: Span | None
) -> Quote:
    # Trim whitespace so the span is exactly the quoted words.
    while start < end and doc.text[start].isspace():
        start += 1
    while end > start and doc.text[end - 1].isspace():
        end -= 1
    span = doc.span(start, end)
    return Quote(
        span.start, span.end, span.source_start, span.source_end, span.text, kind, speaker, cue
    )


def _token_at(sdoc: Any, char: int) -> Any:
    span = sdoc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _cue_after(sdoc: Any, direct: _Direct, resolver: _SpeakerResolver) -> _Attribution | None:
    """``"…," he said.`` / ``"…," said X.`` / ``"…," X told AZERTAC.``"""
    mark = _token_at(sdoc, direct.close_mark)
    if mark is None:
        return None
    sentence = mark.sent
    tokens = [t for t in sdoc[mark.i + 1 : sentence.end] if not t.is_space]
    while tokens and tokens[0].is_punct and tokens[0].text not in {"—", "–", "--"}:
        tokens = tokens[1:]
    if tokens and tokens[0].text in {"—", "–", "--"}:
        tokens = tokens[1:]
    if not tokens or tokens[0].text in {'"', "“", "«"}:
        return None
    verbs = reporting_verbs()
    for k, token in enumerate(tokens[:_CUE_WINDOW]):
        if token.text in {'"', "“", "”", "«", "»"} or (token.is_punct and token.text != ","):
            break
        if token.lower_ not in verbs:
            continue
        if k > 0:
            phrase = [t for t in tokens[:k] if t.lower_ not in {"has", "had", "have", "was", "is"}]
        else:
            phrase = []
            for t in tokens[1:]:
                if t.is_punct or t.lower_ in {"in", "on", "at", "during", "after", "to", "when"}:
                    break
                phrase.append(t)
        if not phrase or any(t.text == "," for t in phrase[:1]):
            return None
        speaker = resolver.resolve(phrase[0].idx, phrase[-1].idx + len(phrase[-1].text))
        cue = resolver.doc.span(token.idx, token.idx + len(token.text))
        return _Attribution(speaker, cue) if speaker is not None else None
    return None


def _cue_before(sdoc: Any, direct: _Direct, resolver: _SpeakerResolver) -> _Attribution | None:
    """``X said: "…"`` / ``He noted, "…"`` / ``According to X, "…"``."""
    mark = _token_at(sdoc, direct.open_mark)
    if mark is None:
        return None
    lead = [t for t in sdoc[mark.sent.start : mark.i] if not t.is_space]
    verbs = reporting_verbs()
    if lead and lead[-1].lower_ in verbs:
        # "… and said "…"": no colon or comma, and the subject may sit far back; parse.
        return _cue_from_parse(mark.sent, lead[-1], resolver)
    if not lead or lead[-1].text not in {":", ","}:
        return None
    lead = lead[:-1]
    for k in range(len(lead) - 1, -1, -1):
        token = lead[k]
        if token.lower_ == "to" and k > 0 and lead[k - 1].lower_ == "according":
            phrase = lead[k + 1 :]
            cue = resolver.doc.span(lead[k - 1].idx, token.idx + len(token.text))
            break
        if token.lower_ in verbs:
            start = k
            while start > 0 and lead[start - 1].text not in {",", ";", ":"}:
                start -= 1
            phrase = [
                t for t in lead[start:k] if t.lower_ not in {"has", "had", "have", "also", "then"}
            ]
            cue = resolver.doc.span(token.idx, token.idx + len(token.text))
            break
    else:
        return None
    if not phrase:
        return None
    speaker = resolver.resolve(phrase[0].idx, phrase[-1].idx + len(phrase[-1].text))
    if speaker is None and lead[k].lower_ in verbs:
        return _cue_from_parse(mark.sent, lead[k], resolver)
    return _Attribution(speaker, cue) if speaker is not None else None


def _cue_from_parse(
    sentence: Any, verb_token: Any, resolver: _SpeakerResolver
) -> _Attribution | None:
    """The speaker of a reporting verb by its grammatical subject in the sentence's parse."""
    ((offset, parsed),) = resolver.state.parsed([sentence])
    verb = next((t for t in parsed if offset + t.idx == verb_token.idx), None)
    if verb is None or not verb.tag_.startswith(("VB", "MD")):
        return None
    speaker = _speaker_of_verb(verb, offset, resolver)
    if speaker is None:
        return None
    cue = resolver.doc.span(verb_token.idx, verb_token.idx + len(verb_token.text))
    return _Attribution(speaker, cue)


def _channel_clauses(verb: Any) -> list[Any]:
    """The "that" clause the parser hangs off the medium: "said in a statement that ...",
    "told reporters in an interview that ..."."""
    clauses = []
    for preposition in verb.children:
        if preposition.dep_ != "prep":
            continue
        for medium in preposition.children:
            for clause in medium.children:
                if clause.dep_ in {"acl", "ccomp", "relcl"} and any(
                    c.dep_ == "mark" and c.lower_ == "that" for c in clause.children
                ):
                    clauses.append(clause)
    return clauses


def _reported_speech(
    doc: Document,
    offset: int,
    verb: Any,
    inside_direct: list[tuple[int, int]],
    resolver: _SpeakerResolver,
) -> Quote | None:
    if within(offset + verb.idx, inside_direct):
        return None
    content_tokens: list[Any] = []
    complements = [c for c in verb.children if c.dep_ == "ccomp"] or _channel_clauses(verb)
    if complements:
        # "said that it had carried out an operation, and that it did not target civilian
        # sites": the parser hangs the second "that" clause on the reporting verb
        complements += [
            c
            for c in verb.children
            if c.dep_ == "conj"
            and any(m.dep_ == "mark" and m.lower_ in {"that", "whether"} for m in c.children)
        ]
    as_clause = _as_clause_content(verb)
    if as_clause is not None:
        content_tokens = as_clause
    elif complements:
        for complement in complements:
            content_tokens.extend(complement.subtree)
    elif verb.dep_ in {"parataxis", "advcl"} and verb.head is not verb:
        # "As X noted, <clause>" and "<clause>, X said" parsed with the verb hanging off it.
        if verb.dep_ == "advcl" and not any(c.lower_ == "as" for c in verb.children):
            return None
        excluded = {t.i for t in verb.subtree}
        content_tokens = [t for t in verb.head.subtree if t.i not in excluded]
    if not content_tokens:
        return None
    content_tokens = [t for t in content_tokens if not t.is_space]
    content_tokens.sort(key=lambda t: t.i)
    while content_tokens and (
        content_tokens[0].is_punct or content_tokens[0].lower_ in {"that", "whether"}
    ):
        content_tokens = content_tokens[1:]
    while content_tokens and content_tokens[-1].is_punct and content_tokens[-1].text not in '”"»':
        content_tokens = content_tokens[:-1]
    if len(content_tokens) < 3:
        return None
    start = _after_dateline(doc, offset + content_tokens[0].idx)
    end = offset + content_tokens[-1].idx + len(content_tokens[-1].text)
    if any(a <= start and end <= b + 1 for a, b in inside_direct):
        return None  # the complement is a direct quote, attributed as such
    speaker = _speaker_of_verb(verb, offset, resolver)
    if speaker is None:
        return None
    cue_end = verb
    for child in verb.children:
        if child.dep_ == "prt" and child.i == verb.i + 1:
            cue_end = child  # "pointed out"
    cue = doc.span(offset + verb.idx, offset + cue_end.idx + len(cue_end.text))
    quote = _quote(doc, start, end, "indirect", speaker, cue)
    resolver.note_speaker(quote)
    return quote


def _as_clause_content(verb: Any) -> list[Any] | None:
    """``As X noted, <clause>``: the clause after the comma, however the parser attached it."""
    sentence = verb.doc
    first = next((t for t in sentence if not t.is_space), None)
    if first is None or first.lower_ != "as" or verb.i > first.i + 8:
        return None
    after = verb.i + 1
    if after < len(sentence) and sentence[after].dep_ == "prt":
        after += 1
    if after >= len(sentence) or sentence[after].text != ",":
        return None
    return [t for t in sentence[after + 1 :] if not t.is_space]


def _according_to(
    doc: Document, offset: int, according: Any, resolver: _SpeakerResolver
) -> Quote | None:
    to = next((c for c in according.children if c.lower_ == "to"), None)
    if to is None and according.i + 1 < len(according.doc):
        nxt = according.doc[according.i + 1]
        to = nxt if nxt.lower_ == "to" else None
    if to is None:
        return None
    objects = [c for c in to.children if c.dep_ == "pobj"]
    if not objects:
        return None
    source_tokens = list(objects[0].subtree)
    excluded = {t.i for t in according.subtree} | {t.i for t in source_tokens} | {to.i}
    head = according.head if according.head is not according else according
    content_tokens = [t for t in head.subtree if t.i not in excluded and not t.is_space]
    while content_tokens and content_tokens[0].is_punct:
        content_tokens = content_tokens[1:]
    while content_tokens and content_tokens[-1].is_punct:
        content_tokens = content_tokens[:-1]
    if len(content_tokens) < 3:
        return None
    # Any source can be cited: "according to a statement from the commission".
    speaker = _resolve_subject(objects[0], offset, resolver) or resolver.unresolved(
        _described_phrase(objects[0], offset)
    )
    start = offset + content_tokens[0].idx
    end = offset + content_tokens[-1].idx + len(content_tokens[-1].text)
    cue = doc.span(offset + according.idx, offset + to.idx + len(to.text))
    quote = _quote(doc, start, end, "indirect", speaker, cue)
    resolver.note_speaker(quote)
    return quote


def _speaker_of_verb(verb: Any, offset: int, resolver: _SpeakerResolver) -> Speaker | None:
    subject = _subject(verb)
    if subject is not None and subject.dep_ == "nsubjpass":
        # "she was told that ...": who was told is not who spoke; "by X" names the speaker
        agents = [
            pobj
            for child in verb.children
            if child.dep_ == "agent"
            for pobj in child.children
            if pobj.dep_ == "pobj"
        ]
        return _resolve_subject(agents[0], offset, resolver) if agents else None
    return _resolve_subject(subject, offset, resolver) if subject is not None else None


def _resolve_subject(subject: Any, offset: int, resolver: _SpeakerResolver) -> Speaker | None:
    """The speaker a subject names, through an apposition if need be ("His counterpart,
    Minister Nadia Roussel, said"); a described but unnamed speaker keeps its description."""
    body = _represented_body(subject, offset, resolver)
    if body is not None:
        return body
    phrase = _head_phrase(subject)
    speaker = resolver.resolve(
        offset + phrase[0].idx, offset + phrase[-1].idx + len(phrase[-1].text)
    )
    if speaker is None or speaker.entity_id is None:
        for child in subject.children:
            if child.dep_ == "appos":
                inner = _head_phrase(child)
                named = resolver.resolve(
                    offset + inner[0].idx, offset + inner[-1].idx + len(inner[-1].text)
                )
                if named is not None and named.entity_id is not None:
                    return named
    if speaker is not None and speaker.entity_id is None:
        return resolver.unresolved(_described_phrase(subject, offset))
    return speaker


def _represented_body(subject: Any, offset: int, resolver: _SpeakerResolver) -> Speaker | None:
    """ "A spokesman for the Indonesian military's regional command said": an unnamed
    spokesperson speaks for the body named after "for" or "of"; that body is the speaker,
    with the description as its mention and the spokesperson's title as the role."""
    spokesperson = subject.lower_ in _speaker_words()["spokespeople"]
    # "A commander of the 33rd Front said": an unnamed member, introduced with "a", speaks
    # for the body too; "the commander of X" is a particular person, named elsewhere.
    unnamed_member = subject.lower_ in gazetteer.person_titles() and any(
        child.dep_ == "det" and child.lower_ in {"a", "an"} for child in subject.children
    )
    if not (spokesperson or unnamed_member) or any(
        child.dep_ == "appos" for child in subject.children
    ):
        return None
    for child in subject.children:
        if child.dep_ != "prep" or child.lower_ not in {"for", "of"}:
            continue
        tokens = [t for t in child.subtree if not t.is_space]
        body = resolver.body_named_in(
            offset + tokens[0].idx, offset + tokens[-1].idx + len(tokens[-1].text)
        )
        if body is not None:
            described = resolver.doc.span(*_described_phrase(subject, offset))
            return Speaker(
                name=body.name, entity_id=body.id, role=subject.lower_, mention=described
            )
    return None


def _subject(verb: Any) -> Any:
    node = verb
    for _ in range(3):
        for child in node.children:
            if child.dep_ in {"nsubj", "nsubjpass"}:
                return child
        if node.dep_ in {"advcl", "conj", "xcomp", "parataxis"} and node.head is not node:
            node = node.head
        else:
            break
    # Inverted attribution: "…, said Professor X."
    for child in verb.children:
        if child.dep_ in {"dobj", "attr"} and child.tag_.startswith("NNP") and child.i > verb.i:
            return child
    return None


def _head_phrase(head: Any) -> list[Any]:
    """The noun phrase around ``head`` without relative clauses and appositions."""
    dropped = {"relcl", "appos", "acl", "punct", "prep", "advcl", "cc", "conj"}
    keep = [head]
    stack = list(head.children)
    while stack:
        child = stack.pop()
        if child.dep_ in dropped:
            continue
        keep.append(child)
        stack.extend(child.children)
    keep.sort(key=lambda t: t.i)
    # Keep the contiguous run containing the head.
    start = end = keep.index(head)
    while start > 0 and keep[start - 1].i == keep[start].i - 1:
        start -= 1
    while end + 1 < len(keep) and keep[end + 1].i == keep[end].i + 1:
        end += 1
    return keep[start : end + 1]


def _described_phrase(head: Any, offset: int) -> tuple[int, int]:
    """ "A spokesman for the ministry's press service": the subject without its clauses."""
    dropped: set[int] = set()
    for token in head.subtree:
        if token is not head and token.dep_ in {"relcl", "acl", "appos"}:
            dropped.update(t.i for t in token.subtree)
    tokens = [t for t in head.subtree if t.i not in dropped and not t.is_space]
    while len(tokens) > 1 and tokens[-1].is_punct:
        tokens.pop()
    return offset + tokens[0].idx, offset + tokens[-1].idx + len(tokens[-1].text)


def _partial_quotes_follow_indirect(doc: Document, quotes: list[Quote]) -> list[Quote]:
    """A short quoted fragment inside reported speech belongs to that speech's speaker.

    The reported clause is widened to the fragment's closing mark when the parse ended it
    inside the fragment (``adding that the talks had "stalled for months."``).
    """
    kept: list[Quote] = []
    partials = [q for q in quotes if q.kind == "partial"]
    for quote in quotes:
        if quote.kind == "partial":
            continue
        if quote.kind == "indirect":
            for partial in partials:
                if quote.start <= partial.start < quote.end < partial.end + 1:
                    quote = _quote(
                        doc, quote.start, partial.end + 1, "indirect", quote.speaker, quote.cue
                    )
        kept.append(quote)
    indirect = [q for q in kept if q.kind == "indirect"]
    for partial in partials:
        host = next((q for q in indirect if q.start <= partial.start < q.end), None)
        if host is not None:
            partial.kind = "direct"
            partial.speaker = host.speaker
            partial.cue = host.cue
            kept.append(partial)
    for quote in kept:
        if quote.kind != "direct":
            continue
        host = next((q for q in indirect if q.start <= quote.start < q.end), None)
        if host is None:
            continue
        nested = quote.cue is not None and host.start <= quote.cue.start < host.end
        if quote.speaker is None or not nested:
            # words quoted inside reported speech are that speaker's, unless the reported
            # speech itself reports them ("she said he told her: '...'")
            quote.speaker = host.speaker
            quote.cue = host.cue
    return kept


_SKIPPED_KINDS = (NOT_PROSE_KINDS - {"dateline"}) | {"title"}
"""No speech is reported on metadata lines or in the title; a wire story's first sentence runs
on after its dateline prefix (see :func:`_after_dateline`)."""


def _uncued_follow_reported(
    state: NlpState, quotes: list[Quote], resolver: _SpeakerResolver, people: set[str]
) -> None:
    """A direct quote with no cue of its own that follows, in the same paragraph, speech
    reported of someone ("Chikowore said the claim did not survive the facts. "If the
    problem were ..."") continues that speaker's words, when nobody else is named between.
    Quotes are in text order."""
    for k, quote in enumerate(quotes):
        if quote.kind != "direct" or quote.speaker is not None:
            continue
        before = next(
            (q for q in reversed(quotes[:k]) if q.end <= quote.start and q.kind != "partial"),
            None,
        )
        if (
            before is None
            or before.kind != "indirect"
            or before.speaker is None
            or before.speaker.entity_id is None
            or resolver.paragraph_of(before.start) != resolver.paragraph_of(quote.start)
            or not _nobody_else_between(
                state, people, before.end, quote.start, before.speaker.entity_id
            )
        ):
            continue
        quote.speaker = before.speaker


def _documents_speak_for_their_issuers(
    state: NlpState, quotes: list[Quote], resolver: _SpeakerResolver
) -> None:
    """ "The army said in a statement that ... "...," the statement said": a document cited
    as the speaker ("the statement", "the communique") speaks for whoever was reported
    speaking in the sentence that introduced it, in the same or the previous paragraph.
    Quotes are in text order."""
    documents = frozenset(_speaker_words()["issued_documents"])
    for k, quote in enumerate(quotes):
        speaker = quote.speaker
        if speaker is None or speaker.entity_id is not None or speaker.mention is None:
            continue
        words = speaker.mention.text.lower().split()
        if len(words) != 2 or words[0] not in {"the", "this", "that"} or words[1] not in documents:
            continue
        token = _token_at(state.doc, speaker.mention.start)
        if token is None:
            continue
        paragraph = resolver.paragraph_of(speaker.mention.start)
        introduced = next(
            (
                word.sent
                for word in reversed(state.doc[: token.i])
                if word.lower_ == words[1] and not within(word.idx, resolver.quoted)
            ),
            None,
        )
        if introduced is None or paragraph - resolver.paragraph_of(introduced.start_char) > 1:
            continue
        issuer = next(
            (
                earlier.speaker
                for earlier in quotes[:k]
                if introduced.start_char <= earlier.start < introduced.end_char
                and earlier.speaker is not None
                and earlier.speaker.entity_id is not None
            ),
            None,
        )
        if issuer is not None:
            quote.speaker = Speaker(
                name=issuer.name,
                entity_id=issuer.entity_id,
                role=issuer.role,
                mention=speaker.mention,
            )


def _pronoun_speakers_follow_described_subjects(
    doc: Document, state: NlpState, quotes: list[Quote], resolver: _SpeakerResolver
) -> None:
    """'"...," he said' after a sentence whose subject describes an earlier speaker ("The
    economist credited the leadership of President X ..."; "a Masvingo economist told the
    agency ...") is that speaker's, not the person named further into the sentence. Only a
    quote that opens its sentence, with a pronoun cue, in the paragraph of that sentence."""
    titles = gazetteer.person_titles()
    for k, quote in enumerate(quotes):
        speaker = quote.speaker
        if (
            quote.kind != "direct"
            or speaker is None
            or speaker.mention is None
            or speaker.mention.text.lower() not in {"he", "she"}
        ):
            continue
        token = _token_at(state.doc, quote.start)
        if token is None or token.sent.start == 0:
            continue
        if doc.text[token.sent.start_char : quote.start].strip(" \"“‘'"):
            continue  # 'X said: "..."': the sentence opens before the quote
        previous = state.doc[token.sent.start - 1].sent
        if resolver.paragraph_of(previous.start_char) != resolver.paragraph_of(quote.start):
            continue
        ((_, parse),) = state.parsed([previous])
        nouns = [
            word.lower_
            for word in parse
            if word.dep_ == "nsubj"
            and word.head.dep_ == "ROOT"
            and word.lower_ in titles
            and any(c.dep_ == "det" and c.lower_ == "the" for c in word.children)
        ]
        if not nouns:
            continue
        described = next(
            (
                earlier.speaker
                for earlier in reversed(quotes[:k])
                if earlier.speaker is not None
                and earlier.speaker.entity_id is not None
                and earlier.speaker.mention is not None
                and (
                    nouns[0] in earlier.speaker.mention.text.lower().split()
                    or nouns[0] in (earlier.speaker.role or "").lower().split()
                )
            ),
            None,
        )
        if described is None or described.entity_id == speaker.entity_id:
            continue
        quote.speaker = Speaker(
            name=described.name,
            entity_id=described.entity_id,
            role=described.role,
            mention=speaker.mention,
        )
        for later in quotes[k + 1 :]:  # uncued quotes that went on with the pronoun's choice
            if later.kind != "direct" or later.cue is not None or later.speaker != speaker:
                break
            later.speaker = quote.speaker


def _skipped_spans(doc: Document) -> list[tuple[int, int]]:
    """Title, byline and other metadata lines: no speech is reported there."""
    spans: dict[str, tuple[int, int]] = doc.hints.get(SPANS_HINT) or {}
    return [(start, end) for kind, (start, end) in spans.items() if kind in _SKIPPED_KINDS]


def _after_dateline(doc: Document, start: int) -> int:
    """Reported speech in a wire story's first sentence starts after the dateline prefix."""
    spans: dict[str, tuple[int, int]] = doc.hints.get(SPANS_HINT) or {}
    dateline = spans.get("dateline")
    if dateline is None or not dateline[0] <= start < dateline[1]:
        return start
    start = dateline[1]
    while start < len(doc.text) and (doc.text[start].isspace() or doc.text[start] in "-–—:"):
        start += 1
    return start


def _nobody_else_between(
    state: NlpState, people: set[str], start: int, end: int, speaker: str | None
) -> bool:
    """True when no person but the speaker is named between two quotes."""
    return all(
        entity_id == speaker or entity_id not in people
        for m_start, _, entity_id in state.mentions
        if start <= m_start < end
    )


class _SpeakerResolver:
    """Resolves the words that name a speaker to an entity, remembering who spoke last."""

    def __init__(self, doc: Document, state: NlpState) -> None:
        self.doc = doc
        self.state = state
        self.entities: dict[str, Entity] = {e.id: e for e in doc.entities}
        self.mention_starts = [m[0] for m in state.mentions]
        self.paragraph_starts = [start for start, _ in doc.paragraph_bounds()]
        self.speakers: list[tuple[int, str]] = []
        """(position, entity id) of attributed quotes so far."""
        self.voices: list[tuple[int, Entity]] = []
        """(start of the description, body) of bodies that spoke through an unnamed
        spokesperson or member ("a spokesman for the ministry")."""
        self.gender: dict[str, str] = {}
        self.quoted: list[tuple[int, int]] = []
        """Spans of direct quotes, whose inner names are not antecedents."""
        for entity in doc.entities:
            for mention in entity.mentions:
                before = doc.text[max(0, mention.start - 5) : mention.start].lower()
                if "mr." in before or "mr " in before:
                    self.gender[entity.id] = "m"
                elif any(h in before for h in ("ms.", "mrs.", "ms ", "mrs ")):
                    self.gender[entity.id] = "f"

    def paragraph_of(self, char: int) -> int:
        return bisect.bisect_right(self.paragraph_starts, char) - 1

    def note_speaker(self, quote: Quote) -> None:
        if quote.speaker is not None and quote.speaker.entity_id is not None:
            self.speakers.append((quote.start, quote.speaker.entity_id))
            entity = self.entities.get(quote.speaker.entity_id)
            if (
                entity is not None
                and entity.type != "PERSON"
                and quote.speaker.role is not None
                and quote.speaker.mention is not None
            ):
                self.voices.append((quote.speaker.mention.start, entity))

    def _body_voice(self, position: int) -> Entity | None:
        """ "A spokesman for the movement said ... He denied ...": the body whose unnamed
        spokesperson or member spoke last, in this paragraph or the one before, when no
        person is named between (outside quotes)."""
        earlier = [(start, entity) for start, entity in self.voices if start < position]
        if not earlier:
            return None
        start, entity = max(earlier, key=lambda item: item[0])
        if self.paragraph_of(position) - self.paragraph_of(start) > 1:
            return None
        for m_start, _person in self._persons_before(position):
            if m_start <= start:
                break
            if not within(m_start, self.quoted):
                return None
        return entity

    def resolve(self, start: int, end: int) -> Speaker | None:
        mention = self.doc.span(start, end)
        words = mention.text.lower().split()
        if not words:
            return None
        head = words[-1]
        titles = gazetteer.person_titles()
        named = self._named_in(start, end)
        if named is not None and named[0].type != "PERSON" and named[2] < end:
            # "an Italian political scientist" is a person, "Guatemalan authorities" and
            # "an FBI informant" are not Italy, Guatemala or the FBI: the name only qualifies
            # the head noun.
            if not (head in titles and words[0] in {"a", "an", "the"}):
                return self.unresolved((start, end))
            named = None
        if named is not None:
            return self._speaker(named[0], mention, named[1])
        if words[0] in {"a", "an"} and head in titles:
            later = self._named_later(end, head)
            if later is not None:
                return self._speaker(later, mention, None)
            return Speaker(name=mention.text, entity_id=None, role=None, mention=mention)
        if words == ["it"]:
            # "The ministry said ... It said it had detained ...": the body that spoke last
            body = self._last_body_speaker(start)
            return self._speaker(body, mention, None) if body is not None else None
        pronouns: dict[str, str] = _speaker_words()["pronouns"]
        if len(words) == 1 and head in pronouns:
            gender = pronouns[head]
            if gender in {"m", "f"}:
                antecedent = self._antecedent(start, gender)
                if antecedent is None:
                    return None
                self.gender.setdefault(antecedent.id, gender)
                return self._speaker(antecedent, mention, None)
            return None
        if words[0] in {"the", "this", "that"} and (head in titles or head.rstrip("s") in titles):
            described = self._described(start, head)
            if described is not None:
                return self._speaker(described, mention, None)
        if (
            head in titles
            or mention.text.lower() in _speaker_words()["group_speakers"]
            or any(w in _speaker_words()["group_speakers"] for w in (head, " ".join(words[-2:])))
            or (
                len(words) == 2
                and words[0] in {"the", "this", "that"}
                and head in _speaker_words()["issued_documents"]
            )
        ):
            return Speaker(name=mention.text, entity_id=None, role=None, mention=mention)
        return None

    def _last_body_speaker(self, position: int) -> Entity | None:
        """The organisation or state quoted last before ``position``, or the one that is the
        subject of the sentence before (``Venezuela's defence ministry rejected any
        suggestion ... It said ...``), whichever came later, in the same or the previous
        paragraph ("it" is never a person, so people quoted since do not count)."""
        bodies = [
            (spoke_at, self.entities[entity_id])
            for spoke_at, entity_id in self.speakers
            if spoke_at < position
            and entity_id in self.entities
            and self.entities[entity_id].type != "PERSON"
        ]
        subject = self._previous_subject_body(position)
        if subject is not None:
            bodies.append(subject)
        if not bodies:
            return None
        spoke_at, entity = max(bodies, key=lambda item: item[0])
        if self.paragraph_of(position) - self.paragraph_of(spoke_at) > 1:
            return None
        return entity

    def _previous_subject_body(self, position: int) -> tuple[int, Entity] | None:
        """The organisation or state whose mention heads the subject of the sentence before
        the one at ``position``, with the mention's start."""
        token = _token_at(self.state.doc, position)
        if token is None or token.sent.start == 0:
            return None
        previous = self.state.doc[token.sent.start - 1].sent
        ((offset, parse),) = self.state.parsed([previous])
        lo = bisect.bisect_left(self.mention_starts, previous.start_char)
        for word in parse:
            if word.dep_ not in {"nsubj", "nsubjpass"} or word.head.dep_ != "ROOT":
                continue
            # the subject's head, else its owner ("Latvia's defence ministry")
            heads = [word, *[c for c in word.children if c.dep_ == "poss"]]
            for head in (offset + head_word.idx for head_word in heads):
                for m_start, m_end, entity_id in self.state.mentions[lo:]:
                    if m_start > head:
                        break
                    entity = self.entities.get(entity_id)
                    if m_end > head and entity is not None and entity.type != "PERSON":
                        return m_start, entity
        return None

    def unresolved(self, span: tuple[int, int]) -> Speaker:
        """A speaker the text describes but never names ("a spokesman for the ministry")."""
        mention = self.doc.span(*span)
        return Speaker(name=mention.text, entity_id=None, role=None, mention=mention)

    def _speaker(self, entity: Entity, mention: Span, mention_start: int | None) -> Speaker:
        role = self.state.roles.get(mention_start) if mention_start is not None else None
        if role is None and entity.roles:
            role = entity.roles[0]
        return Speaker(name=entity.name, entity_id=entity.id, role=role, mention=mention)

    def _named_in(self, start: int, end: int) -> tuple[Entity, int, int] | None:
        """The entity named in ``[start, end)`` (a person first), its mention's start and end,
        where the end is that of the phrase's trailing words when only a possessive follows."""
        found: list[tuple[int, int, Entity]] = []
        lo = bisect.bisect_left(self.mention_starts, start)
        for m_start, m_end, entity_id in self.state.mentions[lo:]:
            if m_start >= end:
                break
            if m_end <= end:
                found.append((m_start, m_end, self.entities[entity_id]))
        rank = {"PERSON": 0, "ORG": 1, "GPE": 2, "NORP": 3, "LOC": 4, "FAC": 5}
        if not found:
            return None
        text = self.doc.text

        def preference(f: tuple[int, int, Entity]) -> tuple[int, bool, int]:
            # A person first; of several, not a possessive ("Campbell's attorney Victoria
            # Toensing" is Toensing), then the last named.
            possessive = text[f[1] : f[1] + 2] in {"'s", "’s"}
            return rank.get(f[2].type, 9), possessive, -f[0]

        m_start, m_end, entity = min(found, key=preference)
        rest = text[m_end:end].strip()
        return entity, m_start, end if rest in {"", "'s", "’s", ")"} else m_end

    def _persons_before(self, position: int) -> Iterable[tuple[int, Entity]]:
        hi = bisect.bisect_left(self.mention_starts, position)
        for m_start, _, entity_id in reversed(self.state.mentions[:hi]):
            entity = self.entities[entity_id]
            if entity.type == "PERSON":
                yield m_start, entity

    def _named_later(self, position: int, noun: str) -> Entity | None:
        """ "an Italian political scientist has said" → the person named next, outside quotes,
        in apposition ("a spokesman, Ivan Petrov, said") or in a later sentence: a person
        named further on in the same sentence is what was said about, not who said it. Not
        one the text introduces with another role ("an official said ... Selam Tadesse, a
        nurse, said"), and nobody when the speaker is anonymous ("speaking on condition of
        anonymity")."""
        paragraph = self.paragraph_of(position)
        token = _token_at(self.state.doc, max(position - 1, 0))
        sentence_end = token.sent.end_char if token is not None else position
        anonymous = frozenset(_speaker_words()["anonymous_words"])
        if token is not None and any(
            word.lower_ in anonymous for word in token.sent if word.idx >= position
        ):
            return None
        lo = bisect.bisect_left(self.mention_starts, position)
        for m_start, _, entity_id in self.state.mentions[lo:]:
            if self.paragraph_of(m_start) - paragraph > 2:
                break
            entity = self.entities[entity_id]
            if entity.type != "PERSON" or within(m_start, self.quoted):
                continue
            appositive = self.doc.text[position:m_start].strip() in {",", ""}
            if not appositive and self._introduced_otherwise(entity, noun):
                continue
            if appositive or m_start >= sentence_end:
                return entity
        return None

    @staticmethod
    def _introduced_otherwise(entity: Entity, noun: str) -> bool:
        """The text gives the person an everyday role other than ``noun`` ("Selamawit
        Tadesse, a nurse at the health centre" is not "an official")."""
        if not entity.roles:
            return False
        words = entity.roles[0].lower().split()
        return noun not in words and any(word in person_nouns() for word in words[:2])

    def body_named_in(self, start: int, end: int) -> Entity | None:
        """The first organisation, state or group named in ``[start, end)``."""
        lo = bisect.bisect_left(self.mention_starts, start)
        for m_start, m_end, entity_id in self.state.mentions[lo:]:
            if m_start >= end:
                break
            entity = self.entities.get(entity_id)
            if (
                m_end <= end
                and entity is not None
                and entity.type in {"ORG", "GPE", "NORP"}
                # a name ("the 33rd Front" too), not "ministry's press service"
                and (entity.name[:1].isupper() or entity.name[:1].isdigit())
            ):
                return entity
        return None

    def _compatible(self, entity: Entity, gender: str) -> bool:
        known = self.gender.get(entity.id)
        if known is not None:
            return known == gender
        # A one-word "person" with no title is often a company or place the model mistook.
        return len(entity.name.split()) >= 2 or bool(entity.roles) or self._has_spoken(entity)

    def _has_spoken(self, entity: Entity) -> bool:
        return any(entity_id == entity.id for _, entity_id in self.speakers)

    def _antecedent(self, position: int, gender: str) -> Entity | None:
        paragraph = self.paragraph_of(position)
        quoted = self.quoted
        # 0. The body whose unnamed spokesperson spoke just before, no one named since.
        voice = self._body_voice(position)
        if voice is not None:
            return voice
        # 1. A person named earlier in the same paragraph, outside quotation and outside what
        #    someone is reported to have said ("X said that Serbia, under Y, ...").
        for m_start, entity in self._persons_before(position):
            if self.paragraph_of(m_start) != paragraph:
                break
            if within(m_start, quoted) or self._reported(m_start):
                continue
            if self._beside_pronoun_subject(m_start, gender):
                continue
            if self._compatible(entity, gender):
                return entity
        # 2. The last speaker, within a few paragraphs.
        for s_start, entity_id in reversed(self.speakers):
            if s_start >= position:
                continue
            if paragraph - self.paragraph_of(s_start) > _PRONOUN_LOOKBACK_PARAGRAPHS:
                break
            entity = self.entities[entity_id]
            if entity.type == "PERSON" and self._compatible(entity, gender):
                return entity
        # 3. The last person named at all, within a few paragraphs: first one named outside
        #    quotation and outside what others are reported to have said, then anyone.
        for strict in (True, False):
            for m_start, entity in self._persons_before(position):
                if paragraph - self.paragraph_of(m_start) > _PRONOUN_LOOKBACK_PARAGRAPHS:
                    break
                if strict and (within(m_start, quoted) or self._reported(m_start)):
                    continue
                if self._compatible(entity, gender):
                    return entity
        return None

    def _beside_pronoun_subject(self, char: int, gender: str) -> bool:
        """Whether the name at ``char`` is not the subject of a clause whose subject is a
        pronoun of ``gender``: in "She made us read Dario aloud", "she" is someone else than
        Dario, so a later "she" is not Dario either."""
        token = _token_at(self.state.doc, char)
        if token is None:
            return False
        ((offset, parse),) = self.state.parsed([token.sent])
        named = next((word for word in parse if offset + word.idx == char), None)
        if named is None or named.dep_ in {"nsubj", "nsubjpass"}:
            return False
        pronouns: dict[str, str] = _speaker_words()["pronouns"]
        clauses = {ancestor.i for ancestor in named.ancestors}
        return any(
            word.dep_ in {"nsubj", "nsubjpass"}
            and pronouns.get(word.lower_) == gender
            and word.head.i in clauses
            for word in parse
        )

    def _reported(self, char: int) -> bool:
        """Whether ``char`` lies in a "said that …" clause: after a reporting verb followed by
        "that" earlier in its sentence."""
        token = _token_at(self.state.doc, char)
        if token is None:
            return False
        sentence = token.sent
        verbs = reporting_verbs()
        return any(
            word.lower_ in verbs and word.i + 1 < token.i and word.nbor(1).lower_ == "that"
            for word in sentence
            if word.i < token.i
        )

    def _described(self, position: int, noun: str) -> Entity | None:
        """ "the professor" → the last person whose stated role says professor."""
        noun = noun.rstrip("s") if noun not in gazetteer.person_titles() else noun
        candidates: list[Entity] = []
        seen: set[str] = set()
        for _, entity in self._persons_before(position):
            if entity.id not in seen:
                seen.add(entity.id)
                candidates.append(entity)
        for entity in candidates:
            if any(noun in role.lower() for role in entity.roles):
                return entity
        if noun in _ACADEMIC_NOUNS:
            for entity in candidates:
                if any(
                    gazetteer.person_titles().get(w.lower()) == "academic"
                    for role in entity.roles
                    for w in role.split()
                ):
                    return entity
        for s_start, entity_id in reversed(self.speakers):
            if s_start < position and self.entities[entity_id].type == "PERSON":
                return self.entities[entity_id]
        return candidates[0] if candidates else None
